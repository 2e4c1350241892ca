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
from checker.kinds._phrases import compile_exceptions, guarded_spans
from checker.kinds._spans import Guard
from checker.rules import Rule, param

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
    if isinstance(group, int) and group > pattern.groups:
        raise ValueError(f"group {group} does not exist in the pattern")
    if isinstance(group, str) and group not in pattern.groupindex:
        raise ValueError(f"group {group!r} does not exist in the pattern")
    needs = required_literals(p["pattern"])

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        text = doc.prose
        if needs and not holds(needs, doc):
            return  # a literal that every match contains is missing: no match is possible
        guard: Guard | None = None  # the exceptions are scanned at the first match
        for m in pattern.finditer(text, timeout=_TIMEOUT):
            start, end = m.span(group)
            if start < 0 or start == end:
                continue
            if exceptions and guard is None:
                guard = Guard(guarded_spans(text, exceptions))
            if guard is not None and guard.covers(start, end):
                continue
            suggestions = (m.expand(replacement),) if replacement is not None else ()
            yield Hit(start, end, suggestions)

    return check


def _fold(text: str) -> str:
    """Case-folded, with the Turkish dotted and dotless i read as i (``regex`` matches ``I`` with
    ``ı`` and ``İ`` with ``i`` when ignoring case, which case folding alone does not)."""
    return text.casefold().replace("ı", "i").replace("\u0307", "")


def required_literals(pattern: str) -> tuple[tuple[str, ...], ...]:
    """The literal requirements of `pattern` (``checker.prefilter``: each a tuple of strings one of
    which occurs, folded, in every match), kept in the pattern store between runs."""
    from checker.prefilter import literal_requirements
    from checker.regexcache import memo

    found = memo(("prefilter", 1, pattern), lambda: literal_requirements(pattern))
    return tuple(tuple(_fold(k) for k in req) for req in found)


def holds(needs: tuple[tuple[str, ...], ...], doc: Document) -> bool:
    """Whether the document's prose, folded, holds one string of each requirement."""
    folded = doc.cache.get("pattern:folded-prose")
    if folded is None:
        folded = doc.cache["pattern:folded-prose"] = _fold(doc.prose)
    return all(any(k in folded for k in req) for req in needs)
