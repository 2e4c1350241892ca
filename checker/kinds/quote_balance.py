"""Kind ``quote-balance``: an opening or closing quotation mark without its partner in the passage.

Each pair of marks (« », “ ”) is counted on its own, so nested quotes of another kind
(“ ” inside « ») never interfere. A quote may run over several paragraphs: when a
passage ends with a quote still open, the following passages may reopen it with the opening
mark (the French and English convention; older French also starts them with the closing
mark) or close it later. An open quote is reported when a new quote of the same kind
opens before it closes, or when the text ends. The report covers the mark and the few words
after it, so that a reader sees where it stands (« », a-t-il poursuivi »).

A document that stops in mid-sentence (an excerpt cut by a scraper or a feed) may close
its last quotation after the cut: quotations still open at such an end are not reported.

With ``singles`` (English ‘ ’), a single quotation opened inside a double one and closed
by the double closing mark (“… ‘We won, right?” …) is reported from ‘ to ”, and that ”
does not close the double quotation (which the next ” closes). An opening mark glued to
the word before it and followed by a space, while a quotation is open (« … sujets.«), is
the closing mark typed the wrong way: it is reported, and it closes the quotation.

params:
- ``pairs``: strings of two characters, opening then closing mark.
- ``context_words``: how many words after the mark the reported span includes.
- ``singles``: opening and closing single quote checked inside the first pair ("" = none).
- ``report_new``: when a quotation opens in the same paragraph as another still open, after a
  sentence end, report the new opening mark (where the reader notices the break; the
  quotation restarts there) rather than the old one. A title or a quotation after a colon,
  nested with the same marks (« … telles que « X » … », « il a dit : « … » »), is allowed. A quotation left open in an earlier paragraph is
  reported itself when a new one opens.
- ``foreign_openers``: marks of another style (``"“``) that a closing mark of the first pair may
  wrongly close: a closing » with no « open, after an unpaired ``"`` of the same passage
  ("Nous présentons … », a-t-il dit), reports the whole quotation, from one mark to the other.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.kinds._mojibake import damaged_runs
from checker.rules import Rule, param

NAME = "quote-balance"
PARAMS = {
    "pairs": param(list, default=["«»", "“”"], doc="two-character strings: opening mark, closing mark"),
    "context_words": param(int, default=2),
    "singles": param(str, default=""),
    "report_new": param(bool, default=False),
    "foreign_openers": param(str, default="", doc="quotation marks of another style that a closing mark of the first pair "
                             "may wrongly close (\"Nous … », «Finalmente…\"): the quotation is reported from opener to closer"),
}

# Where a document that was cut mid-sentence ends: anything but a closing mark or punctuation.
_ENDS = set(".!?…»”“\"')]:;*")

_LEAD = regex.compile(r"[\s\u00a0\u202f—–-]*")


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Validate the pairs and compile the context expression once."""
    pairs = []
    for pair in rule.params["pairs"]:
        if not isinstance(pair, str) or len(pair) != 2 or pair[0] == pair[1]:
            raise ValueError(f"pairs: {pair!r} must be two different characters")
        pairs.append((pair[0], pair[1]))
    singles = rule.params["singles"]
    if singles and (len(singles) != 2 or singles[0] == singles[1]):
        raise ValueError("singles: give two different characters or nothing")
    report_new = rule.params["report_new"]
    foreign = rule.params["foreign_openers"]
    n = rule.params["context_words"]
    if n < 0:
        raise ValueError("context_words must be >= 0")
    # The mark, then punctuation and up to n words on the same line.
    context = regex.compile(
        r"[ \u00a0\u202f]*[,;:.]?(?:[ \u00a0\u202f]*[\p{L}\p{N}][\p{L}\p{N}\p{M}'’-]*){0,"
        + str(n) + "}"
    )

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        text = doc.prose
        for k, (opening, closing) in enumerate(pairs):
            if opening not in text and closing not in text:
                continue
            for pos, stop in _unmatched(doc, opening, closing, singles if k == 0 else "", report_new,
                                        foreign if k == 0 else ""):
                mark = text[stop - 1] if stop is not None and text[pos] in foreign else text[pos]
                end = stop
                if end is None:
                    end = pos + 1
                    m = context.match(text, end)
                    if m and regex.search(r"[\p{L}\p{N}]", m.group()):
                        end = m.end()
                yield Hit(pos, end, args={"mark": mark})

    return check


