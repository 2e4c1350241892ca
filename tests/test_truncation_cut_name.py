"""MT181 cut-name: a name cut at the end of a line, a heading or a passage."""

from __future__ import annotations

import pytest
from conftest import check_rules


def found(text: str, lang: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.text, tuple(f.suggestions)) for f in check_rules("MT181", text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        # a teaser cut inside a place name that the body writes in full
        ("Le festival ouvre ses portes à Valdrem\n\nValdremont accueille 40 000 visiteurs.", "fr",
         [("Valdrem", ("Valdremont",))]),
        # a crosshead in capitals cut inside a surname written in mixed case below
        ("CLUB READY TO SIGN ORTEG\nThe club is in talks for Ortegoza, 19.", "en", [("ORTEG", ("Ortegoza",))]),
        # the end of a passage, Cyrillic
        ("Интервью с Загорн\n\nЗагорновский ответил на вопросы.", "ru", [("Загорн", ("Загорновский",))]),
    ],
)
def test_reported(text: str, lang: str, expected: list) -> None:
    assert found(text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # a word that is genuinely a prefix of another
        ("Le concert a eu lieu à Paris\n\nLes Parisiens étaient nombreux.", "fr"),
        # one letter missing only, and the short form used on its own
        ("Un Rom\n\nLes Roms de la ville.", "fr"),
        # abbreviations with a full stop, titles that are words
        ("Par Jean Valdrem, Univ.\nAvec le Prof\nEt Mme\n\nLe professeur Valdremont et Mmeline.", "fr"),
        # hashtags, handles and domains
        ("Suivez #Valdrem\nou @Valdrem\nsur site.Valdrem\n\nValdremont en direct.", "fr"),
        # the name is used elsewhere on its own: a name, not a fragment
        ("Interview de Valdrem\n\nValdrem et Valdremont sont cousins.", "fr"),
        # a name with a particle ends the line; no longer word in the article begins with it
        ("Le discours d’Ursula von der Leyen\n\nLa présidente de la Commission a parlé.", "fr"),
        # the longer word goes on in capitals: another token glued on (a trademark, CamelCase)
        ("Le podomètre Valdrem\n\nLe modèle VALDREMMC et le ValdremTV.", "fr"),
        # nothing longer in the article
        ("Reportage à Valdrem\n\nLa ville est calme.", "fr"),
    ],
)
def test_clean_traps_stay_silent(text: str, lang: str) -> None:
    assert found(text, lang) == []


@pytest.mark.parametrize(
    "text",
    [
        # a sigle the word lists know ends a heading in capitals
        "LE GOUVERNEMENT SAISIT LA CNIL\nLa Commission a été saisie lundi.",
        # a sigle no word begins with
        "ACCORD SIGNÉ AVEC LA FZQT\nLa fédération a signé lundi.",
        # a heading in capitals ending with a word of the language
        "LE CLUB DU PORT VA RECRUTER\nLe club discute.",
        # a heading of two words only
        "MERCATO ORTEG\nLe club discute.",
    ],
)
def test_caps_headings_that_stay_silent(text: str) -> None:
    assert found(text, "fr") == []


def test_caps_heading_cut_inside_a_known_word() -> None:
    # no longer form in the article, but a frequent word of the language begins with the fragment
    text = (
        "LE MINISTRE ANNONCE UNE NOUVELLE ENVELOPPE POUR LES AGRICULTE\n"
        "Le ministre a parlé lundi à Rennes devant les représentants des syndicats, "
        "qui attendaient depuis des mois une réponse du gouvernement sur les prix."
    )
    assert found(text, "fr") == [("AGRICULTE", ())]


def test_article_in_capitals_is_not_judged_by_its_headings() -> None:
    text = "LE MINISTRE ANNONCE UNE ENVELOPPE POUR LES AGRICULTE\nLE MINISTRE A PARLÉ LUNDI À RENNES."
    assert found(text, "fr") == []


def test_linear_on_a_long_document() -> None:
    text = "Reportage à Valdrem\nValdremont est calme.\n" * 1500
    # the fragment now occurs 1,500 times: a name used on its own, never a fragment
    assert found(text, "fr") == []
    text = "Reportage à Valdrem\n" + "Valdremont est calme.\n" * 3000
    assert found(text, "fr") == [("Valdrem", ("Valdremont",))]
