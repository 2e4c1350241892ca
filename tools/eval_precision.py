#!/usr/bin/env python3
"""Precision of mtlint on real translations: human references and annotated MT output.

Reads the MQM span files of ``../shared/eval`` (never copied into the project),
rebuilds each (document, system) as an article whose passages are its segments,
runs every enabled rule, and reports per category:

- on human text (the ``reference``/``ref`` systems, and the English sources):
  findings per 1,000 words — every one of them is a false alarm or a real slip
  of the human translator, so lower is better;
- on MT output: how many findings, and the share that overlap an error span the
  annotators marked (P(any)), and a span of a compatible category (P(compat),
  using the shared scorer's COMPAT table when it is available).

    python tools/eval_precision.py [--eval DIR] [--files biomqm_en-fr.jsonl ...] [--limit N] [--json]
                                   [--by-rule] [--show N]

``--by-rule`` adds, per language of human text, the findings per 1,000 words of each rule
code; ``--show N`` prints up to N of each rule's findings on human text with their context.

Exits 0 with a message when the eval folder is absent.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import sys
from collections import Counter
from collections.abc import Iterable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tools"))

from evaldata import join, segments  # noqa: E402

DEFAULT_EVAL = ROOT.parent / "shared" / "eval"
FRENCH = ("biomqm_en-fr.jsonl", "wmt22chat_en-fr.jsonl", "wmt20qe3_en-fr.jsonl")
HUMAN_SYSTEMS = {"reference", "ref"}


def load_compat(eval_dir: Path) -> dict[str, list[str]]:
    """The shared scorer's category compatibility table, if present."""
    path = eval_dir / "score.py"
    if not path.is_file():
        return {}
    spec = importlib.util.spec_from_file_location("_mtlint_eval_score", path)
    if spec is None or spec.loader is None:
        return {}
    module = importlib.util.module_from_spec(spec)
    try:
        spec.loader.exec_module(module)
    except Exception:  # noqa: BLE001 - an unreadable scorer only loses P(compat)
        return {}
    return dict(getattr(module, "COMPAT", {}))


def documents(path: Path, limit: int | None) -> Iterable[tuple[str, str, list[dict[str, Any]]]]:
    """(lang, system, segments in order) per (doc_id, system)."""
    for n, ((_, system), recs) in enumerate(segments(path).items()):
        if limit is not None and n >= limit:
            break
        yield recs[0]["lang_pair"].split("-")[1], system, recs


