"""The command line: commands, options, exit codes, text format, colour, documentation."""

from __future__ import annotations

import io
import json
import re
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

from checker import __version__
from checker.cli import build_parser, main
from checker.rules import lang_matches

FR_BAD = "Le maire a dit que le le projet avance.\n"  # one doubled word (minor)
FR_CLEAN = "Le maire a dit que le projet avance bien cette année.\n"
EN_BAD = "The mayor said that the the project is going well.\n"
# Text format: path:line:column: CODE severity message [category]
LINE = re.compile(r"^(?P<path>.+):(?P<line>\d+):(?P<col>\d+): (?P<code>[A-Z]+\d+) (?P<sev>critical|major|minor|info) .+ \[(?P<cat>[a-z-]+)\]$")


class _Stream(io.StringIO):
    """A text stream that says whether it is a terminal."""

    def __init__(self, tty: bool = False) -> None:
        super().__init__()
        self._tty = tty

    def isatty(self) -> bool:
        return self._tty


def cli(*argv: str, tty: bool = False) -> tuple[int, str, str]:
    """Call main() in-process; returns (exit code, stdout, stderr)."""
    out, err = _Stream(tty), _Stream()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def report(*argv: str) -> tuple[int, dict]:
    code, out, err = cli("check", "--format", "json", *argv)
    assert out, err
    return code, json.loads(out)


@pytest.fixture(autouse=True)
def _no_color_env(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("NO_COLOR", raising=False)
    monkeypatch.delenv("FORCE_COLOR", raising=False)


@pytest.fixture
def tree(tmp_path: Path) -> Path:
    (tmp_path / "a.txt").write_text(FR_BAD, encoding="utf-8")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "b.md").write_text("# Titre\n\n" + FR_BAD, encoding="utf-8")
    (tmp_path / "sub" / "c.html").write_text(FR_BAD, encoding="utf-8")
    (tmp_path / "sub" / "drafts").mkdir()
    (tmp_path / "sub" / "drafts" / "d.txt").write_text(FR_BAD, encoding="utf-8")
    (tmp_path / "clean.txt").write_text(FR_CLEAN, encoding="utf-8")
    return tmp_path


def paths_of(rep: dict, root: Path) -> list[str]:
    return sorted(Path(f["path"]).relative_to(root).as_posix() for f in rep["files"])


# ------------------------------------------------------------------ files
def test_directory_is_searched_recursively_for_txt_and_md(tree: Path) -> None:
    code, rep = report("--lang", "fr", str(tree))
    assert paths_of(rep, tree) == ["a.txt", "clean.txt", "sub/b.md", "sub/drafts/d.txt"]
    assert code == 1


def test_include_and_exclude(tree: Path) -> None:
    _, rep = report("--lang", "fr", "--include", "*.html", str(tree))
    assert paths_of(rep, tree) == ["sub/c.html"]
    _, rep = report("--lang", "fr", "--exclude", "drafts", "--exclude", "clean.txt", str(tree))
    assert paths_of(rep, tree) == ["a.txt", "sub/b.md"]


def test_explicit_file_is_checked_whatever_its_extension(tree: Path) -> None:
    _, rep = report("--lang", "fr", str(tree / "sub" / "c.html"))
    assert [f["path"] for f in rep["files"]] == [str(tree / "sub" / "c.html")]
    assert rep["files"][0]["issues"]


def test_standard_input() -> None:
    proc = run_cli("check", "--lang", "fr", "--format", "json", "-", stdin=FR_BAD.encode())
    assert proc.returncode == 1, proc.stderr
    rep = json.loads(proc.stdout)
    (f,) = rep["files"]
    assert f["path"] == "<stdin>"
    assert [(i["code"], i["text"], i["start"]) for i in f["issues"]] == [("MT211", "le", FR_BAD.index("le le") + 3)]


def test_no_path_is_a_usage_error() -> None:
    code, out, err = cli("check")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "no path" in err


