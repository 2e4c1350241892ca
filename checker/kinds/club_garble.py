"""Kind ``club-garble``: a club name whose words after its abbreviation are garbled.

Club names open or close with an abbreviation (``FC``, ``AC``, ``SV``, ``NEC``, ``AFC``…)
followed or preceded by capitalised words: ``FC Utrecht``, ``Swansea City AFC``. When
machine translation or transcription mangles the place name, what is left after the
abbreviation is no name at all: a lowercase word no dictionary knows, or a capitalised
fragment without a vowel. This kind reads the one to three words after an abbreviation
of ``abbreviations`` (up to a comma, a parenthesis, a full stop or the end of the line)
and reports the whole name when one of them is

- a lowercase word of at least three letters that is not a particle (``particles``) and
  is rarer than ``max_zipf`` in the article's language and in English, or
- a capitalised elided article glued to the next word (``FC D’Arnem``: club names have none), or
- a capitalised fragment of two or three letters with no vowel (``Zw``, ``Nk``) that is not in ``particles`` (``St``).

params: ``abbreviations`` (written as in the text, case-sensitive), ``particles``
(lowercase words allowed inside a club name: de, di, van, am…), ``max_zipf`` (default 1.5).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker import lexicon
from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.rules import Rule, param

NAME = "club-garble"
PARAMS = {
    "abbreviations": param(list, required=True, doc="club abbreviations (FC, AC, SV, NEC…), case-sensitive"),
    "particles": param(list, default=[], doc="lowercase words allowed inside a club name"),
    "max_zipf": param(float, default=1.5, doc="a lowercase word rarer than this (language and English) is garbled"),
}

_ELIDED = regex.compile(r"[DL]['’]\p{Lu}")
_VOWELS = frozenset("aeiouyàâäéèêëîïôöùûüáíóúãõåæøœı")


def build(rule: Rule):  # noqa: ANN201
    p = rule.params
    abbreviations = sorted({regex.escape(a) for a in p["abbreviations"]}, key=lambda a: (-len(a), a))  # the same pattern in every process
    if not abbreviations:
        raise ValueError("abbreviations must not be empty")
    particles = frozenset(w.casefold() for w in p["particles"])
    max_zipf = p["max_zipf"]
    pattern = regex.compile(
        r"(?<![\p{L}\p{M}\p{N}'’.-])(?:" + "|".join(abbreviations) + r")"
        r"(?P<rest>(?:[ \u00a0][\p{L}\p{M}'’]++){1,3}+)(?=[ \u00a0]*+(?:[,;)\]]|\.(?:\s|\Z)|$))",
        regex.MULTILINE,
    )
    word = regex.compile(r"[\p{L}\p{M}'’]++")

    def garbled(token: str, lang: str) -> bool:
        if _ELIDED.match(token):
            return True
        if token[:1].islower():
            if "'" in token or "’" in token:
                return False  # an elided article or a possessive: "d’Annecy" is no garbled word
            return (len(token) >= 3 and token.casefold() not in particles
                    and max(lexicon.zipf(token, lang), lexicon.zipf(token, "en")) < max_zipf)
        return (2 <= len(token) <= 3 and not token.isupper() and token.casefold() not in particles
                and not any(ch in _VOWELS for ch in token.casefold()))

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        for m in pattern.finditer(doc.prose):
            tokens = word.findall(m.group("rest"))
            if any(garbled(t, ctx.primary) for t in tokens):
                yield Hit(m.start(), m.end(), confidence=0.7)

    return check
