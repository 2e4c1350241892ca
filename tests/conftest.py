"""Shared test helpers."""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterable
from functools import cache
from pathlib import Path
from typing import Any

import pytest

ROOT = Path(__file__).resolve().parent.parent
# The tools' helper modules (goldlib: scoring against *.expected.json) are not installed.
sys.path.append(str(ROOT / "tools"))
SHARED = Path(os.environ.get("MTLINT_SHARED", ROOT.parent / "shared"))


@pytest.hookimpl(tryfirst=True)
def pytest_configure(config: pytest.Config) -> None:
    """The suite runs on every CPU (``-n auto`` in pyproject.toml); a benchmark run
    (``--benchmark-enable``) measures one process at a time, so it runs without workers."""
    if config.getoption("benchmark_enable", False) and getattr(config.option, "dist", "no") != "no":
        config.option.dist = "no"
        config.option.numprocesses = 0
        config.option.tx = []


def pattern_rule_files() -> list[tuple[Path, dict, int]]:
    """(path, rule data, regex flags) of every built-in rule file of kind ``pattern``."""
    import tomllib

    import regex

    out = []
    for path in sorted((ROOT / "rules").rglob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        if data.get("kind") != "pattern" or not isinstance(data.get("params"), dict):
            continue
        out.append((path, data, regex.IGNORECASE if data["params"].get("ignore_case") else 0))
    return out


def lines_written(paths: Iterable[Path]) -> int:
    """Whole lines written so far to the files (a missing file counts 0; a line being written is not
    counted): the kill-and-resume tests kill a run at a point of its progress."""
    total = 0
    for path in paths:
        with contextlib.suppress(OSError):
            total += path.read_bytes().count(b"\n")
    return total


@cache
def builtin_ruleset() -> Any:
    """The built-in rules, loaded once per test session."""
    from checker.rules import builtin_rules_dir, load_rules

    return load_rules([builtin_rules_dir()])


@pytest.fixture(scope="session")
def ruleset():
    """The built-in rules, loaded once."""
    return builtin_ruleset()


def check_rules(codes: str | set[str], text: str, lang: str = "fr", ruleset: Any = None, path: str = "<t>") -> list[Any]:
    """The findings of the built-in rules `codes` alone on `text`.

    Every code must name a rule; a rule failure fails the test, and every finding's offsets must
    give back its text (the contract's offset invariant).
    """
    from checker.document import Document
    from checker.engine import Engine

    rs = ruleset if ruleset is not None else builtin_ruleset()
    wanted = {codes} if isinstance(codes, str) else set(codes)
    rules = [r for r in rs.rules if r.code in wanted]
    assert {r.code for r in rules} == wanted
    result = Engine(rules, rs.packs).check(Document(text, path, lang))
    assert not result.failures, result.failures
    for f in result.findings:
        assert text[f.start:f.end] == f.text
    return list(result.findings)


def bench_subset(config: pytest.Config, name: str = "1m") -> str:
    """The corpus subset a benchmark measures: `name` when benchmarks are measured
    (``--benchmark-enable``, or ``MTLINT_BENCH_FULL=1``); the 100 kB subset when they run once
    as ordinary tests (``--benchmark-disable``, the default), where they check that the measured
    path works and what it writes, in a tenth of the time."""
    if os.environ.get("MTLINT_BENCH_FULL") or not config.getoption("benchmark_disable", True):
        return name
    return "100k"


@cache
def default_linter() -> Any:
    """One ``checker.Linter`` with the built-in rules, shared by the tests (rules load once)."""
    from checker import Linter

    return Linter()


def findings(text: str, lang: str, **kwargs: Any) -> list[Any]:
    """The findings of the built-in rules on `text` (through the public API), failures asserted away."""
    report = default_linter().check_text(text, lang=lang, **kwargs)
    assert not report.failures, report.failures
    return list(report.findings)


def assert_linear(check: Any, make: Any, n: int, factor: int = 4) -> None:
    """Assert that `check(make(size))` costs about linear time in `size`: a scaling ratio
    measured in one run, never a wall-clock limit.

    ``make(n)`` and ``make(factor * n)`` are checked after a warm-up on a tiny input (rules
    compiled, word lists open); the CPU time of the larger must stay under half of what a
    quadratic cost would give (``factor ** 2 / 2``, 8 for a factor of 4, where linear gives 4).
    Below 50 ms of CPU for the larger input, timer noise dominates and nothing is asserted.
    Each size is timed twice and the faster run kept, with the cyclic garbage collector off:
    late in a long test session a full collection over a large heap costs about a second,
    and the larger input, which allocates more, would pay it (seen once in CI: ×14).
    """
    import gc
    import time

    check(make(1))
    times = []
    for size in (n, factor * n):
        text = make(size)
        best = float("inf")
        for _ in range(2):
            gc.collect()
            gc.disable()
            try:
                t0 = time.process_time()
                check(text)
                best = min(best, time.process_time() - t0)
            finally:
                gc.enable()
        times.append(best)
    small, large = times
    if large < 0.05:
        return
    assert large / max(small, 1e-3) < factor * factor / 2, (
        f"{large:.2f} s at {factor}× the size of {small:.2f} s: super-linear"
    )


# Started from a small process of its own, not from pytest: on Linux a child's peak resident
# memory (``ru_maxrss``) starts from the high-water mark of the process it was forked from, so a
# run forked straight from a test session that had grown to 545 MiB reported 545 MiB whatever it
# used (two runs of one benchmark measured 544.6 MiB each).
_MEASURE = """
import json, os, subprocess, sys, time
started = time.perf_counter()
proc = subprocess.Popen(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(proc.pid, 0)
print(json.dumps([os.waitstatus_to_exitcode(status), usage.ru_maxrss, usage.ru_utime + usage.ru_stime,
                  time.perf_counter() - started]))
"""


def measure_process(cmd: list[str], cwd: Path | None = None, env: dict | None = None) -> dict[str, float]:
    """Run `cmd` (output discarded) and measure it: exit code, peak resident memory of the largest
    process of its tree (``maxrss_kb``, kB as Linux reports it), CPU of the tree (s), wall time (s)."""
    import json
    import subprocess

    done = subprocess.run([sys.executable, "-c", _MEASURE, *cmd], cwd=cwd or ROOT, env=env,
                          capture_output=True, text=True, check=True)
    code, maxrss, cpu, wall = json.loads(done.stdout)
    return {"code": code, "maxrss_kb": maxrss, "cpu_s": cpu, "wall_s": wall}


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None, env: dict | None = None):
    """Run ``python -m checker`` in a subprocess; returns CompletedProcess with text output."""
    import subprocess

    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd or ROOT,
        env=full_env,
        timeout=300,
    )


