"""The pattern store keeps what the rules in use need when it is full (issue #11: a store
filled by older rule files must not refuse the patterns of the current ones forever)."""

from __future__ import annotations

from pathlib import Path

import pytest
import regex

from checker import regexcache
from checker.flatstore import FlatStore


def _stored(cache: Path) -> set[str]:
    return set(FlatStore(next(cache.glob("regex-*.flat"))).keys())


def _key(source: str) -> str:
    return regexcache.pattern_key(source, 0, int(regex.DEFAULT_VERSION))


def _new_process(monkeypatch: pytest.MonkeyPatch) -> None:
    """What a new process sees: the store on disk, nothing read, added or compiled yet."""
    monkeypatch.setattr(regexcache, "_store", None)
    monkeypatch.setattr(regexcache, "_added", {})
    monkeypatch.setattr(regexcache, "_live", {})
    monkeypatch.setattr(regexcache, "_used", set())
    monkeypatch.setattr(regexcache, "_journal", None)
    monkeypatch.setattr(regexcache, "_journal_hit", False)


def test_a_full_store_makes_room_with_entries_nobody_read(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regexcache, "MAX_PATTERNS", 6)
    monkeypatch.setattr(regexcache, "JOURNAL_MAX", 0)  # every save merges into the store
    old = [f"vieux{i}\\w+" for i in range(6)]
    with regexcache.ACTIVE:
        for source in old:
            regex.compile(source)
    regexcache.save()
    assert _stored(fresh_cache) == {_key(s) for s in old}  # full

    _new_process(monkeypatch)
    new = ["neuf\\d+", "autre\\s+mot"]
    with regexcache.ACTIVE:
        regex.compile(old[0])  # read from the store
        regex.compile(old[3])
        for source in new:
            regex.compile(source)
    regexcache.save()
    stored = _stored(fresh_cache)
    assert len(stored) == 6
    assert {_key(old[0]), _key(old[3])} | {_key(s) for s in new} <= stored


def test_a_full_store_of_used_entries_is_not_rewritten(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regexcache, "MAX_PATTERNS", 2)
    monkeypatch.setattr(regexcache, "JOURNAL_MAX", 0)
    with regexcache.ACTIVE:
        regex.compile("un\\w")
        regex.compile("deux\\w")
    regexcache.save()
    path = next(fresh_cache.glob("regex-*.flat"))
    before = path.stat().st_mtime_ns, path.read_bytes()

    _new_process(monkeypatch)
    with regexcache.ACTIVE:
        regex.compile("un\\w")
        regex.compile("deux\\w")
        regex.compile("trois\\w")  # does not fit: both old entries were read
    regexcache.save()
    assert (path.stat().st_mtime_ns, path.read_bytes()) == before
    assert _stored(fresh_cache) == {_key("un\\w"), _key("deux\\w")}


