"""Indexes kept beside a word list as a memory-mapped trie (``buildcache.mapped_beside_list``) read as the dict."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import buildcache, lexicon, lexstore
from conftest import CallLog


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.delenv("MTLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("MTLINT_CACHE_DIR", str(tmp_path))
    return tmp_path


def _index() -> dict[str, str]:
    return {"etat": "état", "ecole": "école", "noel": "noël", "a": "à", "façade": "façade",
            "x" * 40: "y" * 40, "emoji": "émoji 🙂"}


def _as_dict(mapping: dict[str, str] | buildcache.StringMap) -> dict[str, str]:
    return {key: mapping[key] for key in mapping}


def test_second_process_reads_the_trie_as_the_dict(cache: Path, call_log: CallLog) -> None:
    freqs = lexstore.open_list(lexicon._files("small")["fr"])
    assert isinstance(freqs, lexstore.FrequencyMap)
    calls = call_log  # counts the builds made in a forked copy (cachedir.fork_apart) too

    def build() -> dict[str, str]:
        calls.record()
        return _index()

    first = buildcache.mapped_beside_list(freqs, "test-map 1", build)
    assert _as_dict(first) == _index() and len(calls) == 1
    again = buildcache.mapped_beside_list(freqs, "test-map 1", build)
    assert isinstance(again, buildcache.StringMap) and len(calls) == 1
    assert len(again) == len(_index())
    for key, value in _index().items():
        assert again.get(key) == value
    for missing in ("", "eta", "etats", "ETAT", "zzz"):
        assert again.get(missing) is None and again.get(missing, "d") == "d"
    other = buildcache.mapped_beside_list(freqs, "test-map 2", build)  # another name: built again
    assert _as_dict(other) == _index() and len(calls) == 2


def test_without_a_converted_list_the_dict_is_built(cache: Path) -> None:
    assert buildcache.mapped_beside_list({"a": 1.0}, "test-map", _index) == _index()


def test_accent_index_reads_the_same_from_the_trie(cache: Path) -> None:
    from checker.kinds import lost_mark

    scanned = lost_mark._scan("fr", 3.0)  # the index as the kind computes it
    lost_mark._INDEX.clear()
    lost_mark._accent_index("fr", 3.0)  # built and kept beside the list (or read, if an earlier test kept it)
    lost_mark._INDEX.clear()
    mapped = lost_mark._accent_index("fr", 3.0)
    lost_mark._INDEX.clear()
    if isinstance(lexicon.table("fr"), lexstore.FrequencyMap):
        assert isinstance(mapped, buildcache.StringMap)
    assert len(scanned) > 1000 and len(mapped) == len(scanned)
    for key, value in scanned.items():
        assert mapped.get(key) == value
