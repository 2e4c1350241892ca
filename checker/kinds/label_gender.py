"""Kind ``label-gender``: an infobox label in the wrong gender for the person the page is about.

Pages mirrored from an encyclopedia and machine-translated turn the English label "Born"
into a participle, and the engine picks a gender at random: « Née » for Peter, « Nato »
for a woman. This kind finds the label alone at the start of a line (followed by the end
of the line, a colon, a tab, a parenthesis, a digit or a capitalised value), takes the
person's gender from the first given name of the article found in ``female_names`` or
``male_names`` (the title names the subject), and reports a label of the other gender.

params: ``female_labels`` and ``male_labels`` (lists of labels, matched case-insensitively),
``female_names`` and ``male_names`` (lists beside the rule, names separated by white space).
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
from checker.wordlists import read_list

NAME = "label-gender"
PARAMS = {
    "female_labels": param(list, required=True, doc="feminine labels (Née, Nata…)"),
    "male_labels": param(list, required=True, doc="masculine labels (Né, Nato…)"),
    "female_names": param(str, required=True, doc="list beside the rule: women's given names"),
    "male_names": param(str, required=True, doc="list beside the rule: men's given names"),
}

_NAME = regex.compile(r"(?<![\p{L}\p{M}])\p{Lu}[\p{L}\p{M}]*+")


@cache
def _names(path: Path) -> frozenset[str]:
    return frozenset(w.casefold() for line in read_list(path) for w in line.split())


def _labels(words: list[str]) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


def build(rule: Rule):  # noqa: ANN201
    p = rule.params
    female_labels, male_labels = p["female_labels"], p["male_labels"]
    if not female_labels or not male_labels:
        raise ValueError("female_labels and male_labels must not be empty")
    label = regex.compile(
        r"(?m)^[ \t]*+(?:(?P<f>" + _labels(female_labels) + r")|(?P<m>" + _labels(male_labels) + r"))"
        r"(?=[ \t]*(?:$|[:(\d])|\t|[ \t]+(?-i:\p{Lu}))",
        regex.IGNORECASE,
    )
    female_path, male_path = rule.resolve(p["female_names"]), rule.resolve(p["male_names"])

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        text = doc.prose
        found = [m for m in label.finditer(text, timeout=5.0)]
        if not found:
            return
        females, males = _names(female_path), _names(male_path)
        gender = None
        for m in _NAME.finditer(text):
            key = m.group().casefold()
            if key in females:
                gender = "f"
                break
            if key in males:
                gender = "m"
                break
        if gender is None:
            return
        for m in found:
            if gender == "m" and m.group("f") or gender == "f" and m.group("m"):
                span = m.span("f") if m.group("f") else m.span("m")
                yield Hit(span[0], span[1], confidence=0.8)

    return check
