"""A read-only key -> bytes store in one memory-mapped file: an open-addressing hash table of
(hash, offset) slots followed by the records.

The pattern store (``checker.regexcache``) was a marisa-trie ``BytesTrie``. A ``BytesTrie``
keeps each value inside the trie, as the tail of its key, so reading a value walks the trie
byte by byte: 1.6 µs for a 100-byte pickle, 34 µs for an 18 KB one, and a one-article run
read some 1,100 values (about 20 ms). Here a lookup hashes the key, probes a slot or two and
copies the value out of the mapping: a few microseconds whatever its size. Opening maps the
file and reads its 32-byte header; only the pages a lookup touches are read.

Layout (little-endian)::

    header   16s magic, Q count, Q slots (a power of two, at least twice count)
    slots    slots × (Q hash | 1 << 63, Q offset of the record); a zero hash is an empty slot
    records  I key length, I value length, key (UTF-8), value

A file that is missing, short, of another format or damaged reads as an empty store or gives
no value for a key (never a wrong one: the key itself is compared); ``write`` replaces it
atomically through ``checker.cachedir.publish``.
"""

from __future__ import annotations

import mmap
import os
import struct
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path

try:  # hashlib's blake2b, without the OpenSSL module that importing hashlib loads (3-10 ms)
    from _blake2 import blake2b
except ImportError:  # pragma: no cover - an interpreter without CPython's _blake2
    from hashlib import blake2b
# hashlib's sha256 in the same way (the same digests), for the cache files' names and keys.
try:
    from _sha256 import sha256  # CPython 3.11
except ImportError:  # pragma: no cover - the module's name from CPython 3.12 on
    try:
        from _sha2 import sha256
    except ImportError:
        from hashlib import sha256

__all__ = ["MAGIC", "FlatStore", "blake2b", "read_values", "records", "sha256", "write", "write_sized"]

MAGIC = b"mtlint-flat-v1\n\0"
_HEADER = struct.Struct("<16sQQ")
_SLOT = struct.Struct("<QQ")
_RECORD = struct.Struct("<II")
_TOP = 1 << 63
#: What reading a damaged file may raise (an offset past the end, a negative or huge one).
_DAMAGED = (struct.error, ValueError, OverflowError)


def _hash(key: bytes) -> int:
    return int.from_bytes(blake2b(key, digest_size=8).digest(), "little") | _TOP


class FlatStore:
    """The store in the file at a path, memory-mapped (an empty store when it cannot be read)."""

    __slots__ = ("_map", "_count", "_mask")

    def __init__(self, path: str | Path | None = None) -> None:
        self._map: mmap.mmap | None = None
        self._count = 0
        self._mask = -1
        if path is None:
            return
        try:
            with open(path, "rb") as fh:
                mapped = mmap.mmap(fh.fileno(), 0, access=mmap.ACCESS_READ)
        except (OSError, ValueError):  # missing, unreadable or empty
            return
        try:
            magic, count, slots = _HEADER.unpack_from(mapped, 0)
        except struct.error:
            mapped.close()
            return
        if magic != MAGIC or slots <= 0 or slots & (slots - 1) or count > slots or len(mapped) < _HEADER.size + slots * _SLOT.size:
            mapped.close()
            return
        self._map, self._count, self._mask = mapped, count, slots - 1

    def __len__(self) -> int:
        return self._count

    def __bool__(self) -> bool:
        return self._count > 0

    def _record(self, offset: int) -> tuple[bytes, int, int] | None:
        """The key of the record at `offset`, and where its value starts and ends."""
        mapped = self._map
        assert mapped is not None
        try:
            key_len, value_len = _RECORD.unpack_from(mapped, offset)
        except _DAMAGED:
            return None
        start = offset + _RECORD.size
        return mapped[start : start + key_len], start + key_len, start + key_len + value_len

    def lookup(self, key: str) -> bytes | None:
        """The value stored under `key`, or None."""
        mapped = self._map
        if mapped is None:
            return None
        raw = key.encode("utf-8", "surrogatepass")
        wanted = _hash(raw)
        mask = self._mask
        i = wanted & mask
        for _ in range(mask + 1):
            try:
                found, offset = _SLOT.unpack_from(mapped, _HEADER.size + i * _SLOT.size)
            except _DAMAGED:
                return None
            if found == 0:
                return None
            if found == wanted:
                record = self._record(offset)
                if record is not None and record[0] == raw:
                    got = mapped[record[1] : record[2]]
                    return got if len(got) == record[2] - record[1] else None
            i = (i + 1) & mask
        return None

    def __contains__(self, key: object) -> bool:
        return isinstance(key, str) and self.lookup(key) is not None

    def __getitem__(self, key: str) -> bytes:
        got = self.lookup(key)
        if got is None:
            raise KeyError(key)
        return got

    def items(self) -> Iterator[tuple[str, bytes]]:
        """Every (key, value), in slot order (records that cannot be read are skipped)."""
        mapped = self._map
        if mapped is None:
            return
        for i in range(self._mask + 1):
            found, offset = _SLOT.unpack_from(mapped, _HEADER.size + i * _SLOT.size)
            if not found:
                continue
            record = self._record(offset)
            if record is None:
                continue
            try:
                key = record[0].decode("utf-8", "surrogatepass")
            except UnicodeDecodeError:
                continue
            yield key, mapped[record[1] : record[2]]

    def keys(self) -> Iterator[str]:
        return (key for key, _value in self.items())

    def __iter__(self) -> Iterator[str]:
        return self.keys()

    def close(self) -> None:
        if self._map is not None:
            self._map.close()
            self._map = None
            self._count = 0


