"""Kind ``repeated-text``: text that a scraper or a translation pipeline wrote twice.

Three modes, one per rule:

- ``passage``: a passage (or a line of a multi-line passage) that repeats,
  verbatim or nearly, a sentence, line or passage met earlier. Exact repeats are
  found through normalised keys; near repeats through hashed word shingles (an
  inverted index, so the cost stays linear). The later copy is reported, the
  first copy is the Hit's ``related`` span.
- ``truncated``: a passage or line cut with ``...``/``…`` whose text (after any
  glued prefix such as a breadcrumb) is the beginning of another passage — the
  truncated teaser copy of a title. The truncated copy is reported (it is the
  artefact), the full text is ``related``.
- ``line``: a short line repeated on the very next line (a byline or desk name
  written twice). Longer lines are left to ``passage``.

params: ``mode``; ``min_words``/``min_chars`` (size below which a ``passage``
copy is not reported); ``similarity`` (share of the later copy's shingles found
in the earlier one); ``shingle`` (words per shingle); ``min_prefix_words``
(words a truncated copy must share with the full text); ``window`` (passages on
each side of a truncated copy searched for the full text).
"""

from __future__ import annotations

import bisect
import unicodedata
from collections import Counter
from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import Document, Span
from checker.finding import Hit
from checker.rules import Rule, param

NAME = "repeated-text"
PARAMS = {
    "mode": param(str, default="passage", doc="passage | truncated | line"),
    "min_words": param(int, default=8, doc="fewest words of a reported passage copy"),
    "min_chars": param(int, default=40, doc="fewest characters of a reported passage copy"),
    "similarity": param(float, default=0.8, doc="share of the copy's shingles found in the first copy"),
    "shingle": param(int, default=4, doc="words per shingle"),
    "near_min_words": param(int, default=15, doc="fewest words of a near (not exact) copy"),
    "short_words": param(int, default=0, doc="passage mode: a paragraph of this many words or more (below "
                         "min_words) that repeats, exactly, a sentence of an earlier, longer paragraph (0: off)"),
    "min_prefix_words": param(int, default=5, doc="words a truncated copy shares with the full text"),
    "window": param(int, default=2, doc="passages before and after a truncated copy searched for the full text"),
}

_MODES = ("passage", "truncated", "line")
# Shingles held by more earlier units than this are skipped: keeps the cost linear.
_MAX_POSTINGS = 32
_WORD = regex.compile(r"[\p{L}\p{N}]+")
_ELLIPSIS_END = regex.compile(r"(?:\.{3,}|…)[\s\u00a0\u202f]*$")
_HAS_LETTER = regex.compile(r"\p{L}")
# A short copy must be a finished sentence (not a heading or a label repeated).
_FULL_STOP = regex.compile(r"[.!?…][»”\"’')]?\s*$")
# Dialogue lines (fiction, interviews) echo each other on purpose.
_DIALOGUE = regex.compile(r"^(?:[—–]|--?\s)")


def _words(text: str) -> list[str]:
    folded = unicodedata.normalize("NFC", text).casefold()
    return _WORD.findall(folded)


def _shingles(words: list[str], k: int) -> set[int]:
    """The hashes of the runs of `k` consecutive words: ``{hash(tuple(words[i:i + k])) for i in …}``,
    the same tuples made by ``zip`` over shifted views (in C, not a slice and a tuple per word)."""
    return set(map(hash, zip(*(words[j:] for j in range(k)))))


def _units(doc: Document) -> list[Span]:
    """Passages, plus the lines of passages that have several lines, in document order."""
    cached = doc.cache.get("repeated-text:units")
    if cached is not None:
        return cached
    lines = doc.lines
    starts = doc.line_starts
    out: list[Span] = []

    for p in doc.passages:
        out.append(p)
        first = bisect.bisect_right(starts, p.start) - 1
        last = bisect.bisect_right(starts, p.end - 1) - 1
        if last > first:
            for i in range(first, last + 1):
                line = lines[i]
                s, e = max(line.start, p.start), min(line.end, p.end)
                span = _trim(doc, s, e)
                if span is not None:
                    out.append(span)
    doc.cache["repeated-text:units"] = out
    return out


def _trim(doc: Document, start: int, end: int) -> Span | None:
    prose = doc.prose
    while start < end and prose[start].isspace():
        start += 1
    while end > start and prose[end - 1].isspace():
        end -= 1
    return doc.span(start, end) if start < end else None


