"""Lists and tables beside rule files, kept parsed in the pattern store between runs.

Reading a table is splitting and stripping every line in Python; a French article's rules read
some fifty files that way. While rules are built under ``checker.regexcache.ACTIVE`` (rule files
that built before), a parsed list is kept in the same memory-mapped store as the compiled
patterns, under the file's path, size, inode and modification time in nanoseconds: a later
process unpickles it instead of parsing it. Any change to the file gives another key (its
entry is then parsed again); outside that block, or without a cache directory, nothing changes.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def parsed(name: str, path: Path, parse: Callable[[], T]) -> T:
    """`parse()`, or what an earlier process parsed from the same file (`name` tells the parsers apart)."""
    from checker import regexcache

    if not regexcache.is_active():
        return parse()
    try:
        st = os.stat(path)
    except OSError:
        return parse()
    key = ("list", 1, name, os.path.abspath(path), st.st_size, st.st_ino, st.st_mtime_ns)
    return regexcache.memo(key, parse)
