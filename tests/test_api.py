"""The public API (docs/API.md), exercised through public names only.

Every name in ``checker.__all__`` is imported from ``checker`` and used here; the
Linter's JSON equals the command line's for every fixture; bad languages raise.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

import checker
from checker import (
    Config,
    ConfigError,
    FileReport,
    Finding,
    InputError,
    Linter,
    MtlintError,
    RulePackError,
    RunOptions,
    RunReport,
    Severity,
    UsageError,
)
from conftest import ROOT, default_linter, run_cli

FIXTURES = sorted(
    p for p in (ROOT / "fixtures").rglob("*")
    if p.suffix in (".txt", ".md") and "compare" not in p.parts and p.is_file()
)
SCHEMA = json.loads((ROOT / "checker" / "schema" / "report.schema.json").read_text(encoding="utf-8"))
ARTICLE = "Le gouvernement a présenté mardi un plan sur l'Al. Les Al génératives inquiètent les syndicats.\n"


def test_every_public_name_is_importable_and_listed() -> None:
    for name in checker.__all__:
        assert getattr(checker, name) is not None
    assert issubclass(UsageError, MtlintError) and issubclass(ConfigError, MtlintError)
    assert issubclass(InputError, MtlintError) and issubclass(RulePackError, MtlintError)
    with pytest.raises(AttributeError):
        checker.NoSuchThing  # noqa: B018


def test_check_text_returns_a_file_report_that_validates() -> None:
    report = Linter(lang="fr").check_text(ARTICLE)
    assert isinstance(report, FileReport)
    assert report.lang == "fr"
    assert all(isinstance(f, Finding) for f in report.findings)
    codes = {f.code for f in report.findings}
    assert "MT101" in codes
    entry = report.to_dict()
    for issue in entry["issues"]:
        assert ARTICLE[issue["start"]:issue["end"]] == issue["text"]
    run = Linter(lang="fr").report([report])
    assert isinstance(run, RunReport)
    jsonschema.validate(run.to_dict(), SCHEMA)


@pytest.mark.parametrize("path", FIXTURES, ids=lambda p: str(p.relative_to(ROOT / "fixtures")))
def test_linter_json_equals_cli_json(path: Path) -> None:
    cli = run_cli("check", "--format", "json", str(path))
    assert cli.returncode in (0, 1), cli.stderr
    (expected,) = json.loads(cli.stdout)["files"]
    assert default_linter().check_file(str(path)).to_dict() == expected
    from_text = default_linter().check_text(path.read_text(encoding="utf-8"), path=str(path))
    assert from_text.to_dict() == expected


def test_language_names_in_any_form() -> None:
    assert Linter(lang="français").config.lang == "fr"
    assert Linter(lang="fr_CA").config.lang == "fr-CA"
    assert Linter(lang="French").config.lang == "fr"


@pytest.mark.parametrize("bad", ["xx", "klingon", ""])
def test_unknown_or_unsupported_language_raises(bad: str) -> None:
    with pytest.raises(UsageError):
        Linter(lang=bad)
    with pytest.raises(UsageError):
        default_linter().check_text("Un texte en français.", lang=bad)


def test_bad_settings_raise_instead_of_returning_nothing(tmp_path: Path) -> None:
    with pytest.raises(UsageError):
        Linter(select="MT999")
    with pytest.raises(UsageError):
        Linter(min_severity="loud")
    with pytest.raises(UsageError):
        Linter(fail_under=140)
    with pytest.raises(UsageError):
        default_linter().check_text(b"bytes are not text")  # type: ignore[arg-type]
    bad = tmp_path / ".mtlint.toml"
    bad.write_text('lang = 3\n', encoding="utf-8")
    with pytest.raises(ConfigError):
        Linter(bad)


def test_config_object_path_and_keywords(tmp_path: Path) -> None:
    cfg = tmp_path / ".mtlint.toml"
    cfg.write_text('lang = "fr"\nignore = ["MT101"]\n', encoding="utf-8")
    from_path = Linter(cfg)
    assert from_path.config.lang == "fr"
    assert "MT101" not in {f.code for f in from_path.check_text(ARTICLE).findings}
    from_object = Linter(Config(lang="fr"), severity={"MT101": "critical"})
    worst = [f for f in from_object.check_text(ARTICLE).findings if f.code == "MT101"]
    assert worst and all(f.severity is Severity.CRITICAL for f in worst)
    selected = Linter(lang="fr", select=["MT1"])
    assert {f.code[:3] for f in selected.check_text(ARTICLE).findings} == {"MT1"}


def test_check_file_and_check_many(tmp_path: Path) -> None:
    one = tmp_path / "a.txt"
    one.write_text(ARTICLE, encoding="utf-8")
    two = tmp_path / "b.md"
    two.write_text("# Titre\n\n" + ARTICLE, encoding="utf-8")
    linter = Linter(lang="fr")
    assert linter.check_file(one).findings
    missing = linter.check_file(tmp_path / "nope.txt")
    assert missing.error is not None and missing.error[0] == "missing"
    for jobs in (1, 2):
        reports = list(linter.check_many([tmp_path], jobs=jobs))
        assert [Path(r.path).name for r in reports] == ["a.txt", "b.md"]
        assert all(r.findings for r in reports)
    run = linter.report(reports)
    assert run.exit_code == 1 and run.summary()["files"] == 2


def test_reference_and_source_texts() -> None:
    linter = Linter(lang="fr", options=RunOptions(source_lang="en"))
    report = linter.check_text(
        "Le maire a présenté le budget mardi.\n\nIl sera voté en mai.\n",
        reference="Le maire a présenté son budget mardi.\n\nIl sera voté en mai.\n",
        source="The mayor presented the budget on Tuesday.\n\nIt will be voted on in May.\n",
    )
    data = report.to_dict()
    assert data["reference"]["aligned"] == 2
    assert data["source"]["lang"] == "en"


def test_second_check_does_no_rule_loading(monkeypatch: pytest.MonkeyPatch) -> None:
    import checker.linter
    import checker.rules

    linter = Linter(lang="fr")
    linter.check_text(ARTICLE)
    calls = []
    original = checker.rules.load_rules

    def spy(*args: object, **kwargs: object) -> object:
        calls.append(args)
        return original(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(checker.rules, "load_rules", spy)
    monkeypatch.setattr(checker.linter, "load_rules", spy)
    first = linter.check_text(ARTICLE)
    second = linter.check_text(ARTICLE)
    assert calls == []
    assert [f.code for f in first.findings] == [f.code for f in second.findings]


def test_fix_options_never_write_through_check_text(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    text = "Le  maire a parlé.\n"
    path.write_text(text, encoding="utf-8")
    linter = Linter(lang="fr", options=RunOptions(fix=True))
    report = linter.check_text(text, path=str(path))
    assert report.fix is not None
    assert path.read_text(encoding="utf-8") == text  # check_text reads and writes no file
