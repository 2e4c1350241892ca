"""Hostile shapes found by the reliability probe of Markdown, output formats and odd text: each
costs about linear time (``assert_linear``: a scaling ratio, never a wall-clock limit)."""

from __future__ import annotations

import pytest
from conftest import assert_linear, check_rules, default_linter

# A long blank run inside one sentence: tried from each blank of the run, a pattern that
# starts with a blank run (\s+ before a conjunction, blanks before a dash or a bracket)
# rescanned the rest of the run each time.
BLANK_RUNS = {
    "spaces": lambda n: "Le maire" + " " * (4 * n) + "a parlé.",
    "tabs": lambda n: "Le maire" + "\t" * (4 * n) + "a parlé.",
    "no-break-spaces": lambda n: "Le maire" + "\u00a0" * (4 * n) + "a parlé.",
}


@pytest.mark.parametrize("shape", sorted(BLANK_RUNS))
@pytest.mark.parametrize("code", ["MT111", "MT133", "MT134"])
def test_blank_run_inside_a_sentence(code: str, shape: str) -> None:
    assert_linear(lambda text: check_rules(code, text, "fr"), BLANK_RUNS[shape], 5_000)


def test_blank_runs_keep_their_findings() -> None:
    # The separators and mirror lines are found as before around ordinary blanks.
    text = "Parmi les invités figuraient Paul Martin,  Léa seydoux   et Omar Sy. Léa Seydoux a parlé."
    assert [f.text for f in check_rules("MT111", text, "fr")] == ["Léa seydoux"]
    mirror = "Ada Lovelace  -\u00a0 Ada Lovelace\n\nAda Lovelace était une mathématicienne."
    assert [(f.text, f.start) for f in check_rules("MT133", mirror, "fr")] == [("Ada Lovelace", 17)]


WHOLE_CHECK = {
    # An inline HTML tag with a huge attribute: masked to blanks, one long blank run.
    "markdown-huge-attribute": (lambda n: 'Texte <a href="' + "x" * (4 * n) + '">lien</a> suite.\n', True),
    "blank-run-in-sentence": (BLANK_RUNS["spaces"], False),
}


@pytest.mark.parametrize("shape", sorted(WHOLE_CHECK))
def test_whole_check_is_linear(shape: str) -> None:
    make, markdown = WHOLE_CHECK[shape]

    def check(text: str) -> None:
        report = default_linter().check_text(text, lang="fr", markdown=markdown)
        assert report.error is None and not report.failures

    assert_linear(check, make, 2_500)


_GUARDED_RULE = """\
code = "TT901"
name = "guarded-zz"
category = "grammar"
severity = "minor"
kind = "pattern"
message = "m"
why = "w"
[params]
pattern = "zz"
exceptions = ["zz yy"]
[[examples]]
bad = "a [[zz]] b"
[[examples]]
good = "a zz yy b"
"""


def test_many_matches_and_many_exception_spans(tmp_path) -> None:  # noqa: ANN001
    # Each match was compared with every exception span: matches × spans (the phrase, pattern
    # and slot-pattern kinds); the spans are now looked up by bisection (checker/kinds/_spans.py).
    from checker.document import Document
    from checker.engine import Engine
    from checker.rules import load_rules

    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "guarded-zz.toml").write_text(_GUARDED_RULE, encoding="utf-8")
    ruleset = load_rules([pack])
    engine = Engine(ruleset.rules, ruleset.packs)

    def check(text: str) -> list:
        result = engine.check(Document(text, "<t>", "fr"))
        assert not result.failures
        return result.findings

    assert [(f.start, f.end) for f in check("zz yy zz xx zz yy ")] == [(6, 8)]
    assert_linear(check, lambda n: "zz yy zz xx " * n, 2_000)