def _check_passages(
    doc: Document, min_words: int, min_chars: int, similarity: float, k: int, near_words: int,
    short_words: int = 0,
) -> Iterator[Hit]:
    prose = doc.prose
    seen: dict[tuple[str, ...], Span] = {}
    # Sentences that were part of a longer paragraph (« … a-t-il dit. Aucun autre détail n'a été
    # communiqué. »): a short paragraph that repeats one of them exactly is a pasted copy.
    inner: dict[tuple[str, ...], Span] = {}
    passage_ends = {p.start: p.end for p in doc.passages}
    index: dict[int, list[int]] = {}  # shingle hash -> ids of earlier units holding it
    # Units left out of `index` because they can never win a vote (below): only counted, so that
    # a shingle's number of holders (the _MAX_POSTINGS test) stays that of every earlier unit.
    unlisted: Counter[int] = Counter()
    shingled: list[Span] = []
    covered: list[tuple[int, int]] = []  # reported spans: their own lines are not reported again
    whole: set[int] = set()  # the shingles of the last passage remembered (it is in `index`)

    def remember(span: Span, words: list[str], passage: bool = False, grams: set[int] | None = None) -> None:
        nonlocal whole
        seen.setdefault(tuple(words), span)
        if len(words) >= k:
            if grams is None:
                grams = _shingles(words, k)
            if not passage and grams <= whole:
                # A sentence or line of the last passage: its shingles are all the passage's, and the
                # passage has a lower id, so it gets at least as many votes and wins any tie — this
                # unit never wins. Counting its shingles (in C) is enough; listing it in `index` (a
                # Python loop over its shingles, the kind's main cost) is not needed.
                unlisted.update(grams)
                return
            uid = len(shingled)
            shingled.append(span)
            for h in grams:
                index.setdefault(h, []).append(uid)
            if passage:
                whole = grams

    sentences = doc.sentences
    si = 0
    for unit in _units(doc):
        # Sentences that end before this unit are "earlier text" for it.
        while si < len(sentences) and sentences[si].end <= unit.start:
            s = sentences[si]
            sw = _words(prose[s.start : s.end])
            remember(s, sw)
            if short_words and short_words <= len(sw) < min_words:
                pi = doc.passage_index(s.start)
                if pi is not None and doc.passages[pi].end - doc.passages[pi].start > s.end - s.start + 2:
                    inner.setdefault(tuple(sw), s)
            si += 1
        words = _words(prose[unit.start : unit.end])
        grams: set[int] | None = None  # the unit's shingles, when the near-copy search made them
        big_enough = len(words) >= min_words and unit.end - unit.start >= min_chars
        # Units come in order of start and a unit inside a reported span is never reported, so a unit
        # inside any reported span is inside the last one: one test, not a scan (many copies stay linear).
        inside = bool(covered) and covered[-1][0] <= unit.start and unit.end <= covered[-1][1]
        if short_words and not big_enough and short_words <= len(words) and passage_ends.get(unit.start) == unit.end \
                and not inside and not _DIALOGUE.match(unit.text) and _FULL_STOP.search(unit.text):
            first = inner.get(tuple(words))
            if first is not None and first.end <= unit.start and _before_trailer(doc, unit):
                covered.append((unit.start, unit.end))
                line, _ = doc.position(first.start)
                yield Hit(unit.start, unit.end, confidence=0.8,
                          args={"line": str(line), "similarity": "100 %"}, related=(first.start, first.end))
        elif big_enough and not inside and not _DIALOGUE.match(unit.text):
            first = seen.get(tuple(words))
            score = 1.0
            if first is None and len(words) >= max(k, near_words):
                grams = _shingles(words, k)
                votes: Counter[int] = Counter()
                for h in grams:
                    postings = index.get(h)
                    if postings is None:
                        continue
                    if len(postings) + unlisted[h] > _MAX_POSTINGS:
                        continue  # a stock phrase met everywhere says nothing about copying
                    for uid in set(postings):
                        votes[uid] += 1
                if votes:
                    uid, count = max(votes.items(), key=lambda kv: (kv[1], -kv[0]))
                    share = count / len(grams)
                    if share >= similarity:
                        first, score = shingled[uid], share
            if first is not None and first.end <= unit.start:
                covered.append((unit.start, unit.end))
                line, _ = doc.position(first.start)
                yield Hit(
                    unit.start,
                    unit.end,
                    confidence=0.95 if score == 1.0 else 0.6 + 0.3 * score,
                    args={"line": str(line), "similarity": f"{round(score * 100)} %"},
                    related=(first.start, first.end),
                )
        remember(unit, words, passage_ends.get(unit.start) == unit.end, grams)


_TRAILER_LABEL = regex.compile(r"©|\(c\)|Copyright\b|\p{Lu}[\p{L}'’-]*+(?:[ \u00a0][\p{L}'’-]++){0,3}?[ \u00a0]?[:|]")


