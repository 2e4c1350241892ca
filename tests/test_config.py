"""Configuration files: discovery, every key, per-path overrides, precedence of the command line, errors."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from checker.cli import main
from checker.config import Config, find_config, load_config

BAD = "Le maire a dit blorp et zonk ici.\nSHAREBOX\n"  # test pack: TT201 minor, TT202 info, TT501 major
TEST_RULES = str(Path(__file__).parent / "data" / "rules")


def cli(*argv: str, cwd: Path | None = None) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    return main(list(argv), stdout=out, stderr=err), out.getvalue(), err.getvalue()


def check(*argv: str) -> tuple[int, dict]:
    code, out, err = cli("check", "--format", "json", "--rules", TEST_RULES, *argv)
    assert out, err
    return code, json.loads(out)


def issues(report: dict, index: int = 0) -> dict[str, str]:
    """code → severity of one file's findings from the test pack (built-in rules may flag the text too)."""
    return {i["code"]: i["severity"] for i in report["files"][index]["issues"] if i["code"][:2] in ("TT", "XX")}


@pytest.fixture
def project(tmp_path: Path) -> Path:
    (tmp_path / "articles" / "en").mkdir(parents=True)
    (tmp_path / "articles" / "a.txt").write_text(BAD, encoding="utf-8")
    (tmp_path / "articles" / "en" / "b.txt").write_text("The mayor said blorp here.\n", encoding="utf-8")
    return tmp_path


def write(path: Path, text: str) -> Path:
    path.write_text(text, encoding="utf-8")
    return path


# ------------------------------------------------------------------ discovery
def test_pyproject_tool_table_found_upwards(project: Path) -> None:
    cfg = write(project / "pyproject.toml", '[project]\nname = "x"\n\n[tool.mtlint]\nlang = "fr"\nignore = ["TT202"]\n')
    assert find_config(project / "articles" / "a.txt") == cfg
    _, rep = check(str(project / "articles" / "a.txt"))
    assert rep["files"][0]["lang"] == "fr"
    assert set(issues(rep)) == {"TT201", "TT501"}


def test_pyproject_without_tool_table_is_skipped(project: Path) -> None:
    outer = write(project / ".mtlint.toml", 'lang = "fr"\n')
    write(project / "articles" / "pyproject.toml", '[project]\nname = "x"\n')
    assert find_config(project / "articles" / "a.txt") == outer


def test_nearest_file_wins_and_dot_mtlint_before_pyproject(project: Path) -> None:
    write(project / ".mtlint.toml", 'lang = "en"\n')
    near = write(project / "articles" / ".mtlint.toml", 'lang = "fr"\n')
    write(project / "articles" / "pyproject.toml", '[tool.mtlint]\nlang = "de"\n')
    assert find_config(project / "articles" / "a.txt") == near
    assert find_config(project / "articles") == near
    _, rep = check(str(project / "articles" / "a.txt"))
    assert rep["files"][0]["lang"] == "fr"


def test_no_configuration_gives_defaults(tmp_path: Path) -> None:
    # tmp_path has no configuration above it unless the machine has one in / or /tmp.
    found = find_config(tmp_path)
    assert found is None or tmp_path not in found.parents


def test_mtlint_table_inside_dot_mtlint_toml(tmp_path: Path) -> None:
    cfg = write(tmp_path / ".mtlint.toml", '[mtlint]\nlang = "French"\n')
    assert load_config(cfg).lang == "fr"


# ------------------------------------------------------------------ keys
def test_language_names_are_normalised(tmp_path: Path) -> None:
    cfg = write(tmp_path / ".mtlint.toml", 'lang = "français"\n')
    assert load_config(cfg).lang == "fr"


def test_select_ignore_and_severity(project: Path) -> None:
    write(project / ".mtlint.toml", 'lang = "fr"\nselect = ["TT2", "boilerplate"]\nignore = ["tt-zonk"]\n'
          'severity = { TT201 = "critical", boilerplate = "minor" }\n')
    _, rep = check(str(project / "articles" / "a.txt"))
    assert issues(rep) == {"TT201": "critical", "TT501": "minor"}


