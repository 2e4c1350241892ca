"""Wrong-sense tables by source language (MT610 fr, MT611 en, MT612 de, MT613 es).

Each table lists words of Indonesian, Malay, Turkish, Vietnamese, Korean, Chinese, Arabic,
Spanish or English news that machine translation renders in their everyday sense where the
topic needs a specialised one. Every row carries its own bad= and good= examples
(tests/test_calque_row_examples.py runs them). Here: the four rules are loaded with the
right category, every row has a context (a condition cell or a multi-word collocation) and
examples, the tables cover the source languages and topics they claim, a machine-translated
article written for this test is caught with exact offsets, and clean journalism that uses
the same words rightly stays silent.
"""

from __future__ import annotations

import pytest
import regex

from checker.document import Document
from checker.engine import Engine
from checker.kinds.glossary import row_examples
from checker.rules import builtin_rules_dir, load_rules
from checker.wordlists import read_table

RULESET = load_rules([builtin_rules_dir()])
CODES = {"MT610": "fr", "MT611": "en", "MT612": "de", "MT613": "es"}
RULES = {r.code: r for r in RULESET.rules if r.code in CODES}
CONDITION_KEYS = ("left", "right", "notleft", "notright", "doc", "notdoc")


def _rows(code: str) -> list[tuple[str, ...]]:
    rule = RULES[code]
    return list(read_table(rule.resolve(rule.params["table"])))


def _findings(code: str, text: str) -> list[str]:
    result = Engine([RULES[code]], RULESET.packs).check(Document(text, "<test>", CODES[code]))
    assert not result.failures, result.failures
    for f in result.findings:
        assert text[f.start : f.end] == f.text
    return [f.text for f in result.findings if f.code == code]


def test_the_four_rules_are_loaded() -> None:
    assert sorted(RULES) == sorted(CODES)
    for code, rule in RULES.items():
        assert rule.category == "mistranslation", code
        assert rule.kind == "sense-table", code
        assert rule.severity.name == "MAJOR", code


def test_every_row_has_a_context_and_its_own_examples() -> None:
    """A bare single word would fire on its right use too: each row names its context."""
    for code in CODES:
        for row in _rows(code):
            conditions = [c for c in row[3:] if c.partition("=")[0].strip() in CONDITION_KEYS]
            # Two words, or a compound built of a group and a word (German « …konferenz »).
            collocation = " " in row[1].strip() or regex.search(r"\)\??-?\??\p{Ll}{4,}", row[1]) is not None
            assert conditions or collocation, (code, row[1])
            bad, good = row_examples(row)
            assert bad and good, (code, row[1])


def test_the_tables_are_broad() -> None:
    sizes = {code: len(_rows(code)) for code in CODES}
    assert sizes["MT610"] >= 120, sizes
    assert min(sizes.values()) >= 30, sizes
    assert sum(sizes.values()) >= 250, sizes


def test_source_languages_are_covered() -> None:
    for code in CODES:
        sources: set[str] = set()
        for row in _rows(code):
            sources.update(row[0].split(","))
        assert {"id", "tr", "vi", "zh", "ko", "ar"} <= sources, (code, sources)


# A machine-translated sports and showbiz digest in French, written for this test.
MT_ARTICLE_FR = (
    "L'attaquant a imprimé deux buts en première période, puis le gardien adverse a sauvé le match.\n"
    "La célèbre joueuse de la série a annoncé son mariage ; son agence a démenti la théorie de la romance "
    "avec un acteur.\n"
    "Le sélectionneur a dévoilé son escouade de 26 joueurs pour l'Euro.\n"
    "La prise de possession du président aura lieu le 1er décembre."
)
EXPECTED_FR = [
    "imprimé deux buts",
    "joueuse de la série",
    "théorie de la romance",
    "escouade",
    "prise de possession",
]


def test_a_french_article_is_caught_row_by_row() -> None:
    assert _findings("MT610", MT_ARTICLE_FR) == EXPECTED_FR


MT_ARTICLE_EN = (
    "The winger printed two goals before the break in the match.\n"
    "After losing the final she took the Asian army place at the tournament.\n"
    "She took possession as president on 1 October."
)


def test_an_english_article_is_caught_row_by_row() -> None:
    assert _findings("MT611", MT_ARTICLE_EN) == [
        "printed two goals",
        "Asian army",
        "took possession as president",
    ]


