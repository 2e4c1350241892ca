"""Kind ``mixed-title``: a song, album or show title half translated (« Langit et Laut-Laut »).

Machine translation translates the small words of a title in a language it does
not know and leaves the rest: « Langit dan Laut » becomes « Langit et
Laut », "Sampai Jumpa di Tepi Laut" becomes « Sampai jumpa au bord de la mer ». A title is a quoted span (« », “ ”, " ") of at most ``max_words``
words, or the words after a title cue (``cues``: intitulé, titled…) up to the end
of the clause. It is reported when it mixes words that no list of the document's
language or of English knows (lowercase, or two or more) with function words of
the document's language or of English (short words with Zipf ≥ ``function_zipf``).

params: ``cues``, ``max_words``, ``function_zipf``.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker import lexicon
from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.kinds._gloss import THAT_IS
from checker.rules import Rule, param

NAME = "mixed-title"
PARAMS = {
    "cues": param(list, default=[], doc="words after which a title follows (intitulé, titled)"),
    "max_words": param(int, default=8, doc="longest title considered"),
    "function_zipf": param(float, default=5.5, doc="a short word this frequent is a function word"),
    "gloss_cues": param(list, default=[], doc="words that, after a comma, open the quotation's translation "
                        "(soit, i.e., meaning), beside the 'that is' words every kind reads (_gloss.THAT_IS: "
                        "ou seja, c'est-à-dire, that is): the original is quoted whole on purpose"),
}

_QUOTED = regex.compile(r"«[ \u00a0\u202f]*+([^«»\n]{3,120}?)[ \u00a0\u202f]*+»|“([^“”\n]{3,120}?)”|\"([^\"\n]{3,120}?)\"")
_WORD = regex.compile(r"\p{L}[\p{L}\p{M}]*+(?:[-'’]\p{L}[\p{L}\p{M}]*+)*+")
# A translation right after the quotation (« "Ek is mal oor hierdie musiek" – I'm crazy about this
# music », a proverb and its meaning in parentheses): the original quoted on purpose, whole.
_GLOSS_AFTER = regex.compile(r"[ \u00a0]*+(?:\(|[–—][ \u00a0])")
_END = regex.compile(r"[.,;:!?()\n«»“”\"]|[ \u00a0](?:en|in|em|nel|im|dans|sur|on|at|por|par|by|von)[ \u00a0]")


def build(rule: Rule):  # noqa: ANN201
    p = rule.params
    cues = [str(c) for c in p["cues"]]
    max_words, function_zipf = p["max_words"], p["function_zipf"]
    cue = regex.compile(
        r"(?<![\p{L}])(?:" + "|".join(regex.escape(c) for c in sorted(cues, key=len, reverse=True)) + r")[ \u00a0]+",
        regex.IGNORECASE,
    ) if cues else None
    glosses = list(dict.fromkeys([*THAT_IS, *(str(c) for c in p["gloss_cues"])]))
    gloss = regex.compile(
        r"[ \u00a0]*+,[ \u00a0]++(?:" + "|".join(regex.escape(c) for c in sorted(glosses, key=len, reverse=True))
        + r")(?![\p{L}])", regex.IGNORECASE,
    ) if glosses else None

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        lang = ctx.primary if ctx is not None else doc.lang.split("-")[0]
        text = doc.prose
        spans: list[tuple[int, int]] = []
        for m in _QUOTED.finditer(text):
            g = next(i for i in (1, 2, 3) if m.group(i) is not None)
            inner = m.group(g)
            # A title, not speech: a capital first, no sentence punctuation, a few words.
            if inner[:1].isupper() and not regex.search(r"[,;:!?…]|\.\s", inner) and len(inner.split()) <= 6 \
                    and not _GLOSS_AFTER.match(text, m.end()) and not (gloss is not None and gloss.match(text, m.end())):
                spans.append(m.span(g))
        if cue is not None:
            for m in cue.finditer(text):
                start = m.end()
                if text[start:start + 1] in "«“\"":
                    continue  # quoted: seen above
                end_m = _END.search(text, start, min(len(text), start + 200))
                end = end_m.start() if end_m else min(len(text), start + 200)
                spans.append((start, end))
        seen: set[tuple[int, int]] = set()
        for start, end in spans:
            words = list(_WORD.finditer(text, start, end))
            if not 2 <= len(words) <= max_words or (start, end) in seen:
                continue
            seen.add((start, end))
            foreign = [w.group() for w in words if _unknown(w.group(), lang)]
            if not foreign:
                continue
            function = [
                w.group() for w in words
                if len(w.group()) <= 4 and not _unknown(w.group(), lang)
                and max(lexicon.zipf(w.group(), lang), lexicon.zipf(w.group(), "en")) >= function_zipf
            ]
            if not function:
                continue
            if len(foreign) < 2 and not (foreign[0].islower() and len(function) >= 2):
                continue  # one unknown word: only a lowercase one among two function words (You Are hadir)
            if len(foreign) + len(function) < len(words) and len(foreign) < 2:
                continue
            if _one_language([w.group() for w in words], function, lang):
                continue  # « La stagione delle arance »: an original title quoted whole, in Italian
            if _romaji([w.group() for w in words], function):
                continue  # « Arupusu no shōjo Haiji »: a Japanese title in Latin letters, « no » its particle
            s, e = words[0].start(), words[-1].end()
            yield Hit(s, e, (), confidence=0.6, args={"foreign": ", ".join(foreign[:3]), "function": function[0]})

    return check


#: Languages an original title is often quoted in (wordfreq lists), tried for a whole title.
_TITLE_LANGS = ("es", "it", "pt", "fr", "de", "nl", "ca", "ro", "id", "ms", "tr", "vi", "fil", "sv", "pl")


def _one_language(words: list[str], function: list[str], lang: str) -> bool:
    """Every word of the title is a word of one other language, and its short words are that
    language's function words (« La stagione delle arance »: Italian « la »): a title quoted
    whole, not half translated (« Langit et Laut »: « et » is no Indonesian function word)."""
    first = next((w for w in words if w not in function), words[0])
    best, _ = lexicon.best_language(first, tuple(x for x in _TITLE_LANGS if x != lang))
    # (English words are frequent in every web corpus: « You Are hadir » is not Indonesian whole)
    return all(lexicon.zipf(w, best) >= max(2.5, lexicon.zipf(w, "en") - 1.0) for w in words) \
        and all(lexicon.zipf(w, best) >= 4.5 for w in function)


#: Japanese particles, which read as short words of European languages (« no », « to », « de »).
_PARTICLES = frozenset(["no", "wa", "ga", "ni", "to", "de", "o", "wo", "mo", "e", "ka", "ya", "yo", "ne", "na"])
#: A word made of Japanese syllables in Hepburn romanisation (« Arupusu », « shōjo », « Haiji »).
_ROMAJI = regex.compile(
    r"(?i)(?:(?:ch|sh|ts|[kgsztdnhbpmrwfjv])?y?[aiueoāīūēōâîûêô]|n(?![aiueoyāīūēō])|[kstpgbdmrhjc](?=[kstpgbdmrhjc]))++"
)


def _romaji(words: list[str], function: list[str]) -> bool:
    """Every short word of the title is a Japanese particle and every other word is made of Japanese
    syllables: a Japanese title in Latin letters, not a half-translated one."""
    return all(w.casefold() in _PARTICLES for w in function) and all(_ROMAJI.fullmatch(w) for w in words)


def _unknown(word: str, lang: str) -> bool:
    """A word of neither the document's language nor English (rare in both; reduplicated like Kupu-Kupu)."""
    parts = [x for x in regex.split(r"[-'’]", word) if x]
    if len(parts) == 2 and parts[0].casefold() == parts[1].casefold() and len(parts[0]) >= 3:
        return lexicon.zipf(word, lang) == 0
    return all(lexicon.zipf(x, lang) < _RARE_LANG and lexicon.zipf(x, "en") < _RARE_EN for x in parts)


_RARE_LANG = 1.5
_RARE_EN = 2.5
