"""Kind ``style-mix``: one document mixing two spellings of the same mark (’ and ', « » and "…").

Every match of ``pattern`` is an occurrence; its ``mark`` group says which variant it
uses. When one variant clearly dominates, each occurrence of the others is reported,
with the dominant variant as the suggestion. A document that uses one variant only,
or mixes them about equally, gives nothing. Occurrences inside URLs, e-mail addresses
and handles are not prose and are ignored.

params:
- ``pattern``: expression with a group named ``mark``; the reported span is the whole match.
- ``variants``: the interchangeable spellings of ``mark``.
- ``min_majority``: the dominant variant must occur at least this often.
- ``max_share``: the other variants together must make at most this share of occurrences.
- ``ignore_case``: match the pattern case-insensitively.
- ``per_sentence``: report the minority occurrences of one sentence as one finding, from the
  first to the last (``l'Économie, de l'Innovation et de l'Énergie``), with every minority mark
  of that span replaced in the suggestion; a majority occurrence between them, or a gap of
  more than 80 characters, splits them.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.rules import Rule, param

NAME = "style-mix"
PARAMS = {
    "pattern": param(str, required=True, doc="expression with a group named 'mark'"),
    "variants": param(list, required=True, doc="interchangeable spellings of the mark"),
    "min_majority": param(int, default=3),
    "max_share": param(float, default=0.4),
    "ignore_case": param(bool, default=False),
    "per_sentence": param(bool, default=False),
}

_NOT_PROSE = frozenset({"url", "email", "handle"})
# Minority occurrences of one sentence further apart than this are reported apart.
_MAX_GAP = 80


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Compile the pattern and check the variants once."""
    p = rule.params
    pattern = regex.compile(p["pattern"], regex.IGNORECASE if p["ignore_case"] else 0)
    if "mark" not in pattern.groupindex:
        raise ValueError("pattern needs a group named 'mark'")
    variants = [str(v) for v in p["variants"]]
    if len(variants) < 2 or len(set(variants)) != len(variants):
        raise ValueError("variants: give at least two different spellings")
    min_majority, max_share = p["min_majority"], p["max_share"]
    per_sentence = p["per_sentence"]
    if not 0 < max_share < 0.5:
        raise ValueError("max_share must be in (0, 0.5)")

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        text = doc.prose
        if sum(v in text for v in variants) < 2:
            return
        skip = [(t.start, t.end) for t in doc.tokens if t.kind in _NOT_PROSE]
        starts = [s for s, _ in skip]
        found = []
        for m in pattern.finditer(text, timeout=5.0):  # a house pattern must not hang a run
            mark = m.group("mark")
            if mark not in variants or _inside(skip, starts, m.start("mark")):
                continue
            found.append(m)
        counts = Counter(m.group("mark") for m in found)
        if len(counts) < 2:
            return
        major, n_major = counts.most_common(1)[0]
        minority = sum(counts.values()) - n_major
        if n_major < min_majority or minority / (minority + n_major) > max_share:
            return
        groups: list[list] = []
        last = None  # (sentence index, end) of the previous minority occurrence
        sent_starts = [sp.start for sp in doc.sentences] if per_sentence else []
        for m in found:
            if m.group("mark") == major:
                last = None  # a majority occurrence between two minority ones splits them
                continue
            k = bisect.bisect_right(sent_starts, m.start()) - 1 if per_sentence else -1
            if last and k >= 0 and k == last[0] and m.start() - last[1] <= _MAX_GAP:
                groups[-1].append(m)
            else:
                groups.append([m])
            last = (k, m.end())
        for group in groups:
            start, end = group[0].start(), group[-1].end()
            pieces, pos = [], start
            for m in group:
                ms, me = m.span("mark")
                pieces += [doc.text[pos:ms], major]
                pos = me
            pieces.append(doc.text[pos:end])
            yield Hit(start, end, suggestions=("".join(pieces),),
                      args={"major": major, "minor": group[0].group("mark"), "count": str(n_major)})

    return check


def _inside(spans: list[tuple[int, int]], starts: list[int], offset: int) -> bool:
    i = bisect.bisect_right(starts, offset) - 1
    return i >= 0 and spans[i][0] <= offset < spans[i][1]
