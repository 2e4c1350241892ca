#!/usr/bin/env python3
"""Recall and false alarms of mtlint on the real-world development set (``../shared/realworld``).

The excerpts are third-party pages: this tool reads them where they lie and never
copies them. It runs mtlint (``python -m checker check --format json``) once per
language over every excerpt, then measures, with the definitions of the set's
README:

- **strict recall** per category and per language: required annotations of origin
  ``page`` on machine-translated excerpts that a finding of the *same* category
  overlaps;
- **precision on MT**: the share of findings on MT excerpts that overlap an annotation;
- **false alarms**: findings on clean excerpts that overlap no annotation, plus
  findings of a guarded category on a ``must_not_flag`` span and punctuation or
  locale-format findings on a ``not_errors`` span, per 1,000 clean words.

Findings of severity ``info`` are ignored throughout.

    python tools/eval_realworld.py [--data DIR] [--json] [--misses CATEGORY|all] [--fps]

Exits 0 with a message when the data folder is absent (it measures; it does not judge).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
DEFAULT_DATA = Path(os.environ.get("MTLINT_SHARED", ROOT.parent / "shared")) / "realworld"

#: Categories whose findings on a ``must_not_flag`` span are false alarms.
GUARDED = frozenset({"acronym-homoglyph", "mangled-name", "non-word", "glued-words", "untranslated"})
#: Categories whose findings on a ``not_errors`` span (a regional convention) are false alarms.
TYPOGRAPHY = frozenset({"punctuation", "locale-format"})
#: The form-level categories (issue "Real pages, not our own", form-level half).
FORM_LEVEL = (
    "punctuation", "locale-format", "boilerplate", "glued-words", "duplication", "truncation",
    "untranslated", "encoding", "social-embed", "dangling-reference", "non-word",
)
#: The meaning-level categories (its twin).
MEANING_LEVEL = ("calque", "mistranslation", "mangled-name", "grammar", "inconsistency")


@dataclass
class Figures:
    """What one measurement found; ratios are computed from the counts."""

    required: Counter[str] = field(default_factory=Counter)
    found: Counter[str] = field(default_factory=Counter)
    lang_required: Counter[str] = field(default_factory=Counter)
    lang_found: Counter[str] = field(default_factory=Counter)
    clean_words: Counter[str] = field(default_factory=Counter)
    false_alarms: Counter[str] = field(default_factory=Counter)
    mt_findings: int = 0
    mt_on_annotation: int = 0
    misses: list[tuple[str, dict[str, Any]]] = field(default_factory=list)
    alarms: list[tuple[str, dict[str, Any], str]] = field(default_factory=list)

    def recall(self, categories: tuple[str, ...] | None = None) -> float:
        cats = categories if categories is not None else tuple(self.required)
        total = sum(self.required[c] for c in cats)
        return sum(self.found[c] for c in cats) / total if total else 0.0

    def per_category(self) -> dict[str, float]:
        return {c: self.found[c] / n for c, n in self.required.items() if n}

    def false_alarms_per_1000(self) -> float:
        words = sum(self.clean_words.values())
        return 1000 * sum(self.false_alarms.values()) / words if words else 0.0

    def to_dict(self) -> dict[str, Any]:
        return {
            "required": dict(self.required),
            "found": dict(self.found),
            "recall": self.per_category(),
            "recall_all": self.recall(),
            "recall_form_level": self.recall(FORM_LEVEL),
            "recall_meaning_level": self.recall(MEANING_LEVEL),
            "precision_mt": self.mt_on_annotation / self.mt_findings if self.mt_findings else 0.0,
            "clean_words": sum(self.clean_words.values()),
            "false_alarms": sum(self.false_alarms.values()),
            "false_alarms_per_1000": self.false_alarms_per_1000(),
            "by_lang": {
                lang: {
                    "required": self.lang_required[lang],
                    "found": self.lang_found[lang],
                    "clean_words": self.clean_words[lang],
                    "false_alarms": self.false_alarms[lang],
                }
                for lang in sorted(set(self.lang_required) | set(self.clean_words))
            },
        }


def _overlap(a: dict[str, Any], b: dict[str, Any]) -> bool:
    return max(a["start"], b["start"]) < min(a["end"], b["end"])


def load_gold(data: Path) -> dict[str, dict[str, Any]]:
    """Gold files by excerpt file name, each with the excerpt's path and word count."""
    gold: dict[str, dict[str, Any]] = {}
    for path in sorted(data.glob("*/*.expected.json")):
        entry = json.loads(path.read_text(encoding="utf-8"))
        text_path = path.parent / entry["file"]
        entry["_path"] = str(text_path)
        entry["_words"] = len(text_path.read_text(encoding="utf-8").split())
        gold[entry["file"]] = entry
    return gold


