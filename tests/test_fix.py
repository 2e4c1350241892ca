"""Fixes: --fix, --diff, autofix rules; nothing is written to an article unless the user asked for a fix."""

from __future__ import annotations

import io
import json
import shutil
import sys
from pathlib import Path

import pytest

from checker.cli import main
from checker.errors import InputError, RulePackError
from checker.finding import Finding, Severity
from checker.fix import FixOutcome, apply_edits, plan, write_fixed
from checker.rules import builtin_rules_dir, load_rules

ROOT = Path(__file__).resolve().parent.parent
RULES = load_rules([builtin_rules_dir()]).rules
# Autofix defects: a doubled space, a ? glued to its word, mojibake, a zero-width space.
DIRTY = "Le festival ouvre ses portes  le 3 juillet. Quelle suite pour le projet? Et le budget ? Le cafÃ© du port rou\u200bvre lundi.\n"
CLEAN = "Le festival ouvre ses portes le 3 juillet. Quelle suite pour le projet\u202f? Et le budget ? Le café du port rouvre lundi.\n"


def _run(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", "--no-color", "--lang", "fr", *args], out, err)
    return code, out.getvalue(), err.getvalue()


def _finding(code: str, start: int, end: int, text: str, fix: str) -> Finding:
    return Finding(code, "r", "punctuation", Severity.MINOR, "m", start, end, text, (fix,))


def test_plain_check_never_writes(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + DIRTY.replace("\n", "\r\n").encode("utf-8"))
    before, mtime = path.read_bytes(), path.stat().st_mtime_ns
    for args in ([], ["--format", "json"], ["--diff"]):
        _run(*args, str(path))
    assert path.read_bytes() == before
    assert path.stat().st_mtime_ns == mtime
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]


def test_fix_writes_the_fixed_text_and_reports_what_remains(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(DIRTY + "Le ministre a présenté le le projet.\n", encoding="utf-8")
    code, out, _ = _run("--fix", str(path))
    # The doubled word has a suggestion but its rule is not autofix: it stays, and is reported.
    assert path.read_text(encoding="utf-8") == CLEAN + "Le ministre a présenté le le projet.\n"
    assert code == 1
    assert "MT211" in out and "Fixed 4 issues in 1 file." in out
    for code_ in ("MT221", "MT231", "MT232", "MT300"):
        assert code_ not in out
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.txt"]  # no temporary file left


def test_fix_is_idempotent_and_keeps_bom_and_line_endings(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + DIRTY.replace("\n", "\r\n").encode("utf-8") + b"Suite.\rFin.\n")
    assert _run("--fix", str(path))[0] == 0
    once = path.read_bytes()
    assert once == b"\xef\xbb\xbf" + CLEAN.replace("\n", "\r\n").encode("utf-8") + b"Suite.\rFin.\n"
    code, out, _ = _run("--fix", str(path))
    assert code == 0 and "Fixed" not in out
    assert path.read_bytes() == once
    assert _run("--diff", str(path))[:2] == (0, "")


def test_fix_never_touches_markdown_code(tmp_path: Path) -> None:
    code_block = "```\nportes  le projet? cafÃ©\n```\n"
    path = tmp_path / "a.md"
    path.write_text(f"# Titre\n\n{DIRTY}\n{code_block}\nInline `x  y?` reste.\n", encoding="utf-8")
    _run("--fix", str(path))
    text = path.read_text(encoding="utf-8")
    assert text == f"# Titre\n\n{CLEAN}\n{code_block}\nInline `x  y?` reste.\n"


def test_diff_prints_and_writes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(DIRTY, encoding="utf-8")
    code, out, _ = _run("--diff", str(path))
    assert code == 1
    assert path.read_text(encoding="utf-8") == DIRTY
    lines = out.splitlines()
    assert lines[0].startswith("--- ") and lines[1].startswith("+++ ")
    assert "-" + DIRTY.rstrip("\n") in lines and "+" + CLEAN.rstrip("\n") in lines
    assert "MT221" not in out  # the diff replaces the report


def test_fix_on_stdin_prints_the_fixed_text(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(DIRTY.encode("utf-8"))))
    code, out, err = _run("--fix", "-")
    assert out == CLEAN
    assert "Fixed 4 issues" in err and code == 0