# ------------------------------------------------------------------ language
@pytest.mark.parametrize(
    ("given", "tag"),
    [("fr", "fr"), ("fr-FR", "fr-FR"), ("fr_FR", "fr-FR"), ("FR", "fr"), ("French", "fr"),
     ("français", "fr"), ("english", "en"), ("en-GB", "en-GB")],
)
def test_lang_forms_are_normalised_to_bcp47(tmp_path: Path, given: str, tag: str) -> None:
    p = tmp_path / "x.txt"
    p.write_text(FR_BAD, encoding="utf-8")
    _, rep = report("--lang", given, str(p))
    assert rep["files"][0]["lang"] == tag


def test_regional_tag_runs_the_language_pack(tmp_path: Path) -> None:
    p = tmp_path / "x.txt"
    p.write_text(FR_BAD, encoding="utf-8")
    _, rep = report("--lang", "fr-CA", str(p))
    assert [i["code"] for i in rep["files"][0]["issues"]] == ["MT211"]


@pytest.mark.parametrize("given", ["xx", "zz-QQ-12345678", "not a language at all", ""])
def test_unknown_lang_is_a_usage_error(tmp_path: Path, given: str) -> None:
    p = tmp_path / "x.txt"
    p.write_text(FR_BAD, encoding="utf-8")
    code, out, err = cli("check", "--lang", given, str(p))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("mtlint: ") and "language" in err
    assert "Traceback" not in err


def test_language_is_detected_when_not_given(tmp_path: Path) -> None:
    pytest.importorskip("checker.langid")
    fr = tmp_path / "fr.txt"
    fr.write_text(
        "Le conseil municipal a voté mardi soir le budget de la ville pour l'année prochaine. "
        "Les élus de l'opposition ont dénoncé une hausse des impôts locaux.\n",
        encoding="utf-8",
    )
    en = tmp_path / "en.txt"
    en.write_text(
        "The city council voted on Tuesday evening for next year's budget. "
        "Opposition members criticised the rise in local taxes and the cuts to libraries.\n",
        encoding="utf-8",
    )
    tiny = tmp_path / "tiny.txt"
    tiny.write_text("Bonjour\n", encoding="utf-8")
    _, rep = report(str(fr), str(en), str(tiny))
    assert [f["lang"] for f in rep["files"]] == ["fr", "en", "und"]


def test_detected_language_selects_the_pack(tmp_path: Path) -> None:
    pytest.importorskip("checker.langid")
    p = tmp_path / "en.txt"
    p.write_text("The city council voted on Tuesday evening, and the the budget passed easily.\n", encoding="utf-8")
    _, rep = report(str(p))
    assert rep["files"][0]["lang"] == "en"
    assert [i["code"] for i in rep["files"][0]["issues"]] == ["MT212"]


# ------------------------------------------------------------------ output
def test_text_format_lines_and_summary(tmp_path: Path) -> None:
    p = tmp_path / "x.txt"
    p.write_text("Titre\n\n" + FR_BAD, encoding="utf-8")
    code, out, err = cli("check", "--lang", "fr", str(p))
    assert code == 1 and err == ""
    lines = out.splitlines()
    m = LINE.match(lines[0])
    assert m, lines[0]
    assert (m["path"], m["line"], m["col"], m["code"], m["sev"], m["cat"]) == (
        str(p), "3", str(FR_BAD.index("le le") + 4), "MT211", "minor", "grammar")
    assert lines[-1].startswith("Found 1 issue in 1 file")
    assert "\033[" not in out


def test_clean_file_says_so_and_exits_0(tmp_path: Path) -> None:
    p = tmp_path / "x.txt"
    p.write_text(FR_CLEAN, encoding="utf-8")
    code, out, _ = cli("check", "--lang", "fr", str(p))
    assert (code, out) == (0, "No issues in 1 file.\n")


