"""checker.flatstore: what is written is read back, every key and only those; a file that is
missing, short, of another format or damaged reads as empty or gives no value, never a wrong
one."""

from __future__ import annotations

import os
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checker import flatstore
from checker.flatstore import FlatStore

_ENTRIES = st.dictionaries(st.text(max_size=40), st.binary(max_size=300), max_size=60)


@settings(max_examples=150, deadline=None)
@given(entries=_ENTRIES, absent=st.lists(st.text(max_size=40), max_size=10))
def test_round_trip(tmp_path_factory, entries: dict[str, bytes], absent: list[str]) -> None:  # noqa: ANN001
    path = tmp_path_factory.mktemp("flat") / "s.flat"
    flatstore.write(str(path), entries.items())
    store = FlatStore(path)
    assert len(store) == len(entries)
    for key, value in entries.items():
        assert store.lookup(key) == value
        assert key in store
    for key in absent:
        if key not in entries:
            assert store.lookup(key) is None and key not in store
    assert dict(store.items()) == entries
    assert sorted(store.keys()) == sorted(entries)


def test_large_values_and_surrogates(tmp_path: Path) -> None:
    entries = {"re:big": os.urandom(200_000), "lone \udc80 surrogate": b"x", "": b""}
    path = tmp_path / "s.flat"
    flatstore.write(str(path), entries.items())
    store = FlatStore(path)
    assert {k: store.lookup(k) for k in entries} == entries


def _damaged(tmp_path_factory, cut: int, flip: int, byte: int) -> tuple[dict[str, bytes], Path, bytearray]:  # noqa: ANN001
    """A store of 40 entries written, then one byte set to `byte` at `flip` and `cut` bytes cut
    off its end: the entries, the file and its bytes before the cut."""
    entries = {f"key{i}": f"value {i} ".encode() * (i % 7 + 1) for i in range(40)}
    path = tmp_path_factory.mktemp("flat") / "s.flat"
    flatstore.write(str(path), entries.items())
    data = bytearray(path.read_bytes())
    if flip < len(data):
        data[flip] = byte
    path.write_bytes(bytes(data[: len(data) - cut]) if cut else bytes(data))
    return entries, path, data


@settings(max_examples=200, deadline=None)
@given(cut=st.integers(min_value=0, max_value=2_000), flip=st.integers(min_value=0, max_value=2_000),
       byte=st.integers(min_value=0, max_value=255))
def test_damaged_files_never_give_a_wrong_value(tmp_path_factory, cut: int, flip: int, byte: int) -> None:  # noqa: ANN001
    entries, path, data = _damaged(tmp_path_factory, cut, flip, byte)
    store = FlatStore(path)
    for key, value in entries.items():
        got = store.lookup(key)
        # a damaged record may give nothing, or (a flipped byte inside this very value) a changed
        # value of the same length; never another key's value
        assert got is None or got == value or (len(got) == len(value) and flip < len(data))
    list(store.items())  # iterating a damaged store does not raise


def test_missing_empty_and_foreign_files(tmp_path: Path) -> None:
    assert len(FlatStore(tmp_path / "none.flat")) == 0
    empty = tmp_path / "empty.flat"
    empty.write_bytes(b"")
    assert FlatStore(empty).lookup("x") is None
    foreign = tmp_path / "foreign.flat"
    foreign.write_bytes(b"not a store at all, just some bytes" * 10)
    assert not FlatStore(foreign) and list(FlatStore(foreign).items()) == []
    assert FlatStore().lookup("x") is None


@settings(max_examples=100, deadline=None)
@given(entries=_ENTRIES, more=_ENTRIES)
def test_a_store_streamed_into_a_new_one(tmp_path_factory, entries: dict[str, bytes], more: dict[str, bytes]) -> None:  # noqa: ANN001
    """``records`` and ``read_values`` give back every record of a store, so that ``write_sized``
    can copy them into a new store with other entries without holding the old values."""
    folder = tmp_path_factory.mktemp("flat")
    old, new = folder / "old.flat", folder / "new.flat"
    flatstore.write(str(old), entries.items())
    got = flatstore.records(old)
    assert sorted(raw.decode("utf-8", "surrogatepass") for raw, _start, _length in got) == sorted(entries)
    added = [(key, value) for key, value in more.items() if key not in entries]
    sized = [(raw, length) for raw, _start, length in got] + [(k.encode("utf-8", "surrogatepass"), len(v)) for k, v in added]
    values = list(flatstore.read_values(old, [(start, length) for _raw, start, length in got])) + [v for _k, v in added]
    flatstore.write_sized(str(new), sized, iter(values))
    assert dict(FlatStore(new).items()) == {**entries, **dict(added)}


def test_write_sized_refuses_a_value_of_another_length(tmp_path: Path) -> None:
    import pytest

    with pytest.raises(ValueError):
        flatstore.write_sized(str(tmp_path / "s.flat"), [(b"a", 3)], iter([b"four"]))
    with pytest.raises(ValueError):
        flatstore.write_sized(str(tmp_path / "s.flat"), [(b"a", 1), (b"b", 1)], iter([b"x"]))


@settings(max_examples=100, deadline=None)
@given(cut=st.integers(min_value=0, max_value=2_000), flip=st.integers(min_value=0, max_value=2_000),
       byte=st.integers(min_value=0, max_value=255))
def test_records_of_a_damaged_file_stay_inside_it(tmp_path_factory, cut: int, flip: int, byte: int) -> None:  # noqa: ANN001
    _entries, path, _data = _damaged(tmp_path_factory, cut, flip, byte)
    got = flatstore.records(path)
    size = path.stat().st_size
    assert all(start >= 0 and start + length <= size for _raw, start, length in got)
    values = list(flatstore.read_values(path, [(start, length) for _raw, start, length in got]))
    assert [len(v) for v in values] == [length for _raw, _start, length in got]
    assert flatstore.records(path.with_name("missing.flat")) == []
