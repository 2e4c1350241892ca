"""Document views on hostile white space cost what ordinary prose costs (pytest-benchmark).

Passages and sentences used to be found with patterns that retried at every position
of a white-space run (quadratic). The benchmarks below time the views on 100 kB of
each shape; compare their per-KB cost with ``prose`` in the benchmark table.
"""

from __future__ import annotations

import pytest

from checker.document import Document

SIZE = 100_000
PROSE = "Le conseil municipal a voté le budget mardi. Les travaux commenceront en mai.\n\n"
SHAPES = {
    "prose": (PROSE * (SIZE // len(PROSE) + 1))[:SIZE],
    "spaces": "Fin." + " " * SIZE + "\nSuite.",
    "tabs": "Fin." + "\t" * SIZE + "\nSuite.",
    "blank-lines": "Fin." + " \n" * (SIZE // 2) + "Suite.",
    "no-break-spaces": "Fin." + "\u00a0" * SIZE + "Suite.",
    "one-line": ("Phrase courte. " * (SIZE // 15 + 1))[:SIZE],
}


def _views(text: str) -> int:
    doc = Document(text, "<bench>", "fr")
    return len(doc.passages) + len(doc.sentences) + len(doc.tokens)


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_views_per_shape(benchmark, shape: str) -> None:
    assert benchmark(_views, SHAPES[shape]) >= 1
