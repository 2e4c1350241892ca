"""The default text format: one line per finding, then each file's score, then a summary."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TextIO

from checker.finding import Severity
from checker.report import FileReport, RunReport

_COLORS = {
    Severity.CRITICAL: "\033[1;31m",
    Severity.MAJOR: "\033[31m",
    Severity.MINOR: "\033[33m",
    Severity.INFO: "\033[36m",
}
_BOLD, _DIM, _RESET = "\033[1m", "\033[2m", "\033[0m"
WORST_PASSAGES = 3


_SPACES = {" ": "one space", "\u00a0": "a no-break space", "\u202f": "a narrow no-break space"}


def _describe(suggestion: str) -> str:
    """A suggestion as a reader can see it: white space is named, not printed."""
    if not suggestion:
        return "remove it"
    if suggestion.strip():
        return f"“{suggestion}”"
    return _SPACES.get(suggestion, "white space")


def _paint(text: str, code: str, color: bool) -> str:
    return f"{code}{text}{_RESET}" if color else text


def _first_words(report: FileReport, start: int, end: int, n: int = 8) -> str:
    doc = report.document
    assert doc is not None
    words = doc.text[start:end].split()
    head = " ".join(words[:n])
    return head + (" …" if len(words) > n else "")


def render_file(report: FileReport, stream: TextIO, color: bool) -> None:
    """The lines for one file."""
    if report.error:
        stream.write(f"{report.path}: error: {report.error[1]}\n")
        return
    doc = report.document
    assert doc is not None
    for f in report.findings:
        line, col = doc.position(f.start)
        sev = _paint(f.severity.value, _COLORS[f.severity], color)
        code = _paint(f.code, _BOLD, color)
        extra = ""
        if f.suggestions:
            first = f.suggestions[0]
            extra = f" (suggestion: {_describe(first)})"
        stream.write(f"{report.path}:{line}:{col}: {code} {sev} {f.message}{extra} [{f.category}]\n")
    render_failures_and_score(report, stream, color)
    ref = report.extra.get("reference")
    if isinstance(ref, dict):
        stream.write(
            f"{report.path}: reference {ref.get('path')}: BLEU {ref.get('bleu')}, chrF {ref.get('chrf')}, "
            f"chrF++ {ref.get('chrfpp')}, TER {ref.get('ter')}\n"
        )


def render_failures_and_score(report: FileReport, stream: TextIO, color: bool) -> None:
    """A file's rule failures, then its score and worst passages (shared with ``--format full``)."""
    doc = report.document
    assert doc is not None
    for x in report.failures:
        stream.write(f"{report.path}: error: rule {x.code} {x.rule} failed: {x.message}\n")
    if report.score is not None and report.findings:
        worst = sorted((p for p in report.passages if p.penalty > 0), key=lambda p: (p.score, p.index))
        status = "passed" if report.passed else "failed"
        stream.write(_paint(f"{report.path}: score {report.score:.1f} ({report.words} words, {status})", _DIM, color))
        stream.write("\n")
        for p in worst[:WORST_PASSAGES]:
            l1, _ = doc.position(p.start)
            l2, _ = doc.position(p.end)
            lines = f"{l1}" if l1 == l2 else f"{l1}-{l2}"
            stream.write(
                _paint(f"  passage {p.index} (lines {lines}): score {p.score:.1f}  {_first_words(report, p.start, p.end)}", _DIM, color)
                + "\n"
            )


def render(report: RunReport, stream: TextIO, color: bool = False) -> None:
    """Write every file's findings and the summary."""
    for f in report.files:
        render_file(f, stream, color)
    render_summary(report, stream, color)


def render_summary(report: RunReport, stream: TextIO, color: bool = False) -> None:
    """The closing lines: fixes applied, then the counts and scores (shared with ``--format full``)."""
    fixed = [f.fix.applied for f in report.files if f.fix is not None and f.fix.applied]
    write_summary(report.summary(), fixed, stream, color)


def _plural(n: int, word: str) -> str:
    return f"{n} {word}{'s' if n != 1 else ''}"


def issue_counts(s: Mapping[str, Any]) -> str:
    """The head of a run's summary line: ``12 issues in 3 files (4 major, 8 minor)``."""
    line = f"{_plural(s['issues'], 'issue')} in {_plural(s['files'], 'file')}"
    parts = ", ".join(f"{n} {sev}" for sev, n in s["by_severity"].items())
    return f"{line} ({parts})" if parts else line


def write_summary(s: Mapping[str, Any], fixed: list[int], stream: TextIO, color: bool = False) -> None:
    """The closing lines from a run's summary and the fixes applied per file (also written by the
    streaming text writer, ``checker/formats/stream.py``)."""
    if fixed:
        n = sum(fixed)
        stream.write(f"Fixed {n} issue{'s' if n != 1 else ''} in {len(fixed)} file{'s' if len(fixed) != 1 else ''}.\n")
    if s["issues"] == 0 and not s["errors"]:
        stream.write(f"No issues in {_plural(s['files'], 'file')}.\n")
        return
    line = "Found " + issue_counts(s)
    if "mean_score" in s:
        line += f"; mean score {s['mean_score']:.1f}, worst {s['worst_file']['path']} ({s['worst_file']['score']:.1f})"
    if s["errors"]:
        line += f"; {s['errors']} file{'s' if s['errors'] != 1 else ''} with errors"
    stream.write(_paint(line + ".", _BOLD, color) + "\n")
