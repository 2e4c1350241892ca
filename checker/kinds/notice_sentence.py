"""Kind ``notice-sentence``: a sentence that holds a notice phrase, reported whole.

A site's notices (“This article was machine translated”, « Ce contenu a été créé
avec l'aide de l'IA », “Die Übersetzung kann Fehler enthalten”) are whole
sentences of the page's chrome, often left in another language than the article.
Each of the rule's ``patterns`` (``regex`` syntax, case-insensitive) is the core
of a notice; the sentence around a match (bounded by its line, a sentence's end
and ``window`` characters each side) is reported, so an editor sees the whole
notice to delete.

params: ``patterns``, ``window``.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.kinds.pattern import Branches, can_split
from checker.rules import Rule, param
from checker.wordarrays import may_occur

NAME = "notice-sentence"
PARAMS = {
    "patterns": param(list, required=True, doc="expressions of notice phrases (case-insensitive)"),
    "window": param(int, default=300, doc="most characters taken each side of the phrase"),
}

_END = ".!?"


def build(rule: Rule):  # noqa: ANN201
    """Compile the patterns into one expression."""
    patterns = [str(x) for x in rule.params["patterns"]]
    if not patterns:
        raise ValueError("give at least one pattern")
    source = r"(?<![\p{L}\p{N}])(?:" + "|".join(f"(?:{x})" for x in patterns) + r")(?![\p{L}\p{N}])"
    try:
        joined = regex.compile(source, regex.IGNORECASE)
    except regex.error:
        for pattern in patterns:
            regex.compile(pattern)  # names the bad expression in the error
        raise
    window = rule.params["window"]
    # Literal strings one of each must occur (case-folded) for any phrase to match: an article
    # without them is not scanned (checker.prefilter reads the source, conservatively).
    from checker.prefilter import literal_requirements
    from checker.regexcache import memo

    requirements = memo(("prefilter", 1, source), lambda: literal_requirements(source))
    # Each phrase on its own, with the boundaries around it (the alternation chooses the same
    # match: its boundaries are tried after each phrase in turn), and the literals it needs: an
    # article is scanned for the few phrases whose words it holds, not for all of them at every
    # position (``kinds.pattern.branch_matches`` merges their matches as the alternation would).
    branches = None
    if len(patterns) > 1 and all(can_split(x) for x in patterns):
        branches = Branches([r"(?<![\p{L}\p{N}])(?:" + x + r")(?![\p{L}\p{N}])" for x in patterns], regex.IGNORECASE)

    def matches(doc: Document, prose: str) -> Iterable[regex.Match[str]]:
        if branches is not None:
            found = branches.matches(prose, doc)
            if found is not None:
                return found
        return joined.finditer(prose, timeout=5.0)

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        if requirements and not may_occur(requirements, doc):
            return
        prose = doc.prose
        n = len(prose)
        last = -1
        for m in matches(doc, prose):
            start, end = m.span()
            if start < last:
                continue
            # Back to the sentence's start: a sentence end followed by a space, or the line's start.
            lo = max(0, start - window)
            s = start
            while s > lo:
                c = prose[s - 1]
                if c == "\n" or (c.isspace() and s >= 2 and prose[s - 2] in _END):
                    break
                s -= 1
            while s < start and prose[s].isspace():
                s += 1
            hi = min(n, end + window)
            e = end
            while e < hi and prose[e] != "\n":
                if prose[e] in _END and (e + 1 >= n or prose[e + 1].isspace()):
                    e += 1
                    break
                e += 1
            while e > end and prose[e - 1].isspace():
                e -= 1
            last = e
            yield Hit(s, e, confidence=0.8)

    return check
