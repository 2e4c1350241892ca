#!/usr/bin/env python3
"""Measure language-identification backends for mtlint on real short sentences.

Usage: .venv/bin/python tools/bench_langid.py [--per-bucket N] [--seed S] [--only NAME,...]

Reads sentences from ../shared (corpus.jsonl for fr/en prose, eval/*.jsonl for
en sources and fr/es/de MT targets), samples them deterministically by language
and length bucket, and prints accuracy, speed, import/load cost and the
false-alarm and recall figures of ``checker.langid.is_foreign``. Nothing from
../shared is written anywhere: the script prints counts only.
"""

from __future__ import annotations

import argparse
import json
import math
import random
import re
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
PYTHON = sys.executable

LANGS = ("fr", "en", "es", "de", "it", "pt", "nl")
MEASURED = ("fr", "en", "es", "de")
BUCKETS = ((3, 5), (6, 10), (11, 20), (21, 40))

# A sentence ends at . ! ? … (optionally followed by a closing quote) before a
# space and an upper-case letter, an opening quote or a dialogue dash.
_SENT_END = re.compile(r"(?<=[.!?…])[»”\"']?\s+(?=[A-ZÀ-ÖØ-Þ«“\"–—-])")


def bucket_of(n_words: int) -> tuple[int, int] | None:
    """Return the length bucket of a sentence of ``n_words`` words, if any."""
    for lo, hi in BUCKETS:
        if lo <= n_words <= hi:
            return (lo, hi)
    return None


def split_sentences(text: str) -> Iterator[str]:
    """Yield rough sentences of a plain text (paragraphs, then sentence ends)."""
    for para in text.split("\n"):
        para = para.strip()
        if not para:
            continue
        for sent in _SENT_END.split(para):
            sent = sent.strip().lstrip("–—- ").strip()
            if sent and re.search(r"[^\W\d_]{2}", sent):
                yield sent


def load_sentences() -> dict[str, dict[str, list[str]]]:
    """Return {lang: {source: [sentences]}} from the shared corpus and eval files."""
    out: dict[str, dict[str, list[str]]] = defaultdict(lambda: defaultdict(list))
    with open(SHARED / "corpus" / "corpus.jsonl", encoding="utf-8") as fh:
        for line in fh:
            rec = json.loads(line)
            out[rec["lang"]][f"corpus:{rec['source']}"].extend(split_sentences(rec["text"]))
    seen: set[str] = set()
    for path in sorted((SHARED / "eval").glob("*.jsonl")):
        name = path.stem
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                rec = json.loads(line)
                src_lang, tgt_lang = rec["lang_pair"].split("-")
                # A target with an annotated "untranslated" span may really
                # contain English: it cannot serve as a clean label.
                untranslated = any(s.get("rule_group") == "untranslated" for s in rec["spans"])
                pairs = [(src_lang, rec["source"])]
                if not untranslated:
                    pairs.append((tgt_lang, rec["target"]))
                for lang, text in pairs:
                    for sent in split_sentences(text):
                        if sent not in seen:
                            seen.add(sent)
                            out[lang][f"eval:{name}"].append(sent)
    return out


def sample(pool: dict[str, dict[str, list[str]]], lang: str, per_bucket: int,
           rng: random.Random) -> list[tuple[tuple[int, int], str]]:
    """Draw up to ``per_bucket`` sentences of ``lang`` per length bucket, sources mixed evenly."""
    drawn: list[tuple[tuple[int, int], str]] = []
    for b in BUCKETS:
        by_source = []
        for source in sorted(pool.get(lang, {})):
            cands = [s for s in pool[lang][source] if bucket_of(len(s.split())) == b]
            rng.shuffle(cands)
            by_source.append(cands)
        # Round-robin over sources so that the novels do not drown the news.
        picked: list[str] = []
        i = 0
        while len(picked) < per_bucket and any(i < len(c) for c in by_source):
            for cands in by_source:
                if i < len(cands) and len(picked) < per_bucket:
                    picked.append(cands[i])
            i += 1
        drawn.extend((b, s) for s in picked)
    return drawn


# --------------------------------------------------------------------------
# Backends. Each factory returns a classify(text) -> lang function; the
# factory itself is timed as the load cost.

