"""Regions an article names by its vocabulary when its language tag names none.

A pack lists, per region, words of that region's variety of the language (pack setting
``region_words``: ``{ CA = ["cégeps?", "dépanneurs?", …], BE = ["septante", "bourgmestres?", …] }``,
each word an expression matched as a whole word in any case). An article that uses two
different words of one region's list is taken as written there: one word is not enough, since
an article from Paris may quote « septante » or mention a cégep. Kinds whose conventions vary
by region (the spacing of French punctuation, the thousands point of Belgian French) read the
region from the tag first and from these words only when the tag names none.
"""

from __future__ import annotations

from functools import cache

import regex

from checker.context import Context
from checker.document import Document

_TIMEOUT = 5.0


def tag_names_region(ctx: Context) -> bool:
    """Whether the language tag has a region subtag (``fr-CA``, ``fr-BE``)."""
    return any(len(p) == 2 and p.isalpha() and p.isupper() for p in ctx.subtags)


@cache
def _words_pattern(words: tuple[str, ...]) -> regex.Pattern[str]:
    return regex.compile(r"(?<![\p{L}\p{M}])(?:" + "|".join(words) + r")(?![\p{L}\p{M}])", regex.IGNORECASE)


def implied_regions(doc: Document, ctx: Context) -> frozenset[str]:
    """The regions (upper-case subtags) two different words of whose list the document uses;
    empty when the language tag names a region or the pack lists none."""
    table = ctx.setting("region_words")
    if not isinstance(table, dict) or not table or tag_names_region(ctx):
        return frozenset()
    key = "regional:" + "|".join(sorted(map(str, table)))
    got = doc.cache.get(key)
    if got is None:
        got = doc.cache[key] = frozenset(
            str(region).upper() for region, words in table.items()
            if isinstance(words, list) and words and _two_of(doc.text, words)
        )
    return got  # type: ignore[no-any-return]


def uses_words(doc: Document, ctx: Context, setting: str) -> bool:
    """Whether the document uses two different words of the pack setting `setting` (a list of
    expressions matched as whole words in any case): a spelling norm or a house style shown by its
    words, as ``implied_regions`` shows a region."""
    words = ctx.setting(setting)
    if not isinstance(words, list) or not words:
        return False
    key = "regional-words:" + setting
    got = doc.cache.get(key)
    if got is None:
        got = doc.cache[key] = _two_of(doc.text, words)
    return bool(got)


def _two_of(text: str, words: list) -> bool:  # noqa: ANN001
    """Whether `text` holds two different words of `words` (expressions matched as whole words)."""
    seen: set[str] = set()
    for m in _words_pattern(tuple(str(w) for w in words)).finditer(text, timeout=_TIMEOUT):
        seen.add(m.group().casefold())
        if len(seen) >= 2:
            return True
    return False
