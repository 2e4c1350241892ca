"""Steady throughput: the shared views and memo tables give exactly what they replace.

Each optimisation of the per-word loops (docs/scaling.md, "Steady throughput") keeps a
slow reference path; these tests compare the fast path with it on texts written to hit
the edge cases (glued possessives, case folding to several characters, memo eviction).
"""

from __future__ import annotations

import gc

import regex

from checker.document import Document
from checker.kinds import translated_names
from checker.kinds.glossary import PrefixFilter, StartMemo
from checker.memo import MemoGet
from checker.wordarrays import content_words, folded_prose, may_occur


def _tn_pattern(renderings: list[str]) -> regex.Pattern[str]:
    """The translated-names pattern, built as the kind builds it."""
    alternation = "|".join(translated_names._phrase(r) for r in sorted(renderings, key=lambda r: -len(r)))
    return regex.compile(
        rf"(?<![\p{{L}}\p{{M}}\p{{Nd}}_@#/.-])(?:{alternation})"
        rf"(?=(?:de|of|del|di|da|do|von)?(?![\p{{L}}\p{{M}}\p{{Nd}}_@/-]))",
        regex.IGNORECASE,
    )


RENDERINGS = ["Velours rouge", "Pierre qui roule", "Les Esquiveurs", "Fils de la Lune", "l'Équipe du soir",
              "Ciel-Bleu", "Tonnerre"]
TEXTS = [
    "Le groupe VELOURS ROUGEde Séoul a chanté, puis Pierre  qui\u00a0roule est paru.",
    "Les esquiveurs ont gagné ; LES ESQUIVEURS encore, et lesEsquiveurs non.",
    "Fils de la lune, fils de la Lunes, l’Équipe du soir et L'ÉQUIPE DU SOIR.",
    "Ciel‐Bleu et ciel-bleu, tonnerreof, tonnerres, xTonnerre, #Tonnerre, /tonnerre.",
    "Straße und Velours rouge: a character folding to two keeps the whole scan (ß).",
    "",
]


def test_translated_names_candidates_give_the_matches_of_finditer() -> None:
    pattern = _tn_pattern(RENDERINGS)
    keys = translated_names._start_keys(RENDERINGS)
    assert keys is not None
    total = 0
    for text in TEXTS:
        slow = [m.span() for m in pattern.finditer(text)]
        fast = [m.span() for m in translated_names._matches(pattern, keys, text)]
        assert fast == slow, text
        total += len(slow)
    assert total == 11  # the texts do exercise the matcher (glued "of", spaces, capitals, hyphens, apostrophes)


def test_translated_names_keys_refuse_what_they_cannot_index() -> None:
    assert translated_names._start_keys(["«Le Monde»"]) is None  # does not open on a letter run
    assert translated_names._start_keys(["Große Freiheit"]) is None  # ß folds to two letters
    keys = translated_names._start_keys(["Red Velvet", "Tonnerre"])
    assert keys is not None
    assert keys.may_start("red", "v") and not keys.may_start("red", "s")
    assert keys.may_start("tonnerrede", "") and not keys.may_start("tonnerres", "")


def _prefix_reference(candidates: list[int], body, key: str) -> tuple[int, ...]:  # noqa: ANN001
    return tuple(i for i in candidates if body(i).match(key, partial=True) is not None)


def test_start_memo_answers_as_partial_matches_in_candidate_order() -> None:
    sources = [r"opportunit\w+", r"adress(?:er|é)", r"la\s+plupart", r"les?\s+\w+", r"pour\s+autant", r"\d+"]
    bodies = [regex.compile(s, regex.IGNORECASE) for s in sources]
    memo = StartMemo()
    for candidates in ([0, 1, 2, 3, 4, 5], [3, 1], [5, 2, 3], [0, 4]):
        got = PrefixFilter(candidates, bodies.__getitem__, memo)
        by_prefix, starting_with = got.by_prefix, got.starting_with
        for key in ("opp", "adr", "la ", "les", "pou", "12 ", "xyz", "le"):
            assert by_prefix(key) == _prefix_reference(candidates, bodies.__getitem__, key)
        for key in ("la plupa", "les gens", "pour aut", "opportun", "le reste"):
            first = _prefix_reference(candidates, bodies.__getitem__, key[:3])
            assert starting_with(key) == tuple(i for i in first if bodies[i].match(key, partial=True))
    # Bounded: a full memo starts again instead of growing.
    memo.size = 10**9
    by_prefix = PrefixFilter([0, 1], bodies.__getitem__, memo).by_prefix
    assert by_prefix("opu") == () and memo.size == 2 and list(memo.asked) == ["opu"]


def test_memo_get_is_the_base_mapping_and_stays_bounded() -> None:
    base = {"le": 0.02, "chat": 1e-4}
    memo = MemoGet(base, limit=3)
    assert memo.get("le") == 0.02 and memo.get("chien") is None and memo.get("chien", 0.0) == 0.0
    for w in ("a", "b", "c", "d", "chat"):
        memo.get(w)
    assert len(memo) <= 3
    assert memo.get("chat") == 1e-4 and memo.get("le") == 0.02


def test_shared_views_are_computed_once_per_document() -> None:
    doc = Document("Le Chat dort. THE CAT sleeps « quoted words here » and more.", lang="fr")
    assert folded_prose(doc) == doc.prose.casefold()
    assert folded_prose(doc) is folded_prose(doc)
    assert may_occur((("chat",), ("sleeps", "zzz")), doc)
    assert not may_occur((("chat",), ("absent",)), doc)
    assert may_occur((), doc)
    from checker import langid

    sentence = doc.sentences[1].text
    assert content_words(doc, sentence) == langid.content_words(sentence)
    assert content_words(doc, sentence) is content_words(doc, sentence)


def test_heap_settles_once_and_keeps_a_custom_threshold() -> None:
    from checker import heap

    before = gc.get_threshold()
    was_settled = heap._settled
    try:
        heap._settled = False
        gc.set_threshold(1234, before[1], before[2])
        heap.settle()
        assert gc.get_threshold()[0] == 1234  # the embedding program's choice is kept
        assert gc.get_freeze_count() > 0
        heap._settled = False
        gc.set_threshold(700, before[1], before[2])
        heap.settle()
        assert gc.get_threshold()[0] == heap.YOUNG_THRESHOLD
        heap.settle()  # once per process: a second call changes nothing
        assert gc.get_threshold()[0] == heap.YOUNG_THRESHOLD
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
        heap._settled = was_settled
