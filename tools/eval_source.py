#!/usr/bin/env python3
"""Source mode on annotated MT output: precision of each source-mode category, and scores.

Reads the French MQM span files of ``../shared/eval`` (never copied into the project),
rebuilds each (document, system) as an article whose passages are its segments joined by
blank lines, its English source the same way, attaches the source as ``--source`` does
(``checker.compare.attach_source``) and runs every enabled rule. Reports:

- per source-mode rule and category: findings, and the share that overlap a span the
  annotators marked in that segment (P(any)); an insertion point (empty span) counts as
  overlapped when a finding touches it;
- the mean segment score (the contract's formula, all rules) of segments with and without
  annotated errors (``neutral`` spans are preferences, not errors);
- how often the aligner paired segment k of the source with segment k of the translation.

    python tools/eval_source.py [--eval DIR] [--files NAME ...] [--limit N] [--json]

Exits 0 with a message when the eval folder is absent.
"""

from __future__ import annotations

import argparse
import bisect
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from evaldata import join, overlaps, segments  # noqa: E402

DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
FRENCH = ("wmt22chat_en-fr.jsonl", "biomqm_en-fr.jsonl", "wmt20qe3_en-fr.jsonl")
SOURCE_KINDS = {"source-anchors", "source-names", "source-copy", "source-omission", "length-ratio"}


def evaluate(files: list[Path], limit: int | None) -> dict[str, Any]:
    """Run source mode on every document of `files`; the figures as a dict."""
    from checker import Linter, RunOptions
    from checker.compare import source_of
    from checker.finding import DEFAULT_WEIGHTS
    from checker.scoring import penalty, score

    linter = Linter(options=RunOptions(source_lang="en"))
    ruleset = linter.ruleset
    source_codes = {r.code: r for r in ruleset.rules if r.kind in SOURCE_KINDS}
    out: dict[str, Any] = {}
    for path in files:
        found: Counter[str] = Counter()
        hit: Counter[str] = Counter()
        scores: dict[bool, list[float]] = {True: [], False: []}
        aligned = diagonal = docs_n = 0
        for n, ((_doc_id, _system), segs) in enumerate(segments(path, drop_suspect=True).items()):
            if limit is not None and n >= limit:
                break
            docs_n += 1
            text, starts = join([s["target"] for s in segs])
            source_text, _ = join([s["source"] for s in segs])
            report = linter.check_text(text, lang="fr", path=path.name, markdown=False, source=source_text)
            doc, alignment = report.document, source_of(report.document) if report.document else None
            assert doc is not None and alignment is not None
            for left, right, _sim in alignment.matched():
                aligned += 1
                diagonal += left == right
            findings = report.findings
            by_seg: dict[int, list[Any]] = defaultdict(list)
            for f in findings:
                k = bisect.bisect_right(starts, f.start) - 1
                by_seg[k].append(f)
            for k, seg in enumerate(segs):
                base = starts[k]
                spans = [(base + s["start"], base + s["end"]) for s in seg["spans"] if s["severity"] != "neutral"]
                words = len(doc.tokens_in(base, base + len(seg["target"])))
                scores[bool(spans)].append(score(words, penalty(by_seg[k], DEFAULT_WEIGHTS)))
                for f in by_seg[k]:
                    if f.code not in source_codes:
                        continue
                    for key in (f.code, "category:" + f.category):
                        found[key] += 1
                        hit[key] += overlaps(f.start, f.end, spans)
        mean = {("with_errors" if k else "without_errors"): (round(sum(v) / len(v), 1) if v else None, len(v))
                for k, v in scores.items()}
        out[path.name] = {
            "documents": docs_n,
            "alignment_diagonal": round(diagonal / aligned, 3) if aligned else None,
            "findings": {k: {"n": found[k], "p_any": round(hit[k] / found[k], 3)} for k in sorted(found)},
            "mean_segment_score": mean,
        }
    return out


def main() -> int:
    """Command line entry point."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=DEFAULT_EVAL, help="the shared eval folder")
    parser.add_argument("--files", nargs="*", default=list(FRENCH), help="JSONL files inside it")
    parser.add_argument("--limit", type=int, default=None, help="documents per file (for a quick look)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    args = parser.parse_args()
    if not args.eval.is_dir():
        print(f"eval folder {args.eval} is absent: nothing to measure")
        return 0
    files = [args.eval / name for name in args.files if (args.eval / name).is_file()]
    if not files:
        print(f"none of {', '.join(args.files)} in {args.eval}: nothing to measure")
        return 0
    figures = evaluate(files, args.limit)
    if args.json:
        json.dump(figures, sys.stdout, indent=2)
        print()
        return 0
    for name, fig in figures.items():
        print(f"{name}: {fig['documents']} documents; aligner on the diagonal for {fig['alignment_diagonal']} of pairs")
        for key, v in fig["findings"].items():
            print(f"  {key:<28} {v['n']:>5} findings  P(any) {v['p_any']:.3f}")
        if not fig["findings"]:
            print("  no source-mode finding")
        for label, (mean, count) in fig["mean_segment_score"].items():
            print(f"  mean segment score {label.replace('_', ' ')}: {mean} ({count} segments)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