def _before_trailer(doc: Document, unit: Span) -> bool:
    """The paragraph is the article's last one: nothing, or the page's trailer (a label and a colon
    or a bar, ©, a short line that ends no sentence: « Lire aussi », "READ MORE") comes after it.
    A writer's refrain (a novel repeating a line) has more story after it."""
    pi = doc.passage_index(unit.start)
    if pi is None or pi + 1 >= len(doc.passages):
        return True
    nxt = doc.passages[pi + 1].text
    return bool(_TRAILER_LABEL.match(nxt)) or (len(_words(nxt)) < 6 and not _FULL_STOP.search(nxt))


def _check_truncated(doc: Document, min_prefix: int, window: int) -> Iterator[Hit]:
    prose = doc.prose
    passages = doc.passages
    for pi, passage in enumerate(passages):
        text = prose[passage.start : passage.end]
        m = _ELLIPSIS_END.search(text)
        if not m:
            continue
        # The copy is the passage's last line (a breadcrumb or date may sit on the lines above).
        line_start = max(text.rfind("\n", 0, m.start()) + 1, 0)
        body = text[line_start : m.start()]
        body_words = _words(body)
        if len(body_words) < min_prefix:
            continue
        # A teaser sits right next to the text it shortens.
        neighbours = passages[max(0, pi - window) : pi] + passages[pi + 1 : pi + 1 + window]
        for other in neighbours:
            other_words = _words(prose[other.start : other.end])
            if len(other_words) < min_prefix or _ELLIPSIS_END.search(other.text):
                continue
            start = _copy_start(body, body_words, other_words, min_prefix)
            if start is None:
                continue
            line, _ = doc.position(other.start)
            yield Hit(
                passage.start + line_start + start,
                passage.end,
                confidence=0.9,
                args={"line": str(line)},
                related=(other.start, other.end),
            )
            break


def _copy_start(body: str, body_words: list[str], full_words: list[str], min_prefix: int) -> int | None:
    """Offset in `body` where a copy of the start of the full text begins and runs to the end of `body`.

    A breadcrumb may be glued to the copy without a space (``AccueilSportLes``), so the
    copy's first word may be the tail of a longer token; its last word may be cut
    (``surpri…``); and one word in six may differ (a mistranslated word in one copy).
    """
    n = len(body_words)
    for i in range(0, n - min_prefix + 1):
        tail = body_words[i:]
        if len(tail) > len(full_words):
            continue
        head = tail[0]
        first = full_words[0]
        if not head.endswith(first):
            continue
        last_ok = full_words[len(tail) - 1].startswith(tail[-1]) if len(tail) > 1 else True
        middle = zip(tail[1:-1], full_words[1 : len(tail) - 1], strict=True)
        mismatches = sum(a != b for a, b in middle) + (not last_ok)
        if mismatches > len(tail) // 6:
            continue
        if len(tail) == len(full_words) and tail[-1] == full_words[-1]:
            continue  # the whole text: not a truncated copy
        return _offset_of_word(body, i, len(head) - len(first))
    return None


def _offset_of_word(body: str, index: int, cut: int) -> int:
    m = list(_WORD.finditer(body))[index]
    # Case folding may lengthen a word (ß → ss): never step past the word's end.
    return m.start() + min(cut, len(m.group()) - 1)


def _check_lines(doc: Document, min_chars: int) -> Iterator[Hit]:
    lines = doc.lines
    prose = doc.prose
    for prev, line in zip(lines, lines[1:], strict=False):
        a = prose[prev.start : prev.end].strip()
        b = prose[line.start : line.end].strip()
        if not b or a != b or len(b) < 3 or not _HAS_LETTER.search(b):
            continue
        if len(b) >= min_chars and len(_words(b)) >= 8:
            continue  # long enough for the passage mode
        span = _trim(doc, line.start, line.end)
        first = _trim(doc, prev.start, prev.end)
        if span is None or first is None:
            continue
        yield Hit(span.start, span.end, confidence=0.9, args={"line": str(doc.position(first.start)[0])},
                  related=(first.start, first.end))


def build(rule: Rule):  # noqa: ANN201
    """Validate the mode and thresholds."""
    p = rule.params
    mode = p["mode"]
    if mode not in _MODES:
        raise ValueError(f"mode must be one of {', '.join(_MODES)}")
    if not 0 < p["similarity"] <= 1:
        raise ValueError("similarity must be in (0, 1]")
    if p["shingle"] < 1 or p["min_prefix_words"] < 1:
        raise ValueError("shingle and min_prefix_words must be positive")

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        if mode == "passage":
            yield from _check_passages(
                doc, p["min_words"], p["min_chars"], p["similarity"], p["shingle"], p["near_min_words"],
                p["short_words"],
            )
        elif mode == "truncated":
            yield from _check_truncated(doc, p["min_prefix_words"], p["window"])
        else:
            yield from _check_lines(doc, p["min_chars"])

    return check
