"""MT686 existential-inversion-en: a verb of appearing or happening with no subject before a
quantity and a noun (the order of Chinese, Vietnamese, Indonesian sources) is found; English
inversions that are correct, nouns of time and "there" stay silent."""

from __future__ import annotations

import pytest

from conftest import check_rules


def _found(text: str) -> list[str]:
    return [f.text for f in check_rules("MT686", text, "en")]


@pytest.mark.parametrize(("text", "span"), [
    ("Once the port opens, will arise a series of disputes over fees.", "will arise a series of disputes"),
    ("During the festival, occurred dozens of thefts near the stage.", "occurred dozens of thefts"),
    ("In the next decade could exist thousands of such robots.", "could exist thousands of such"),
    ("Happened a lot of changes after the merger.", "Happened a lot of changes"),
])
def test_subjectless_existential_is_found(text: str, span: str) -> None:
    assert _found(text) == [span]


@pytest.mark.parametrize("text", [
    "There will arise a series of disputes over fees.",
    "Many disputes will arise over fees, and dozens of thefts occurred near the stage.",
    "It happened several times; the singer appeared many years ago on that show.",
    "On the horizon appeared many ships.",
    "The product will appear new to most customers.",
    "Such robots could exist thousands of years from now, he joked.",
    "The scandal emerged, several weeks later, in a local paper.",
    "Here could emerge a number of start-ups, the mayor said.",
])
def test_correct_english_is_silent(text: str) -> None:
    assert _found(text) == []
