"""Kind ``cut-word``: a passage that ends in the middle of a word.

A caption, a teaser or a paragraph cut at a fixed number of characters ends on
a fragment (``les mi``, ``gouverneme``, ``Verantwortl``) with no punctuation after
it, or with the ellipsis the site put in place of the rest (``la fédéra...``). The last word of a passage (or of a line in capitals, a crosshead) is
reported when it is no word of the document's language nor of English (Zipf below
``max_known`` in both lists), is at least ``min_len`` letters long, and is the beginning of a
word of the language at least ``min_zipf`` frequent (``gouverneme`` →
``gouvernement``) or of a longer word used elsewhere in the document. With ``max_known_long``,
a rarer word the lists know (``commu``, a web abbreviation) also counts at the end of a long
line with no final punctuation, when a word it begins is far more frequent (``communiqué``).

Names (a capitalised word in a lowercase passage), words with digits, URLs and
handles are left alone.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from functools import cache

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.rules import Rule, param

NAME = "cut-word"
PARAMS = {
    "min_len": param(int, default=2, doc="letters the fragment needs"),
    "min_zipf": param(float, default=3.0, doc="frequency of the word the fragment begins"),
    "max_known": param(float, default=2.0, doc="a last word this frequent in the language (or English) is a word"),
    "max_known_ellipsis": param(float, default=1.5, doc="the same before an ellipsis, where a rare whole word is likelier"),
    "max_known_long": param(float, default=0.0, doc="at the end of a line of ``long_words`` words or more with no "
                            "final punctuation, a last word this rare still counts as a fragment when a word it "
                            "begins is ``long_gap`` more frequent (« selon un commu »; 0: off)"),
    "long_words": param(int, default=15, doc="words of a line for max_known_long"),
    "long_gap": param(float, default=1.5, doc="how much more frequent the completed word must be (Zipf)"),
}

_LAST_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}@#/._'’-])(\p{L}[\p{L}\p{M}]*+)(?:\.{3}|…)?[ \t]*+$")
_WORD = regex.compile(r"\p{L}[\p{L}\p{M}]{2,}+")
_ROMAN = regex.compile(r"[IVXLCDM]++|[ivxlcdm]++")


@cache
def _sorted_words(lang: str, min_zipf: float) -> list[str]:
    import math

    from checker import lexicon

    return sorted(w for w, f in lexicon.frequencies(lang, "small").items() if math.log10(f) + 9 >= min_zipf)


def _small_zipf(word: str, lang: str) -> float:
    """Zipf frequency in wordfreq's small list (the large English list is not worth loading here)."""
    import math

    from checker import lexicon

    f = lexicon.frequencies(lang, "small").get(word)
    return math.log10(f) + 9 if f else 0.0


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Read the params; the word list loads lazily."""
    min_len, min_zipf = rule.params["min_len"], rule.params["min_zipf"]
    max_known = rule.params["max_known"]
    max_known_ellipsis = rule.params["max_known_ellipsis"]
    max_known_long, long_words, long_gap = rule.params["max_known_long"], rule.params["long_words"], rule.params["long_gap"]
    if min_len < 1:
        raise ValueError("min_len must be >= 1")

    def best_completion(fragment: str, words: list[str], lang: str) -> float:
        """The Zipf frequency of the most frequent word that `fragment` begins (bounded scan)."""
        from checker import lexicon

        i = bisect.bisect_right(words, fragment)
        best = 0.0
        for w in words[i:i + 200]:
            if not w.startswith(fragment):
                break
            best = max(best, lexicon.zipf(w, lang))
        return best

    def begins_word(fragment: str, words: list[str]) -> bool:
        i = bisect.bisect_right(words, fragment)
        return i < len(words) and words[i].startswith(fragment) and words[i] != fragment

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        from checker import lexicon

        lang = ctx.primary
        if lang not in lexicon.available():
            return
        text = doc.prose
        ends = [p.end for p in doc.passages]
        for line in doc.lines:
            body = text[line.start:line.end]
            if body.strip() and body.isupper():
                ends.append(line.end)
        doc_words: list[str] | None = None
        for end in sorted(set(ends)):
            start = max(0, end - 60)
            m = _LAST_WORD.search(text, start, end)
            if m is None:
                continue
            word = m.group(1)
            if len(word) < min_len or _ROMAN.fullmatch(word):
                continue  # too short, or a chapter number (LVII)
            line_start = text.rfind("\n", 0, m.start()) + 1
            line = text[line_start:end]
            caps_line = line.isupper()
            if word[0].isupper() and not caps_line and not (lang == "de" and len(word) >= 5):
                continue  # a name at the end of a line (German nouns are capitalised)
            folded = word.lower()
            ellipsis = m.end(1) < m.end() and text[m.end(1)] in ".…"
            known = max_known_ellipsis if ellipsis else max_known
            z = max(lexicon.zipf(folded, lang), _small_zipf(folded, "en"))
            if z >= known:
                # A word (the lists also hold web fragments, at very low frequencies), unless a long
                # line stops on it without punctuation and it begins a far more frequent word.
                if not (not ellipsis and z < max_known_long and len(folded) >= 4
                        and len(_WORD.findall(line)) >= long_words
                        and best_completion(folded, _sorted_words(lang, min_zipf), lang) >= z + long_gap):
                    continue
            if doc_words is None:
                doc_words = sorted({w.lower() for w in _WORD.findall(text)})
            longer = len(folded) >= 3 and begins_word(folded, doc_words)
            if begins_word(folded, _sorted_words(lang, min_zipf)) or longer:
                yield Hit(m.start(1), m.end(1), confidence=0.7)

    return check
