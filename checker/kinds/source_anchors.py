"""Kind ``source-anchors`` (source mode): numbers, URLs, e-mail addresses, @handles and #hashtags
that differ between an aligned source passage and its translation.

Numbers compare by their digits only, so locale formats (``1,200``/``1 200``, ``3.5``/``3,5``)
agree; a 24-hour time may stand for a 12-hour one (``14 h``/``2 pm``). Anchors of the
neighbouring aligned passages count too, so a sentence moved across a passage break is
not reported. Yields nothing without a source.

params:
- ``mode``: ``differ`` reports an anchor of the translation absent from the source when an
  anchor of the same kind of the source is absent from the translation (suggesting it when
  there is exactly one; a number without a lost one beside it was spelled out in the source); ``missing``
  reports the source anchors absent from the translation (one finding per passage, on the
  translated passage's first word), leaving out kinds that ``differ`` already reports there.
- ``min_missing_digits``: a missing number needs this many digits (small numbers are often
  written out in words).
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.kinds._source import Anchor, anchors, links, words_in
from checker.rules import Rule, param

NAME = "source-anchors"
PARAMS = {
    "mode": param(str, default="differ", doc="'differ' or 'missing'"),
    "min_missing_digits": param(int, default=3, doc="digits a missing number needs to be reported"),
}


def _equivalent_keys(a: Anchor) -> set[str]:
    """Keys under which an anchor may appear on the other side (12/24-hour clock)."""
    keys = {a.key}
    if a.kind == "number" and a.key[7:].isdigit():
        n = int(a.key[7:])
        if 1 <= n <= 24:
            keys.update(f"number:{m}" for m in (n - 12, n + 12) if 0 <= m <= 24)
    return keys


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Validate the mode."""
    mode = rule.params["mode"]
    if mode not in ("differ", "missing"):
        raise ValueError(f"mode must be 'differ' or 'missing', not {mode!r}")
    min_digits = rule.params["min_missing_digits"]

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        alignment, pairs = links(doc)
        if alignment is None:
            return
        src_doc = alignment.source
        src = [anchors(src_doc, p.source.start, p.source.end) for p in pairs]
        tgt = [anchors(doc, p.target.start, p.target.end) for p in pairs]
        for k, link in enumerate(pairs):
            near = range(max(0, k - 1), min(len(pairs), k + 2))
            src_near = {a.key for n in near for a in src[n]}
            tgt_near = {a.key for n in near for a in tgt[n]}
            own_tgt = {a.key for a in tgt[k]}
            # a number split by the translation ("9, 999" for 9,999) is present in the digits joined
            joined = "".join(a.key[7:] for a in tgt[k] if a.kind == "number")
            split = {b.key for b in src[k] if b.kind == "number" and len(b.key) >= 10 and b.key[7:] in joined}
            extra = [
                a for a in tgt[k]
                if not (_equivalent_keys(a) & src_near)
                and not (a.kind == "number" and any(a.key[7:] in key[7:] for key in split))
            ]
            lost = {
                kind: list(dict.fromkeys(b.text for b in src[k] if b.kind == kind
                                         and not (_equivalent_keys(b) & own_tgt) and b.key not in split))
                for kind in {a.kind for a in extra}
            }
            if mode == "differ":
                for a in extra:
                    # a number with nothing lost beside it was spelled out in the source ("ten" → 10)
                    if not lost[a.kind]:
                        continue
                    texts = lost[a.kind]
                    yield Hit(
                        a.start, a.end,
                        suggestions=(texts[0],) if len(texts) == 1 else (),
                        args={"source": ", ".join(texts)},
                        confidence=0.9 if len(texts) == 1 else 0.7,
                    )
                continue
            differing = {kind for kind, texts in lost.items() if texts}
            missing = [
                b.text for b in src[k]
                if b.kind not in differing and b.key not in split and not (_equivalent_keys(b) & tgt_near)
                and (b.kind != "number" or sum(ch.isdigit() for ch in b.text) >= min_digits)
            ]
            first = next(words_in(doc, link.target), None)
            if missing and first is not None:
                yield Hit(first.start, first.end, args={"source": ", ".join(dict.fromkeys(missing))}, confidence=0.7)

    return check
