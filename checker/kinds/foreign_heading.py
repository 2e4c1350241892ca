"""Kind ``foreign-heading``: a short heading, crosshead, label or title part left in another language.

Sentence-level identification needs five ordinary words; headings have two to
eight, often in capitals (``KEEPER ON THE MOVE``), and a scraped title often keeps
the original beside the translation (``Les Samis en Norvège - Sami people of the
north``). Units judged:

- a run of two or more words in capitals (a crosshead or a caption headline);
- a part of the first line (the title) cut at `` - ``, `` | ``, `` – ``, `` — ``;
- an interface label with a counter (``Comments (3)``): at most ``max_label_words`` words.

Each unit is judged word by word on wordfreq frequencies (case folded): for the
most likely other language L (``sources``), every word's Zipf gain
``zipf_L − zipf_doc`` is summed. The unit is reported when the sum reaches
``min_gain``, the mean gain ``min_mean_gain``, at least two words gain
``word_gain`` or more (one word of a unit of at most three words gaining
``single_gain``), and no word is a function word of the document's language only
(``LES CORBEAUX PRÊTS`` stays French even with an English word in it). A heading
(not a label) also needs a function word of L that the document's language lacks, or
two common words of L (Zipf 3.5 or more) that each gain ``word_gain``. Names
and acronyms are unknown to every language and weigh nothing.

The function-word lists are those of ``leftover-words`` (``leftover-words-<lang>.txt``).
"""

from __future__ import annotations

import math
from collections.abc import Iterator
from functools import cache

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.rules import Rule, param
from checker.wordlists import fold, read_list

NAME = "foreign-heading"
PARAMS = {
    "sources": param(list, default=["en", "id", "ms", "vi", "tr", "fil", "nl", "de", "es", "it", "pt", "fr"],
                     doc="languages a heading may have been left in"),
    "lists": param(str, default="leftover-words-{lang}.txt", doc="function words per language, beside the rule"),
    "max_words": param(int, default=8, doc="longest unit judged, in words"),
    "max_label_words": param(int, default=3, doc="longest short line judged as a label"),
    "min_gain": param(float, default=2.5, doc="summed Zipf gain of the foreign language"),
    "min_mean_gain": param(float, default=0.8, doc="mean Zipf gain per word"),
    "word_gain": param(float, default=1.5, doc="gain that makes a word evidence"),
    "single_gain": param(float, default=3.0, doc="gain one word needs in a unit of at most three words"),
}

_WORD = regex.compile(r"\p{L}[\p{L}\p{M}]*+(?:['’]\p{L}[\p{L}\p{M}]*+)*+")
_CAPS_RUN = regex.compile(
    r"(?<![\p{L}\p{M}])\p{Lu}[\p{Lu}\p{M}'’]*+(?:[ \u00a0]++\p{Lu}[\p{Lu}\p{M}'’]*+){1,12}+(?![\p{L}\p{M}])"
)
_TITLE_SEP = regex.compile(r"(?<![ \u00a0])[ \u00a0]++[-|–—][ \u00a0]++")
# An interface label with a counter: "Comments (3)", "Kommentare: 12".
_LABEL = regex.compile(r"[ \t]*+(\p{L}[\p{L}\p{M} ]{0,40}?)[ \u00a0]*+(?:\(\d{1,6}\)|:[ \u00a0]*\d{1,6})[ \t]*+$", regex.M)
_WORDFREQ = {"tl": "fil"}
# A lowercase word of four letters or more: a title part in sentence case, not a name in Title Case.
_LOWER_WORD = regex.compile(r"(?<![\p{L}\p{M}])\p{Ll}[\p{Ll}\p{M}]{3,}+")


#: Zipf frequency of a common word (for the two-word evidence of a heading).
_COMMON = 3.5


