"""GitHub Actions workflow commands: one ``::error``/``::warning``/``::notice`` annotation per finding."""

from __future__ import annotations

import io
import shutil
from collections.abc import Callable, Mapping
from typing import IO, Any, TextIO

from checker.finding import Severity
from checker.formats.text import issue_counts
from checker.report import FileReport, RunReport

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


def annotations_of(fr: FileReport) -> list[tuple[int, str, str, dict[str, object]]]:
    """(rank, level, message, properties) of one file's annotations; rank 4 for errors of the run itself."""
    out: list[tuple[int, str, str, dict[str, object]]] = []
    if fr.error:
        out.append((4, "error", fr.error[1], {"file": fr.path, "title": f"mtlint: {fr.error[0]}"}))
        return out
    for x in fr.failures:
        out.append((4, "error", f"rule {x.code} ({x.rule}) failed: {x.message}", {"file": fr.path, "title": "mtlint"}))
    doc = fr.document
    if doc is None:
        return out
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
    in_order = io.StringIO()
    by_rank: dict[int, io.StringIO] = {}
    per_level: dict[str, int] = {}
    for fr in report.files:
        for rank, level, message, props in annotations_of(fr):
            line = command(level, message, **props)
            per_level[level] = per_level.get(level, 0) + 1
            in_order.write(line)
            by_rank.setdefault(rank, io.StringIO()).write(line)
    write_annotations(per_level, in_order, [by_rank[r] for r in sorted(by_rank, reverse=True)], stream)


def write_annotations(per_level: dict[str, int], in_order: IO[str], ranked: list[IO[str]], stream: TextIO) -> None:
    """Write the annotation lines gathered in `in_order` (file order) or, when GitHub would hide
    some, a notice and then `ranked` (the same lines, one buffer per rank, most severe first).
    The buffers are closed."""
    hidden = sum(max(0, n - SHOWN_PER_LEVEL) for n in per_level.values())
    chosen = [in_order]
    if hidden:
        counts = ", ".join(f"{n} {level}" for level, n in sorted(per_level.items()))
        stream.write(command(
            "notice",
            f"{sum(per_level.values())} annotations ({counts}); GitHub shows {SHOWN_PER_LEVEL} of each level per step, "
            f"so {hidden} are left out of the pull request view (the most severe are shown). "
            "See the job log, the step summary or the SARIF report for all of them.",
            title="mtlint: annotations left out",
        ))
        chosen = ranked
    for buffer in chosen:
        buffer.seek(0)
        shutil.copyfileobj(buffer, stream)
    for buffer in (in_order, *ranked):
        buffer.close()


def _cell(text: str) -> str:
    """Text safe inside a Markdown table cell."""
    return " ".join(text.split()).replace("|", "\\|").replace("`", "'")


def step_summary(report: RunReport) -> str:
    """A Markdown summary of the run for ``$GITHUB_STEP_SUMMARY``: files and scores,
    counts by rule, and the worst passages."""
    parts = SummaryParts()
    for fr in report.files:
        parts.add(fr)
    return parts.markdown(report.summary())


def _keep_first(rows: list[Any], n: int, key: Callable[[Any], Any]) -> list[Any]:
    """The first `n` of `rows` in a stable sort by `key` (the order ``sorted(...)[:n]`` gives)."""
    return sorted(rows, key=key)[:n]


def _file_key(row: tuple[Any, ...]) -> tuple[float, str]:
    return row[0], row[1]


def _passage_key(row: tuple[Any, ...]) -> tuple[float, str, int]:
    return row[0], row[1], row[2]


class SummaryParts:
    """What the step summary shows, gathered file by file without keeping Documents: the
    ``MAX_FILES`` worst files, counts by rule, the ``WORST_PASSAGES`` worst passages."""

    def __init__(self) -> None:
        self.files = 0
        self.rows: list[tuple[float, str, str, int, str]] = []
        self.by_rule: dict[tuple[str, str], int] = {}
        self.passages: list[tuple[float, str, int, int, str]] = []

    def add(self, fr: FileReport) -> None:
        """Gather one file."""
        self.files += 1
        score = "error" if fr.error else (f"{fr.score:.1f}" if fr.score is not None else "–")
        result = "error" if fr.error or fr.failures else ("passed" if fr.passed else "failed")
        self.rows.append((fr.score if fr.score is not None else -1.0, fr.path, score, len(fr.findings), result))
        if len(self.rows) >= 2 * MAX_FILES:
            self.rows = _keep_first(self.rows, MAX_FILES, _file_key)
        for f in fr.findings:
            self.by_rule[(f.code, f.rule)] = self.by_rule.get((f.code, f.rule), 0) + 1
        doc = fr.document
        if doc is None:
            return
        for p in fr.passages:
            if p.penalty > 0:
                words = doc.text[p.start:p.end].split()
                excerpt = " ".join(words[:12]) + (" …" if len(words) > 12 else "")
                self.passages.append((p.score, fr.path, p.index, doc.position(p.start)[0], excerpt))
        if len(self.passages) >= 8 * WORST_PASSAGES:
            self.passages = _keep_first(self.passages, WORST_PASSAGES, _passage_key)

    def markdown(self, s: Mapping[str, Any]) -> str:
        """The step summary's Markdown, given the run's summary."""
        lines = ["## mtlint", ""]
        head = issue_counts(s)
        if "mean_score" in s:
            head += f"; mean score {s['mean_score']:.1f}"
        if s["errors"]:
            head += f"; {s['errors']} with errors"
        lines += [head + ".", ""]
        lines += ["| file | score | issues | result |", "|---|---:|---:|---|"]
        for _, path, score, n, result in _keep_first(self.rows, MAX_FILES, _file_key):
            lines.append(f"| `{_cell(path)}` | {score} | {n} | {result} |")
        if self.files > MAX_FILES:
            lines.append(f"| … {self.files - MAX_FILES} more files, with higher scores | | | |")
        if self.by_rule:
            lines += ["", "| rule | name | count |", "|---|---|---:|"]
            for (code, name), n in sorted(self.by_rule.items(), key=lambda kv: (-kv[1], kv[0])):
                lines.append(f"| {code} | {name} | {n} |")
        if self.passages:
            lines += ["", "Worst passages:", "", "| score | file | line | passage |", "|---:|---|---:|---|"]
            for score_, path, _, line, excerpt in _keep_first(self.passages, WORST_PASSAGES, _passage_key):
                lines.append(f"| {score_:.1f} | `{_cell(path)}` | {line} | {_cell(excerpt)} |")
        return "\n".join(lines) + "\n"
