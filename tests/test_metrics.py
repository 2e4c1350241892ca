"""Tests for checker.metrics: values must equal sacrebleu's own, computed directly."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
import sacrebleu
from sacrebleu.metrics import BLEU, CHRF, TER

from checker.metrics import CorpusScores, SentenceScores, corpus_scores, sentence_scores

HYPOTHESES = [
    "Le maire de Lyon a présenté mardi un nouveau plan de circulation pour le centre-ville.",
    "Les travaux commenceront en septembre et dureront environ dix-huit mois.",
    "Selon lui, la mesure réduira de 30 % le trafic sur les quais.",
]
REFERENCES = [
    "Mardi, le maire de Lyon a présenté un nouveau plan de circulation du centre-ville.",
    "Le chantier débutera en septembre et durera près de dix-huit mois.",
    "D'après lui, cette mesure fera baisser le trafic de 30 % sur les quais.",
]


@pytest.mark.parametrize(("hyp", "ref"), list(zip(HYPOTHESES, REFERENCES)))
def test_sentence_scores_equal_sacrebleu(hyp: str, ref: str) -> None:
    got = sentence_scores(hyp, ref)
    assert got == SentenceScores(
        chrf=sacrebleu.sentence_chrf(hyp, [ref]).score,
        chrfpp=CHRF(word_order=2).sentence_score(hyp, [ref]).score,
        bleu=BLEU(effective_order=True).sentence_score(hyp, [ref]).score,
        ter=TER().sentence_score(hyp, [ref]).score,
    )


def test_sentence_scores_are_unrounded_and_distinct() -> None:
    got = sentence_scores(HYPOTHESES[0], REFERENCES[0])
    # chrF++ adds word n-grams, so it must differ from plain chrF on a reordered sentence
    assert got.chrf != got.chrfpp
    assert any(round(v, 2) != v for v in (got.chrf, got.chrfpp, got.bleu, got.ter))


def test_identical_passage_scores_perfectly() -> None:
    got = sentence_scores(REFERENCES[1], REFERENCES[1])
    assert got.chrf == pytest.approx(100)
    assert got.chrfpp == pytest.approx(100)
    assert got.bleu == pytest.approx(100)
    assert got.ter == 0


def test_corpus_scores_equal_sacrebleu() -> None:
    got = corpus_scores(HYPOTHESES, REFERENCES)
    refs = [REFERENCES]
    assert got.bleu == sacrebleu.corpus_bleu(HYPOTHESES, refs).score
    assert got.chrf == sacrebleu.corpus_chrf(HYPOTHESES, refs).score
    assert got.chrfpp == CHRF(word_order=2).corpus_score(HYPOTHESES, refs).score
    assert got.ter == sacrebleu.corpus_ter(HYPOTHESES, refs).score


def test_corpus_signatures_name_settings_and_version() -> None:
    got = corpus_scores(HYPOTHESES, REFERENCES)
    assert set(got.signatures) == {"bleu", "chrf", "chrfpp", "ter"}
    for signature in got.signatures.values():
        assert f"version:{sacrebleu.__version__}" in signature
    direct = {"bleu": BLEU(), "chrf": CHRF(), "chrfpp": CHRF(word_order=2), "ter": TER()}
    for name, metric in direct.items():
        metric.corpus_score(HYPOTHESES, [REFERENCES])
        assert got.signatures[name] == str(metric.get_signature())
    assert "nw:2" in got.signatures["chrfpp"]


def test_repeated_calls_give_the_same_scores() -> None:
    first = corpus_scores(HYPOTHESES, REFERENCES)
    sentence_scores(HYPOTHESES[2], REFERENCES[0])
    assert corpus_scores(HYPOTHESES, REFERENCES) == first


@pytest.mark.parametrize(
    ("hyp", "ref", "ter"),
    [("", "", 0.0), ("", REFERENCES[0], 100.0), (HYPOTHESES[0], "", 100.0)],
)
def test_empty_strings_score_without_raising(hyp: str, ref: str, ter: float) -> None:
    got = sentence_scores(hyp, ref)
    assert (got.chrf, got.chrfpp, got.bleu, got.ter) == (0.0, 0.0, 0.0, ter)


def test_empty_corpus_scores_one_empty_pair() -> None:
    got = corpus_scores([], [])
    assert isinstance(got, CorpusScores)
    assert (got.bleu, got.chrf, got.chrfpp, got.ter) == (0.0, 0.0, 0.0, 0.0)
    assert set(got.signatures) == {"bleu", "chrf", "chrfpp", "ter"}


def test_corpus_with_an_empty_passage_among_others() -> None:
    hyps = [HYPOTHESES[0], ""]
    refs = [REFERENCES[0], REFERENCES[1]]
    assert corpus_scores(hyps, refs).bleu == sacrebleu.corpus_bleu(hyps, [refs]).score


def test_corpus_rejects_unaligned_lists() -> None:
    with pytest.raises(ValueError, match="aligned"):
        corpus_scores(HYPOTHESES, REFERENCES[:2])


def test_importing_metrics_does_not_import_sacrebleu() -> None:
    code = "import sys, checker.metrics; print('sacrebleu' in sys.modules)"
    root = Path(__file__).resolve().parents[1]
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=root)
    assert out.stdout.strip() == "False"
