"""Given-name gazetteers shared by the gender kinds: casefolded name -> ``f`` | ``m`` | ``u``.

A rule lists its gazetteer tables (``name<TAB>f|m|u`` files beside the rules) in its ``gazetteer``
param, most trusted first: the first table that lists a name decides it (``u`` blocks any guess).
Gazetteer names are weaker evidence than a rule's curated names: in many countries a family name is
also a given name (Turkish ``Yılmaz``, ``Demir``; Indonesian ``Santoso``), so the kinds read a
gazetteer name only where a given name stands (the first word of a name, or a hyphenated romanised
Korean given name anywhere), and never against a surname the article already tied to a person.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from checker.wordlists import read_table

if TYPE_CHECKING:
    from checker.buildcache import StringMap


def _read(paths: tuple[Path, ...]) -> dict[str, str]:
    out: dict[str, str] = {}
    for path in paths:
        for row in read_table(path):
            if len(row) >= 2 and row[1] in ("f", "m", "u"):
                out.setdefault(row[0].casefold(), row[1])
    return out


@cache
def _merged(paths: tuple[Path, ...]) -> dict[str, str] | StringMap:
    from checker.buildcache import mapped_from_files

    return mapped_from_files("given-names", paths, lambda: _read(paths))


def gazetteer(paths: tuple[Path, ...]) -> dict[str, str] | StringMap:
    """The merged table of ``paths``, read once per process: a marisa-trie in the cache,
    memory-mapped (reading and merging the ~30,000 rows of the tables cost about 40 ms)."""
    return _merged(paths) if paths else {}


def given_slot(key: str, first: bool) -> bool:
    """May a gazetteer name be read for the word ``key``: first word of a name, or a Korean given name."""
    return first or ("-" in key and len(key) >= 5)
