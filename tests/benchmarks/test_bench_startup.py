"""Start-up and per-article cost (issue #11), measured with pytest-benchmark, never asserted as limits.

``python -m pytest tests/benchmarks/test_bench_startup.py --benchmark-enable -s`` prints,
for one ~4 KB French article and for an empty file, the whole-process time of
``mtlint check`` and its ratio to ``python -c pass`` measured in the same session; the
CPU times of interleaved rounds of the article, the empty file, ``python -c pass`` (and
proselint, when ``MTLINT_PROSELINT`` names its command) with their ratios; and
the in-process time of all rules over the 1 MB corpus subset. The first run fills the
cache directory (word lists, rule data, compiled patterns); a warm-up call is made
first so that the rounds measure what every later run costs. docs/scaling.md holds
the figures.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import bench_subset

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("MTLINT_SHARED", ROOT.parent / "shared")) / "corpus"
#: The children's environment: an installed mtlint has its bytecode compiled, so a run may write it.
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"} | {"NO_COLOR": "1"}


def _small_article() -> Path:
    listing = CORPUS / "subsets" / "small.txt"
    if not listing.is_file():
        pytest.skip("../shared/corpus is absent")
    return CORPUS / listing.read_text(encoding="utf-8").split()[0]


def _python_pass(rounds: int = 10) -> float:
    """Median wall time of an empty interpreter, in this session."""
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def _check(path: Path) -> None:
    subprocess.run([sys.executable, "-m", "checker", "check", "--no-cache", "--quiet", str(path)],
                   check=False, capture_output=True, cwd=ROOT, env=_ENV)


def _ratio(benchmark, label: str) -> None:
    base = _python_pass()
    if benchmark.stats:
        median = benchmark.stats.stats.median
        benchmark.extra_info.update({"python_pass_s": base, "ratio_to_python_pass": median / base})
        print(f"{label}: median {median:.3f} s = {median / base:.1f}x python -c pass ({base:.3f} s)")


def test_startup_4kb_french_article(benchmark) -> None:
    """`mtlint check` on one ~4 KB French news article, whole process, as a pre-commit hook runs it."""
    article = _small_article()
    _check(article)  # warm the cache directory
    benchmark.pedantic(lambda: _check(article), rounds=10, iterations=1)
    _ratio(benchmark, "4 KB article")


def test_startup_empty_file(benchmark, tmp_path: Path) -> None:
    """`mtlint check` on an empty file: what start-up costs before any word is read."""
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    _check(empty)
    benchmark.pedantic(lambda: _check(empty), rounds=10, iterations=1)
    _ratio(benchmark, "empty file")


def _cpu_and_wall(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """CPU (user + system of the child) and wall time of one whole process."""
    import resource

    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    subprocess.run(argv, check=False, capture_output=True, cwd=ROOT, env=env or _ENV)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime), wall


def test_startup_interleaved_cpu_ratios(benchmark, tmp_path: Path) -> None:
    """The article, the empty file and ``python -c pass`` (and proselint when ``MTLINT_PROSELINT``
    names its command) run in interleaved rounds; the CPU times' medians and their ratios are
    what to read on a shared machine (issue #11: article <= 1.0x proselint, empty <= 0.5x article)."""
    article = _small_article()
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    check = [sys.executable, "-m", "checker", "check", "--no-cache", "--quiet"]
    commands = {"python -c pass": [sys.executable, "-c", "pass"], "article": [*check, str(article)],
                "empty file": [*check, str(empty)]}
    proselint = os.environ.get("MTLINT_PROSELINT")
    if proselint:
        commands["proselint"] = [proselint, "check", str(article)]
    for argv in commands.values():
        _cpu_and_wall(argv)  # warm the caches
    cpu: dict[str, list[float]] = {k: [] for k in commands}
    wall: dict[str, list[float]] = {k: [] for k in commands}

    count = 1 if getattr(benchmark, "disabled", False) else 11  # one round when benchmarks are off (the test run)

    def rounds() -> None:
        for _ in range(count):
            for name, argv in commands.items():
                c, w = _cpu_and_wall(argv)
                cpu[name].append(c)
                wall[name].append(w)

    benchmark.pedantic(rounds, rounds=1, iterations=1)
    med = {k: statistics.median(v) for k, v in cpu.items()}
    info = {f"cpu_median_s[{k}]": v for k, v in med.items()}
    info.update({f"wall_median_s[{k}]": statistics.median(v) for k, v in wall.items()})
    info["empty_over_article_cpu"] = med["empty file"] / med["article"]
    info["article_over_python_pass_cpu"] = med["article"] / max(med["python -c pass"], 1e-3)
    if "proselint" in med:
        info["article_over_proselint_cpu"] = med["article"] / med["proselint"]
    benchmark.extra_info.update(info)
    for key, value in info.items():
        print(f"{key}: {value:.3f}")
    assert med["article"] > 0 and med["empty file"] > 0


def test_subset_1m_in_process(benchmark, pytestconfig: pytest.Config) -> None:
    """All default rules over the 1 MB subset with one warm Linter (the steady cost per word)."""
    from checker import Linter

    listing = CORPUS / "subsets" / f"{bench_subset(pytestconfig)}.txt"
    if not listing.is_file():
        pytest.skip("../shared/corpus is absent")
    docs = [(CORPUS / line).read_text(encoding="utf-8") for line in listing.read_text().split()]
    linter = Linter()
    linter.check_text(docs[0])

    def run() -> int:
        return sum(len(linter.check_text(text).findings) for text in docs)

    found = benchmark.pedantic(run, rounds=1, iterations=1)
    words = sum(len(t.split()) for t in docs)
    if benchmark.stats:
        seconds = benchmark.stats.stats.mean
        print(f"1 MB subset in process: {len(docs)} files, {words} words, {seconds:.1f} s, {words / seconds:,.0f} words/s")
    assert found > 0
