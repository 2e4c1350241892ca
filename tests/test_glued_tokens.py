"""The glued-token rules (MT523-MT526) and the camel-join brand shape: clean-text traps first."""

from __future__ import annotations

import pytest
from conftest import check_rules

GLUED = {"MT521", "MT522", "MT523", "MT524", "MT525", "MT526"}


def _run(ruleset, text: str, lang: str, codes: set[str] = GLUED):
    return check_rules(codes, text, lang, ruleset)


CLEAN = [
    ("fr", "Al Pacino, Al-Qaïda et de Gaulle ; Ursula von der Leyen parle à BlueSky et sur l’iPhone."),
    ("fr", "McDonald’s, PlayStation, YouTube, LinkedIn, PayPal, eBay, iOS et macOS ; J.R.R. Tolkien."),
    ("fr", "Les sites Amazon.com et Booking.com ; la version 3.14 ; le titre « Breaking Bad »."),
    ("fr", "M. Dupont, Mme Laporte, Paul Moreau, Anne Rousseau, Luc Delacroix et Marc Leblanc."),
    ("fr", "Le cabinet DataQuant et la marque PierreBlanche ; l’outil onClick dans le code."),
    ("fr", "Voir https://example.com/page#ancre ou www.example.org ; C# et F#."),
    ("fr", "Merci ! #Paris2024 #JO — les fans ont répondu en masse."),
    ("fr", "Né le 3 septembre 1961 (63 ans) à Lyon ; décédé en 2005 (2005-11-11) (95 ans)."),
    ("en", "He called toString() and isEmpty() in JavaScript; DeepMind and OpenAI; 3M and 1Password."),
    ("en", "Lake Placid hosts; the Lake Tahoe Cup; the Lakeossian shop closed."),
    ("es", "Al igual que LaLiga, DiCaprio y McDonald's; el iPhone de Apple."),
    ("pt", "O LinkedIn e o YouTube ; a PlayStation da Sony ; o iPhone."),
    ("it", "Su YouTube e LinkedIn; la PlayStation e l'iPhone; DiCaprio."),
    ("de", "Auf YouTube und LinkedIn; die PlayStation; das iPhone; Foto: dpa."),
]


@pytest.mark.parametrize(("lang", "text"), CLEAN)
def test_clean_text_stays_silent(ruleset, lang: str, text: str) -> None:
    assert _run(ruleset, text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text", "glued"),
    [
        ("fr", "Elle a travaillé auMusée national.", "auMusée"),
        ("fr", "La maisonde l'acteur est vendue.", "maisonde"),
        ("fr", "Il est supporter du PSGde longue date.", "PSGde"),
        ("fr", "Le transfert vers une adresse anonymehttps://t.co/x1", "anonymehttps"),
        ("fr", "Des jetons envoyés depuis#Binance hier.", "depuis#Binance"),
        ("it", "Nato ( 1972-04-15 )15 aprile 1972", "( 1972-04-15 )15"),
        ("pt", "O disco foi gravado pormúsicos de estúdio.", "pormúsicos"),
    ],
)
def test_glue_is_found(ruleset, lang: str, text: str, glued: str) -> None:
    found = _run(ruleset, text, lang)
    assert [f.text for f in found] == [glued]
    assert found[0].category == "glued-words"


def test_repeated_token_is_a_name(ruleset) -> None:
    text = "Le groupe Maisonde joue ce soir. Les Maisonde sont trois."
    assert _run(ruleset, text, "fr") == []


def test_long_runs_stay_linear(ruleset) -> None:
    text = ("a" * 5000 + " ") * 4 + "#" * 3000 + " " * 20000 + "x#y" * 2000
    _run(ruleset, text, "fr")


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("it", "Voleva portarglielo e vederla, poi andarci e prenderne un po’."),
        ("es", "Quería entregárselo y mostrárselas antes de irse a verlos."),
        ("fr", "Un djiboutien et une ivoirienne, le surproduit et les sous-traitants."),
        ("pt", "O documento foi digitalizado e os influenciadores chegaram."),
    ],
)
def test_enclitics_and_endings_are_not_glue(ruleset, lang: str, text: str) -> None:
    assert [f for f in _run(ruleset, text, lang) if f.code == "MT525"] == []


def test_place_names_are_not_split(ruleset) -> None:
    text = "Elle vit à Rochegrosse puis à Courteville ; il est né à Vallegrande et Salvaterra."
    assert _run(ruleset, text, "fr") == []
    assert _run(ruleset, "Nasceu em Vallegrande e mudou-se para Salvaterra.", "pt") == []
