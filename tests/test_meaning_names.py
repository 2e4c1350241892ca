"""Meaning-level rules of issue 8 (MT560–MT565, and the MT117/MT436 refinements): what they report,
and the clean traps that must stay silent. Every text here is written for the test."""

from __future__ import annotations

import pytest

from checker.document import Document
from checker.engine import Engine
from checker.rules import builtin_rules_dir, load_rules

RULESET = load_rules([builtin_rules_dir()])


def _texts(code: str, text: str, lang: str) -> list[str]:
    rule = next(r for r in RULESET.rules if r.code == code)
    result = Engine([rule], RULESET.packs).check(Document(text, "<t>", lang))
    assert not result.failures
    for f in result.findings:
        assert text[f.start:f.end] == f.text
    return [f.text for f in result.findings]


# --- MT560 name-intruder -------------------------------------------------------------------------

@pytest.mark.parametrize(("text", "lang", "expected"), [
    ("Le milieu Nguyen Hammer Duc Thinh a marqué. Plus tard, Nguyen Hammer Duc Thinh est sorti.", "fr",
     ["Hammer", "Hammer"]),
    ("El defensa Tan Bridge Wei Ming jugó los noventa minutos.", "es", ["Bridge"]),
    ("The striker Tran Hammer Quoc Vinh joined the club on Monday.", "en", ["Hammer"]),
])
def test_common_word_between_name_syllables(text: str, lang: str, expected: list[str]) -> None:
    assert _texts("MT560", text, lang) == expected


@pytest.mark.parametrize(("text", "lang"), [
    ("Le milieu Nguyen Van Long a marqué, et Son Heung Min a égalisé.", "fr"),  # syllables that are words
    ("Lee Kuan Yew School of Public Policy hosted the forum.", "en"),  # the common word ends the run
    ("Xi Jinping Visits Hong Kong As Protests Fade Away", "en"),  # a headline in title case
    ("Hong Kong Police Chief Wong Wai Ming spoke.", "en"),  # Chief is not between two syllables
    ("Manchester United signed Park Ji Sung in 2005.", "en"),
])
def test_name_intruder_traps(text: str, lang: str) -> None:
    assert _texts("MT560", text, lang) == []


# --- MT561 name-head-rendering -------------------------------------------------------------------

def test_generic_word_in_two_languages_reports_the_minority() -> None:
    text = ("Die Mannschaft gewann den ASEAN Cup. Im Finale des ASEAN Cup traf sie auf Thailand. "
            "Der Sieg im ASEAN-Pokal war der dritte.")
    assert _texts("MT561", text, "de") == ["ASEAN-Pokal"]


def test_tie_reports_the_later_rendering() -> None:
    text = "Persib lead Liga 2 after ten rounds.\n\nThe League 2 season ends in May."
    assert _texts("MT561", text, "en") == ["League 2"]


def test_capitals_and_hyphens_are_one_rendering() -> None:
    text = "Die EURO-GEMEINSCHAFT tagte. Die Euro-Gemeinschaft beschloss nichts, sagte die Euro Gemeinschaft."
    assert _texts("MT561", text, "de") == []


@pytest.mark.parametrize(("text", "lang"), [
    ("La Ligue 1 reprend. En Ligue 1, Lyon et Nice jouent la Coupe de France et la Coupe d'Europe.", "fr"),
    ("The Nobel Prize and the Nobel Foundation: the Nobel Prize committee met.", "en"),
    ("Der DFB-Pokal und der Supercup: im Pokal spielt Bayern, im Cup der Frauen Wolfsburg.", "de"),
    ("The 2024 Cup and the 2024 Pokal of two countries.", "en"),  # years are no proper part
    ("The Cup final and the Coupe de France final were played.", "en"),  # articles are no proper part
])
def test_head_rendering_traps(text: str, lang: str) -> None:
    assert _texts("MT561", text, lang) == []


# --- MT562 wrong-sense-sport-de -------------------------------------------------------------------

def test_sport_senses_in_a_match_report() -> None:
    text = ("Der Schiedsrichter zeigte Rot. Das Spiel endete nach zwei Toren mit einer Zeichnung. "
            "Der Kapitän kam auf 30 Kappen für die Nationalmannschaft, sagte der Trainer.")
    assert _texts("MT562", text, "de") == ["Zeichnung", "Kappen"]


