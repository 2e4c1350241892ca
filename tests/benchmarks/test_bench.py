"""Speed and memory, measured with pytest-benchmark (never asserted as wall-clock limits).

Run them with ``python -m pytest tests/benchmarks --benchmark-enable``; in the ordinary
test run they execute once each (``--benchmark-disable``) so they stay honest smoke tests.
The corpus benchmarks use ``../shared/corpus`` and skip when it is absent.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest
from conftest import bench_subset, measure_process

from checker import Linter

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
SEED = ROOT / "fixtures" / "seeds" / "004_db38bbbc97794af9.txt"


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter()


def _subset(name: str, limit: int | None = None) -> list[Path]:
    listing = CORPUS / "subsets" / f"{name}.txt"
    if not listing.is_file():
        pytest.skip("../shared/corpus is absent")
    paths = [CORPUS / line.strip() for line in listing.read_text().splitlines() if line.strip()]
    paths = [p if p.is_file() else CORPUS / "articles" / p.name for p in paths]
    return paths[:limit] if limit else paths


def test_startup_python_pass(benchmark) -> None:
    """Baseline for the start-up ratio: an empty interpreter."""
    benchmark.pedantic(lambda: subprocess.run([sys.executable, "-c", "pass"], check=True), rounds=5, iterations=1)


def test_startup_check_one_article(benchmark) -> None:
    """`mtlint check` on one ~3 KB article, as a pre-commit hook runs it (compare with the baseline)."""

    def run() -> None:
        subprocess.run(
            [sys.executable, "-m", "checker", "check", "--lang", "fr", "--quiet", str(SEED)],
            check=False, capture_output=True,
        )

    benchmark.pedantic(run, rounds=5, iterations=1)


def test_import_is_light() -> None:
    """Importing the CLI loads no heavy library (they load when a rule needs them)."""
    code = (
        "import sys, checker.cli, checker.runner, checker.engine, checker.document; "
        "heavy = [m for m in ('wordfreq', 'sacrebleu', 'markdown_it', 'py3langid', 'numpy', 'langcodes', 'ftfy') "
        "if m in sys.modules]; print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


def test_check_seed_article(benchmark, linter: Linter) -> None:
    """All rules on one seed article with a warm Linter (rules built, lists loaded): no loading per call."""
    text = SEED.read_text(encoding="utf-8")
    linter.check_text(text, lang="fr")  # warm-up: build rules, load word lists
    result = benchmark(lambda: linter.check_text(text, lang="fr"))
    assert not result.failures


def test_throughput_100k(benchmark, linter: Linter) -> None:
    """All rules over the 100 kB corpus subset (French and English)."""
    docs = [(p.read_text(encoding="utf-8"), "en" if p.name.startswith("en_") else "fr") for p in _subset("100k")]

    def run() -> int:
        return sum(len(linter.check_text(t, lang=lang).findings) for t, lang in docs)

    benchmark.pedantic(run, rounds=1, iterations=1)


def test_memory_one_article(linter: Linter) -> None:
    """Peak memory allocated while checking one article after warm-up, reported in the benchmark output."""
    text = SEED.read_text(encoding="utf-8")
    linter.check_text(text, lang="fr")
    tracemalloc.start()
    linter.check_text(text, lang="fr")
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak traced memory for one article: {peak / 1e6:.2f} MB")
    assert peak > 0


# ------------------------------------------------------------------ scaling (see docs/scaling.md)

def _listing(tmp_path: Path, name: str) -> Path:
    listing = tmp_path / f"{name}.list"
    listing.write_text("\n".join(str(p) for p in _subset(name)) + "\n", encoding="utf-8")
    return listing


@pytest.mark.parametrize("jobs", [1, 2])
def test_throughput_1m_jobs(benchmark, tmp_path: Path, jobs: int, pytestconfig: pytest.Config) -> None:
    """`mtlint check --format jsonl --jobs N` over the 1 MB subset; words/s and files/s are printed."""
    listing = _listing(tmp_path, bench_subset(pytestconfig))
    out = tmp_path / "report.jsonl"
    cmd = [sys.executable, "-m", "checker", "check", "--format", "jsonl", "-j", str(jobs),
           "--files-from", str(listing), "-o", str(out)]
    benchmark.pedantic(lambda: subprocess.run(cmd, check=False, cwd=ROOT), rounds=1, iterations=1)
    lines = out.read_text(encoding="utf-8").splitlines()
    words = sum(json.loads(x).get("words", 0) for x in lines[:-1])
    if benchmark.stats:
        seconds = benchmark.stats.stats.mean
        print(f"jobs={jobs}: {len(lines) - 1} files, {words} words in {seconds:.1f} s: "
              f"{words / seconds:,.0f} words/s, {(len(lines) - 1) / seconds:.1f} files/s")
    assert json.loads(lines[-1])["summary"]["files"] == len(lines) - 1


def _peak_rss_kb(cmd: list[str]) -> int:
    """Peak resident memory of a child process, in kB (Linux reports ru_maxrss in kB)."""
    return int(measure_process(cmd, ROOT)["maxrss_kb"])  # not forked from pytest: see conftest._MEASURE


def test_memory_jsonl_1m_vs_100k(tmp_path: Path, pytestconfig: pytest.Config) -> None:
    """Peak memory of a jsonl run over the 1 MB subset against the 100 kB subset (printed); as an
    ordinary test (benchmarks disabled), the one-article subset against the 100 kB one, a tenth
    of the time. The larger run must not hold more than twice the smaller one's memory: jsonl
    writes each file's line and forgets the file (figures in docs/scaling.md)."""
    if not hasattr(os, "wait4"):
        pytest.skip("needs os.wait4")
    large = bench_subset(pytestconfig)
    small = "100k" if large == "1m" else "small"
    peaks = {}
    for name in (small, large):
        listing = _listing(tmp_path, name)
        peaks[name] = _peak_rss_kb([sys.executable, "-m", "checker", "check", "--no-cache", "--format", "jsonl",
                                    "--files-from", str(listing), "-o", os.devnull])
    print(f"peak RSS, jsonl: {small} subset {peaks[small] / 1e3:.0f} MB, {large} subset {peaks[large] / 1e3:.0f} MB")
    assert 0 < peaks[large] < 2 * peaks[small]


def test_startup_ratio() -> None:
    """Median wall time of `mtlint check` on one French article over `python -c pass` (printed)."""
    import statistics
    import time

    article = CORPUS / "articles" / "fr_wikinews_44545.txt"
    if not article.is_file():
        pytest.skip("../shared/corpus is absent")
    times: dict[str, list[float]] = {"check": [], "pass": []}
    for _ in range(5):
        for name, cmd in (("check", [sys.executable, "-m", "checker", "check", "--quiet", str(article)]),
                          ("pass", [sys.executable, "-c", "pass"])):
            t = time.perf_counter()
            subprocess.run(cmd, check=False, cwd=ROOT)
            times[name].append(time.perf_counter() - t)
    check, empty = statistics.median(times["check"]), statistics.median(times["pass"])
    print(f"start-up: check {check:.3f} s, python -c pass {empty:.3f} s, ratio {check / empty:.0f}")
    assert check > 0
