"""Compiled table rows are kept in a bounded pool (issue #11: flat memory over an archive): a
table that keeps only a few compiled rows makes the others again when an article needs them,
and finds exactly what it finds keeping them all."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

from checker import prefilter
from checker.memo import Pool

ROOT = Path(__file__).resolve().parent.parent


def test_pool_forgets_its_oldest_entries_beyond_the_limit() -> None:
    pool: Pool[int, str] = Pool(8)
    for i in range(8):
        pool[i] = str(i)
    assert len(pool) == 8
    pool[3] = "again"  # a key it holds: nothing forgotten
    assert len(pool) == 8 and pool[3] == "again"
    pool[100] = "new"
    assert 0 not in pool and 1 not in pool  # the oldest quarter went
    assert pool[100] == "new" and 7 in pool and len(pool) == 7
    for i in range(1000):
        pool[1000 + i] = "x"
    assert len(pool) <= 8


def test_lazy_table_keeps_a_bounded_number_of_rows(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(prefilter, "ROWS_KEPT", 4)
    made: list[str] = []

    def compile_row(row: tuple[str, ...]) -> str:
        made.append(row[0])
        return row[0].upper()

    rows = [(f"mot{i}",) for i in range(20)]
    with prefilter.trusted():
        table = prefilter.LazyTable(rows, lambda r: r[0], compile_row)
    for i in range(20):
        assert table.entry(i) == f"MOT{i}"
    assert len(table._compiled) <= 4
    assert table.entry(0) == "MOT0" and made.count("mot0") == 2  # made again when needed


def test_tables_keeping_two_rows_find_what_they_find_keeping_all(monkeypatch: pytest.MonkeyPatch) -> None:
    sys.path.insert(0, str(ROOT / "tools"))
    try:
        import pin_fixtures
    finally:
        sys.path.pop(0)
    pinned = json.loads(pin_fixtures.PINNED.read_text(encoding="utf-8"))
    monkeypatch.setattr(prefilter, "ROWS_KEPT", 2)
    tables: list[prefilter.LazyTable[object]] = []
    init = prefilter.LazyTable.__init__

    def register(self: prefilter.LazyTable[object], *args: object, **kwargs: object) -> None:
        init(self, *args, **kwargs)  # type: ignore[arg-type]
        tables.append(self)

    monkeypatch.setattr(prefilter.LazyTable, "__init__", register)
    found = json.loads(json.dumps(pin_fixtures.current(), ensure_ascii=False))
    assert tables and max(len(t.rows) for t in tables) > 100  # the shipped tables were built here
    assert all(len(t._compiled) <= 2 for t in tables)
    changed = sorted(p for p in pinned if pinned[p] != found.get(p))
    assert not changed, "findings changed with two rows kept per table: " + ", ".join(changed)


def test_tables_built_one_by_one_share_the_keys_search(monkeypatch: pytest.MonkeyPatch) -> None:
    """Each table built adds an automaton over its new keys only; the keys found in a text are
    those of every table so far; a later text, with no new table, is searched by one automaton."""
    monkeypatch.setattr(prefilter, "_TABLE_KEYS", {})
    monkeypatch.setattr(prefilter, "_AUTOMATA", [])
    monkeypatch.setattr(prefilter, "_LAST_SEARCH", ("", -1, frozenset()))
    first = [f"alpha{i}" for i in range(30)]
    second = [f"beta{i}" for i in range(30)]
    text = "un alpha3 et un beta7, puis alpha12".casefold()

    def table(words: list[str]) -> prefilter.LazyTable[str]:
        with prefilter.trusted():
            return prefilter.LazyTable([(w,) for w in words], lambda r: r[0], lambda r: r[0])

    one = table(first)
    assert set(one._keys_in(text)) == {"alpha3", "alpha12", "alpha1"}
    two = table(second)  # built while the same article is checked
    assert set(two._keys_in(text)) == {"beta7"}
    assert set(one._keys_in(text)) == {"alpha3", "alpha12", "alpha1"}
    assert len(prefilter._AUTOMATA) == 2
    other = "beta29 seul".casefold()
    assert set(two._keys_in(other)) == {"beta29", "beta2"}
    assert len(prefilter._AUTOMATA) == 1  # merged at the next article
    assert set(one._keys_in(other)) == set()


def test_an_eager_table_keeps_every_row_until_the_build_settles_it(monkeypatch: pytest.MonkeyPatch) -> None:
    """A table built from rule files not built before compiles every row at once (a bad row is
    reported then); the kind reads them all again in its own eager pass, so none is forgotten
    (and compiled a second time) before ``settle``."""
    monkeypatch.setattr(prefilter, "ROWS_KEPT", 4)
    made: list[str] = []

    def compile_row(row: tuple[str, ...]) -> str:
        made.append(row[0])
        return row[0]

    table = prefilter.LazyTable([(f"mot{i}",) for i in range(20)], lambda r: r[0], compile_row, eager=True)
    for i in range(20):
        table.entry(i)
    assert len(made) == 20  # each row compiled once
    table.settle()
    assert len(table._compiled) == 4 and 19 in table._compiled and 0 not in table._compiled
    pool: Pool[int, int] = Pool(100)
    for i in range(10):
        pool[i] = i
    pool.bound(3)
    assert list(pool) == [7, 8, 9] and pool.limit == 3
