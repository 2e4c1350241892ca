"""Kind ``orphan-reference``: phrases that point at a link or element the text no longer has.

``cliquez ici``, ``disponible à cette adresse``, ``the chart below``: the link,
video or image they refer to was lost when the page was turned into text. Each
of the rule's ``patterns`` (``regex`` syntax, case-insensitive) is a reference
phrase. A match is not reported when the reference is still there:

- in Markdown, when the phrase is (part of) the text of a link ``[…](…)``;
- when a colon or a URL follows it (``… à cette adresse : https://…``).

``media`` patterns name elements that plain text can never hold (a video, a
photo, an embedded post): a colon after them does not mean the element
follows (``la vidéo ci-dessous :`` then prose), only a URL or a link does.

params: ``patterns``, ``media``.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.kinds.pattern import holds, required_literals
from checker.rules import Rule, param

NAME = "orphan-reference"
PARAMS = {
    "patterns": param(list, required=True, doc="expressions of reference phrases (case-insensitive)"),
    "media": param(list, default=[], doc="expressions of references to media; a colon does not excuse them"),
}

# What may follow a reference that is still there: a colon, a URL, a link in brackets.
_STILL_THERE = regex.compile(r"[\s\u00a0\u202f]*(?::|\(?(?:https?://|www\.)|\[)")
_LINK_FOLLOWS = regex.compile(r"[\s\u00a0\u202f]*:?[\s\u00a0\u202f]*(?:\(?(?:https?://|www\.)|!?\[[^\]\n]*\]\()")


def _in_link_text(text: str, start: int, end: int) -> bool:
    """True when [start, end) lies between a ``[`` and a ``](`` on its line (Markdown link text)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end < 0 else line_end
    opening = text.rfind("[", line_start, start)
    if opening < 0 or text.find("]", opening, start) >= 0:
        return False
    closing = text.find("]", end, line_end)
    if closing < 0 or text.find("[", end, closing) >= 0:
        return False
    return text.startswith("(", closing + 1)


def build(rule: Rule):  # noqa: ANN201
    """Compile the patterns into one expression."""
    patterns = [str(x) for x in rule.params["patterns"]]
    media = [str(x) for x in rule.params["media"]]
    if not patterns:
        raise ValueError("give at least one pattern")
    for pattern in patterns + media:
        regex.compile(pattern)  # a bad expression is reported with the rule file
    # Media first: a media reference may also match a general pattern, and the
    # alternation takes the first branch that matches at a position.
    branches = ["(?P<media>" + "|".join(f"(?:{x})" for x in media) + ")"] if media else []
    branches += [f"(?:{x})" for x in patterns]
    joined = regex.compile(
        r"(?<![\p{L}\p{N}])(?:" + "|".join(branches) + r")(?![\p{L}\p{N}])",
        regex.IGNORECASE,
    )

    # The literals every match holds (one of each requirement, folded): the expression opens with
    # a look-behind, tried at every position of the article, while most articles hold none of
    # « lien », « ci-dessous », « cliquez »… (the prose's folded copy is shared with kind pattern).
    needs = required_literals(joined.pattern)

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        if needs and not holds(needs, doc):
            return
        prose = doc.prose
        for m in joined.finditer(prose, timeout=5.0):
            start, end = m.span()
            if media and m.group("media") is not None:
                # The original text: Markdown masks link syntax out of the prose.
                there = _LINK_FOLLOWS.match(doc.text, end)
            else:
                there = _STILL_THERE.match(prose, end)
            if there:
                continue
            if doc.markdown and _in_link_text(doc.text, start, end):
                continue
            yield Hit(start, end, confidence=0.6)

    return check
