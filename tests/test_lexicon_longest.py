"""The word-length cap: no bundled list holds a longer word, and the rules that split or
correct a token skip longer ones without a lookup (so one huge token stays linear)."""

from __future__ import annotations

import pytest

from checker import lexicon, suggest
from checker.kinds import glued_token, unknown_word

LANGS = sorted(lexicon.available() & {"fr", "en", "es", "it", "pt", "de"})


@pytest.mark.parametrize("lang", LANGS)
def test_no_bundled_word_is_longer_than_the_cap(lang: str) -> None:
    longest = max(map(len, lexicon.frequencies(lang)))
    assert 10 < longest <= lexicon.LONGEST_WORD


def test_a_longer_token_is_unknown_without_a_lookup(monkeypatch: pytest.MonkeyPatch) -> None:
    looked: list[str] = []
    monkeypatch.setattr(lexicon, "table", lambda lang: looked.append(lang) or {})
    lexicon.zipf.cache_clear()
    assert lexicon.zipf("a" * (lexicon.LONGEST_WORD + 1), "fr") == 0.0
    assert looked == []
    lexicon.zipf("maison", "fr")
    assert looked == ["fr"]
    lexicon.zipf.cache_clear()


def test_splitting_rules_skip_a_huge_token(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = []
    real = lexicon.zipf
    monkeypatch.setattr(lexicon, "zipf", lambda word, lang: calls.append(word) or real(word, lang))
    huge = "abcdefghij" * 1000
    assert unknown_word._closed_compound(huge, ("fr",), "fr") is False
    assert glued_token._split_known(huge, "fr", frozenset({"de", "la"}), frozenset(), frozenset(), 3.0) is None
    assert calls == []
    # below the cap the halves are still looked up
    assert unknown_word._closed_compound("wattheures", ("fr",), "fr") is True
    assert calls


def test_no_suggestion_scan_for_a_huge_token(monkeypatch: pytest.MonkeyPatch) -> None:
    sizes: list[int] = []
    real = suggest._deletions
    monkeypatch.setattr(suggest, "_deletions", lambda word: sizes.append(len(word)) or real(word))
    monkeypatch.setattr(suggest, "_index", lambda lang, size, vocabulary: {"maison": [b"maison"]})
    assert suggest.candidates_within_one("abcdefghij" * 1000, "fr", 10, lambda: "") == set()
    assert sizes == []
    assert suggest.candidates_within_one("maisonx", "fr", 10, lambda: "") == {"maison"}
    assert sizes == [7]
