"""The start-up path of one `mtlint check` (issue #11): what an empty text, the rule-set
fingerprint and the first article cost must not change what is found."""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

import pytest

from checker import Linter, rulecache
from checker.rules import builtin_rules_dir, pack_dirs
from conftest import CallLog

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def cache(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setattr(rulecache, "RACY_NS", 0)  # the copies below are new: trust their stat at once
    return fresh_cache


def _copy_packs(tmp_path: Path) -> list[Path]:
    root = tmp_path / "rules"
    shutil.copytree(builtin_rules_dir(), root)
    return pack_dirs(root)


# --- an empty text ------------------------------------------------------------------------------


def test_empty_text_builds_and_runs_no_rule(monkeypatch: pytest.MonkeyPatch) -> None:
    """No span fits in zero characters, so no rule is built, imported or called."""
    linter = Linter(lang="fr")
    called: list[str] = []
    for rule in linter.ruleset.rules:
        if rule.check is not None:
            original = rule.check

            def spy(*args: object, _code: str = rule.code, _check: object = original, **kwargs: object) -> object:
                called.append(_code)
                return _check(*args, **kwargs)  # type: ignore[operator]

            object.__setattr__(rule, "check", spy)
    report = linter.check_text("")
    assert report.findings == [] and report.failures == []
    assert called == []
    assert linter.check_text(" ").lang == "fr"
    assert called, "a text of one character runs the rules"


def test_empty_file_reports_like_before(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    bom = tmp_path / "bom.txt"
    bom.write_bytes("\ufeff".encode())
    linter = Linter(lang="fr")
    for path in (empty, bom):
        entry = linter.check_file(path).to_dict()
        assert entry["issues"] == [] and entry["error"] is None and entry["passed"] is True


# --- the rule-set fingerprint ---------------------------------------------------------------------


def test_fingerprint_equals_the_content_hash(cache: Path, tmp_path: Path) -> None:
    dirs = _copy_packs(tmp_path)
    expected = rulecache.content_fingerprint(dirs)
    assert rulecache.fingerprint(dirs) == expected  # computed, then kept beside the stat
    assert list((cache / "rules-stat").iterdir())
    assert rulecache.fingerprint(dirs) == expected  # found from the stat


def test_fingerprint_from_the_stat_does_not_read_the_files(cache: Path, tmp_path: Path,
                                                           monkeypatch: pytest.MonkeyPatch) -> None:
    dirs = _copy_packs(tmp_path)
    key = rulecache.fingerprint(dirs)

    def no(*args: object, **kwargs: object) -> str:
        raise AssertionError("the contents were hashed again")

    monkeypatch.setattr(rulecache, "content_fingerprint", no)
    assert rulecache.fingerprint(dirs) == key


@pytest.mark.parametrize("change", ["edit-same-size", "add", "remove", "edit-list"])
def test_fingerprint_follows_every_change(cache: Path, tmp_path: Path, change: str) -> None:
    dirs = _copy_packs(tmp_path)
    before = rulecache.fingerprint(dirs)
    fr = next(d for d in dirs if d.name == "fr")
    rule = sorted(fr.glob("*.toml"))[0]
    if change == "edit-same-size":
        data = rule.read_bytes()
        stat = rule.stat()
        changed = data[:-1] + (b"x" if data[-1:] != b"x" else b"y")
        assert len(changed) == len(data) and changed != data
        rule.write_bytes(changed)
        os.utime(rule, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # same size and mtime: the change time differs
    elif change == "add":
        (fr / "zz-new.txt").write_text("word\n", encoding="utf-8")
    elif change == "remove":
        rule.unlink()
    else:
        listed = next(p for p in sorted(fr.rglob("*")) if p.is_file() and p.suffix in (".txt", ".tsv"))
        time.sleep(0.01)
        with listed.open("a", encoding="utf-8") as fh:
            fh.write("\n")
    after = rulecache.fingerprint(dirs)
    assert after == rulecache.content_fingerprint(dirs)
    assert after != before


def test_recently_changed_files_are_hashed_every_time(cache: Path, tmp_path: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Two writes within one tick of the clock may leave the same stat: such files are not trusted."""
    dirs = _copy_packs(tmp_path)
    monkeypatch.setattr(rulecache, "RACY_NS", 3600 * 10**9)
    key = rulecache.fingerprint(dirs)
    assert not (cache / "rules-stat").exists()
    calls: list[int] = []
    original = rulecache.content_fingerprint

    def counted(d: object) -> str:
        calls.append(1)
        return original(d)  # type: ignore[arg-type]

    monkeypatch.setattr(rulecache, "content_fingerprint", counted)
    assert rulecache.fingerprint(dirs) == key and calls == [1]


def test_fingerprint_without_cache_hashes_the_contents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MTLINT_NO_CACHE", "1")
    dirs = _copy_packs(tmp_path)
    assert rulecache.fingerprint(dirs) == rulecache.content_fingerprint(dirs)


def test_damaged_stat_file_is_ignored(cache: Path, tmp_path: Path) -> None:
    dirs = _copy_packs(tmp_path)
    key = rulecache.fingerprint(dirs)
    for kept in (cache / "rules-stat").iterdir():
        kept.write_bytes(b"\xff\xfe not a stat file")
    assert rulecache.fingerprint(dirs) == key


# --- the memory-mapped index of derived data ------------------------------------------------------


def _index_build() -> tuple[dict[str, object], dict[str, set[str]]]:
    return {"known": {"ab": "A b"}}, {"abc": {"zeta", "alpha"}, "é-key": {"ünï"}, "empty": set()}


def test_mapped_index_equals_the_built_one(cache: Path, tmp_path: Path, call_log: CallLog) -> None:
    from checker.buildcache import indexed_from_files

    listed = tmp_path / "names.txt"
    listed.write_text("one\n", encoding="utf-8")
    calls = call_log  # counts the builds made in a forked copy (cachedir.fork_apart) too

    def build() -> tuple[dict[str, object], dict[str, set[str]]]:
        calls.record()
        return _index_build()

    small, first = indexed_from_files("test-index 1", [listed], build)
    again_small, again = indexed_from_files("test-index 1", [listed], build)
    assert len(calls) == 1  # the second one was read from the cache
    assert small == again_small == {"known": {"ab": "A b"}}
    for index in (first, again):
        assert index.get("abc") == ("alpha", "zeta")
        assert index.get("é-key") == ("ünï",)
        assert index.get("missing") == () and index.get("empty") == ()
    listed.write_text("two\n", encoding="utf-8")
    indexed_from_files("test-index 1", [listed], build)
    assert len(calls) == 2  # an edited list builds it again


def test_index_without_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from checker.buildcache import indexed_from_files

    monkeypatch.setenv("MTLINT_NO_CACHE", "1")
    small, index = indexed_from_files("test-index 1", [], _index_build)
    assert index.get("abc") == ("alpha", "zeta") and small["known"] == {"ab": "A b"}


# --- source-mode kinds on a document without a source ---------------------------------------------


def test_source_only_kinds_are_the_source_mode_kinds() -> None:
    """The engine skips these kinds without a source: each one says so and its checks agree."""
    import importlib

    from checker import compare, kinds

    assert kinds.SOURCE_KEY == compare.SOURCE_KEY
    source_mode = set()
    for name in kinds.available():
        module = importlib.import_module(f"checker.kinds.{name.replace('-', '_')}")
        doc = (module.__doc__ or "").split("\n\n")[0]
        if "(source mode)" in doc:
            source_mode.add(name)
    assert source_mode == set(kinds.SOURCE_ONLY)


def test_source_only_rules_find_nothing_without_a_source() -> None:
    """Run directly (as the engine no longer does) on their examples' texts, without a source."""
    from checker.context import Context
    from checker.document import Document
    from checker.kinds import SOURCE_ONLY

    linter = Linter()
    rules = [r for r in linter.ruleset.rules if r.kind in SOURCE_ONLY and r.check is not None]
    assert rules
    for rule in rules:
        for example in rule.examples:
            lang = example.lang or rule.lang or rule.pack.lang or "en"
            doc = Document(example.text, lang=lang)
            assert list(rule.check(doc, Context(lang, {}))) == [], rule.code  # type: ignore[misc]


def test_source_mode_still_runs_source_only_rules(tmp_path: Path) -> None:
    from checker.kinds import SOURCE_ONLY

    linter = Linter(lang="fr")
    rule = next(r for r in linter.ruleset.rules if r.kind in SOURCE_ONLY and r.applies_to("fr")
                and any(e.bad and e.source for e in r.examples))
    example = next(e for e in rule.examples if e.bad and e.source)
    report = linter.check_text(example.text, lang=example.lang or "fr", source=example.source)
    assert any(f.code == rule.code for f in report.findings)


# --- the pattern kind's literal pre-check ---------------------------------------------------------


def _texts() -> list[str]:
    texts = [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").rglob("*.txt"))]
    texts += [p.read_text(encoding="utf-8") for p in sorted((ROOT / "fixtures").rglob("*.md"))]
    return texts


def test_pattern_requirements_hold_whenever_a_pattern_matches() -> None:
    """Every shipped pattern rule, on every fixture and every example of any rule: a match means
    the pre-check lets the text through (so skipping the search changes nothing)."""
    import regex

    from checker.document import Document
    from checker.kinds.pattern import holds, required_literals

    linter = Linter()
    texts = _texts() + [e.text for r in linter.ruleset.rules for e in r.examples]
    rules = [r for r in linter.ruleset.rules if r.kind == "pattern"]
    checked = 0
    for rule in rules:
        needs = required_literals(rule.params["pattern"])
        if not needs:
            continue
        flags = regex.IGNORECASE if rule.params["ignore_case"] else 0
        compiled = regex.compile(rule.params["pattern"], flags)
        for text in texts:
            doc = Document(text, lang="fr")
            if compiled.search(doc.prose) is not None:
                assert holds(needs, doc), (rule.code, text[:80])
                checked += 1
    assert checked > 100


@pytest.mark.parametrize(("pattern", "flags", "text"), [
    ("DIŞ", "i", "dış"), ("Istanbul", "i", "ıstanbul"), ("İzmir", "i", "izmir"), ("ızgara", "i", "Izgara"),
    ("straße", "fi", "STRASSE"), ("STRASSE", "fi", "straße"), ("ﬁn", "", "ﬁn"), ("Σοφία", "i", "ΣΟΦΊΑ"),
])
def test_pattern_requirements_follow_regex_case_rules(pattern: str, flags: str, text: str) -> None:
    import regex

    from checker.document import Document
    from checker.kinds.pattern import holds, required_literals

    compiled = regex.compile(f"(?{flags})" + pattern if flags else pattern)
    assert compiled.search(text) is not None
    needs = required_literals(pattern)
    assert needs
    assert holds(needs, Document(text, lang="tr"))


def test_pattern_pre_check_skips_the_search() -> None:
    from checker.document import Document
    from checker.kinds.pattern import holds, required_literals

    needs = required_literals(r"\bparce que\b")
    assert needs and not holds(needs, Document("Il est venu car il pleuvait.", lang="fr"))
    assert holds(needs, Document("Il est venu PARCE QU'il pleuvait, parce que.", lang="fr"))


# --- lists kept parsed in the pattern store --------------------------------------------------------


def test_parsed_lists_come_back_equal_and_follow_edits(cache: Path, tmp_path: Path) -> None:
    from checker import regexcache
    from checker.listcache import parsed

    listed = tmp_path / "words.txt"
    listed.write_text("alpha\n# note\nbeta\tgamma\n", encoding="utf-8")
    calls: list[int] = []

    def parse() -> tuple[str, ...]:
        calls.append(1)
        return tuple(listed.read_text(encoding="utf-8").split())

    assert parsed("test", listed, parse) == ("alpha", "#", "note", "beta", "gamma") and calls == [1]  # outside the block
    with regexcache.ACTIVE:
        first = parsed("test", listed, parse)
    regexcache.save()
    regexcache._live.clear()
    regexcache._store = None
    with regexcache.ACTIVE:
        again = parsed("test", listed, parse)
    assert first == again and calls == [1, 1]  # the second read came from the store
    stat = listed.stat()
    listed.write_text("alpha\nbetb\tgamma\n", encoding="utf-8")
    os.utime(listed, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1000))
    with regexcache.ACTIVE:
        edited = parsed("test", listed, parse)
    assert edited == ("alpha", "betb", "gamma") and calls == [1, 1, 1]


def test_read_table_is_the_same_from_the_store(cache: Path) -> None:
    from checker import regexcache, wordlists

    table = next(p for p in sorted(builtin_rules_dir().rglob("*.tsv")))
    plain = wordlists.read_table.__wrapped__(table)  # type: ignore[attr-defined]
    with regexcache.ACTIVE:
        stored = wordlists.read_table.__wrapped__(table)  # type: ignore[attr-defined]
    regexcache.save()
    regexcache._live.clear()
    regexcache._store = None
    with regexcache.ACTIVE:
        again = wordlists.read_table.__wrapped__(table)  # type: ignore[attr-defined]
    assert plain == stored == again and len(plain) > 1


# --- the same patterns in every process --------------------------------------------------------------


_SECOND_RUN = """
import sys
from pathlib import Path
from checker import Linter, regexcache
for lang in ("fr", "en", "de"):
    linter = Linter(lang=lang)
    for path in sorted(Path("fixtures").rglob("*.txt"))[:12]:
        linter.check_text(path.read_text(encoding="utf-8"), path=str(path))
print(len(regexcache._added), sorted(regexcache._added)[:3])
"""


def test_a_second_process_adds_no_pattern_to_the_store(tmp_path: Path) -> None:
    """Patterns built from sets must not depend on the process's hash seed: a new key in every
    process would grow the store and rewrite it (tens of milliseconds) at every exit."""
    import subprocess
    import sys

    outputs = []
    for seed in ("1", "2", "3"):
        env = {**os.environ, "MTLINT_CACHE_DIR": str(tmp_path / "cache"), "PYTHONHASHSEED": seed}
        env.pop("MTLINT_NO_CACHE", None)
        done = subprocess.run([sys.executable, "-c", _SECOND_RUN], cwd=ROOT, env=env, capture_output=True,
                              text=True, check=True)
        outputs.append(done.stdout.strip())
    # The first process builds every rule (a new rule set), the second fills the store; the third,
    # with another hash seed, must find every pattern there.
    assert outputs[2] == "0 []", outputs
