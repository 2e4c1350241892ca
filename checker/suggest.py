"""Close words without a linear scan: a deletion index (SymSpell-style) kept in the cache.

``checker.kinds._spelling.close_words`` finds the frequent words of a language within
a few edits of a non-word. Scanning 80,000 words with fuzzy matching costs about
20 ms a query; this module answers the one-edit queries (the ones the rules make)
from an index instead: every vocabulary word is stored under itself and under each
form with one letter deleted, in a marisa-trie beside the converted word list (see
``checker.lexstore``), built once and memory-mapped afterwards. A word is within one
edit (insertion, deletion, substitution or adjacent swap) of a query only if one of
the query's one-deletion forms (or the query) is among that word's keys, so looking
up those few keys gives a superset of the answer; ``close_words`` then keeps the
words within the distance, as it did after its scan.

Without a cache directory ``candidates_within_one`` returns None and the scan is used.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from checker.cachedir import publish, read_or_build
from checker.lexicon import LONGEST_WORD

#: Bumped when the index's layout changes.
FORMAT = 1


def _deletions(word: str) -> set[str]:
    return {word, *(word[:i] + word[i + 1:] for i in range(len(word)))}


_INDEXES: dict[tuple[str, int], Any] = {}


def _index(lang: str, size: int, vocabulary: Callable[[], str]) -> Any:
    """The memory-mapped index of a language's vocabulary (built on first use), or None.

    `vocabulary` gives the words, one per line (``_spelling._vocabulary``'s first value).
    """
    key = (lang, size)
    if key not in _INDEXES:
        _INDEXES[key] = _open_index(lang, size, vocabulary)
    return _INDEXES[key]


def _open_index(lang: str, size: int, vocabulary: Callable[[], str]) -> Any:
    import marisa_trie

    from checker import lexicon
    from checker.lexstore import FrequencyMap

    table = lexicon.table(lang)
    if not isinstance(table, FrequencyMap):
        return None
    path = table.base.with_name(f"{table.base.name}.del1-{size}-v{FORMAT}.marisa")

    def load() -> Any:
        trie = marisa_trie.BytesTrie()
        trie.mmap(str(path))
        return trie

    def build() -> Any:
        # Some 660,000 (deletion, word) pairs for 80,000 words, handed over one at a time: as a
        # list of tuples they took 170 MiB more than the trie's own build (54 MiB).
        words = vocabulary().strip("\n").split("\n")
        return marisa_trie.BytesTrie((d, w.encode()) for w in words if w for d in _deletions(w))

    def build_and_publish() -> bool:
        publish(path, build().save)
        return True

    def build_here() -> Any:
        made = build()
        try:
            publish(path, made.save)
            return load()
        except OSError:
            return made

    return read_or_build(load, build_and_publish, build_here)  # not built yet, or damaged: built


def candidates_within_one(key: str, lang: str, size: int, vocabulary: Callable[[], str]) -> set[str] | None:
    """Vocabulary words that may be within one edit of `key` (a superset), or None without an index."""
    index = _index(lang, size, vocabulary)
    if index is None:
        return None
    out: set[str] = set()
    if len(key) > LONGEST_WORD + 1:
        return out  # no vocabulary word is within one edit (and its deletions are quadratic)
    for d in _deletions(key):
        for value in index.get(d, ()):
            out.add(value.decode())
    return out


