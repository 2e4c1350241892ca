"""The outcome of a run: one FileReport per input and a summary. Formatters render these."""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from checker.document import Document
from checker.engine import RuleFailure
from checker.finding import Finding, Severity
from checker.scoring import PassageScore

SCHEMA = "mtlint-report/1"


def report_schema() -> dict[str, Any]:
    """The JSON Schema (Draft 2020-12) of the JSON report, shipped as ``checker/schema/report.schema.json``."""
    import json
    from importlib.resources import files

    return json.loads(files("checker").joinpath("schema", "report.schema.json").read_text(encoding="utf-8"))


@dataclass
class FileReport:
    """Everything known about one checked (or unreadable) file."""

    path: str
    document: Document | None = None
    lang: str | None = None
    findings: list[Finding] = field(default_factory=list)
    failures: list[RuleFailure] = field(default_factory=list)
    error: tuple[str, str] | None = None  # (code, message) when the file could not be read
    score: float | None = None
    passages: list[PassageScore] = field(default_factory=list)
    passed: bool = True
    #: Extra file-level objects (``reference``, ``source``) added by comparison modes.
    extra: dict[str, Any] = field(default_factory=dict)
    #: Extra passage-level objects keyed by passage index (``reference`` per passage).
    passage_extra: dict[int, dict[str, Any]] = field(default_factory=dict)
    #: With --fix or --diff: the checker.fix.FixOutcome (text before and after, edits applied).
    fix: Any = None

    @property
    def words(self) -> int:
        """Number of word tokens (0 for an unreadable file)."""
        return self.document.word_count if self.document else 0


@dataclass
class RunReport:
    """All files of one run, with the settings that produced them."""

    files: list[FileReport]
    rules: Sequence[str]
    packs: Mapping[str, str]
    weights: Mapping[str, float]
    fail_on: Severity = Severity.MINOR
    fail_under: float | None = None

    def summary(self) -> dict[str, Any]:
        """Counts by severity and category, failed files, mean and worst score."""
        by_sev: Counter[str] = Counter()
        by_cat: Counter[str] = Counter()
        for f in self.files:
            for x in f.findings:
                by_sev[x.severity.value] += 1
                by_cat[x.category] += 1
        scored = [f for f in self.files if f.score is not None]
        out: dict[str, Any] = {
            "files": len(self.files),
            "failed_files": sum(1 for f in self.files if not f.passed),
            "errors": sum(1 for f in self.files if f.error or f.failures),
            "issues": sum(by_sev.values()),
            "by_severity": {s.value: by_sev[s.value] for s in Severity if by_sev[s.value]},
            "by_category": dict(sorted(by_cat.items())),
        }
        if scored:
            worst = min(scored, key=lambda f: (f.score, f.path))
            out["mean_score"] = round(sum(f.score for f in scored) / len(scored), 1)  # type: ignore[misc]
            out["worst_file"] = {"path": worst.path, "score": worst.score}
        return out

    @property
    def exit_code(self) -> int:
        """0 clean, 1 findings at/above fail-on or a score under fail-under, 2 a file could not be checked."""
        if any(f.error or f.failures for f in self.files):
            return 2
        return 0 if all(f.passed for f in self.files) else 1