@pytest.fixture(autouse=True)
def _private_result_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    """Each test gets its own result cache (``mtlint check`` caches by default): a test never sees
    results another test left, whatever it monkeypatches. tests/test_result_cache.py tests the real default."""
    import checker.resultcache

    private = tmp_path_factory.mktemp("result-cache")
    monkeypatch.setattr(checker.resultcache, "default_cache_dir", lambda config_root: private)


@pytest.fixture
def fresh_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A cache directory of the test's own, and the pattern store as a new process sees it:
    nothing loaded, nothing added, nothing compiled. (A store loaded by an earlier test of the
    session, from another directory and perhaps full, would otherwise take every new entry.)"""
    from checker import regexcache

    monkeypatch.delenv("MTLINT_NO_CACHE", raising=False)
    monkeypatch.setenv("MTLINT_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(regexcache, "_store", None)
    monkeypatch.setattr(regexcache, "_added", {})
    monkeypatch.setattr(regexcache, "_live", {})
    monkeypatch.setattr(regexcache, "_used", set())
    monkeypatch.setattr(regexcache, "_journal", None)
    monkeypatch.setattr(regexcache, "_journal_hit", False)
    # Saves go straight to the store's trie, which these tests read; the journal has its own
    # tests (test_regex_store_eviction.py), which set JOURNAL_MAX themselves.
    monkeypatch.setattr(regexcache, "JOURNAL_MAX", 0)
    return tmp_path / "cache"


class CallLog:
    """Counts calls made in this process or in a forked copy of it (``cachedir.fork_apart`` runs a
    cache builder there, where appending to a list of this process would be lost): each call
    adds a line to a file."""

    def __init__(self, path: Path) -> None:
        self.path = path

    def record(self) -> None:
        with open(self.path, "a", encoding="utf-8") as fh:
            fh.write("1\n")

    def __len__(self) -> int:
        return len(self.path.read_text(encoding="utf-8").splitlines()) if self.path.exists() else 0


@pytest.fixture
def call_log(tmp_path: Path) -> CallLog:
    return CallLog(tmp_path / "calls.log")


@pytest.fixture
def forks(monkeypatch: pytest.MonkeyPatch) -> None:
    """``cachedir.fork_apart`` allowed whatever threads earlier tests of the session left running (a
    server's, a cluster's): ``_may_fork`` refuses then, as it should in a real run; the copies
    made under this fixture run only small builders, which take no lock another thread holds."""
    from checker import cachedir

    monkeypatch.setattr(cachedir, "_may_fork", lambda: True)