def test_output_file(tmp_path: Path) -> None:
    p = tmp_path / "x.txt"
    p.write_text(FR_BAD, encoding="utf-8")
    dest = tmp_path / "report.json"
    code, out, _ = cli("check", "--lang", "fr", "--format", "json", "--output", str(dest), str(p))
    assert code == 1 and out == ""
    assert json.loads(dest.read_text(encoding="utf-8"))["summary"]["issues"] == 1


def test_output_to_an_impossible_place_is_a_usage_error(tmp_path: Path) -> None:
    p = tmp_path / "x.txt"
    p.write_text(FR_BAD, encoding="utf-8")
    code, _, err = cli("check", "--lang", "fr", "-o", str(tmp_path / "no" / "such" / "dir.json"), str(p))
    assert code == 2 and err.count("\n") == 1 and "cannot write" in err


def test_colour_only_on_a_terminal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "x.txt"
    p.write_text(FR_BAD, encoding="utf-8")
    assert "\033[" in cli("check", "--lang", "fr", str(p), tty=True)[1]
    assert "\033[" not in cli("check", "--lang", "fr", str(p), tty=False)[1]
    assert "\033[" not in cli("check", "--lang", "fr", "--no-color", str(p), tty=True)[1]
    assert "\033[" not in cli("check", "--lang", "fr", "--format", "json", str(p), tty=True)[1]
    monkeypatch.setenv("NO_COLOR", "1")
    assert "\033[" not in cli("check", "--lang", "fr", str(p), tty=True)[1]
    monkeypatch.delenv("NO_COLOR")
    monkeypatch.setenv("FORCE_COLOR", "1")
    assert "\033[" in cli("check", "--lang", "fr", str(p), tty=False)[1]


def test_quiet_prints_nothing_but_keeps_the_exit_code(tmp_path: Path) -> None:
    p = tmp_path / "x.txt"
    p.write_text(FR_BAD, encoding="utf-8")
    assert cli("check", "-q", "--lang", "fr", str(p)) == (1, "", "")
    p.write_text(FR_CLEAN, encoding="utf-8")
    assert cli("check", "--quiet", "--lang", "fr", str(p)) == (0, "", "")


# ------------------------------------------------------------------ selection and severities
# The test pack's rules (tests/data/rules) stay put while the built-in rules evolve.
TEST_RULES = str(ROOT / "tests" / "data" / "rules")
MIXED = "Le maire a dit blorp et zonk ici.\nSHAREBOX\n"  # TT201 minor, TT202 info, TT501 major


@pytest.fixture
def mixed(tmp_path: Path) -> Path:
    p = tmp_path / "x.txt"
    p.write_text(MIXED, encoding="utf-8")
    return p


def tt(*argv: str) -> tuple[int, dict]:
    """A JSON check with the test pack loaded."""
    return report("--rules", TEST_RULES, "--lang", "fr", *argv)


def codes(rep: dict) -> list[str]:
    """The test pack's findings only (built-in rules may flag the same text)."""
    return sorted(i["code"] for f in rep["files"] for i in f["issues"] if i["code"].startswith("TT"))


def test_all_three_findings_by_default(mixed: Path) -> None:
    _, rep = tt(str(mixed))
    assert codes(rep) == ["TT201", "TT202", "TT501"]
    assert rep["settings"]["packs"]["testpack"] == "9.9"


@pytest.mark.parametrize(
    ("option", "value", "expected"),
    [
        ("--select", "TT201", ["TT201"]),
        ("--select", "TT2", ["TT201", "TT202"]),
        ("--select", "tt-blorp", ["TT201"]),
        ("--select", "boilerplate", ["TT501"]),
        ("--select", "TT201,TT501", ["TT201", "TT501"]),
        ("--select", "ALL", ["TT201", "TT202", "TT501"]),
        ("--ignore", "TT201", ["TT202", "TT501"]),
        ("--ignore", "TT5", ["TT201", "TT202"]),
        ("--ignore", "tt-zonk", ["TT201", "TT501"]),
        ("--ignore", "grammar,non-word", ["TT501"]),
    ],
)
def test_select_and_ignore(mixed: Path, option: str, value: str, expected: list[str]) -> None:
    _, rep = tt(option, value, str(mixed))
    assert codes(rep) == expected


