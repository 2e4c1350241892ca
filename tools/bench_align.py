"""Measure source/translation alignment accuracy on the shared evaluation sets.

Rebuilds each document (doc_id + system, segments in seg_idx order), drops a share of
the target segments at random, aligns source against the remaining target segments
with ``cross_language_similarity`` and counts how many source segments get the right
counterpart (their own translation, or none when it was dropped). Prints figures
only; no evaluation text is written anywhere. Skips when ../shared is absent.

    .venv/bin/python tools/bench_align.py [--dataset wmt22chat_en-fr] [--drop 0.1] [--seed 1]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
EVAL = ROOT.parent / "shared" / "eval"
sys.path.insert(0, str(ROOT))

from checker.align import DEFAULT_GAP, align, cross_language_similarity  # noqa: E402


def load_documents(path: Path, skip_systems: frozenset[str] = frozenset()) -> list[tuple[list[str], list[str]]]:
    """Source and target segment lists of each (doc_id, system), in seg_idx order."""
    docs: dict[tuple[str, str], dict[int, tuple[str, str]]] = {}
    suspect: set[tuple[str, str]] = set()
    with path.open(encoding="utf-8") as handle:
        for line in handle:
            row = json.loads(line)
            if row["system"] in skip_systems:
                continue
            if row["flags"].get("alignment_suspect"):
                # the eval README: source and target of flagged Bio-MQM documents may not match
                suspect.add((row["doc_id"], row["system"]))
            segments = docs.setdefault((row["doc_id"], row["system"]), {})
            # several annotators may rate the same segment: keep one copy
            segments.setdefault(row["seg_idx"], (row["source"], row["target"]))
    result = []
    for key, segments in docs.items():
        if key in suspect:
            continue
        ordered = [segments[k] for k in sorted(segments)]
        result.append(([s for s, _ in ordered], [t for _, t in ordered]))
    return result


def measure(
    docs: list[tuple[list[str], list[str]]],
    drop: float,
    seed: int,
    gap: float,
    similarity: Callable[[str, str], float] = cross_language_similarity,
) -> dict[str, float]:
    """Alignment accuracy over source segments, and precision/recall of 'dropped' links."""
    rng = random.Random(seed)
    correct = total = flagged = flagged_right = dropped_total = 0
    for source, target in docs:
        kept = [j for j in range(len(target)) if rng.random() >= drop]
        truth = {i: None for i in range(len(source))}
        for new_j, old_j in enumerate(kept):
            truth[old_j] = new_j
        pairs = align(source, [target[j] for j in kept], similarity, gap=gap)
        predicted = {p.left: p.right for p in pairs if p.left is not None}
        for i, expected in truth.items():
            total += 1
            correct += predicted[i] == expected
            dropped_total += expected is None
            if predicted[i] is None:
                flagged += 1
                flagged_right += expected is None
    return {
        "documents": len(docs),
        "segments": total,
        "accuracy": correct / total,
        "dropped_precision": flagged_right / flagged if flagged else 1.0,
        "dropped_recall": flagged_right / dropped_total if dropped_total else 1.0,
    }


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--dataset", default="wmt22chat_en-fr", help="file stem in ../shared/eval")
    parser.add_argument("--drop", type=float, default=0.1, help="share of target segments dropped")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--gap", type=float, default=DEFAULT_GAP)
    parser.add_argument(
        "--skip-system",
        action="append",
        default=[],
        help="leave out a system's documents (e.g. when its targets are shifted against the sources)",
    )
    args = parser.parse_args(argv)
    path = EVAL / f"{args.dataset}.jsonl"
    if not path.exists():
        print(f"skipped: {path} is absent")
        return 0
    started = time.perf_counter()
    figures = measure(load_documents(path, frozenset(args.skip_system)), args.drop, args.seed, args.gap)
    figures["seconds"] = time.perf_counter() - started
    print(f"{args.dataset} drop={args.drop} seed={args.seed} gap={args.gap}")
    for key, value in figures.items():
        print(f"  {key}: {value:.4f}" if isinstance(value, float) else f"  {key}: {value}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
