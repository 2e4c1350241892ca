"""translated-name (MT115): renderings written with an apostrophe are matched (the pattern of a
rendering used to rewrite the apostrophe class it had just inserted, so they never matched), and a
rendering the gazetteer writes with capitals (``la Source``) is reported only where the article
writes those capitals: ``la source`` is an ordinary noun even in an article about the club whose
name it renders. Every text here is written for the test."""

from __future__ import annotations

import pytest
import regex

from checker.document import Document
from checker.engine import Engine
from checker.kinds.translated_names import _capitals, _has_capitals, _phrase
from checker.rules import builtin_rules_dir, load_rules

RULESET = load_rules([builtin_rules_dir()])


def _texts(text: str, lang: str = "fr") -> list[str]:
    rule = next(r for r in RULESET.rules if r.code == "MT115")
    result = Engine([rule], RULESET.packs).check(Document(text, "<t>", lang))
    assert not result.failures
    for f in result.findings:
        assert text[f.start:f.end] == f.text
    return [f.text for f in result.findings]


@pytest.mark.parametrize("written", ["Bonjour l'Amérique", "Bonjour l’Amérique", "bonjour l'Amérique"])
def test_phrase_matches_either_apostrophe(written: str) -> None:
    assert regex.fullmatch(_phrase("Bonjour l'Amérique"), written, regex.IGNORECASE)


def test_phrase_keeps_hyphen_variants() -> None:
    assert regex.fullmatch(_phrase("Saint-Denis"), "Saint‐Denis")


def test_rendering_with_apostrophe_is_reported() -> None:
    text = "Mardi, la chanteuse était l'invitée de Bonjour l'Amérique pour parler de sa tournée."
    assert _texts(text) == ["Bonjour l'Amérique"]


def test_rendering_with_apostrophe_next_to_the_original() -> None:
    text = ("Le quotidien britannique The Independent a publié l'entretien. "
            "Selon L’Indépendant, le ministre démissionnera.")
    assert _texts(text) == ["L’Indépendant"]


def test_capitals_of_a_rendering() -> None:
    assert _capitals(["la Source"]) == ((1, 0),)
    assert _capitals(["l'Unité", "L'Unité"]) == ((0, 2),)
    assert _capitals(["athlétisme"]) == ()
    assert _has_capitals("la Source", ((1, 0),))
    assert _has_capitals("LA SOURCE", ((1, 0),))
    assert not _has_capitals("la source", ((1, 0),))


def test_lowercase_common_noun_is_not_the_club() -> None:
    text = ("Le club émirati Al-Ain a battu son rival 2-1 mardi soir. "
            "Selon la source proche du dossier, l'entraîneur restera en poste.")
    assert _texts(text) == []


def test_capitalised_rendering_is_the_club() -> None:
    text = ("Le club émirati Al-Ain a battu son rival 2-1 mardi soir. "
            "Les supporters de la Source ont envahi la pelouse.")
    assert _texts(text) == ["la Source"]
