"""Word frequencies per language, from wordfreq's bundled lists (loaded on first use, then cached).

Detectors ask "is this a word of language X, and how common?" through this module
only, so that the lists load once per process and the import stays cheap.
Frequencies are Zipf values: log10 of occurrences per billion words (0 = unknown,
3 = once per million words, 6 = very common).
"""

from __future__ import annotations

import math
from functools import cache

from checker.wordlists import fold


@cache
def available() -> frozenset[str]:
    """Languages wordfreq has a list for."""
    import wordfreq

    return frozenset(wordfreq.available_languages())


@cache
def table(lang: str) -> dict[str, float]:
    """word → frequency (a proportion) for a language; empty for a language wordfreq lacks."""
    primary = lang.split("-")[0].lower()
    if primary not in available():
        return {}
    import wordfreq

    return wordfreq.get_frequency_dict(primary, wordlist="best")


def zipf(word: str, lang: str) -> float:
    """Zipf frequency of `word` in `lang`, insensitive to case and to ’ versus '; 0.0 when unknown."""
    f = table(lang).get(fold(word), 0.0)
    return round(math.log10(f) + 9, 2) if f > 0 else 0.0


def known(word: str, lang: str, min_zipf: float = 1.0) -> bool:
    """True when `word` is at least this frequent in `lang`."""
    return zipf(word, lang) >= min_zipf


def best_language(word: str, langs: tuple[str, ...]) -> tuple[str, float]:
    """The language among `langs` in which `word` is most frequent, with that frequency."""
    scored = [(zipf(word, lang), lang) for lang in langs]
    z, lang = max(scored) if scored else (0.0, "und")
    return lang, z
