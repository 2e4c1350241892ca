"""Small per-process memo tables for word lookups (no imports: any module may use them).

``bounded_memo`` remembers a pure function of hashable arguments for the run (a per-word
verdict that depends only on the word and the language), cleared when it is full.

``MemoGet`` sits in front of a word → frequency mapping whose ``get`` is a Python call
into a memory-mapped trie (``checker.lexstore``): the language vote asks the same few
thousand words in seven languages for every article and every candidate sentence.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any, TypeVar

R = TypeVar("R")


class MemoGet(dict):  # type: ignore[type-arg]
    """``base.get(word)`` remembered for the run (bounded: cleared when full).

    Only ``get`` (and ``[]``, which gives None for a word the base lacks) are meant to be
    used; the dict itself holds the words asked so far, not the base's words.
    """

    __slots__ = ("_base", "_limit")

    def __init__(self, base: Mapping[str, Any], limit: int = 20_000) -> None:
        super().__init__()
        self._base = base
        self._limit = limit

    def __missing__(self, key: str) -> Any:
        if len(self) >= self._limit:
            self.clear()
        got = self[key] = self._base.get(key)
        return got

    def get(self, key: str, default: Any = None) -> Any:  # type: ignore[override]
        got = self[key]
        return default if got is None else got


def bounded_memo(fn: Callable[..., R], limit: int = 50_000) -> Callable[..., R]:
    """`fn` remembered by its (positional, hashable) arguments for the run; cleared when
    `limit` answers are held, so memory stays bounded over an archive (an answer about a word
    costs about 150 bytes: 50,000 of them about 7 MiB)."""
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