def make_py3langid(langs: Sequence[str] = LANGS) -> Callable[[str], str]:
    """py3langid restricted to ``langs``."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(langs))
    return lambda text: ident.classify(text)[0]


def make_py3langid_full() -> Callable[[str], str]:
    """py3langid with its 97 languages (no restriction)."""
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    return lambda text: ident.classify(text)[0]


def make_lingua(low_accuracy: bool = False, langs: Sequence[str] | None = LANGS,
                preload: bool = False) -> Callable[[str], str]:
    """lingua-language-detector, restricted to ``langs`` (None: all 75)."""
    from lingua import IsoCode639_1, LanguageDetectorBuilder

    if langs is None:
        builder = LanguageDetectorBuilder.from_all_languages()
    else:
        codes = [getattr(IsoCode639_1, c.upper()) for c in langs]
        builder = LanguageDetectorBuilder.from_iso_codes_639_1(*codes)
    if low_accuracy:
        builder = builder.with_low_accuracy_mode()
    if preload:
        builder = builder.with_preloaded_language_models()
    det = builder.build()

    def classify(text: str) -> str:
        lang = det.detect_language_of(text)
        return lang.iso_code_639_1.name.lower() if lang is not None else "und"

    return classify


_WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)*")


def make_wordfreq(langs: Sequence[str] = LANGS, wordlist: str = "small") -> Callable[[str], str]:
    """Sum of log10 word frequencies per language over wordfreq's lists."""
    import wordfreq

    dicts = {lang: wordfreq.get_frequency_dict(lang, wordlist) for lang in langs}
    floor = math.log10(1e-7)

    def classify(text: str) -> str:
        scores = dict.fromkeys(langs, 0.0)
        for tok in _WORD.findall(text.lower().replace("’", "'")):
            for part in (tok.split("'") if "'" in tok else (tok,)):
                for lang in langs:
                    f = dicts[lang].get(part)
                    scores[lang] += math.log10(f) if f else floor
        return max(scores, key=scores.__getitem__)

    return classify


def make_checker() -> Callable[[str], str]:
    """The implemented ``checker.langid.detect`` (whatever backend it uses)."""
    sys.path.insert(0, str(ROOT))
    from checker import langid

    langid.detect("Initialisation du modèle.")
    return lambda text: langid.detect(text)[0]


BACKENDS: dict[str, tuple[Callable[[], Callable[[str], str]], str]] = {
    "py3langid-7": (make_py3langid, "import py3langid.langid"),
    "py3langid-97": (make_py3langid_full, "import py3langid.langid"),
    "lingua-7-high": (lambda: make_lingua(False), "import lingua"),
    "lingua-7-low": (lambda: make_lingua(True), "import lingua"),
    "wordfreq-small-7": (make_wordfreq, "import wordfreq"),
    "checker.langid": (make_checker, "import checker.langid"),
}

# Load-cost probes run in a fresh interpreter: build the backend, classify one
# sentence, print wall time and peak RSS.
_PROBE = """
import sys, time
sys.path.insert(0, {root!r}); sys.path.insert(0, {tools!r})
t = time.perf_counter()
import bench_langid as b
f = {factory}
f()("Le gouvernement a annoncé hier une nouvelle réforme des retraites.")
elapsed = time.perf_counter() - t
# VmHWM (peak RSS of this process image); ru_maxrss would carry the parent's
# peak across fork+exec on Linux.
hwm = [l for l in open("/proc/self/status") if l.startswith("VmHWM")][0].split()[1]
print(elapsed, hwm)
"""

PROBES = {
    "py3langid-7": "b.make_py3langid",
    "py3langid-97": "b.make_py3langid_full",
    "lingua-7-high": "b.make_lingua",
    "lingua-7-low": "lambda: b.make_lingua(True)",
    "lingua-all-high": "lambda: b.make_lingua(False, None)",
    "lingua-all-high-preloaded": "lambda: b.make_lingua(False, None, True)",
    "wordfreq-small-7": "b.make_wordfreq",
    "wordfreq-best-7": "lambda: b.make_wordfreq(wordlist='best')",
    "checker.langid": "b.make_checker",
}


