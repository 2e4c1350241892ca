"""``mtlint test-rules``: a rule pack's own examples run through the harness of the built-in rules.

Every ``bad`` example must give exactly one finding of its rule, on the span marked
``[[…]]``; its ``fix`` must equal the finding's suggestions, and the text with the fix
applied must give no finding. Every ``good`` example must give none. A rule also needs
at least one bad and one good example. ``tests/test_rule_examples.py`` holds the
built-in rules to the same checks.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any, TextIO

from checker.dataclass import dataclass
from checker.document import Document
from checker.engine import Engine
from checker.rules import Example, Rule, RuleSet, builtin_rules_dir, load_rules


@dataclass(frozen=True)
class Outcome:
    """The verdict on one example (or on a rule's set of examples when ``index`` is None)."""

    rule: Rule
    index: int | None
    ok: bool
    problem: str = ""

    @property
    def label(self) -> str:
        if self.index is None:
            return f"{self.rule.code} {self.rule.name}"
        ex = self.rule.examples[self.index]
        return f"{self.rule.code} {self.rule.name} example {self.index + 1} ({'bad' if ex.bad else 'good'})"


def example_lang(rule: Rule, example: Example) -> str:
    """An example's language: its own, else the rule's, else its pack's, else English."""
    return example.lang or (rule.lang or "").split(",")[0].strip() or rule.pack.lang or "en"


def findings(rule: Rule, packs: Sequence[Any], text: str, example: Example) -> list[Any]:
    """The findings of `rule` alone on `text` (with the example's source attached when it has one)."""
    engine = Engine([rule], packs)
    doc = Document(text, "<example>", example_lang(rule, example))
    if example.source is not None:
        from checker.compare import attach_source

        attach_source(doc, example.source, example.source_lang)
    result = engine.check(doc)
    if result.failures:
        raise RuntimeError("; ".join(x.message for x in result.failures))
    return [f for f in result.findings if f.code == rule.code]


def _spans(found: Iterable[Any]) -> str:
    spans = [f"{f.start}-{f.end} ‘{f.text}’" for f in found]
    return ", ".join(spans) if spans else "none"


def check_example(rule: Rule, packs: Sequence[Any], index: int) -> Outcome:
    """Run one example."""
    example = rule.examples[index]
    try:
        found = findings(rule, packs, example.text, example)
        if not example.bad:
            if found:
                return Outcome(rule, index, False, f"good example flagged: {_spans(found)}")
            return Outcome(rule, index, True)
        assert example.span is not None
        s, e = example.span
        want = f"{s}-{e} ‘{example.text[s:e]}’"
        if len(found) != 1 or (found[0].start, found[0].end) != (s, e):
            return Outcome(rule, index, False, f"expected one finding on {want}, got {_spans(found)}")
        if example.fix is not None:
            got = list(found[0].suggestions)
            if got != list(example.fix):
                return Outcome(rule, index, False, f"expected the fix {list(example.fix)}, got the suggestions {got}")
            fixed = example.text[:s] + example.fix[0] + example.text[e:]
            again = findings(rule, packs, fixed, example)
            if again:
                return Outcome(rule, index, False, f"applying the fix leaves a finding: {_spans(again)}")
    except Exception as exc:  # noqa: BLE001 - a rule that raises is a failed example, reported, never a traceback
        return Outcome(rule, index, False, f"the rule raised {type(exc).__name__}: {exc}")
    return Outcome(rule, index, True)


def check_rule(rule: Rule, packs: Sequence[Any]) -> list[Outcome]:
    """Every example of a rule, then whether it has both kinds of example."""
    out = [check_example(rule, packs, i) for i in range(len(rule.examples))]
    missing = [k for k, has in (("bad", any(e.bad for e in rule.examples)),
                                ("good", any(not e.bad for e in rule.examples))) if not has]
    if missing:
        out.append(Outcome(rule, None, False, f"needs at least one {' and one '.join(missing)} example"))
    return out


def load_for_testing(dirs: Sequence[Path]) -> tuple[RuleSet, list[Rule]]:
    """The rule set (built-in packs plus `dirs`) and the rules under `dirs` (all built-in rules when none)."""
    builtin = builtin_rules_dir().resolve()
    extra = []
    for d in dirs:
        resolved = d.resolve()
        if resolved != builtin and builtin not in resolved.parents:
            extra.append(d)
    ruleset = load_rules([builtin, *extra])
    if not dirs:
        return ruleset, list(ruleset.rules)
    wanted = [d.resolve() for d in dirs]
    chosen = [r for r in ruleset.rules if any(w == r.path.resolve().parent or w in r.path.resolve().parents
                                              for w in wanted)]
    return ruleset, chosen


def run(dirs: Sequence[Path], stream: TextIO, *, verbose: bool = False) -> int:
    """Test the rules under `dirs`; write a report; 0 when every example passes, 1 otherwise."""
    ruleset, rules = load_for_testing(dirs)
    if not rules:
        where = ", ".join(str(d) for d in dirs)
        stream.write(f"No rule files in {where}.\n")
        return 1
    failed = 0
    total = 0
    for rule in rules:
        for outcome in check_rule(rule, ruleset.packs):
            total += outcome.index is not None
            if not outcome.ok:
                failed += 1
                stream.write(f"FAIL {outcome.label}: {outcome.problem}\n     {rule.path}\n")
            elif verbose:
                stream.write(f"ok   {outcome.label}\n")
    status = "all passed" if not failed else f"{failed} failed"
    stream.write(f"{total} examples of {len(rules)} rule{'s' if len(rules) != 1 else ''}: {status}.\n")
    return 1 if failed else 0
