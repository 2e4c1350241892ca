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


def render(report: RunReport, stream: TextIO, color: bool = False) -> None:
    """Write an annotation for every finding, unreadable file and failed rule."""
    for fr in report.files:
        if fr.error:
            stream.write(command("error", fr.error[1], file=fr.path, title=f"mtlint: {fr.error[0]}"))
            continue
        for x in fr.failures:
            stream.write(command("error", f"rule {x.code} ({x.rule}) failed: {x.message}", file=fr.path, title="mtlint"))
        doc = fr.document
        if doc is None:
            continue
        for f in fr.findings:
            line, col = doc.position(f.start)
            end_line, end_col = doc.position(f.end)
            message = f.message
            if f.suggestions and f.suggestions[0].strip():
                message += f" (suggestion: “{f.suggestions[0]}”)"
            stream.write(
                command(
                    LEVELS[f.severity],
                    f"{message} [{f.category}]",
                    file=fr.path,
                    line=line,
                    col=col,
                    endLine=end_line,
                    endColumn=end_col,
                    title=f"{f.code} {f.rule}",
                )
            )
