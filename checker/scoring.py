"""MQM-style scores for passages and files (the formula of the public contract).

penalty = Σ weight(severity) over the findings; score = max(0, 100 × (1 − penalty / words)),
rounded to one decimal. A span of no words scores 100 without findings and 0 with any penalty.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from checker.dataclass import dataclass
from checker.document import Document
from checker.finding import Finding


@dataclass(frozen=True)
class PassageScore:
    """The score of one passage (a block between blank lines)."""

    index: int
    start: int
    end: int
    words: int
    penalty: float
    score: float


def score(words: int, penalty: float) -> float:
    """The contract's formula, rounded to one decimal."""
    if words <= 0:
        return 100.0 if penalty <= 0 else 0.0
    return round(max(0.0, 100.0 * (1.0 - penalty / words)), 1)


def penalty(findings: Sequence[Finding], weights: Mapping[str, float]) -> float:
    """Sum of the severity weights of `findings`."""
    return float(sum(weights.get(f.severity.value, 0.0) for f in findings))


def passage_of(doc: Document, finding: Finding) -> int | None:
    """Index of the passage a finding belongs to (the one its start lies in, or the nearest before)."""
    return doc.passage_index(finding.start)


def score_passages(doc: Document, findings: Sequence[Finding], weights: Mapping[str, float]) -> list[PassageScore]:
    """A PassageScore for every passage of `doc`."""
    by_passage: dict[int, list[Finding]] = {}
    for f in findings:
        i = passage_of(doc, f)
        if i is not None:
            by_passage.setdefault(i, []).append(f)
    out = []
    for i, p in enumerate(doc.passages):
        words = len(doc.tokens_in(p.start, p.end))
        pen = penalty(by_passage.get(i, []), weights)
        out.append(PassageScore(i, p.start, p.end, words, pen, score(words, pen)))
    return out


def score_file(doc: Document, findings: Sequence[Finding], weights: Mapping[str, float]) -> float:
    """The score of a whole file over all its words."""
    return score(doc.word_count, penalty(findings, weights))