def test_entries_already_stored_are_not_added_twice(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    with regexcache.ACTIVE:
        regex.compile("pareil\\w")
    regexcache.save()
    _new_process(monkeypatch)
    with regexcache.ACTIVE:
        regex.compile("pareil\\w")
    assert regexcache._added == {}  # read from the store, not compiled again


def _journal(cache: Path) -> dict[str, bytes]:
    import pickle

    path = next(cache.glob("regex-*.journal"), None)
    if path is None:
        return {}
    with open(path, "rb") as fh:
        return pickle.load(fh)  # type: ignore[no-any-return]


def test_new_entries_go_to_the_journal_until_it_is_full(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run that compiles a few new patterns writes the small journal, not the whole store; the
    next process finds them there; the journal is merged into the store once it is full."""
    monkeypatch.setattr(regexcache, "JOURNAL_MAX", 3)
    with regexcache.ACTIVE:
        regex.compile("base\\w+")
    regexcache.save()
    assert set(_journal(fresh_cache)) == {_key("base\\w+")}
    assert not list(fresh_cache.glob("regex-*.flat"))  # the trie was not built for one entry

    _new_process(monkeypatch)
    with regexcache.ACTIVE:
        regex.compile("base\\w+")  # read back from the journal, not compiled again
        regex.compile("second\\d")
    assert set(regexcache._added) == {_key("second\\d")}
    regexcache.save()
    assert set(_journal(fresh_cache)) == {_key("base\\w+"), _key("second\\d")}

    _new_process(monkeypatch)
    with regexcache.ACTIVE:
        regex.compile("third\\s")
        regex.compile("fourth\\S")  # four entries: more than the journal holds
    regexcache.save()
    assert _stored(fresh_cache) == {_key(s) for s in ("base\\w+", "second\\d", "third\\s", "fourth\\S")}
    assert _journal(fresh_cache) == {}

    _new_process(monkeypatch)
    with regexcache.ACTIVE:
        for source in ("base\\w+", "second\\d", "third\\s", "fourth\\S"):
            regex.compile(source)
    assert regexcache._added == {}  # all read from the store


def test_a_damaged_journal_is_ignored(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regexcache, "JOURNAL_MAX", 3)
    with regexcache.ACTIVE:
        regex.compile("abime\\w")
    regexcache.save()
    journal = next(fresh_cache.glob("regex-*.journal"))
    journal.write_bytes(b"not a pickle")
    _new_process(monkeypatch)
    with regexcache.ACTIVE:
        got = regex.compile("abime\\w")
    assert got.match("abimex")
    assert set(regexcache._added) == {_key("abime\\w")}  # compiled again, kept for the next save


def test_a_large_journal_in_use_is_merged_even_without_new_entries(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A journal under the entry count but over the byte bound would be read by every run that
    needs one of its entries: the first such run merges it into the store, adding nothing."""
    monkeypatch.setattr(regexcache, "JOURNAL_MAX", 1000)
    monkeypatch.setattr(regexcache, "JOURNAL_MAX_BYTES", 10**9)  # the journal takes all of them
    sources = [f"long{i}\\w+" + "x" * 200 for i in range(5)]
    with regexcache.ACTIVE:
        for source in sources:
            regex.compile(source)
    regexcache.save()
    assert set(_journal(fresh_cache)) == {_key(s) for s in sources}
    assert not list(fresh_cache.glob("regex-*.flat"))

    monkeypatch.setattr(regexcache, "JOURNAL_MAX_BYTES", 100)  # now over the bound
    _new_process(monkeypatch)
    with regexcache.ACTIVE:
        regex.compile(sources[0])  # found in the journal
    assert regexcache._added == {}
    regexcache.save()
    assert _stored(fresh_cache) == {_key(s) for s in sources}
    assert _journal(fresh_cache) == {}


def test_new_entries_over_the_byte_bound_merge_the_journal(
    fresh_cache: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(regexcache, "JOURNAL_MAX", 1000)
    monkeypatch.setattr(regexcache, "JOURNAL_MAX_BYTES", 600)
    with regexcache.ACTIVE:
        regex.compile("petit\\w")
    regexcache.save()
    assert set(_journal(fresh_cache)) == {_key("petit\\w")}  # small: journal only

    _new_process(monkeypatch)
    big = "grand\\w+" + "y" * 800
    with regexcache.ACTIVE:
        regex.compile(big)
    regexcache.save()
    assert _stored(fresh_cache) == {_key("petit\\w"), _key(big)}
    assert _journal(fresh_cache) == {}


def test_a_small_journal_in_use_stays_a_journal(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(regexcache, "JOURNAL_MAX", 1000)
    with regexcache.ACTIVE:
        regex.compile("menu\\w")
    regexcache.save()
    _new_process(monkeypatch)
    with regexcache.ACTIVE:
        regex.compile("menu\\w")
    regexcache.save()
    assert set(_journal(fresh_cache)) == {_key("menu\\w")}
    assert not list(fresh_cache.glob("regex-*.flat"))


def test_the_store_is_keyed_by_digests_and_drops_the_legacy_stores(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Keys are short digests, and the marisa-trie stores that earlier versions left beside the
    store (keyed by whole patterns, then by digests) are removed when the new one is written."""
    monkeypatch.setattr(regexcache, "JOURNAL_MAX", 0)
    path = regexcache._path()
    assert path is not None and path.name.endswith("-k3.flat")
    legacies = [path.with_name(path.name.replace("-k3.flat", end)) for end in (".marisa", "-k2.marisa")]
    path.parent.mkdir(parents=True, exist_ok=True)
    for legacy in legacies:
        legacy.write_bytes(b"old store")
        legacy.with_suffix(".journal").write_bytes(b"old journal")
    long_source = "(?:" + "|".join(f"mot{i}" for i in range(500)) + ")\\b"
    with regexcache.ACTIVE:
        regex.compile(long_source)
        regexcache.memo(("essai", 1, "x" * 5000), lambda: 42)
    regexcache.save()
    stored = _stored(fresh_cache)
    assert stored == {_key(long_source), regexcache.memo_key(("essai", 1, "x" * 5000))}
    assert all(len(key) < 50 for key in stored)
    assert any(key.startswith("essai:") for key in stored)
    for legacy in legacies:
        assert not legacy.exists() and not legacy.with_suffix(".journal").exists()

    _new_process(monkeypatch)
    with regexcache.ACTIVE:
        again = regex.compile(long_source)
        assert regexcache.memo(("essai", 1, "x" * 5000), lambda: 0) == 42
    assert again.match("mot499") and regexcache._added == {}


def test_a_merge_streams_the_old_entries(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Merging the journal into the store copies the old entries from file to file: it never reads
    them all into memory through the mapped store (some tens of megabytes at a run's peak)."""
    monkeypatch.setattr(regexcache, "JOURNAL_MAX", 0)  # every save merges into the store
    with regexcache.ACTIVE:
        for i in range(30):
            regex.compile(f"ancien{i}\\w+")
    regexcache.save()
    _new_process(monkeypatch)

    def refuse(self: FlatStore) -> None:
        raise AssertionError("the merge read every old entry through the mapping")

    monkeypatch.setattr(FlatStore, "items", refuse)
    with regexcache.ACTIVE:
        regex.compile("nouveau\\d+")
    regexcache.save()
    monkeypatch.undo()
    assert _stored(fresh_cache) == {_key(f"ancien{i}\\w+") for i in range(30)} | {_key("nouveau\\d+")}