def _zipf(word: str, lang: str) -> float:
    from checker.lexicon import frequencies

    f = frequencies(lang, "small").get(word)
    return math.log10(f) + 9 if f else 0.0


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Read the params; word lists load lazily."""
    p = rule.params
    sources = [_WORDFREQ.get(s, s) for s in p["sources"]]
    template = p["lists"]
    max_words, max_label = p["max_words"], p["max_label_words"]
    min_gain, min_mean, word_gain, single_gain = p["min_gain"], p["min_mean_gain"], p["word_gain"], p["single_gain"]
    if "{lang}" not in template:
        raise ValueError("lists must contain {lang}")

    @cache
    def function_words(lang: str) -> frozenset[str]:
        path = rule.resolve(template.format(lang=lang))
        return frozenset(fold(w) for w in read_list(path)) if path.exists() else frozenset()

    def verdict(words: list[str], doc_lang: str, label: bool, n_words: int) -> tuple[str, float] | None:
        own = function_words(doc_lang)
        z_doc = [_zipf(w, doc_lang) for w in words]
        best: tuple[float, str, list[float]] | None = None
        for lang in sources:
            if lang == doc_lang or (doc_lang in ("id", "ms") and lang in ("id", "ms")):
                continue
            gains = [_zipf(w, lang) - zd for w, zd in zip(words, z_doc, strict=True)]
            total = sum(gains)
            if best is None or total > best[0]:
                best = (total, lang, gains)
        if best is None:
            return None
        total, lang, gains = best
        theirs = function_words(lang)
        if any(w in own and w not in theirs for w in words) or min(gains) <= -1.0:
            return None  # a word of the article's language: a mixed heading, not a foreign one
        if label:
            enough = len(words) <= 3 and max(gains) >= single_gain and total >= min_gain
        else:
            # A heading needs a function word of that language that the article's language lacks:
            # names (agency credits, singers) are as well known in their own language as words are.
            exclusive = any(w in theirs and w not in own and g >= word_gain
                            for w, g in zip(words, gains, strict=True))
            # Or two common words of that language, each far rarer in the article's ("KEEPER ON
            # MOVE": « on » is French too): names weigh nothing, words of both languages too little.
            exclusive = exclusive or sum(
                1 for w, g in zip(words, gains, strict=True) if g >= word_gain and _zipf(w, lang) >= _COMMON
            ) >= 2
            enough = exclusive and n_words >= 3 and total >= min_gain and total / len(words) >= min_mean
        if enough:
            return lang, min(0.95, 0.6 + total / 20)
        return None

    def units(doc: Document) -> Iterator[tuple[int, int, bool]]:
        text = doc.prose
        seen: set[tuple[int, int]] = set()
        for m in _CAPS_RUN.finditer(text):
            if m.group().count(" ") + 1 <= max_words:
                seen.add(m.span())
                yield *m.span(), False
        lines = doc.lines
        if lines:
            first = lines[0]
            parts = list(_TITLE_SEP.finditer(text, first.start, first.end))
            if parts:
                pos = first.start
                for sep in [*parts, None]:
                    end = sep.start() if sep else first.end
                    if pos < end and (pos, end) not in seen and _LOWER_WORD.search(text, pos, end):
                        yield pos, end, False
                    pos = sep.end() if sep else pos
        for line in lines:
            m = _LABEL.match(text, line.start, line.end)
            if m and len(_WORD.findall(m.group(1))) <= max_label:
                yield m.start(1), m.end(1), True

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        from checker import lexicon
        from checker.lang import display_name

        doc_lang = _WORDFREQ.get(ctx.primary, ctx.primary)
        if doc_lang not in lexicon.available():
            return
        text = doc.prose
        done: list[tuple[int, int]] = []
        for start, end, label in units(doc):
            if any(s <= start < e or start <= s < end for s, e in done):
                continue
            matches = list(_WORD.finditer(text, start, end))
            if not matches or len(matches) > max_words:
                continue
            words = [fold(m.group()).replace("’", "'") for m in matches]
            n_words = len(words)
            if not label and not text[start:end].isupper():
                # A title part in sentence case: its capitalised words are names; they do not vote.
                kept = [w for w, m in zip(words, matches, strict=True) if not m.group()[:1].isupper()]
                words = kept or words
            if any(ch.isdigit() or ch in "./@#_" for ch in text[start:end]):
                continue  # file names, domains, dates: no heading
            found = verdict(words, doc_lang, label, n_words)
            if found is None:
                continue
            s, e = matches[0].start(), matches[-1].end()
            done.append((s, e))
            yield Hit(s, e, confidence=round(found[1], 3),
                      args={"lang": display_name(found[0]), "doc_lang": display_name(doc_lang)})

    return check
