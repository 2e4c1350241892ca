"""Flags Ruff users expect: --exit-zero, --statistics, --extend-select, --show-settings, --show-files, --show-fixes."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from checker import Linter
from checker.cli import main

BAD = "Le ministre a présenté le le projet.\nLe match l’ équipe de France, puis le le bilan.\nC’est l’ heure.\n"


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "a.txt"
    path.write_text(BAD, encoding="utf-8")
    return path


def test_exit_zero_keeps_the_report_and_errors(article: Path, tmp_path: Path) -> None:
    code, out, _ = cli("check", "--lang", "fr", "--select", "MT211", str(article))
    assert code == 1
    code2, out2, _ = cli("check", "--lang", "fr", "--select", "MT211", "--exit-zero", str(article))
    assert code2 == 0 and out2 == out
    # An unreadable file is still an error.
    code3, _, err = cli("check", "--lang", "fr", "--exit-zero", str(article), str(tmp_path / "missing.txt"))
    assert code3 == 2 and "missing.txt" in err
    # The streamed format too.
    assert cli("check", "--lang", "fr", "--format", "jsonl", "--exit-zero", str(article))[0] == 0


def test_statistics_counts_per_rule_sorted(article: Path) -> None:
    code, out, _ = cli("check", "--lang", "fr", "--select", "MT211,MT254", "--statistics", str(article))
    assert code == 1
    rows = [line.split("\t") for line in out.splitlines()]
    assert rows == [["2", "MT211", "    doubled-word"], ["2", "MT254", "[*] apostrophe-space"]]
    _, out, _ = cli("check", "--lang", "fr", "--select", "MT211,MT254", "--ignore", "MT254", "--statistics",
                    "--format", "json", str(article))
    assert json.loads(out) == [{"code": "MT211", "name": "doubled-word", "count": 2, "fixable": False}]


def test_extend_select_adds_to_the_configuration(article: Path, tmp_path: Path) -> None:
    (tmp_path / ".mtlint.toml").write_text('select = ["MT211"]\n', encoding="utf-8")
    _, out, _ = cli("check", "--lang", "fr", "--statistics", str(article))
    assert [line.split("\t")[1] for line in out.splitlines()] == ["MT211"]
    _, out, _ = cli("check", "--lang", "fr", "--statistics", "--extend-select", "MT254", str(article))
    assert [line.split("\t")[1] for line in out.splitlines()] == ["MT211", "MT254"]
    # Without any selection, extend-select reaches a rule that is off by default.
    off = next(r for r in Linter().ruleset.rules if not r.enabled)
    assert off.code not in Linter().rule_codes
    assert off.code in Linter(extend_select=[off.code]).rule_codes
    assert set(Linter().rule_codes) < set(Linter(extend_select=off.code).rule_codes)


def test_show_settings_resolves_overrides(tmp_path: Path) -> None:
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "x.txt").write_text("Hello.\n", encoding="utf-8")
    (tmp_path / ".mtlint.toml").write_text(
        'lang = "fr"\nfail-on = "major"\n[[overrides]]\npaths = ["en/**"]\nlang = "en"\nignore = ["MT5"]\n',
        encoding="utf-8")
    code, out, _ = cli("check", "--show-settings", str(tmp_path / "en" / "x.txt"))
    assert code == 0
    data = json.loads(out)
    assert data["lang"] == "en" and data["ignore"] == ["MT5"] and data["fail_on"] == "major"
    assert data["config_file"] == str(tmp_path / ".mtlint.toml")
    assert not any(c.startswith("MT5") for c in data["rules"]) and "MT211" not in data["rules"]  # MT211 is French
    data = json.loads(cli("check", "--show-settings", str(tmp_path))[1])
    assert data["lang"] == "fr" and "MT211" in data["rules"]


def test_show_files_lists_what_would_be_checked(tmp_path: Path) -> None:
    (tmp_path / "d" / "drafts").mkdir(parents=True)
    for name in ("d/a.txt", "d/b.md", "d/c.html", "d/drafts/x.txt"):
        (tmp_path / name).write_text("Texte.\n", encoding="utf-8")
    code, out, err = cli("check", "--show-files", "--exclude", "drafts", str(tmp_path / "d"), str(tmp_path / "nope"))
    assert out.splitlines() == [str(tmp_path / "d" / "a.txt"), str(tmp_path / "d" / "b.md")]
    assert code == 2 and "nope" in err


def test_show_fixes(article: Path) -> None:
    code, out, _ = cli("check", "--lang", "fr", "--select", "MT211,MT254", "--show-fixes", str(article))
    assert out.endswith(f"2 findings fixable with --fix:\n- {article}:\n    2 × MT254 (apostrophe-space)\n")
    code, out, _ = cli("check", "--lang", "fr", "--select", "MT211,MT254", "--fix", "--show-fixes", str(article))
    assert out.endswith(f"Fixed 2 issues:\n- {article}: 2 fixes\n")
    assert "l’équipe" in article.read_text(encoding="utf-8")
    # Machine-readable output is never mixed with the listing.
    code, out, err = cli("check", "--lang", "fr", "--select", "MT211", "--format", "json", "--show-fixes", str(article))
    assert json.loads(out)["summary"]["issues"] == 2 and "No findings that --fix would fix." in err


def test_check_help_is_grouped_by_purpose(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, _ = cli("check", "--help")  # argparse prints the help itself
    out = capsys.readouterr().out
    assert code == 0
    sections: dict[str, str] = {}
    title = ""
    for line in out.splitlines():
        if line and not line.startswith(" ") and line.endswith(":"):
            title = line[:-1]
        elif title:
            sections[title] = sections.get(title, "") + line + "\n"
    assert list(sections)[:4] == ["positional arguments", "options", "selecting rules", "choosing files"]
    assert "--extend-select" in sections["selecting rules"] and "--force-exclude" in sections["choosing files"]
    assert "--exit-zero" in sections["failing a run"] and "--no-cache" in sections["speed and limits"]
    assert "--fail-on" not in sections["options"]
    # Grouping changes the help only: parsing is the same.
    from checker.cli import build_parser

    args = build_parser().parse_args(["check", "--exit-zero", "--fail-on", "major", "--no-cache", "x.txt"])
    assert args.exit_zero and args.fail_on.value == "major" and args.no_cache and args.paths == ["x.txt"]


def test_shell_completion(monkeypatch: pytest.MonkeyPatch) -> None:
    pytest.importorskip("shtab")
    code, out, _ = cli("completion", "bash")
    assert code == 0 and "mtlint" in out and "--exit-zero" in out and "test-rules" in out
    assert "--statistics" in cli("completion", "zsh")[1]
    import sys

    monkeypatch.setitem(sys.modules, "shtab", None)
    code, _, err = cli("completion", "bash")
    assert code == 2 and "mtlint[completion]" in err
