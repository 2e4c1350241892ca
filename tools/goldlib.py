"""Scoring findings against annotated articles (``*.expected.json``), the logic of goldcheck.py.

An annotation is found when a finding of the same category overlaps it (shares
one character). A guarded span (``must_not_flag``) is violated when a finding of
a guarded category overlaps it. Used by the tests and by ``tools/gold.py``; it is not part of the installed package.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

GUARDED = frozenset({"acronym-homoglyph", "mangled-name", "non-word", "glued-words", "untranslated"})


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    """True when two half-open spans share at least one character."""
    return max(a[0], b[0]) < min(a[1], b[1])


@dataclass
class GoldScore:
    """Recall per category, required annotations missed, guarded spans violated."""

    found: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    required_found: int = 0
    required_total: int = 0
    missed: list[str] = field(default_factory=list)
    violations: list[str] = field(default_factory=list)

    @property
    def recall(self) -> float:
        """Share of all annotations found."""
        n = sum(self.total.values())
        return sum(self.found.values()) / n if n else 1.0


def load_gold(path: Path) -> tuple[dict[str, Any], Path]:
    """An expected.json and the article it describes (beside it)."""
    gold = json.loads(path.read_text(encoding="utf-8"))
    return gold, path.parent / gold["file"]


def score(gold: dict[str, Any], findings: Iterable[Any], name: str, into: GoldScore | None = None) -> GoldScore:
    """Compare findings (objects with start, end, category, code) with one gold file."""
    out = into or GoldScore()
    issues = [(f.start, f.end, f.category, f.code) for f in findings]
    for ann in gold["annotations"]:
        span = (ann["start"], ann["end"])
        hit = any(cat == ann["category"] and overlaps((s, e), span) for s, e, cat, _ in issues)
        out.total[ann["category"]] += 1
        out.found[ann["category"]] += hit
        if ann.get("required"):
            out.required_total += 1
            out.required_found += hit
        if not hit:
            flag = "MISSED (required)" if ann.get("required") else "missed"
            out.missed.append(f"{name}:{ann['start']}-{ann['end']}: {flag} {ann['category']} {ann['text'][:60]!r}")
    for span in gold.get("must_not_flag", {}).get("spans", []):
        for s, e, cat, code in issues:
            if cat in GUARDED and overlaps((s, e), (span["start"], span["end"])):
                out.violations.append(f"{name}:{s}-{e}: FALSE POSITIVE {code} {cat} on {span['text']!r}")
    return out


def gold_files(roots: Sequence[Path]) -> list[Path]:
    """Every ``*.expected.json`` under the given folders."""
    return sorted(p for root in roots for p in root.rglob("*.expected.json"))
