"""The engine: runs the selected rules over a document and returns sorted findings.

A rule that raises does not stop the others: it becomes a RuleFailure reported
for that file. Two rules that report the same span in the same category give
one finding (the more severe one).
"""

from __future__ import annotations

import string
import time
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from checker.context import Context
from checker.dataclass import dataclass
from checker.document import Document
from checker.finding import Finding, Hit, Severity
from checker.kinds import CACHE_READERS, SOURCE_KEY, SOURCE_ONLY
from checker.profile import PROFILE
from checker.rules import Pack, Rule


@dataclass(frozen=True)
class RuleFailure:
    """A rule that raised (or returned an invalid span) on one document."""

    code: str
    rule: str
    message: str


class Result:
    """The outcome of checking one document. (A plain class, not a dataclass: making one costs about
    0.5 ms of start-up; a Result is never compared nor printed.)"""

    __slots__ = ("document", "findings", "failures")

    def __init__(self, document: Document, findings: list[Finding] | None = None,
                 failures: list[RuleFailure] | None = None) -> None:
        self.document = document
        self.findings: list[Finding] = [] if findings is None else findings
        self.failures: list[RuleFailure] = [] if failures is None else failures


class _Template(string.Formatter):
    """str.format that leaves unknown {fields} as they are."""

    def get_value(self, key: Any, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        if isinstance(key, str) and key not in kwargs:
            return "{" + key + "}"
        return super().get_value(key, args, kwargs)


_FORMATTER = _Template()

#: A rule whose patterns time out on this many documents in a row is turned off for the rest of the run.
TIMEOUT_STRIKES = 3


def render_message(template: str, values: Mapping[str, Any]) -> str:
    """Fill a rule's message template; a malformed template is returned as written."""
    try:
        return _FORMATTER.vformat(template, (), values)
    except (ValueError, IndexError, AttributeError):
        return template


class Engine:
    """Holds compiled rules; checks documents."""

    def __init__(
        self,
        rules: Iterable[Rule],
        packs: Iterable[Pack] = (),
        *,
        inline_config: bool = True,
        settings: Mapping[str, Any] | None = None,
        message_lang: str | None = None,
    ) -> None:
        self.rules = [r for r in rules if r.check is not None]
        #: The language of the findings' messages (None or "en": the rules' English). A rule's
        #: translated template is looked up at its first finding, not for all 400 rules up front.
        self.message_lang = message_lang if message_lang and message_lang != "en" else None
        self._templates: dict[str, str] = {}
        #: Configuration values that override the packs' settings (``french-spacing``).
        self.settings = dict(settings or {})
        #: Whether ``<!-- mtlint-disable … -->`` comments in articles turn findings off.
        self.inline_config = inline_config
        self.packs = {p.path: p for p in packs}
        for rule in self.rules:
            self.packs.setdefault(rule.pack.path, rule.pack)
        #: Code of the rule running now (what a per-file time limit names when it strikes).
        self.running: str | None = None
        #: Rules turned off for the rest of the run (code → why), and their consecutive timeouts.
        self.disabled: dict[str, str] = {}
        self._strikes: dict[str, int] = {}

    def new_run(self) -> None:
        """Forget what one run learnt (rules turned off by timeouts), for an engine kept between runs."""
        self.running = None
        self.disabled.clear()
        self._strikes.clear()

    def rules_for(self, lang: str) -> list[Rule]:
        """The rules that run on a document in `lang`."""
        return [r for r in self.rules if r.applies_to(lang)]

    def context_for(self, lang: str) -> Context:
        """Pack settings for `lang`: language-independent packs first, then more specific ones."""
        packs = [p for p in self.packs.values() if p.applies_to(lang)]
        merged: dict[str, Any] = {}
        for pack in sorted(packs, key=lambda p: len(p.lang or "")):
            merged.update(pack.settings)
        merged.update(self.settings)
        return Context(lang, merged)

    def check(self, doc: Document) -> Result:
        """Run every applicable rule on `doc`."""
        result = Result(doc)
        if not doc.text:  # no span fits in zero characters: no rule can report, so none is built or run
            return result
        ctx = self.context_for(doc.lang)
        best: dict[tuple[int, int, str], Finding] = {}
        profiling = PROFILE.enabled
        no_source = doc.cache.get(SOURCE_KEY) is None
        # Not the rules turned off, nor source-mode rules on a document without a source.
        rules = [r for r in self.rules_for(doc.lang)
                 if r.code not in self.disabled and not (no_source and r.kind in SOURCE_ONLY)]
        release = _release_plan(rules)
        shared: dict[Any, Any] = {}  # equal texts, messages and confidences of this document's findings, one object each
        # Rules built on first use compile their patterns from the pattern store: one block for
        # the whole document (entering it costs a few microseconds, once per rule before).
        from checker import regexcache

        with regexcache.ACTIVE:
            for index, rule in enumerate(rules):
                if index in release:
                    _release(doc.cache, release[index])
                self.running = rule.code
                started = time.perf_counter() if profiling else 0.0
                try:
                    hits = list(rule.check(doc, ctx))  # type: ignore[misc]
                except TimeoutError as exc:  # a pattern ran past its time limit (regex's timeout)
                    result.failures.append(RuleFailure(rule.code, rule.name, self._timed_out(rule, exc)))
                    continue
                except Exception as exc:  # noqa: BLE001 - a broken rule must not stop the others
                    result.failures.append(RuleFailure(rule.code, rule.name, f"{type(exc).__name__}: {exc}"))
                    continue
                finally:
                    self.running = None
                    if profiling:
                        PROFILE.add_rule(rule.code, rule.name, time.perf_counter() - started)
                self._strikes.pop(rule.code, None)
                localized = self._localized(rule) if hits else None
                for hit in hits:
                    finding = self._finding(rule, hit, doc, result, shared, localized)
                    if finding is None:
                        continue
                    key = (finding.start, finding.end, finding.category)
                    other = best.get(key)
                    if other is None or _stronger(finding, other):
                        best[key] = finding
        _release(doc.cache, release.get(len(rules), ()))  # the report keeps the document until it is written
        result.findings = sorted(best.values(), key=Finding.sort_key)
        # Every directive holds « mtlint- »: without it the findings stand, and checker.suppress (its
        # two dataclasses, about 1.2 ms of start-up) is not even imported.
        if self.inline_config and "mtlint-" in doc.text:
            from checker import suppress

            result.findings = suppress.apply(doc, result.findings)
        return result

    def _timed_out(self, rule: Rule, exc: BaseException) -> str:
        """The failure message of a timeout; the rule is turned off after TIMEOUT_STRIKES in a row."""
        strikes = self._strikes.get(rule.code, 0) + 1
        self._strikes[rule.code] = strikes
        message = f"timed out ({exc or 'pattern too slow'})"
        if strikes >= TIMEOUT_STRIKES:
            self.disabled[rule.code] = f"timed out on {strikes} files in a row"
            message += f"; it timed out on {strikes} files in a row and is turned off for the rest of the run"
        return message

    def _localized(self, rule: Rule) -> tuple[str, str | None]:
        """(message template, language of the hits' fields) of `rule`'s findings in this engine."""
        lang = self.message_lang
        if lang is None:
            return rule.message, None
        template = self._templates.get(rule.code)
        if template is None:
            from checker.messages import rule_text

            template = self._templates[rule.code] = rule_text(rule, lang)[0]
        # A rule without a translation keeps its English message, and the English words of its fields.
        return template, (lang if template != rule.message else None)

    @staticmethod
    def _finding(rule: Rule, hit: Hit, doc: Document, result: Result, shared: dict[Any, Any] | None = None,
                 localized: tuple[str, str | None] | None = None) -> Finding | None:
        n = len(doc.text)
        if not (isinstance(hit.start, int) and isinstance(hit.end, int) and 0 <= hit.start < hit.end <= n):
            result.failures.append(
                RuleFailure(rule.code, rule.name, f"invalid span {hit.start}-{hit.end} (text has {n} characters)")
            )
            return None
        if not doc.is_prose(hit.start, hit.end):
            return None
        text = doc.text[hit.start:hit.end]
        template, lang = localized or (rule.message, None)
        args = hit.args
        if lang is not None and args:
            from checker.messages import localize_args

            args = localize_args(args, lang)
        values = {"text": text, "suggestion": hit.suggestions[0] if hit.suggestions else "", **args}
        message = render_message(template, values)
        confidence = round(min(1.0, max(0.0, hit.confidence * rule.confidence)), 3)
        if shared is not None:
            # A rule that reports the same word or tag many times (a page of markup) gives equal
            # strings each time: the findings keep one copy of each (and of each confidence).
            text, message = _one(shared, text), _one(shared, message)
            confidence = _one(shared, confidence)
        return Finding(
            code=rule.code,
            rule=rule.name,
            category=rule.category,
            severity=rule.severity if rule.severity_overridden else hit.severity or rule.severity,
            message=message,
            start=hit.start,
            end=hit.end,
            text=text,
            suggestions=tuple(hit.suggestions),
            confidence=confidence,
            related=hit.related,
        )


#: How many distinct values ``_one`` keeps per document (beyond them, values are not shared).
_SHARED_MAX = 20_000


def _one(shared: dict[Any, Any], value: Any) -> Any:
    """The object of `shared` equal to `value` (str or float), `value` itself the first time."""
    got = shared.get(value)
    if got is not None:
        return got
    if len(shared) < _SHARED_MAX:
        shared[value] = value
    return value


def _release_plan(rules: Sequence[Rule]) -> dict[int, list[str]]:
    """Index of the rule before which each ``CACHE_READERS`` entry may go: the one after the last
    rule of a kind that reads it (``len(rules)``: after the last rule)."""
    last: dict[str, int] = {}
    for index, rule in enumerate(rules):
        last[rule.kind] = index
    plan: dict[int, list[str]] = {}
    for name, readers in CACHE_READERS.items():
        after = max((last[k] for k in readers if k in last), default=-1)
        plan.setdefault(after + 1, []).append(name)
    return plan


def _release(cache: dict[Any, Any], names: Sequence[str]) -> None:
    """Drop the entries of `cache` named by `names` (see ``CACHE_READERS``)."""
    for key in [k for k in cache if _cache_name(k, names)]:
        del cache[key]


def _cache_name(key: Any, names: Sequence[str]) -> bool:
    name = key[0] if isinstance(key, tuple) and key else key
    if not isinstance(name, str):
        return False
    return any(name == n or (n.endswith(":") and name.startswith(n)) for n in names)


def _stronger(a: Finding, b: Finding) -> bool:
    return (a.severity.rank, a.confidence, b.code) > (b.severity.rank, b.confidence, a.code)


def at_least(findings: Iterable[Finding], severity: Severity) -> list[Finding]:
    """Findings whose severity is `severity` or worse."""
    return [f for f in findings if f.severity.rank >= severity.rank]
