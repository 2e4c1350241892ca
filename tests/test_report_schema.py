"""The JSON report matches the JSON Schema shipped in the package, on every fixture."""

from __future__ import annotations

import copy
import json
from pathlib import Path

import jsonschema
import pytest

from checker.report import SCHEMA, report_schema
from conftest import ROOT, run_cli

FIXTURES = ROOT / "fixtures"


@pytest.fixture(scope="module")
def validator() -> jsonschema.Draft202012Validator:
    schema = report_schema()
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.FormatChecker())


@pytest.fixture(scope="module")
def fixtures_report() -> dict:
    proc = run_cli("check", "--format", "json", "fixtures")
    assert proc.returncode in (0, 1), proc.stderr.decode()
    return json.loads(proc.stdout)


def _errors(validator: jsonschema.Draft202012Validator, report: dict) -> list[str]:
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(report)]


def test_schema_is_loadable_from_the_package() -> None:
    from importlib.resources import files

    text = files("checker").joinpath("schema/report.schema.json").read_text(encoding="utf-8")
    assert json.loads(text)["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert json.loads(text)["properties"]["schema"]["const"] == SCHEMA


def test_every_fixture_report_is_valid(validator, fixtures_report) -> None:
    files = {f["path"] for f in fixtures_report["files"]}
    expected = {str(p.relative_to(ROOT)) for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".md")}
    assert files == expected
    assert _errors(validator, fixtures_report) == []


def test_fixture_reports_have_findings_to_validate(fixtures_report) -> None:
    # Otherwise the validation above would not have exercised the issue schema.
    assert sum(len(f["issues"]) for f in fixtures_report["files"]) > 0
    assert fixtures_report["summary"]["issues"] == sum(len(f["issues"]) for f in fixtures_report["files"])


@pytest.mark.parametrize(
    ("directory", "lang"),
    [("fixtures/articles/fr", "fr"), ("fixtures/articles/en", "en"), ("fixtures/clean/fr", "fr"),
     ("fixtures/clean/en", "en"), ("fixtures/seeds", "fr")],
)
def test_fixtures_with_forced_language(validator, directory: str, lang: str) -> None:
    proc = run_cli("check", "--format", "json", "--lang", lang, directory)
    assert proc.returncode in (0, 1), proc.stderr.decode()
    report = json.loads(proc.stdout)
    assert _errors(validator, report) == []
    assert report["files"] and {f["lang"] for f in report["files"]} == {lang}


def test_error_entries_are_valid(validator, tmp_path: Path) -> None:
    (tmp_path / "bin.txt").write_bytes(b"\x00\x01\x02")
    (tmp_path / "ok.txt").write_text("Il a dit le le mot.\n", encoding="utf-8")
    proc = run_cli("check", "--format", "json", "--lang", "fr",
                   str(tmp_path / "missing.txt"), str(tmp_path / "bin.txt"), str(tmp_path / "ok.txt"))
    assert proc.returncode == 2
    report = json.loads(proc.stdout)
    assert _errors(validator, report) == []
    assert [f["error"]["code"] if f["error"] else None for f in report["files"]] == ["missing", "binary", None]


def test_schema_rejects_a_broken_report(validator, fixtures_report) -> None:
    broken = copy.deepcopy(fixtures_report)
    issue = next(i for f in broken["files"] for i in f["issues"])
    del issue["start_utf16"]
    issue["severity"] = "fatal"
    messages = " ".join(_errors(validator, broken))
    assert "start_utf16" in messages and "fatal" in messages
