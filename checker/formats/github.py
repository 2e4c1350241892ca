"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` annotation per finding."""

from __future__ import annotations

from typing import TextIO

from checker.finding import Severity
from checker.report import RunReport

LEVELS = {Severity.CRITICAL: "error", Severity.MAJOR: "error", Severity.MINOR: "warning", Severity.INFO: "notice"}


def escape_data(text: str) -> str:
    """Escape a command's message as the Actions runner expects (% first, so nothing is escaped twice)."""
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(text: str) -> str:
    """Escape a property value: as a message, plus ':' and ',' which separate properties."""
    return escape_data(text).replace(":", "%3A").replace(",", "%2C")


def command(level: str, message: str, **props: object) -> str:
    """One workflow command line, e.g. ``::error file=a.txt,line=3::message``."""
    parts = ",".join(f"{k}={escape_property(str(v))}" for k, v in props.items() if v is not None)
    return f"::{level}{' ' + parts if parts else ''}::{escape_data(message)}\n"


#: GitHub shows at most this many annotations of each level per step; the rest only appear in the log.
SHOWN_PER_LEVEL = 10
WORST_PASSAGES = 5
#: Files listed in the step summary (the worst first); GitHub caps a summary at 1 MiB.
MAX_FILES = 100


def _annotations(report: RunReport) -> list[tuple[int, str, str, dict[str, object]]]:
    """(rank, level, message, properties) of every annotation; rank 4 for errors of the run itself."""
    out: list[tuple[int, str, str, dict[str, object]]] = []
    for fr in report.files:
        if fr.error:
            out.append((4, "error", fr.error[1], {"file": fr.path, "title": f"mtlint: {fr.error[0]}"}))
            continue
        for x in fr.failures:
            out.append((4, "error", f"rule {x.code} ({x.rule}) failed: {x.message}", {"file": fr.path, "title": "mtlint"}))
        doc = fr.document
        if doc is None:
            continue
        for f in fr.findings:
            line, col = doc.position(f.start)
            end_line, end_col = doc.position(f.end)
            message = f.message
            if f.suggestions and f.suggestions[0].strip():
                message += f" (suggestion: “{f.suggestions[0]}”)"
            props: dict[str, object] = {
                "file": fr.path, "line": line, "col": col, "endLine": end_line, "endColumn": end_col,
                "title": f"{f.code} {f.rule}",
            }
            out.append((f.severity.rank, LEVELS[f.severity], f"{message} [{f.category}]", props))
    return out


def render(report: RunReport, stream: TextIO, color: bool = False) -> None:
    """Write an annotation for every finding, unreadable file and failed rule.

    When GitHub would not show them all (more than ``SHOWN_PER_LEVEL`` of a level), a
    notice saying how many are left out comes first, then the annotations, most severe
    first (so the ones GitHub shows are the worst); otherwise they keep the report's order.
    """
    annotations = _annotations(report)
    per_level: dict[str, int] = {}
    for _, level, _, _ in annotations:
        per_level[level] = per_level.get(level, 0) + 1
    hidden = sum(max(0, n - SHOWN_PER_LEVEL) for n in per_level.values())
    if hidden:
        # Stable sort: within a severity, files and positions keep their order.
        annotations.sort(key=lambda a: -a[0])
        counts = ", ".join(f"{n} {level}" for level, n in sorted(per_level.items()))
        stream.write(command(
            "notice",
            f"{len(annotations)} annotations ({counts}); GitHub shows {SHOWN_PER_LEVEL} of each level per step, "
            f"so {hidden} are left out of the pull request view (the most severe are shown). "
            "See the job log, the step summary or the SARIF report for all of them.",
            title="mtlint: annotations left out",
        ))
    for _, level, message, props in annotations:
        stream.write(command(level, message, **props))


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|").replace("`", "'")


def step_summary(report: RunReport) -> str:
    """A Markdown summary of the run for ``$GITHUB_STEP_SUMMARY``: files and scores,
    counts by rule, and the worst passages."""
    s = report.summary()
    lines = ["## mtlint", ""]
    parts = ", ".join(f"{n} {sev}" for sev, n in s["by_severity"].items())
    head = f"{s['issues']} issue{'s' if s['issues'] != 1 else ''} in {s['files']} file{'s' if s['files'] != 1 else ''}"
    if parts:
        head += f" ({parts})"
    if "mean_score" in s:
        head += f"; mean score {s['mean_score']:.1f}"
    if s["errors"]:
        head += f"; {s['errors']} with errors"
    lines += [head + ".", ""]
    lines += ["| file | score | issues | result |", "|---|---:|---:|---|"]
    ordered = sorted(report.files, key=lambda f: (f.score if f.score is not None else -1.0, f.path))
    for fr in ordered[:MAX_FILES]:
        score = "error" if fr.error else (f"{fr.score:.1f}" if fr.score is not None else "–")
        result = "error" if fr.error or fr.failures else ("passed" if fr.passed else "failed")
        lines.append(f"| `{_cell(fr.path)}` | {score} | {len(fr.findings)} | {result} |")
    if len(ordered) > MAX_FILES:
        lines.append(f"| … {len(ordered) - MAX_FILES} more files, with higher scores | | | |")
    by_rule: dict[tuple[str, str], int] = {}
    for fr in report.files:
        for f in fr.findings:
            by_rule[(f.code, f.rule)] = by_rule.get((f.code, f.rule), 0) + 1
    if by_rule:
        lines += ["", "| rule | name | count |", "|---|---|---:|"]
        for (code, name), n in sorted(by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
            lines.append(f"| {code} | {name} | {n} |")
    passages = []
    for fr in report.files:
        doc = fr.document
        if doc is None:
            continue
        for p in fr.passages:
            if p.penalty > 0:
                passages.append((p.score, fr.path, p.index, doc.position(p.start)[0], doc.text[p.start:p.end]))
    if passages:
        lines += ["", "Worst passages:", "", "| score | file | line | passage |", "|---:|---|---:|---|"]
        for score_, path, _, line, text in sorted(passages, key=lambda t: (t[0], t[1], t[2]))[:WORST_PASSAGES]:
            words = text.split()
            excerpt = " ".join(words[:12]) + (" …" if len(words) > 12 else "")
            lines.append(f"| {score_:.1f} | `{_cell(path)}` | {line} | {_cell(excerpt)} |")
    return "\n".join(lines) + "\n"
