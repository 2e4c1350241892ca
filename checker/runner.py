"""Runs a whole check: read each target, pick its language and rules, check, score."""

from __future__ import annotations

import sys
from collections.abc import Iterable
from typing import Any

from checker.config import Config, select_rules
from checker.dataclass import replace
from checker.detect import FALLBACK_LANG, detect_language
from checker.document import Document, decode, read_bytes
from checker.engine import Engine, at_least
from checker.errors import InputError
from checker.files import Target
from checker.options import RunOptions
from checker.profile import PROFILE
from checker.report import FileReport, RunReport
from checker.rules import Rule, RuleSet, kept_loaded
from checker.scoring import score_file, score_passages

__all__ = ["FALLBACK_LANG", "Runner", "detect_language"]

#: Engines kept by a resident process (``checker.rules.keep_loaded``) for later runs:
#: (rule set, vocabulary, inline config, selection key) → (rule set, vocabulary, engine).
_KEPT_ENGINES: dict[tuple[Any, ...], tuple[RuleSet, Any, Engine]] = {}


class Runner:
    """Checks targets with one rule set and one configuration."""

    def __init__(
        self, ruleset: RuleSet, config: Config, *, lang_forced: bool = False, options: RunOptions | None = None
    ) -> None:
        self.ruleset = ruleset
        self.config = config
        self.lang_forced = lang_forced
        self.options = options or RunOptions()
        self._engines: dict[tuple[Any, ...], Engine] = {}
        self.selected_codes: set[str] = set()

    def engine_for(self, config: Config) -> Engine:
        """An engine with the rules `config` selects (cached per distinct selection)."""
        key = (config.select, config.ignore, tuple(sorted((k, v.value) for k, v in config.severity.items())),
               tuple(sorted(config.settings.items())), config.vocab, config.path, config.message_lang)
        engine = self._engines.get(key)
        if engine is None and kept_loaded():
            return self._kept_engine(key, config)
        if engine is None:
            from checker.vocab import default_dir, load_vocabulary

            vocab = load_vocabulary((*config.vocab, default_dir(config.path)), self.ruleset.packs)
            engine = self._engines[key] = self._build_engine(config, vocab)
            self.selected_codes.update(r.code for r in engine.rules)
        return engine

    def _build_engine(self, config: Config, vocab: Any) -> Engine:
        rules = select_rules(self.ruleset.rules, config.select, config.ignore)
        rules = [self._with_override(r, config) for r in rules]
        # Messages are put in config.message_lang as findings are made (Engine.message_lang): only
        # the rules that report pay for their translation.
        return Engine(rules, self.ruleset.packs, inline_config=self.options.inline_config,
                      settings={**config.settings, "vocab": vocab}, message_lang=config.message_lang)

    def _kept_engine(self, key: tuple[Any, ...], config: Config) -> Engine:
        """A resident process (``checker.rules.keep_loaded``): the engine an earlier run built for the
        same rule set, selection, settings, vocabulary files and inline-config choice, reset for a
        new run; built and kept when there is none."""
        from checker.vocab import default_dir, load_vocabulary

        vocab = load_vocabulary((*config.vocab, default_dir(config.path)), self.ruleset.packs)
        full = (id(self.ruleset), id(vocab), self.options.inline_config, key)
        found = _KEPT_ENGINES.get(full)
        if found is not None and found[0] is self.ruleset and found[1] is vocab:
            engine = found[2]
            engine.new_run()
        else:
            engine = self._build_engine(config, vocab)
            _KEPT_ENGINES[full] = (self.ruleset, vocab, engine)
        self._engines[key] = engine
        self.selected_codes.update(r.code for r in engine.rules)
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
            markdown = target.stdin_name is not None and target.stdin_name.suffix.lower() in (".md", ".markdown")
            return Document(decode(data, target.display), target.display, markdown=markdown)
        return Document.from_file(target.path, display=target.display)

    @staticmethod
    def _read_auto(target: Target) -> tuple[Document, str]:
        """A file's Document with ``--encoding auto``, and the encoding it was decoded from."""

        from checker.encoding import decode_auto

        name = target.display
        data = read_bytes(target.path or name, name)
        text, used = decode_auto(data, name)
        return Document(text, name), used

    def run(self, targets: Iterable[Target]) -> RunReport:
        """Check every target; a target that fails to read becomes an error entry, the rest go on."""
        return self.report([self.check_target(target) for target in targets])

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

    def running_rule(self) -> str | None:
        """The code of the rule running now in one of this runner's engines, if any."""
        return next((e.running for e in self._engines.values() if e.running), None)

    def config_for(self, target: Target) -> Config:
        """The configuration of one target: per-path overrides applied, a forced language kept."""
        where = target.path if target.path is not None else target.stdin_name
        config = self.config.for_path(where) if where is not None else self.config
        if self.lang_forced:
            config = replace(config, lang=self.config.lang)
        return config

    def check_target(self, target: Target) -> FileReport:
        """Check one target."""
        config = self.config_for(target)
        report = FileReport(target.display)
        try:
            with PROFILE.phase("read"):
                if self.options.encoding == "auto" and target.path is not None and not target.problem:
                    doc, used = self._read_auto(target)
                    if used != "utf-8":
                        report.extra["encoding"] = used
                else:
                    doc = self.read(target)
        except InputError as exc:
            report.error = (exc.code, exc.message)
            report.passed = False
            return report
        return self.check_document(doc, report, config, target)

    def check_document(self, doc: Document, report: FileReport, config: Config, target: Target | None = None,
                       *, reference: Document | None = None, source: Document | None = None) -> FileReport:
        """The pipeline after reading: language → comparison steps → rules → fixes → scores.

        `reference` and `source` are companion documents already read (the library's
        ``check_text``); otherwise the options name them per target.
        """
        with PROFILE.phase("language"):
            doc.lang = config.lang or detect_language(doc.prose)
        report.document, report.lang = doc, doc.lang
        # Reference and source come first: source-mode rules read the alignment from doc.cache.
        if reference is not None or source is not None or self.options.comparing:
            from checker.compare import compare

            with PROFILE.phase("compare"):
                compare(report, target, self.options, reference=reference, source=source)
        if report.error:
            report.document, report.passed = None, False
            return report
        # Messages in the configured language, else the article's (English when a rule has no translation).
        message_lang = config.message_lang or (doc.lang.split("-")[0].lower() if doc.lang and doc.lang != "und" else None)
        with PROFILE.phase("rules"):
            engine = self.engine_for(replace(config, message_lang=message_lang))
            result = engine.check(doc)
        if self.options.fixing:
            from checker.fix import fix_in_place

            writing = self.options.writing and target is not None
            try:
                doc, result, report.fix = fix_in_place(
                    engine, doc, result, config.min_severity, target.path if writing and target else None
                )
            except InputError as exc:
                report.error, report.passed, report.document = (exc.code, exc.message), False, None
                return report
            report.document = doc
        report.failures = result.failures
        report.findings = at_least(result.findings, config.min_severity)
        vocab = engine.settings.get("vocab")
        if vocab:  # accepted words and names silence their findings (checker/vocab.py)
            report.findings = vocab.filter(report.findings, doc.lang or "und")
        report.findings.sort(key=lambda f: f.sort_key())
        with PROFILE.phase("scores"):
            report.passages = score_passages(doc, report.findings, config.weights)
            report.score = score_file(doc, report.findings, config.weights)
        failing = at_least(report.findings, config.fail_on)
        below = config.fail_under is not None and report.score < config.fail_under
        report.passed = not failing and not below and not report.failures
        return report

