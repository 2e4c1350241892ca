"""Word lists and tables that live beside rule files, read once and cached."""

from __future__ import annotations

import unicodedata
from functools import cache, lru_cache
from pathlib import Path


def _lines(path: Path) -> list[str]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            line = raw.split("#", 1)[0].strip() if not raw.lstrip().startswith("\\#") else raw.strip()[1:]
            if line:
                out.append(line)
    return out


@cache
def read_list(path: Path) -> tuple[str, ...]:
    """Entries of a one-per-line list; blank lines and ``#`` comments ignored."""
    from checker.listcache import parsed  # kept parsed between runs (checker/listcache.py)

    return parsed("list", path, lambda: tuple(_lines(path)))


@cache
def read_table(path: Path) -> tuple[tuple[str, ...], ...]:
    """Rows of a tab-separated table (same comment rules as lists)."""
    from checker.listcache import parsed

    return parsed("table", path, lambda: tuple(tuple(cell.strip() for cell in line.split("\t")) for line in _lines(path)),
                  remember=True)


def unaccented(text: str) -> str:
    """Casefolded, without accents: the marks NFD separates are dropped (« Zürich » → « zurich »).
    Letters that carry no separable mark (đ, ø, ł, ı) stay as they are."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 14)  # per process, bounded (about 4 MB): the rules fold the same words again and again
def fold(text: str) -> str:
    """Case- and apostrophe-insensitive key: casefold, ’ → ', NFC."""
    return unicodedata.normalize("NFC", text).casefold().replace("’", "'").replace("\u02bc", "'")
