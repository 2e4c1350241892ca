"""The JSON report of the public contract (schema ``mtlint-report/1``)."""

from __future__ import annotations

import json
from typing import Any, TextIO

from checker import __version__
from checker.finding import Finding
from checker.report import SCHEMA, FileReport, RunReport


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
    """One file's entry of the report."""
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
    """The whole report as a JSON-ready dict."""
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


def render(report: RunReport, stream: TextIO, color: bool = False) -> None:
    """Write the JSON report (UTF-8, not ASCII-escaped, indented)."""
    json.dump(report_dict(report), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
