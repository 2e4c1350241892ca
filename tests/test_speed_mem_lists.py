"""Scanning a memory-mapped word list keeps nothing of it alive, and cut-name asks the trie for
the words that begin with a fragment instead of keeping a sorted copy of a large list."""

from __future__ import annotations

import gc
import random
import tracemalloc

import pytest

from checker import lexicon
from checker.kinds import cut_name
from checker.lexstore import FrequencyMap, read_dict


def _mapped(lang: str, wordlist: str) -> FrequencyMap:
    freqs = lexicon.frequencies(lang, wordlist)
    if not isinstance(freqs, FrequencyMap):
        pytest.skip("no cache directory: the lists are plain dicts")
    return freqs


def test_views_are_the_dict_readers_and_keep_nothing() -> None:
    freqs = _mapped("fr", "small")
    reference = read_dict(lexicon._files("small")["fr"])
    assert list(freqs.items()) == list(reference.items())
    assert list(freqs.values()) == list(reference.values())
    assert list(freqs) == list(reference) and list(freqs.keys()) == list(reference.keys())
    assert ("le", reference["le"]) in freqs.items() and len(freqs.items()) == len(reference)
    gc.collect()
    tracemalloc.start()
    try:
        fresh = FrequencyMap(freqs.base)
        before = tracemalloc.get_traced_memory()[0]
        assert sum(1 for _ in fresh.items()) == len(reference)
        assert sum(fresh.values()) > 0 and sum(1 for _ in fresh) == len(reference)
        gc.collect()
        kept = tracemalloc.get_traced_memory()[0] - before
    finally:
        tracemalloc.stop()
    assert kept < 256 * 1024, f"scanning the list kept {kept} bytes alive"


def test_with_prefix_is_the_words_that_begin_so() -> None:
    freqs = _mapped("en", "small")
    words = list(freqs)
    for prefix in ("hous", "zz", "the", "qwertyuiop"):
        assert sorted(freqs.with_prefix(prefix)) == sorted(w for w in words if w.startswith(prefix))


@pytest.mark.parametrize("lang", ["en", "fr"])
def test_cut_name_prefix_query_is_the_sorted_scan(lang: str) -> None:
    _mapped(lang, "best")
    words = cut_name._sorted_words(lang, 2.5)
    rng = random.Random(7)
    prefixes = {w[:k] for w in rng.sample(words, 400) for k in (3, 4, 5)} | {"xq", "zzzz"}
    for prefix in sorted(prefixes):
        for missing in (1, 2, 3):
            assert cut_name._first_listed_longer(lang, 2.5, prefix, missing) == \
                cut_name._first_longer(words, prefix, missing), prefix
