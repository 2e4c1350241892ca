"""Kind ``pattern``: a regular expression (``regex`` syntax), with exceptions and an optional replacement.

params:
- ``pattern``: the expression; the reported span is ``group`` (0 = whole match).
- ``ignore_case``: match case-insensitively.
- ``exceptions``: expressions (compiled without ``ignore_case``; write ``(?i)`` if needed); a match
  lying inside a match of any of them is not reported (``Al Pacino`` as an exception to ``Al``).
- ``replacement``: a template (``\\1``, ``\\g<name>``) expanded into the suggestion.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence

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
    branches = None
    if group == 0 or isinstance(group, str):
        if replacement is None or not _NUMBERED_REF.search(replacement):
            branches = branch_sources(p["pattern"], flags)
    scan = Scan(pattern, Branches(branches, flags)) if branches else None

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        text = doc.prose
        if needs and not holds(needs, doc):
            return  # a literal that every match contains is missing: no match is possible
        guard: Guard | None = None  # the exceptions are scanned at the first match
        found = scan.matches(text, doc) if scan is not None else pattern.finditer(text, timeout=_TIMEOUT)
        for m in found:
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


_NUMBERED_REF = regex.compile(r"\\(?:[1-9]|g<\d+>)")
#: What a branch may not hold for the split to keep the pattern's meaning: global flags other
#: than a leading group, verbose mode, conditionals, numbered back references, branch resets,
#: version flags, recursion and calls of groups, \\G (the previous match's end).
_UNSPLITTABLE = regex.compile(r"\\G|\(\?[a-zA-Z-]*\)|\(\?\(|\\[1-9]|\\g<\d|\(\?\||\(\?V|\(\?[a-zA-Z-]*x[a-zA-Z-]*[:)]|\(\?(?:R|\d|&|[+-]\d|P>)")
_LEADING_FLAGS = regex.compile(r"^\(\?[aiLmsuwf]+\)")


def can_split(pattern: str) -> bool:
    """Whether `pattern` holds nothing that would make it mean another thing cut out of (or
    joined into) an alternation: global flags, verbose mode, numbered references… (``_UNSPLITTABLE``)."""
    return _UNSPLITTABLE.search(pattern) is None


def branch_sources(pattern: str, flags: int = 0) -> list[str] | None:
    """The top-level alternatives of `pattern`, as patterns of their own, when scanning for each
    separately is worth it and finds exactly what the whole pattern finds; None otherwise.

    ``regex`` scans for an alternation whose branches start with a look-behind by trying every
    branch at every position of the text; a branch alone is found by a fast scan for what it
    must start with. A rule whose pattern is such an alternation (units, dates, placeholders
    written as one expression) then costs ten to a hundred times a scan of the text.
    ``branch_matches`` merges the branches' matches as the alternation would choose them."""
    from checker.regexcache import memo

    def compute() -> list[str] | None:
        lead = _LEADING_FLAGS.match(pattern)
        prefix = lead.group(0) if lead else ""
        body = pattern[len(prefix):]
        if not can_split(body):
            return None
        parts = _top_level(body)
        if parts is None or len(parts) < 2 or not any(b.startswith(("(?<", "(?=", "(?!")) for b in parts):
            return None
        sources = [prefix + b for b in parts]
        try:
            names = set(regex.compile(pattern, flags).groupindex)
            for i, source in enumerate(sources):
                # a named back reference to another branch fails here
                missing = names - set(regex.compile(source, flags).groupindex)
                # the whole pattern's other named groups, never taking part (as in the whole
                # pattern's match by this branch): the reported group and the replacement's
                # references stay valid
                sources[i] = source + "".join(f"(?:(?P<{name}>(?!)))?" for name in sorted(missing))
                regex.compile(sources[i], flags)
        except regex.error:
            return None
        return sources

    return memo(("pattern-branches", 2, pattern, flags), compute)


def _top_level(body: str) -> list[str] | None:
    """`body` cut at its top-level ``|`` (escapes, character classes and groups respected)."""
    parts: list[str] = []
    depth = 0
    start = 0
    i = 0
    n = len(body)
    while i < n:
        c = body[i]
        if c == "\\":
            i += 2
            continue
        if c == "[":
            i += 1
            if i < n and body[i] == "^":
                i += 1
            if i < n and body[i] == "]":
                i += 1  # a ] first in a class is a member
            while i < n and body[i] != "]":
                if body[i] == "[":
                    return None  # a nested set (or a literal [ in one): not worth reading further
                i += 2 if body[i] == "\\" else 1
            if i >= n:
                return None
        elif c == "(":
            depth += 1
        elif c == ")":
            depth -= 1
            if depth < 0:
                return None
        elif c == "|" and depth == 0:
            parts.append(body[start:i])
            start = i + 1
        i += 1
    if depth != 0:
        return None
    parts.append(body[start:])
    return parts


