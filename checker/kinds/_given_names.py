"""Given-name gazetteers shared by the gender kinds: casefolded name -> ``f`` | ``m`` | ``u``.

A rule lists its gazetteer tables (``name<TAB>f|m|u`` files beside the rules) in its ``gazetteer``
param, most trusted first: the first table that lists a name decides it (``u`` blocks any guess).
Gazetteer names are weaker evidence than a rule's curated names: in many countries a family name is
also a given name (Turkish ``Yılmaz``, ``Demir``; Indonesian ``Santoso``), so the kinds read a
gazetteer name only where a given name stands (the first word of a name, or a hyphenated romanised
Korean given name anywhere), and never against a surname the article already tied to a person.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import Any

from checker.wordlists import read_table


class Gazetteer:
    """A read-only map from a casefolded given name to ``f``, ``m`` or ``u``: a dict, or the same
    entries in a marisa-trie memory-mapped from the cache directory (opening it costs nothing, where
    reading and merging the ~30,000 rows of the tables cost about 40 ms per process)."""

    __slots__ = ("_dict", "_trie")

    def __init__(self, values: dict[str, str] | None = None, trie: Any = None) -> None:
        self._dict = values
        self._trie = trie

    def get(self, key: str, default: str | None = None) -> str | None:
        if self._dict is not None:
            return self._dict.get(key, default)
        found = self._trie.get(key)
        return found[0].decode("ascii") if found else default

    def __getitem__(self, key: str) -> str:
        got = self.get(key)
        if got is None:
            raise KeyError(key)
        return got

    def __contains__(self, key: object) -> bool:
        if self._dict is not None:
            return key in self._dict
        return isinstance(key, str) and key in self._trie

    def __len__(self) -> int:
        return len(self._dict) if self._dict is not None else len(self._trie)

    def __bool__(self) -> bool:
        return len(self) > 0

    def __iter__(self) -> Iterator[str]:
        return iter(self._dict) if self._dict is not None else iter(self._trie.keys())

    def values(self) -> list[str]:
        if self._dict is not None:
            return list(self._dict.values())
        return [v.decode("ascii") for _k, v in self._trie.items()]


def _read(paths: tuple[Path, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for path in paths:
        for row in read_table(path):
            if len(row) >= 2 and row[1] in ("f", "m", "u"):
                out.setdefault(row[0].casefold(), row[1])
    return out


@cache
def _merged(paths: tuple[Path, ...]) -> Gazetteer:
    """The merged tables, memory-mapped from the cache directory when it holds them (built there
    once per content of the tables and of this module), else read."""
    import contextlib

    from checker.buildcache import _key
    from checker.cachedir import cache_dir, publish

    root = cache_dir()
    key = _key("given-names", paths, _read) if root is not None else None
    if root is None or key is None:
        return Gazetteer(_read(paths))
    mapped = root / "derived" / f"{key}.given.marisa"
    try:
        import marisa_trie

        trie = marisa_trie.BytesTrie()
        trie.mmap(str(mapped))
        return Gazetteer(trie=trie)
    except Exception:  # noqa: BLE001 - missing, damaged or marisa absent: read the tables
        pass
    values = _read(paths)
    with contextlib.suppress(Exception):
        import marisa_trie

        publish(mapped, marisa_trie.BytesTrie((k, v.encode("ascii")) for k, v in values.items()).save)
    return Gazetteer(values)


def gazetteer(paths: tuple[Path, ...]) -> Gazetteer:
    """The merged table of ``paths`` (read once per process; kept memory-mapped in the cache)."""
    return _merged(paths) if paths else Gazetteer({})


def given_slot(key: str, first: bool) -> bool:
    """May a gazetteer name be read for the word ``key``: first word of a name, or a Korean given name."""
    return first or ("-" in key and len(key) >= 5)
