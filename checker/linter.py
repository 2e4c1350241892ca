"""The library entry point: ``Linter`` loads its rules once and checks texts, files and streams of files.

The command line, the parallel workers, the tests and the tools all go through
this class, so a server or a cluster worker built on it behaves exactly as
``mtlint check`` does::

    from checker import Linter

    linter = Linter(lang="fr", select=["MT1", "MT5"])
    report = linter.check_text(article)            # a FileReport
    report.to_dict()                               # the contract's JSON for one file
    run = linter.report(linter.check_many(paths, jobs=2))   # a RunReport

A ``Linter`` is built from a configuration (a ``Config``, the path of a configuration
file, or nothing) plus keyword settings that override it; it validates everything up
front and raises ``UsageError`` or ``ConfigError`` for what it cannot honour, so no
method ever returns a silently empty result.
"""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

from checker.config import Config, load_config, unknown_selectors
from checker.dataclass import replace
from checker.document import Document
from checker.errors import ConfigError, UsageError
from checker.files import Target
from checker.finding import Severity
from checker.options import RunOptions
from checker.report import FileReport, RunReport
from checker.rules import RuleSet, builtin_rules_dir, load_rules
from checker.runner import Runner
from checker.vocab import with_vocab_rule

__all__ = ["Linter"]

#: Suffixes read as Markdown by ``check_text`` when ``markdown`` is not given.
MARKDOWN_SUFFIXES = (".md", ".markdown")


def _strings(value: str | Iterable[str] | None) -> tuple[str, ...] | None:
    if value is None:
        return None
    items = [value] if isinstance(value, str) else list(value)
    return tuple(v.strip() for item in items for v in str(item).split(",") if v.strip())


def _severity(value: Severity | str) -> Severity:
    if isinstance(value, Severity):
        return value
    try:
        return Severity.parse(value)
    except ValueError as exc:
        raise UsageError(str(exc)) from None


