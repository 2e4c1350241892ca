"""The first-name-swap kind (MT114): a name part translated as a word in one place and kept in another."""

from __future__ import annotations

import pytest

from checker.document import Document
from checker.engine import Engine
from checker.rules import builtin_rules_dir, load_rules

RULESET = load_rules([builtin_rules_dir()])
RULE = next(r for r in RULESET.rules if r.code == "MT114")


def _found(text: str, lang: str = "fr") -> list[tuple[str, tuple[str, ...]]]:
    result = Engine([RULE], RULESET.packs).check(Document(text, "<t>", lang))
    assert not result.failures
    for f in result.findings:
        assert text[f.start:f.end] == f.text
    return [(f.text, f.suggestions) for f in result.findings]


def test_month_as_first_name() -> None:
    text = "Hommage à Mars Pradana, disparu l'an dernier. Le public a chanté pour March Pradana."
    assert _found(text) == [("Mars Pradana", ("March Pradana",))]


def test_translated_surname() -> None:
    text = "Taylor Swift a rempli le stade. Plus tard, Taylor Rapide a remercié ses fans."
    assert _found(text) == [("Taylor Rapide", ("Taylor Swift",))]


@pytest.mark.parametrize(
    "text",
    [
        "Le roi Charles III a reçu le président. King Charles III était ravi, écrit la presse.",
        "Janvier Ndayishimiye est arrivé en janvier ; Avril Lavigne chantera en avril.",
        "Pierre Curie et Marie Curie ont partagé le prix.",
        "Rose Martin et Grace Martin sont sœurs ; Hope Martin est leur cousine.",
        "Le Prince Harry et le prince William se sont parlé ; Prince Harry a souri.",
    ],
)
def test_clean_traps(text: str) -> None:
    assert _found(text) == []
