"""The outcome of a run: one FileReport per input and a summary. Formatters render these."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from typing import Any

from checker._version import __version__
from checker.dataclass import dataclass, field
from checker.document import Document
from checker.engine import RuleFailure
from checker.finding import Finding, Severity
from checker.scoring import PassageScore

SCHEMA = "mtlint-report/1"


def report_schema() -> dict[str, Any]:
    """The JSON Schema (Draft 2020-12) of the JSON report, shipped as ``checker/schema/report.schema.json``."""
    import json
    from importlib.resources import files

    schema: dict[str, Any] = json.loads(
        files("checker").joinpath("schema", "report.schema.json").read_text(encoding="utf-8")
    )
    return schema


@dataclass
class FileReport:
    """Everything known about one checked (or unreadable) file."""

    path: str
    document: Document | None = None
    lang: str | None = None
    findings: list[Finding] = field(default_factory=list)
    failures: list[RuleFailure] = field(default_factory=list)
    error: tuple[str, str] | None = None  # (code, message) when the file could not be read
    score: float | None = None
    passages: list[PassageScore] = field(default_factory=list)
    passed: bool = True
    #: Extra file-level objects (``reference``, ``source``) added by comparison modes.
    extra: dict[str, Any] = field(default_factory=dict)
    #: Extra passage-level objects keyed by passage index (``reference`` per passage).
    passage_extra: dict[int, dict[str, Any]] = field(default_factory=dict)
    #: With --fix or --diff: the checker.fix.FixOutcome (text before and after, edits applied).
    fix: Any = None

    @property
    def words(self) -> int:
        """Number of word tokens (0 for an unreadable file)."""
        return self.document.word_count if self.document else 0

    def to_dict(self) -> dict[str, Any]:
        """This file's entry of the contract's JSON report (one element of ``files``)."""
        return file_dict(self)


@dataclass
class RunReport:
    """All files of one run, with the settings that produced them."""

    files: list[FileReport]
    rules: Sequence[str]
    packs: Mapping[str, str]
    weights: Mapping[str, float]
    fail_on: Severity = Severity.MINOR
    fail_under: float | None = None

    def summary(self) -> dict[str, Any]:
        """Counts by severity and category, failed files, mean and worst score."""
        by_sev: Counter[str] = Counter()
        by_cat: Counter[str] = Counter()
        for f in self.files:
            for x in f.findings:
                by_sev[x.severity.value] += 1
                by_cat[x.category] += 1
        scored = [f for f in self.files if f.score is not None]
        out: dict[str, Any] = {
            "files": len(self.files),
            "failed_files": sum(1 for f in self.files if not f.passed),
            "errors": sum(1 for f in self.files if f.error or f.failures),
            "issues": sum(by_sev.values()),
            "by_severity": {s.value: by_sev[s.value] for s in Severity if by_sev[s.value]},
            "by_category": dict(sorted(by_cat.items())),
        }
        if scored:
            worst = min(scored, key=lambda f: (f.score, f.path))
            out["mean_score"] = round(sum(f.score for f in scored) / len(scored), 1)  # type: ignore[misc]
            out["worst_file"] = {"path": worst.path, "score": worst.score}
        return out

    def to_dict(self) -> dict[str, Any]:
        """The contract's whole JSON report (schema ``mtlint-report/1``)."""
        return report_dict(self)

    @property
    def exit_code(self) -> int:
        """0 clean, 1 findings at/above fail-on or a score under fail-under, 2 a file could not be checked."""
        if any(f.error or f.failures for f in self.files):
            return 2
        return 0 if all(f.passed for f in self.files) else 1


def finding_dict(f: Finding, report: FileReport) -> dict[str, Any]:
    """A finding as the contract's issue object; line, column and UTF-16 offsets come from the Document."""
    doc = report.document
    assert doc is not None
    line, column = doc.position(f.start)
    end_line, end_column = doc.position(f.end)
    out: dict[str, Any] = {
        "code": f.code,
        "rule": f.rule,
        "category": f.category,
        "mqm": f.mqm,
        "severity": f.severity.value,
        "confidence": f.confidence,
        "message": f.message,
        "text": f.text,
        "suggestions": list(f.suggestions),
        "start": f.start,
        "end": f.end,
        "start_utf16": doc.utf16(f.start),
        "end_utf16": doc.utf16(f.end),
        "line": line,
        "column": column,
        "end_line": end_line,
        "end_column": end_column,
        "passage": doc.passage_index(f.start),
    }
    if f.related is not None:
        rs, re_ = f.related
        rl, rc = doc.position(rs)
        out["related"] = {"start": rs, "end": re_, "line": rl, "column": rc}
    return out


def file_dict(report: FileReport) -> dict[str, Any]:
    """One file's entry of the report (``FileReport.to_dict``)."""
    out: dict[str, Any] = {
        "path": report.path,
        "lang": report.lang,
        "words": report.words,
        "score": report.score,
        "passed": report.passed,
        "error": None,
        "passages": [],
        "issues": [],
    }
    if report.error:
        out["error"] = {"code": report.error[0], "message": report.error[1]}
    elif report.failures:
        # A rule that raised: the error names the rule; every failure is listed too.
        first = report.failures[0]
        out["error"] = {"code": first.code, "rule": first.rule, "message": first.message}
        out["rule_errors"] = [{"code": x.code, "rule": x.rule, "message": x.message} for x in report.failures]
    if report.document is not None:
        for p in report.passages:
            entry: dict[str, Any] = {
                "index": p.index, "start": p.start, "end": p.end,
                "words": p.words, "score": p.score, "penalty": p.penalty,
            }
            entry.update(report.passage_extra.get(p.index, {}))
            out["passages"].append(entry)
        out["issues"] = [finding_dict(f, report) for f in report.findings]
    out.update(report.extra)
    return out


def report_dict(report: RunReport) -> dict[str, Any]:
    """The whole report as a JSON-ready dict (``RunReport.to_dict``)."""
    return {
        "schema": SCHEMA,
        "tool": {"name": "mtlint", "version": __version__},
        "settings": {
            "rules": list(report.rules),
            "packs": dict(report.packs),
            "weights": dict(report.weights),
            "fail_on": report.fail_on.value,
            "fail_under": report.fail_under,
        },
        "files": [file_dict(f) for f in report.files],
        "summary": report.summary(),
    }
