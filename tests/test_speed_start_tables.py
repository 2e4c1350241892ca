"""First-article cost of the glossary and sense tables (issue #11): what the shortcuts give equals the slow path.

- a table's literal index (requirements, key-less entries, key -> entries) is kept in the
  pattern store as one entry per table: read back, it equals the index computed from the rows;
- the prefix filter (``glossary.StartMemo``) asks a plain entry about a key's first character
  before the key itself: the entries it finds able to begin with a key are exactly those a
  partial match of every entry finds.
"""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
import regex

from checker import prefilter, regexcache
from checker.kinds.glossary import _NAMED_GROUP, _WORD_START, StartMemo, _body, _mask
from checker.prefilter import mask_indices
from checker.wordlists import read_table

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def cache(fresh_cache: Path) -> Path:
    return fresh_cache


def _shipped_tables() -> list[tuple[list[tuple[str, ...]], int, int]]:
    """(rows, column of the pattern, regex flags) of every glossary and sense-table rule."""
    out = []
    for path in sorted((ROOT / "rules").glob("*/*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        if data.get("kind") not in ("glossary", "sense-table"):
            continue
        params = data.get("params", {})
        rows = read_table(path.parent / params["table"])
        flags = regex.IGNORECASE if params.get("ignore_case", True) else 0
        out.append((rows, 0 if data["kind"] == "glossary" else 1, flags))
    return out


def test_table_index_from_the_store_equals_the_computed_one(cache: Path) -> None:
    rows = [("prendre (?:une|la) décision",), ("opportunité",), (r"\d+\w*",), ("adresser (?:un|le) problème",)]

    def build() -> prefilter.LazyTable[str]:
        with prefilter.trusted(), regexcache.ACTIVE:
            return prefilter.LazyTable(rows, lambda r: r[0], lambda r: r[0])

    plain = prefilter.LazyTable(rows, lambda r: r[0], lambda r: r[0], eager=False)  # outside the store
    first = build()
    regexcache.save()
    regexcache._live.clear()
    regexcache._store = None  # a new process: read the store from disk
    stored = [k for k in regexcache._load() if k.startswith("prefilter-table:")]
    assert len(stored) == 1
    again = build()
    for table in (first, again):
        assert table.requirements == plain.requirements
        assert table.always == plain.always == (2,)
        assert table._by_key == plain._by_key
    assert again.candidates("Il faut prendre une décision.") == plain.candidates("Il faut prendre une décision.") == [0, 2]


def test_tables_with_other_rows_get_their_own_index(cache: Path) -> None:
    with prefilter.trusted(), regexcache.ACTIVE:
        one = prefilter.LazyTable([("maison",), ("voiture",)], lambda r: r[0], lambda r: r[0])
        two = prefilter.LazyTable([("maison",), ("vélo",)], lambda r: r[0], lambda r: r[0])
    assert one._by_key != two._by_key
    assert two.candidates("un vélo") == [1]


def _keys(texts: list[str]) -> list[str]:
    """What the tables' check asks about: 3 and 8 characters from each word start, lowered (and
    the shorter keys at the end of a text)."""
    keys: set[str] = set()
    for text in texts:
        for m in _WORD_START.finditer(text):
            s = m.start()
            keys.add(text[s : s + 3].lower())
            keys.add(text[s : s + 8].lower())
    return sorted(keys)


def test_first_character_shortcut_finds_what_partial_matches_find() -> None:
    bodies = [
        regex.compile(_NAMED_GROUP.sub("(?:", _body(row[col])), flags)
        for rows, col, flags in _shipped_tables()
        for row in rows
    ]
    assert len(bodies) > 500
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").rglob("*.txt"))][:6]
    texts.append("İstanbul, ſoit, Œuvre, ÉTAT, à l'été, 1er mai, l’opportunité de « supporter »")
    keys = _keys(texts)[::3]
    assert len(keys) > 200
    memo = StartMemo()
    everyone = frozenset(range(len(bodies)))
    found_some = 0
    for key in keys:
        slow = {i for i, b in enumerate(bodies) if b.match(key, partial=True) is not None}
        assert set(mask_indices(memo.entries(key, _mask(everyone), bodies.__getitem__))) == slow, key
        found_some += bool(slow)
    assert found_some > 50  # the comparison is not between empty sets
    assert any(memo.plain.values())  # the shortcut was taken


def test_patterns_with_lookarounds_are_always_asked() -> None:
    bodies = [regex.compile(r"(?<!x)abc", regex.IGNORECASE), regex.compile(r"abc", regex.IGNORECASE)]
    memo = StartMemo()
    assert set(mask_indices(memo.entries("zab", _mask({0, 1}), bodies.__getitem__))) == set()
    assert memo.plain == {0: False, 1: True}
    assert set(mask_indices(memo.entries("abd", _mask({0, 1}), bodies.__getitem__))) == set()
    assert set(mask_indices(memo.entries("ab", _mask({0, 1}), bodies.__getitem__))) == {0, 1}


def test_memo_stays_bounded_when_the_first_character_clears_it(monkeypatch: pytest.MonkeyPatch) -> None:
    bodies = [regex.compile("maison"), regex.compile("mai")]
    memo = StartMemo()
    memo.size = 199_999  # the next question clears the memo (inside the first-character lookup)
    assert set(mask_indices(memo.entries("mai", _mask({0, 1}), bodies.__getitem__))) == {0, 1}
    assert set(mask_indices(memo.entries("maix", _mask({0, 1}), bodies.__getitem__))) == {1}
    assert memo.size < 10


def test_phrase_matcher_from_the_store_equals_the_built_one(cache: Path) -> None:
    from checker.kinds._phrases import PhraseMatcher

    phrases = {"à la une": ["x"], "l’homme": [], "New  York": ["NY"], "ABC": [], "  ": ["vide"]}
    plain = PhraseMatcher(phrases)  # outside the store
    with regexcache.ACTIVE:
        first = PhraseMatcher(phrases)
    regexcache.save()
    regexcache._live.clear()
    regexcache._store = None  # a new process: read the store from disk
    assert any(k.startswith("phrases:") for k in regexcache._load())
    with regexcache.ACTIVE:
        again = PhraseMatcher(phrases)
        other = PhraseMatcher(["New York"], case_sensitive=True)
        empty = PhraseMatcher([])
    text = "À LA UNE : l'homme de new york, ABC."
    found = list(plain.finditer(text))
    assert len(found) == 4
    for matcher in (first, again):
        assert matcher.table == plain.table
        assert matcher.regex is not None and plain.regex is not None
        assert matcher.regex.pattern == plain.regex.pattern and matcher.regex.flags == plain.regex.flags
        assert list(matcher.finditer(text)) == found
    assert other.table == {"New York": ()} and list(other.finditer(text)) == []
    assert empty.regex is None and empty.table == {}


@pytest.mark.parametrize("rows, column, flags", _shipped_tables()[:6] + _shipped_tables()[-3:])
def test_packed_literal_index_reads_back_as_computed(rows: list[tuple[str, ...]], column: int, flags: int) -> None:
    """The packed form the store keeps gives the same requirements, key-less entries, key ->
    entries, entries with several requirements and keys as the index computed from the rows."""
    plain = prefilter.LiteralIndex(prefilter._index_of([r[column] for r in rows]))
    packed = plain.pack()
    assert packed[0] == "packed"
    again = prefilter.LiteralIndex.unpack(packed)
    assert again.requirements == plain.requirements
    assert (again.always, again.more, again.keys) == (plain.always, plain.more, plain.keys)
    assert dict(again.by_key.items()) == dict(plain.by_key.items()) and len(again.by_key) == len(plain.by_key)
    fresh = prefilter.LiteralIndex.unpack(packed)  # entries split one by one, as candidates asks
    assert all(fresh.extra(i) == plain.requirements[i][1:] for i in sorted(plain.more))


def test_literal_index_with_a_separator_in_a_key_is_stored_plain() -> None:
    requirements = ((("a\x1fb",),), (("cd",), ("ef", "gh")), ())
    index = prefilter.LiteralIndex((requirements, (2,), {"a\x1fb": (0,), "cd": (1,)}))
    packed = index.pack()
    assert packed[0] == "plain"
    again = prefilter.LiteralIndex.unpack(packed)
    assert again.requirements == index.requirements and dict(again.by_key) == dict(index.by_key)
    assert again.more == frozenset({1}) and again.extra(1) == (("ef", "gh"),)


def test_table_rows_read_lazily_equal_the_table() -> None:
    from checker.wordlists import TableRows

    rows = (("en", "prendre (?:une|la) décision", "décider", "bad=x"), ("*", "opportunité", "occasion"), ("id",))
    lazy = TableRows(*TableRows.pack(rows))
    assert len(lazy) == 3 and lazy == rows and tuple(lazy) == rows
    assert lazy[1] == rows[1] and lazy[-1] == ("id",) and lazy[0:2] == rows[0:2]
    assert list(lazy.column(0)) == ["en", "*", "id"] and lazy.column(1)[1] == "opportunité"
    with pytest.raises(IndexError):
        lazy[3]


def test_table_rows_from_the_store_are_named_by_their_file(cache: Path, tmp_path: Path) -> None:
    from checker import wordlists
    from checker.wordlists import TableRows, read_table_rows

    path = tmp_path / "t.tsv"
    path.write_text("# a comment\nen\tprendre (?:une|la) décision\tdécider\n\n*\topportunité\toccasion  # note\n", encoding="utf-8")
    with regexcache.ACTIVE:
        first = read_table_rows(path)
    regexcache.save()
    regexcache._live.clear()
    regexcache._store = None  # a new process
    read_table_rows.cache_clear()
    with regexcache.ACTIVE:
        again = read_table_rows(path)
    assert isinstance(again, TableRows)
    assert again == first == wordlists.read_table.__wrapped__(path)
    assert prefilter.table_name(again, 1) is not None


def test_rules_built_from_their_files_store_what_the_next_run_derives_from_whole_tables(
        cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The first run after a rule file changes builds every row to check it (outside the pattern
    store); the tables' literal and start indexes it makes are stored all the same (under
    ``regexcache.VALUES``), so the next run, which builds rules on first need, reads them
    instead of deriving them from every row again. The rows' compiled patterns are not stored."""
    from checker.document import Document
    from checker.engine import Engine
    from checker.rules import load_rules

    pack = tmp_path / "root" / "fr"
    pack.mkdir(parents=True)
    (pack / "pack.toml").write_text('lang = "fr"\nversion = "0.0.1"\n', encoding="utf-8")
    rows = "".join(f"{word}s? (?:de|du) projet\tautre {n}\n" for n, word in enumerate(
        ("lancement", "dépôt", "pilotage", "suivi", "abandon", "report", "financement", "bilan")))
    (pack / "t.tsv").write_text(rows, encoding="utf-8")
    (pack / "r.toml").write_text(
        'code = "MT590"\nname = "r"\ncategory = "calque"\nseverity = "minor"\nkind = "glossary"\n'
        'message = "{text} {suggestion}"\nwhy = "w"\n[params]\ntable = "t.tsv"\n', encoding="utf-8")
    text = "Le pilotage du projet reprend lundi, après le bilan de projet."

    def run() -> list[str]:
        ruleset = load_rules([tmp_path / "root"])
        result = Engine(list(ruleset.rules), ruleset.packs).check(Document(text, "<t>", "fr"))
        assert not result.failures, result.failures
        return [text[f.start : f.end] for f in result.findings]

    first = run()  # built from the files: every row compiled now
    assert first == ["pilotage du projet", "bilan de projet"]
    kinds = {key.split(":", 1)[0] for key in regexcache._added}
    assert {"list", "prefilter-table", "start-index"} <= kinds
    assert not any(key.startswith("re:") for key in regexcache._added)  # rows' patterns: not stored
    regexcache.save()
    regexcache._live.clear()
    regexcache._store = None  # a new process
    from checker.wordlists import read_table_rows

    read_table_rows.cache_clear()

    def derived_again(*args: object, **kwargs: object) -> None:
        raise AssertionError("derived from the rows again")

    monkeypatch.setattr(prefilter, "_index_of", derived_again)
    monkeypatch.setattr(prefilter, "_start_index_of", derived_again)
    assert run() == first  # built on first need, its tables' indexes read from the store
