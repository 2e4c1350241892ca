"""Word lists and tables that live beside rule files, read once and cached."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from functools import cache, lru_cache
from pathlib import Path
from typing import overload

#: A comment: ``#`` opening the line, or after a space and before a space or the line's end
#: (« Tüpraş Stadyumu  # the Turkish name »). A ``#`` inside a pattern (« \n#{1,6} », « C# »,
#: « 95 ?# ») is part of it: cut there, a table row lost its conditions and examples.
_COMMENT = re.compile(r"^[ \t]*#.*|[ \t]+#(?:[ \t].*)?$")


def _lines(path: Path) -> list[str]:
    out = []
    with path.open(encoding="utf-8") as fh:
        for raw in fh:
            if raw.lstrip().startswith("\\#"):
                line = raw.strip()[1:]
            else:
                line = _COMMENT.sub("", raw.rstrip("\r\n"), count=1).strip()
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


class TableRows(Sequence[tuple[str, ...]]):
    """The rows of a table as ``read_table`` gives them, made one by one when asked for.

    The table kinds (``glossary``, ``sense-table``) compile a row only when an article holds its
    words, and the store keeps what they derive from all rows: a one-article run reads a few
    dozen rows of each table. Read back as tuples of cells, the calque and sense tables of a
    French article (some 4,000 rows) cost about 5 ms to unpickle; kept as one string (rows
    separated by a newline, cells by a tab: neither occurs in a cell) and the rows' offsets,
    they cost almost nothing, and a row is split on first use."""

    __slots__ = ("_text", "_starts", "_made")

    def __init__(self, text: str, starts: bytes) -> None:
        from array import array

        self._text = text
        self._starts = array("I", starts)  # row i is text[starts[i] : starts[i + 1] - 1]
        self._made: dict[int, tuple[str, ...]] = {}

    @staticmethod
    def pack(rows: Sequence[tuple[str, ...]]) -> tuple[str, bytes]:
        """The arguments that make `rows` again (``tuple(TableRows(*TableRows.pack(rows))) == rows``)."""
        from array import array

        lines = ["\t".join(cells) + "\n" for cells in rows]
        starts = [0]
        for line in lines:
            starts.append(starts[-1] + len(line))
        return "".join(lines), array("I", starts).tobytes()

    def __len__(self) -> int:
        return len(self._starts) - 1

    @overload
    def __getitem__(self, i: int) -> tuple[str, ...]: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[tuple[str, ...], ...]: ...

    def __getitem__(self, i: int | slice) -> tuple[str, ...] | tuple[tuple[str, ...], ...]:
        if isinstance(i, slice):
            return tuple(self[j] for j in range(*i.indices(len(self))))
        got = self._made.get(i)
        if got is None:
            n = len(self)
            if not -n <= i < n:
                raise IndexError("table row out of range")
            if i < 0:
                i += n
            got = self._made[i] = tuple(self._text[self._starts[i] : self._starts[i + 1] - 1].split("\t"))
        return got

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        return (self[i] for i in range(len(self)))

    def __eq__(self, other: object) -> bool:
        if isinstance(other, (TableRows, tuple)):
            return len(self) == len(other) and all(a == b for a, b in zip(self, other))
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def column(self, c: int) -> Sequence[str]:
        """Cell `c` of every row, each read when asked for."""
        return _Column(self, c)


class _Column(Sequence[str]):
    __slots__ = ("_rows", "_c")

    def __init__(self, rows: TableRows, c: int) -> None:
        self._rows, self._c = rows, c

    def __len__(self) -> int:
        return len(self._rows)

    @overload
    def __getitem__(self, i: int) -> str: ...

    @overload
    def __getitem__(self, i: slice) -> tuple[str, ...]: ...

    def __getitem__(self, i: int | slice) -> str | tuple[str, ...]:
        if isinstance(i, slice):
            return tuple(row[self._c] for row in self._rows[i])
        return self._rows[i][self._c]


@cache
def read_table_rows(path: Path) -> TableRows:
    """``read_table(path)`` for the table kinds, whose rows are read one by one (``TableRows``)."""
    from checker.listcache import parsed

    def parse() -> tuple[str, bytes]:
        return TableRows.pack(read_table.__wrapped__(path))

    return parsed("table-rows", path, parse, remember=True, wrap=lambda packed: TableRows(*packed))


def unaccented(text: str) -> str:
    """Casefolded, without accents: the marks NFD separates are dropped (« Zürich » → « zurich »).
    Letters that carry no separable mark (đ, ø, ł, ı) stay as they are."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


@lru_cache(maxsize=1 << 14)  # per process, bounded (about 4 MB): the rules fold the same words again and again
def fold(text: str) -> str:
    """Case- and apostrophe-insensitive key: casefold, ’ → ', NFC."""
    return unicodedata.normalize("NFC", text).casefold().replace("’", "'").replace("\u02bc", "'")