def test_select_and_ignore_repeated(mixed: Path) -> None:
    _, rep = tt("--select", "TT2", "--select", "TT5", "--ignore", "TT202", str(mixed))
    assert codes(rep) == ["TT201", "TT501"]
    assert set(rep["settings"]["rules"]) == {"TT201", "TT501", "TT502"}


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_unknown_selector_is_a_usage_error(mixed: Path, option: str) -> None:
    code, out, err = cli("check", "--lang", "fr", option, "MT999", str(mixed))
    assert code == 2 and out == "" and err.count("\n") == 1 and "MT999" in err


def test_min_severity_hides_findings(mixed: Path) -> None:
    _, rep = tt("--min-severity", "minor", str(mixed))
    assert codes(rep) == ["TT201", "TT501"]
    _, rep = tt("--min-severity", "major", str(mixed))
    assert codes(rep) == ["TT501"]


def test_fail_on(tmp_path: Path) -> None:
    p = tmp_path / "x.txt"
    p.write_text("Un blorp ici.\n", encoding="utf-8")  # one minor finding
    base = ("check", "-q", "--rules", TEST_RULES, "--select", "TT", "--lang", "fr")
    assert cli(*base, str(p))[0] == 1
    assert cli(*base, "--fail-on", "major", str(p))[0] == 0
    assert cli(*base, "--fail-on", "minor", str(p))[0] == 1
    p.write_text("Un COOKIEWALL ici.\n", encoding="utf-8")  # one critical finding
    assert cli(*base, "--fail-on", "critical", str(p))[0] == 1


def test_info_findings_never_fail(tmp_path: Path) -> None:
    p = tmp_path / "x.txt"
    p.write_text("Un zonk ici.\n", encoding="utf-8")
    code, rep = tt("--select", "TT", "--fail-on", "info", str(p))
    assert codes(rep) == ["TT202"]
    assert code == 0 and rep["files"][0]["passed"] is True and rep["files"][0]["score"] == 100


def test_fail_under(tmp_path: Path) -> None:
    p = tmp_path / "x.txt"
    p.write_text("Le maire a dit blorp ici.\n", encoding="utf-8")
    _, rep = tt("--select", "TT", "--fail-on", "critical", str(p))
    score = rep["files"][0]["score"]
    assert 0 < score < 100
    base = ("check", "-q", "--rules", TEST_RULES, "--select", "TT", "--lang", "fr", "--fail-on", "critical")
    assert cli(*base, "--fail-under", str(score), str(p))[0] == 0
    assert cli(*base, "--fail-under", str(score + 0.1), str(p))[0] == 1


@pytest.mark.parametrize(
    "argv",
    [["--min-severity", "fatal"], ["--fail-on", "loud"], ["--fail-under", "abc"], ["--fail-under", "101"],
     ["--format", "xml"], ["--no-such-option"]],
)
def test_bad_option_values_are_usage_errors(mixed: Path, argv: list[str]) -> None:
    code, out, err = cli("check", *argv, str(mixed))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("mtlint: ")


# ------------------------------------------------------------------ config and rules options
def test_config_option(tmp_path: Path, mixed: Path) -> None:
    cfg = tmp_path / "elsewhere.toml"
    cfg.write_text(f'lang = "fr"\nignore = ["TT501"]\nrules = [{json.dumps(TEST_RULES)}]\n', encoding="utf-8")
    _, rep = report("--config", str(cfg), str(mixed))
    assert rep["files"][0]["lang"] == "fr"
    assert codes(rep) == ["TT201", "TT202"]


