"""Edge cases of the acronym, name-list, unknown-word and glued-word detectors."""

from __future__ import annotations

import pytest

from checker.document import Document
from checker.engine import Engine
from checker.kinds._spelling import close_words, edit_distance
from checker.rules import builtin_rules_dir, load_rules

RULESET = load_rules([builtin_rules_dir()])


def _codes(text: str, lang: str, prefix: str) -> list[tuple[str, str]]:
    rules = [r for r in RULESET.rules if r.code.startswith(prefix)]
    result = Engine(rules, RULESET.packs).check(Document(text, "<t>", lang))
    assert not result.failures
    return [(f.code, f.text) for f in result.findings]


def test_edit_distance_counts_transpositions_as_one() -> None:
    assert edit_distance("recieve", "receive") == 1
    assert edit_distance("abc", "abc") == 0
    assert edit_distance("kitten", "sitting", limit=2) == 3  # capped at limit + 1


def test_close_words_finds_one_edit_neighbours() -> None:
    words = [w for w, d, _ in close_words("goverment", "en", 1)]
    assert "government" in words


@pytest.mark.parametrize(
    "text",
    [
        "Al Pacino et Al Gore ont parlé de l’intelligence artificielle (IA).",
        "L’IA progresse ; Al-Qaïda et Al Jazeera n’ont rien à voir, ni l’alumine Al2O3.",
    ],
)
def test_al_as_a_name_is_silent(text: str) -> None:
    assert _codes(text, "fr", "MT10") == []


def test_al_after_elision_is_reported_even_without_ai_context() -> None:
    assert _codes("Les développeurs d’Al promettent des garde-fous.", "fr", "MT10") == [("MT101", "Al")]


def test_bare_al_needs_ai_context() -> None:
    assert _codes("Al a longtemps tenu le bar du port.", "fr", "MT10") == []
    assert _codes("L’IA inquiète : Al remplace des traducteurs.", "fr", "MT10") == [("MT101", "Al")]


def test_digit_acronyms_need_a_known_repair() -> None:
    assert _codes("Le vol A320 a décollé ; le C0VID recule.", "fr", "MT10") == [("MT102", "C0VID")]


def test_brand_camel_case_is_silent_but_breadcrumbs_are_reported() -> None:
    assert _codes("Sur BlueSky, YouTube et LinkedIn, l’iPhone domine.", "fr", "MT52") == []
    found = _codes("AccueilÉconomieLa Bourse recule\n\nLa Bourse a reculé.", "fr", "MT52")
    assert found == [("MT521", "AccueilÉconomieLa")]


def test_unknown_word_skips_foreign_quotes_and_known_words() -> None:
    text = "Il a crié « absolutamente ninguna problema » devant la foule."
    assert _codes(text, "fr", "MT20") == []
    assert _codes("La maison est grande et confortable.", "fr", "MT20") == []


def test_name_particles_and_sentence_starts_are_not_garbled_names() -> None:
    text = "Étaient présents Charles de Gaulle, Ursula von der Leyen et Mohammed bin Salmane."
    assert _codes(text, "fr", "MT11") == []
    text = "Pendant qu’il parlait, Jean Dupont et Marie Curie écoutaient."
    assert _codes(text, "fr", "MT11") == []


def test_lowercase_surname_in_a_list_is_reported_with_a_local_repair() -> None:
    text = "Parmi les invités figuraient Paul Martin, Léa seydoux et Omar Sy. Léa Seydoux a parlé."
    rules = [r for r in RULESET.rules if r.code == "MT111"]
    result = Engine(rules, RULESET.packs).check(Document(text, "<t>", "fr"))
    assert [(f.text, f.suggestions) for f in result.findings] == [("Léa seydoux", ("Léa Seydoux",))]


def test_closed_compound_of_two_common_words_is_a_word() -> None:
    """Two common words written together (watt + heures) are accepted; a short common tail is not enough."""
    from conftest import findings as check_text

    clean = check_text("La batterie stocke 500 wattheures, assez pour une journée.", "fr")
    assert [f for f in clean if f.category == "non-word"] == []
    invented = check_text("Le procédé de revalorisationnage est breveté depuis mars.", "fr")
    assert [f.text for f in invented if f.category == "non-word"] == ["revalorisationnage"]


def test_possessive_counts_as_a_use_of_its_stem() -> None:
    """A term used twice (once as a possessive) is consistent usage, likelier jargon than a coined word."""
    from conftest import findings as check_text

    text = "The zorblax team met on Monday. The zorblax's budget was approved on Friday.\n"
    assert [f for f in check_text(text, "en") if f.category == "non-word"] == []
