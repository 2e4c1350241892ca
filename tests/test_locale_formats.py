"""Dates, numbers, times and scraped spacing in another locale's form (calendar-format, locale-number, MT310–MT324)."""

from __future__ import annotations

import pytest

from checker.document import Document
from checker.engine import Engine
from checker.finding import Severity
from checker.rules import builtin_rules_dir, load_rules
from conftest import assert_linear

RULESET = load_rules([builtin_rules_dir()])
CODES = {f"MT{n}" for n in range(310, 329)}


def _findings(text: str, lang: str) -> list[tuple[str, str]]:
    rules = [r for r in RULESET.rules if r.code in CODES]
    result = Engine(rules, RULESET.packs).check(Document(text, "a.txt", lang))
    assert not result.failures
    return [(f.code, f.text) for f in result.findings if f.severity is not Severity.INFO]


# Clean journalism full of traps: names, holidays, streets, versions, decimals of the right
# locale, times, quotations, agency datelines. Nothing may be reported.
CLEAN = {
    "fr": (
        "PARIS (AFP) - Le défilé du 14 Juillet a réuni 25 000 personnes, 1'500 selon la police genevoise. "
        "Mardi 3 mars 2025, la ministre a inauguré la place du 8 Mai 1945 et la rue du 4 Septembre. "
        "La sonde européenne s'est posée sur Mars ; Avril Lavigne chantait à Bercy le 1er mai. "
        "L'iPhone 15 a un écran de 6,1 pouces et tourne sous iOS 17.1 ; le Bluetooth 5.3 est de série. "
        "Le chômage recule de 0,3 point, à 7,4 %. Rendez-vous à 14 h 30 (heure de Paris), soit 8 h 30 à New York ; 12 millions de dollars, 10 €. "
        "Le studio 21st Century Fox, sur la 5th Avenue, a racheté « The 2nd Act ». Le 3 mars, 2000 manifestants.\n"
        "Septembre 2018 - Fashion Week De Paris - Les Plus Beaux Défilés\n"
        "Le Mardi gras et le Vendredi saint ; la série Mercredi Addams ; le film Vendredi 13. "
        "Le Mouvement du 22 Mars et la Journée du 8 Mars. Printemps de Mars, Révolution d'Octobre, Massacres de Septembre : trois titres. "
        "Il est l'auteur (avec Jean Dupont) d'un essai ; l'Europe, l'État et l'Économie y sont traités ; "
        "Eric et Emile testent le Snapdragon 8 Elite ? Non : l'Etat paie."
    ),
    "es": (
        "MADRID (EFE) - La Plaza de Mayo y la Avenida 9 de Julio se llenaron el 25 de Mayo. "
        "Plácido Domingo cantó el sábado 3 de marzo de 2024. La pantalla mide 6.1 pulgadas en México "
        "y 6,1 en España. El PIB creció un 2,5 %; el equipo es 17.º en la liga. A las 15:32 horas llegó."
    ),
    "it": (
        "ROMA - La festa del 25 Aprile e del 1° Maggio; piazza 4 Novembre. Il telefono ha uno schermo "
        "da 6,1 pollici. Domenica Rossi ha vinto sabato 3 marzo. La 28ª giornata di campionato."
    ),
    "pt": (
        "LISBOA - A Revolução de 25 de Abril e a Praça 15 de Novembro; o 7 de Setembro. "
        "O ecrã tem 6,1 polegadas. Na segunda-feira, 3 de março de 2025, o 1º lugar."
    ),
    "de": (
        "BERLIN - Am Montag, 3. März 2025, um 12.30 Uhr: Das Display misst 6,1 Zoll, iOS 17.1. "
        "Vor 10.000 Zuschauern; 1,000 kg Ladung; 3,5 Millionen Euro. "
        "Der 1. FC Köln ist 17. der Liga."
    ),
    "en": (
        "LONDON (Reuters) - On Monday, March 3, 2025, at 3:32 PM, the 19th-century hall reopened. "
        "The screen is 6.1 inches; 1,500 people came; the 2nd round starts at 15:32; it weighs 1.500 kg; $5 million."
    ),
}


@pytest.mark.parametrize("lang", sorted(CLEAN))
def test_clean_traps_are_silent(lang: str) -> None:
    assert _findings(CLEAN[lang], lang) == []


