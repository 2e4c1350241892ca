"""Shared spelling helpers: edit distance and close-word lookup over wordfreq's lists.

Close-word lookup scans the most frequent entries of a language with the regex
module's fuzzy matching (one query costs tens of milliseconds; nothing to build).
The vocabulary is prepared on first use per (language, size) and cached.
"""

from __future__ import annotations

import math
from functools import cache, lru_cache

import regex

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
def _vocabulary(lang: str, size: int) -> tuple[str, frozenset[str]]:
    """The `size` most frequent alphabetic entries of a language (4 letters or more), one per line, and as a set."""
    table = lexicon.table(lang)
    # wordfreq returns its dictionary in decreasing frequency order: no sort needed.
    words = []
    taken = 0
    for w in table:
        if taken >= size:
            break
        if not w.isalpha():
            continue
        taken += 1
        if len(w) >= 4:
            words.append(w)
    return "\n" + "\n".join(words) + "\n", frozenset(words)


def close_words(word: str, lang: str, max_distance: int = 2, size: int = 80_000) -> list[tuple[str, int, float]]:
    """Frequent words of `lang` within `max_distance` edits of `word`: (word, distance, zipf), best first.

    The regex module's fuzzy matching scans the vocabulary (one line per word) for
    lines within `max_distance` Levenshtein edits — a few tens of milliseconds per
    query, against seconds to build a deletion index the first time. Adjacent
    transpositions (one edit in the distance used here) are looked up directly.
    """
    key = fold(word)
    if not key:
        return []
    return list(_close_words(key, lang, max_distance, size))


@lru_cache(maxsize=8192)  # per process, bounded: the same non-words recur across an archive
def _close_words(key: str, lang: str, max_distance: int, size: int) -> tuple[tuple[str, int, float], ...]:
    found: set[str] | None = None
    if max_distance == 1:
        # One edit: a deletion index answers without scanning (checker.suggest); the same words.
        from checker.suggest import candidates_within_one

        found = candidates_within_one(key, lang, size, lambda: _vocabulary(lang, size)[0])
    if found is None:
        blob, vocab = _vocabulary(lang, size)
        pattern = regex.compile(rf"(?m)^(?:{regex.escape(key)}){{e<={max_distance}}}$")
        found = {m.group() for m in pattern.finditer(blob, timeout=5.0)}
        for i in range(len(key) - 1):
            swapped = key[:i] + key[i + 1] + key[i] + key[i + 2:]
            if swapped in vocab:
                found.add(swapped)
    out = []
    for cand in found:
        if cand == key:
            continue
        dist = edit_distance(key, cand, max_distance)
        if dist <= max_distance:
            out.append((cand, dist, zipf_of(cand, lang)))
    out.sort(key=lambda t: (t[1], -t[2], t[0]))
    return tuple(out)


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