def write(path: str, entries: Iterable[tuple[str, bytes]]) -> None:
    """Write `entries` (distinct keys) as a store at `path` (use ``checker.cachedir.publish`` to
    put it in place atomically)."""
    records = [(key.encode("utf-8", "surrogatepass"), bytes(value)) for key, value in entries]
    write_sized(path, [(raw, len(value)) for raw, value in records], (value for _raw, value in records))


def write_sized(path: str, sized: Sequence[tuple[bytes, int]], values: Iterable[bytes]) -> None:
    """Write a store of ``len(sized)`` records (distinct keys) at `path`: `sized` gives each
    record's key (UTF-8) and its value's length, in order, and `values` the values in the same
    order. The values are taken one at a time as they are written, so a merge can stream them
    from the old file instead of holding them all (``records``, ``read_values``). A value of
    another length than announced, or too few values, raises ``ValueError``."""
    slots = 2
    while slots < 2 * len(sized):
        slots *= 2
    mask = slots - 1
    table = bytearray(slots * _SLOT.size)
    taken = bytearray(slots)
    offset = _HEADER.size + slots * _SLOT.size
    for raw, length in sized:
        i = (h := _hash(raw)) & mask
        while taken[i]:
            i = (i + 1) & mask
        taken[i] = 1
        _SLOT.pack_into(table, i * _SLOT.size, h, offset)
        offset += _RECORD.size + len(raw) + length
    given = iter(values)
    with open(path, "wb") as fh:
        fh.write(_HEADER.pack(MAGIC, len(sized), slots))
        fh.write(table)
        del table, taken
        for raw, length in sized:
            value = next(given, None)
            if value is None or len(value) != length:
                raise ValueError(f"flat store {path}: a value is missing or not of its announced length")
            fh.write(_RECORD.pack(len(raw), length))
            fh.write(raw)
            fh.write(value)


def records(path: str | Path) -> list[tuple[bytes, int, int]]:
    """The records of the store at `path` that a slot points to, as (key in UTF-8, offset of the
    value, length of the value), in file order; empty when the file cannot be read as a store.

    Read with plain reads, not mapped: a merge walks the whole file, and a mapping would leave
    every page of it in the process's resident memory (tens of megabytes at the top of a run
    that is already at its peak). Records that run past the end of the file are left out."""
    try:
        with open(path, "rb") as fh:
            size = os.fstat(fh.fileno()).st_size
            magic, _count, slots = _HEADER.unpack(fh.read(_HEADER.size))
            if magic != MAGIC or slots <= 0 or slots & (slots - 1):
                return []
            table = fh.read(slots * _SLOT.size)
            if len(table) != slots * _SLOT.size:
                return []
            offsets = sorted({offset for found, offset in _SLOT.iter_unpack(table) if found})
            del table
            got: list[tuple[bytes, int, int]] = []
            for offset in offsets:
                fh.seek(offset)
                head = fh.read(_RECORD.size)
                if len(head) != _RECORD.size:
                    continue
                key_len, value_len = _RECORD.unpack(head)
                start = offset + _RECORD.size + key_len
                if start + value_len > size:
                    continue
                key = fh.read(key_len)
                got.append((key, start, value_len))
            return got
    except (OSError, *_DAMAGED):
        return []


def read_values(path: str | Path, spans: Sequence[tuple[int, int]]) -> Iterator[bytes]:
    """The bytes at each (offset, length) of `spans` in the file at `path`, read one at a time
    (with ``records``: a store's values streamed into ``write_sized``). Without spans the file
    is not opened (it may not exist)."""
    if not spans:
        return
    with open(path, "rb") as fh:
        for offset, length in spans:
            fh.seek(offset)
            yield fh.read(length)
