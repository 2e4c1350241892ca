"""MQM scores: the contract's formula, configurable weights, --fail-under, and how reports show scores."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest

from checker.cli import main
from checker.document import Document
from checker.finding import DEFAULT_WEIGHTS, Finding, Severity
from checker.scoring import penalty, score, score_file, score_passages

# one doubled word (a minor grammar finding) in the second passage only
ARTICLE = (
    "Le conseil municipal a voté le budget mardi soir.\n\n"
    "Le maire a dit que le le projet avance.\n\n"
    "Les travaux commenceront au printemps prochain."
)
CLEAN = "Le maire a présenté le projet aux habitants du quartier.\n"


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def _finding(start: int, end: int, severity: Severity) -> Finding:
    return Finding("MT999", "x", "grammar", severity, "m", start, end, "x")


@pytest.mark.parametrize(
    ("words", "pen", "expected"),
    [(100, 0, 100.0), (100, 5, 95.0), (3, 1, 66.7), (10, 25, 0.0), (0, 0, 100.0), (0, 1, 0.0), (7, 2, 71.4)],
)
def test_formula(words: int, pen: float, expected: float) -> None:
    assert score(words, pen) == expected
    if words:
        assert expected == round(max(0.0, 100 * (1 - pen / words)), 1)


def test_penalty_sums_weights_and_info_counts_nothing() -> None:
    fs = [_finding(0, 1, Severity.MAJOR), _finding(1, 2, Severity.MINOR), _finding(2, 3, Severity.INFO)]
    assert penalty(fs, DEFAULT_WEIGHTS) == 6
    assert penalty(fs, {**DEFAULT_WEIGHTS, "major": 10}) == 11


def test_passage_and_file_scores() -> None:
    doc = Document(ARTICLE, "x", "fr")
    at = ARTICLE.index("le le")
    fs = [_finding(at, at + 5, Severity.MAJOR)]
    passages = score_passages(doc, fs, DEFAULT_WEIGHTS)
    assert [p.penalty for p in passages] == [0, 5, 0]
    second = passages[1]
    assert second.words == len(doc.tokens_in(second.start, second.end)) == 9
    assert second.score == score(9, 5)
    assert score_file(doc, fs, DEFAULT_WEIGHTS) == score(doc.word_count, 5)


def _report(tmp_path: Path, *argv: str, text: str = ARTICLE) -> tuple[int, dict]:
    p = tmp_path / "a.txt"
    p.write_text(text, encoding="utf-8")
    code, out, err = cli("check", "--format", "json", "--lang", "fr", *argv, str(p))
    assert out, err
    return code, json.loads(out)


def test_json_passages_score_and_passed(tmp_path: Path) -> None:
    code, rep = _report(tmp_path)
    f = rep["files"][0]
    minor = [i for i in f["issues"] if i["severity"] == "minor"]
    assert [i["code"] for i in f["issues"]] == ["MT211"] and len(minor) == 1
    assert [p["index"] for p in f["passages"]] == [0, 1, 2]
    hit = f["passages"][minor[0]["passage"]]
    assert hit["penalty"] == 1 and hit["score"] == score(hit["words"], 1)
    assert all(p["score"] == 100.0 for p in f["passages"] if p is not hit)
    assert f["score"] == score(f["words"], 1)
    assert f["passed"] is False and code == 1


def test_configured_weights_change_scores(tmp_path: Path) -> None:
    _, base = _report(tmp_path)
    (tmp_path / "cfg").mkdir()
    cfg = tmp_path / "cfg" / ".mtlint.toml"
    cfg.write_text("weights = {minor = 3}\n", encoding="utf-8")
    _, heavy = _report(tmp_path, "--config", str(cfg))
    f = heavy["files"][0]
    assert heavy["settings"]["weights"]["minor"] == 3
    assert f["score"] == score(f["words"], 3) < base["files"][0]["score"]
    cfg.write_text("weights = {major = 10}\n", encoding="utf-8")
    _, rep = _report(tmp_path, "--config", str(cfg))
    assert rep["settings"]["weights"]["major"] == 10 and rep["files"][0]["score"] == base["files"][0]["score"]


def test_major_weight_from_config_applies_to_major_findings(tmp_path: Path) -> None:
    (tmp_path / "cfg").mkdir()
    cfg = tmp_path / "cfg" / ".mtlint.toml"
    cfg.write_text('weights = {major = 10}\n[severity]\nMT211 = "major"\n', encoding="utf-8")
    _, rep = _report(tmp_path, "--config", str(cfg))
    f = rep["files"][0]
    assert f["issues"][0]["severity"] == "major" and f["score"] == score(f["words"], 10)


def test_fail_under_exit_code(tmp_path: Path) -> None:
    _, rep = _report(tmp_path)
    s = rep["files"][0]["score"]
    assert _report(tmp_path, "--fail-on", "critical", "--fail-under", str(s))[0] == 0
    code, rep = _report(tmp_path, "--fail-on", "critical", "--fail-under", str(s + 0.1))
    assert code == 1 and rep["files"][0]["passed"] is False


def test_text_output_ends_with_score_and_worst_passages(tmp_path: Path) -> None:
    p = tmp_path / "a.txt"
    p.write_text(ARTICLE, encoding="utf-8")
    _, out, _ = cli("check", "--lang", "fr", str(p))
    lines = out.splitlines()
    score_line = next(i for i, line in enumerate(lines) if re.search(r": score \d+\.\d \(\d+ words, (passed|failed)\)$", line))
    passage = lines[score_line + 1]
    m = re.match(r"^  passage (\d+) \(lines (\d+)\): score (\d+\.\d)  (.+)$", passage)
    assert m, passage
    assert m.group(1) == "1" and m.group(2) == "3"
    assert ARTICLE.split("\n\n")[1].startswith(m.group(4).rstrip(" …"))


def test_summary_mean_and_worst_file(tmp_path: Path) -> None:
    (tmp_path / "bad.txt").write_text(ARTICLE, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(CLEAN, encoding="utf-8")
    _, out, _ = cli("check", "--format", "json", "--lang", "fr", str(tmp_path))
    rep = json.loads(out)
    scores = {Path(f["path"]).name: f["score"] for f in rep["files"]}
    s = rep["summary"]
    assert s["mean_score"] == round(sum(scores.values()) / 2, 1)
    assert Path(s["worst_file"]["path"]).name == "bad.txt" and s["worst_file"]["score"] == scores["bad.txt"]
    _, text, _ = cli("check", "--lang", "fr", str(tmp_path))
    assert f"mean score {s['mean_score']:.1f}, worst {s['worst_file']['path']}" in text
