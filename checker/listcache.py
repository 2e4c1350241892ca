"""Lists and tables beside rule files, kept parsed in the pattern store between runs.

Reading a table is splitting and stripping every line in Python; a French article's rules read
some fifty files that way. While rules are built under ``checker.regexcache.ACTIVE`` (rule files
that built before), a parsed list is kept in the same memory-mapped store as the compiled
patterns, under the file's path, size, inode and modification time in nanoseconds: a later
process unpickles it instead of parsing it. Any change to the file gives another key (its
entry is then parsed again); outside that block, or without a cache directory, nothing changes.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

#: The store key of each value ``parsed`` returned with ``remember``, by the value's id (the value
#: kept with it, so that the id stays its own): see ``source_key``.
_KEYS: dict[int, tuple[object, tuple[object, ...]]] = {}


def parsed(name: str, path: Path, parse: Callable[[], Any], *, remember: bool = False,
           wrap: Callable[[Any], Any] | None = None) -> Any:
    """`parse()`, or what an earlier process parsed from the same file (`name` tells the parsers
    apart). With `remember`, ``source_key`` then knows the value (for a value kept for the whole
    process anyway: ``wordlists.read_table``). With `wrap`, the value is `wrap` of what `parse`
    gives and the store keeps (``wordlists.read_table_rows``)."""
    from checker import regexcache

    key = None
    if regexcache.is_active():
        with contextlib.suppress(OSError):
            st = os.stat(path)
            key = ("list", 2, name, os.path.abspath(path), st.st_size, st.st_ino, st.st_mtime_ns)
    got = parse() if key is None else regexcache.memo(key, parse)
    if wrap is not None:
        got = wrap(got)
    if remember and key is not None:
        _KEYS[id(got)] = (got, key)
    return got


def source_key(value: object) -> tuple[object, ...] | None:
    """The store key `value` was read under by ``parsed`` (with ``remember``): the file's path and
    stat, which name its contents as well as a digest of them (a changed file gets another key,
    as its parsed entry), or None for any other value.

    What a kind derives from a whole table is kept in the store under a name of the table's
    contents; a digest of a large table's cells (1.4 MB for the tables of a French article's
    ``sense-table`` rules) cost a one-article run some 5 ms, where this key costs nothing."""
    got = _KEYS.get(id(value))
    return got[1] if got is not None and got[0] is value else None
