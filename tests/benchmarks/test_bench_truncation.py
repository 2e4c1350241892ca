"""The truncation kinds of issue #7 (MT180 lost-initial, MT181 cut-name) on their worst shapes (pytest-benchmark).

Both look at every line start or line end: a document of 200 kB of short lines, each
starting with a lowercase fragment or ending with a capitalised one, is their worst
case. Compare the means with ``prose`` (``--benchmark-enable``): they stay of the same
order per KB, one pass over the words and one look-up per line.
"""

from __future__ import annotations

import pytest

from checker import Linter

SIZE = 200_000

def _tag(i: int) -> str:
    """Two lowercase letters for i: distinct fragments without digits."""
    return chr(97 + i % 26) + chr(97 + i // 26 % 26)


SHAPES = {
    "prose": lambda: ("Le maire a parlé au conseil municipal mardi soir devant les élus.\n\n" * (SIZE // 66 + 1))[:SIZE],
    "line-starts": lambda: "".join(f"ordeaux{_tag(i)}\nBordeaux{_tag(i)} et Valdremont.\n" for i in range(SIZE // 40)),
    "line-ends": lambda: "".join(f"Reportage à Valdr{_tag(i)}\nValdr{_tag(i)}emont est calme.\n" for i in range(SIZE // 45)),
    "caps-headings": lambda: "".join(
        f"LE MINISTRE PROMET UNE ENVELOPPE AUX AGRICULTE{'ABCDEFGHIJ'[i % 10]}\nLe ministre a parlé lundi.\n"
        for i in range(SIZE // 80)
    ),
}


@pytest.fixture(scope="module")
def linter() -> Linter:
    lint = Linter(lang="fr", select=["MT180", "MT181"], timeout=0)
    lint.check_text("Le maire a parlé.\nLE MINISTRE PROMET UNE ENVELOPPE AUX AGRICULTE\n")  # load the lists once
    return lint


@pytest.mark.parametrize("shape", sorted(SHAPES))
def test_truncation_kinds_per_shape(benchmark, linter: Linter, shape: str) -> None:
    text = SHAPES[shape]()
    report = benchmark.pedantic(lambda: linter.check_text(text), rounds=1, iterations=1)
    assert report.error is None and not report.failures
