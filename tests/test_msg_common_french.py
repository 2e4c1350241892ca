"""French texts of the common pack: every rule of rules/common speaks French, in French typography."""

from __future__ import annotations

import json
import re
import string
import tomllib
from pathlib import Path

import pytest
from conftest import ROOT, run_cli

COMMON = ROOT / "rules" / "common"
RULE_FILES = sorted(p for p in COMMON.glob("*.toml") if p.name != "pack.toml")
NBSP = ("\u00a0", "\u202f")
#: Backticked code, and quoted English or foreign samples, keep their own typography.
_VERBATIM = re.compile(r"`[^`]*`|“[^”]*”|\"[^\"\n]*\"")


def _load(path: Path) -> dict:
    with path.open("rb") as fh:
        return tomllib.load(fh)


def _fields(template: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(template) if name}


def _prose(text: str) -> str:
    return _VERBATIM.sub(" ", text)


def test_the_pack_has_rules() -> None:
    assert len(RULE_FILES) >= 90


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.stem)
def test_french_message_and_why(path: Path) -> None:
    data = _load(path)
    assert data.get("message_fr", "").strip() and data.get("why_fr", "").strip(), "no French text"
    assert _fields(data["message_fr"]) == _fields(data["message"]), "placeholders differ from the English message"
    keys = list(data)
    assert keys[keys.index("why") + 1: keys.index("why") + 3] == ["message_fr", "why_fr"], "not right after why"
    assert data["message_fr"] != data["message"] and data["why_fr"] != data["why"], "left in English"


@pytest.mark.parametrize("path", RULE_FILES, ids=lambda p: p.stem)
def test_french_typography(path: Path) -> None:
    data = _load(path)
    for key in ("message_fr", "why_fr"):
        prose = _prose(data[key])
        assert "‘" not in prose, f"{key}: English single quotes; French uses « »"
        for m in re.finditer(r"«(.)|(.)»", prose, re.S):
            inner = m.group(1) or m.group(2)
            assert inner in NBSP, f"{key}: guillemets need a no-break space inside: {prose[m.start() - 10:m.end() + 10]!r}"
        for m in re.finditer(r"(\S|\s)([;:!?])(?=\s|$)", prose):
            before = m.group(1)
            assert before in NBSP or before == "?", (
                f"{key}: French puts a no-break space before {m.group(2)!r}: {prose[m.start() - 15:m.end() + 5]!r}")


def test_explain_prints_french() -> None:
    proc = run_cli("explain", "MT221", "--message-lang", "fr")
    out = proc.stdout.decode()
    assert proc.returncode == 0, proc.stderr
    assert "Deux espaces ou plus entre deux mots" in out and "Pourquoi c'est important" in out
    assert "Two or more spaces between words" not in out
    english = run_cli("explain", "MT221").stdout.decode()
    assert "Two or more spaces between words" in english and "Deux espaces" not in english


def test_findings_of_a_french_article_are_in_french(tmp_path: Path) -> None:
    art = tmp_path / "article.txt"
    art.write_text("Le conseil municipal a voté le budget mardi.  La séance a duré deux heures.\n", encoding="utf-8")
    proc = run_cli("check", "--format", "json", "--lang", "fr", "--select", "MT221", str(art), cwd=tmp_path)
    issues = json.loads(proc.stdout)["files"][0]["issues"]
    assert [i["code"] for i in issues] == ["MT221"]
    assert issues[0]["message"].startswith("Deux espaces ou plus")
    english = run_cli("check", "--format", "json", "--lang", "fr", "--message-lang", "en", "--select", "MT221",
                      str(art), cwd=tmp_path)
    assert json.loads(english.stdout)["files"][0]["issues"][0]["message"].startswith("Two or more spaces")