def branch_matches(branches: Sequence[regex.Pattern[str] | None], text: str) -> list[regex.Match[str]] | None:
    """The matches the alternation of `branches` would find, left to right without overlap: at
    the first position where some branch matches, the first such branch wins, and the scan goes
    on from the end of its match (each branch's next match is kept until the scan passes its
    start; a look-behind sees the text before the scan position, as in the whole pattern's scan).
    None when a branch matches the empty string: the caller scans with the whole pattern.

    A branch given as None cannot match anywhere in `text` (a literal it needs is missing): it
    is not scanned."""
    pending = [b.search(text, 0, timeout=_TIMEOUT) if b is not None else None for b in branches]
    out: list[regex.Match[str]] = []
    pos = 0
    while True:
        best: regex.Match[str] | None = None
        for i, m in enumerate(pending):
            if m is not None and m.start() < pos:
                m = pending[i] = branches[i].search(text, pos, timeout=_TIMEOUT)  # type: ignore[union-attr]
            if m is not None and (best is None or m.start() < best.start()):
                best = m
        if best is None:
            return out
        if best.end() == best.start():
            return None
        out.append(best)
        pos = best.end()


class Branches:
    """An alternation's branches (``branch_sources``) with the literals each needs, read from the
    pattern store in one piece and compiled one by one, the first time a document holds a
    branch's literals: a short article compiles the few branches it can meet, not all of them."""

    __slots__ = ("sources", "flags", "_needs", "_compiled")

    def __init__(self, sources: list[str], flags: int = 0) -> None:
        self.sources = sources
        self.flags = flags
        self._needs: list[tuple[tuple[str, ...], ...]] | None = None
        self._compiled: list[regex.Pattern[str] | None] = [None] * len(sources)

    @property
    def needs(self) -> list[tuple[tuple[str, ...], ...]]:
        """Each branch's literal requirements (``required_literals``), folded."""
        if self._needs is None:
            from checker.prefilter import literal_requirements
            from checker.regexcache import memo

            found = memo(("branch-literals", 1, tuple(self.sources)),
                         lambda: [literal_requirements(s) for s in self.sources])
            self._needs = [tuple(tuple(fold_literals(k) for k in req) for req in one) for one in found]
        return self._needs

    def matches(self, text: str, doc: Document) -> list[regex.Match[str]] | None:
        """``branch_matches`` over the branches whose literals `doc`'s prose holds (`text` is that
        prose); None when a branch matches the empty string (scan with the whole pattern)."""
        live: list[regex.Pattern[str] | None] = []
        for i, needs in enumerate(self.needs):
            if needs and not holds(needs, doc):
                live.append(None)
                continue
            got = self._compiled[i]
            if got is None:
                try:
                    got = self._compiled[i] = regex.compile(self.sources[i], self.flags)
                except regex.error:
                    return None  # a branch that does not stand alone: the whole pattern decides
            live.append(got)
        if not any(b is not None for b in live):
            return []
        return branch_matches(live, text)


class Scan:
    """The matches of a pattern that splits into branches, found the faster of two ways.

    Which is faster depends on the branches (``regex`` scans some alternations fast, others
    at every position), so the first documents alternate between the whole pattern and the
    merged branches, and from then on the way with the lower cost per character is kept.
    Both find the same matches (``branch_matches``): only the time depends on the choice."""

    TRIALS = 6

    __slots__ = ("pattern", "branches", "seconds", "chars", "trials", "split")

    def __init__(self, pattern: regex.Pattern[str], branches: Branches) -> None:
        self.pattern = pattern
        self.branches = branches
        self.seconds = [0.0, 0.0]  # whole pattern, branches
        self.chars = [0, 0]
        self.trials = 0
        self.split: bool | None = None

    def matches(self, text: str, doc: Document) -> list[regex.Match[str]]:
        """The matches in `text`, `doc`'s prose (its folded text gates the branches)."""
        split = self.split
        if split is None:
            split = self.trials % 2 == 0
            started = time.perf_counter()
        found = None
        if split:
            found = self.branches.matches(text, doc)
        if found is None:
            found = list(self.pattern.finditer(text, timeout=_TIMEOUT))
        if self.split is None:
            self.seconds[split] += time.perf_counter() - started
            self.chars[split] += len(text) + 1
            self.trials += 1
            if self.trials >= self.TRIALS:
                whole, parts = (self.seconds[i] / self.chars[i] for i in (0, 1))
                self.split = parts <= whole
        return found


def fold_literals(text: str) -> str:
    """Case-folded, with the Turkish dotted and dotless i read as i (``regex`` matches ``I`` with
    ``ı`` and ``İ`` with ``i`` when ignoring case, which case folding alone does not)."""
    return text.casefold().replace("ı", "i").replace("\u0307", "")


def required_literals(pattern: str) -> tuple[tuple[str, ...], ...]:
    """The literal requirements of `pattern` (``checker.prefilter``: each a tuple of strings one of
    which occurs, folded, in every match), kept in the pattern store between runs."""
    from checker.prefilter import literal_requirements
    from checker.regexcache import memo

    found = memo(("prefilter", 1, pattern), lambda: literal_requirements(pattern))
    return tuple(tuple(fold_literals(k) for k in req) for req in found)


def holds(needs: tuple[tuple[str, ...], ...], doc: Document) -> bool:
    """Whether the document's prose, folded, holds one string of each requirement."""
    folded = doc.cache.get("pattern:folded-prose")
    if folded is None:
        folded = doc.cache["pattern:folded-prose"] = fold_literals(doc.prose)
    return all(any(k in folded for k in req) for req in needs)
