"""Kind ``pattern``: a regular expression (``regex`` syntax), with exceptions and an optional replacement.

params:
- ``pattern``: the expression; the reported span is ``group`` (0 = whole match).
- ``ignore_case``: match case-insensitively.
- ``exceptions``: expressions (compiled without ``ignore_case``; write ``(?i)`` if needed); a match
  lying inside a match of any of them is not reported (``Al Pacino`` as an exception to ``Al``).
- ``replacement``: a template (``\\1``, ``\\g<name>``) expanded into the suggestion.
- ``unless_document``: expressions (their own flags, as exceptions) that show a house style under
  which the pattern is no error: when one of them matches anywhere in the document, the rule
  reports nothing there (a wire dispatch whose dateline « (ANSA) - » shows that its feed types
  every dash as a spaced hyphen).
- ``min_zipf``: a match whose reported text is one word less frequent than this (Zipf) in the
  document's language is not reported: the doubled-word rules leave the reduplicated words of other
  languages alone (« boda boda », « leb leb »), which no machine glitch doubles.
"""

from __future__ import annotations

import functools
import time
from collections.abc import Callable, Iterable, Iterator, Sequence

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
    "unless_document": param(list, default=[], doc="expressions: one found anywhere in the document silences the rule there"),
    "min_zipf": param(float, int, default=None, doc="a reported word rarer than this in the document's language is skipped"),
}

