"""Kind ``quote-balance``: an opening or closing quotation mark without its partner in the passage.

Each pair of marks (« », “ ”) is counted on its own, so nested quotes of another kind
(“ ” inside « ») never interfere. A quote may run over several paragraphs: when a
passage ends with a quote still open, the following passages may reopen it with the opening
mark (the French and English convention; older French also starts them with the closing
mark) or close it later. An open quote is reported when a new quote of the same kind
opens before it closes, or when the text ends. The report covers the mark and the few words
after it, so that a reader sees where it stands (« », a-t-il poursuivi »).

params:
- ``pairs``: strings of two characters, opening then closing mark.
- ``context_words``: how many words after the mark the reported span includes.
"""

from __future__ import annotations

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
}

_LEAD = regex.compile(r"[\s\u00a0\u202f—–-]*")


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Validate the pairs and compile the context expression once."""
    pairs = []
    for pair in rule.params["pairs"]:
        if not isinstance(pair, str) or len(pair) != 2 or pair[0] == pair[1]:
            raise ValueError(f"pairs: {pair!r} must be two different characters")
        pairs.append((pair[0], pair[1]))
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
        for opening, closing in pairs:
            if opening not in text and closing not in text:
                continue
            for pos in _unmatched(doc, opening, closing):
                end = pos + 1
                m = context.match(text, end)
                if m and regex.search(r"[\p{L}\p{N}]", m.group()):
                    end = m.end()
                yield Hit(pos, end, args={"mark": text[pos]})

    return check


def _unmatched(doc: Document, opening: str, closing: str) -> list[int]:
    """Offsets of unmatched marks, in document order."""
    text = doc.prose
    carried: list[int] = []  # openers still open when the previous passage ended
    dialogue = False  # the open quote went on into dash-led dialogue lines
    found: list[int] = []
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
        for i in range(start, passage.end):
            ch = text[i]
            if i in damaged:
                continue
            if ch == opening:
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
                    found.append(i)
        if stack:
            dialogue = False
        # Openers still carried went through a passage without closing: they may close later.
        carried = carried + stack
    if not dialogue:
        found.extend(carried)
    return sorted(found)