def test_rules_option_adds_a_pack(mixed: Path) -> None:
    code, rep = report("--lang", "fr", "--rules", TEST_RULES, "--select", "TT", str(mixed))
    assert code == 1 and codes(rep) == ["TT201", "TT202", "TT501"]
    code, out, _ = cli("rules", "--rules", TEST_RULES)
    assert code == 0 and "TT201" in out
    code, out, _ = cli("explain", "tt-blorp", "--rules", TEST_RULES)
    assert code == 0 and "[[blorp]]" in out


# ------------------------------------------------------------------ rules and explain
def test_rules_lists_every_builtin_rule(ruleset) -> None:
    code, out, _ = cli("rules")
    assert code == 0
    listed = [line.split()[0] for line in out.splitlines()]
    assert listed == [r.code for r in ruleset.rules]


def test_rules_json(ruleset) -> None:
    code, out, _ = cli("rules", "--format", "json")
    data = json.loads(out)
    assert code == 0 and [d["code"] for d in data] == [r.code for r in ruleset.rules]
    assert {"code", "name", "category", "severity", "kind", "lang", "enabled", "message", "pack"} <= set(data[0])


def test_rules_for_a_language(ruleset) -> None:
    _, out, _ = cli("rules", "--format", "json", "--lang", "English")
    langs = {d["lang"] for d in json.loads(out)}
    # A rule may name several languages (« fr,en,es ») or exclude some (« *,!de »): English must be one of them.
    assert all(lang == "*" or lang_matches(lang, "en") for lang in langs) and "en" in langs


@pytest.mark.parametrize("key", ["MT211", "mt211", "doubled-word"])
def test_explain(key: str) -> None:
    code, out, _ = cli("explain", key)
    assert code == 0
    assert out.startswith("MT211 doubled-word\n")
    assert "Why it matters" in out and "[[" in out


def test_explain_unknown_rule() -> None:
    code, out, err = cli("explain", "MT000")
    assert code == 2 and out == "" and err.count("\n") == 1 and "MT000" in err


# ------------------------------------------------------------------ entry points
def test_version() -> None:
    proc = run_cli("--version")
    assert proc.returncode == 0
    assert proc.stdout.decode().strip() == f"mtlint {__version__}"


def test_main_returns_instead_of_exiting_on_version_and_help(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--version"]) == 0
    assert main(["check", "--help"]) == 0
    out = capsys.readouterr().out
    assert f"mtlint {__version__}" in out and "--fail-on" in out


def test_no_command_prints_help_and_exits_2() -> None:
    code, out, _ = cli()
    assert code == 2 and "check" in out and "explain" in out


def test_python_m_checker_is_the_command() -> None:
    proc = run_cli("rules")
    assert proc.returncode == 0 and b"MT211" in proc.stdout


# ------------------------------------------------------------------ documentation
def _options(parser) -> dict[str, list[str]]:
    import argparse

    out: dict[str, list[str]] = {"": [o for a in parser._actions for o in a.option_strings]}
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                out[name] = [o for a in sub._actions for o in a.option_strings]
    return out


def test_every_command_and_option_is_documented() -> None:
    doc = (ROOT / "docs" / "CLI.md").read_text(encoding="utf-8")
    missing = []
    for command, options in _options(build_parser()).items():
        if command and f"mtlint {command}" not in doc:
            missing.append(f"command {command}")
        for opt in options:
            if opt in ("-h", "--help"):
                continue
            if not re.search(rf"(?<![\w-]){re.escape(opt)}(?![\w-])", doc):
                missing.append(f"{command or 'mtlint'} {opt}")
    assert missing == []


def test_profile_prints_phases_and_rules(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Le maire a parlé au conseil mardi.\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", "--profile", "--lang", "fr", str(path)], out, err)
    assert code in (0, 1)
    text = err.getvalue()
    assert "mtlint profile" in text and "configuration and rules" in text and "ms/doc" in text
    quiet = io.StringIO()
    main(["check", "--lang", "fr", str(path)], io.StringIO(), quiet)
    assert "mtlint profile" not in quiet.getvalue()