def test_min_severity_and_suppressions_limit_what_is_fixed(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(DIRTY, encoding="utf-8")
    _run("--fix", "--min-severity", "minor", str(path))
    text = path.read_text(encoding="utf-8")
    assert "portes  le" in text  # MT221 is info: hidden, so not fixed
    assert "café" in text
    path.write_text("Le festival ouvre ses portes  le 3 juillet. <!-- mtlint-disable-line MT221 -->\n", encoding="utf-8")
    before = path.read_bytes()
    _run("--fix", str(path))
    assert path.read_bytes() == before


def test_offsets_after_fix_point_into_the_fixed_file(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(DIRTY + "Il a dit « Nous avons a a gagné » hier.\n", encoding="utf-8")
    code, out, _ = _run("--fix", "--format", "json", str(path))
    text = path.read_text(encoding="utf-8")
    issues = json.loads(out)["files"][0]["issues"]
    assert issues, "the doubled word remains"
    for issue in issues:
        assert text[issue["start"]:issue["end"]] == issue["text"]


def test_plan_skips_overlaps_and_non_autofix() -> None:
    text = "abcdef"
    findings = [
        _finding("X1", 0, 2, "ab", "AB"),
        _finding("X1", 1, 3, "bc", "BC"),  # overlaps the first: waits for the next pass
        _finding("X2", 3, 4, "d", "D"),  # not autofix
        _finding("X1", 4, 6, "ef", "EFG"),
        _finding("X1", 2, 3, "c", "c"),  # no change
    ]
    edits = plan(findings, {"X1"})
    assert [(e.start, e.end) for e in edits] == [(0, 2), (4, 6)]
    assert apply_edits(text, edits) == "ABcdEFG"


def test_write_refuses_a_file_changed_meanwhile(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("changed by someone else\n", encoding="utf-8")
    with pytest.raises(InputError):
        write_fixed(path, FixOutcome("original\n", "fixed\n"))
    assert path.read_text(encoding="utf-8") == "changed by someone else\n"


def test_fix_of_copied_fixtures_is_idempotent(tmp_path: Path) -> None:
    sources = sorted((ROOT / "fixtures" / "articles" / "fr").glob("*.txt"))[:6]
    assert sources
    for src in sources:
        shutil.copy(src, tmp_path / src.name)
    _run("--fix", str(tmp_path))
    once = {p.name: p.read_bytes() for p in tmp_path.iterdir()}
    code, out, _ = _run("--diff", str(tmp_path))
    assert out == "" and code == 0
    assert {p.name: p.read_bytes() for p in tmp_path.iterdir()} == once


@pytest.mark.parametrize("rule", [r for r in RULES if r.autofix], ids=lambda r: r.code)
def test_autofix_rules_state_every_fix(rule) -> None:  # noqa: ANN001
    # The example harness then checks that each fix clears its finding.
    assert all(e.fix is not None for e in rule.examples if e.bad)


def test_autofix_field_is_validated(tmp_path: Path) -> None:
    base = (
        'code = "TT901"\nname = "x"\ncategory = "grammar"\nseverity = "minor"\nkind = "pattern"\n'
        'message = "m"\nwhy = "w"\n{extra}\n[params]\npattern = "zz"\nreplacement = "z"\n'
        '[[examples]]\nbad = "a [[zz]] b"\n{fix}\n[[examples]]\ngood = "a z b"\n'
    )
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "x.toml").write_text(base.format(extra='autofix = "yes"', fix='fix = "z"'), encoding="utf-8")
    with pytest.raises(RulePackError, match="autofix"):
        load_rules([pack])
    (pack / "x.toml").write_text(base.format(extra="autofix = true", fix=""), encoding="utf-8")
    with pytest.raises(RulePackError, match="autofix"):
        load_rules([pack])
    (pack / "x.toml").write_text(base.format(extra="autofix = true", fix='fix = "z"'), encoding="utf-8")
    assert load_rules([pack]).rules[0].autofix


def test_rules_and_explain_show_autofix() -> None:
    out = io.StringIO()
    main(["rules", "--format", "json"], out, io.StringIO())
    data = {r["code"]: r["autofix"] for r in json.loads(out.getvalue())}
    assert data == {r.code: r.autofix for r in RULES}
    out = io.StringIO()
    main(["explain", "MT221"], out, io.StringIO())
    assert "--fix" in out.getvalue()
