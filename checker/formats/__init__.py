"""Output formats: each renders a RunReport and computes nothing."""

from __future__ import annotations

from collections.abc import Callable
from typing import TextIO

from checker.report import RunReport

FORMATS = ("text", "json", "github", "html", "full", "sarif")


def get_formatter(name: str) -> Callable[[RunReport, TextIO, bool], None]:
    """The render function of a format: render(report, stream, color)."""
    if name == "json":
        from checker.formats.json import render
    elif name == "text":
        from checker.formats.text import render
    elif name == "github":
        from checker.formats.github import render
    elif name == "html":
        from checker.formats.html import render
    elif name == "full":
        from checker.formats.full import render
    elif name == "sarif":
        from checker.formats.sarif import render
    else:
        raise KeyError(name)
    return render
