"""Shared spelling helpers: edit distance and close-word lookup over wordfreq's lists.

Close-word lookup uses a symmetric deletion index (every form of a word with one
character deleted maps back to the word) over the most frequent entries
of a language. It is built on first use per (language, size) and cached, so a
lookup costs a few dictionary probes instead of a scan of the vocabulary.
"""

from __future__ import annotations

import math
from collections import defaultdict
from functools import cache

from checker import lexicon
from checker.wordlists import fold


def edit_distance(a: str, b: str, limit: int = 3) -> int:
    """Damerau–Levenshtein (optimal string alignment) distance, capped at ``limit + 1``."""
    if a == b:
        return 0
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev2: list[int] = []
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i] + [0] * len(b)
        for j, cb in enumerate(b, 1):
            cost = 0 if ca == cb else 1
            cur[j] = min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + cost)
            if i > 1 and j > 1 and ca == b[j - 2] and a[i - 2] == cb:
                cur[j] = min(cur[j], prev2[j - 2] + 1)
        if min(cur) > limit:
            return limit + 1
        prev2, prev = prev, cur
    return min(prev[-1], limit + 1)


def _deletes(word: str, depth: int) -> set[str]:
    out = {word}
    frontier = {word}
    for _ in range(depth):
        nxt = set()
        for w in frontier:
            for i in range(len(w)):
                nxt.add(w[:i] + w[i + 1:])
        out |= nxt
        frontier = nxt
    return out


@cache
def _index(lang: str, size: int) -> dict[str, tuple[str, ...]]:
    """One-deletion index over the `size` most frequent alphabetic entries of a language."""
    table = lexicon.table(lang)
    # wordfreq returns its dictionary in decreasing frequency order: no sort needed.
    index: dict[str, list[str]] = defaultdict(list)
    taken = 0
    for w in table:
        if taken >= size:
            break
        if not w.isalpha():
            continue
        taken += 1
        if len(w) < 4:
            continue
        index[w].append(w)
        for i in range(len(w)):
            index[w[:i] + w[i + 1:]].append(w)
    return {k: tuple(v) for k, v in index.items()}


def close_words(word: str, lang: str, max_distance: int = 2, size: int = 80_000) -> list[tuple[str, int, float]]:
    """Frequent words of `lang` within `max_distance` edits of `word`: (word, distance, zipf), best first."""
    key = fold(word)
    index = _index(lang, size)
    # Index at depth 1, query at depth 2: every distance-1 neighbour is found, and the
    # distance-2 ones that add or change characters (the common typing slips).
    depth = 2 if len(key) >= 6 else 1
    seen: set[str] = set()
    out = []
    for d in _deletes(key, min(depth, max_distance)):
        for cand in index.get(d, ()):
            if cand in seen or cand == key:
                continue
            seen.add(cand)
            dist = edit_distance(key, cand, max_distance)
            if dist <= max_distance:
                out.append((cand, dist, zipf_of(cand, lang)))
    out.sort(key=lambda t: (t[1], -t[2]))
    return out


def zipf_of(word: str, lang: str) -> float:
    """Zipf frequency of an already folded word (no normalisation)."""
    f = lexicon.table(lang).get(word, 0.0)
    return round(math.log10(f) + 9, 2) if f > 0 else 0.0


def best_correction(
    word: str, lang: str, *, max_distance: int = 2, min_zipf: float = 3.0, margin: float = 1.0
) -> str | None:
    """The one close word clearly more likely than every other (by distance, then frequency), or None."""
    cands = [c for c in close_words(word, lang, max_distance) if c[2] >= min_zipf]
    if not cands:
        return None
    best = cands[0]
    for other in cands[1:]:
        if other[1] == best[1] and other[2] > best[2] - margin:
            return None
    return best[0]


def match_case(model: str, word: str) -> str:
    """`word` written with the capitalisation pattern of `model` (lower, Title or UPPER)."""
    if model.isupper() and len(model) > 1:
        return word.upper()
    if model[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
