"""Per-article cost of the table kinds (issue #11): the start keys read from a row's source.

``checker.prefilter.start_keys`` reads, without compiling it, the keys of three characters a
row of a glossary or sense table can begin with; ``StartIndex`` answers the tables' prefix
filter from them instead of one partial match per row and key. Nothing found may change:

- on every row of every shipped table, the index names every row a partial match names
  (it may name more, never fewer), for the keys of real articles and of hostile text;
- the second filter (longer keys), hence the rows tried at each word start, is the same
  with the index as without it;
- the table rules find exactly the same things with the index as without it, on calques
  and on clean news prose, where both stay silent;
- the case variants and white space the index folds are those ``regex`` itself matches.
"""

from __future__ import annotations

import tomllib
from pathlib import Path
from typing import Any

import pytest
import regex
from conftest import builtin_ruleset

from checker import prefilter
from checker.dataclass import replace
from checker.document import Document
from checker.engine import Engine
from checker.kinds import get_kind
from checker.kinds.glossary import _WORD_START, PrefixFilter, StartMemo, _source, is_plain
from checker.prefilter import StartIndex, mask_indices, start_keys
from checker.wordlists import read_table

ROOT = Path(__file__).resolve().parent.parent
TABLE_KINDS = ("glossary", "sense-table", "label-table")


