"""Kind ``source-omission`` (source mode): a source passage with no counterpart in the translation.

The alignment leaves a source passage unmatched when the counts force a gap. It is not
reported when the translation has as many unmatched passages as the source (the
aligner mispaired them; nothing was dropped), when it was merged into a neighbouring translated passage (the neighbour matches
the two source passages together better than its own alone) or replaced by an unmatched
translated passage. The finding has no span of its own in the translation: it is reported
on the first word of the next aligned translated passage (the last word of the article when
none follows), with the source passage's first words in the message. Yields nothing without
a source.

params:
- ``min_words``: words an omitted source passage needs.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.align import cross_language_similarity
from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.kinds._source import first_words, words_in
from checker.rules import Rule, param

NAME = "source-omission"
PARAMS = {"min_words": param(int, default=5, doc="words an omitted source passage needs")}


def _flat(doc: Document, i: int) -> str:
    p = doc.passages[i]
    return " ".join(doc.prose[p.start : p.end].split())


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Read the threshold."""
    min_words = int(rule.params["min_words"])

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        from checker.compare import source_of

        alignment = source_of(doc)
        if alignment is None or not doc.tokens:
            return
        src = alignment.source
        pairs = alignment.pairs
        # as many translated passages left over as source ones: passages were mispaired, not dropped
        budget = sum(p.right is None for p in pairs) - sum(p.left is None for p in pairs)
        if budget <= 0:
            return
        for n, pair in enumerate(pairs):
            if pair.left is None or pair.right is not None:
                continue
            span = src.passages[pair.left]
            if len([t for t in words_in(src, span)]) < min_words:
                continue
            before = pairs[n - 1] if n else None
            after = pairs[n + 1] if n + 1 < len(pairs) else None
            if any(p is not None and p.left is None for p in (before, after)):
                continue  # replaced by an unmatched translated passage
            merged = False
            for p, order in ((before, -1), (after, 1)):
                if p is None or p.left is None or p.right is None:
                    continue
                both = (_flat(src, p.left), _flat(src, pair.left))[::order]
                if cross_language_similarity(" ".join(both), _flat(doc, p.right)) > p.similarity:
                    merged = True
            if merged:
                continue
            nxt = next((p for p in pairs[n + 1 :] if p.right is not None), None)
            if nxt is not None:
                where = next(words_in(doc, doc.passages[nxt.right]), None)
            else:
                where = doc.words[-1] if doc.words else None
            if where is None:
                continue
            yield Hit(where.start, where.end, args={"source": first_words(src, span)}, confidence=0.8)

    return check
