"""Edge cases of the name-variants kind (MT113, MT667): one name spelled two ways in one article."""

from __future__ import annotations

import pytest

from checker.document import Document
from checker.engine import Engine
from checker.rules import builtin_rules_dir, load_rules

RULESET = load_rules([builtin_rules_dir()])
# MT113 reports slips, MT667 the romanisation variants of the same kind: together, every variant.
RULES = [r for r in RULESET.rules if r.code in ("MT113", "MT667")]
RULE = next(r for r in RULES if r.code == "MT113")


def _findings(text: str, lang: str = "fr") -> list:
    result = Engine(RULES, RULESET.packs).check(Document(text, "<t>", lang))
    assert not result.failures
    for f in result.findings:
        assert text[f.start:f.end] == f.text
    return result.findings


def _texts(text: str, lang: str = "fr") -> list[str]:
    return [f.text for f in _findings(text, lang)]


def test_accent_only_variant_is_reported_with_the_majority_spelling() -> None:
    text = (
        "Aurélien Tchouaméni a marqué samedi. L'entraîneur a félicité Tchouaméni après le match. "
        "Dimanche, Aurélien Tchouameni a rejoint le groupe."
    )
    found = _findings(text)
    assert [f.text for f in found] == ["Tchouameni"]
    f = found[0]
    assert f.suggestions == ("Tchouaméni",)
    assert f.related is not None
    assert text[f.related[0]:f.related[1]] == "Tchouaméni"
    assert f.related[0] < f.start


def test_every_occurrence_of_the_minority_spelling_is_reported() -> None:
    text = (
        "Pierre-Emerick Aubameyang a marqué. Aubameyang est en forme. Le club loue Aubameyang. "
        "Le public chante le nom d'Aubameyang. "
        "Selon la presse, Aubamayang va prolonger. Le contrat d'Aubamayang court jusqu'en 2026."
    )
    assert _texts(text) == ["Aubamayang", "Aubamayang"]


def test_minority_first_is_still_the_one_reported() -> None:
    text = (
        "Alexeï Navalni a été arrêté. La famille de Navalny proteste. "
        "Le procès de Navalny s'ouvre lundi. Les soutiens de Navalny manifestent."
    )
    assert _texts(text) == ["Navalni"]


def test_on_a_tie_the_later_spelling_is_reported() -> None:
    first = "Le ministre a reçu Aurélien Tchouaméni mardi. Il a ensuite parlé d'Aurélien Tchouameni."
    assert _texts(first) == ["Tchouameni"]
    swapped = "Le ministre a reçu Aurélien Tchouameni mardi. Il a ensuite parlé d'Aurélien Tchouaméni."
    assert _texts(swapped) == ["Tchouaméni"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Distinct real names, each frequent.
        ("Martine Aubry a parlé. Le maire, Jean Martin, a répondu. Le port de Marin a fermé.", "fr"),
        ("Michael Jordan est venu. Plus tard, le docteur Jourdan a soigné les joueurs.", "fr"),
        # Derived and inflected forms.
        ("Emmanuel Macron a parlé. La Macronie s'inquiète. Les Français et une Française témoignent.", "fr"),
        ("Paris se prépare. Un Parisien sur deux approuve. Les Parisiens votent dimanche.", "fr"),
        ("Trump's lawyers met on Monday. Trump later flew to Lyons, New York, then Lyon, France.", "en"),
        ("Angela Merkel kam. Merkels Sprecher sagte, Merkel reise im Januar.", "de"),
        ("Malik Diallo est rentré au Mali. Le Mali a salué Malik Diallo.", "fr"),
        # Female forms.
        ("Mario Rossi et sa sœur Maria ont voté. Anna Kowalska, l'épouse de Jan Kowalski, aussi.", "fr"),
        # Months, weekdays and ordinary words at the start of a sentence.
        ("Mardi, le conseil a voté. Janvier Ndayishimiye arrivera en janvier. Mardi, il repartira.", "fr"),
        ("Depuis lundi, rien. Depuis mardi, tout change. Le fondateur, Paul Depuys, se tait.", "fr"),
        # A sentence-initial ordinary word spelled like a lowercase noun elsewhere.
        ("Marche après marche, on monte. Le marché rouvre. Marché couvert et halles attirent.", "fr"),
        # Hyphenated first names share parts with other names legitimately.
        ("Marie-Christine Dubois et Christian Dubois ont signé avec Jean-Marie Dupont.", "fr"),
        # Optional accent on a capital letter.
        ("L'Etat a tranché. L'État paiera, a dit le ministre de l'Economie et de l'Économie sociale.", "fr"),
        # Acronyms are not names.
        ("La NASSA a corrigé la NASA. La NASA a confirmé.", "fr"),
    ],
)
def test_traps_stay_silent(text: str, lang: str) -> None:
    assert _texts(text, lang) == []


def test_different_first_names_mean_different_people() -> None:
    text = "Anna Kowalczik a témoigné. Marek Kowalczyk a confirmé. Le juge a remercié Marek Kowalczyk."
    assert _texts(text) == []
    same = "Marek Kowalczik a témoigné. Marek Kowalczyk a confirmé. Le juge a remercié Marek Kowalczyk."
    assert _texts(same) == ["Kowalczik"]


def test_a_shared_title_is_no_shared_first_name() -> None:
    text = "Mme Frank a parlé. Le maire a remercié Mme Franck. Mme Franck a ensuite quitté la salle."
    assert _texts(text) == []


def test_names_side_by_side_in_one_sentence_are_two_names() -> None:
    text = "Le salon Educatec / Educatice ouvre mardi. Educatec attend du monde."
    assert _texts(text) == []


def test_a_different_initial_is_another_name() -> None:
    text = "Claude Banello est arrivé. Le rival de Ranello, Pierre Ranello, proteste. Ranello se tait."
    assert _texts(text) == []


def test_a_minority_spelling_repeated_as_often_is_an_established_name() -> None:
    text = "Corcy a parlé. Le fils de Corcy est là. À Courcy, la fête bat son plein. Courcy attend."
    assert _texts(text) == []


def test_an_everyday_capitalised_word_is_not_a_name() -> None:
    text = "The Member States agreed. The States will vote. Staes. Mr President, I would first say this."
    assert _texts(text, "en") == []


def test_title_case_heading_is_not_taken_for_names() -> None:
    text = "Leaders Gather As Talks Resume In Geneva\n\nThe leaders gathered on Monday in Geneva."
    assert _texts(text, "en") == []


def test_short_names_are_not_compared() -> None:
    text = "Ali Khan a parlé. Ali Kahn a répondu. Le juge a remercié Ali Khan."
    assert _texts(text) == []


def test_two_edits_need_long_names() -> None:
    long = "Walter Schwarzenegger a parlé. Schwarzenegger a voté. Le fils de Walter Schwarzeneger s'est tu."
    assert _texts(long) == ["Schwarzeneger"]
    short = "Le rabbin Schammaï enseigne. Schammaï a parlé. Le disciple de Schabtaï proteste."
    assert _texts(short) == []


def test_bad_params_are_rejected() -> None:
    from checker.dataclass import replace
    from checker.kinds import name_variants

    params = dict(RULE.params)
    params["min_letters"] = 2
    with pytest.raises(ValueError):
        name_variants.build(replace(RULE, params=params))
    params = dict(RULE.params)
    params["pairs"] = "some"
    with pytest.raises(ValueError):
        name_variants.build(replace(RULE, params=params))