BAD = [
    ("fr", "Il est né à Vienne , en Autriche.", ("MT310", " ,")),
    ("fr", "Diplômé de Francfort ( doctorat ), il part.", ("MT311", "( doctorat )")),
    ("fr", "Le rapport de l' Institut est contesté.", ("MT312", "l' ")),
    ("fr", "Qui sera le premier  ? On verra.", ("MT313", "  ")),
    ("fr", "Un écran de 6.7 pouces.", ("MT314", "6.7")),
    ("fr", "Près de 1.500 invités sont venus.", ("MT315", "1.500")),
    ("es", "Publicado a las 15:32 PM en Madrid.", ("MT316", "15:32 PM")),
    ("fr", "Lors de la 19th journée, le club a perdu.", ("MT317", "19th")),
    ("fr", "Il est arrivé le 3 Mars à Paris.", ("MT318", "Mars")),
    ("es", "La reunión será el Lunes por la tarde.", ("MT318", "Lunes")),
    ("it", "La partita si gioca il 5 Maggio a Roma.", ("MT318", "Maggio")),
    ("fr", "Le ministre a déclaré Mercredi que le projet avançait.", ("MT318", "Mercredi")),
    ("es", "Las ventas cayeron desde Marzo de 2023 en todo el país.", ("MT318", "Marzo")),
    ("fr", "Le président a inauguré le barrage, lundi (26/8/2019).", ("MT320", "lundi (26/8/2019)")),
    ("fr", "Il a été élu le 1 juillet 2008.", ("MT321", "1 juillet")),
    ("fr", "Elle est morte le 11 novembre, 2005.", ("MT322", "novembre, 2005")),
    ("fr", "Elle portait la même robe le décembre. 13, dit-on.", ("MT323", "décembre. 13")),
    ("fr", "Décès : (2005-11-11)(95 ans).", ("MT324", "(2005-11-11)")),
    ("fr", "Édouard a quitté le ministère de l'Economie.", ("MT319", "Economie")),
    ("fr", "La société a levé $12 millions cette année.", ("MT325", "$12 millions")),
    ("de", "Mehr als 38,000 Menschen kamen.", ("MT326", "38,000")),
    ("en", "The rally drew 2.300 supporters.", ("MT315", "2.300")),
    ("fr", "Publié le avril 2, 2024 sur le réseau.", ("MT327", "avril 2, 2024")),
    ("it", "La partita inizia alle 3 PM ora locale.", ("MT328", "3 PM")),
]


@pytest.mark.parametrize(("lang", "text", "expected"), BAD, ids=[b[2][0] for b in BAD])
def test_each_rule_reports_its_shape(lang: str, text: str, expected: tuple[str, str]) -> None:
    assert expected in _findings(text, lang)


def test_offsets_point_at_the_reported_text() -> None:
    text = "Le 3 Mars , à 15:32 PM, l' Institut ( INSEE ) a publié 6.1 pouces, lundi (26/8/2019)."
    doc = Document(text, "a.txt", "fr")
    rules = [r for r in RULESET.rules if r.code in CODES]
    for f in Engine(rules, RULESET.packs).check(doc).findings:
        assert text[f.start:f.end] == f.text


def test_pathological_inputs_stay_fast() -> None:
    texts = [
        lambda n: "(" + " " * 4 * n + "a",
        lambda n: "lundi " * n + "(" + "1" * n,
        lambda n: "1." * 2 * n + " pouces",
        lambda n: "Mars " * n,
        lambda n: "a" + " " * 4 * n + ",",
        lambda n: "( " * 2 * n + "x )",
    ]
    rules = [r for r in RULESET.rules if r.code in CODES]
    engine = Engine(rules, RULESET.packs)
    for make in texts:
        assert_linear(lambda text: engine.check(Document(text, "a.txt", "fr")), make, 5_000)


@pytest.mark.parametrize(
    ("lang", "text", "month"),
    [
        ("es", "Por Redacción Noticias Del Valle · 9 de Abril de 2025\n", "Abril"),
        ("it", "di Redazione Sport Notizie Oggi | 3 Ottobre 2025\n", "Ottobre"),
        ("pt", "Por Agência Rede Norte Notícias — 21 de Maio de 2025\n", "Maio"),
    ],
)
def test_byline_date_is_judged_apart_from_the_outlet_name(lang: str, text: str, month: str) -> None:
    # The outlet's capitalised name before the separator does not make the date a title.
    assert ("MT318", month) in _findings(text, lang)


@pytest.mark.parametrize(
    ("lang", "text"),
    [
        ("es", "Gran Concierto Benéfico En Madrid · Sábado 15 De Marzo\n"),
        ("es", "Concierto Del Grupo Estrella En Madrid El 15 De Marzo\n"),
        ("pt", "A Ponte 25 de Abril foi fechada · Trânsito Desviado\n"),
    ],
)
def test_title_case_segments_stay_silent(lang: str, text: str) -> None:
    assert [f for f in _findings(text, lang) if f[0] == "MT318"] == []
