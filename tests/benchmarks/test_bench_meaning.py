"""The meaning-level rules of issue 8 (MT560–MT565) on long and hostile shapes (pytest-benchmark).

Each shape is about 200 kB; compare the means with ``prose``
(``python -m pytest tests/benchmarks/test_bench_meaning.py --benchmark-enable``): a rule that
went quadratic on one shape (a capitalised run as long as the text, thousands of mentions of
one name, a squad list of thousands of clubs) would stand out by orders of magnitude.
"""

from __future__ import annotations

import pytest

from checker import Linter

SIZE = 200_000
CODES = ["MT560", "MT561", "MT562", "MT563", "MT564", "MT565", "MT117", "MT436"]

SHAPES = {
    "prose": lambda: ("Le défenseur Tan Wei Ming a rejoint le FC Utrecht. Shakira a parlé à ses fans. " * 3000)[:SIZE],
    "one-capitalised-run": lambda: ("Wong Li Chan Bridge Ming " * (SIZE // 25 + 1))[:SIZE] + ".",
    "many-heads": lambda: "".join(f"Le Cup {i % 90} et la Coupe {i % 90} ; " for i in range(SIZE // 25))[:SIZE],
    "club-list": lambda: "".join(f"Joueur {i} (FC grommel{i % 7}), " for i in range(SIZE // 25))[:SIZE],
    "pronouns": lambda: ("Maria Rossi said his father called; he was glad and his team too. " * 3000)[:SIZE],
}


@pytest.fixture(scope="module")
def linter() -> Linter:
    lint = Linter(lang="fr", select=CODES, timeout=0)
    lint.check_text("Le maire a parlé.")  # build the rules and load the word lists once
    return lint


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_meaning_rules_per_shape(benchmark, linter: Linter, shape: str) -> None:
    text = SHAPES[shape]()
    report = benchmark.pedantic(lambda: linter.check_text(text), rounds=1, iterations=1)
    assert report.error is None and not report.failures
    for f in report.findings:
        assert text[f.start:f.end] == f.text
