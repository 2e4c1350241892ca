#!/usr/bin/env python3
"""Recall and trap false alarms on the project's own machine-translation-style pages.

``tests/data/mtpages`` holds news pages written in our own words, without looking at
mtlint or at ``../shared``, that imitate what an aggregator publishes after machine
translation (from Indonesian, Vietnamese, Turkish, Korean, Arabic, Japanese, Chinese,
Malay, Spanish and English) and scraping, into French, English, Spanish, German,
Italian and Portuguese. Each ``NAME.txt`` has a ``NAME.json``: ``lang``,
``annotations`` (offset, text, category, note) and ``traps`` (clean spans a linter must
leave alone: Al Pacino, von der Leyen, an agency dateline…).

- ``written-first``: the first 20 pages. Mechanisms were improved while looking at
  what mtlint missed on them, so they measure progress, not generalisation.
- ``held-out``: 16 pages written afterwards by someone who saw neither mtlint nor the
  first set; only their summary figures (and two trap alarms) were looked at until the
  seventeenth session, which listed their misses once (2026-12-04): the form-level mechanisms
  of that session were shaped partly by what it saw there, so the set is no longer blind.
- ``held-out-2``: 18 pages (fr, en, es, de, it, pt; 14 source languages) written on
  2026-12-04 by someone who saw neither mtlint's code and rules nor the other sets, before
  that session's changes were measured on them. Only summary figures are looked at: they
  are the measure of how mtlint does on pages nobody tuned it on.
- ``written-second``: 20 pages (fr 8, en 3, es 3, de 2, it 2, pt 2; 12 source languages; 301
  annotations weighted toward form-level categories) written on 2026-12-04 in the eighteenth
  session by someone who saw neither mtlint nor the other sets. Measured once before any change
  (109 of 301, 36 %; 6 trap alarms), then its misses were read and mechanisms widened: a
  development set, like ``written-first``. Five of its traps were correct times inside the
  page's date line; mtlint reports a scraped date line as chrome (MT514, the real pages'
  convention), so those five traps were removed; the sixth alarm (« nella serie televisiva Le
  sorelle del Sud », a title after a work noun read as a lost full stop) was a real false alarm.

- ``held-out-3``: 20 pages (fr 8, en 3, es 3, de 2, it 2, pt 2; 12 source languages; 328
  annotations, about half meaning-level; 80 traps) written on 2026-12-05 in the nineteenth
  session by someone who saw neither mtlint nor the other sets nor ``../shared``, and measured
  once at the end of that session, after its changes. Blind like ``held-out-2``: only summary
  figures and trap alarms are looked at, never ``--misses``.
- ``held-out-4``: 20 pages (fr 8, en 3, es 3, de 2, it 2, pt 2; 15 source languages; 384
  annotations, 80 traps) written on 2026-12-05 in the twenty-first session by someone who saw
  neither mtlint nor the other sets nor ``../shared``, measured at that session's start and end
  (the session's changes were made without it). Blind: summary figures and trap alarms only.
- ``held-out-5``: 20 pages (fr 8, en 3, es 3, de 2, it 2, pt 2; 19 source languages; 437
  annotations, 45 % meaning-level, 80 traps) written on 2026-12-07 in the thirty-sixth session by
  someone who saw neither mtlint nor the other sets nor ``../shared``; measured once with the
  code of that session's start (3029bdd) and once at its end. Blind: summary figures and trap
  alarms only.

    python tools/mtpages.py [--set written-first|held-out|held-out-2|written-second|held-out-3|held-out-4|held-out-5|all]
                            [--misses] [--json]

A finding matches an annotation when their spans overlap and the categories are equal
(strict) — the real-world tool's rule. A trap overlapped by any finding is a false alarm.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data" / "mtpages"
SETS = ("written-first", "held-out", "held-out-2", "written-second", "held-out-3", "held-out-4", "held-out-5")


@dataclass
class Figures:
    required: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    misses: list[tuple[str, str, str]] = field(default_factory=list)
    trap_alarms: list[tuple[str, str, str]] = field(default_factory=list)

    def recall(self) -> float:
        total = sum(self.required.values())
        return sum(self.found.values()) / total if total else 1.0

    def to_dict(self) -> dict[str, Any]:
        return {"required": dict(self.required), "found": dict(self.found), "recall": round(self.recall(), 4),
                "trap_alarms": [list(t) for t in self.trap_alarms]}


def pages(which: str = "all") -> list[Path]:
    names = SETS if which == "all" else (which,)
    return sorted(p for name in names for p in (DATA / name).glob("*.json"))


def measure(which: str = "all") -> Figures:
    sys.path.insert(0, str(ROOT))
    from checker import Linter

    linter = Linter()
    figures = Figures()
    for gold_path in pages(which):
        gold = json.loads(gold_path.read_text(encoding="utf-8"))
        text = gold_path.with_suffix(".txt").read_text(encoding="utf-8")
        report = linter.check_text(text, lang=gold["lang"], path=gold_path.with_suffix(".txt").name)
        spans = [(f.start, f.end, f.category, f.code) for f in report.findings]
        for a in gold["annotations"]:
            figures.required[a["category"]] += 1
            if any(s < a["end"] and a["start"] < e and c == a["category"] for s, e, c, _ in spans):
                figures.found[a["category"]] += 1
            else:
                figures.misses.append((gold_path.stem, a["category"], a["text"]))
        for t in gold.get("traps", []):
            for s, e, _, code in spans:
                if s < t["end"] and t["start"] < e:
                    figures.trap_alarms.append((gold_path.stem, code, t["text"]))
    return figures


def render(figures: Figures) -> str:
    lines = [f"{'category':<16} {'required':>8} {'found':>6} {'strict':>7}"]
    for cat in sorted(figures.required, key=lambda c: (-figures.required[c], c)):
        n, k = figures.required[cat], figures.found[cat]
        lines.append(f"{cat:<16} {n:>8} {k:>6} {k / n:>7.0%}")
    total = sum(figures.required.values())
    lines.append(f"{'all':<16} {total:>8} {sum(figures.found.values()):>6} {figures.recall():>7.0%}")
    lines.append(f"trap false alarms: {len(figures.trap_alarms)}")
    lines.extend(f"  {name} {code} {text!r}" for name, code, text in figures.trap_alarms)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", choices=(*SETS, "all"), default="all")
    ap.add_argument("--misses", action="store_true", help="list the annotations no finding matched")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    figures = measure(args.set)
    if args.json:
        print(json.dumps(figures.to_dict(), ensure_ascii=False, indent=1))
        return 0
    print(render(figures))
    if args.misses:
        print("\nmissed:")
        for name, cat, text in figures.misses:
            print(f"  {name:<10} {cat:<15} {text[:70]!r}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