def test_severity_override_changes_the_exit_code(project: Path) -> None:
    a = str(project / "articles" / "a.txt")
    write(project / ".mtlint.toml", 'lang = "fr"\nfail-on = "major"\nselect = ["TT201"]\n')
    assert cli("check", "-q", "--rules", TEST_RULES, a)[0] == 0
    write(project / ".mtlint.toml", 'lang = "fr"\nfail-on = "major"\nselect = ["TT201"]\nseverity = { "tt-blorp" = "major" }\n')
    assert cli("check", "-q", "--rules", TEST_RULES, a)[0] == 1


def test_min_severity_fail_under_and_weights(project: Path) -> None:
    a = str(project / "articles" / "a.txt")
    write(project / ".mtlint.toml", 'lang = "fr"\nmin-severity = "major"\nfail-on = "critical"\n'
          'fail-under = 50\nweights = { major = 1 }\n')
    code, rep = check(a)
    assert set(issues(rep)) == {"TT501"}
    assert rep["settings"]["weights"]["major"] == 1
    assert rep["settings"]["fail_under"] == 50
    assert code == 0


EXTRA_RULE = '''
code = "XX901"
name = "word-bidule"
category = "non-word"
severity = "major"
kind = "pattern"
message = "‘{text}’ is a placeholder word."
why = "Placeholder words are left by editors."

[params]
pattern = '\\bbidule\\b'

[[examples]]
bad = "Un [[bidule]] ici."
'''


def test_extra_rule_directories_relative_to_the_file(project: Path) -> None:
    pack = project / "house-rules"
    pack.mkdir()
    write(pack / "word-bidule.toml", EXTRA_RULE)
    write(project / "articles" / "a.txt", "Il a posé le bidule sur la table.\n")
    write(project / ".mtlint.toml", 'lang = "fr"\nrules = ["house-rules"]\n')
    _, rep = check(str(project / "articles" / "a.txt"))
    assert set(issues(rep)) == {"XX901"}
    code, out, _ = cli("rules", "--config", str(project / ".mtlint.toml"))
    assert "XX901" in out


def test_extra_pack_named_after_a_language_applies_to_it_only(project: Path) -> None:
    pack = project / "house" / "en"
    pack.mkdir(parents=True)
    write(pack / "word-bidule.toml", EXTRA_RULE)
    write(project / "articles" / "a.txt", "Il a posé le bidule sur la table.\n")
    write(project / "articles" / "en" / "b.txt", "He put the bidule on the table.\n")
    write(project / ".mtlint.toml", 'rules = ["house"]\n[[overrides]]\npaths = ["articles/*.txt"]\nlang = "fr"\n'
          '[[overrides]]\npaths = ["articles/en/*"]\nlang = "en"\n')
    _, rep = check(str(project / "articles"))
    by_name = {Path(f["path"]).name: {i["code"] for i in f["issues"]} for f in rep["files"]}
    assert "XX901" not in by_name["a.txt"] and "XX901" in by_name["b.txt"]


def test_include_and_exclude(project: Path) -> None:
    write(project / "articles" / "c.html", BAD)
    write(project / ".mtlint.toml", 'lang = "fr"\ninclude = ["*.txt", "*.html"]\nexclude = ["en"]\n')
    _, rep = check(str(project / "articles"))
    assert sorted(Path(f["path"]).name for f in rep["files"]) == ["a.txt", "c.html"]


def test_per_path_overrides(project: Path) -> None:
    write(project / ".mtlint.toml", '''
lang = "fr"

[[overrides]]
paths = ["articles/en/**"]
lang = "en"
severity = { TT201 = "major" }

[[overrides]]
paths = ["a.txt"]
ignore = ["TT5"]
''')
    _, rep = check(str(project / "articles"))
    by_name = {Path(f["path"]).name: f for f in rep["files"]}
    assert by_name["b.txt"]["lang"] == "en"
    assert issues(rep, list(by_name).index("b.txt")) == {"TT201": "major"}
    assert by_name["a.txt"]["lang"] == "fr"
    assert set(issues(rep, list(by_name).index("a.txt"))) == {"TT201", "TT202"}


def test_pyproject_overrides_table(project: Path) -> None:
    write(project / "pyproject.toml", '[tool.mtlint]\nlang = "fr"\n\n[[tool.mtlint.overrides]]\npaths = ["en"]\nlang = "en"\n')
    _, rep = check(str(project / "articles"))
    assert {Path(f["path"]).name: f["lang"] for f in rep["files"]} == {"a.txt": "fr", "b.txt": "en"}