def run_mtlint(gold: dict[str, dict[str, Any]], command: list[str] | None = None) -> list[dict[str, Any]]:
    """mtlint's JSON file entries for every excerpt, checked with its gold language."""
    command = command or [sys.executable, "-m", "checker"]
    by_lang: dict[str, list[str]] = {}
    for entry in gold.values():
        by_lang.setdefault(entry["lang"], []).append(entry["_path"])
    files: list[dict[str, Any]] = []
    for lang, paths in sorted(by_lang.items()):
        proc = subprocess.run([*command, "check", "--format", "json", "--lang", lang, *paths],
                              capture_output=True, text=True, cwd=ROOT, check=False)
        try:
            files += json.loads(proc.stdout)["files"]
        except (ValueError, KeyError) as exc:
            raise RuntimeError(f"mtlint gave no JSON report for {lang}: {proc.stderr.strip()[:300]}") from exc
    return files


def measure(gold: dict[str, dict[str, Any]], files: list[dict[str, Any]]) -> Figures:
    """Score mtlint's file entries against the gold files."""
    figures = Figures()
    reported = {Path(f.get("path", "")).name: f for f in files}
    for name, entry in sorted(gold.items()):
        report = reported.get(name)
        if report is None:
            continue
        lang = entry["lang"]
        issues = [i for i in report.get("issues", []) if i.get("severity") != "info"]
        annotations = entry["annotations"]
        protected = [(s, GUARDED) for s in entry.get("must_not_flag", {}).get("spans", [])]
        protected += [(s, TYPOGRAPHY) for s in entry.get("not_errors", {}).get("spans", [])]
        counted: set[int] = set()
        for k, issue in enumerate(issues):
            if any(issue["category"] in cats and _overlap(issue, span) for span, cats in protected):
                counted.add(k)
                figures.false_alarms[lang] += 1
                figures.alarms.append((name, issue, "on a protected span"))
        if entry["kind"] == "mt":
            for ann in annotations:
                if ann.get("origin", "page") != "page" or not ann.get("required", True):
                    continue
                cat = ann["category"]
                hit = any(i["category"] == cat and _overlap(i, ann) for i in issues)
                figures.required[cat] += 1
                figures.found[cat] += hit
                figures.lang_required[lang] += 1
                figures.lang_found[lang] += hit
                if not hit:
                    figures.misses.append((name, ann))
            figures.mt_findings += len(issues)
            figures.mt_on_annotation += sum(any(_overlap(i, a) for a in annotations) for i in issues)
        else:
            figures.clean_words[lang] += entry["_words"]
            for k, issue in enumerate(issues):
                if k not in counted and not any(_overlap(issue, a) for a in annotations):
                    figures.false_alarms[lang] += 1
                    figures.alarms.append((name, issue, "clean text"))
    return figures


def evaluate(data: Path = DEFAULT_DATA, command: list[str] | None = None) -> Figures:
    gold = load_gold(data)
    return measure(gold, run_mtlint(gold, command))


def render(figures: Figures) -> str:
    lines = [f"{'category':<20} {'required':>8} {'found':>6} {'strict':>7}"]
    for cat in sorted(figures.required, key=lambda c: (-figures.required[c], c)):
        n, k = figures.required[cat], figures.found[cat]
        lines.append(f"{cat:<20} {n:>8} {k:>6} {k / n:>7.0%}")
    total, found = sum(figures.required.values()), sum(figures.found.values())
    lines.append(f"{'all':<20} {total:>8} {found:>6} {figures.recall():>7.0%}")
    lines.append(f"{'form-level':<20} {'':>8} {'':>6} {figures.recall(FORM_LEVEL):>7.0%}")
    lines.append(f"{'meaning-level':<20} {'':>8} {'':>6} {figures.recall(MEANING_LEVEL):>7.0%}")
    d = figures.to_dict()
    lines.append("")
    lines.append(f"precision on MT: {figures.mt_on_annotation}/{figures.mt_findings} = {d['precision_mt']:.0%}")
    lines.append(f"false alarms: {d['false_alarms']} in {d['clean_words']} clean words = "
                 f"{d['false_alarms_per_1000']:.2f} per 1,000 words")
    lines.append("")
    lines.append(f"{'lang':<6} {'required':>8} {'strict':>7} {'clean words':>12} {'false alarms':>13}")
    for lang, row in d["by_lang"].items():
        rec = f"{row['found'] / row['required']:.0%}" if row["required"] else "-"
        lines.append(f"{lang:<6} {row['required']:>8} {rec:>7} {row['clean_words']:>12} {row['false_alarms']:>13}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="the real-world set (default ../shared/realworld)")
    ap.add_argument("--json", action="store_true", help="print the figures as one JSON object")
    ap.add_argument("--misses", metavar="CATEGORY", help="list missed annotations of a category (or 'all')")
    ap.add_argument("--fps", action="store_true", help="list the false alarms")
    args = ap.parse_args(argv)
    if not args.data.is_dir():
        print(f"eval_realworld: no data at {args.data}; nothing measured")
        return 0
    figures = evaluate(args.data)
    if args.json:
        print(json.dumps(figures.to_dict(), indent=1, sort_keys=True))
        return 0
    print(render(figures))
    if args.misses:
        print("\nmissed (strict):")
        for name, ann in figures.misses:
            if args.misses in ("all", ann["category"]):
                print(f"  {name} {ann['category']:<16} {ann['text'][:60]!r}")
    if args.fps:
        print("\nfalse alarms:")
        for name, issue, why in figures.alarms:
            print(f"  {name} {issue['code']} {issue['category']:<16} {issue['text'][:50]!r} ({why})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