def locate(starts: list[int], lengths: list[int], offset: int) -> int | None:
    """Index of the segment containing `offset`, or None if it falls in a separator."""
    import bisect

    i = bisect.bisect_right(starts, offset) - 1
    if i >= 0 and offset < starts[i] + lengths[i]:
        return i
    return None


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--eval", type=Path, default=DEFAULT_EVAL)
    ap.add_argument("--files", nargs="*", default=list(FRENCH))
    ap.add_argument("--limit", type=int, default=None, help="at most N documents per file (for quick runs)")
    ap.add_argument("--json", action="store_true", help="print the figures as JSON")
    ap.add_argument(
        "--corpus", nargs="*", default=[], metavar="GLOB",
        help="also count findings on human prose of ../shared/corpus/articles matching these globs "
        "(e.g. 'fr_wikinews_*'); the language is the file name's prefix",
    )
    ap.add_argument("--by-rule", action="store_true", help="per language of human text, the rate of each rule code")
    ap.add_argument("--show", type=int, default=0, metavar="N", help="print up to N findings per rule code on human text, with context")
    ap.add_argument("--min-severity", default="minor", help="count findings of this severity or worse (default: minor; info never fails a run)")
    args = ap.parse_args()
    if not args.eval.is_dir():
        print(f"skipped: {args.eval} is absent")
        return 0

    from checker import Linter

    linter = Linter()
    compat = load_compat(args.eval)

    human_words: Counter[str] = Counter()
    human_hits: Counter[tuple[str, str]] = Counter()
    rule_hits: Counter[tuple[str, str]] = Counter()
    samples: dict[tuple[str, str], list[str]] = {}

    def note_human(key: str, text: str, f: Any) -> None:
        human_hits[(key, f.category)] += 1
        rule_hits[(key, f.code)] += 1
        shown = samples.setdefault((key, f.code), [])
        if len(shown) < args.show:
            left = text[max(0, f.start - 50):f.start].replace("\n", "⏎")
            right = text[f.end:f.end + 50].replace("\n", "⏎")
            shown.append(f"…{left}[[{text[f.start:f.end]}]]{right}…")
    mt_total: Counter[str] = Counter()
    mt_any: Counter[str] = Counter()
    mt_compat: Counter[str] = Counter()
    seen_sources: set[tuple[str, str]] = set()

    from checker.finding import Severity

    floor = Severity.parse(args.min_severity)

    def run(text: str, lang: str) -> list[Any]:
        found = linter.check_text(text, lang=lang, path="<eval>", markdown=False).findings
        return [f for f in found if f.severity.rank >= floor.rank]

    corpus_dir = args.eval.parent / "corpus" / "articles"
    for pattern in args.corpus:
        for path in sorted(corpus_dir.glob(pattern)):
            lang = path.name.split("_", 1)[0]
            text = path.read_text(encoding="utf-8")
            key = f"{lang}:corpus"
            human_words[key] += len(text.split())
            for f in run(text, lang):
                note_human(key, text, f)

    for name in args.files:
        path = args.eval / name
        if not path.is_file():
            print(f"skipped: {path} is absent", file=sys.stderr)
            continue
        for lang, system, recs in documents(path, args.limit):
            # The English sources are human text too (once per document).
            key = (name, recs[0]["doc_id"])
            if key not in seen_sources:
                seen_sources.add(key)
                src_text, _ = join([r["source"] for r in recs])
                human_words["en"] += len(src_text.split())
                for f in run(src_text, "en"):
                    note_human("en", src_text, f)
            text, starts = join([r["target"] for r in recs])
            lengths = [len(r["target"]) for r in recs]
            findings = run(text, lang)
            if system in HUMAN_SYSTEMS:
                human_words[lang] += len(text.split())
                for f in findings:
                    note_human(lang, text, f)
                continue
            for f in findings:
                i = locate(starts, lengths, f.start)
                if i is None:
                    continue
                rec = recs[i]
                if rec.get("flags", {}).get("alignment_suspect"):
                    continue
                s, e = f.start - starts[i], min(f.end - starts[i], lengths[i])
                gold = [
                    g for g in rec["spans"]
                    if g.get("severity") != "neutral" and not g["category"].startswith("other/source-issue")
                ]

                def hit(g: dict[str, Any], s: int = s, e: int = e) -> bool:
                    if g["start"] == g["end"]:
                        return s - 1 <= g["start"] <= e + 1
                    return s < g["end"] and g["start"] < e

                mt_total[f.category] += 1
                overlapping = [g for g in gold if hit(g)]
                mt_any[f.category] += bool(overlapping)
                prefixes = compat.get(f.category, compat.get("locale", []) if f.category == "locale-format" else [])
                mt_compat[f.category] += any(g["category"].startswith(tuple(prefixes)) for g in overlapping)

    cats = sorted({c for _, c in human_hits} | set(mt_total))
    result = {
        "human": {
            lang: {
                "words": human_words[lang],
                "per_1000_words": {
                    c: round(1000 * human_hits[(lang, c)] / human_words[lang], 3)
                    for c in cats if human_hits[(lang, c)]
                },
            }
            for lang in sorted(human_words)
        },
        "mt": {
            c: {
                "findings": mt_total[c],
                "p_any": round(mt_any[c] / mt_total[c], 3) if mt_total[c] else None,
                "p_compat": round(mt_compat[c] / mt_total[c], 3) if mt_total[c] and compat else None,
            }
            for c in cats if mt_total[c]
        },
    }
    if args.by_rule or args.show:
        result["human_by_rule"] = {
            lang: {
                code: round(1000 * n / max(1, human_words[lang]), 3)
                for (k, code), n in sorted(rule_hits.items(), key=lambda kv: -kv[1]) if k == lang
            }
            for lang in sorted(human_words)
        }
    if args.json:
        print(json.dumps(result, indent=2))
        return 0
    for lang, data in result["human"].items():
        total = sum(human_hits[(lang, c)] for c in cats)
        print(
            f"Human text ({lang}, {data['words']:,} words): {1000 * total / max(1, data['words']):.2f} "
            f"findings ({args.min_severity} or worse) per 1,000 words"
        )
        for c, v in data["per_1000_words"].items():
            print(f"  {c:<20} {v:>7.3f}")
        if "human_by_rule" in result:
            print("  by rule:")
            for code, v in result["human_by_rule"][lang].items():
                print(f"    {code:<8} {v:>7.3f}  ({rule_hits[(lang, code)]})")
                for line in samples.get((lang, code), []):
                    print(f"        {line}")
    print("\nMT output: findings, P(any) = share overlapping an annotated error, P(compat)")
    for c, v in result["mt"].items():
        pa = "-" if v["p_any"] is None else f"{v['p_any']:.0%}"
        pc = "-" if v["p_compat"] is None else f"{v['p_compat']:.0%}"
        print(f"  {c:<20} {v['findings']:>6}  {pa:>5}  {pc:>5}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
