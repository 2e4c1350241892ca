"""Steady throughput (docs/scaling.md, "Steady throughput"): the 1 MB subset in-process.

One warm ``Linter`` (rules built, word lists open) checks the 210 articles of
``../shared/corpus/subsets/1m.txt`` with every default rule, languages detected, as
``mtlint check --files-from`` does in one job (``MTLINT_SHARED`` names the shared
directory when the checkout does not sit beside it). The benchmark reports the time; the
findings per article are summed so that a run that silently checks nothing fails.
Run with ``python -m pytest tests/benchmarks/test_bench_throughput.py --benchmark-enable``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from conftest import bench_subset

from checker import Linter

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("MTLINT_SHARED", ROOT.parent / "shared")) / "corpus"


def _subset(name: str) -> list[str]:
    listing = CORPUS / "subsets" / f"{name}.txt"
    if not listing.is_file():
        pytest.skip("../shared/corpus is absent")
    return [str(CORPUS / line.strip()) for line in listing.read_text().splitlines() if line.strip()]


def test_throughput_1m_in_process(benchmark, pytestconfig: pytest.Config) -> None:
    paths = _subset(bench_subset(pytestconfig))
    linter = Linter()
    list(linter.check_many(paths[:3]))  # warm-up: rules built, word lists opened

    def run() -> tuple[int, int]:
        reports = list(linter.check_many(paths))
        return len(reports), sum(len(r.findings) for r in reports)

    files, findings = benchmark.pedantic(run, rounds=1, iterations=1)
    assert files == len(paths)
    assert findings > files  # every article of the subset has findings on average
