"""French topic calques (MT583 calque-topic, MT584 wrong-sense-topic) and the widened domain rows.

Whole short articles in our own words: a machine-translated one per topic is caught in
several grammatical frames (determiner, possessive, plural, tense, adverb), and the same
topic written as clean French journalism stays silent. Only the French calque and
mistranslation tables run here.
"""

from __future__ import annotations

import pytest

from checker.document import Document
from checker.engine import Engine
from checker.rules import builtin_rules_dir, load_rules

RULESET = load_rules([builtin_rules_dir()])
CODES = ("MT403", "MT430", "MT580", "MT581", "MT582", "MT583", "MT584")
ENGINE = Engine([r for r in RULESET.rules if r.code in CODES], RULESET.packs)


def _found(text: str) -> list[tuple[str, str]]:
    result = ENGINE.check(Document(text, "<t>", "fr"))
    assert not result.failures, result.failures
    for f in result.findings:
        assert text[f.start : f.end] == f.text
    return sorted((f.code, f.text) for f in result.findings)


MT_ARTICLES = [
    (
        "Mercato : le club a bouclé l'arrivée d'un attaquant de Ligue 1. L'entraîneur a vu son nouveau "
        "buteur quitter la pirogue à la mi-temps ; leurs luminaires de la semaine prochaine inquiètent. "
        "Le défenseur sera dehors pour six semaines et le club garde une escouade élargie pour la Coupe.",
        {("MT583", "pirogue"), ("MT583", "luminaires"), ("MT583", "dehors pour six semaines"), ("MT583", "escouade élargie")},
    ),
    (
        "Le bitcoin et l'ether reculent sur Binance. Les analystes voient dans ce rebond un piège à taureaux ; "
        "les détenteurs de sacs du jeton vendent, et l'offre affiche un approvisionnement en circulation record.",
        {("MT583", "piège à taureaux"), ("MT583", "détenteurs de sacs"), ("MT584", "approvisionnement en circulation")},
    ),
    (
        "Le smartphone Galaxy sous Android embarque un écran OLED et une batterie de 5 000 mAh. Samsung roule "
        "des correctifs, mais la vie de la batterie déçoit et la bosse de la caméra dépasse.",
        {("MT583", "vie de la batterie"), ("MT583", "bosse de la caméra")},
    ),
    (
        "La star et son mari, suivis par des millions d'abonnés sur Instagram, ont accueilli leur deuxième bébé. "
        "Le couple s'offre une nuit de rendez-vous à Rome.",
        {("MT583", "accueilli leur deuxième bébé"), ("MT583", "nuit de rendez-vous")},
    ),
]


@pytest.mark.parametrize(("text", "expected"), MT_ARTICLES)
def test_machine_translated_articles_are_caught(text: str, expected: set[tuple[str, str]]) -> None:
    assert expected <= set(_found(text))


CLEAN_ARTICLES = [
    # the same topics in clean French: the topic holds, the calques are absent
    "Mercato : le club a bouclé l'arrivée d'un attaquant de Ligue 1. L'entraîneur a vu son buteur quitter "
    "le banc de touche à la mi-temps ; les matchs de la semaine prochaine inquiètent. Le défenseur sera "
    "indisponible pendant six semaines et une pirogue décore le hall du stade.",
    "Le bitcoin et l'ether reculent sur Binance. Les analystes voient dans ce rebond un piège haussier ; "
    "les investisseurs piégés vendent, et l'offre en circulation du jeton atteint un record.",
    "Le smartphone Galaxy sous Android embarque un écran OLED et une batterie de 5 000 mAh. Samsung déploie "
    "des correctifs, mais l'autonomie déçoit et la durée de vie de la batterie est de cinq ans.",
    "La star et son mari, suivis par des millions d'abonnés sur Instagram, sont devenus parents pour la "
    "deuxième fois. Le couple s'offre une soirée en amoureux à Rome.",
    # one cue word of a topic is not the topic: a club of readers, a fixture of the living room
    "Le club de lecture se réunit jeudi ; les luminaires du salon ont été changés et l'escouade de "
    "bénévoles repeint la salle.",
    "Le conseil municipal vote le budget ; le maire défend sa réforme et la pirogue du musée est restaurée.",
]


@pytest.mark.parametrize("text", CLEAN_ARTICLES)
def test_clean_articles_stay_silent(text: str) -> None:
    assert _found(text) == []


def test_widened_rows_meet_other_frames() -> None:
    """Rows that used to need one fixed determiner or tense now meet others."""
    found = _found(
        "Mercato : le club a bouclé trois arrivées pendant ces fenêtres hivernales. Le milieu a été recalé "
        "lors du médical au club. Vendredi soir, l'ether échangeait autour de 3 000 dollars sur les "
        "plateformes crypto, et le memecoin pourrait s'envoler vers la lune après sa cotation."
    )
    texts = {t for _, t in found}
    assert {"fenêtres hivernales", "du médical", "échangeait", "vers la lune"} <= texts


@pytest.mark.parametrize(
    ("text", "span"),
    [
        ("Le rappeur a officiellement taquiné un nouvel album sur Instagram.", "a officiellement taquiné un nouvel album"),
        ("L'actrice a finalement partagé qu'elle attendait un enfant.", "a finalement partagé qu'"),
        ("Le sénateur a violemment claqué la décision du gouvernement.", "a violemment claqué la décision"),
    ],
)
def test_an_adverb_between_auxiliary_and_participle(text: str, span: str) -> None:
    assert span in {t for _, t in _found(text)}
