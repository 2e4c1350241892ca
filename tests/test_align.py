"""Tests for checker.align: monotonic passage alignment and the two similarity measures."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.align import Pair, align, cross_language_similarity, same_language_similarity

FRENCH = [
    "Le conseil municipal de Grenoble a voté lundi soir le budget 2024, en hausse de 4 %.",
    "La maire, Sophie Marchand, a défendu une hausse des dépenses consacrées aux écoles.",
    "L'opposition dénonce un endettement qui atteindrait 312 millions d'euros d'ici 2026.",
    "Les travaux du nouveau gymnase, prévus depuis 2019, devraient enfin débuter au printemps.",
    "Les habitants peuvent consulter le détail du budget sur www.grenoble-budget.fr jusqu'au 15 mars.",
    "Interrogé par nos soins, l'adjoint aux finances Karim Bensaïd n'a pas souhaité répondre.",
    "Le prochain conseil se tiendra le 8 avril à 18 heures, salle des fêtes.",
]
# the English original of FRENCH, passage for passage
ENGLISH = [
    "Grenoble city council on Monday evening passed the 2024 budget, up 4%.",
    "Mayor Sophie Marchand defended an increase in spending on schools.",
    "The opposition warns of debt that could reach 312 million euros by 2026.",
    "Work on the new gymnasium, planned since 2019, should finally begin in the spring.",
    "Residents can read the budget in detail at www.grenoble-budget.fr until 15 March.",
    "Asked by us, deputy mayor for finance Karim Bensaïd declined to comment.",
    "The next council meeting will be held on 8 April at 6 pm in the village hall.",
]
# a post-edited version of FRENCH, in the same language
EDITED = [
    "Lundi soir, le conseil municipal de Grenoble a adopté le budget 2024, en hausse de 4 %.",
    "La maire Sophie Marchand a défendu l'augmentation des dépenses pour les écoles.",
    "L'opposition dénonce une dette qui pourrait atteindre 312 millions d'euros en 2026.",
    "Le chantier du nouveau gymnase, attendu depuis 2019, devrait enfin commencer au printemps.",
    "Le détail du budget est consultable sur www.grenoble-budget.fr jusqu'au 15 mars.",
    "Sollicité, l'adjoint aux finances Karim Bensaïd n'a pas souhaité répondre.",
    "Le prochain conseil aura lieu le 8 avril à 18 heures, à la salle des fêtes.",
]


def assert_well_formed(pairs: list[Pair], n: int, m: int) -> None:
    """Every index of both lists appears exactly once, in increasing order."""
    lefts = [p.left for p in pairs if p.left is not None]
    rights = [p.right for p in pairs if p.right is not None]
    assert lefts == list(range(n))
    assert rights == list(range(m))
    assert all(p.left is not None or p.right is not None for p in pairs)
    assert all(0.0 <= p.similarity <= 1.0 for p in pairs)


def links(pairs: list[Pair]) -> list[tuple[int | None, int | None]]:
    """The index pairs of an alignment, without similarities."""
    return [(p.left, p.right) for p in pairs]


def test_identical_lists_align_one_to_one() -> None:
    pairs = align(FRENCH, list(FRENCH))
    assert links(pairs) == [(i, i) for i in range(len(FRENCH))]
    assert all(p.similarity == 1.0 for p in pairs)


def test_edited_version_aligns_one_to_one() -> None:
    assert links(align(FRENCH, EDITED)) == [(i, i) for i in range(len(FRENCH))]


def test_dropped_passage_in_the_middle_is_unmatched() -> None:
    right = EDITED[:3] + EDITED[4:]
    pairs = align(FRENCH, right)
    assert_well_formed(pairs, len(FRENCH), len(right))
    assert links(pairs) == [(0, 0), (1, 1), (2, 2), (3, None), (4, 3), (5, 4), (6, 5)]


def test_added_passage_is_unmatched() -> None:
    left = FRENCH[:5] + FRENCH[6:]
    pairs = align(left, EDITED)
    assert_well_formed(pairs, len(left), len(EDITED))
    assert (None, 5) in links(pairs)
    assert [(a, b) for a, b in links(pairs) if a is not None] == [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4), (5, 6)]


def test_first_and_last_passages_can_be_dropped() -> None:
    pairs = align(EDITED, FRENCH[1:-1])
    assert links(pairs)[0] == (0, None)
    assert links(pairs)[-1] == (len(EDITED) - 1, None)
    assert_well_formed(pairs, len(EDITED), len(FRENCH) - 2)


def test_translation_aligns_to_its_original() -> None:
    pairs = align(ENGLISH, FRENCH, cross_language_similarity)
    assert links(pairs) == [(i, i) for i in range(len(FRENCH))]


def test_translation_with_a_dropped_passage_aligns_to_its_original() -> None:
    french = FRENCH[:2] + FRENCH[3:]
    pairs = align(ENGLISH, french, cross_language_similarity)
    assert links(pairs) == [(0, 0), (1, 1), (2, None), (3, 2), (4, 3), (5, 4), (6, 5)]


def test_translation_with_an_added_passage_aligns_to_its_original() -> None:
    english = ENGLISH[:4] + ENGLISH[5:]
    pairs = align(english, FRENCH, cross_language_similarity)
    assert (None, 4) in links(pairs)
    assert_well_formed(pairs, len(english), len(FRENCH))


def test_unrelated_replacement_is_left_unmatched_on_both_sides() -> None:
    left = ["Le train de 8 h 12 est supprimé.", "La météo annonce de la pluie.", "Fin du bulletin."]
    right = ["Le train de 8 h 12 est supprimé.", "xxxx yyyy zzzz", "Fin du bulletin."]
    assert links(align(left, right, gap=0.3)) == [(0, 0), (1, None), (None, 1), (2, 2)]


def test_empty_lists() -> None:
    assert align([], []) == []
    assert links(align(["a", "b"], [])) == [(0, None), (1, None)]
    assert links(align([], ["a"])) == [(None, 0)]


def test_long_lists_use_the_band_and_still_find_drops() -> None:
    passages = [f"Paragraphe {i} : la commune {i * 7} publie son rapport numéro {i * 13}." for i in range(600)]
    dropped = {5, 111, 112, 300, 599}
    right = [p for i, p in enumerate(passages) if i not in dropped]
    pairs = align(passages, right)
    assert_well_formed(pairs, len(passages), len(right))
    assert {p.left for p in pairs if p.right is None} == dropped
    assert all(passages[p.left] == right[p.right] for p in pairs if p.left is not None and p.right is not None)


def test_same_language_similarity_ranks_the_edited_passage_first() -> None:
    for i, passage in enumerate(FRENCH):
        scores = [same_language_similarity(passage, other) for other in EDITED]
        assert max(range(len(scores)), key=scores.__getitem__) == i


def test_same_language_similarity_bounds() -> None:
    assert same_language_similarity("Bonjour à tous.", "Bonjour à tous.") == 1.0
    assert same_language_similarity("", "") == 1.0
    assert same_language_similarity("Bonjour", "") == 0.0
    assert same_language_similarity("abc", "xyz") == 0.0


def test_cross_language_similarity_ranks_the_translation_first() -> None:
    for i, passage in enumerate(ENGLISH):
        scores = [cross_language_similarity(passage, other) for other in FRENCH]
        assert max(range(len(scores)), key=scores.__getitem__) == i


def test_cross_language_similarity_uses_numbers_handles_and_names() -> None:
    source = "Follow @cityhall and #budget2024: 312 seats for Karim Bensaïd."
    good = "Suivez @cityhall et #budget2024 : 312 sièges pour Karim Bensaïd."
    wrong_numbers = "Suivez @townhall et #budget2023 : 313 sièges pour Karim Bensaïd."
    assert cross_language_similarity(source, good) > cross_language_similarity(source, wrong_numbers)


def test_cross_language_similarity_matches_names_spelled_differently() -> None:
    source = "The delegation then flew from Moscow to Beijing for the summit."
    good = "La délégation s'est ensuite envolée de Moscou vers Beijing pour le sommet."
    other = "La délégation s'est ensuite envolée de Madrid vers Beijing pour le sommet."
    assert cross_language_similarity(source, good) > cross_language_similarity(source, other)


def test_cross_language_similarity_is_symmetric_and_bounded() -> None:
    for a, b in zip(ENGLISH, FRENCH):
        value = cross_language_similarity(a, b)
        assert 0.0 <= value <= 1.0
        assert value == pytest.approx(cross_language_similarity(b, a))
    assert cross_language_similarity("", "") == 1.0
    assert cross_language_similarity("Hello", "") == 0.0


passage_lists = st.lists(st.text(alphabet="abcde fg.", max_size=12), max_size=14)


@settings(max_examples=150, deadline=None)
@given(passage_lists, passage_lists, st.floats(min_value=0.0, max_value=1.0))
def test_alignment_covers_every_index_once_in_order(left: list[str], right: list[str], gap: float) -> None:
    assert_well_formed(align(left, right, gap=gap), len(left), len(right))


@settings(max_examples=60, deadline=None)
@given(passage_lists, passage_lists)
def test_cross_language_alignment_is_well_formed(left: list[str], right: list[str]) -> None:
    assert_well_formed(align(left, right, cross_language_similarity), len(left), len(right))


@settings(max_examples=40, deadline=None)
@given(st.lists(st.sampled_from(FRENCH + EDITED), min_size=50, max_size=140), st.integers(0, 60))
def test_banded_alignment_is_well_formed(left: list[str], cut: int) -> None:
    right = left[cut:] + left[: cut // 2]
    assert_well_formed(align(left, right), len(left), len(right))


def test_band_widens_when_a_long_run_of_passages_is_missing() -> None:
    passages = [f"Note {i} : le service {i * 3} ferme à {i % 24} heures, dossier {i * 11}." for i in range(600)]
    # the true path strays far from the proportional diagonal, beyond the initial band
    right = passages[150:]
    pairs = align(passages, right)
    assert links(pairs) == [(i, None) for i in range(150)] + [(i, i - 150) for i in range(150, 600)]
