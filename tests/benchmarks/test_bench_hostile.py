"""Whole checks on hostile shapes cost about what ordinary prose costs per KB (pytest-benchmark).

Each shape is about 200 kB; compare the means with ``prose`` in the benchmark table
(``python -m pytest tests/benchmarks/test_bench_hostile.py --benchmark-enable``).
Shapes that used to hang: long white-space runs (quadratic passage split), nested
Markdown markers, one huge line, a long document of repeated passages, one huge token
(elided, hyphenated or plain); a blank run inside one sentence, a Markdown tag with a huge
attribute, a Markdown table row of thousands of cells, one word repeated.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from checker import Linter

SIZE = 200_000
ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "fixtures" / "seeds" / "000_b98ad2366a915eed.txt"


def _prose() -> str:
    text = SEED.read_text(encoding="utf-8")
    # Distinct passages (a number in each) so that the repetition rules see ordinary prose.
    parts, n = [], 0
    while sum(map(len, parts)) < SIZE:
        parts.append(f"{text}\n\nÉdition {n}.\n\n")
        n += 1
    return "".join(parts)[:SIZE]


SHAPES = {
    "prose": (_prose, False),
    "spaces": (lambda: "Fin." + " " * SIZE + "\nSuite.\n", False),
    "tabs": (lambda: "Fin." + "\t" * SIZE + "\nSuite.\n", False),
    "blank-lines": (lambda: "Fin.\n" + " \n" * (SIZE // 2) + "Suite.\n", False),
    "nested-markdown": (lambda: "".join("  " * (i % 40) + "- item\n" for i in range(SIZE // 50)), True),
    "nested-quotes": (lambda: "> " * (SIZE // 4) + "texte\n", True),
    "one-line": (lambda: ("Le maire a parlé au conseil. " * (SIZE // 29 + 1))[:SIZE] + "\n", False),
    "dotted-run": (lambda: "Voir " + "a." * (SIZE // 2) + "\n", False),
    # One huge token: each letter used to start a scan of the rest (space-before-mark's word,
    # the non-word's compound halves and suggestions, the glued-word splits).
    "elided-run": (lambda: "Voir " + "l'" * (SIZE // 2) + "x\n", False),
    "hyphen-run": (lambda: "Voir " + "a-" * (SIZE // 2) + "b\n", False),
    "one-token": (lambda: "Voir " + ("abcdefghij" * (SIZE // 10 + 1))[:SIZE] + "\n", False),
    "repeated-passages": (lambda: ("Le maire a parlé au conseil municipal mardi soir.\n\n" * (SIZE // 51 + 1))[:SIZE], False),
    # A blank run inside one sentence (patterns tried from each of its blanks), and the same
    # in Markdown: an inline tag whose huge attribute is masked to blanks.
    "blank-run-in-sentence": (lambda: "Le maire" + " " * SIZE + "a parlé.\n", False),
    "markdown-huge-attribute": (lambda: 'Texte <a href="' + "x" * SIZE + '">lien</a> suite.\n', True),
    # One table row of thousands of cells (each cell's mapping re-split the row).
    "markdown-wide-table": (lambda: "| a " * (SIZE // 12) + "|\n" + "|---" * (SIZE // 12) + "|\n"
                            + "| mot " * (SIZE // 12) + "|\n", True),
    # One word over and over: many matches inside many exception spans (doubled-word rules).
    "doubled-words": (lambda: ("Paris " * (SIZE // 6 + 1))[:SIZE] + "\n", False),
}


@pytest.fixture(scope="module")
def linter() -> Linter:
    lint = Linter(lang="fr", timeout=0)
    lint.check_text("Le maire a parlé.")  # build the rules and load the word lists once
    return lint


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_check_per_shape(benchmark, linter: Linter, shape: str) -> None:
    make, markdown = SHAPES[shape]
    text = make()
    report = benchmark.pedantic(lambda: linter.check_text(text, markdown=markdown), rounds=1, iterations=1)
    assert report.error is None and not report.failures
