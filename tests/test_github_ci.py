"""--format github on many findings (most severe first, a notice with the count left out) and the step summary."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from conftest import ROOT

from checker.cli import main
from checker.formats.github import SHOWN_PER_LEVEL
from test_format_github import _parse

RANK = {"error": 2, "warning": 1, "notice": 0}


@pytest.mark.slow
def test_fixtures_put_the_most_severe_first_with_a_notice(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.chdir(ROOT)
    summary = tmp_path / "summary.md"
    summary.write_text("earlier step\n", encoding="utf-8")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    out = io.StringIO()
    code = main(["check", "--format", "github", "fixtures"], out, io.StringIO())
    assert code == 1
    lines = out.getvalue().splitlines()
    level, props, message = _parse(lines[0])
    assert level == "notice" and "file" not in props
    parsed = [_parse(line) for line in lines[1:]]
    counts = {lv: sum(1 for p in parsed if p[0] == lv) for lv in RANK}
    hidden = sum(max(0, n - SHOWN_PER_LEVEL) for n in counts.values())
    assert hidden > 100  # the fixtures give far more than GitHub shows
    assert f"so {hidden} are left out" in message
    ranks = [RANK[p[0]] for p in parsed]
    assert ranks == sorted(ranks, reverse=True)  # errors, then warnings, then notices
    # Every finding is still annotated (the log keeps them all).
    text = io.StringIO()
    main(["check", "--format", "json", "fixtures"], text, io.StringIO())
    import json

    report = json.loads(text.getvalue())
    assert len(parsed) == report["summary"]["issues"]
    md = summary.read_text(encoding="utf-8")
    assert md.startswith("earlier step\n## mtlint\n")  # appended, never overwritten
    seed = next(f for f in report["files"] if f["path"].endswith("004_db38bbbc97794af9.txt"))
    assert f"| `{seed['path']}` | {seed['score']:.1f} |" in md  # each file's score, as the JSON gives it
    assert "| rule | name | count |" in md and "Worst passages:" in md


def test_critical_before_major_and_no_notice_when_all_shown(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    (tmp_path / ".mtlint.toml").write_text('severity = { MT211 = "critical" }\n', encoding="utf-8")
    lines = [f"Phrase {i} avec un café du port, cafÃ© compris." for i in range(12)] + ["Le le projet."]
    path = tmp_path / "a.txt"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    out = io.StringIO()
    main(["check", "--lang", "fr", "--format", "github", "--select", "MT211,MT231", str(path)], out, io.StringIO())
    parsed = [_parse(line) for line in out.getvalue().splitlines()]
    assert parsed[0][0] == "notice" and "so 3 are left out" in parsed[0][2]
    assert parsed[1][1]["title"].startswith("MT211")  # critical, on the last line, comes first
    assert [p[1]["title"].split()[0] for p in parsed[2:]] == ["MT231"] * 12
    # Few findings: no notice, and the report's order.
    small = tmp_path / "b.txt"
    small.write_text("Le cafÃ© du port.\nLe le projet.\n", encoding="utf-8")
    out = io.StringIO()
    main(["check", "--lang", "fr", "--format", "github", "--select", "MT211,MT231", str(small)], out, io.StringIO())
    titles = [_parse(line)[1]["title"].split()[0] for line in out.getvalue().splitlines()]
    assert titles == ["MT231", "MT211"]


def test_step_summary_only_when_the_variable_is_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Le le projet | est `lancé`.\n", encoding="utf-8")
    summary = tmp_path / "summary.md"
    monkeypatch.delenv("GITHUB_STEP_SUMMARY", raising=False)
    main(["check", "--lang", "fr", "--format", "github", str(path)], io.StringIO(), io.StringIO())
    assert not summary.exists()
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    main(["check", "--lang", "fr", "--format", "text", str(path)], io.StringIO(), io.StringIO())
    assert not summary.exists()  # only the github format writes it
    main(["check", "--lang", "fr", "--format", "github", "--select", "MT211", str(path)], io.StringIO(), io.StringIO())
    md = summary.read_text(encoding="utf-8")
    assert "1 issue in 1 file (1 minor)" in md
    assert "| MT211 | doubled-word | 1 |" in md
    assert "Le le projet \\| est 'lancé'." in md  # table cells cannot be broken by the passage
    # A summary that cannot be written is one line on stderr; the run still reports.
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "no" / "such" / "dir.md"))
    err = io.StringIO()
    code = main(["check", "--lang", "fr", "--format", "github", "--select", "MT211", str(path)], io.StringIO(), err)
    assert code == 1 and err.getvalue().startswith("mtlint: cannot write the step summary")
