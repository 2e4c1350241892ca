#!/usr/bin/env python3
"""Recall per category on the annotated fixtures and seeds, with misses and false positives.

    python tools/gold.py [--category CAT] [FOLDER ...]     (default: fixtures/seeds fixtures/articles)
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from goldlib import GoldScore, gold_files, load_gold, score  # noqa: E402

from checker import Linter  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("folders", nargs="*", type=Path, default=[ROOT / "fixtures/seeds", ROOT / "fixtures/articles"])
    ap.add_argument("--category", help="only print misses of this category")
    args = ap.parse_args()
    linter = Linter()
    total = GoldScore()
    for path in gold_files(args.folders):
        gold, article = load_gold(path)
        result = linter.check_text(article.read_text(encoding="utf-8"), lang=gold.get("lang", "fr"), path=str(article))
        for failure in result.failures:
            print(f"{article.name}: RULE FAILED {failure.code} {failure.rule}: {failure.message}")
        score(gold, result.findings, article.name, total)
    for line in total.missed:
        if not args.category or f" {args.category} " in line:
            print(line)
    for line in total.violations:
        print(line)
    print()
    for cat in sorted(total.total):
        print(f"  {cat:<20} {total.found[cat]:>3}/{total.total[cat]:<3}")
    print(
        f"required found {total.required_found}/{total.required_total}; "
        f"all found {sum(total.found.values())}/{sum(total.total.values())} ({total.recall:.0%}); "
        f"false positives on guarded spans {len(total.violations)}"
    )
    return 0 if total.required_found == total.required_total and not total.violations else 1


if __name__ == "__main__":
    raise SystemExit(main())