def _shipped_tables() -> list[tuple[str, list[str], int]]:
    """(rule file, compiled row sources, regex flags) of every table rule shipped."""
    out = []
    for path in sorted((ROOT / "rules").glob("*/*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        if data.get("kind") not in TABLE_KINDS:
            continue
        params = data.get("params", {})
        rows = read_table(path.parent / params["table"])
        col = 0 if data["kind"] == "glossary" else 1
        flags = regex.IGNORECASE if params.get("ignore_case", True) else 0
        out.append((path.name, [_source(row[col]) for row in rows], flags))
    return out


HOSTILE = (
    "İstanbul, ſoit, ſur une base, KELVIN, Œuvre, ÉTAT, À LA FIN DE LA JOURNÉE, à\u00a0la fin, "
    "l’opportunité, L\u02bcOPPORTUNITÉ, d' abord, 1er mai, « supporter » l'équipe, µ, ΣΟΦΊΑ, "
    "Straße, STRASSE, ﬁn, DŽungla, ǅ, I\u0307, ı, x\u2009y, a\u3000b, sur\tune\nbase"
)


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").rglob("*.txt"))]
    return [*texts, HOSTILE]


def _keys(texts: list[str], width: int) -> set[str]:
    """What the tables' check asks about: `width` characters from each word start, lowered and not."""
    keys: set[str] = set()
    for text in texts:
        for m in _WORD_START.finditer(text):
            raw = text[m.start() : m.start() + width]
            keys.update((raw, raw.lower()))
    return keys


def test_start_keys_of_plain_rows() -> None:
    ws = "[\\s\\u00a0\\u202f]+"
    assert start_keys("opportunit\\w+") == {"opp"}
    assert start_keys(f"sur{ws}une{ws}base") == {"sur", "ſur"}  # « ſ » matches « s » ignoring case
    assert start_keys(f"à{ws}la") == {"à l", "à  "}  # a space: any run of white space
    assert start_keys("l['’\u02bc]opportunité") == {"l'o"}
    assert start_keys("(?:fait|font)[\\s]+(?:du )?sens") >= {"fai", "fon"}
    assert start_keys("[Ll]es?") >= {"les", "le"}  # "le" is a whole match: any key opening on it
    assert start_keys("UE") == {"ue"}
    assert start_keys("ab{2,5}c") == {"abb"}
    assert start_keys("(?P<v>adress)(?:er|é)") == {"adr"}
    assert start_keys("(?-i:XI) de départ") == {"xi ", "xı "}  # « I » matches « ı » ignoring case


@pytest.mark.parametrize("source", [
    "supporter\\b",            # a boundary (the partial-match path decides)
    "(?<!x)abc",               # a lookbehind
    "abc(?=d)",                # a lookahead
    "\\p{L}+ment",             # a letter class at the start
    ".bc",                     # any character
    "x?",                      # can match the empty string
    "(a)\\1",                  # a back-reference
    "a++b",                    # possessive
    "(?>ab|a)c",               # atomic
    "(?:abc){e<=1}",           # fuzzy
    "[^a]bc",                  # a negated set
    "[a['’\u02bc]]bc",        # a set that held an apostrophe (_body nests one)
    "(?x)abc",                 # another flag
    "\\d+e",                   # digits
])
def test_start_keys_refuse_what_they_cannot_read(source: str) -> None:
    assert start_keys(source) is None


def test_start_keys_grow_no_further_than_the_cap() -> None:
    letters = "abcdefghijklmn"  # 14 ** 3 = 2744 distinct keys: more than the cap
    words = "|".join(f"{a}{b}{c}x" for a in letters for b in letters for c in letters)
    assert start_keys(f"(?:{words})") is None
    assert start_keys("(?:" + "|".join(f"{a}{b}x" for a in "abcdefgh" for b in "abcdefgh") + ")") is not None


def test_the_index_names_every_row_a_partial_match_names() -> None:
    """On every row of every shipped table (the memo's answer is the partial match's, a test of
    test_speed_start_tables): the index may say "can begin" more often, never less."""
    keys = sorted(k for k in _keys(_texts(), 3))
    tables = _shipped_tables()
    assert len(tables) >= 25
    rows = static = checked = named = extra = 0
    for name, sources, flags in tables:
        index = prefilter._start_index_of(sources, is_plain)
        bodies: dict[int, regex.Pattern[str]] = {}

        def body(i: int, sources: list[str] = sources, flags: int = flags,
                 bodies: dict[int, regex.Pattern[str]] = bodies) -> regex.Pattern[str]:
            if i not in bodies:
                bodies[i] = regex.compile(sources[i], flags)
            return bodies[i]

        # The index's own keys, in capitals too, are asked as well: each row meets its keys.
        own = {k for k in index.three} | {k.upper() for k in index.three}
        memo = StartMemo()
        everyone = (1 << len(sources)) - 1
        rows += len(sources)
        static += index.static.bit_count()
        for key in [*keys, *sorted(own)]:
            found = index.lookup(key)
            if found is None:
                continue
            asked = memo.entries(key, index.static, body)
            missing = asked & ~found
            assert not missing, (name, key, [sources[i] for i in mask_indices(missing)])
            checked += 1
            named += asked.bit_count()
            extra += (found & everyone & ~asked).bit_count()
    assert static > 0.95 * rows  # nearly every shipped row is read
    assert checked > 10_000 and named > 1_000  # not a comparison of empty sets
    assert extra < 2 * named  # and the index does not name every row everywhere


def test_longer_keys_keep_every_row_a_partial_match_names() -> None:
    """``StartIndex.narrow`` (keys of six characters) drops only rows a partial match drops."""
    keys = sorted(k for k in _keys(_texts(), 8) if len(k) == 8)[::5]
    assert len(keys) > 1000
    kept = dropped = named = 0
    for name, sources, flags in _shipped_tables():
        index = prefilter._start_index_of(sources, is_plain)
        compiled = [regex.compile(s, flags) for s in sources]
        assert index.long_rows & ~index.static == 0
        memo = StartMemo()  # its answers are the partial matches' (test_speed_start_tables)
        for key in keys:
            narrowed = index.narrow(key, index.static)
            asked = memo.entries(key, index.static, compiled.__getitem__)
            assert not asked & ~narrowed, (name, key, [sources[i] for i in mask_indices(asked & ~narrowed)])
            # Only the rows with long keys can be narrowed; the others are the three-letter
            # index's to filter, and count neither way.
            dropped += (index.long_rows & ~narrowed).bit_count()
            kept += (index.long_rows & narrowed).bit_count()
            named += asked.bit_count()
    assert named > 100 and dropped > 100 * kept  # rows are named, and the narrowing does narrow


def test_rows_tried_at_each_word_start_are_the_same_with_the_index() -> None:
    """The first filter may be wider with the index; the second (longer keys) is not."""
    keys = sorted(k.lower() for k in _keys(_texts(), 8))[::6]
    assert len(keys) > 2000
    for name, sources, flags in _shipped_tables():
        index = prefilter._start_index_of(sources, is_plain)
        compiled = [regex.compile(s, flags) for s in sources]
        candidates = list(range(len(sources)))
        with_index = PrefixFilter(candidates, compiled.__getitem__, StartMemo(), index)
        without = PrefixFilter(candidates, compiled.__getitem__, StartMemo(), None)
        for key in keys:
            assert with_index.starting_with(key) == without.starting_with(key), (name, key)


def test_word_starts_to_try_are_those_where_the_slow_path_tries_rows() -> None:
    """``PrefixFilter.starts`` with the index: every word start where the path without it tries
    a row is there, and at each one it gives the same rows (elsewhere the slow path tries none)."""
    texts = [HOSTILE, "Le ministre a réalisé que la réunion prendrait place à la fin de la journée. " * 2,
             *_texts()[:8]]
    tried_some = 0
    for name, sources, flags in _shipped_tables()[14:]:  # the French tables and some others
        index = prefilter._start_index_of(sources, is_plain)
        compiled = [regex.compile(s, flags) for s in sources]
        candidates = list(range(len(sources)))
        fast = PrefixFilter(candidates, compiled.__getitem__, StartMemo(), index)
        slow = PrefixFilter(candidates, compiled.__getitem__, StartMemo(), None)
        for text in texts:
            doc = Document(text, lang="fr")
            tried = fast.starts(doc, doc.prose, str.lower)
            assert tried == sorted(set(tried))
            for m in _WORD_START.finditer(doc.prose):
                s = m.start()
                rows = slow.starting_with(doc.prose[s : s + 8].lower()) if slow.by_prefix(doc.prose[s : s + 3].lower()) else ()
                if rows:
                    assert s in tried, (name, doc.prose[s : s + 10])
                    tried_some += 1
                if s in tried:
                    assert fast.starting_with(doc.prose[s : s + 8].lower()) == rows, (name, doc.prose[s : s + 10])
    assert tried_some > 100


CALQUES = [
    ("fr", "Le ministre a réalisé que la réunion allait prendre place à la fin de la journée, sur une base "
           "quotidienne, et il a adressé le problème en ligne avec le plan."),
    ("fr", "L’opportunité de supporter l'équipe a fait du sens pour le club, a expliqué l'entraîneur."),
    ("fr", "SUR UNE BASE QUOTIDIENNE, le gouvernement a réalisé que la mesure faisait sens."),
    # A block of labels read with the space after each label as a tab (label-table's view of the
    # prose), and calques of the prose itself: two texts of one document.
    ("fr", "Marie Dupont\nNationalité française\nAnnées actives 1968-2004\nProfession chanteuse\n\n"
           "Elle a réalisé que le concert allait prendre place à la fin de la journée."),
    ("en", "The minister realized on a daily basis that the meeting would take place at the end of the day."),
    ("de", "Der Minister hat realisiert, dass das Treffen am Ende des Tages stattfinden würde."),
]
CLEAN = [
    ("fr", "Le ministre a présenté mardi son projet de budget devant les députés, qui l'ont accueilli avec "
           "prudence. La réunion aura lieu jeudi à Bruxelles ; les syndicats ont salué l'annonce."),
    ("fr", "Selon la préfecture, la circulation a repris vers midi sur l’autoroute A7 après l'accident. "
           "Les secours sont restés sur place jusqu'au soir."),
    ("en", "The minister presented the budget to parliament on Tuesday; the meeting will take place in Brussels."),
]


def _table_rules(monkeypatch: pytest.MonkeyPatch | None) -> list[Any]:
    """The shipped table rules, built again (with an index that reads no row: `monkeypatch`)."""
    if monkeypatch is not None:
        monkeypatch.setattr(prefilter, "start_index", lambda patterns, source, plain, name=None: StartIndex(0, {}, {}))
    rules = [r for r in builtin_ruleset().rules if r.kind in TABLE_KINDS]
    with prefilter.trusted():  # rows compiled on first need, as in a run
        return [replace(r, check=get_kind(r.kind).build(r)) for r in rules]


def _found(rules: list[Any], lang: str, text: str) -> list[tuple[str, int, int, str]]:
    result = Engine(rules, builtin_ruleset().packs).check(Document(text, "<t>", lang))
    assert not result.failures
    for f in result.findings:
        assert text[f.start : f.end] == f.text
    return sorted((f.code, f.start, f.end, f.text) for f in result.findings)


def test_table_rules_find_the_same_with_and_without_the_index(monkeypatch: pytest.MonkeyPatch) -> None:
    fast = _table_rules(None)
    texts = [*CALQUES, *CLEAN, *(("fr", t) for t in _texts())]
    found_fast = [_found(fast, lang, text) for lang, text in texts]
    slow = _table_rules(monkeypatch)
    found_slow = [_found(slow, lang, text) for lang, text in texts]
    assert found_fast == found_slow
    assert all(found_fast[: len(CALQUES) - 2])  # the French calques are found
    assert {"MT409", "MT401"} <= {f[0] for f in found_fast[3]}  # in the view and in the prose
    assert sum(len(f) for f in found_fast) > 20
    assert not any(found_fast[len(CALQUES) : len(CALQUES) + len(CLEAN)])  # clean prose stays silent


def test_the_folded_characters_are_what_regex_matches() -> None:
    """Every character a table's pattern matches ignoring case (any code point) folds to one
    of the pattern character's variants; every white space and apostrophe reads as one."""
    every = "".join(chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF)
    chars = {c for _name, sources, _flags in _shipped_tables() for s in sources for c in s if c.isalpha()}
    assert len(chars) > 40
    for c in sorted(chars):
        variants = prefilter._variants(c)
        for m in regex.finditer(regex.escape(c), every, regex.IGNORECASE):
            t = m.group()
            assert len(t.lower()) != 1 or prefilter._fold(t) in variants, (c, t)
    for m in regex.finditer(r"[\s\u00a0\u202f]", every):
        assert m.group().translate(prefilter._CANON) == " ", hex(ord(m.group()))
    assert "'’\u02bc".translate(prefilter._CANON) == "'''"


def test_the_index_is_kept_in_the_store(fresh_cache: Path) -> None:
    from checker import regexcache

    sources = ["opportunit\\w+", "la[\\s]+plupart", "(?<!x)abc"]
    plain = prefilter._start_index_of(sources, is_plain)
    with regexcache.ACTIVE:
        first = prefilter.start_index(sources, str, is_plain)
    regexcache.save()
    regexcache._live.clear()
    regexcache._store = None  # a new process: read the store from disk
    assert any(k.startswith("start-index:") for k in regexcache._load())
    with regexcache.ACTIVE:
        again = prefilter.start_index(sources, str, is_plain)
    for index in (first, again):
        assert (index.static, index.three, index.short) == (plain.static, plain.three, plain.short) == (0b011, {"opp": 1, "la ": 2}, {})


def test_tables_share_one_search_of_an_article() -> None:
    """The large tables' keys are found with one automaton pass per article; a table built after
    a search still finds its own keys in the same text, and a table never names another's keys."""
    one = [(f"maison{i}",) for i in range(30)]
    two = [(f"vélo{i}",) for i in range(30)] + [("maison1",)]
    with prefilter.trusted():
        first = prefilter.LazyTable(one, lambda r: r[0], lambda r: r[0])
        folded = "la maison1 et le vélo2, puis maison12".casefold()
        assert set(first._keys_in(folded)) == {"maison1", "maison12"}
        second = prefilter.LazyTable(two, lambda r: r[0], lambda r: r[0])  # new keys: a new automaton
        assert set(second._keys_in(folded)) == {"vélo2", "maison1"}
        assert set(first._keys_in(folded)) == {"maison1", "maison12"}
        assert second.candidates("rien ici") == []


def test_a_row_may_begin_with_a_number() -> None:
    # Word starts include digits: a row written « (?:\d+|douze) grèves » matches « 12 grèves ».
    from checker import Linter

    linter = Linter()
    for text in ("Le lanceur a réussi 12 grèves en sept manches face aux Yankees, selon la MLB.",
                 "Le lanceur a réussi douze grèves en sept manches face aux Yankees, selon la MLB."):
        found = [f.text for f in linter.check_text(text, lang="fr").findings if f.code == "MT610"]
        assert found == [text[text.index("réussi ") + 7:text.index(" en sept")]]


def test_a_packed_index_reads_back_the_same_masks() -> None:
    """``StartIndex`` pickles its maps packed (``Masks``): read back, every key names the same rows."""
    import pickle

    sources = [s for _name, table, _flags in _shipped_tables()[:6] for s in table]
    plain = prefilter._start_index_of(sources, is_plain)
    again = pickle.loads(pickle.dumps(plain))
    for field in ("three", "short", "longer", "pre", "pre3"):
        mine, theirs = getattr(plain, field), getattr(again, field)
        assert isinstance(theirs, prefilter.Masks)
        assert dict(theirs) == dict(mine) and set(theirs.keys()) == set(mine)
        for key in list(mine)[:50]:
            assert theirs.get(key, 0) == theirs[key] == mine[key]
        assert theirs.get("\0none", 0) == 0
    assert (again.static, again.long_rows) == (plain.static, plain.long_rows)
    odd = prefilter.Masks(*prefilter.Masks.pack({"a\0b": 1 << 70_000, "": 5}))
    assert dict(odd) == {"a\0b": 1 << 70_000, "": 5}
    assert dict(prefilter.Masks(*prefilter.Masks.pack({}))) == {}


def test_an_edited_table_gets_a_new_index(fresh_cache: Path, tmp_path: Path) -> None:
    """The table kinds name a table's start index and literal index by the file's store key
    (``prefilter.table_name``): an edited file gives new ones, not the old file's."""
    import os

    from checker import regexcache, wordlists

    path = tmp_path / "t.tsv"

    def read(text: str, when: int) -> tuple[prefilter.StartIndex, Any]:
        path.write_text(text, encoding="utf-8")
        os.utime(path, ns=(when, when))
        wordlists.read_table.cache_clear()
        with regexcache.ACTIVE:
            rows = wordlists.read_table(path)
            name = prefilter.table_name(rows, 0)
            assert name is not None
            index = prefilter.start_index([r[0] for r in rows], str, is_plain, name)
            table = prefilter.LazyTable(rows, lambda r: r[0], lambda r: r[0], eager=False, name=name)
        return index, table

    first, table = read("opportunit\\w+\nla plupart\n", 10**18)
    assert dict(first.three) == {"opp": 1, "la ": 2}
    assert table._by_key.keys() == {"opportunit", "plupart"}
    regexcache.save()
    regexcache._live.clear()
    regexcache._store = None  # a new process
    second, table = read("abc\nla plupart\n", 2 * 10**18)  # as many rows: only the file's key tells
    assert dict(second.three) == {"abc": 1, "la ": 2}
    assert table._by_key.keys() == {"abc", "plupart"}
