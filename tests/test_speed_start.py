"""Start-up machinery (issue #11): memory-mapped word lists, literal pre-filters, the regex and rule caches.

Each cache must give exactly what the slow path gives; these tests compare both.
"""

from __future__ import annotations

import pickle
import subprocess
import sys
from pathlib import Path

import pytest
import regex

from checker import lexicon, lexstore, prefilter, regexcache
from conftest import CallLog

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def cache(fresh_cache: Path) -> Path:
    return fresh_cache


# --- word lists ---------------------------------------------------------------------------


def test_mapped_list_equals_the_dict(cache: Path) -> None:
    source = lexicon._files("small")["fr"]
    mapped = lexstore.open_list(source)
    assert isinstance(mapped, lexstore.FrequencyMap)
    plain = lexstore.read_dict(source)
    assert len(mapped) == len(plain) and bool(mapped)
    assert list(mapped.items()) == list(plain.items())  # same words, floats and order
    assert list(mapped) == list(plain)
    for word in ("maison", "de", "l'", "zzzqqq", "", "Maison"):
        assert mapped.get(word) == plain.get(word)
        assert (word in mapped) == (word in plain)
    with pytest.raises(KeyError):
        mapped["zzzqqq"]
    assert mapped == plain


def test_mapped_list_is_converted_once_and_reopened(cache: Path) -> None:
    source = lexicon._files("small")["en"]
    first = lexstore.open_list(source)
    assert first is not None
    files = sorted(p.name for p in (cache / "lexicon").iterdir())
    assert [f.rsplit(".", 1)[1] for f in files] == ["ids", "marisa", "ord", "words"]
    again = lexstore.open_list(source)
    assert isinstance(again, lexstore.FrequencyMap) and again.get("the") == first.get("the")
    assert pickle.loads(pickle.dumps(again)).get("the") == first.get("the")


def test_no_cache_reads_the_dict(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MTLINT_NO_CACHE", "1")
    assert lexstore.open_list(lexicon._files("small")["en"]) is None


def test_derived_value_is_kept_beside_its_list(cache: Path, call_log: CallLog) -> None:
    mapped = lexstore.open_list(lexicon._files("small")["en"])
    assert mapped is not None
    calls = call_log  # counts the builds made in a forked copy (cachedir.fork_apart) too

    def build() -> list[str]:
        calls.record()
        return ["x"]

    assert lexstore.derived(mapped, "test-index", build) == ["x"]
    assert lexstore.derived(mapped, "test-index", build) == ["x"]
    assert len(calls) == 1
    assert lexstore.derived({"a": 1.0}, "test-index", build) == ["x"] and len(calls) == 2


# --- literal pre-filters --------------------------------------------------------------------


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("prendre (?:une|la) décision", (("décision",), ("prendre",), ("la", "une"))),
        ("achat(?:s)? en ligne", (("ligne",), ("achat", "achats"), ("en",))),
        ("(?:l'|la )?maison", (("maison",),)),
        (r"\d+ euros?", (("euro", "euros"),)),
        ("(?i:Grand) Prix", (("grand",), ("prix",))),
        ("a b|c d", (("a", "c"),)),
    ],
)
def test_literal_requirements(pattern: str, expected: tuple[tuple[str, ...], ...]) -> None:
    assert prefilter.literal_requirements(pattern) == expected


@pytest.mark.parametrize("pattern", ["(?:mot){e<=1}", "(?x) a b", "x*", "[abc]+", "(?(1)a|b)", "(?V1)[[a-z]--[q]]"])
def test_unknown_constructs_give_no_key(pattern: str) -> None:
    assert prefilter.literal_requirements(pattern) == ()


def test_keys_hold_whenever_the_pattern_matches() -> None:
    """Conservative keys: every match of every row of the shipped tables contains its keys."""
    from checker.kinds.glossary import _body
    from checker.wordlists import read_table

    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").rglob("*.txt"))]
    texts += ["Ils ont pris une décision. La maison, les achats en ligne, 12 euros, le Grand Prix."]
    folded = [t.casefold() for t in texts]
    checked = 0
    for table in sorted((ROOT / "rules").glob("*/*.tsv")):
        rows = read_table(table)
        if not rows or not any(w in table.name for w in ("calque", "sense", "label")):
            continue
        col = 1 if ("sources" in table.name or "sense" in table.name or "label" in table.name) else 0
        for row in rows:
            reqs = prefilter.literal_requirements(row[col])
            body = regex.compile(r"(?<![\p{L}\p{M}\p{N}_])(?:" + _body(row[col]) + ")", regex.IGNORECASE)
            for text, low in zip(texts, folded, strict=True):
                for m in body.finditer(text, overlapped=True):
                    checked += 1
                    assert all(any(k in low for k in req) for req in reqs), (table.name, row[col], m.group())
    assert checked > 0