class Linter:
    """Checks articles with one rule set and one configuration, loaded once.

    Parameters (all optional; keywords override the configuration):

    - ``config``: a ``Config``, or the path of a ``.mtlint.toml``/``pyproject.toml``.
    - ``lang``: the articles' language (any form langcodes knows: ``fr``, ``fr_CA``,
      ``French``, ``français``); detected per article when None.
    - ``select``/``ignore``: rule codes, code prefixes, names or categories.
    - ``rules``: extra rule pack directories; ``severity``: rule → severity overrides.
    - ``min_severity``, ``fail_on``, ``fail_under``, ``weights``: as in the configuration;
      ``include`` replaces the file globs searched in directories, ``exclude`` adds to them;
      ``timeout``: seconds one file may take before it becomes an error entry (0: no limit);
      ``worker_memory``: MiB a checking process may grow over many files before a fresh copy
      replaces it (0: never; see ``checker.parallel``).
    - ``message_lang``: the language of messages (``fr``, ``en``, ``auto``); default: the
      configuration's ``message-lang``, else each article's language, else English.
    - ``options``: a ``RunOptions`` (fixes, inline suppression, comparison companions).
    - ``extend_select``: selectors added to the selection in force (``select``, else the
      configuration's, else every rule on by default), as Ruff's ``--extend-select``.
    """

    def __init__(
        self,
        config: Config | str | os.PathLike[str] | None = None,
        *,
        lang: str | None = None,
        select: str | Iterable[str] | None = None,
        ignore: str | Iterable[str] | None = None,
        rules: Sequence[str | os.PathLike[str]] = (),
        severity: Mapping[str, Severity | str] | None = None,
        min_severity: Severity | str | None = None,
        fail_on: Severity | str | None = None,
        fail_under: float | None = None,
        weights: Mapping[str, float] | None = None,
        include: Iterable[str] | None = None,
        exclude: Iterable[str] | None = None,
        timeout: float | None = None,
        worker_memory: int | None = None,
        options: RunOptions | None = None,
        message_lang: str | None = None,
        extend_select: str | Iterable[str] | None = None,
    ) -> None:
        if config is None:
            config = Config()
        elif not isinstance(config, Config):
            config = load_config(Path(config))
        changes: dict[str, Any] = {}
        if lang is not None:
            changes["lang"] = lang
        selected = _strings(select)
        if selected is not None:
            changes["select"] = selected
        extended = _strings(extend_select)
        if extended:
            # Added to the selection in force (no selection means every rule on by default: ALL).
            base = selected if selected is not None else (config.select if config.select is not None else ("ALL",))
            changes["select"] = base + extended
        ignored = _strings(ignore)
        if ignored:
            changes["ignore"] = config.ignore + ignored
        if severity:
            changes["severity"] = {**config.severity, **{k: _severity(v) for k, v in severity.items()}}
        if min_severity is not None:
            changes["min_severity"] = _severity(min_severity)
        if fail_on is not None:
            changes["fail_on"] = _severity(fail_on)
        if fail_under is not None:
            if not 0 <= fail_under <= 100:
                raise UsageError(f"fail_under must be between 0 and 100, not {fail_under!r}")
            changes["fail_under"] = float(fail_under)
        if timeout is not None:
            if not timeout >= 0:
                raise UsageError(f"timeout must be a number of seconds >= 0, not {timeout!r}")
            changes["timeout"] = float(timeout)
        if worker_memory is not None:
            if isinstance(worker_memory, bool) or not isinstance(worker_memory, int) or worker_memory < 0:
                raise UsageError(f"worker_memory must be a whole number of MiB >= 0, not {worker_memory!r}")
            changes["worker_memory"] = worker_memory
        if message_lang is not None:
            from checker.messages import message_language

            changes["message_lang"] = message_language(message_lang)
        if include is not None:
            if not tuple(include):
                raise UsageError("include is empty: no file would be checked")
            changes["include"] = tuple(include)
        if exclude is not None:
            changes["exclude"] = config.exclude + tuple(exclude)
        if weights is not None:
            from checker.config import parse_weights

            def bad(key: str, problem: str) -> UsageError:
                return UsageError(f"{key}: {problem}")

            changes["weights"] = parse_weights(dict(weights), bad)
        self.ruleset: RuleSet = with_vocab_rule(load_rules([builtin_rules_dir(), *config.rules, *(Path(r) for r in rules)]))
        if "lang" in changes:
            changes["lang"] = self.language(changes["lang"])
        elif config.lang:
            changes["lang"] = self.language(config.lang)
        config = replace(config, **changes)
        if lang is not None or selected is not None:
            # Explicit settings win over per-path overrides too, as on the command line.
            config = replace(config, overrides=tuple(
                replace(o, select=None if selected is not None else o.select, lang=None if lang is not None else o.lang)
                for o in config.overrides
            ))
        if extended:
            # extend-select also adds to a per-path selection.
            config = replace(config, overrides=tuple(
                replace(o, select=None if o.select is None else o.select + extended) for o in config.overrides
            ))
        if config.fail_on is Severity.INFO:
            config = replace(config, fail_on=Severity.MINOR)  # the contract: info never fails a run
        for selectors in (config.select or (), config.ignore):
            unknown = unknown_selectors(self.ruleset.rules, selectors)
            if unknown:
                raise UsageError(f"no rule matches {', '.join(repr(u) for u in unknown)} (see 'mtlint rules')")
        self._check_rule_keys(config)
        from checker.vocab import default_dir, load_vocabulary

        load_vocabulary((*config.vocab, default_dir(config.path)), self.ruleset.packs)  # a bad entry fails here
        self.config: Config = config
        self.options: RunOptions = options or RunOptions()
        self._runner: Runner
        if self.options.cache_dir:
            from checker.resultcache import CachingRunner

            self._runner = CachingRunner(self.ruleset, config, lang_forced=lang is not None, options=self.options,
                                         cache_dir=Path(self.options.cache_dir))
        else:
            self._runner = Runner(self.ruleset, config, lang_forced=lang is not None, options=self.options)

    def _check_rule_keys(self, config: Config) -> None:
        """Severity keys and per-path selectors must name rules, as ``select`` must (a typo is an error)."""
        where = str(config.path) if config.path else "<settings>"
        rules = self.ruleset.rules
        known = {r.code for r in rules} | {r.name for r in rules} | {r.category for r in rules}
        for key in config.severity:
            if key not in known:
                raise ConfigError(where, f"severity.{key}", "no rule has this code, name or category")
        for i, override in enumerate(config.overrides):
            for key in override.severity:
                if key not in known:
                    raise ConfigError(where, f"overrides[{i}].severity.{key}", "no rule has this code, name or category")
            for field_name, selectors in (("select", override.select or ()), ("ignore", override.ignore)):
                unknown = unknown_selectors(rules, selectors)
                if unknown:
                    raise ConfigError(where, f"overrides[{i}].{field_name}", f"no rule matches {unknown[0]!r}")

    # ------------------------------------------------------------ languages
    def languages(self) -> frozenset[str]:
        """Primary language tags this linter can judge: its packs' and those with a word list."""
        from checker import lexicon

        packs = {p.lang.split("-")[0].lower() for p in self.ruleset.packs if p.lang and p.lang != "*"}
        return frozenset(packs | set(lexicon.available()))

    def language(self, value: str) -> str:
        """The BCP 47 tag for `value`; UsageError when it is unknown or no rule or word list covers it."""
        from checker.lang import normalize, primary

        tag = normalize(value)
        if tag == "und":
            return tag
        if primary(tag) not in self.languages():
            known = ", ".join(sorted(self.languages()))
            raise UsageError(f"unsupported language {value!r} ({tag}): mtlint has no rules or word list for it "
                             f"(supported: {known})")
        return tag

    # --------------------------------------------------------------- checks
    @property
    def rule_codes(self) -> list[str]:
        """Codes of the rules this linter runs on a document of any language (its selection)."""
        from checker.config import select_rules

        return [r.code for r in select_rules(self.ruleset.rules, self.config.select, self.config.ignore)]

    def check_text(
        self,
        text: str,
        *,
        lang: str | None = None,
        path: str | None = None,
        markdown: bool | None = None,
        reference: str | None = None,
        source: str | None = None,
    ) -> FileReport:
        """Check one article given as text.

        `path` names it in the report and selects per-path overrides (nothing is read
        from it); `markdown` defaults to what the path's suffix says. `reference` and
        `source` are the texts of a human translation and of the original.
        """
        if not isinstance(text, str):
            raise UsageError(f"check_text needs a str, not {type(text).__name__}")
        display = path or "<text>"
        if markdown is None:
            markdown = display.lower().endswith(MARKDOWN_SUFFIXES)
        target = Target(display, Path(path) if path else None)
        config = self._runner.config_for(target) if path else self.config
        if lang is not None:
            config = replace(config, lang=self.language(lang))
        doc = Document(text, display, markdown=markdown)
        ref = Document(reference, "<reference>", markdown=markdown) if reference is not None else None
        src = Document(source, "<source>", markdown=markdown) if source is not None else None
        return self._runner.check_document(doc, FileReport(display), config, None, reference=ref, source=src)

    def check_file(self, path: str | os.PathLike[str]) -> FileReport:
        """Check one file; a file that cannot be read gives a report whose ``error`` says why."""
        return self._runner.check_target(self._target(path))

    def check_many(
        self, paths: Iterable[str | os.PathLike[str]], jobs: int = 1
    ) -> Iterator[FileReport]:
        """Check files (directories are searched as on the command line), in input order.

        With ``jobs`` > 1 the files are checked in forked worker processes; a worker
        that crashes gives that file an error report and the others go on. With one job, a
        run of 64 files or more is checked in one forked worker, replaced whenever it has
        grown by ``worker_memory`` MiB (``checker.parallel``); ``worker_memory=0`` keeps
        every file in this process (for a program that must not fork, e.g. one with threads).
        """
        from checker.files import discover
        from checker.parallel import Checked, check_all

        targets = discover([os.fspath(p) for p in paths], self.config.include, self.config.exclude,
                           base=self.config.root, ignore_files=self.options.ignore_files,
                           force_exclude=self.options.force_exclude)
        checked = Checked()
        for report, _ in check_all(self._runner, targets, jobs=max(1, jobs), checked=checked):
            self._runner.selected_codes.update(checked.codes)
            yield report

    def settings_for(self, path: str | os.PathLike[str]) -> dict[str, Any]:
        """The resolved settings for one path (per-path overrides applied) as JSON-ready values,
        with the codes of the rules that would run on it (``mtlint check --show-settings``)."""
        from checker.config import select_rules

        target = Target(os.fspath(path), Path(os.fspath(path)))
        config = self._runner.config_for(target)
        rules = select_rules(self.ruleset.rules, config.select, config.ignore)
        if config.lang:
            rules = [r for r in rules if r.applies_to(config.lang)]
        return {
            "path": os.fspath(path),
            "config_file": str(config.path) if config.path else None,
            "lang": config.lang,
            "select": list(config.select) if config.select is not None else None,
            "ignore": list(config.ignore),
            "severity": {k: v.value for k, v in sorted(config.severity.items())},
            "rules_dirs": [str(p) for p in config.rules],
            "include": list(config.include),
            "exclude": list(config.exclude),
            "min_severity": config.min_severity.value,
            "fail_on": config.fail_on.value,
            "fail_under": config.fail_under,
            "weights": dict(config.weights),
            "timeout": config.timeout,
            "worker_memory": config.worker_memory,
            "settings": dict(config.settings),
            "options": {"inline_config": self.options.inline_config, "fix": self.options.fix},
            "rules": sorted(r.code for r in rules),
        }

    def report(self, files: Iterable[FileReport]) -> RunReport:
        """The RunReport of checked files, with the settings that produced them."""
        return self._runner.report(list(files))

    @property
    def runner(self) -> Runner:
        """The pipeline behind this linter (for the command line and the parallel workers)."""
        return self._runner

    @staticmethod
    def _target(path: str | os.PathLike[str]) -> Target:
        raw = os.fspath(path)
        p = Path(raw)
        if not p.exists() and not p.is_symlink():
            return Target(raw, p, ("missing", "no such file or directory"))
        return Target(raw, p)

    def __repr__(self) -> str:
        return f"Linter(lang={self.config.lang!r}, rules={len(self.ruleset.rules)})"
