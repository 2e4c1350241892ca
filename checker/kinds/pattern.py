"""Kind ``pattern``: a regular expression (``regex`` syntax), with exceptions and an optional replacement.

params:
- ``pattern``: the expression; the reported span is ``group`` (0 = whole match).
- ``ignore_case``: match case-insensitively.
- ``exceptions``: expressions (compiled without ``ignore_case``; write ``(?i)`` if needed); a match
  lying inside a match of any of them is not reported (``Al Pacino`` as an exception to ``Al``).
- ``replacement``: a template (``\\1``, ``\\g<name>``) expanded into the suggestion.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.kinds._phrases import compile_exceptions, guarded_spans, inside
from checker.rules import Rule, param
from checker.wordarrays import may_occur

NAME = "pattern"
PARAMS = {
    "pattern": param(str, required=True, doc="regular expression (regex module syntax)"),
    "group": param(int, str, default=0, doc="group whose span is reported"),
    "ignore_case": param(bool, default=False),
    "exceptions": param(list, default=[], doc="expressions whose matches are never reported inside"),
    "replacement": param(str, default=None, doc="suggestion template; \\1 and \\g<name> expand"),
}

_TIMEOUT = 5.0


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Compile the pattern and its exceptions once."""
    p = rule.params
    flags = regex.IGNORECASE if p["ignore_case"] else 0
    pattern = regex.compile(p["pattern"], flags)
    # Exceptions carry their own flags ((?i) inline): the rule's ignore_case would make \p{Lu} match any letter.
    exceptions = compile_exceptions(p["exceptions"])
    group = p["group"]
    replacement = p["replacement"]
    # Literal strings one of each must occur (case-folded) for the pattern to match at all: an
    # article without them is not scanned (checker.prefilter reads the source, conservatively).
    from checker.prefilter import literal_requirements
    from checker.regexcache import memo

    source = p["pattern"]
    requirements = memo(("prefilter", 1, source), lambda: literal_requirements(source))
    if isinstance(group, int) and group > pattern.groups:
        raise ValueError(f"group {group} does not exist in the pattern")
    if isinstance(group, str) and group not in pattern.groupindex:
        raise ValueError(f"group {group!r} does not exist in the pattern")

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        if requirements and not may_occur(requirements, doc):
            return
        text = doc.prose
        guarded: list[tuple[int, int]] | None = None if exceptions else []  # scanned at the first match
        for m in pattern.finditer(text, timeout=_TIMEOUT):
            start, end = m.span(group)
            if start < 0 or start == end:
                continue
            if guarded is None:
                guarded = guarded_spans(text, exceptions)
            if guarded and inside(start, end, guarded):
                continue
            suggestions = (m.expand(replacement),) if replacement is not None else ()
            yield Hit(start, end, suggestions)

    return check
