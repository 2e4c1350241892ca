"""The prefilter's Aho-Corasick search finds exactly the keys a substring test per key finds."""

from __future__ import annotations

import random
from pathlib import Path

import pytest

from checker import prefilter
from checker.wordlists import read_table

ROOT = Path(__file__).resolve().parent.parent


def _tables() -> list[prefilter.LazyTable[str]]:
    tables = []
    with prefilter.trusted():
        for path in sorted((ROOT / "rules").glob("*/*.tsv")):
            if not any(w in path.name for w in ("calque", "sense", "label")):
                continue
            rows = read_table(path)
            col = 1 if any(w in path.name for w in ("sources", "sense", "label", "domains")) else 0
            if rows and len(rows[0]) > col:
                tables.append(prefilter.LazyTable(rows, lambda r, c=col: r[c], lambda r: r[0]))
    return tables


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").rglob("*.txt"))][:40]
    rng = random.Random(7)
    alphabet = "abcdeéèfghijklmnopqrstuvwxyzàç 'ı-İ’\n"
    texts += ["".join(rng.choice(alphabet) for _ in range(rng.randrange(0, 400))) for _ in range(30)]
    return texts


def test_automaton_and_key_by_key_search_agree() -> None:
    tables = [t for t in _tables() if len(t._by_key) >= prefilter._AUTOMATON_MIN_KEYS]
    assert tables, "no shipped table is large enough for the automaton"
    texts = [t.casefold() for t in _texts()]
    agreed = 0
    for table in tables:
        for folded in texts:
            plain = {k for k in table._by_key if k in folded}
            assert set(table._keys_in(folded)) == plain
            agreed += bool(plain)
    assert agreed > 0  # some text holds some key: the comparison is not between empty sets


@pytest.mark.parametrize("text", ["", "la maison", "maisonnette", "aa" * 50])
def test_overlapping_and_nested_keys_are_all_found(text: str) -> None:
    rows = [(k,) for k in ("maison", "mais", "son", "aa", "aaa", "a", *(f"mot{i}" for i in range(30)))]
    with prefilter.trusted():
        table = prefilter.LazyTable(rows, lambda r: r[0], lambda r: r[0])
    assert set(table._keys_in(text)) == {r[0] for r in rows if r[0] in text}
