"""The result cache: a second `mtlint check` over the unchanged 1 MB corpus subset, as a ratio to the first.

Measured with pytest-benchmark (one round each: the first run must start from an empty
cache); the ratio is printed, never asserted. Skips when ``../shared/corpus`` is absent.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import bench_subset

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("MTLINT_SHARED", ROOT.parent / "shared")) / "corpus"
TIMES: dict[str, float] = {}


@pytest.fixture(scope="module")
def setup(tmp_path_factory: pytest.TempPathFactory, pytestconfig: pytest.Config) -> tuple[list[str], Path]:
    listing_src = CORPUS / "subsets" / f"{bench_subset(pytestconfig)}.txt"
    if not listing_src.is_file():
        pytest.skip("../shared/corpus is absent")
    work = tmp_path_factory.mktemp("cache-bench")
    paths = [CORPUS / line.strip() for line in listing_src.read_text().splitlines() if line.strip()]
    paths = [p if p.is_file() else CORPUS / "articles" / p.name for p in paths]
    listing = work / "1m.list"
    listing.write_text("\n".join(str(p) for p in paths) + "\n", encoding="utf-8")
    cache = work / "cache"
    cmd = [sys.executable, "-m", "checker", "check", "--format", "jsonl", "--files-from", str(listing),
           "--cache-dir", str(cache), "-o", str(work / "report.jsonl")]
    return cmd, work


def _run(cmd: list[str], name: str) -> None:
    start = time.perf_counter()
    subprocess.run(cmd, check=False, cwd=ROOT, stdout=subprocess.DEVNULL)
    TIMES[name] = time.perf_counter() - start


@pytest.mark.parametrize("run", ["first", "second"])
def test_cached_rerun_1m(benchmark, setup: tuple[list[str], Path], run: str) -> None:
    cmd, work = setup
    benchmark.pedantic(_run, args=(cmd, run), rounds=1, iterations=1)
    report = (work / "report.jsonl").read_text(encoding="utf-8").splitlines()
    if run == "first":
        (work / "first.jsonl").write_text("\n".join(report), encoding="utf-8")
        return
    # The cached report is the same report.
    assert report == (work / "first.jsonl").read_text(encoding="utf-8").splitlines()
    ratio = TIMES["first"] / TIMES["second"]
    print(f"result cache, 1 MB subset ({len(report) - 1} files): first run {TIMES['first']:.2f} s, "
          f"second run {TIMES['second']:.2f} s, ratio {ratio:.1f}x")
