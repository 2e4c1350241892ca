"""No rule, list or code path may name a string that only the seed articles contain.

The seeds' rare tokens (unknown to wordfreq in French and English: mangled names,
non-words, site names, link ids) must not appear anywhere in the engine or the
rule packs: detectors generalise, they do not memorise.
"""

from __future__ import annotations

from pathlib import Path

import regex

from checker import lexicon

ROOT = Path(__file__).resolve().parent.parent
SEEDS = sorted((ROOT / "fixtures" / "seeds").glob("*.txt"))
WORD = regex.compile(r"\p{L}[\p{L}\p{N}]{3,}")


def _rare_seed_tokens() -> set[str]:
    out = set()
    for path in SEEDS:
        for m in WORD.finditer(path.read_text(encoding="utf-8")):
            token = m.group()
            if lexicon.zipf(token, "fr") == 0 and lexicon.zipf(token, "en") == 0:
                out.add(token.casefold())
    return out


def test_seed_rare_tokens_exist() -> None:
    # Guards the guard: the seeds do contain such tokens (a mangled surname, a non-word, a site name).
    assert len(_rare_seed_tokens()) >= 3


def test_no_seed_token_in_rules_or_code() -> None:
    rare = _rare_seed_tokens()
    sources = [p for p in (ROOT / "rules").rglob("*") if p.is_file()]
    sources += [p for p in (ROOT / "checker").rglob("*.py")]
    hits = []
    for path in sources:
        text = path.read_text(encoding="utf-8", errors="replace").casefold()
        words = set(WORD.findall(text))
        for token in sorted(rare & words):
            hits.append(f"{path.relative_to(ROOT)}: {token}")
    assert not hits, "seed-only strings in rules or code:\n" + "\n".join(hits)
