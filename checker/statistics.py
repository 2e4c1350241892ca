"""Counts of findings per rule (``--statistics``) and the fixes of a run (``--show-fixes``): render only."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable
from typing import Any, TextIO

from checker.report import RunReport


def statistics(report: RunReport, rules: Iterable[Any] = ()) -> list[dict[str, Any]]:
    """One entry per rule with findings: code, name, count, fixable; the most frequent first, then by code."""
    autofix = {r.code: bool(r.autofix) for r in rules}
    counts: Counter[tuple[str, str]] = Counter()
    for fr in report.files:
        for f in fr.findings:
            counts[(f.code, f.rule)] += 1
    ordered = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0][0]))
    return [{"code": code, "name": name, "count": n, "fixable": autofix.get(code, False)}
            for (code, name), n in ordered]


def render_statistics(report: RunReport, rules: Iterable[Any], stream: TextIO, *, as_json: bool = False) -> None:
    """``--statistics``: a table (count, code, [*] when --fix applies, name), or a JSON list."""
    rows = statistics(report, rules)
    if as_json:
        json.dump(rows, stream, ensure_ascii=False, indent=2)
        stream.write("\n")
        return
    width = max((len(str(r["count"])) for r in rows), default=1)
    for r in rows:
        mark = "[*]" if r["fixable"] else "   "
        stream.write(f"{r['count']:>{width}}\t{r['code']}\t{mark} {r['name']}\n")
    errors = sum(1 for f in report.files if f.error or f.failures)
    if errors:
        stream.write(f"{errors} file{'s' if errors != 1 else ''} could not be checked\n")


def fixable(report: RunReport, rules: Iterable[Any]) -> dict[str, Counter[tuple[str, str]]]:
    """Per file, the findings of autofix rules that have a suggestion, counted by (code, name)."""
    autofix = {r.code for r in rules if r.autofix}
    out: dict[str, Counter[tuple[str, str]]] = {}
    for fr in report.files:
        c: Counter[tuple[str, str]] = Counter(
            (f.code, f.rule) for f in fr.findings if f.code in autofix and f.suggestions
        )
        if c:
            out[fr.path] = c
    return out


def render_fixes(report: RunReport, rules: Iterable[Any], stream: TextIO, *, applied: bool) -> None:
    """``--show-fixes``: with ``--fix``, the number of fixes applied per file; otherwise
    what ``--fix`` would apply, per file and rule."""
    if applied:
        done = [(f.path, f.fix.applied) for f in report.files if f.fix is not None and f.fix.applied]
        if not done:
            stream.write("No fixes applied.\n")
            return
        total = sum(n for _, n in done)
        stream.write(f"Fixed {total} issue{'s' if total != 1 else ''}:\n")
        for path, n in done:
            stream.write(f"- {path}: {n} fix{'es' if n != 1 else ''}\n")
        return
    todo = fixable(report, rules)
    if not todo:
        stream.write("No findings that --fix would fix.\n")
        return
    total = sum(sum(c.values()) for c in todo.values())
    stream.write(f"{total} finding{'s' if total != 1 else ''} fixable with --fix:\n")
    for path, counts in todo.items():
        stream.write(f"- {path}:\n")
        for (code, name), n in sorted(counts.items()):
            stream.write(f"    {n} × {code} ({name})\n")
