"""`mtlint test-rules` (a pack's examples through the built-in harness) and `mtlint schema rule|config`."""

from __future__ import annotations

import io
import json
import tomllib
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from checker.cli import main
from checker.report import report_schema
from checker.rules import builtin_rules_dir

RULE = '''code = "HX101"
name = "house-word"
category = "calque"
severity = "major"
kind = "pattern"
message = "‘{text}’ is banned by the house style."
why = "The house style guide bans this word."

[params]
pattern = '\\bplateau\\b'

[[examples]]
bad = "Un [[plateau]] de fromages."

[[examples]]
good = "Une plate-forme."
'''


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), out, err)
    return code, out.getvalue(), err.getvalue()


def pack(tmp_path: Path, text: str = RULE, name: str = "house-word") -> Path:
    d = tmp_path / "house"
    d.mkdir(exist_ok=True)
    (d / f"{name}.toml").write_text(text, encoding="utf-8")
    return d


@pytest.mark.slow
def test_builtin_packs_pass() -> None:
    code, out, err = cli("test-rules")
    assert code == 0, out + err
    assert out.splitlines()[-1].endswith("all passed.")
    assert "FAIL" not in out


def test_a_good_pack_passes(tmp_path: Path) -> None:
    code, out, _ = cli("test-rules", "-v", str(pack(tmp_path)))
    assert code == 0
    assert out.splitlines() == [
        "ok   HX101 house-word example 1 (bad)", "ok   HX101 house-word example 2 (good)",
        "2 examples of 1 rule: all passed."]


def test_broken_examples_give_a_clear_report(tmp_path: Path) -> None:
    broken = RULE.replace("Un [[plateau]] de", "[[Un]] plateau de").replace(
        'good = "Une plate-forme."', 'good = "Un plateau vide."')
    broken += '\n[[examples]]\nbad = "Le [[plateau]] tourne."\nfix = "plan"\n'
    d = pack(tmp_path, broken)
    code, out, _ = cli("test-rules", str(d))
    assert code == 1
    lines = out.splitlines()
    assert lines[0] == "FAIL HX101 house-word example 1 (bad): expected one finding on 0-2 ‘Un’, got 3-10 ‘plateau’"
    assert lines[1].strip() == str(d / "house-word.toml")
    assert "FAIL HX101 house-word example 2 (good): good example flagged: 3-10 ‘plateau’" in lines
    assert "FAIL HX101 house-word example 3 (bad): expected the fix ['plan'], got the suggestions []" in lines
    assert lines[-1] == "3 examples of 1 rule: 3 failed."


def test_a_rule_needs_both_kinds_of_example(tmp_path: Path) -> None:
    only_bad = RULE.split('[[examples]]\ngood')[0]
    code, out, _ = cli("test-rules", str(pack(tmp_path, only_bad)))
    assert code == 1 and "FAIL HX101 house-word: needs at least one good example" in out


def test_a_bad_rule_file_is_a_usage_error(tmp_path: Path) -> None:
    code, _, err = cli("test-rules", str(pack(tmp_path, RULE.replace('severity = "major"', 'severity = "loud"'))))
    assert code == 2 and "mtlint: bad rule:" in err and "severity" in err
    code, out, _ = cli("test-rules", str(tmp_path / "house" / "nothing-here"))
    assert code == 2


def test_a_builtin_pack_alone(tmp_path: Path) -> None:
    code, out, _ = cli("test-rules", str(builtin_rules_dir() / "en"))
    assert code == 0 and "all passed" in out
    n = len(list((builtin_rules_dir() / "en").glob("*.toml"))) - (builtin_rules_dir() / "en" / "pack.toml").exists()
    assert f"of {n} rules" in out


def _schema(which: str) -> Draft202012Validator:
    code, out, _ = cli("schema", which)
    assert code == 0
    schema = json.loads(out)
    Draft202012Validator.check_schema(schema)
    return Draft202012Validator(schema)


def test_rule_schema_accepts_every_builtin_rule_and_rejects_mistakes(tmp_path: Path) -> None:
    validator = _schema("rule")
    files = [p for p in builtin_rules_dir().rglob("*.toml") if p.name != "pack.toml"]
    assert len(files) > 50
    for path in files:
        errors = list(validator.iter_errors(tomllib.loads(path.read_text(encoding="utf-8"))))
        assert not errors, f"{path}: {errors[0].message}"
    good = tomllib.loads(RULE)
    for broken in ({**good, "severity": "loud"}, {**good, "categroy": "calque"},
                   {k: v for k, v in good.items() if k != "why"}, {**good, "code": "hx1"},
                   {**good, "examples": [{"bad": "no marked span"}]}, {**good, "examples": [{"good": "x", "fix": "y"}]}):
        assert list(validator.iter_errors(broken)), broken


def test_config_schema(tmp_path: Path) -> None:
    validator = _schema("config")
    readme = (Path(__file__).resolve().parent.parent / "README.md").read_text(encoding="utf-8")
    block = readme.split("```toml\n[tool.mtlint]\n", 1)[1].split("```", 1)[0]
    data = tomllib.loads("[tool.mtlint]\n" + block)["tool"]["mtlint"]
    assert "overrides" in data
    assert not list(validator.iter_errors(data))
    for broken in ({"fail-on": "loud"}, {"lang": 3}, {"colour": True}, {"overrides": [{"lang": "en"}]},
                   {"weights": {"major": -1}}, {"fail-under": 120}):
        assert list(validator.iter_errors(broken)), broken
    assert json.loads(cli("schema", "report")[1]) == report_schema()


def test_rule_schema_lists_every_category() -> None:
    import json

    from checker.finding import CATEGORIES

    schema = json.loads((Path(__file__).resolve().parent.parent / "checker" / "schema" / "rule.schema.json")
                        .read_text(encoding="utf-8"))
    found = set()

    def walk(node: object) -> None:
        if isinstance(node, dict):
            if "enum" in node and "untranslated" in node["enum"]:
                found.update(node["enum"])
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(schema)
    assert found == set(CATEGORIES)
