"""Per-document views and per-run memos that several kinds share (computed once, lazily).

A kind reads the same few things about an article over and over: its case-folded
prose, the words of each sentence, the frequency of each word. Each is computed
here once per document (kept in ``doc.cache``) or once per process run (bounded
memo tables), so that adding a rule does not add another pass over the words.

Nothing here changes what a kind finds: every view is exactly what the kinds
computed for themselves before (``tests/test_speed_pinned_findings.py``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any, TypeVar

from checker.document import Document

T = TypeVar("T")

#: doc.cache keys of the shared views.
FOLDED = "wordarrays.folded"


def folded_prose(doc: Document) -> str:
    """``doc.prose.casefold()``, computed once per document."""
    got = doc.cache.get(FOLDED)
    if got is None:
        got = doc.cache[FOLDED] = doc.prose.casefold()
    return got  # type: ignore[no-any-return]


def may_occur(requirements: Sequence[Sequence[str]], doc: Document) -> bool:
    """False only when some literal requirement (``checker.prefilter.literal_requirements``:
    case-folded strings, one of each must occur) is absent from the document's folded prose."""
    if not requirements:
        return True
    folded = folded_prose(doc)
    return all(any(k in folded for k in req) for req in requirements)


class WordMemo:
    """A bounded per-process memo of a function of one word (cleared when full)."""

    __slots__ = ("_compute", "_table", "_limit")

    def __init__(self, compute: Callable[[str], Any], limit: int = 200_000) -> None:
        self._compute = compute
        self._table: dict[str, Any] = {}
        self._limit = limit

    def __call__(self, word: str) -> Any:
        table = self._table
        try:
            return table[word]
        except KeyError:
            pass
        if len(table) >= self._limit:
            table.clear()
        got = table[word] = self._compute(word)
        return got


CONTENT_WORDS = "wordarrays.content_words"


def content_words(doc: Document, text: str) -> list[str]:
    """``checker.langid.content_words(text)`` for a piece of `doc`, computed once per document and
    text (the foreign-passage kinds judge the same sentences). The list is shared: do not change it."""
    memo: dict[str, list[str]] | None = doc.cache.get(CONTENT_WORDS)
    if memo is None:
        memo = doc.cache[CONTENT_WORDS] = {}
    got = memo.get(text)
    if got is None:
        from checker import langid

        got = memo[text] = langid.content_words(text)
    return got