# ------------------------------------------------------------------ the command line wins
def test_command_line_wins(project: Path) -> None:
    a = str(project / "articles" / "a.txt")
    write(project / ".mtlint.toml", 'lang = "en"\nselect = ["TT202"]\nfail-on = "critical"\nmin-severity = "major"\n')
    code, rep = check("--lang", "fr", "--select", "TT2", "--min-severity", "info", "--fail-on", "minor", a)
    assert rep["files"][0]["lang"] == "fr"
    assert set(issues(rep)) == {"TT201", "TT202"}
    assert code == 1


def test_command_line_wins_over_per_path_overrides(project: Path) -> None:
    write(project / ".mtlint.toml", '[[overrides]]\npaths = ["articles"]\nlang = "en"\nselect = ["TT202"]\n')
    _, rep = check("--lang", "fr", "--select", "TT201", str(project / "articles" / "a.txt"))
    assert rep["files"][0]["lang"] == "fr"
    assert set(issues(rep)) == {"TT201"}


def test_command_line_ignore_adds_to_the_configuration(project: Path) -> None:
    write(project / ".mtlint.toml", 'lang = "fr"\nignore = ["TT202"]\n')
    _, rep = check("--ignore", "TT501", str(project / "articles" / "a.txt"))
    assert set(issues(rep)) == {"TT201"}


def test_config_option_skips_discovery(project: Path) -> None:
    write(project / ".mtlint.toml", 'lang = "en"\n')
    other = write(project / "other.toml", 'lang = "fr"\nselect = ["TT201"]\n')
    _, rep = check("--config", str(other), str(project / "articles" / "a.txt"))
    assert rep["files"][0]["lang"] == "fr" and set(issues(rep)) == {"TT201"}


# ------------------------------------------------------------------ errors
@pytest.mark.parametrize(
    ("body", "key"),
    [
        ('lang = 3', "lang"),
        ('lang = "no-such-language-xyz"', "lang"),
        ('select = 5', "select"),
        ('ignore = [1, 2]', "ignore"),
        ('severity = { MT211 = "loud" }', "severity.MT211"),
        ('severity = "major"', "severity"),
        ('rules = ["does-not-exist"]', "rules"),
        ('min-severity = "big"', "min-severity"),
        ('fail-on = 1', "fail-on"),
        ('fail-under = 200', "fail-under"),
        ('fail-under = "90"', "fail-under"),
        ('weights = { major = -1 }', "weights.major"),
        ('weights = { fatal = 2 }', "weights.fatal"),
        ('colour = "red"', "colour"),
        ('overrides = { paths = ["x"] }', "overrides"),
        ('[[overrides]]\nlang = "fr"', "overrides[0].paths"),
        ('[[overrides]]\npaths = ["x"]\nlang = "??"', "overrides[0].lang"),
        ('[[overrides]]\npaths = ["x"]\nfail-on = "major"', "overrides[0].fail-on"),
    ],
)
def test_bad_value_names_file_and_key(project: Path, body: str, key: str) -> None:
    cfg = write(project / ".mtlint.toml", body + "\n")
    code, out, err = cli("check", str(project / "articles" / "a.txt"))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "Traceback" not in err
    assert f"{cfg}: {key}: " in err, err


def test_bad_value_in_pyproject_names_the_table(project: Path) -> None:
    cfg = write(project / "pyproject.toml", '[tool.mtlint]\nfail-on = "loud"\n')
    code, _, err = cli("check", str(project / "articles" / "a.txt"))
    assert code == 2 and f"{cfg}: tool.mtlint.fail-on: " in err


def test_unknown_selector_in_configuration_is_an_error(project: Path) -> None:
    write(project / ".mtlint.toml", 'ignore = ["MT999"]\n')
    code, _, err = cli("check", str(project / "articles" / "a.txt"))
    assert code == 2 and "MT999" in err and err.count("\n") == 1


def test_missing_config_file(project: Path) -> None:
    code, _, err = cli("check", "--config", str(project / "nope.toml"), str(project / "articles"))
    assert code == 2 and "nope.toml" in err and err.count("\n") == 1


def test_default_config_values() -> None:
    c = Config()
    assert c.include == ("*.txt", "*.md") and c.select is None and c.fail_under is None
