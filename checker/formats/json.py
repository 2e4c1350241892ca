"""The JSON report of the public contract (schema ``mtlint-report/1``): rendering only.

The dictionaries themselves are built by ``FileReport.to_dict`` and ``RunReport.to_dict``
(``checker/report.py``), so the library and every format share one definition.
"""

from __future__ import annotations

import json
from typing import Any, TextIO

from checker.report import FileReport, RunReport, finding_dict

__all__ = ["file_dict", "finding_dict", "render", "report_dict"]


def file_dict(report: FileReport) -> dict[str, Any]:
    """One file's entry of the report."""
    return report.to_dict()


def report_dict(report: RunReport) -> dict[str, Any]:
    """The whole report as a JSON-ready dict."""
    return report.to_dict()


def render(report: RunReport, stream: TextIO, color: bool = False) -> None:
    """Write the JSON report (UTF-8, not ASCII-escaped, indented)."""
    json.dump(report_dict(report), stream, ensure_ascii=False, indent=2)
    stream.write("\n")
