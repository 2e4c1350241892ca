"""Every rule's own examples are test cases (LanguageTool's harness), plus meta-tests on the rule files."""

from __future__ import annotations

import pytest

from checker.compare import attach_source
from checker.document import Document
from checker.engine import Engine
from checker.finding import CATEGORIES
from checker.rules import Example, Rule, builtin_rules_dir, load_rules

RULESET = load_rules([builtin_rules_dir()])
RULES = RULESET.rules


def _lang(rule: Rule, example: Example) -> str:
    return example.lang or rule.lang or rule.pack.lang or "en"


def _findings(rule: Rule, text: str, lang: str, example: Example | None = None):
    engine = Engine([rule], RULESET.packs)
    doc = Document(text, "<example>", lang)
    if example is not None and example.source is not None:
        attach_source(doc, example.source, example.source_lang)
    result = engine.check(doc)
    assert not result.failures, result.failures
    return [f for f in result.findings if f.code == rule.code]


CASES = [
    pytest.param(rule, ex, id=f"{rule.code}-{rule.name}-{'bad' if ex.bad else 'good'}{i}")
    for rule in RULES
    for i, ex in enumerate(rule.examples)
]


@pytest.mark.parametrize(("rule", "example"), CASES)
def test_example(rule: Rule, example: Example) -> None:
    lang = _lang(rule, example)
    found = _findings(rule, example.text, lang, example)
    if not example.bad:
        assert found == [], f"good example flagged: {[(f.text, f.start) for f in found]}"
        return
    assert example.span is not None
    assert len(found) == 1, f"expected exactly one finding on {example.span}, got {[(f.text, f.start, f.end) for f in found]}"
    f = found[0]
    assert (f.start, f.end) == example.span
    assert example.text[f.start:f.end] == f.text
    if example.fix is not None:
        assert list(f.suggestions) == list(example.fix)
        fixed = example.text[: f.start] + example.fix[0] + example.text[f.end:]
        assert _findings(rule, fixed, lang, example) == [], "applying the fix must clear the finding"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_has_bad_and_good_examples(rule: Rule) -> None:
    assert any(e.bad for e in rule.examples), "a rule needs at least one bad example"
    assert any(not e.bad for e in rule.examples), "a rule needs at least one good example"


@pytest.mark.parametrize("rule", RULES, ids=lambda r: r.code)
def test_rule_metadata(rule: Rule) -> None:
    assert rule.name == rule.path.stem
    assert rule.category in CATEGORIES
    assert rule.message.strip() and rule.why.strip()
    assert not rule.name.startswith(("no-", "check-")), "name the defect, not the check"


def test_codes_and_names_are_unique() -> None:
    codes = [r.code for r in RULES]
    names = [r.name for r in RULES]
    assert len(codes) == len(set(codes))
    assert len(names) == len(set(names))


def test_every_kind_is_used_and_documented() -> None:
    from checker.kinds import available, get_kind

    used = {r.kind for r in RULES}
    for kind in available():
        module = get_kind(kind)
        assert module.__doc__, f"kind {kind} has no docstring"
        assert kind in used, f"kind {kind} has no rule using it"
