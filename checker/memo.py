"""Small per-process memo tables for word lookups (no imports: any module may use them).

``bounded_memo`` remembers a pure function of hashable arguments for the run (a per-word
verdict that depends only on the word and the language), cleared when it is full.

``MemoTable`` is the same for a function of one word, read as ``table[word]``: a dict
look-up for a word met before, without the call of ``bounded_memo`` (the per-token loops of
several kinds read one per language). ``MemoGet`` is a ``MemoTable`` in front of a word →
frequency mapping whose ``get`` is a Python call into a memory-mapped trie
(``checker.lexstore``): the language vote asks the same few thousand words in seven
languages for every article and every candidate sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from itertools import islice
from typing import Any, TypeVar

R = TypeVar("R")
K = TypeVar("K")
V = TypeVar("V")


class MemoTable(dict):  # type: ignore[type-arg]
    """``fn(key)`` remembered for the run, read as ``table[key]`` (bounded: cleared when it holds
    `limit` answers; an answer about a word costs about 150 bytes, 20,000 of them about 3 MiB)."""

    __slots__ = ("_fn", "_limit")

    def __init__(self, fn: Callable[[Any], Any], limit: int = 20_000) -> None:
        super().__init__()
        self._fn = fn
        self._limit = limit

    def __missing__(self, key: Any) -> Any:
        if len(self) >= self._limit:
            self.clear()
        got = self[key] = self._fn(key)
        return got


class MemoGet(MemoTable):
    """``base.get(word)`` remembered for the run (bounded: cleared when full).

    Only ``get`` (and ``[]``, which gives None for a word the base lacks) are meant to be
    used; the dict itself holds the words asked so far, not the base's words.
    """

    __slots__ = ()

    def __init__(self, base: Mapping[str, Any], limit: int = 20_000) -> None:
        super().__init__(base.get, limit)

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        got = self[key]
        return default if got is None else got


def bounded_memo(fn: Callable[..., R], limit: int = 20_000) -> Callable[..., R]:
    """`fn` remembered by its (positional, hashable) arguments for the run; cleared when
    `limit` answers are held, so memory stays bounded over an archive (an answer about a word
    costs about 150 bytes: 20,000 of them about 3 MiB; a few kinds hold one each)."""
    table: dict[tuple[Any, ...], R] = {}

    def call(*args: Any) -> R:
        try:
            return table[args]
        except KeyError:
            pass
        if len(table) >= limit:
            table.clear()
        got = table[args] = fn(*args)
        return got

    return call


class Pool(dict[K, V]):
    """A dict that forgets its oldest quarter when a new key would make it exceed `limit`.

    For values that are cheap to make again and costly to keep all of: the compiled rows of a
    table (two ``regex`` patterns of ~10 KB each per row; an archive meets more rows with every
    article, so keeping them all grew memory with the archive). Made again, a row is read from
    the pattern store (``checker.regexcache``), not parsed."""

    __slots__ = ("limit",)

    def __init__(self, limit: int) -> None:
        super().__init__()
        self.limit = max(1, limit)

    def __setitem__(self, key: K, value: V) -> None:
        if len(self) >= self.limit and key not in self:
            for old in list(islice(iter(self), max(1, self.limit // 4))):
                del self[old]
        super().__setitem__(key, value)

    def bound(self, limit: int) -> None:
        """A new limit; the oldest entries beyond it are forgotten now."""
        self.limit = max(1, limit)
        extra = len(self) - self.limit
        if extra > 0:
            for old in list(islice(iter(self), extra)):
                del self[old]