def run_python(code: str) -> tuple[float, str]:
    """Run ``code`` in a fresh interpreter; return its wall time and stdout."""
    t = time.perf_counter()
    proc = subprocess.run([PYTHON, "-c", code], capture_output=True, text=True, cwd=ROOT,
                          check=True)
    return time.perf_counter() - t, proc.stdout


def median_time(code: str, runs: int = 9) -> float:
    """Median wall time of ``code`` run ``runs`` times in fresh interpreters."""
    run_python(code)  # warm the file cache: the first run pays for the disk
    return statistics.median(run_python(code)[0] for _ in range(runs))


def report_costs() -> None:
    """Print import and first-call costs as ratios to ``python -c pass``."""
    base = median_time(f"import sys; sys.path.insert(0, {str(ROOT)!r})")
    _, rss_out = run_python(
        "print([l for l in open('/proc/self/status') if l.startswith('VmHWM')][0].split()[1])")
    base_rss = int(rss_out.split()[-1])
    print(f"\n## Start-up cost (baseline `python -c pass` = {base * 1000:.0f} ms, {base_rss / 1024:.0f} MB)")
    print("| what | import (x pass) | import+load+1st call (x pass) | same in ms | peak RSS MB |")
    print("|---|---:|---:|---:|---:|")
    imports = {name: imp for name, (_, imp) in BACKENDS.items()}
    imports.update({"lingua-all-high": "import lingua", "lingua-all-high-preloaded": "import lingua",
                    "wordfreq-best-7": "import wordfreq"})
    for name, factory in PROBES.items():
        imp = imports[name]
        if subprocess.run([PYTHON, "-c", imp], capture_output=True, cwd=ROOT).returncode:
            print(f"| {name} | not installed |")
            continue
        t_imp = median_time(f"import sys; sys.path.insert(0, {str(ROOT)!r}); {imp}")
        code = _PROBE.format(root=str(ROOT), tools=str(ROOT / "tools"), factory=factory)
        run_python(code)
        samples = [run_python(code) for _ in range(3)]
        total = statistics.median(s[0] for s in samples)
        rss = max(int(s[1].split()[-1]) for s in samples)
        print(f"| {name} | {t_imp / base:.1f} | {total / base:.1f} | {total * 1000:.0f} | {rss / 1024:.0f} |")


def report_accuracy(data: dict[str, list[tuple[tuple[int, int], str]]], names: Sequence[str]) -> None:
    """Print accuracy by language and length bucket, and throughput, for each backend."""
    print("\n## Accuracy (candidates: " + " ".join(LANGS) + ")")
    header = "| backend | " + " | ".join(f"{lo}-{hi} w" for lo, hi in BUCKETS) + " | all | " + \
        " | ".join(MEASURED) + " | sent/s |"
    print(header)
    print("|---" * (len(BUCKETS) + len(MEASURED) + 3) + "|")
    for name in names:
        try:
            classify = BACKENDS[name][0]()
        except ImportError as exc:
            print(f"| {name} | not installed ({exc.name}) |")
            continue
        hits: dict[object, list[int]] = defaultdict(lambda: [0, 0])
        n = 0
        t = time.perf_counter()
        for lang, items in data.items():
            for b, sent in items:
                ok = int(classify(sent) == lang)
                for key in (b, lang, "all"):
                    hits[key][0] += ok
                    hits[key][1] += 1
                n += 1
        rate = n / (time.perf_counter() - t)

        def pct(key: object) -> str:
            ok, tot = hits[key]
            return f"{100 * ok / tot:.1f}" if tot else "-"

        cells = [pct(b) for b in BUCKETS] + [pct("all")] + [pct(lang) for lang in MEASURED]
        print(f"| {name} | " + " | ".join(cells) + f" | {rate:,.0f} |")


