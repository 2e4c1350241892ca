"""Kind ``handle-name``: an account's display name translated, betrayed by its @handle.

An embedded post is signed ``— Display Name (@handle) date``. When machine
translation renders the display name as common words of the article's language
(« Alerte météo (@weather_alert) »), the handle still spells the original
in English words. Reported: a display name of the article's language, with at
least one lowercase word (a translated phrase, not a name), sharing no word (cognates
aside) with a handle made of two or more English words. The suggestion is the handle's words
as the article writes them elsewhere (``Weather Alert``), else in title case.

params: ``min_part`` (shortest handle word), ``min_zipf`` (how common in English
each handle word must be), ``english`` (the language of handles; silent in that
language).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker import lexicon
from checker.context import Context
from checker.document import Document
from checker.finding import Hit, Severity
from checker.rules import Rule, param
from checker.wordlists import unaccented

NAME = "handle-name"
PARAMS = {
    "min_part": param(int, default=3, doc="shortest handle word"),
    "min_zipf": param(float, default=3.0, doc="each handle word this common in English"),
    "english": param(str, default="en", doc="language of the handle words"),
}

# Display name: up to 6 words right before "(@handle)", after a dash, a quote or a line start.
_SIGNATURE = regex.compile(
    r"(?:^[ \t]*+[—–\-•]|\s[-–—])[ \t\u00a0]*+(?P<name>\p{L}[\p{L}\p{M}'’.-]*+(?:[ \t\u00a0]\p{L}[\p{L}\p{M}'’.-]*+){0,5}+)"
    r"[ \t\u00a0]*+\([ \t\u00a0]*+@(?P<handle>\w{3,50}+)[ \t\u00a0]*+\)",
    regex.MULTILINE,
)
_CAMEL = regex.compile(r"\p{Lu}?\p{Ll}+|\p{Lu}+(?!\p{Ll})|\d+")


def _plain(word: str) -> str:
    return unaccented(word)


def build(rule: Rule):  # noqa: ANN201
    p = rule.params
    min_part, min_zipf, english = p["min_part"], p["min_zipf"], p["english"]

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        lang = ctx.primary if ctx is not None else doc.lang.split("-")[0]
        if lang == english:
            return
        text = doc.prose
        for m in _SIGNATURE.finditer(text):
            handle = m.group("handle")
            parts = [x.casefold() for chunk in handle.split("_") for x in _CAMEL.findall(chunk)]
            parts = [x for x in parts if x.isalpha()]
            if len(parts) < 2 or any(len(x) < min_part for x in parts):
                continue
            if any(lexicon.zipf(x, english) < min_zipf for x in parts):
                continue
            name = m.group("name")
            words = [w for w in regex.split(r"[\s'’.-]+", name) if w]
            if len(words) < 2 or not any(w.islower() for w in words[1:]):
                continue  # a name in title case is a name, maybe another one
            plain = [_plain(w) for w in words]
            if any(_close(x, w) for x in parts for w in plain):
                continue  # the display name shares a word with the handle
            if not all(lexicon.zipf(w, lang) > 0 for w in words):
                continue  # not plain words of the article's language
            if sum(lexicon.zipf(w, english) > lexicon.zipf(w, lang) for w in words) > len(words) // 2:
                continue  # English words: left untranslated, not translated
            start, end = m.span("name")
            suggestion, related = _original(text, parts, (start, end))
            yield Hit(start, end, (suggestion,), confidence=0.9 if related else 0.6,
                      args={"handle": "@" + handle}, related=related,
                      severity=None if related else Severity.MINOR)

    return check


def _close(a: str, b: str) -> bool:
    """The same word (a cognate such as alert / alerte is a translation, not the original)."""
    return a == b


def _original(text: str, parts: list[str], skip: tuple[int, int]) -> tuple[str, tuple[int, int] | None]:
    """The handle's words as the article writes them (any order), else in title case."""
    alternation = "|".join(regex.escape(x) for x in parts)
    pattern = regex.compile(
        rf"(?<!\p{{L}})(?:{alternation})(?:[ \u00a0](?:{alternation})){{{len(parts) - 1}}}(?!\p{{L}})", regex.IGNORECASE
    )
    for m in pattern.finditer(text):
        if m.end() <= skip[0] or m.start() >= skip[1]:
            found = m.group()
            if found[:1].isupper() and {w.casefold() for w in found.split()} == set(parts):
                return found, m.span()
    return " ".join(x.capitalize() for x in parts), None
