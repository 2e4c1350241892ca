"""Per-document views that several kinds share (computed once per document, lazily).

Kinds read the same few things about an article over and over. Kept here, in
``doc.cache``, so that adding a rule does not add another pass over the text:

- ``folded_prose``: the case-folded prose, against which ``may_occur`` tests the
  literal requirements of an expression (``checker.prefilter``) before a kind scans
  the article with it;
- ``content_words``: the words that count as evidence of a sentence's language
  (``checker.langid.content_words``), which both foreign-passage kinds judge;
- ``folded_counts``: how often each folded word occurs, which the glued-token and the
  non-word kinds both count.

Per-run memo tables of per-word answers live beside the kinds that own them
(bounded dicts) and in ``checker.memo``. Nothing here changes what a kind finds:
every view is exactly what the kinds computed for themselves before
(``tests/test_speed_pinned_findings.py``, ``tests/test_speed_tput_memos.py``).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from checker.document import Document

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


FOLDED_COUNTS = "wordarrays.folded_counts"


def folded_counts(doc: Document) -> Counter[str]:
    """``Counter(fold(t.text) for t in doc.words)``, computed once per document. Shared: a kind
    that adds to it counts on a copy (``Counter(folded_counts(doc))``)."""
    got: Counter[str] | None = doc.cache.get(FOLDED_COUNTS)
    if got is None:
        from operator import attrgetter

        from checker.wordlists import fold

        # (map over the tokens, in C: no generator frame per token)
        got = doc.cache[FOLDED_COUNTS] = Counter(map(fold, map(attrgetter("text"), doc.words)))
    return got
