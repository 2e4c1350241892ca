"""--format sarif: a SARIF 2.1.0 log valid against the official schema, with stable fingerprints and fixes."""

from __future__ import annotations

import io
import json
from pathlib import Path
from typing import Any

import pytest
from conftest import ROOT, SHARED

from checker.cli import main

SCHEMA = SHARED / "schemas" / "sarif-schema-2.1.0.json"

HOUSE_RULE = '''code = "HX101"
name = "house-word"
category = "calque"
severity = "major"
kind = "pattern"
link = "https://example.org/style#house-word"
message = "‘{text}’ is banned by the house style."
why = "The house style guide bans this word."

[params]
pattern = '\\bplateau\\b'

[[examples]]
bad = "Un [[plateau]] de fromages."

[[examples]]
good = "Une plate-forme."
'''


def _sarif(args: list[str], cwd: Path | None = None) -> tuple[int, dict[str, Any], str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(["check", "--format", "sarif", *args], out, err)
    return code, json.loads(out.getvalue()), err.getvalue()


def _validator() -> Any:
    if not SCHEMA.is_file():
        pytest.skip(f"the official SARIF schema is not at {SCHEMA} (set MTLINT_SHARED to the shared directory)")
    from jsonschema import Draft4Validator

    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    Draft4Validator.check_schema(schema)
    return Draft4Validator(schema)


@pytest.mark.slow
def test_every_fixture_validates_against_the_official_schema(monkeypatch: pytest.MonkeyPatch) -> None:
    validator = _validator()
    monkeypatch.chdir(ROOT)
    fixtures = sorted(p for p in (ROOT / "fixtures").rglob("*") if p.suffix in (".txt", ".md"))
    assert len(fixtures) > 40
    code, log, _ = _sarif(["fixtures"])
    errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
    assert not errors, "\n".join(f"{list(e.path)}: {e.message}" for e in errors[:10])
    run = log["runs"][0]
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in run["results"]}
    # Every fixture with a finding is named by its repository-relative path.
    json_out = io.StringIO()
    main(["check", "--format", "json", "fixtures"], json_out, io.StringIO())
    report = json.loads(json_out.getvalue())
    assert uris == {f["path"] for f in report["files"] if f["issues"]}
    assert len(run["results"]) == report["summary"]["issues"]
    # Every rule that ran is described, findings point at their descriptor.
    ids = [d["id"] for d in run["tool"]["driver"]["rules"]]
    assert ids == sorted(report["settings"]["rules"])
    for r in run["results"]:
        assert ids[r["ruleIndex"]] == r["ruleId"]
    assert run["columnKind"] == "unicodeCodePoints"
    assert code == 1


def test_regions_offsets_levels_and_fixes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    text = "Titre\n\nLe ministre a présenté le le projet.\nC’est l’ équipe de 😀 Ã©té qui gagne.\n"
    (tmp_path / "news").mkdir()
    (tmp_path / "news" / "a b.txt").write_text(text, encoding="utf-8")
    code, log, _ = _sarif(["--lang", "fr", "--select", "MT211,MT254,MT231", "news"])
    run = log["runs"][0]
    results = {r["ruleId"]: r for r in run["results"]}
    assert set(results) == {"MT211", "MT254", "MT231"}
    for r in run["results"]:
        loc = r["locations"][0]["physicalLocation"]
        assert loc["artifactLocation"] == {"uri": "news/a%20b.txt", "uriBaseId": "%SRCROOT%"}
        region = loc["region"]
        span = text[region["charOffset"]:region["charOffset"] + region["charLength"]]
        assert span == region["snippet"]["text"]
        line = text.split("\n")[region["startLine"] - 1]
        assert line[region["startColumn"] - 1:region["endColumn"] - 1] == span
    assert results["MT211"]["level"] == "warning"  # minor
    assert results["MT231"]["level"] == "error"  # major
    # The column after the emoji counts code points, not UTF-16 units.
    assert results["MT231"]["locations"][0]["physicalLocation"]["region"]["startColumn"] == text.split("\n")[3].index("Ã") + 1
    # An autofix rule carries its fix; applying it gives the suggested text.
    fix = results["MT254"]["fixes"][0]["artifactChanges"][0]["replacements"][0]
    s, n = fix["deletedRegion"]["charOffset"], fix["deletedRegion"]["charLength"]
    assert text[:s] + fix["insertedContent"]["text"] + text[s + n:] == text.replace("l’ équipe", "l’équipe")
    assert "fixes" not in results["MT211"]  # not an autofix rule
    assert run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == tmp_path.resolve().as_uri() + "/"
    assert code == 1


def test_fingerprints_are_stable_across_runs_and_moved_lines(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    body = "Le ministre a présenté le le projet.\n\nPuis le le maire a parlé.\n"
    path.write_text(body, encoding="utf-8")
    args = ["--lang", "fr", "--select", "MT211", str(path)]
    first = _sarif(args)[1]["runs"][0]["results"]
    second = _sarif(args)[1]["runs"][0]["results"]
    prints = [r["partialFingerprints"] for r in first]
    assert prints == [r["partialFingerprints"] for r in second]
    assert len({json.dumps(p) for p in prints}) == 2  # same rule, same text: told apart by occurrence
    path.write_text("Un titre ajouté\n\nUn paragraphe ajouté.\n\n" + body, encoding="utf-8")
    moved = _sarif(args)[1]["runs"][0]["results"]
    assert [r["partialFingerprints"] for r in moved] == prints
    assert moved[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 5


def test_rule_descriptors_of_a_house_pack(tmp_path: Path) -> None:
    pack = tmp_path / "house"
    pack.mkdir()
    (pack / "house-word.toml").write_text(HOUSE_RULE, encoding="utf-8")
    path = tmp_path / "a.txt"
    path.write_text("On a servi un plateau de fromages.\n", encoding="utf-8")
    _, log, err = _sarif(["--lang", "fr", "--rules", str(pack), "--select", "HX101,MT211", str(path)])
    assert err == ""
    rules = {d["id"]: d for d in log["runs"][0]["tool"]["driver"]["rules"]}
    assert set(rules) == {"HX101", "MT211"}  # every rule that ran, with or without findings
    house = rules["HX101"]
    assert house["helpUri"] == "https://example.org/style#house-word"
    assert house["name"] == "house-word"
    assert house["defaultConfiguration"]["level"] == "error"
    assert house["fullDescription"]["text"] == "The house style guide bans this word."
    assert house["shortDescription"]["text"] == "‘…’ is banned by the house style."
    assert house["properties"]["mqm"] == "Style/Unidiomatic"
    assert "helpUri" not in rules["MT211"]
    assert log["runs"][0]["tool"]["driver"]["version"]


def test_unreadable_file_is_a_notification(tmp_path: Path) -> None:
    validator = _validator()
    good = tmp_path / "a.txt"
    good.write_text("Le le projet.\n", encoding="utf-8")
    code, log, err = _sarif(["--lang", "fr", "--select", "MT211", str(good), str(tmp_path / "missing.txt")])
    assert code == 2 and "missing.txt" in err
    inv = log["runs"][0]["invocations"][0]
    assert inv["executionSuccessful"] is False
    assert "missing.txt" in inv["toolExecutionNotifications"][0]["message"]["text"]
    assert len(log["runs"][0]["results"]) == 1
    assert not list(validator.iter_errors(log))


def test_output_format_is_an_alias(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text("Le le projet.\n", encoding="utf-8")
    out = io.StringIO()
    main(["check", "--output-format", "sarif", "--lang", "fr", str(path)], out, io.StringIO())
    assert json.loads(out.getvalue())["version"] == "2.1.0"
