"""The result cache: same report from the cache, and a changed file, rule, configuration or version is a miss."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from checker import Linter, RunOptions
from checker.cli import main
from checker.resultcache import LAYOUT, ResultCache
from checker.resultcache import default_cache_dir as REAL_DEFAULT

TEXTS = {
    "a.txt": "Le ministre a présenté le le projet.\n\nIl a parlé de l’ équipe.\n",
    "b.md": "# Titre\n\nLe cafÃ© du port rouvre lundi.\n",
    "c.txt": "Un texte sans défaut, écrit avec soin.\n",
}
HOUSE = '''code = "HX101"
name = "house-word"
category = "calque"
severity = "major"
kind = "pattern"
message = "‘{text}’ is banned by the house style."
why = "The house style guide bans this word."

[params]
pattern = '\\bMESSAGE\\b'

[[examples]]
bad = "Un [[MESSAGE]] ici."

[[examples]]
good = "Rien ici."
'''


@pytest.fixture
def project(tmp_path: Path) -> Path:
    for name, text in TEXTS.items():
        (tmp_path / "news" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "news" / name).write_text(text, encoding="utf-8")
    (tmp_path / ".mtlint.toml").write_text('lang = "fr"\n', encoding="utf-8")
    return tmp_path


def run(project: Path, cache: Path | None, **kw: object) -> tuple[Linter, dict]:
    options = RunOptions(cache_dir=str(cache) if cache else None)
    linter = Linter(project / ".mtlint.toml", options=options, **kw)  # type: ignore[arg-type]
    report = linter.report(linter.check_many([project / "news"]))
    return linter, report.to_dict()


def stats(linter: Linter) -> tuple[int, int]:
    cache = linter.runner.cache  # type: ignore[attr-defined]
    return cache.hits, cache.misses


def test_second_run_is_answered_from_the_cache(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    _, plain = run(project, None)
    first, report1 = run(project, cache)
    assert stats(first) == (0, 3)
    second, report2 = run(project, cache)
    assert stats(second) == (3, 0)
    assert report1 == report2 == plain  # findings, passages, scores, rules that ran: all the same
    assert (cache / ".gitignore").read_text(encoding="utf-8").splitlines()[-1] == "*"
    # The rendered formats need the document: they match too.
    out1, out2 = io.StringIO(), io.StringIO()
    args = ["check", "--cache-dir", str(cache), "--format", "sarif", str(project / "news")]
    main(args, out1, io.StringIO())
    main([*args[:3], "--no-cache", *args[3:]], out2, io.StringIO())
    assert out1.getvalue() == out2.getvalue()


def test_a_changed_file_invalidates_its_entry_only(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    run(project, cache)
    (project / "news" / "c.txt").write_text("Le le retour.\n", encoding="utf-8")
    linter, report = run(project, cache)
    assert stats(linter) == (2, 1)
    issues = {Path(f["path"]).name: [i["code"] for i in f["issues"]] for f in report["files"]}
    assert issues["c.txt"] == ["MT211"]


def test_a_changed_rule_invalidates(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    pack = tmp_path / "house"
    pack.mkdir()
    rule = pack / "house-word.toml"
    rule.write_text(HOUSE.replace("MESSAGE", "projet"), encoding="utf-8")
    linter, report = run(project, cache, rules=[str(pack)])
    assert stats(linter) == (0, 3)
    assert stats(run(project, cache, rules=[str(pack)])[0]) == (3, 0)
    rule.write_text(HOUSE.replace("MESSAGE", "lundi"), encoding="utf-8")
    linter, report = run(project, cache, rules=[str(pack)])
    assert stats(linter) == (0, 3)
    codes = [i["code"] for f in report["files"] for i in f["issues"] if i["code"] == "HX101"]
    assert codes == ["HX101"] and "lundi" in json.dumps(report)


def test_a_changed_configuration_invalidates(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    run(project, cache)
    (project / ".mtlint.toml").write_text('lang = "fr"\nignore = ["MT211"]\n', encoding="utf-8")
    linter, report = run(project, cache)
    assert stats(linter) == (0, 3)
    assert "MT211" not in json.dumps(report)
    # A per-path override changes the settings of the files it matches only.
    (project / ".mtlint.toml").write_text(
        'lang = "fr"\nignore = ["MT211"]\n[[overrides]]\npaths = ["b.md"]\nignore = ["MT231"]\n', encoding="utf-8")
    assert stats(run(project, cache)[0]) == (2, 1)
    # So do options given on the command line (severity, thresholds).
    assert stats(run(project, cache, fail_under=99)[0]) == (0, 3)


def test_a_new_version_invalidates(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "cache"
    run(project, cache)
    import checker._version

    monkeypatch.setattr(checker._version, "__version__", "99.0.0")
    assert stats(run(project, cache)[0]) == (0, 3)


def test_damaged_entries_and_pruning(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    run(project, cache)
    entries = sorted((cache / LAYOUT).glob("*/*.json"))
    assert len(entries) == 3
    entries[0].write_text('{"key": ', encoding="utf-8")  # a half-written entry from another tool
    entries[1].write_text(json.dumps({**json.loads(entries[1].read_text()), "findings": [{"code": 1}]}),
                          encoding="utf-8")  # a well-formed entry with a bad finding
    linter, report = run(project, cache)
    _, plain = run(project, None)
    assert report == plain
    (entries[2].parent / ".x.part").write_text("left by a killed run", encoding="utf-8")
    store = ResultCache(cache)
    assert store.prune(limit=1) == 3  # the stray temporary file and the two least recently used
    assert len(list((cache / LAYOUT).glob("*/*"))) == 1


def test_cli_cache_locations(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import checker.resultcache

    monkeypatch.setattr(checker.resultcache, "default_cache_dir", REAL_DEFAULT)
    monkeypatch.delenv("MTLINT_CACHE_DIR", raising=False)
    monkeypatch.delenv("MTLINT_NO_CACHE", raising=False)
    news = str(project / "news")
    main(["check", "--no-cache", news], io.StringIO(), io.StringIO())
    assert not (project / ".mtlint_cache").exists()
    main(["check", news], io.StringIO(), io.StringIO())  # beside the configuration file
    assert len(list((project / ".mtlint_cache" / LAYOUT).glob("*/*.json"))) == 3
    assert (project / ".mtlint_cache" / ".gitignore").is_file()
    monkeypatch.setenv("MTLINT_CACHE_DIR", str(tmp_path / "env"))
    main(["check", news], io.StringIO(), io.StringIO())
    assert len(list((tmp_path / "env" / LAYOUT).glob("*/*.json"))) == 3
    main(["check", "--cache-dir", str(tmp_path / "flag"), news], io.StringIO(), io.StringIO())
    assert len(list((tmp_path / "flag" / LAYOUT).glob("*/*.json"))) == 3
    # --fix never reads nor writes the cache.
    main(["check", "--cache-dir", str(tmp_path / "fix"), "--fix", news], io.StringIO(), io.StringIO())
    assert not (tmp_path / "fix" / LAYOUT).exists()


@pytest.mark.slow
def test_concurrent_runs_share_the_cache(project: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    cmd = [sys.executable, "-m", "checker", "check", "--format", "json", "--cache-dir", str(cache), str(project / "news")]
    procs = [subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE) for _ in range(3)]
    outs = [p.communicate() for p in procs]
    plain = subprocess.run([*cmd[:4], "--no-cache", *cmd[4:]], capture_output=True, check=False)
    for out, err in outs:
        assert err == b""
        assert json.loads(out) == json.loads(plain.stdout)
    assert len(list((cache / LAYOUT).glob("*/*"))) == 3  # no temporary file left behind


@pytest.mark.parametrize("fmt", ["text", "jsonl"])
def test_runs_prune_the_cache(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fmt: str) -> None:
    import checker.resultcache

    monkeypatch.setattr(checker.resultcache.ResultCache.prune, "__defaults__", (2,))
    cache = tmp_path / "cache"
    main(["check", "--format", fmt, "--cache-dir", str(cache), str(project / "news")], io.StringIO(), io.StringIO())
    assert len(list((cache / LAYOUT).glob("*/*.json"))) == 2


def test_pruning_waits_between_runs(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Runs in quick succession prune once: the marker's time says when the entries were last listed."""
    import checker.resultcache

    cache = tmp_path / "cache"
    store = ResultCache(cache)
    calls: list[int] = []
    real = ResultCache.prune
    monkeypatch.setattr(ResultCache, "prune", lambda self, limit=2: calls.append(1) or real(self, limit))
    news = str(project / "news")
    for _ in range(3):
        main(["check", "--cache-dir", str(cache), news], io.StringIO(), io.StringIO())
    assert calls == [1]
    assert len(list((cache / LAYOUT).glob("*/*.json"))) == 3  # the pruned entry came back; not pruned again yet
    marker = cache / LAYOUT / checker.resultcache.PRUNED
    old = marker.stat().st_mtime - checker.resultcache.PRUNE_EVERY - 1
    os.utime(marker, (old, old))
    main(["check", "--cache-dir", str(cache), news], io.StringIO(), io.StringIO())
    assert calls == [1, 1]
    assert len(list((cache / LAYOUT).glob("*/*.json"))) == 2
    assert store.prune(limit=10) == 0  # under the bound: nothing is removed (nor stat'ed)


