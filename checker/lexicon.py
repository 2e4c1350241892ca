"""Word frequencies per language, from wordfreq's bundled lists (loaded on first use, then cached).

Detectors ask "is this a word of language X, and how common?" through this module
only, so that the lists load once per process and the import stays cheap.
Frequencies are Zipf values: log10 of occurrences per billion words (0 = unknown,
3 = once per million words, 6 = very common).
"""

from __future__ import annotations

import importlib.util
import math
from collections.abc import Mapping
from functools import cache, lru_cache
from pathlib import Path

from checker.wordlists import fold


@cache
def _files(wordlist: str) -> dict[str, Path]:
    """wordfreq's list files by language, as ``wordfreq.available_languages`` finds them."""
    if wordlist == "best":
        return {**_files("small"), **_files("large")}
    spec = importlib.util.find_spec("wordfreq")
    out: dict[str, Path] = {}
    for location in (spec.submodule_search_locations or []) if spec else []:
        for path in sorted((Path(location) / "data").glob(f"{wordlist}_*.msgpack.gz")):
            out[path.name.split(".")[0].split("_", 1)[1]] = path
    return out


@cache
def available() -> frozenset[str]:
    """Languages wordfreq has a list for."""
    return frozenset(_files("best"))


@cache
def frequencies(lang: str, wordlist: str = "best") -> Mapping[str, float]:
    """word → frequency for a primary language tag; the same mapping as ``wordfreq.get_frequency_dict``.

    The list file is read directly: importing wordfreq (with langcodes and ftfy) and
    its per-word loop cost more than the reading itself, and a one-article run pays
    for both. With a cache directory the list is converted once into memory-mapped
    files that open at once (``checker.lexstore``); without one it is read into a dict.
    """
    path = _files(wordlist).get(lang)
    if path is None:
        import wordfreq

        return wordfreq.get_frequency_dict(lang, wordlist)  # type: ignore[no-any-return]
    from checker import lexstore

    mapped = lexstore.open_list(path)
    return mapped if mapped is not None else lexstore.read_dict(path)


@cache
def table(lang: str) -> Mapping[str, float]:
    """word → frequency (a proportion) for a language; empty for a language wordfreq lacks."""
    primary = lang.split("-")[0].lower()
    if primary not in available():
        return {}
    return frequencies(primary, "best")


#: No bundled list holds a longer word (the longest, German, has 80 letters): a longer token
#: is unknown without a lookup, and the rules that split or correct a token skip it, so one
#: 40,000-letter token costs no more per letter than prose (tests/test_lexicon_longest.py).
LONGEST_WORD = 100


@lru_cache(maxsize=1 << 15)  # per process, bounded (about 8 MB): the words of an archive are unbounded
def zipf(word: str, lang: str) -> float:
    """Zipf frequency of `word` in `lang`, insensitive to case and to ’ versus '; 0.0 when unknown."""
    if len(word) > LONGEST_WORD:
        return 0.0
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
