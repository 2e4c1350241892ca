"""Helpers shared by the source-mode kinds: aligned passage pairs, anchors, names."""

from __future__ import annotations

import bisect
from collections.abc import Iterator

import regex

from checker.compare import SourceAlignment, source_of
from checker.dataclass import dataclass
from checker.document import Document, Span, Token
from checker.wordlists import unaccented

# A number, with thousands groups separated by a space (any width), '.' or ','.
_NUMBER = regex.compile(
    r"(?<!\d)\d{1,3}(?:(?:[ \u00a0\u202f\u2009]|[.,](?=\d{3}(?!\d)))\d{3})+(?:[.,]\d+)?(?!\d)"
    r"|(?<!\d)\d+(?:[.,]\d+)?(?!\d)"
)
_ANCHOR_KINDS = ("url", "email", "handle", "hashtag")
# HTML character references left by scraping (&#x2019;, &#153;): their digits are no numbers.
_CHAR_REF = regex.compile(r"&#(?:[xX][0-9a-fA-F]+|[0-9]+);?")


@dataclass(frozen=True)
class Link:
    """One aligned pair of passages: the source's and the translation's spans and indices."""

    k: int  # index of the link among the 1-1 links
    source_index: int
    target_index: int
    source: Span
    target: Span
    similarity: float


def links(doc: Document, *, replaced: bool = False) -> tuple[SourceAlignment | None, list[Link]]:
    """The source alignment of `doc` (None outside source mode) and its 1-1 links.

    With `replaced`, a source passage left unmatched right before an unmatched translated
    passage (the aligner found them too unlike to pair) counts as a link too.
    """
    alignment = source_of(doc)
    if alignment is None:
        return None, []
    src = alignment.source.passages
    tgt = doc.passages
    raw = [(p.left, p.right, p.similarity) for p in alignment.pairs]
    if replaced:
        merged: list[tuple[int | None, int | None, float]] = []
        for left, right, sim in raw:
            if merged and left is None and merged[-1][1] is None and merged[-1][0] is not None:
                merged[-1] = (merged[-1][0], right, 0.0)
            else:
                merged.append((left, right, sim))
        raw = merged
    out = []
    for i, j, sim in raw:
        if i is not None and j is not None:
            out.append(Link(len(out), i, j, src[i], tgt[j], sim))
    return alignment, out


@dataclass(frozen=True)
class Anchor:
    """A number, URL, e-mail address, @handle or #hashtag, with its comparison key."""

    key: str
    kind: str
    start: int
    end: int
    text: str


def number_key(text: str) -> str:
    """Digits only, without leading zeros or a zero decimal part: `1 200`, `1,200` and `1.200` compare equal, as do `3.5` and `3,5`."""
    # a decimal part of zeros only is no part of the value: 30,00 is 30 (but 1,000 is a thousand)
    text = regex.sub(r"[.,](?:0{1,2}|0{4,})$", "", text)
    digits = "".join(ch for ch in text if ch.isdigit())
    return digits.lstrip("0") or "0"


def anchors(doc: Document, start: int, end: int) -> list[Anchor]:
    """Anchors inside [start, end) of `doc`, in order."""
    out: list[Anchor] = []
    covered: list[tuple[int, int]] = []
    for tok in doc.tokens_in(start, end):
        if tok.kind in _ANCHOR_KINDS:
            key = tok.text.casefold().rstrip("/")
            if tok.kind == "url":
                key = regex.sub(r"^(?:https?://)?(?:www\.)?", "", key)
            out.append(Anchor(f"{tok.kind}:{key}", tok.kind, tok.start, tok.end, tok.text))
            covered.append((tok.start, tok.end))
    covered.extend(m.span() for m in _CHAR_REF.finditer(doc.prose, start, end))
    for m in _NUMBER.finditer(doc.prose, start, end):
        s, e = m.span()
        if any(cs <= s < ce for cs, ce in covered):
            continue
        out.append(Anchor("number:" + number_key(m.group()), "number", s, e, m.group()))
    out.sort(key=lambda a: a.start)
    return out


def fold(word: str) -> str:
    """Lower case without accents."""
    return unaccented(word)


def edit_distance(a: str, b: str, limit: int) -> int:
    """Levenshtein distance of `a` and `b`, or limit + 1 when it exceeds `limit`."""
    if abs(len(a) - len(b)) > limit:
        return limit + 1
    prev = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        cur = [i]
        for j, cb in enumerate(b, 1):
            cur.append(min(prev[j] + 1, cur[j - 1] + 1, prev[j - 1] + (ca != cb)))
        if min(cur) > limit:
            return limit + 1
        prev = cur
    return prev[-1]


def sentence_starts(doc: Document) -> list[int]:
    """Start offsets of the document's sentences (cached on the document)."""
    key = "_source.sentence_starts"
    starts = doc.cache.get(key)
    if starts is None:
        starts = doc.cache[key] = [s.start for s in doc.sentences]
    return starts


def starts_sentence(doc: Document, tok: Token) -> bool:
    """Whether `tok` is the first word of its sentence (after opening quotes or dashes)."""
    starts = sentence_starts(doc)
    i = bisect.bisect_right(starts, tok.start) - 1
    if i < 0:
        return True
    between = doc.prose[starts[i] : tok.start]
    return not any(ch.isalnum() for ch in between)


def words_in(doc: Document, span: Span) -> Iterator[Token]:
    """Word tokens inside a span."""
    return (t for t in doc.tokens_in(span.start, span.end) if t.kind == "word")


def first_words(doc: Document, span: Span, n: int = 8) -> str:
    """The first `n` words of a span, with an ellipsis when cut."""
    words = doc.text[span.start : span.end].split()
    return " ".join(words[:n]) + (" …" if len(words) > n else "")
