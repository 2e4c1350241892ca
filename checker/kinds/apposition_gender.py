"""Kind ``apposition-gender``: a masculine title right before a woman's given name.

Machine translation from a language without grammatical gender writes « le jeune
chanteur Ana … », « el cantante Lucía … », « der Trainer Ayşe … »: the title is
masculine, the person a woman. This kind matches a masculine determiner and title (a
``regex`` expression from the rule, with optional adjectives, matched case-insensitively)
immediately followed by a capitalised given name from ``female_names``; the reported
span is the title phrase.

params:
- ``masculine``: the expression of the masculine title phrase (determiner, optional
  adjective, noun), e.g. ``(?:le|un|du|au|ce) (?:\\p{L}+ )?(?:chanteur|acteur)``; a
  space matches any white space; leave out titles the language uses for women too
  (« le ministre » in older French, « l'écrivain »);
- ``female_names``: a list beside the rule (names separated by white space);
- ``linker``: optional expression of the words that open a short complement between the
  title and a comma (« der », « of »): « Der Trainer der Mannschaft, Ayşe Yılmaz, … ».
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.kinds._given_names import gazetteer
from checker.rules import Rule, param
from checker.wordlists import read_list

NAME = "apposition-gender"
PARAMS = {
    "masculine": param(str, required=True, doc="regex of the masculine determiner + title"),
    "female_names": param(str, required=True, doc="list beside the rule: women's given names"),
    "linker": param(str, default=None, doc="regex of the words that open a complement before a comma"),
    "male_names": param(str, default=None, doc="list beside the rule: men's given names (they win over a gazetteer)"),
    "gazetteer": param(list, default=[], doc="TSV tables of given names (f|m|u): their women's names count too"),
}

_WS = r"[\s\u00a0\u202f]"


@cache
def _names(path: Path) -> frozenset[str]:
    return frozenset(w.casefold() for line in read_list(path) for w in line.split())


def build(rule: Rule):  # noqa: ANN201
    body = regex.sub(r"(?<!\\) +", lambda _: _WS + "+", rule.params["masculine"].strip())
    linker = rule.params["linker"]
    complement = ""
    if linker:
        # A short complement then a comma: bounded, no sentence punctuation inside.
        complement = r"(?:" + _WS + r"+(?i:" + linker + r")" + _WS + r"[^,.;:!?\n]{1,60}?,)?"
    try:
        pattern = regex.compile(
            r"(?<![\p{L}\p{M}\p{N}_'’])(?P<title>(?i:" + body + r"))(?![\p{L}\p{M}])" + complement + _WS + r"++"
            r"(?P<name>\p{Lu}[\p{L}\p{M}]*+(?:-\p{L}[\p{L}\p{M}]*+)?)(?!['’]?\p{L})"
        )
    except regex.error as exc:
        raise ValueError(f"masculine: {exc}") from None
    path = rule.resolve(rule.params["female_names"])
    male_path = rule.resolve(rule.params["male_names"]) if rule.params["male_names"] else None
    gazetteer_paths = tuple(rule.resolve(g) for g in rule.params["gazetteer"])

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        names = _names(path)
        men = _names(male_path) if male_path else frozenset()
        gaz = gazetteer(gazetteer_paths)
        for m in pattern.finditer(doc.prose, timeout=5.0):
            key = m.group("name").casefold()
            if key in names or (gaz.get(key) == "f" and key not in men):
                yield Hit(m.start("title"), m.end("title"), confidence=0.8)

    return check