@pytest.mark.parametrize("text", [
    "Der Zeichner legte eine Zeichnung vor; der Trainer applaudierte nach dem Tor.",
    "Im Stadion trugen viele Fans Kappen; die Liga pausiert, sagte ein Trainer.",
    "Die Ausstellung endete mit einer Zeichnung von Paul Klee.",  # no match report: left alone

])
def test_sport_sense_traps(text: str) -> None:
    assert _texts("MT562", text, "de") == []


# --- MT563 name-honorific, MT564 club-garble ------------------------------------------------------

def test_translated_honorific() -> None:
    assert _texts("MT563", "Die Spieler verstehen Emre-Lehrer jetzt besser.", "de") == ["Emre-Lehrer"]
    assert _texts("MT563", "Fans cheered for Ahmet Teacher at the airport.", "en") == ["Ahmet Teacher"]
    assert _texts("MT563", "Der Sport-Lehrer und Onkel Emre kamen zur Emre-Mehmet-Schule.", "de") == []


def test_club_garble() -> None:
    text = ("Retenus : Jan Visser (FC drommelstad), Tom Bakker (SV Gr tw), Kees Smit (FC D’Arnem) "
            "et Nico Baas (FC Utrecht).")
    assert _texts("MT564", text, "fr") == ["FC drommelstad", "SV Gr tw", "FC D’Arnem"]
    clean = "Il a joué à l'AS Monaco, au FC St. Pauli, à l'AC Milan et au SC Freiburg, puis au FC de Nantes."
    assert _texts("MT564", clean, "fr") == []


# --- MT117 name-near-miss: three spellings, each once ----------------------------------------------

def test_three_single_spellings_report_all() -> None:
    text = ("La chanteuse Sekarani Putri est montée sur scène.\n\n"
            "« Je suis Sekarona Putri », a-t-elle dit.\n\nLe public a applaudi Sekarine.")
    assert sorted(_texts("MT117", text, "fr")) == ["Sekarani", "Sekarine", "Sekarona"]


def test_two_spellings_keep_the_first() -> None:
    text = "La chanteuse Sekarani Putri est montée sur scène.\n\n« Je suis Sekarona Putri », a-t-elle dit."
    assert "Sekarani" not in _texts("MT117", text, "fr")


# --- MT436 pronoun-gender: "his father" for a woman ---------------------------------------------

def test_possessive_already_wrong_keeps_the_woman() -> None:
    text = ("Shakira spoke to her fans on Monday. Shakira, who fought his father in court for his estate, "
            "of which he was the winner, thanked them.")
    assert _texts("MT436", text, "en") == ["his", "his", "he"]


def test_her_father_then_he_is_the_father() -> None:
    text = "Shakira spoke to her fans on Monday. She thanked her father, who said he was proud."
    assert _texts("MT436", text, "en") == []


# --- first-names.tsv: honorifics that show the gender ----------------------------------------------

def test_female_honorific_opens_a_name() -> None:
    text = "Hajjah Sekarwati Koes (nata nel 1960) è un cantante pop molto amata."
    assert _texts("MT261", text, "it") == ["è un cantante"]
    assert _texts("MT261", "Haji Sekarwati Koes (nato nel 1960) è un cantante pop.", "it") == []


# --- MT565 cognate-name ---------------------------------------------------------------------------

def test_team_name_translated_as_look_alike() -> None:
    text = "Il a couvert les Giants pendant dix ans. Chez les Géants, il a tout vu, dit-il des Géants."
    assert _texts("MT565", text, "fr") == ["Géants", "Géants"]


@pytest.mark.parametrize(("text", "lang"), [
    ("Le défenseur des Blues a aussi joué pour les Bleus à l'Euro.", "fr"),  # both words are French
    ("Il a couvert les Giants. Les Géants de la tech ont ri.", "fr"),  # sentence start: not a name use
    ("The Giants beat the Tigers; the Tigres of Monterrey lost.", "en"),  # silent in English
    ("Los Tigres ganaron y los Lakers perdieron ante los Lobos.", "es"),  # no English look-alike
])
def test_cognate_name_traps(text: str, lang: str) -> None:
    assert _texts("MT565", text, lang) == []