_TIMEOUT = 5.0


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Compile the pattern and its exceptions once: now when the rule files are new (a bad
    expression or group is reported at once), else at the first document that holds every
    literal the pattern needs (rule files that built before, under ``trusted()``: most rules
    of a pack need a word that a given article lacks, and reading their compiled patterns,
    branches and exceptions from the pattern store was a fifth of what a one-article run read)."""
    from checker.prefilter import is_trusted

    p = rule.params
    flags = regex.IGNORECASE if p["ignore_case"] else 0
    group = p["group"]
    replacement = p["replacement"]
    min_zipf = p["min_zipf"]
    needs = required_literals(p["pattern"], strict=True)

    @functools.cache
    def make() -> tuple[regex.Pattern[str], Scan | StartScan | None, list[regex.Pattern[str]]]:
        # The pattern as written, or with a look-ahead in front when that finds its matches faster
        # (the same matches and groups; a pattern that does not compile raises here as written).
        pattern = regex.compile(faster_source(p["pattern"], flags), flags)
        # Exceptions carry their own flags ((?i) inline): the rule's ignore_case would make \p{Lu} match any letter.
        exceptions = compile_exceptions(p["exceptions"])
        keys = start_scan_keys(p["pattern"], flags)
        if keys is not None:
            return pattern, StartScan(pattern, keys), exceptions
        branches = None
        if group == 0 or isinstance(group, str):
            if replacement is None or not _NUMBERED_REF.search(replacement):
                branches = branch_sources(p["pattern"], flags)
        return pattern, Scan(pattern, Branches(branches, flags)) if branches else None, exceptions

    @functools.cache
    def house() -> list[regex.Pattern[str]]:
        return compile_exceptions(p["unless_document"])

    if not is_trusted():
        house()
        pattern = make()[0]
        if isinstance(group, int) and group > pattern.groups:
            raise ValueError(f"group {group} does not exist in the pattern")
        if isinstance(group, str) and group not in pattern.groupindex:
            raise ValueError(f"group {group!r} does not exist in the pattern")

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        text = doc.prose
        if needs and not holds(needs, doc):
            return  # a literal that every match contains is missing: no match is possible
        pattern, scan, exceptions = make()
        guard: Guard | None = None  # the exceptions are scanned at the first match
        found = scan.matches(text, doc) if scan is not None else pattern.finditer(text, timeout=_TIMEOUT)
        styled: bool | None = None  # the house styles are looked for at the first match
        for m in found:
            if styled is None:
                styled = any(h.search(text, timeout=_TIMEOUT) for h in house())
                if styled:
                    return
            start, end = m.span(group)
            if start < 0 or start == end:
                continue
            if exceptions and guard is None:
                guard = Guard(guarded_spans(text, exceptions))
            if guard is not None and guard.covers(start, end):
                continue
            if min_zipf is not None and _rare_word(text[start:end], ctx, min_zipf):
                continue
            suggestions = (m.expand(replacement),) if replacement is not None else ()
            yield Hit(start, end, suggestions)

    return check


def _rare_word(word: str, ctx: Context, min_zipf: float) -> bool:
    """Whether `word`, a single word, is rarer than `min_zipf` in the document's language and in
    English (a doubled English word in another language's page is still a doubled word)."""
    if not word.isalpha():
        return False
    from checker import lexicon

    lang = ctx.primary if ctx is not None else "en"
    return max(lexicon.zipf(word, lang), lexicon.zipf(word, "en")) < min_zipf


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

            # Read strictly (white space is literal, ``[ \u00a0]`` a set of strings): the sources
            # are compiled as written, unless in verbose mode.
            strict = not self.flags & regex.VERBOSE
            found = memo(("branch-literals", 3, strict, tuple(self.sources)),
                         lambda: [literal_requirements(s, strict=strict) for s in self.sources])
            self._needs = [tuple(_shortest(fold_literals(k) for k in req) for req in one) for one in found]
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
                    got = self._compiled[i] = regex.compile(faster_source(self.sources[i], self.flags), self.flags)
                except regex.error:
                    return None  # a branch that does not stand alone: the whole pattern decides
            live.append(got)
        if not any(b is not None for b in live):
            return []
        return branch_matches(live, text)


#: ``Document.cache`` key of the prose folded for ``StartScan`` (``prefilter.fold_text``).
FOLDED = "pattern:start-folded"


class StartScan:
    """The matches of a pattern tried only where one can begin: at the places where the
    document's folded prose (``prefilter.fold_text``) holds one of the keys every match begins
    with (``prefilter.match_start_keys``), found by one pass of an Aho-Corasick automaton.

    ``pattern.match`` at such a place sees the text before it (look-behinds, ``^``, ``\\b``), so
    trying the places left to right, each from the end of the last match on, finds what
    ``finditer`` finds: no match can begin anywhere else. A document whose folding changes its
    length (« İ »), or where the keys occur at more than one place in ``CROWDED`` characters,
    is scanned whole instead (each place would cost a call; the scan is never slower than that)."""

    #: A document with more key places than one per this many characters is scanned whole.
    CROWDED = 16

    __slots__ = ("pattern", "automaton")

    def __init__(self, pattern: regex.Pattern[str], keys: Iterable[str]) -> None:
        import ahocorasick

        self.pattern = pattern
        self.automaton = ahocorasick.Automaton()
        for key in keys:
            self.automaton.add_word(key, len(key) - 1)
        self.automaton.make_automaton()

    def matches(self, text: str, doc: Document) -> list[regex.Match[str]]:
        """The matches in `text`, `doc`'s prose (its folded form is kept for the other rules)."""
        folded = doc.cache.get(FOLDED, False)
        if folded is False:
            from checker.prefilter import fold_text

            # Once per document for every such rule (dropped after the last: CACHE_READERS).
            folded = doc.cache[FOLDED] = fold_text(text)
        return self.matches_folded(text, folded)

    def matches_folded(self, text: str, folded: str | None) -> list[regex.Match[str]]:
        """The matches in `text`, whose ``fold_text`` is `folded`."""
        if folded is None:
            return list(self.pattern.finditer(text, timeout=_TIMEOUT))
        places = {end - back for end, back in self.automaton.iter(folded)}
        if len(places) * self.CROWDED > len(text):
            return list(self.pattern.finditer(text, timeout=_TIMEOUT))
        out: list[regex.Match[str]] = []
        match = self.pattern.match
        pos = 0
        for start in sorted(places):
            if start < pos:
                continue
            m = match(text, start, timeout=_TIMEOUT)
            if m is not None:
                out.append(m)
                pos = m.end()
        return out


def start_scan_keys(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """The keys for a ``StartScan`` of `pattern` (``prefilter.match_start_keys``), when it finds
    the matches of ``_SAMPLE`` at least twice as fast as a scan of the whole text; else None.
    Decided once per pattern and ``regex`` version (the case tables the keys were read with)
    and kept in the pattern store: the choice changes the time of a scan, never its matches."""
    from checker.regexcache import memo

    def compute() -> frozenset[str] | None:
        from checker.prefilter import fold_text, match_start_keys

        keys = match_start_keys(pattern)
        if keys is None:
            return None
        try:
            whole = regex.compile(faster_source(pattern, flags), flags)
        except regex.error:
            return None
        starts = StartScan(whole, keys)
        folded = fold_text(_SAMPLE)  # not timed: a document's folded prose serves every such rule
        best = _best_times(lambda: list(whole.finditer(_SAMPLE, timeout=_TIMEOUT)),
                           lambda: starts.matches_folded(_SAMPLE, folded))
        return keys if best[1] * 2 <= best[0] else None

    return memo(("pattern-start-scan", 3, regex.__version__, pattern, flags), compute)


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


def required_literals(pattern: str, strict: bool = False, max_set: int | None = None) -> tuple[tuple[str, ...], ...]:
    """The literal requirements of `pattern` (``checker.prefilter``: each a tuple of strings one of
    which occurs, folded, in every match), kept in the pattern store between runs. `strict`: the
    pattern is compiled as written (white space is literal, ``literal_requirements``); `max_set`:
    the most strings an alternation may give (check them with ``Requirements``)."""
    from checker.prefilter import literal_requirements
    from checker.regexcache import memo

    def compute() -> tuple[tuple[str, ...], ...]:
        if max_set is not None:
            found = literal_requirements(pattern, strict=True, max_set=max_set)
        else:
            found = literal_requirements(pattern, strict=strict)
        return tuple(_shortest(fold_literals(k) for k in req) for req in found)

    # Read, folded and pruned once per cache (a slot's requirement of thousands of words costs
    # milliseconds to prune): one entry of the store, the final answer.
    return memo(("required-literals", 1, strict, max_set, pattern), compute)


class Requirements:
    """Literal requirements (``required_literals``) tested on a document's folded prose: a
    requirement of a few strings by substring search, one of many strings (a slot of a
    thousand words) by one pass of an Aho-Corasick automaton that stops at the first found."""

    #: From this many strings a requirement is searched with an automaton.
    MANY = 16

    __slots__ = ("few", "many")

    def __init__(self, needs: tuple[tuple[str, ...], ...]) -> None:
        from checker.prefilter import _automaton

        self.few = tuple(req for req in needs if len(req) < self.MANY)
        self.many = tuple(_automaton(req) for req in needs if len(req) >= self.MANY)

    def __bool__(self) -> bool:
        return bool(self.few or self.many)

    def held(self, doc: Document) -> bool:
        """Whether `doc`'s prose, folded, holds one string of each requirement."""
        if not holds(self.few, doc):
            return False
        folded = doc.cache["pattern:folded-prose"]  # set by holds()
        return all(next(automaton.iter(folded), None) is not None for automaton in self.many)


def _shortest(keys: Iterable[str]) -> tuple[str, ...]:
    """`keys` without those that hold another of them (« - » holds « -»: when the text lacks
    « -» it lacks « - »), so that the test of a requirement reads the text fewer times."""
    out: list[str] = []
    for k in sorted(set(keys), key=lambda k: (len(k), k)):  # one order whatever the hash seed
        if not any(o in k for o in out):
            out.append(k)
    return tuple(out)


def holds(needs: tuple[tuple[str, ...], ...], doc: Document) -> bool:
    """Whether the document's prose, folded, holds one string of each requirement."""
    folded = doc.cache.get("pattern:folded-prose")
    if folded is None:
        folded = doc.cache["pattern:folded-prose"] = fold_literals(doc.prose)
    return all(any(k in folded for k in req) for req in needs)


class _NoAnchor(Exception):
    """A construct ``first_class`` does not read."""


#: Class escapes that may begin an anchor: digits, numbers, punctuation and symbols. Letters,
#: marks, white space, ``\w``, ``\S``, negations and ``.`` are in most positions of a text: an
#: anchor on them gains nothing (``regex`` tries such positions one by one anyway).
_NARROW_ESCAPE = regex.compile(r"\\(?:d|p\{(?:N[dlo]?|P[cdseifo]?|S[cmko]?)\}|x[0-9a-fA-F]{2}|u[0-9a-fA-F]{4}|U[0-9a-fA-F]{8}|N\{[^}]*\}|[^\w\s])")
#: Other escapes read: broad classes (a member of a set or an item), and named characters.
_BROAD_ESCAPE = regex.compile(r"\\(?:[pP]\{[^}]*\}|[pP][A-Za-z]|[wWsSDhHvVX]|[tnrfae]|0[0-7]{0,2})")
#: Escapes that match no character: boundaries and anchors.
_ZERO_WIDTH = frozenset("bBAZzmM")
#: A first member that is (or may be) a broad class: the pattern gets no anchor.
_BROAD = ""

_Firsts = tuple[list[str], bool]


class _FirstReader:
    """The reader of ``first_class``: the members (sources of set members, ``_BROAD`` for a broad
    one) a match's first character can be, and whether a match can be empty, over the grammar
    of ``regex`` without verbose mode. Constructs it does not read raise ``_NoAnchor``."""

    def __init__(self, pattern: str) -> None:
        self.p = pattern
        self.i = 0

    def peek(self) -> str:
        return self.p[self.i] if self.i < len(self.p) else ""

    def alternation(self) -> _Firsts:
        members, empty = self.sequence()
        while self.peek() == "|":
            self.i += 1
            more, more_empty = self.sequence()
            members += more
            empty = empty or more_empty
        return members, empty

    def sequence(self) -> _Firsts:
        members: list[str] = []
        empty = True  # every item so far can match the empty string
        while self.i < len(self.p) and self.peek() not in "|)":
            item, item_empty = self.quantified(self.atom())
            if empty:
                members += item
                empty = item_empty
        return members, empty

    def quantified(self, item: _Firsts) -> _Firsts:
        if self.peek() not in ("?", "*", "+", "{"):
            return item
        from checker.prefilter import _repeat_bounds, _Unknown

        try:
            lo, hi, self.i = _repeat_bounds(self.p, self.i)
        except _Unknown as exc:
            raise _NoAnchor from exc  # fuzzy constraints, a literal brace
        if self.peek() in ("?", "+"):
            self.i += 1  # lazy or possessive: the same first characters
        if hi == 0:
            return [], True
        return item[0], item[1] or lo == 0

    def atom(self) -> _Firsts:
        p, c = self.p, self.peek()
        if c == "(":
            return self.group()
        if c == "[":
            return [self.char_class()], False
        if c == "\\":
            e = p[self.i + 1 : self.i + 2]
            if e in _ZERO_WIDTH:
                self.i += 2
                return [], True
            m = _NARROW_ESCAPE.match(p, self.i)
            if m is not None:
                self.i = m.end()
                return [m.group()], False
            m = _BROAD_ESCAPE.match(p, self.i)
            if m is not None:
                self.i = m.end()
                return [_BROAD], False
            raise _NoAnchor  # back references, \G, \K, \L<…>, a bad escape
        if c in ("^", "$"):
            self.i += 1
            return [], True
        if c == ".":
            self.i += 1
            return [_BROAD], False
        if c in "*+?{}[]|()" or not c:
            raise _NoAnchor
        self.i += 1
        if c.isalpha() or c.isspace():
            return [_BROAD], False
        return [c if c.isalnum() else "\\" + c], False

    def group(self) -> _Firsts:
        p, i = self.p, self.i + 1
        zero_width = False
        if p.startswith("?", i):
            rest = p[i + 1 : i + 3]
            if rest.startswith(("=", "!")):
                i, zero_width = i + 2, True
            elif rest.startswith(("<=", "<!")):
                i, zero_width = i + 3, True
            elif rest.startswith((":", ">")):
                i += 2
            elif rest.startswith("P<") or (rest.startswith("<") and rest[1:2].isalpha()):
                end = p.find(">", i)
                if end < 0:
                    raise _NoAnchor
                i = end + 1
            else:
                raise _NoAnchor  # flags, conditionals, calls, recursion, comments, branch resets
        self.i = i
        members, empty = self.alternation()
        if self.peek() != ")":
            raise _NoAnchor
        self.i += 1
        return ([], True) if zero_width else (members, empty)

    def char_class(self) -> str:
        """A set: the text inside its brackets (``_BROAD`` for a negated set or a broad member)."""
        p, start = self.p, self.i + 1
        i = start
        broad = p.startswith("^", i)
        if p.startswith("]", i + broad):
            raise _NoAnchor  # a ] first: a member (not worth reading)
        while i < len(p) and p[i] != "]":
            if p[i] == "[" or p.startswith(("&&", "||", "--", "~~"), i):
                raise _NoAnchor  # a nested set, a POSIX class or a set operation
            if p[i] == "\\":
                m = _NARROW_ESCAPE.match(p, i)
                if m is None:
                    m = _BROAD_ESCAPE.match(p, i)
                    if m is None:
                        raise _NoAnchor
                    broad = True
                i = m.end()
            else:
                broad = broad or p[i].isalpha() or p[i].isspace()
                i += 1
        if i >= len(p):
            raise _NoAnchor
        self.i = i + 1
        return _BROAD if broad else p[start:i]


def first_class(pattern: str) -> str | None:
    """A character set (``[…]``) holding the first character of every match of `pattern`, or
    None: when the pattern can match the empty string, when a construct is not read (verbose
    mode, inline flags after the start, back references, conditionals…), or when a first
    character may be a letter or any character (``\\p{L}``, ``\\w``, ``.``, a negated set), which
    most positions of a text hold.

    ``regex`` scans fast for a pattern that begins with a character or a set, but a pattern
    that begins with a look-behind and then an alternation (``(?<![\\p{N}.,])(?:\\p{N}{1,3},…|…)``)
    is tried at every position: ``anchored`` puts a look-ahead on this set in front, which
    ``regex`` scans for first (ten to twenty times faster on such a pattern); the matches are
    the same, since a match can only begin where the set matches."""
    lead = _LEADING_FLAGS.match(pattern)
    if lead and "x" in lead.group(0):
        return None
    reader = _FirstReader(pattern[lead.end() if lead else 0 :])
    try:
        members, empty = reader.alternation()
    except (_NoAnchor, IndexError):
        return None
    if empty or not members or _BROAD in members or reader.i != len(reader.p):
        return None
    return "[" + "".join(_inside(m) for m in members) + "]"


def _inside(member: str) -> str:
    """A set's member text, joined with others: a hyphen at its ends escaped (``[a-]`` then
    ``z`` would read as a range)."""
    if member.startswith("-"):
        member = "\\" + member
    if member.endswith("-") and not member.endswith("\\-"):
        member = member[:-1] + "\\-"
    return member


def anchored(pattern: str) -> str:
    """`pattern` with a look-ahead on its ``first_class`` in front (after its leading flags),
    or `pattern` itself when it has none. Both find the same matches with the same groups.
    Kept in the pattern store (reading a pattern in Python costs more than looking it up)."""
    from checker.regexcache import memo

    return memo(("anchored", 1, pattern), lambda: _anchored(pattern))


def _anchored(pattern: str) -> str:
    first = first_class(pattern)
    if first is None:
        return pattern
    lead = _LEADING_FLAGS.match(pattern)
    cut = lead.end() if lead else 0
    return pattern[:cut] + "(?=" + first + ")" + pattern[cut:]


#: Prose to time a pattern on (``faster_source``): French news sentences with a few numbers.
_SAMPLE = (
    "Le gouvernement a présenté mardi un projet de loi sur l’énergie, qui prévoit 12 milliards "
    "d’euros d’investissements d’ici à 2030. « Nous devons accélérer », a déclaré la ministre lors "
    "d’une conférence de presse à Paris. Selon l’Insee, les prix ont augmenté de 3,5 % sur un an, "
    "après une hausse de 4,1 % en mars ; les syndicats, reçus à Matignon, demandent une revalorisation "
    "des salaires. L’opposition a dénoncé un texte « sans ambition » et annoncé le dépôt de 150 "
    "amendements. Le débat commencera le 14 mai à l’Assemblée nationale, où la majorité est relative.\n"
) * 4


def faster_source(pattern: str, flags: int = 0) -> str:
    """`pattern`, or its ``anchored`` form when that scans prose at least twice as fast.

    The look-ahead is not always a gain: ``regex`` already scans fast for a pattern whose
    branches begin alike or that needs a literal, and the look-ahead then costs a test at
    each candidate position (up to twice the time). So the two are timed on ``_SAMPLE``
    (the best of three, alternately; a pattern that scans it in under 20 µs is left as it
    is) and the decision is kept in the pattern store: it changes the time of a scan only,
    never its matches."""
    from checker.regexcache import memo

    def compute() -> str:
        candidate = anchored(pattern)
        if candidate == pattern:
            return pattern
        try:
            plain, fast = regex.compile(pattern, flags), regex.compile(candidate, flags)
        except regex.error:
            return pattern
        best = _best_times(lambda: list(plain.finditer(_SAMPLE, timeout=_TIMEOUT)),
                           lambda: list(fast.finditer(_SAMPLE, timeout=_TIMEOUT)))
        # A pattern scanned in under 20 µs is fast already (and its timing is mostly noise).
        return candidate if best[1] * 2 <= best[0] and best[0] >= 20e-6 else pattern

    return memo(("pattern-anchor", 2, pattern, flags), compute)


def _best_times(*scans: Callable[[], object]) -> list[float]:
    """The best of three timings of each of `scans` (run alternately, so that a slower moment of
    the machine falls on all of them): how the scan of ``_SAMPLE`` is chosen, once per pattern."""
    best = [float("inf")] * len(scans)
    for _ in range(3):
        for i, scan in enumerate(scans):
            started = time.perf_counter()
            scan()
            best[i] = min(best[i], time.perf_counter() - started)
    return best
