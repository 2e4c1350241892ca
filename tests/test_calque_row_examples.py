"""Each row of a calque / false-friend / sense table may carry its own examples; run them all.

A row's ``bad=`` cell is a sentence with the span the row must report marked ``[[…]]``;
its ``good=`` cell a sentence where the same words are correct and must stay silent (the
row's context condition at work). In a cell, ``\\n`` stands for a line break and ``\\t``
for a tab (label lines). The language of the example is the row's ``lang=`` if it has one,
else the language of the rule's pack. The whole rule runs (every row of its table), so a
good example must also stay clear of the other rows.
"""

from __future__ import annotations

import re

import pytest

from checker.document import Document
from checker.engine import Engine
from checker.kinds.glossary import row_examples
from checker.rules import Rule, builtin_rules_dir, load_rules
from checker.wordlists import read_table

RULESET = load_rules([builtin_rules_dir()])
TABLE_KINDS = ("glossary", "sense-table", "label-table", "support-verb")
_MARK = re.compile(r"\[\[(.+?)\]\]")


def _cell_text(text: str) -> str:
    return text.replace("\\n", "\n").replace("\\t", "\t")


def _row_lang(rule: Rule, row: tuple[str, ...]) -> str:
    for cell in row[2:]:
        key, sep, expr = cell.partition("=")
        if sep and key.strip() == "lang":
            return expr.split(",")[0].strip()
    return rule.lang or rule.pack.lang or "en"


def _cases() -> list:
    cases = []
    for rule in RULESET.rules:
        if rule.kind not in TABLE_KINDS:
            continue
        for n, row in enumerate(read_table(rule.resolve(rule.params["table"]))):
            bad, good = row_examples(row)
            lang = _row_lang(rule, row)
            for i, text in enumerate(bad):
                cases.append(pytest.param(rule, lang, _cell_text(text), True, id=f"{rule.code}-row{n}-bad{i}"))
            for i, text in enumerate(good):
                cases.append(pytest.param(rule, lang, _cell_text(text), False, id=f"{rule.code}-row{n}-good{i}"))
    return cases


CASES = _cases()


def _findings(rule: Rule, text: str, lang: str):
    result = Engine([rule], RULESET.packs).check(Document(text, "<row example>", lang))
    assert not result.failures, result.failures
    return [f for f in result.findings if f.code == rule.code]


def test_there_are_row_examples() -> None:
    assert len(CASES) >= 300


@pytest.mark.parametrize(("rule", "lang", "text", "is_bad"), CASES)
def test_row_example(rule: Rule, lang: str, text: str, is_bad: bool) -> None:
    if not is_bad:
        found = _findings(rule, text, lang)
        assert found == [], f"good example flagged: {[(f.text, f.start) for f in found]}"
        return
    marks = list(_MARK.finditer(text))
    assert len(marks) == 1, "a bad= example marks exactly one span with [[…]]"
    m = marks[0]
    plain = text[: m.start()] + m.group(1) + text[m.end() :]
    span = (m.start(), m.start() + len(m.group(1)))
    found = _findings(rule, plain, lang)
    assert [(f.start, f.end) for f in found] == [span], f"expected one finding on {m.group(1)!r}, got {[f.text for f in found]}"
    assert plain[found[0].start : found[0].end] == found[0].text
    assert found[0].suggestions, "a calque row suggests a replacement"


def test_every_new_row_has_both_examples() -> None:
    """Rows after a table's ``# === rows with examples`` marker must carry a bad= and a good=."""
    missing = []
    for rule in RULESET.rules:
        if rule.kind not in TABLE_KINDS:
            continue
        path = rule.resolve(rule.params["table"])
        marked = False
        for line in path.read_text(encoding="utf-8").splitlines():
            if line.startswith("# === rows with examples"):
                marked = True
                continue
            if not marked or not line.strip() or line.lstrip().startswith("#"):
                continue
            bad, good = row_examples(tuple(c.strip() for c in line.split("\t")))
            if not bad or not good:
                missing.append(f"{path.name}: {line.split(chr(9))[:2]}")
    assert not missing, "rows without their own bad= and good= examples:\n" + "\n".join(missing)


def test_optional_space_in_a_pattern_stays_optional() -> None:
    """`` ?`` in a row is an optional space (it used to require one or more)."""
    import regex

    from checker.kinds.glossary import compile_entry

    entry = compile_entry(("hand ?phones?", "mobile phone"), regex.IGNORECASE, "<test>")
    assert entry.regex.search("a new handphone")
    assert entry.regex.search("a new hand phone")
    assert entry.regex.search("a new hand\u00a0phone")
    assert not entry.regex.search("a new hand-phone")


def test_label_conditions_see_the_line_start() -> None:
    """An infobox ``doc=`` condition written with ``(?m:^)`` finds a label after a name line."""
    import regex

    from checker.kinds.sense_table import _compile_row

    row = _compile_row(("en", "Enfants", "-", "lang=fr", r"left=\n|\A", r"right=:|\t|\n|\Z", r"doc=(?m:^)(?:Née?s?)[\t\x20]*(?::|\t|\n)"), regex.IGNORECASE, "<test>")
    text = "Marie Curie\nNée : 1867\nEnfants : deux"
    assert all(p.search(text) for p in row.doc_need)
    assert not all(p.search("Marie Curie\nNée à Varsovie, elle…\nEnfants : deux") for p in row.doc_need)
