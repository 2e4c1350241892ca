"""Kind ``echo``: short text written twice — words, a title line, a sentence inside a paragraph.

Complements ``repeated-text`` (whole passages, long lines, consecutive identical
lines) at the scales it leaves out. One ``mode`` per rule:

- ``words``: one to ``max_words`` words repeated at once (``jóvenes jóvenes``,
  ``Coupe du monde Coupe du monde``), and a line made of one text twice around a
  dash or bar (``Name - Name``, a mirror's "translated title - original title").
  A single repeated word is reported only with ``single`` (annotators and the
  grammar rules call a doubled word grammar), from ``min_single`` letters (shorter
  ones, ``le le``, ``the the``, are the grammar rules' doubled words), when it is
  not in ``allow`` (pronominal and emphatic doublings: ``nous nous``, ``very
  very``, ``très très``) and not capitalised (``Duran Duran``, ``Bora Bora``).
  Several words are not reported when the copy starts or ends with a function
  word (``rules/<lang>/glue-function-words.txt``): “kept growing and kept growing”
  is rhetoric. Both copies must sit on one line.
- ``line``: a short line (``min_words`` words or more, but shorter than what the
  passage rule reports) repeated within the next ``window`` non-blank lines with
  other lines or a blank line between — a headline printed two or three times —
  or a line that is an earlier nearby line plus a trailing bracketed credit
  (``Title (Photo: …)``, a caption that repeats the headline).
- ``sentence``: a sentence of ``min_words`` words or more repeated verbatim
  inside a longer paragraph (a quotation given twice). Sentences that are a
  whole line or passage, or that sit in a line mostly made of repeated
  sentences (a repeated paragraph), are left to ``repeated-text``, unless what the
  line adds are whole sentences of its own (a paragraph that opens on a sentence
  of an earlier one and goes on).

The later copy is reported; the first is the Hit's ``related`` span.

params: ``mode``, ``max_words``, ``min_single``, ``allow``, ``min_words``,
``min_chars``, ``window``, ``function_words``.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterator
from functools import cache
from itertools import compress, count
from operator import eq
from pathlib import Path

import regex

from checker.context import Context
from checker.document import Document, Span
from checker.finding import Hit, Severity
from checker.memo import MemoTable
from checker.rules import Rule, param
from checker.wordlists import fold, read_list

NAME = "echo"
PARAMS = {
    "mode": param(str, default="words", doc="words | line | sentence"),
    "max_words": param(int, default=6, doc="longest repeated word sequence (words mode)"),
    "single": param(bool, default=False, doc="report a single repeated word too (words mode)"),
    "min_single": param(int, default=4, doc="fewest letters of a single repeated word (words mode)"),
    "allow": param(list, default=[], doc="words whose doubling is legitimate (words mode)"),
    "min_words": param(int, default=3, doc="fewest words of a repeated line or sentence"),
    "min_chars": param(int, default=15, doc="fewest characters of a repeated line or sentence"),
    "window": param(int, default=4, doc="non-blank lines looked back for a repeated line"),
    "function_words": param(str, default="../{lang}/glue-function-words.txt",
                            doc="function-word list, relative to the rule file; {lang} = primary language"),
}
_MODES = ("words", "line", "sentence")
_WORD = regex.compile(r"\p{L}[\p{L}\p{M}\p{Nd}]*+(?:[-'’]\p{L}[\p{L}\p{M}\p{Nd}]*+)*+|\p{Nd}++")
_GAP = regex.compile(r"[ \u00a0]++")
# The first part ends before a blank run, never inside one (except at its shortest, two
# characters): the same first match, without rescanning a long run from each of its blanks.
_SEP_LINE = regex.compile(r"^(.[ \u00a0]|.{2,}?(?<![ \u00a0]))[ \u00a0]+[-–—|/:][ \u00a0]+(.{2,})$")
_HAS_LETTER = regex.compile(r"\p{L}")
# What every match of _SEP_LINE holds: a separator between blanks.
_SEP_GATE = regex.compile(r"[ \u00a0][-–—|/:][ \u00a0]")
# Leftmost match: it starts where a blank run starts (the look-behind only skips the starts
# inside a run, each of which used to rescan the rest of the run).
_TRAILING_BRACKET = regex.compile(r"(?<![ \u00a0])[ \u00a0]*+[(\[][^()\[\]\n]{1,80}[)\]][ \u00a0.]*+$")
_PASSAGE_WORDS = 8  # repeated-text's passage mode reports lines from this many words
_PASSAGE_CHARS = 40


#: word → ``fold(word)`` for the run (bounded): a line's words are folded by dict look-ups, the
#: same few thousand words in every article.
_FOLDED = MemoTable(fold)


@cache  # like read_list, which keeps the file's entries for the process
def _function_words(path: Path) -> frozenset[str]:
    """The function words of a list file, folded, without their hyphens."""
    return frozenset(fold(w).strip("-") for w in read_list(path))


def _norm_words(text: str) -> list[str]:
    return _WORD.findall(unicodedata.normalize("NFC", text).casefold())  # (no group: whole matches)


def build(rule: Rule):  # noqa: ANN201
    """Validate the mode."""
    p = rule.params
    mode = p["mode"]
    if mode not in _MODES:
        raise ValueError(f"mode must be one of {', '.join(_MODES)}")
    if p["max_words"] < 1 or p["window"] < 1:
        raise ValueError("max_words and window must be positive")
    allow = frozenset(fold(w) for w in p["allow"])
    pattern = str(p["function_words"])

    def function_words(lang: str) -> frozenset[str]:
        path = rule.resolve(pattern.replace("{lang}", lang))
        if not path.is_file():
            return frozenset()
        return _function_words(path)

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        if mode == "words":
            yield from _words(doc, p["max_words"], p["single"], p["min_single"], allow, function_words(ctx.primary))
        elif mode == "line":
            yield from _lines(doc, p["min_words"], p["min_chars"], p["window"])
        else:
            yield from _sentences(doc, p["min_words"], p["min_chars"])

    return check


def _words(doc: Document, max_n: int, single: bool, min_single: int, skip: frozenset[str],
           fw: frozenset[str]) -> Iterator[Hit]:
    prose, text = doc.prose, doc.text
    for line in doc.lines:
        s = prose[line.start:line.end]
        words = list(map(_FOLDED.__getitem__, _WORD.findall(s)))
        # A mirror title: the whole line is one text twice around a separator (which most lines lack).
        m = _SEP_LINE.match(s.strip()) if _SEP_GATE.search(s) else None
        if m and _HAS_LETTER.search(m.group(1)):
            a, b = _norm_words(m.group(1)), _norm_words(m.group(2))
            if a and a == b:
                off = line.start + (len(s) - len(s.lstrip()))
                first = (off + m.start(1), off + m.end(1))
                yield Hit(off + m.start(2), off + m.end(2), confidence=0.85, severity=Severity.MINOR,
                          args={"n": str(len(a))}, related=first)
                continue
        # The words' offsets, found only for a line where a group of words comes back at once.
        spans: list[tuple[int, int]] | None = None
        n_toks = len(words)
        after = 0  # a copy ends here: the next one starts at or after it
        for i in _starts(words, max_n, single):
            if i < after:
                continue
            found = 0
            most = min(max_n, (n_toks - i) // 2)
            # No copy can start here unless the word comes back within `most` words (the first
            # test of the loop below, made once for every length).
            if most and words[i] in words[i + 1:i + 1 + most]:
                for n in range(most, 0, -1):
                    if words[i] != words[i + n]:
                        continue  # the copies differ from their first word (the test below, made cheap)
                    if words[i:i + n] != words[i + n:i + 2 * n]:
                        continue
                    if spans is None:  # (most lines repeat a word nearby, few a group of words)
                        spans = [mw.span() for mw in _WORD.finditer(s)]
                    a, b = spans[i:i + n], spans[i + n:i + 2 * n]
                    # The copies must follow each other with only spaces in between, and the
                    # words inside each copy be separated by spaces or light punctuation.
                    if not _GAP.fullmatch(s[a[-1][1]:b[0][0]]):
                        continue
                    if not _HAS_LETTER.search(s[a[0][0]:a[-1][1]]):
                        continue
                    if n == 1:
                        if not single:
                            continue
                        w = words[i]
                        word = text[line.start + a[0][0]:line.start + a[0][1]]
                        if len(w) < min_single or w in skip or word[:1].isupper() or "-" in w:
                            continue
                        if _tripled(words, i):
                            continue  # « non non non »: deliberate
                    elif len(set(words[i:i + n])) == 1:
                        continue  # « non non non non »: one word over and over
                    elif any(x in fw or len(x) <= 2 for x in (words[i], words[i + n - 1])):
                        continue  # “kept growing and kept growing”, « côte à côte à »: X and X is rhetoric
                    found = n
                    break
            if not found:
                continue
            assert spans is not None
            a, b = spans[i:i + found], spans[i + found:i + 2 * found]
            start, end = line.start + b[0][0], line.start + b[-1][1]
            yield Hit(start, end, ("",), confidence=0.9 if found > 1 else 0.8,
                      severity=None if found > 1 else Severity.MINOR,
                      args={"n": str(found)}, related=(line.start + a[0][0], line.start + a[-1][1]))
            after = i + 2 * found


def _starts(words: list[str], max_n: int, single: bool) -> list[int]:
    """The positions of `words` where a copy may start, in order: the word comes back k words
    later (k ≤ max_n), and without `single`, where one word is never reported, so does the next
    one (k ≥ 2). Only there can ``_words`` find a copy; the pairs are compared at C speed, and a
    line of prose holds few such positions."""
    found: set[int] = set()
    if single:
        for k in range(1, max_n + 1):
            found.update(compress(count(), map(eq, words, words[k:])))
        return sorted(found)
    pairs = list(zip(words, words[1:]))  # pairs[i] is (words[i], words[i + 1])
    if len(set(pairs)) == len(pairs):
        return []  # no two words come back together anywhere in the line (most lines)
    for k in range(2, max_n + 1):
        found.update(compress(count(), map(eq, pairs, pairs[k:])))
    return sorted(found)


def _tripled(words: list[str], i: int) -> bool:
    w = words[i]
    return (i + 2 < len(words) and words[i + 2] == w) or (i > 0 and words[i - 1] == w)


def _trim(doc: Document, start: int, end: int) -> Span | None:
    prose = doc.prose
    while start < end and prose[start].isspace():
        start += 1
    while end > start and prose[end - 1].isspace():
        end -= 1
    return doc.span(start, end) if start < end else None


def _lines(doc: Document, min_words: int, min_chars: int, window: int) -> Iterator[Hit]:
    prose = doc.prose
    recent: list[tuple[Span, tuple[str, ...], tuple[str, ...]]] = []  # (span, words, words without bracket)
    prev_blank = False
    for line in doc.lines:
        span = _trim(doc, line.start, line.end)
        if span is None:
            prev_blank = True
            continue
        raw = prose[span.start:span.end]
        words = tuple(_norm_words(raw))
        bracket = _TRAILING_BRACKET.search(raw)
        bare = tuple(_norm_words(raw[: bracket.start()])) if bracket else words
        hit = None
        if len(bare) >= min_words and len(raw) >= min_chars and _HAS_LETTER.search(raw):
            for k, (other, owords, _obare) in enumerate(reversed(recent)):
                adjacent = k == 0 and not prev_blank
                if words == owords:
                    # Consecutive identical lines are repeated-line's; long ones repeated-passage's.
                    if adjacent or (len(words) >= _PASSAGE_WORDS and len(raw) >= _PASSAGE_CHARS):
                        break
                    hit = other
                    break
                if bracket and bare == owords:
                    hit = other  # the earlier line again, plus a credit in brackets
                    break
        if hit is not None:
            yield Hit(span.start, span.end, confidence=0.85,
                      args={"line": str(doc.position(hit.start)[0])}, related=(hit.start, hit.end))
        recent.append((span, words, bare))
        if len(recent) > window:
            recent.pop(0)
        prev_blank = False


_SENTENCE_ENDS = frozenset(".!?…»\"”)")


def _sentences(doc: Document, min_words: int, min_chars: int) -> Iterator[Hit]:
    prose = doc.prose
    units = {(u.start, u.end) for u in doc.passages}
    units |= {(s.start, s.end) for s in (_trim(doc, ln.start, ln.end) for ln in doc.lines) if s is not None}
    seen: dict[tuple[str, ...], Span] = {}
    line_starts = doc.line_starts
    # Per line: its sentences of three words or more, and which of them repeat earlier text.
    per_line: dict[int, list[tuple[Span, Span | None]]] = {}
    # Sentences too short to be reported that repeat an earlier one (« Il s'inquiète. »): they do
    # not count as what a line adds of its own.
    short_seen: set[tuple[str, ...]] = set()
    short_repeats: set[tuple[int, int]] = set()
    for sent in doc.sentences:
        span = _trim(doc, sent.start, sent.end)
        if span is None:
            continue
        words = tuple(_norm_words(prose[span.start:span.end]))
        if len(words) < 3:
            continue
        line = bisect.bisect_right(line_starts, span.start) - 1
        first = seen.get(words) if len(words) >= min_words and span.end - span.start >= min_chars else None
        per_line.setdefault(line, []).append((span, first))
        if first is None and len(words) >= min_words:
            seen.setdefault(words, span)
        elif len(words) < min_words:
            if words in short_seen:
                short_repeats.add((span.start, span.end))
            short_seen.add(words)
    for entries in per_line.values():
        total = sum(span.end - span.start for span, _ in entries)
        repeated = sum(span.end - span.start for span, first in entries if first is not None)
        if repeated >= 0.6 * total:
            # Most of the line repeats earlier text: a repeated paragraph, repeated-text's, unless
            # what is left is whole sentences of its own (a paragraph that opens on a sentence of
            # an earlier one, then goes on), which repeated-text does not report.
            rest = [span for span, first in entries if first is None]
            if repeated >= 0.85 * total or not rest or not all(
                    prose[span.end - 1] in _SENTENCE_ENDS and len(prose[span.start:span.end].split()) >= 4
                    and (span.start, span.end) not in short_repeats for span in rest):
                continue
        for span, first in entries:
            if first is None or (span.start, span.end) in units:
                continue
            yield Hit(span.start, span.end, confidence=0.85,
                      args={"line": str(doc.position(first.start)[0])}, related=(first.start, first.end))
