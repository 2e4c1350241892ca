"""The seed articles and the written fixtures against their annotations (the logic of goldcheck.py)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.finding import Severity
from goldlib import GoldScore, gold_files, load_gold, score
from conftest import default_linter

ROOT = Path(__file__).resolve().parent.parent
LINTER = default_linter()
SEEDS = gold_files([ROOT / "fixtures" / "seeds"])
ARTICLES = gold_files([ROOT / "fixtures" / "articles"])
CLEAN = sorted([*(ROOT / "fixtures" / "clean").rglob("*.txt"), *(ROOT / "fixtures" / "clean").rglob("*.md"),
                # clean-room rounds kept out of fixtures/ so that the whole-fixture tests stay short
                *(ROOT / "tests" / "data" / "clean-rounds").rglob("*.txt")])


def _check(path: Path) -> GoldScore:
    gold, article = load_gold(path)
    report = LINTER.check_text(article.read_text(encoding="utf-8"), lang=gold["lang"], path=str(article))
    assert not report.failures, report.failures
    return score(gold, report.findings, article.name)


@pytest.mark.parametrize("path", SEEDS + ARTICLES, ids=lambda p: f"{p.parent.name}/{p.name.split('.')[0]}")
def test_required_found_and_guarded_spans_clean(path: Path) -> None:
    result = _check(path)
    missed = [m for m in result.missed if "required" in m]
    assert not missed, "\n".join(missed)
    assert not result.violations, "\n".join(result.violations)


def test_seed_recall_of_all_annotations(capsys: pytest.CaptureFixture[str]) -> None:
    total = GoldScore()
    for path in SEEDS:
        gold, article = load_gold(path)
        report = LINTER.check_text(article.read_text(encoding="utf-8"), lang=gold["lang"], path=str(article))
        score(gold, report.findings, article.name, total)
    with capsys.disabled():
        print(f"\nseed recall: {sum(total.found.values())}/{sum(total.total.values())} ({total.recall:.0%})")
        for line in total.missed:
            print("  " + line)
    assert total.required_found == total.required_total
    assert total.recall >= 0.8


@pytest.mark.parametrize("path", CLEAN, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_clean_fixture_is_silent(path: Path) -> None:
    lang = path.parent.name
    result = LINTER.check_text(path.read_text(encoding="utf-8"), lang=lang, path=str(path))
    assert not result.failures, result.failures
    doc = result.document
    assert doc is not None
    loud = [
        f"{doc.position(f.start)} {f.code} {f.text!r}: {f.message}"
        for f in result.findings
        if f.severity.rank >= Severity.MINOR.rank
    ]
    assert not loud, "\n".join(loud)
