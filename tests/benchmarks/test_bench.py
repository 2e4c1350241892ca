"""Speed and memory, measured with pytest-benchmark (never asserted as wall-clock limits).

Run them with ``python -m pytest tests/benchmarks --benchmark-enable``; in the ordinary
test run they execute once each (``--benchmark-disable``) so they stay honest smoke tests.
The corpus benchmarks use ``../shared/corpus`` and skip when it is absent.
"""

from __future__ import annotations

import subprocess
import sys
import tracemalloc
from pathlib import Path

import pytest

from checker.document import Document
from checker.engine import Engine
from checker.rules import builtin_rules_dir, load_rules

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
SEED = ROOT / "fixtures" / "seeds" / "004_db38bbbc97794af9.txt"


@pytest.fixture(scope="module")
def engine() -> Engine:
    ruleset = load_rules([builtin_rules_dir()])
    return Engine([r for r in ruleset.rules if r.enabled], ruleset.packs)


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


def test_check_seed_article(benchmark, engine: Engine) -> None:
    """All rules on one seed article, warm (lists already loaded)."""
    text = SEED.read_text(encoding="utf-8")
    engine.check(Document(text, "seed", "fr"))  # warm-up: load word lists
    result = benchmark(lambda: engine.check(Document(text, "seed", "fr")))
    assert not result.failures


def test_throughput_100k(benchmark, engine: Engine) -> None:
    """All rules over the 100 kB corpus subset (French and English)."""
    docs = [(p.read_text(encoding="utf-8"), "en" if p.name.startswith("en_") else "fr") for p in _subset("100k")]

    def run() -> int:
        return sum(len(engine.check(Document(t, "c", lang)).findings) for t, lang in docs)

    benchmark.pedantic(run, rounds=1, iterations=1)


def test_memory_one_article(engine: Engine) -> None:
    """Peak memory allocated while checking one article after warm-up, reported in the benchmark output."""
    text = SEED.read_text(encoding="utf-8")
    engine.check(Document(text, "seed", "fr"))
    tracemalloc.start()
    engine.check(Document(text, "seed", "fr"))
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"peak traced memory for one article: {peak / 1e6:.2f} MB")
    assert peak > 0
