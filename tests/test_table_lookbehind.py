"""A table row may open with a positive look-behind (``(?<=…)``), in the whole pattern or in
one of its branches, and still report.

The prefix filter of the glossary and sense-table kinds asks whether a row can begin with the
first characters of a word start by a partial match of those characters alone, where a
look-behind sees nothing: such rows used to be dropped before they were tried. The filter now
reads the pattern without its positive look-behinds (``drop_lookbehinds``).
"""

from __future__ import annotations

from pathlib import Path

import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.document import Document
from checker.engine import Engine
from checker.kinds.glossary import drop_lookbehinds
from checker.rules import load_rules

RULE = """code = "MT999"
name = "lookbehind-row"
category = "calque"
severity = "minor"
kind = "{kind}"
message = "‘{{text}}’"
why = "A test rule."

[params]
table = "rows.tsv"
"""


def _found(tmp_path: Path, kind: str, row: str, text: str) -> list[str]:
    pack = tmp_path / "es"
    pack.mkdir()
    (pack / "pack.toml").write_text('lang = "es"\nversion = "0.0.1"\n', encoding="utf-8")
    (pack / "lookbehind-row.toml").write_text(RULE.format(kind=kind), encoding="utf-8")
    (pack / "rows.tsv").write_text(row + "\n", encoding="utf-8")
    ruleset = load_rules([tmp_path])
    result = Engine(ruleset.rules, ruleset.packs).check(Document(text, "<test>", "es"))
    assert not result.failures, result.failures
    return [text[f.start:f.end] for f in result.findings]


TEXT = "El detenido quedó libre, según el partido policial del distrito."


def test_sense_table_row_opening_with_a_lookbehind_reports(tmp_path: Path) -> None:
    assert _found(tmp_path, "sense-table", "en\t(?<=\\bsegún )el partido policial\tla policía", TEXT) == [
        "el partido policial"]


def test_glossary_branch_opening_with_a_lookbehind_reports(tmp_path: Path) -> None:
    row = "(?:(?<=\\bsegún )el|del) partido policial\tla policía"
    assert _found(tmp_path, "glossary", row, TEXT) == ["el partido policial"]


def test_the_lookbehind_still_decides(tmp_path: Path) -> None:
    # Dropped from the prefix filter only: the row itself still needs « según » before it.
    text = "Habló con el partido policial del distrito."
    assert _found(tmp_path, "sense-table", "en\t(?<=\\bsegún )el partido policial\tla policía", text) == []


def test_what_is_dropped() -> None:
    assert drop_lookbehinds(r"(?<=\bx )a|(?:(?<=y)b|c)") == "a|(?:b|c)"
    assert drop_lookbehinds(r"(?<=a)(?<=b)c") == "c"
    assert drop_lookbehinds(r"(?P<n>(?<=a)b)") == "(?P<n>b)"
    assert drop_lookbehinds(r"a*(?<=x)?b(?<=[)])") == "a*b"
    # Negative, inside a negative look-around, in a class, after an escaped parenthesis: kept.
    for kept in (r"(?<!a)b", r"a(?!b(?<=c))", r"[(?<=]x", r"\(?<=x\)y"):
        assert drop_lookbehinds(kept) == kept


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from(["a", "b", "|", "(?:", "(", ")", "(?<=x)", "(?<!y)", "(?=a)", "[|(]", "\\(",
                                 "?", "*", "{2}"]), max_size=14))
def test_the_filter_only_widens(parts: list[str]) -> None:
    source = "".join(parts)
    try:
        whole = regex.compile(source)
    except regex.error:
        return
    widened = drop_lookbehinds(source)
    filt = regex.compile(widened)  # what is left is still a pattern
    # Wherever the row matches, its prefix filter (asked on the text from there) can match too.
    for text in ("xab", "ab", "yb", "(a", "xb|", "b"):
        for pos in range(len(text) + 1):
            if whole.match(text, pos) is not None:
                assert filt.match(text[pos:], partial=True) is not None, (source, widened, text, pos)


def test_a_conditional_group_is_left_alone() -> None:
    # « (?(?<=x)a) »: the look-behind is the condition of a conditional group; dropping it broke the
    # pattern (found by the property test above).
    source = "(?:(?(?<=x)a(?<!y)))"
    regex.compile(source)
    assert drop_lookbehinds(source) == source
