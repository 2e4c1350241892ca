"""``--format full``: the text format with the article's line under each finding and the span underlined.

Like Ruff's full output::

    article.txt:5:112: MT101 major ‘Al’ … seems to stand for ‘IA’. [acronym-homoglyph]
       |
     5 | … les outils d'Al générative …
       |                ^^ suggestion: “IA”
       |

Long lines are cut around the span; tabs become one space so that the caret
line stays aligned (columns count code points, as in the other formats; a
double-width character shifts the carets, which only matters in CJK text).
"""

from __future__ import annotations

from typing import TextIO

from checker.formats.text import _COLORS, _describe, _paint, render_failures_and_score
from checker.report import FileReport, RunReport

#: Characters of context kept on each side of a span on a long line.
CONTEXT = 60
_BOLD = "\033[1m"


def _clip(line: str, start: int, end: int) -> tuple[str, int, int]:
    """Cut a long line around [start, end); returns the shown text and the span inside it."""
    lo = max(0, start - CONTEXT)
    hi = min(len(line), max(end, start + 1) + CONTEXT)
    shown = line[lo:hi]
    prefix = "…" if lo > 0 else ""
    suffix = "…" if hi < len(line) else ""
    return prefix + shown + suffix, start - lo + len(prefix), end - lo + len(prefix)


def _printable(text: str) -> str:
    """One visible cell per code point: tabs and other controls become a space."""
    return "".join(" " if (ord(ch) < 32 or 0x7F <= ord(ch) < 0xA0) else ch for ch in text)


def render_file(report: FileReport, stream: TextIO, color: bool) -> None:
    """The blocks of one file, then its score and worst passages."""
    if report.error:
        stream.write(f"{report.path}: error: {report.error[1]}\n")
        return
    doc = report.document
    assert doc is not None
    for f in report.findings:
        line, col = doc.position(f.start)
        end_line, end_col = doc.position(f.end)
        sev = _paint(f.severity.value, _COLORS[f.severity], color)
        code = _paint(f.code, _BOLD, color)
        stream.write(f"{report.path}:{line}:{col}: {code} {sev} {f.message} [{f.category}]\n")
        line_start = f.start - (col - 1)
        text = doc.text
        # The line's end from the next line's start, less its break: scanning the line for
        # each finding cost findings × line length on one long line.
        starts = doc.line_starts
        line_end = starts[line] if line < len(starts) else len(text)
        while line_end > line_start and text[line_end - 1] in "\r\n":
            line_end -= 1
        source = text[line_start:line_end]
        span_end = f.end - line_start if end_line == line else len(source)
        shown, a, b = _clip(source, col - 1, span_end)
        gutter = " " * len(str(line))
        carets = "^" * max(1, b - a) + ("…" if end_line != line else "")
        note = f" suggestion: {_describe(f.suggestions[0])}" if f.suggestions else ""
        stream.write(f"{gutter} |\n{line} | {_printable(shown)}\n")
        stream.write(f"{gutter} | {' ' * a}{_paint(carets, _COLORS[f.severity], color)}{note}\n{gutter} |\n")
    render_failures_and_score(report, stream, color)


def render(report: RunReport, stream: TextIO, color: bool = False) -> None:
    """Every file in full, then the same summary as the text format."""
    from checker.formats.text import render_summary

    for f in report.files:
        render_file(f, stream, color)
    render_summary(report, stream, color)
