"""SARIF 2.1.0 (Static Analysis Results Interchange Format): one run, for GitHub code scanning.

The log describes every rule that ran (``tool.driver.rules``) and one ``result`` per
finding, located by line and column *and* by character offset (code points, as
``columnKind: "unicodeCodePoints"`` says). ``partialFingerprints`` stay the same
from one run to the next while a finding's rule and text do not change, so code
scanning follows an alert as lines move. Autofix rules carry their fix.
Files that could not be read and rules that failed are tool notifications.
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from pathlib import Path
from typing import Any, TextIO
from urllib.parse import quote

import regex

from checker._version import __version__
from checker.finding import CATEGORIES, Finding, Severity
from checker.report import FileReport, RunReport

SCHEMA_URI = "https://json.schemastore.org/sarif-2.1.0.json"
VERSION = "2.1.0"
FINGERPRINT = "mtlintSpan/v1"
LEVELS = {Severity.CRITICAL: "error", Severity.MAJOR: "error", Severity.MINOR: "warning", Severity.INFO: "note"}
#: GitHub code scanning reads ``security-severity``-free rules' ``problem.severity``.
PROBLEM_SEVERITY = {Severity.CRITICAL: "error", Severity.MAJOR: "error", Severity.MINOR: "warning", Severity.INFO: "recommendation"}

_PLACEHOLDER = regex.compile(r"\{[a-z_]+\}")
_SPACES = regex.compile(r"\s+")


def normalise(text: str) -> str:
    """The span text as fingerprinted: spaces collapsed and case folded, so re-wrapping keeps the fingerprint."""
    return _SPACES.sub(" ", text).strip().casefold()


def fingerprint(code: str, text: str, occurrence: int) -> str:
    """A stable identity: the rule, the normalised span text and which occurrence of it in the file."""
    digest = hashlib.sha256(f"{code}\0{normalise(text)}\0{occurrence}".encode()).hexdigest()
    return f"{digest[:32]}:{occurrence}"


def artifact_uri(path: str, base: Path | None = None) -> tuple[str, str | None]:
    """(uri, uriBaseId) of a reported path: relative to the base directory when under it, else a file URI."""
    base = (base or Path.cwd()).resolve()
    p = Path(path)
    absolute = p if p.is_absolute() else base / p
    try:
        rel = Path(os.path.normpath(absolute)).relative_to(base)
    except ValueError:
        return Path(os.path.normpath(absolute)).as_uri(), None
    return quote(rel.as_posix(), safe="/"), "%SRCROOT%"


def _short(message: str) -> str:
    return _PLACEHOLDER.sub("…", message).strip()


def descriptor(rule: Any) -> dict[str, Any]:
    """A rule as a SARIF ``reportingDescriptor``."""
    out: dict[str, Any] = {
        "id": rule.code,
        "name": rule.name,
        "shortDescription": {"text": _short(rule.message)},
        "fullDescription": {"text": " ".join(rule.why.split()) or _short(rule.message)},
        "defaultConfiguration": {"level": LEVELS[rule.severity]},
        "help": {"text": f"{' '.join(rule.why.split())}\n\nmtlint explain {rule.code}".strip()},
        "properties": {
            "category": rule.category,
            "mqm": CATEGORIES.get(rule.category, "Other"),
            "severity": rule.severity.value,
            "kind": rule.kind,
            "autofix": rule.autofix,
            "tags": [rule.category, CATEGORIES.get(rule.category, "Other")],
            "problem.severity": PROBLEM_SEVERITY[rule.severity],
        },
    }
    if rule.link:
        out["helpUri"] = rule.link
    return out


def _minimal_descriptor(f: Finding) -> dict[str, Any]:
    """A descriptor from a finding alone (a rule the caller did not pass)."""
    return {
        "id": f.code,
        "name": f.rule,
        "shortDescription": {"text": f.rule},
        "defaultConfiguration": {"level": LEVELS[f.severity]},
        "properties": {"category": f.category, "mqm": f.mqm, "tags": [f.category, f.mqm]},
    }


def _location(fr: FileReport, f: Finding, uri: str, base_id: str | None) -> dict[str, Any]:
    doc = fr.document
    assert doc is not None
    line, column = doc.position(f.start)
    end_line, end_column = doc.position(f.end)
    artifact: dict[str, Any] = {"uri": uri}
    if base_id:
        artifact["uriBaseId"] = base_id
    region = {
        "startLine": line,
        "startColumn": column,
        "endLine": end_line,
        "endColumn": end_column,
        "charOffset": f.start,
        "charLength": f.end - f.start,
        "snippet": {"text": f.text},
    }
    return {"physicalLocation": {"artifactLocation": artifact, "region": region}}


def _fix(f: Finding, uri: str, base_id: str | None) -> dict[str, Any]:
    artifact: dict[str, Any] = {"uri": uri}
    if base_id:
        artifact["uriBaseId"] = base_id
    new = f.suggestions[0]
    return {
        "description": {"text": f"Replace ‘{f.text}’ with ‘{new}’" if new else f"Remove ‘{f.text}’"},
        "artifactChanges": [{
            "artifactLocation": artifact,
            "replacements": [{
                "deletedRegion": {"charOffset": f.start, "charLength": f.end - f.start},
                "insertedContent": {"text": new},
            }],
        }],
    }


def sarif_log(report: RunReport, rules: Iterable[Any] = (), *, base: Path | None = None) -> dict[str, Any]:
    """The SARIF 2.1.0 log of a run. `rules` are the rule objects (``Linter.ruleset.rules``);
    those whose code ran are described, plus any rule a finding names."""
    by_code: Mapping[str, Any] = {r.code: r for r in rules}
    ran = list(report.rules)
    for fr in report.files:
        for f in fr.findings:
            if f.code not in ran:
                ran.append(f.code)
    descriptors: list[dict[str, Any]] = []
    index: dict[str, int] = {}
    examples: dict[str, Finding] = {f.code: f for fr in report.files for f in fr.findings}
    for code in sorted(set(ran)):
        if code in by_code:
            descriptors.append(descriptor(by_code[code]))
        elif code in examples:
            descriptors.append(_minimal_descriptor(examples[code]))
        else:
            continue
        index[code] = len(descriptors) - 1
    results: list[dict[str, Any]] = []
    notifications: list[dict[str, Any]] = []
    root = (base or Path.cwd()).resolve()
    for fr in report.files:
        uri, base_id = artifact_uri(fr.path, root) if fr.path != "<stdin>" else ("stdin", None)
        if fr.error:
            notifications.append(_notification(f"{fr.path}: {fr.error[1]}", uri, base_id, fr.error[0]))
            continue
        for x in fr.failures:
            notifications.append(_notification(f"{fr.path}: rule {x.code} ({x.rule}) failed: {x.message}", uri, base_id, x.code))
        if fr.document is None:
            continue
        seen: Counter[tuple[str, str]] = Counter()
        for f in fr.findings:
            key = (f.code, normalise(f.text))
            occurrence = seen[key]
            seen[key] += 1
            message = f.message
            if f.suggestions and f.suggestions[0].strip():
                message += f" (suggestion: “{f.suggestions[0]}”)"
            result: dict[str, Any] = {
                "ruleId": f.code,
                "level": LEVELS[f.severity],
                "message": {"text": message},
                "locations": [_location(fr, f, uri, base_id)],
                "partialFingerprints": {FINGERPRINT: fingerprint(f.code, f.text, occurrence)},
                "properties": {"severity": f.severity.value, "category": f.category, "mqm": f.mqm,
                               "confidence": f.confidence},
            }
            if f.code in index:
                result["ruleIndex"] = index[f.code]
            rule = by_code.get(f.code)
            if rule is not None and rule.autofix and f.suggestions:
                result["fixes"] = [_fix(f, uri, base_id)]
            if fr.path == "<stdin>":
                del result["locations"]
            results.append(result)
    invocation: dict[str, Any] = {
        "executionSuccessful": not notifications,
        "exitCode": report.exit_code,
    }
    if notifications:
        invocation["toolExecutionNotifications"] = notifications
    run: dict[str, Any] = {
        "tool": {"driver": {
            "name": "mtlint",
            "version": __version__,
            "semanticVersion": __version__,
            "rules": descriptors,
        }},
        "originalUriBaseIds": {"%SRCROOT%": {"uri": root.as_uri().rstrip("/") + "/"}},
        "columnKind": "unicodeCodePoints",
        "invocations": [invocation],
        "results": results,
    }
    return {"$schema": SCHEMA_URI, "version": VERSION, "runs": [run]}


def _notification(text: str, uri: str, base_id: str | None, code: str) -> dict[str, Any]:
    artifact: dict[str, Any] = {"uri": uri}
    if base_id:
        artifact["uriBaseId"] = base_id
    return {
        "level": "error",
        "message": {"text": text},
        "descriptor": {"id": code},
        "locations": [{"physicalLocation": {"artifactLocation": artifact}}],
    }


def render(report: RunReport, stream: TextIO, color: bool = False, rules: Iterable[Any] = ()) -> None:
    """Write the SARIF log (UTF-8, indented)."""
    json.dump(sarif_log(report, rules), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
