"""Kind ``length-ratio`` (source mode): a translated passage much shorter than its source
passage for the language pair, a sign that part of it was left out.

The expected ratio of translated to source length (characters, white space collapsed) comes
from ``expected`` for the pair (``"en-fr" = 1.15``), else 1. A passage is reported, whole,
when its ratio divided by the expected one falls under ``min_ratio``, on its first word
(a whole-passage span would collide with Markdown markup inside it). Yields nothing without
a source. A passage the aligner left unmatched against an unmatched source passage at the
same place counts as its translation.

params:
- ``expected``: table of ``"src-tgt"`` primary language pairs to expected ratios.
- ``min_ratio``: relative ratio under which a passage is reported.
- ``min_chars``: source passages shorter than this are not judged.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.kinds._source import links, words_in
from checker.rules import Rule, param

NAME = "length-ratio"
PARAMS = {
    "expected": param(dict, default={}, doc="expected target/source length ratio per language pair"),
    "min_ratio": param(float, default=0.5, doc="relative ratio under which a passage is reported"),
    "min_chars": param(int, default=80, doc="shortest source passage judged"),
}


def _length(doc: Document, start: int, end: int) -> int:
    return len(" ".join(doc.prose[start:end].split()))


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Validate the expected ratios."""
    expected = {}
    for pair, value in rule.params["expected"].items():
        if not isinstance(value, (int, float)) or value <= 0:
            raise ValueError(f"expected.{pair}: must be a positive number")
        expected[str(pair)] = float(value)
    min_ratio = float(rule.params["min_ratio"])
    min_chars = int(rule.params["min_chars"])

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        alignment, pairs = links(doc, replaced=True)
        if alignment is None:
            return
        src_primary = alignment.lang.split("-")[0].lower()
        norm = expected.get(f"{src_primary}-{ctx.primary}", 1.0)
        for link in pairs:
            s = _length(alignment.source, link.source.start, link.source.end)
            if s < min_chars:
                continue
            t = _length(doc, link.target.start, link.target.end)
            ratio = t / s / norm
            first = next(words_in(doc, link.target), None)
            if ratio < min_ratio and first is not None:
                yield Hit(first.start, first.end,
                          args={"ratio": f"{t / s:.2f}", "expected": f"{norm:.2f}"}, confidence=0.6)

    return check