def _unmatched(
    doc: Document, opening: str, closing: str, singles: str = "", report_new: bool = False,
    foreign: str = "",
) -> list[tuple[int, int | None]]:
    """Unmatched marks, in document order: (offset, None), or (start, end) for a single quote
    closed by the double closing mark."""
    text = doc.prose
    mismatched: list[tuple[int, int | None]] = []
    carried: list[int] = []  # openers still open when the previous passage ended
    dialogue = False  # the open quote went on into dash-led dialogue lines
    found: list[int] = []
    marks: dict[tuple[int, str], list[int]] = {}  # offsets of foreign marks per passage, found once
    # A quotation mark inside mojibake (â€” holds a ”) is a byte of a broken dash, not a quote.
    damaged = {i for start, end, _ in damaged_runs(doc) for i in range(start, end)}
    for passage in doc.passages:
        start = passage.start
        lead = _LEAD.match(text, start, passage.end)
        first = lead.end() if lead else start
        leading_dash = first > start and text[first - 1] in "—–"
        stack: list[int] = []
        if first < passage.end and text[first] == closing and not carried:
            start = first + 1  # older French: » opening a paragraph that continues a quote
        elif carried and first < passage.end and text[first] in (opening, closing):
            # « (or, in older French, ») at the start of a paragraph continues the running quote.
            stack, carried = carried, []
            start = first + 1
        elif carried and leading_dash:
            dialogue = True
        elif carried and dialogue:
            carried = []  # narration resumes: the dialogue closed without a mark, as novels allow
        inner: list[int] = []  # single quotes opened inside this passage
        for i in range(start, passage.end):
            ch = text[i]
            if i in damaged:
                continue
            if singles and ch == singles[0] and _opens(text, i, passage.start, passage.end):
                inner.append(i)
            elif singles and ch == singles[1] and inner and _closes(text, i, passage.end):
                inner.pop()
            elif ch == closing and inner and (inner[-1] > stack[-1] if stack else carried):
                # ‘… closed by ”: the double stays open. A single quotation that opened before
                # the double one (British style, ‘… “…” …’) is not closed by its ”.
                mismatched.append((inner.pop(), i + 1))
            elif ch == opening and not stack and not carried and _last(text, i, passage.end):
                found.append(i)  # a stray opening mark that ends its paragraph opens nothing
            elif ch == opening and (stack or carried) and _backwards(text, i, passage.start, passage.end):
                found.append(i)  # « typed where » belongs (« … sujets.«): it closes the quote
                if stack:
                    stack.pop()
                else:
                    carried.pop()
            elif ch == opening:
                if report_new and stack and _reopens(text, i, passage.start, passage.end, opening, closing):
                    # A new quote opens in the same paragraph, after a sentence end, while the
                    # old one never closed: report the new mark, which restarts the quotation.
                    found.append(i)
                    stack.clear()
                    stack.append(i)
                    continue
                if carried and not dialogue:
                    found.extend(carried)  # a new quote opens while the old one never closed
                carried = [] if not dialogue else carried
                stack.append(i)
            elif ch == closing:
                if stack:
                    stack.pop()
                elif carried:
                    carried.pop()  # closes a quote left open at a paragraph break
                else:
                    j = _foreign_opener(text, i, passage.start, passage.end, foreign, marks) if foreign else -1
                    if j >= 0:
                        mismatched.append((j, i + 1))  # "… » : a quotation opened in another style
                    else:
                        found.append(i)
        if stack:
            dialogue = False
        # Openers still carried went through a passage without closing: they may close later.
        carried = carried + stack
    if not dialogue and not _cut(text):
        found.extend(carried)
    return sorted([(i, None) for i in found] + mismatched)


_PARTNER = {"“": "”", "„": "“", "‘": "’"}


def _foreign_opener(text: str, i: int, start: int, end: int, foreign: str,
                    marks: dict[tuple[int, str], list[int]]) -> int:
    """The offset of an opening mark of another style, still unpaired in the passage before the
    closing mark at i ("Nous … »), or -1. A straight quote is unpaired when an odd number of them
    precede i; a curly one when no closing curly mark follows it. ``marks`` keeps each passage's
    mark offsets, found once (a long passage with many stray marks stays linear)."""

    def where(mark: str) -> list[int]:
        key = (start, mark)
        if key not in marks:
            marks[key] = [j for j in range(start, end) if text[j] == mark]
        return marks[key]

    best = -1
    for mark in foreign:
        if mark == '"':
            seen = where('"')
            n = bisect.bisect_left(seen, i)
            if n % 2 == 1:
                j = seen[n - 1]
                before = text[j - 1] if j > start else " "
                if (before.isspace() or before in "([—–-") and j + 1 < i and text[j + 1].isalnum():
                    best = max(best, j)
        elif mark in _PARTNER:
            opens = where(mark)
            n = bisect.bisect_left(opens, i)
            if n:
                j = opens[n - 1]
                closes = where(_PARTNER[mark])
                k = bisect.bisect_right(closes, j)
                if k >= len(closes) or closes[k] >= i:
                    best = max(best, j)
    return best


def _backwards(text: str, i: int, start: int, end: int) -> bool:
    """An opening mark in the place of a closing one: glued to the word before with a space
    after it, or ending its passage."""
    if i + 1 >= end:
        return True  # nothing follows it in the passage: it cannot open anything
    before = text[i - 1] if i > start else " "
    after = text[i + 1]
    return not before.isspace() and before not in "([{«“„‘-—–'\"" and (after.isspace() or after in ",;:")


def _last(text: str, i: int, end: int) -> bool:
    """Nothing but white space follows the mark in its passage."""
    return not text[i + 1:end].strip()


def _reopens(text: str, i: int, start: int, end: int, opening: str, closing: str) -> bool:
    """A new quotation, not one nested in the open one: the mark starts a sentence (after
    . ! ? …); after a colon (« il a dit : « … » ») it may be a quotation nested in the open one."""
    j = i - 1
    while j >= start and text[j] in " \u00a0\u202f\t":
        j -= 1
    if j < start:
        return False
    return text[j] in ".!?…"


def _opens(text: str, i: int, start: int, end: int) -> bool:
    """A single quote that opens: after a space, a bracket or a quote, before a letter."""
    before = text[i - 1] if i > start else " "
    after = text[i + 1] if i + 1 < end else " "
    return (before.isspace() or before in "([{“«—–-") and after.isalpha()


def _closes(text: str, i: int, end: int) -> bool:
    """A single quote that closes rather than an apostrophe: no letter after it."""
    return i + 1 >= end or not text[i + 1].isalpha()


def _cut(text: str) -> bool:
    """True when the document stops in mid-sentence (a cut excerpt)."""
    tail = text.rstrip()
    return bool(tail) and tail[-1] not in _ENDS
