"""Inline suppression comments: regions, next line, this line, whole file, selectors, --no-inline-config."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from checker.cli import main
from checker.document import Document
from checker.engine import Engine
from checker.rules import builtin_rules_dir, load_rules
from checker.suppress import directive_spans, matches, parse

RULESET = load_rules([builtin_rules_dir()])
DOUBLED = "Le ministre a présenté le le projet de loi mardi."
# A mixed article: the glued mark is the one reported (MT300 reports the minority style).
GLUED = "Quelle suite pour le projet? Et pour le budget ? Personne ne le sait."


def _rules(*codes: str):
    return [r for r in RULESET.rules if r.code in codes]


def _check(text: str, *codes: str, markdown: bool = False, inline: bool = True) -> list[tuple[str, int]]:
    """(code, 1-based line) of each finding of the given rules."""
    doc = Document(text, "a.md" if markdown else "a.txt", "fr")
    engine = Engine(_rules(*codes), RULESET.packs, inline_config=inline)
    result = engine.check(doc)
    assert not result.failures
    return [(f.code, doc.position(f.start)[0]) for f in result.findings]


def test_without_directives_both_rules_fire() -> None:
    assert _check(DOUBLED + "\n" + GLUED, "MT211", "MT300") == [("MT211", 1), ("MT300", 2)]


@pytest.mark.parametrize("selector", ["MT211", "MT2", "mt211", "doubled-word", "grammar", "ALL", ""])
def test_disable_line_accepts_every_selector_form(selector: str) -> None:
    text = f"{DOUBLED} <!-- mtlint-disable-line {selector} -->\n{DOUBLED}\n"
    assert _check(text, "MT211") == [("MT211", 2)]


def test_disable_line_leaves_other_rules_on() -> None:
    text = f"{DOUBLED} {GLUED} <!-- mtlint-disable-line MT211 -->\n"
    assert _check(text, "MT211", "MT300") == [("MT300", 1)]


def test_disable_next_line_skips_blank_lines_and_other_directives() -> None:
    text = f"<!-- mtlint-disable-next-line MT211 -->\n\n<!-- mtlint-disable-line MT300 -->\n{DOUBLED}\n{DOUBLED}\n"
    assert _check(text, "MT211") == [("MT211", 5)]


def test_region_until_enable() -> None:
    text = f"{DOUBLED}\n<!-- mtlint-disable MT211, MT300 -->\n{DOUBLED}\n{GLUED}\n<!-- mtlint-enable -->\n{DOUBLED}\n"
    assert _check(text, "MT211", "MT300") == [("MT211", 1), ("MT211", 6)]


def test_region_without_enable_runs_to_the_end() -> None:
    text = f"{DOUBLED}\n<!-- mtlint-disable -->\n{DOUBLED}\n{GLUED}\n"
    assert _check(text, "MT211", "MT300") == [("MT211", 1)]


def test_enable_with_selectors_reopens_only_those() -> None:
    text = f"<!-- mtlint-disable -->\n{DOUBLED}\n<!-- mtlint-enable MT300 -->\n{DOUBLED} {GLUED}\n"
    assert _check(text, "MT211", "MT300") == [("MT300", 4)]
    text = f"<!-- mtlint-disable MT2, MT3 -->\n{DOUBLED}\n<!-- mtlint-enable MT211 -->\n{DOUBLED} {GLUED}\n"
    assert _check(text, "MT211", "MT300") == [("MT211", 4)]


def test_disable_file_anywhere() -> None:
    text = f"{DOUBLED}\n{GLUED}\n<!-- mtlint-disable-file locale-format -->\n"
    assert _check(text, "MT211", "MT300") == [("MT211", 1)]


def test_reason_after_double_dash_is_not_a_selector() -> None:
    (d,) = parse("<!-- mtlint-disable-line MT211, MT300 -- quoted as written -->")
    assert d.kind == "disable-line" and d.selectors == ("MT211", "MT300")


def test_near_misses_are_not_directives() -> None:
    assert parse("<!-- mtlint-disabled MT211 -->") == []
    assert parse("<!-- mtlint-disable MT211\n-->") == []
    assert parse("mtlint-disable MT211") == []


def test_matches_mirrors_select() -> None:
    assert matches("MT2", "MT211", "doubled-word", "grammar")
    assert matches("grammar", "MT211", "doubled-word", "grammar")
    assert not matches("MT3", "MT211", "doubled-word", "grammar")
    assert not matches("doubled", "MT211", "doubled-word", "grammar")


def test_no_inline_config_ignores_directives() -> None:
    text = f"{DOUBLED} <!-- mtlint-disable-line -->\n"
    assert _check(text, "MT211", inline=False) == [("MT211", 1)]


def test_directive_in_text_file_is_not_prose() -> None:
    text = f"{DOUBLED}\n<!-- mtlint-disable-line MT211 -->\n"
    doc = Document(text, "a.txt", "fr")
    (span,) = directive_spans(text)
    assert doc.excluded == [span]
    assert doc.prose[span[0]:span[1]].strip() == ""
    assert len(doc.prose) == len(text)
    # No detector sees the comment's words.
    assert all(t.end <= span[0] for t in doc.tokens)


def test_markdown_comment_is_a_directive() -> None:
    text = f"# Titre\n\n<!-- mtlint-disable-next-line MT211 -->\n{DOUBLED}\n\n{DOUBLED} <!-- mtlint-disable-line -->\n"
    assert _check(text, "MT211", markdown=True) == []


def test_markdown_directive_inside_code_is_only_an_example() -> None:
    text = (
        "# Titre\n\n```\n<!-- mtlint-disable-file -->\n```\n\n"
        f"`<!-- mtlint-disable-line -->` {DOUBLED}\n"
    )
    assert _check(text, "MT211", markdown=True) == [("MT211", 7)]


def test_offsets_unchanged_by_directives() -> None:
    text = f"<!-- mtlint-disable MT300 -->\n{DOUBLED}\n"
    doc = Document(text, "a.txt", "fr")
    (f,) = Engine(_rules("MT211"), RULESET.packs).check(doc).findings
    assert text[f.start:f.end] == f.text == "le"


def test_cli_option(tmp_path: Path) -> None:
    path = tmp_path / "a.txt"
    path.write_text(f"{DOUBLED} <!-- mtlint-disable-line MT211 -->\n", encoding="utf-8")
    out = io.StringIO()
    assert main(["check", "--lang", "fr", "--select", "MT211", "--no-color", str(path)], out, io.StringIO()) == 0
    out = io.StringIO()
    code = main(["check", "--lang", "fr", "--select", "MT211", "--no-inline-config", "--no-color", str(path)], out, io.StringIO())
    assert code == 1 and "MT211" in out.getvalue()