def test_rules_fingerprint_is_kept_beside_the_stat(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The results key's hash of the rule files is read back while their stat is unchanged, and
    computed again once a file changes."""
    import shutil

    import checker.resultcache
    import checker.rulecache
    from checker.rules import builtin_rules_dir, load_rules

    monkeypatch.setenv("MTLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("MTLINT_NO_CACHE", raising=False)
    pack = tmp_path / "rules"
    shutil.copytree(builtin_rules_dir(), pack)
    packs = load_rules([pack]).packs
    monkeypatch.setattr(checker.rulecache, "RACY_NS", 0)  # the copy's files are seconds old: trust their stat
    reads: list[int] = []
    real = checker.resultcache._rules_content
    monkeypatch.setattr(checker.resultcache, "_rules_content", lambda p: reads.append(1) or real(p))
    first = checker.resultcache.rules_fingerprint(packs)
    assert checker.resultcache.rules_fingerprint(packs) == first and reads == [1]
    victim = next(iter(sorted((pack / "fr").glob("*.tsv"))))
    victim.write_text(victim.read_text(encoding="utf-8") + "\n", encoding="utf-8")
    assert checker.resultcache.rules_fingerprint(packs) != first and reads == [1, 1]


def test_one_run_walks_the_rule_files_once(project: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A run stats the rule and code files once for the rule-build stamp and the results key;
    calls outside a run (a library caller, a resident process between requests) walk each time,
    so an edit between two of them is seen."""
    import checker.rulecache
    from checker.rules import builtin_rules_dir, pack_dirs

    monkeypatch.setenv("MTLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.delenv("MTLINT_NO_CACHE", raising=False)
    walks: list[int] = []
    real = checker.rulecache._stat_listing
    monkeypatch.setattr(checker.rulecache, "_stat_listing", lambda d: walks.append(1) or real(d))
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", "--format", "json", str(project / "news" / "a.txt")], stdout=out, stderr=err)
    assert code in (0, 1) and json.loads(out.getvalue())["files"], err.getvalue()
    assert len(walks) == 1
    dirs = list(pack_dirs(builtin_rules_dir()))
    walks.clear()
    checker.rulecache.fingerprint(dirs)
    checker.rulecache.fingerprint(dirs)
    assert len(walks) == 2
    walks.clear()
    with checker.rulecache.one_walk():
        with checker.rulecache.one_walk():
            checker.rulecache.fingerprint(dirs)
        checker.rulecache.fingerprint(dirs)
    assert len(walks) == 1 and checker.rulecache._WALKS is None
