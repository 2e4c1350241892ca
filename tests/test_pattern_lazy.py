"""Kinds ``pattern`` and ``slot-pattern`` under trusted builds (rule files that built before):
the pattern is compiled at the first document that holds its literals, not at build, and
finds the same; new rule files are still compiled, and a bad group reported, at build."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import regex

from checker.document import Document
from checker.kinds import get_kind
from checker.prefilter import trusted


def _rules(tmp_path: Path, body: str) -> Any:
    from checker.rules import load_rules

    pack = tmp_path / "p"
    pack.mkdir()
    (pack / "pack.toml").write_text('lang = "en"\nversion = "0"\n', encoding="utf-8")
    (pack / "lazy.toml").write_text('code = "XX902"\nname = "lazy"\ncategory = "calque"\nseverity = "minor"\n'
                                 'message = "m"\nwhy = "w"\n' + body, encoding="utf-8")
    return load_rules([pack]).rules[0]


def _compiled_sources(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    seen: list[str] = []
    real = regex.compile

    def spy(pattern: Any, flags: int = 0, **kwargs: Any) -> Any:
        seen.append(str(pattern))
        return real(pattern, flags, **kwargs)

    monkeypatch.setattr(regex, "compile", spy)
    return seen


@pytest.mark.parametrize("body", [
    'kind = "pattern"\n[params]\npattern = "\\\\bzorglub(?:ed|s)?\\\\b"\nexceptions = ["zorglubs? forever"]\n',
    'kind = "slot-pattern"\n[params]\npattern = "\\\\b{{w}}ed\\\\b"\nslots = { w = ["zorglub", "frobnic"] }\n',
])
def test_trusted_build_compiles_at_the_first_document_that_can_match(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, body: str) -> None:
    rule = _rules(tmp_path, body)
    seen = _compiled_sources(monkeypatch)
    with trusted():
        check = get_kind(rule.kind).build(rule)
    ctx = type("Ctx", (), {"primary": "en"})()
    without = Document("Nothing here can match at all.", "<t>", "en")
    assert list(check(without, ctx)) == []
    assert not any("zorglub" in s for s in seen)  # neither at build nor for a document without the word
    text = "They zorglubed the frobnicator twice."
    found = [text[h.start:h.end] for h in check(Document(text, "<t>", "en"), ctx)]
    assert found == ["zorglubed"]
    assert any("zorglub" in s for s in seen)


def test_untrusted_build_still_validates_the_group(tmp_path: Path) -> None:
    from checker.errors import RulePackError

    with pytest.raises(RulePackError, match="group 2 does not exist"):
        _rules(tmp_path, 'kind = "pattern"\n[params]\npattern = "\\\\bzorglub\\\\b"\ngroup = 2\n')