def test_lazy_table_compiles_only_candidates() -> None:
    compiled: list[str] = []

    def compile_row(row: tuple[str, ...]) -> str:
        compiled.append(row[0])
        return row[0]

    rows = [("maison",), ("voiture",), ("x*",)]
    with prefilter.trusted():
        table = prefilter.LazyTable(rows, lambda r: r[0], compile_row)
    assert compiled == []
    assert table.candidates("Une MAISON bleue.") == [0, 2]  # "x*" has no key: always tried
    table.entry(0)
    assert compiled == ["maison"]
    eager = prefilter.LazyTable(rows, lambda r: r[0], compile_row)
    assert len(eager) == 3 and compiled == ["maison", "maison", "voiture", "x*"]


# --- compiled patterns kept between runs ----------------------------------------------------


def test_regex_store_gives_the_same_patterns(cache: Path) -> None:
    source = r"(?<![\p{L}])(?:caf[eé]s?|thé)(?!\p{L})"
    with regexcache.ACTIVE:
        first = regex.compile(source, regex.IGNORECASE)
    regexcache.save()
    from checker.flatstore import FlatStore

    stored = FlatStore(next(cache.glob("regex-*.flat")))
    key = (source, int(regex.IGNORECASE), int(regex.DEFAULT_VERSION))
    again = pickle.loads(stored[regexcache.pattern_key(*key)])
    text = "Deux CAFÉS et un thé, pas de cafés-crème ni de théière."
    assert [m.span() for m in again.finditer(text)] == [m.span() for m in first.finditer(text)]
    assert again.pattern == source and again.flags == first.flags


def test_regex_store_is_left_alone_without_cache(monkeypatch: pytest.MonkeyPatch) -> None:
    import regex._main as main

    monkeypatch.setenv("MTLINT_NO_CACHE", "1")
    before = main._compile
    with regexcache.ACTIVE:
        assert main._compile is before
    assert main._compile is before


def test_store_is_restored_after_the_block(cache: Path) -> None:
    import regex._main as main

    before = main._compile
    with regexcache.ACTIVE, regexcache.ACTIVE:
        assert main._compile is not before
    assert main._compile is before


# --- the whole run: the same findings with and without the caches ---------------------------


def test_cached_runs_report_what_an_uncached_run_reports(tmp_path: Path) -> None:
    article = ROOT / "fixtures" / "articles" / "fr"
    target = sorted(article.glob("*.txt"))[:3]
    env = {"MTLINT_CACHE_DIR": str(tmp_path / "c"), "NO_COLOR": "1", "PATH": "/usr/bin:/bin"}
    cmd = [sys.executable, "-m", "checker", "check", "--no-cache", "--format", "jsonl", *map(str, target)]

    def run(extra: dict[str, str]) -> str:
        out = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env={**env, **extra}, timeout=300)
        return "\n".join(line for line in out.stdout.splitlines() if '"summary"' not in line)

    plain = run({"MTLINT_NO_CACHE": "1"})
    first = run({})  # validates, fills the caches
    second = run({})  # reads them
    assert plain == first == second
    assert (tmp_path / "c" / "rules-data").is_dir() and list((tmp_path / "c" / "lexicon").glob("*.marisa"))


# --- suggestions from the deletion index ----------------------------------------------------


def test_one_edit_suggestions_match_the_scan(cache: Path) -> None:
    """The index gives exactly what the fuzzy scan gave, for words at 0, 1 and 2 edits."""
    from checker.kinds import _spelling

    def scan(word: str, lang: str) -> list[tuple[str, int, float]]:
        blob, vocab = _spelling._vocabulary(lang, 80_000)
        found = {m.group() for m in regex.finditer(rf"(?m)^(?:{regex.escape(word)}){{e<=1}}$", blob)}
        found |= {s for i in range(len(word) - 1) if (s := word[:i] + word[i + 1] + word[i] + word[i + 2:]) in vocab}
        out = [(c, d, _spelling.zipf_of(c, lang)) for c in found if c != word
               and (d := _spelling.edit_distance(word, c, 1)) <= 1]
        return sorted(out, key=lambda t: (t[1], -t[2], t[0]))

    from checker import suggest

    def forget() -> None:  # the per-process caches may hold maps of another test's cache directory
        for cached in (lexicon.table, lexicon.frequencies, _spelling._close_words):
            cached.cache_clear()
        suggest._INDEXES.clear()

    forget()
    try:
        queries = ["maisom", "gouvernemnet", "ministere", "journaliste", "xqzv", "préisdent", "chocolatt", "ecole"]
        for word in queries:
            index = suggest.candidates_within_one(word, "fr", 80_000, lambda: _spelling._vocabulary("fr", 80_000)[0])
            assert index is not None  # the index answers
            assert _spelling.close_words(word, "fr", 1) == scan(word, "fr"), word
        assert list((cache / "lexicon").glob("*.del1-*.marisa"))
        assert _spelling.close_words("maisom", "fr", 1)[0][0] == "maison"
    finally:
        forget()
