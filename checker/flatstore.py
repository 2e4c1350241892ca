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
import struct
from collections.abc import Iterable, Iterator
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

__all__ = ["MAGIC", "FlatStore", "blake2b", "sha256", "write"]

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
    slots = 2
    while slots < 2 * len(records):
        slots *= 2
    mask = slots - 1
    table = [(0, 0)] * slots
    offset = _HEADER.size + slots * _SLOT.size
    body: list[bytes] = []
    for raw, value in records:
        i = (h := _hash(raw)) & mask
        while table[i][0]:
            i = (i + 1) & mask
        table[i] = (h, offset)
        body.append(_RECORD.pack(len(raw), len(value)))
        body.append(raw)
        body.append(value)
        offset += _RECORD.size + len(raw) + len(value)
    with open(path, "wb") as fh:
        fh.write(_HEADER.pack(MAGIC, len(records), slots))
        fh.write(b"".join(_SLOT.pack(h, o) for h, o in table))
        fh.writelines(body)
