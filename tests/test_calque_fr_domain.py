"""French domain calque tables (MT580 calque-domain, MT581 calque-newswire, MT582 wrong-sense-domain).

Every row carries its own bad= and good= example (tests/test_calque_row_examples.py runs
them). Here: the tables stay broad (each domain has rows), a machine-translated article in
our own words is caught row by row with exact offsets, and clean French journalism that uses
the same words in their ordinary sense, or in a regional usage, stays silent.
"""

from __future__ import annotations

import pytest

from checker.document import Document
from checker.engine import Engine
from checker.rules import builtin_rules_dir, load_rules
from checker.wordlists import read_table

RULESET = load_rules([builtin_rules_dir()])
CODES = ("MT580", "MT581", "MT582")
RULES = [r for r in RULESET.rules if r.code in CODES]


def _findings(text: str) -> list[tuple[str, str]]:
    result = Engine(RULES, RULESET.packs).check(Document(text, "<test>", "fr"))
    assert not result.failures, result.failures
    for f in result.findings:
        assert text[f.start : f.end] == f.text
    return [(f.code, f.text) for f in result.findings]


def test_the_three_rules_are_loaded() -> None:
    assert sorted(r.code for r in RULES) == list(CODES)
    assert {r.category for r in RULES} == {"calque", "mistranslation"}


def test_every_domain_has_rows() -> None:
    """Each table is grouped by domain under comment lines, and no domain is a token gesture."""
    for rule in RULES:
        path = rule.resolve(rule.params["table"])
        groups: dict[str, int] = {}
        current = ""
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# ---"):
                current = line
                groups[current] = 0
            elif line.strip() and not line.startswith("#"):
                groups[current] = groups.get(current, 0) + 1
        assert len(groups) >= 5, rule.code
        assert sum(groups.values()) >= 30, rule.code
        assert all(n >= 2 for n in groups.values()), (rule.code, groups)
    total = sum(len(read_table(r.resolve(r.params["table"]))) for r in RULES)
    assert total >= 300


def test_source_languages_are_covered() -> None:
    sources: set[str] = set()
    for rule in RULES:
        for row in read_table(rule.resolve(rule.params["table"])):
            sources.update(row[0].split(","))
    assert {"en", "id", "vi", "ko", "ja", "tr", "ar"} <= sources


# A machine-translated article, written for this test: each calque once, in the order below.
MT_ARTICLE = (
    "Le club a bouclé le transfert de l'ailier pendant la fenêtre de janvier. "
    "Venu du banc à la 60e minute, il a marqué une accolade lors du match retour, "
    "puis le gardien a gardé une feuille blanche jusqu'au bout.\n"
    "Sur les marchés, les pièces de mème ont bondi, et la Fed prépare plusieurs coupes de taux "
    "pour soutenir l'inflation et la croissance.\n"
    "Parlant à la BBC, le ministre a décliné de commenter les rumeurs."
)
EXPECTED = [
    ("MT580", "fenêtre de janvier"),
    ("MT580", "Venu du banc"),
    ("MT582", "une accolade"),
    ("MT580", "gardé une feuille blanche"),
    ("MT580", "pièces de mème"),
    ("MT580", "coupes de taux"),
    ("MT581", "Parlant à la BBC"),
    ("MT581", "décliné de commenter"),
]


def test_an_article_is_caught_calque_by_calque() -> None:
    assert _findings(MT_ARTICLE) == EXPECTED


CLEAN = [
    # The same words in their ordinary sense.
    "Ouvrez la fenêtre de la cuisine en janvier pour aérer ; le match de tennis a été reporté.",
    "Le kiné lui conseille de garder le dos droit ; le club a recruté un arrière droit.",
    "Les chasseurs guettent les ours dans les Pyrénées, loin de la Bourse et de ses actions.",
    "Le jardinier a planté des graines ; la tête de série numéro un a gagné le premier set.",
    "Elle a reçu une accolade chaleureuse de son entraîneur après le match, sans marquer de but.",
    "Il a pris la fuite, puis la police a sécurisé le périmètre autour de la gare.",
    "La pièce a été jouée à guichets fermés au théâtre ; la monnaie a été rendue au client.",
    "Le général de Gaulle a prononcé un discours ; Al Pacino joue dans un film d'Al-Qaïda ? Non.",
    "Le président de la République Emmanuel Macron a reçu la présidente de la Commission.",
    "Plus tard, la ministre a précisé qu'il reste à faire beaucoup de travail.",
    "Les avions se sont posés : chaque atterrissage a été réussi malgré le vent, dit le pilote.",
    # Regional usage (Québec) that the rows leave alone.
    "À Montréal, l'entraîneur-chef du Canadien a salué la ronde de financement du club de hockey.",
    "Au Québec, l'agent libre a publié un gazouillis avant le repêchage de la LNH.",
    # Quoted speech and the first person stay with the speaker.
    "« Notre président a raison », a lancé un député à Ankara, en Turquie.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_journalism_stays_silent(text: str) -> None:
    assert _findings(text) == []
