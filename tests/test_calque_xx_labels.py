"""Literal infobox labels (MT409, kind label-table) on lines that lost their tab: ``Label Value``.

A label followed by one space and a value is read as a label only in an infobox block (other
label lines of the same language nearby, most of them without a colon or tab either), when
the words before the space are a whole label and what follows reads as a value. Sentences
that open with the same words stay silent. Every text here is our own.
"""

from __future__ import annotations

import pytest

from checker.document import Document
from checker.engine import Engine
from checker.rules import builtin_rules_dir, load_rules

RULESET = load_rules([builtin_rules_dir()])
RULE = next(r for r in RULESET.rules if r.code == "MT409")


def _found(text: str, lang: str) -> list[str]:
    result = Engine([RULE], RULESET.packs).check(Document(text, "<labels>", lang))
    assert not result.failures, result.failures
    for f in result.findings:
        assert text[f.start:f.end] == f.text
    return [f.text for f in result.findings]


def test_the_rule_uses_the_label_kind() -> None:
    assert RULE.kind == "label-table"


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("fr", "Odile Ferrand\nNée 12 mars 1951, Rennes\nNationalité française\nAnnées actives 1970-1999\nProfession chanteuse",
     ["Née", "Années actives"]),
    ("en", "Paul Varenne\nBirth 3 May 1930, Nîmes\nDeath 9 October 2001, Paris\nNationality French\nActivity painter",
     ["Birth", "Death", "Activity"]),
    ("es", "Rosa Medina\nNacida 4 de junio de 1962\nNacionalidad española\nAños activos 1985-presente\nOcupación actriz",
     ["Nacida", "Años activos"]),
    ("it", "Carla Fonti\nNata 2 aprile 1970\nNazionalità italiana\nAnni attivi 1990-2010\nProfessione cantante",
     ["Nata", "Anni attivi"]),
    ("pt", "Lia Campos\nNascida 8 de julho de 1975\nNacionalidade brasileira\nAnos ativos 1995-presente\nOcupação cantora",
     ["Nascida", "Anos ativos"]),
    ("de", "Heike Brandt\nGeboren 3. Juni 1968\nStaatsangehörigkeit deutsch\nJahre aktiv 1988-2015\nBeruf Sängerin",
     ["Jahre aktiv"]),
])
def test_a_block_of_label_value_lines(lang: str, text: str, expected: list[str]) -> None:
    assert _found(text, lang) == expected


def test_a_value_may_be_a_url_a_number_or_a_short_lowercase_phrase() -> None:
    text = ("Les Phares\nGenres musicaux rock, folk\nÉtiquettes Disques du Nord\nSite officiel www.lesphares.example\n"
            "Années actives 2004-2019")
    assert _found(text, "fr") == ["Étiquettes", "Années actives"]


def test_rows_whose_article_condition_needs_other_labels_see_the_block() -> None:
    """``Enfants`` is reported only beside literal labels: the condition sees ``Née 12 mars``."""
    text = "Odile Ferrand\nNée 12 mars 1951\nNationalité française\nEnfants 2"
    assert _found(text, "fr") == ["Née", "Enfants"]


def test_rows_whose_article_condition_needs_other_labels_see_tab_separated_values() -> None:
    """A label followed by a tab and its value satisfies another row's article condition."""
    text = "Odile Ferrand\nNée\t12 mars 1951\nNationalité\tfrançaise\nEnfants\t2"
    assert _found(text, "fr") == ["Née", "Enfants"]


@pytest.mark.parametrize(("lang", "text"), [
    # sentences that open with a label's words, inside or beside a block
    ("fr", "Odile Ferrand\nNationalité française\nEnfants du quartier, ils ont grandi près du port.\nProfession chanteuse"),
    ("fr", "Odile Ferrand\nNationalité française\nParents et voisins se souviennent d'elle\nProfession chanteuse"),
    ("fr", "Odile Ferrand\nNationalité française\nNée à Rennes, elle y a passé sa jeunesse\nProfession chanteuse"),
    ("en", "Paul Varenne\nNationality French\nParents say the new timetable is unfair\nOccupation painter"),
    ("en", "Paul Varenne\nNationality French\nTraining camp opens on Monday in Leeds.\nOccupation painter"),
    # a lone "Label Value" line: no block around it
    ("fr", "Née 12 mars 1951 à Rennes, la chanteuse a sorti son premier disque à vingt ans.\nElle vit à Brest."),
    ("en", "Birth Rates Fall Again\nThe number of births fell for the sixth year in a row."),
    ("fr", "Années actives Dupont\nUn portrait de la chanteuse."),
    # a block written with colons: a line without one is prose
    ("fr", "Louis Garnier\nGrade : colonel\nArme : infanterie\nBranche cassée, arbre tombé"),
    ("de", "Helmut Lehr\nVorgänger: Anna Roth\nIm Amt: seit 2020\nIm Büro saßen drei Leute"),
    # the first words of a longer phrase are not a whole label
    ("fr", "Odile Ferrand\nNationalité française\nNées pour chanter, deux sœurs\nProfession chanteuse"),
])
def test_prose_that_opens_with_a_label_stays_silent(lang: str, text: str) -> None:
    assert _found(text, lang) == []


def test_correct_local_labels_stay_silent() -> None:
    text = ("Odile Ferrand\nNaissance 12 mars 1951, Rennes\nDécès 3 juin 2019, Brest\nNationalité française\n"
            "Période d'activité 1970-1999\nConjoint Paul Durand\nEnfants 2")
    assert _found(text, "fr") == []


def test_a_label_two_lines_away_from_the_block_is_too_far() -> None:
    far = "\n".join(["Une phrase ordinaire de l'article, sans étiquette."] * 20)
    text = f"Odile Ferrand\nNationalité française\nProfession chanteuse\n{far}\nAnnées actives 1970-1999"
    assert _found(text, "fr") == []


def test_offsets_and_line_length_are_kept_by_the_view() -> None:
    from checker.kinds import label_table

    data = label_table._Lang(label_table.regex.compile("(?:Née|Nationalité|Profession)", label_table.regex.I),
                             frozenset({"est"}), frozenset({"à"}))
    text = "Odile\nNée 12 mars\nNationalité française\nProfession chanteuse"
    view = label_table.spaced_view(Document(text, "<v>", "fr"), data, 2, 15)
    assert view is not None and len(view) == len(text)
    assert view.replace("\t", " ") == text
    assert view.count("\t") == 3


@pytest.mark.parametrize(("value", "ok"), [
    ("12 mars 1951", True), ("Paul Durand", True), ("www.example.org", True), ("https://example.org/x", True),
    ("chanteuse, actrice", True), ("du quartier", False), ("et ils ont grandi", False),
    ("C'est une chanteuse", False), ("elle chante depuis toujours", False), ("Paul Durand est parti", False),
    ("sont arrivés hier soir avec leurs parents pour la fête du village", False), ("Dupont Jr.", True),
    ("Il chantait.", False),
])
def test_what_reads_as_a_value(value: str, ok: bool) -> None:
    from checker.kinds import label_table

    words = {"verb": set(), "lead": set()}
    path = RULE.resolve(RULE.params["words"])
    for line in path.read_text(encoding="utf-8").splitlines():
        cells = line.split("\t")
        if len(cells) == 3 and cells[0] == "fr":
            words[cells[1]].update(cells[2].split())
    data = label_table._Lang(label_table.regex.compile("x"), frozenset(words["verb"]), frozenset(words["lead"]))
    assert label_table._is_value(value, data) is ok
