"""Reference-based MT metrics (BLEU, chrF, chrF++, TER) as thin wrappers over sacrebleu.

sacrebleu is imported on first use only, so plain ``mtlint check`` starts fast. Scores
are returned exactly as sacrebleu computes them (0..100, unrounded); rounding belongs
to the formatters.

Empty strings never raise: they are passed to sacrebleu, which scores an empty
hypothesis or reference as BLEU 0, chrF 0, and TER 100 (or TER 0 when both are empty).
``corpus_scores`` over zero pairs scores a single empty pair, so it still returns
signatures.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import cache
from typing import TYPE_CHECKING, Any

from checker.dataclass import dataclass

if TYPE_CHECKING:  # pragma: no cover
    from sacrebleu.metrics.base import Metric


@dataclass(frozen=True)
class SentenceScores:
    """Sentence-level scores of one hypothesis passage against its reference."""

    chrf: float
    chrfpp: float
    bleu: float
    ter: float


@dataclass(frozen=True)
class CorpusScores:
    """Corpus-level scores over aligned passage pairs, with sacrebleu signatures."""

    bleu: float
    chrf: float
    chrfpp: float
    ter: float
    signatures: dict[str, str]


@cache
def _metric(name: str) -> Metric:
    """Build (once) the sacrebleu metric object called ``name``."""
    from sacrebleu.metrics import BLEU, CHRF, TER

    factories: dict[str, Any] = {
        # effective_order avoids a zero BLEU for short passages lacking 4-gram matches
        "sentence_bleu": lambda: BLEU(effective_order=True),
        "bleu": BLEU,
        "chrf": CHRF,
        "chrfpp": lambda: CHRF(word_order=2),
        "ter": TER,
    }
    return factories[name]()


def sentence_scores(hypothesis: str, reference: str) -> SentenceScores:
    """chrF, chrF++ (word_order=2), BLEU with effective order, TER for one passage pair, via sacrebleu."""
    refs = [reference]
    return SentenceScores(
        chrf=_metric("chrf").sentence_score(hypothesis, refs).score,
        chrfpp=_metric("chrfpp").sentence_score(hypothesis, refs).score,
        bleu=_metric("sentence_bleu").sentence_score(hypothesis, refs).score,
        ter=_metric("ter").sentence_score(hypothesis, refs).score,
    )


def corpus_scores(hypotheses: Sequence[str], references: Sequence[str]) -> CorpusScores:
    """Corpus BLEU, chrF, chrF++, TER over aligned passage pairs, with sacrebleu's signatures."""
    if len(hypotheses) != len(references):
        raise ValueError(
            f"corpus_scores needs aligned pairs: {len(hypotheses)} hypotheses, {len(references)} references"
        )
    hyps = list(hypotheses) or [""]
    refs = [list(references) or [""]]
    scores: dict[str, float] = {}
    signatures: dict[str, str] = {}
    for name in ("bleu", "chrf", "chrfpp", "ter"):
        metric = _metric(name)
        scores[name] = metric.corpus_score(hyps, refs).score
        signatures[name] = str(metric.get_signature())
    return CorpusScores(signatures=signatures, **scores)