def report_is_foreign(pool: dict[str, dict[str, list[str]]], per_source: int,
                      rng: random.Random) -> None:
    """Print false alarms of is_foreign on French and its recall on English sentences."""
    sys.path.insert(0, str(ROOT))
    from checker import langid

    print("\n## is_foreign(sentence, 'fr') on French sentences (false alarms)")
    print("| source | sentences | fired | per 1,000 |")
    print("|---|---:|---:|---:|")
    total = fired_total = 0
    examples: list[tuple[str, str, float]] = []
    fr_sources = sorted(pool["fr"])
    named: list[str] = []
    for source in fr_sources:
        sents = [s for s in pool["fr"][source] if 3 <= len(s.split()) <= 60]
        rng.shuffle(sents)
        sents = sents[:per_source]
        fired = 0
        for s in sents:
            res = langid.is_foreign(s, "fr")
            if res is not None:
                fired += 1
                examples.append((source, *res))
            if _has_english_name(s):
                named.append(s)
        total += len(sents)
        fired_total += fired
        print(f"| {source} | {len(sents)} | {fired} | {1000 * fired / max(1, len(sents)):.1f} |")
    print(f"| **all French** | {total} | {fired_total} | {1000 * fired_total / max(1, total):.1f} |")
    named_fired = sum(langid.is_foreign(s, "fr") is not None for s in named)
    print(f"| French sentences with an English-looking capitalised word | {len(named)} | "
          f"{named_fired} | {1000 * named_fired / max(1, len(named)):.1f} |")
    for source, lang, p in examples[:20]:
        # Only the label, never the text: eval text must not leave the benchmark.
        print(f"  fired: {source} -> {lang} {p:.3f}")

    print("\n## is_foreign(sentence, 'fr') on English sentences (recall)")
    print("| bucket | sentences | eligible (>= min_words counted) | fired as en | recall | recall on eligible |")
    print("|---|---:|---:|---:|---:|---:|")
    en = [s for src in sorted(pool["en"]) for s in pool["en"][src]]
    rng.shuffle(en)
    for lo, hi in BUCKETS:
        sents = [s for s in en if lo <= len(s.split()) <= hi][:per_source]
        eligible = sum(len(langid.content_words(s)) >= 5 for s in sents)
        fired = sum((langid.is_foreign(s, "fr") or ("", 0))[0] == "en" for s in sents)
        print(f"| {lo}-{hi} w | {len(sents)} | {eligible} | {fired} | "
              f"{100 * fired / max(1, len(sents)):.1f} % | {100 * fired / max(1, eligible):.1f} % |")


_CAP = re.compile(r"(?<!^)(?<![.!?] )\b[A-Z][a-z]+\b")


def _has_english_name(sent: str) -> bool:
    """True if a non-initial capitalised word is far more frequent in English than in French."""
    import wordfreq

    for m in _CAP.finditer(sent):
        w = m.group().lower()
        if wordfreq.zipf_frequency(w, "en", "small") > wordfreq.zipf_frequency(w, "fr", "small") + 1:
            return True
    return False


def main(argv: Sequence[str] | None = None) -> int:
    """Run the measurements and print Markdown tables."""
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--per-bucket", type=int, default=300)
    ap.add_argument("--per-source", type=int, default=1500)
    ap.add_argument("--seed", type=int, default=20240611)
    ap.add_argument("--only", default="", help="comma-separated backend names")
    ap.add_argument("--skip", default="", help="comma-separated parts to skip: accuracy,foreign,costs")
    args = ap.parse_args(argv)
    if not SHARED.is_dir():
        print(f"bench_langid: {SHARED} is absent; nothing to measure (skipped).")
        return 0
    skip = set(filter(None, args.skip.split(",")))
    names = [n for n in args.only.split(",") if n] or list(BACKENDS)
    if "costs" not in skip:
        # First, while this process is still small and idle.
        report_costs()
    t = time.perf_counter()
    pool = load_sentences()
    print(f"# langid benchmark (seed {args.seed})")
    print("sentences available: " + ", ".join(
        f"{lang}={sum(len(v) for v in pool[lang].values())}" for lang in sorted(pool)))
    rng = random.Random(args.seed)
    data = {lang: sample(pool, lang, args.per_bucket, rng) for lang in MEASURED}
    print("sampled: " + ", ".join(f"{lang}={len(v)}" for lang, v in data.items())
          + f" ({time.perf_counter() - t:.1f} s to read)")
    if "accuracy" not in skip:
        report_accuracy(data, names)
    if "foreign" not in skip:
        report_is_foreign(pool, args.per_source, random.Random(args.seed))
    return 0


if __name__ == "__main__":
    sys.exit(main())