CLEAN = [
    # French: the same words in their ordinary or regional sense.
    ("MT610", "Le général de Gaulle a inauguré le pont ; Al Pacino joue un voleur dans le film."),
    ("MT610", "Le musée a été inauguré par le président de la République en présence du maire."),
    ("MT610", "En NBA, les meilleurs joueurs de la série ont brillé lors des playoffs."),
    ("MT610", "L'imprimerie a imprimé deux mille affiches pour le match de samedi."),
    ("MT610", "Les chèvres broutent dans les prés ; le club de football joue à domicile."),
    ("MT610", "Le directeur technique national a présenté le plan de formation des entraîneurs."),
    ("MT610", "Au Québec, l'agent libre a été repêché par la LNH ; le commerce de détail ralentit."),
    ("MT610", "La police a arrêté l'auteur du vol ; l'acteur principal du film a témoigné."),
    ("MT610", "Les élus nationaux ont voté la loi ; le match de l'équipe de France est samedi."),
    ("MT610", "L'élu marocain a voté la loi ; le match de football est samedi."),
    ("MT610", "Le juge a prononcé une peine de prison ; la prise de possession des lieux est prévue."),
    ("MT610", "Le pilote a pris le dernier virage ; il souffre du genou depuis son opération du ménisque."),
    ("MT610", "Il a démenti la rumeur et abordé la question du budget à l'Assemblée."),
    # English
    ("MT611", "Biden was inaugurated as president in January; the museum was inaugurated in May."),
    ("MT611", "The clerk printed a record of the meeting; the striker scored twice."),
    ("MT611", "Foreign aid to the region has fallen; the Asian army exercises ended."),
    ("MT611", "The DVD player was on the table; the players of the league earn more."),
    # German
    ("MT612", "Die Zeitung druckte das Foto; der Stürmer erzielte zwei Tore."),
    ("MT612", "Die neue Brücke wurde vom Präsidenten eingeweiht; er weihte die Minister in seine Pläne ein."),
    # Spanish
    ("MT613", "El nuevo puente fue inaugurado por el presidente; el delantero marcó dos goles."),
    ("MT613", "El jugador de la Serie del Caribe firmó con el club; la jugadora de la selección ganó."),
]


@pytest.mark.parametrize(("code", "text"), CLEAN)
def test_clean_journalism_stays_silent(code: str, text: str) -> None:
    assert _findings(code, text) == []


# Traps found while writing the rows: the same words where French uses them rightly.
TRAPS_FR = [
    "Le nouveau gymnase, qu'inaugure le maire dimanche, accueillera le club de basket.",
    "L'imprimeur a imprimé l'histoire en 500 exemplaires pour le musée.",
    "Le député titulaire et son suppléant ont fait campagne ensemble avant l'élection.",
    "Voici les réponses aux questions qui circulent sur le vaccin.",
    "Le défendeur a plaidé la nullité de la procédure devant le tribunal civil.",
    "Un résultat équilibré au vu du match, a estimé l'entraîneur après le but tardif.",
    "Le défenseur s'est brisé la cage thoracique lors du match, a indiqué le club ; le gardien va bien.",
    "Les députés du groupe qui sortent de la ligne du parti seront sanctionnés avant le match de foot.",
    "Les syndicats restent dans l'impasse avec la police sur les salaires.",
    "L'escouade nationale de déminage est intervenue avant le match de l'équipe nationale.",
]


@pytest.mark.parametrize("text", TRAPS_FR)
def test_french_traps_stay_silent(text: str) -> None:
    assert _findings("MT610", text) == []


TRAPS_OTHER = [
    ("MT610", "Les meilleurs joueurs de la Série A brésilienne ont été récompensés."),
    ("MT611", "The singer's video has a new simple, elegant look for the album."),
    ("MT611", "An infiltration of fans onto the pitch forced the referee to stop the match."),
    ("MT611", "The printed history in the library lists every song of the choir."),
    ("MT612", "Die besten Spieler der Serie A wurden ausgezeichnet."),
    ("MT612", "Die Einweihung des Präsidenten-Palastes ist für Mai geplant."),
    ("MT612", "Ein gemeinsamer Apparat der EU-Staaten soll Verdächtige schneller finden."),
    ("MT613", "La editorial imprimió la historia en 1990 y la reeditó después."),
]


@pytest.mark.parametrize(("code", "text"), TRAPS_OTHER)
def test_other_traps_stay_silent(code: str, text: str) -> None:
    assert _findings(code, text) == []
