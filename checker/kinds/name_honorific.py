"""Kind ``name-honorific``: a given name glued to a kinship or teacher word, an honorific translated.

Turkish, Indonesian, Korean and Japanese address people with a given name and an
honorific (Turkish *Hoca* "teacher", *Abi* "elder brother", *Abla*; Indonesian *Om*
"uncle", *Mas*, *Mbak*; Korean *oppa*, *hyung*). Machine translation translates the
honorific as a common noun and keeps it beside the name, which then reads as a name
of its own: a coach called « Emre Hoca » becomes « Emre-Lehrer » in German or « Emre
Teacher » in English. Reported: a given name of the list (``names``, a name<TAB>gender
table) joined by a hyphen to a noun of ``hyphen_nouns`` (German compounds), or followed
by a space and a capitalised noun of ``space_nouns`` (English word order). The whole
name-plus-noun is the span; the suggestion is the name alone.

params: ``names`` (table beside the rule), ``hyphen_nouns``, ``space_nouns``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.rules import Rule, param
from checker.wordlists import read_table

NAME = "name-honorific"
PARAMS = {
    "names": param(str, required=True, doc="name<TAB>gender table beside the rule: given names"),
    "hyphen_nouns": param(list, default=[], doc="nouns glued with a hyphen after the name (German compounds)"),
    "space_nouns": param(list, default=[], doc="capitalised nouns right after the name, after a space"),
}


@cache
def _names(path: Path) -> frozenset[str]:
    return frozenset(row[0].casefold() for row in read_table(path) if row and row[0])


def build(rule: Rule):  # noqa: ANN201
    p = rule.params
    path = rule.resolve(p["names"])
    hyphen = sorted({regex.escape(w) for w in p["hyphen_nouns"]}, key=lambda w: (-len(w), w))  # the same pattern in every process
    space = sorted({regex.escape(w) for w in p["space_nouns"]}, key=lambda w: (-len(w), w))
    alternatives = []
    if hyphen:
        alternatives.append(r"-(?:" + "|".join(hyphen) + r")")
    if space:
        alternatives.append(r"[ \u00a0](?:" + "|".join(space) + r")")
    if not alternatives:
        raise ValueError("give hyphen_nouns or space_nouns")
    # A capitalised given name not glued to a previous hyphenated part, then the noun as a whole word.
    pattern = regex.compile(
        r"(?<![\p{L}\p{M}\p{N}'’-])(?P<name>\p{Lu}\p{Ll}[\p{Ll}\p{M}]++)(?:" + "|".join(alternatives)
        + r")(?![\p{L}\p{M}\p{N}-])"
    )

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        names = _names(path)
        for m in pattern.finditer(doc.prose):
            if m.group("name").casefold() not in names:
                continue
            yield Hit(m.start(), m.end(), suggestions=(doc.text[m.start("name"):m.end("name")],), confidence=0.7)

    return check
