"""MT180 lost-initial: a word that lost its first letters at the start of a line or cell."""

from __future__ import annotations

import pytest
from conftest import check_rules


def found(text: str, lang: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.text, tuple(f.suggestions)) for f in check_rules("MT180", text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # an infobox line, Latin script, one letter lost
        ("Lieu de naissance\nordeaux\n\nNé à Bordeaux, il a joué au centre.", "fr", ("ordeaux", "Bordeaux")),
        # two letters lost, a table cell after a tab
        ("Club\tlenzo Sport\n\nHe moved to Valenzo last winter.", "en", ("lenzo", "Valenzo")),
        # Greek script, after a vertical bar
        ("Name | θήνα\n\nThe city (Αθήνα in Greek) hosted the games.", "en", ("θήνα", "Αθήνα")),
        # a passage start
        ("rankfurter Allgemeine\n\nDie Frankfurter Zeitung berichtete.", "de", ("rankfurter", "Frankfurter")),
    ],
)
def test_reported_with_the_full_form(text: str, lang: str, expected: tuple[str, str]) -> None:
    assert found(text, lang) == [(expected[0], (expected[1],))]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # a word of the language that ends a name
        ("ours et loups vivent ici.\n\nLa ville de Tours est loin.", "fr"),
        # the lowercase word is mid-line, not at a start
        ("Elle est née à ordeaux.\n\nBordeaux est sa ville.", "fr"),
        # brands with an inner capital, domain names and handles
        ("iPhone\nxample.org\nicrosoft_dev\n\nThe Example site and Microsoft.", "en"),
        # a lowercase start whose capitalised form has an acronym-like head
        ("cdonald\n\nMCdonald is not a word here.", "en"),
        # nothing capitalised ends with the fragment
        ("ordeaux\n\nNo such city is named here.", "en"),
        # a fragment too short to be sure
        ("ome\n\nRome is large.", "en"),
    ],
)
def test_clean_traps_stay_silent(text: str, lang: str) -> None:
    assert found(text, lang) == []


def test_most_frequent_full_form_wins() -> None:
    text = "Ville\nillemont\n\nGillemont et Villemont. Villemont encore."
    assert found(text, "fr") == [("illemont", ("Villemont",))]


def test_linear_on_a_long_document() -> None:
    # many line starts, one index: the check stays a single pass
    line = "ordeaux\nBordeaux est une ville.\n"
    text = line * 2000
    assert len(found(text, "fr")) == 2000


def test_long_tab_and_space_runs_are_read_once() -> None:
    # Every tab is a cell start: reading the white space forwards from each one cost n² steps
    # (200,000 tabs took minutes); the white space is now read backwards from a letter.
    for gap in ("\t", " ", "\t \u00a0"):
        text = "Bordeaux.\n" + gap * 60_000 + "ordeaux\n" + "|" * 60_000 + " ordeaux"
        assert found(text, "fr") == [("ordeaux", ("Bordeaux",))] * 2
