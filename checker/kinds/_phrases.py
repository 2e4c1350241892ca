"""Shared machinery for kinds that match literal phrases (phrase-list, substitution)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import regex

from checker.wordlists import fold

_SPACE = r"[\s\u00a0\u202f]+"
_APOS = "['’\u02bc]"
_LEFT = r"(?<![\p{L}\p{M}\p{N}_])"
_RIGHT = r"(?![\p{L}\p{M}\p{N}_])"


def phrase_pattern(phrase: str) -> str:
    """A regex source matching `phrase` with any apostrophe and any run of spaces."""
    parts = []
    for word in phrase.split():
        pieces = regex.split(_APOS, word)
        parts.append(_APOS.join(regex.escape(p) for p in pieces))
    return _SPACE.join(parts)


def _prepare(items: tuple[tuple[str, Sequence[str]], ...], case_sensitive: bool) -> tuple[dict[str, tuple[str, ...]], str]:
    """The phrases' table (folded key -> suggestions) and their alternation, longest first."""
    table: dict[str, tuple[str, ...]] = {}
    for phrase, suggestions in items:
        phrase = phrase.strip()
        if phrase:
            key = phrase if case_sensitive else fold(phrase)
            table.setdefault(" ".join(key.split()), tuple(suggestions))
    # Longest first so that a longer phrase wins over its own prefix.
    return table, "|".join(phrase_pattern(p) for p in sorted(table, key=len, reverse=True))


_CODE: list[str] = []


def _prepared(items: tuple[tuple[str, Sequence[str]], ...], case_sensitive: bool) -> tuple[dict[str, tuple[str, ...]], str]:
    """``_prepare``, kept in the pattern store (``checker.regexcache.memo``, while rules that built
    before are built) under a digest of the phrases and of the code that folds and escapes them."""
    from checker import regexcache

    if not regexcache.is_active() or not items:
        return _prepare(items, case_sensitive)
    from checker.flatstore import blake2b

    if not _CODE:
        import marshal

        code = b"".join(marshal.dumps(f.__code__) for f in (_prepare, phrase_pattern, getattr(fold, "__wrapped__", fold)))
        _CODE.append(blake2b(code, digest_size=8).hexdigest())
    flat = repr((case_sensitive, tuple((p, tuple(s)) for p, s in items)))
    digest = blake2b(flat.encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()
    return regexcache.memo(("phrases", 1, _CODE[0], digest), lambda: _prepare(items, case_sensitive))


class PhraseMatcher:
    """Finds any of many phrases, whole-word, case- and apostrophe-insensitively."""

    def __init__(self, phrases: Mapping[str, Sequence[str]] | Iterable[str], *, case_sensitive: bool = False) -> None:
        items = tuple(phrases.items()) if isinstance(phrases, Mapping) else tuple((p, ()) for p in phrases)
        table, alternation = _prepared(items, case_sensitive)
        self.case_sensitive = case_sensitive
        self.table = table
        if not table:
            self.regex = None
            return
        flags = 0 if case_sensitive else regex.IGNORECASE
        self.regex = regex.compile(f"{_LEFT}(?:{alternation}){_RIGHT}", flags)

    def finditer(self, text: str) -> Iterator[tuple[int, int, tuple[str, ...]]]:
        """(start, end, suggestions) of every phrase occurrence in `text`."""
        if self.regex is None:
            return
        for m in self.regex.finditer(text, timeout=5.0):
            found = m.group()
            key = found if self.case_sensitive else fold(found)
            key = " ".join(regex.sub(_APOS, "'", key).split())
            yield m.start(), m.end(), self.table.get(key, ())


def match_case(template: str, suggestion: str) -> str:
    """`suggestion` in the case of `template`: ALL CAPS, Capitalised or as written."""
    if len(template) > 1 and template.isupper():
        return suggestion.upper()
    if template[:1].isupper() and suggestion[:1].islower():
        return suggestion[:1].upper() + suggestion[1:]
    return suggestion


def compile_exceptions(patterns: Iterable[str]) -> list[regex.Pattern[str]]:
    """Exception expressions of a rule (each carries its own flags, e.g. ``(?i)``)."""
    return [regex.compile(p) for p in patterns]


def guarded_spans(text: str, exceptions: Sequence[regex.Pattern[str]]) -> list[tuple[int, int]]:
    """Spans of `text` matched by any exception: a hit inside one is not reported."""
    return [m.span() for e in exceptions for m in e.finditer(text, timeout=5.0)]


def phrase_check(matcher: PhraseMatcher, exceptions: Sequence[regex.Pattern[str]]) -> Callable[..., Iterator[Any]]:
    """The check of the phrase kinds: every phrase outside the exceptions, suggestions in the found text's case."""
    from checker.finding import Hit
    from checker.kinds._spans import Guard

    def check(doc: Any, ctx: Any) -> Iterator[Hit]:
        guard: Guard | None = None  # the exceptions are scanned at the first match
        for start, end, suggestions in matcher.finditer(doc.prose):
            if exceptions and guard is None:
                guard = Guard(guarded_spans(doc.prose, exceptions))
            if guard is not None and guard.covers(start, end):
                continue
            found = doc.text[start:end]
            yield Hit(start, end, tuple(match_case(found, s) for s in suggestions))

    return check
