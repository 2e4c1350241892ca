"""Runs a whole check: read each target, pick its language and rules, check, score."""

from __future__ import annotations

from functools import cache

import sys
from collections.abc import Callable, Iterable, Sequence
from dataclasses import replace
from typing import Any

from checker.config import Config
from checker.document import Document, decode
from checker.engine import Engine, at_least
from checker.errors import InputError
from checker.files import Target
from checker.report import FileReport, RunReport
from checker.rules import Rule, RuleSet
from checker.scoring import score_file, score_passages

#: Language assumed when detection cannot decide (too little text).
FALLBACK_LANG = "und"


def detect_language(text: str) -> str:
    """The language of an article's text, or 'und' when it cannot be told.

    A whole article has enough words for the cheap word vote (wordfreq's small
    lists) to be certain; the n-gram model is loaded only when the vote hesitates.
    """
    sample = text[:6000]
    if len(sample.split()) < 3:
        return FALLBACK_LANG
    from checker.langid import detect, word_vote

    vote = word_vote(sample)
    if vote and vote[0][1] >= 0.99 and len(sample.split()) >= 30:
        return vote[0][0]
    lang, prob = detect(sample)
    return lang if prob >= 0.5 else FALLBACK_LANG


class Runner:
    """Checks targets with one rule set and one configuration."""

    def __init__(self, ruleset: RuleSet, config: Config, *, lang_forced: bool = False, args: Any = None) -> None:
        self.ruleset = ruleset
        self.config = config
        self.lang_forced = lang_forced
        self.args = args
        self._engines: dict[tuple[Any, ...], Engine] = {}
        self.selected_codes: set[str] = set()
        #: --fix / --diff: compute fixes; write them only for --fix without --diff.
        self.fixing = bool(getattr(args, "fix", False) or getattr(args, "diff", False))
        self.writing = bool(getattr(args, "fix", False) and not getattr(args, "diff", False))

    def engine_for(self, config: Config, select: Callable[..., list[Rule]]) -> Engine:
        """An engine with the rules `config` selects (cached per distinct selection)."""
        key = (config.select, config.ignore, tuple(sorted((k, v.value) for k, v in config.severity.items())),
               tuple(sorted(config.settings.items())))
        engine = self._engines.get(key)
        if engine is None:
            rules = select(self.ruleset.rules, config.select, config.ignore)
            rules = [self._with_override(r, config) for r in rules]
            inline = not getattr(self.args, "no_inline_config", False)
            engine = Engine(rules, self.ruleset.packs, inline_config=inline, settings=config.settings)
            self._engines[key] = engine
            self.selected_codes.update(r.code for r in rules)
        return engine

    @staticmethod
    def _with_override(rule: Rule, config: Config) -> Rule:
        for key in (rule.code, rule.name, rule.category):
            if key in config.severity:
                return rule.with_severity(config.severity[key])
        return rule

    def read(self, target: Target) -> Document:
        """The Document for a target (stdin included); InputError when it cannot be read."""
        if target.problem:
            raise InputError(target.display, *target.problem)
        if target.path is None:
            data = sys.stdin.buffer.read()
            return Document(decode(data, target.display), target.display, markdown=False)
        return Document.from_file(target.path, display=target.display)

    def run(self, targets: Iterable[Target], select: Callable[..., list[Rule]]) -> RunReport:
        """Check every target; a target that fails to read becomes an error entry, the rest go on."""
        return self.report([self.check_target(target, select) for target in targets])

    def report(self, files: list[FileReport]) -> RunReport:
        """The RunReport of checked files (``selected_codes`` must list the rules that ran)."""
        packs = {p.name: p.version for p in self.ruleset.packs}
        return RunReport(
            files=files,
            rules=sorted(self.selected_codes),
            packs=packs,
            weights=self.config.weights,
            fail_on=self.config.fail_on,
            fail_under=self.config.fail_under,
        )

    def check_target(self, target: Target, select: Callable[..., list[Rule]]) -> FileReport:
        """Check one target."""
        config = self.config.for_path(target.path) if target.path is not None else self.config
        if self.lang_forced:
            config = replace(config, lang=self.config.lang)
        report = FileReport(target.display)
        try:
            doc = self.read(target)
        except InputError as exc:
            report.error = (exc.code, exc.message)
            report.passed = False
            return report
        doc.lang = config.lang or detect_language(doc.prose)
        report.document, report.lang = doc, doc.lang
        # Reference and source are read first: source-mode rules read the alignment from doc.cache.
        self.compare(report, target, config)
        if report.error:
            report.document, report.passed = None, False
            return report
        engine = self.engine_for(config, select)
        result = engine.check(doc)
        if self.fixing:
            from checker.fix import fix_in_place

            try:
                doc, result, report.fix = fix_in_place(
                    engine, doc, result, config.min_severity, target.path if self.writing else None
                )
            except InputError as exc:
                report.error, report.passed, report.document = (exc.code, exc.message), False, None
                return report
            report.document = doc
        report.failures = result.failures
        report.findings = at_least(result.findings, config.min_severity)
        report.findings.sort(key=lambda f: f.sort_key())
        report.passages = score_passages(doc, report.findings, config.weights)
        report.score = score_file(doc, report.findings, config.weights)
        failing = at_least(report.findings, config.fail_on)
        below = config.fail_under is not None and report.score < config.fail_under
        report.passed = not failing and not below and not report.failures
        return report

    def compare(self, report: FileReport, target: Target, config: Config) -> None:
        """Reference and source modes (``--reference``/``--source``): metrics, and the source alignment for rules."""
        args = self.args
        if args is None or not any(
            getattr(args, k, None) for k in ("reference", "reference_dir", "source", "source_dir")
        ):
            return
        from checker.compare import compare

        compare(self, report, target, config)


@cache
def default_engine() -> Engine:
    """An engine with the built-in rules that are on by default, loaded once per process."""
    from checker.rules import builtin_rules_dir, load_rules

    ruleset = load_rules([builtin_rules_dir()])
    return Engine([r for r in ruleset.rules if r.enabled], ruleset.packs)


def check_text(
    text: str,
    lang: str,
    *,
    rules: Sequence[Rule] | None = None,
    path: str = "<text>",
    markdown: bool = False,
) -> list[Any]:
    """Convenience for tests and library users: findings of the built-in rules on `text`."""
    engine = default_engine()
    if rules is not None:
        engine = Engine(rules, engine.packs.values())
    doc = Document(text, path, lang, markdown=markdown)
    return engine.check(doc).findings
