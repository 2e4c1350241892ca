"""Literal pre-filters for tables of patterns: compile an entry only when its words occur.

A glossary or sense table holds hundreds of small ``regex`` patterns; compiling them
all costs more than checking an article. Most entries need a literal word that an
article rarely contains (« opportunité », « adresser »). ``literal_keys`` reads a
pattern's source (without compiling it) and returns strings of which at least one
occurs, case-folded, in any text the pattern matches; ``LazyTable`` compiles an entry
the first time one of its keys occurs in an article, and an entry whose pattern
gives no key is compiled at once and always tried.

The keys are conservative: a pattern construct this reader does not understand gives
no key (the entry is then always tried), never a wrong one. Keys are compared with the
case-folded text by plain substring search (``str.__contains__``), so a key inside a
longer word is still a candidate; the pattern itself decides.

Rules whose files were built successfully before (``checker.rulecache``) are built
under ``trusted()``: their tables compile entries on first need. Otherwise every entry
is compiled when the rule is built, so that a bad row is reported at once.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Generic, TypeVar

T = TypeVar("T")

_SPECIAL = set("\\.^$*+?{}[]|()")
#: Characters the tables' patterns do not match literally (``_body`` in the glossary kind
#: turns a space into any white space and ``'`` into any apostrophe).
_BREAK = set(" \t\n\r\u00a0\u202f'’\u02bc")
_ZERO_WIDTH_ESCAPES = set("bBAZzG")
#: The most strings an exact set may hold before it is given up (cross products grow fast).
_MAX_SET = 64
#: From this many keys a table is searched with one automaton rather than key by key.
_AUTOMATON_MIN_KEYS = 24

_TRUSTED = [False]


@contextmanager
def trusted() -> Iterator[None]:
    """Within this block, tables may compile their entries on first need (the rule files built before)."""
    before = _TRUSTED[0]
    _TRUSTED[0] = True
    try:
        yield
    finally:
        _TRUSTED[0] = before


def is_trusted() -> bool:
    """True inside ``trusted()``."""
    return _TRUSTED[0]


class _Unknown(Exception):
    """A construct this reader does not handle: the pattern gets no key."""


# A node's summary: (exact, required). `exact` is the finite set of strings the node can
# match (None: unknown or too many); `required` a set of strings one of which occurs in
# every match (None: nothing is required).
_Info = tuple[frozenset[str] | None, frozenset[str] | None]
_EMPTY: _Info = (frozenset({""}), None)
_ANY: _Info = (None, None)


def _req_of(info: _Info) -> frozenset[str] | None:
    exact, req = info
    if exact is not None:
        return None if "" in exact else exact
    return req


def _better(a: frozenset[str] | None, b: frozenset[str] | None) -> frozenset[str] | None:
    """The more selective of two requirements (longer shortest key, then fewer keys)."""
    if a is None:
        return b
    if b is None:
        return a
    ka, kb = (min(map(len, a)), -len(a)), (min(map(len, b)), -len(b))
    return a if ka >= kb else b


class _Reader:
    def __init__(self, pattern: str) -> None:
        self.p = pattern
        self.i = 0
        #: Nesting depth of groups and alternations: only top-level requirements all hold.
        self.depth = 0
        self.conjuncts: list[frozenset[str]] = []

    def peek(self) -> str:
        return self.p[self.i] if self.i < len(self.p) else ""

    def alternation(self) -> _Info:
        start = len(self.conjuncts)
        branches = [self.sequence()]
        while self.peek() == "|":
            self.depth += 1  # the branches' requirements hold only for their own branch
            self.i += 1
            branches.append(self.sequence())
            self.depth -= 1
        if len(branches) > 1:
            del self.conjuncts[start:]
        if len(branches) == 1:
            return branches[0]
        exact: frozenset[str] | None = frozenset()
        for e, _ in branches:
            exact = None if e is None or exact is None else exact | e
        if exact is not None and len(exact) > _MAX_SET:
            exact = None
        reqs = [_req_of(b) for b in branches]
        req = None if any(r is None for r in reqs) else frozenset().union(*reqs)  # type: ignore[arg-type]
        return exact, req

    def sequence(self) -> _Info:
        run: frozenset[str] | None = frozenset({""})  # exact strings of the current run of exact items
        best: frozenset[str] | None = None
        whole_exact = True
        while self.i < len(self.p) and self.peek() not in "|)":
            item = self.quantified(self.atom())
            exact = item[0]
            if exact is not None and run is not None and len(run) * len(exact) <= _MAX_SET:
                run = frozenset(a + b for a in run for b in exact)
                continue
            self._note(_req_of((run, None)) if run is not None else None)
            self._note(_req_of(item))
            best = _better(best, _req_of((run, None)) if run is not None else None)
            best = _better(best, _req_of(item))
            whole_exact = False
            run = exact if exact is not None else frozenset({""})
        best = _better(best, _req_of((run, None)) if run is not None else None)
        if not whole_exact:
            self._note(_req_of((run, None)) if run is not None else None)
        return (run if whole_exact else None), best

    def _note(self, req: frozenset[str] | None) -> None:
        """A requirement of a sequence at the pattern's top level (all of them must hold)."""
        if req is not None and self.depth == 0:
            self.conjuncts.append(req)

    def quantified(self, info: _Info) -> _Info:
        c = self.peek()
        if c not in ("?", "*", "+", "{"):
            return info
        if c == "{":
            end = self.p.find("}", self.i)
            body = self.p[self.i + 1 : end] if end > 0 else ""
            lo_s, comma, hi_s = body.partition(",")
            if end < 0 or not (lo_s.isdigit() or (lo_s == "" and comma)) or not (hi_s.isdigit() or hi_s == ""):
                raise _Unknown("brace")  # fuzzy constraints ({e<=1}) or a literal brace
            lo = int(lo_s) if lo_s else 0
            hi = int(hi_s) if hi_s else (lo if not comma else None)
            self.i = end + 1
        else:
            self.i += 1
            lo, hi = (0, 1) if c == "?" else (0, None) if c == "*" else (1, None)
        if self.peek() in ("?", "+"):
            self.i += 1  # lazy or possessive: the same strings
        exact, _ = info
        if hi == 0:
            return _EMPTY
        if lo == 0:
            if hi == 1 and exact is not None:
                return exact | {""}, None
            return _ANY
        if exact is not None and lo == hi and len(exact) ** lo <= _MAX_SET:
            out = frozenset({""})
            for _ in range(lo):
                out = frozenset(a + b for a in out for b in exact)
            return out, None
        return None, _req_of(info)

    def atom(self) -> _Info:
        c = self.peek()
        if c == "(":
            return self.group()
        if c == "[":
            self.char_class()
            return _ANY
        if c == "\\":
            return self.escape()
        if c in ("^", "$"):
            self.i += 1
            return _EMPTY
        if c == ".":
            self.i += 1
            return _ANY
        if c in _SPECIAL:
            raise _Unknown(c)
        self.i += 1
        return _ANY if c in _BREAK else (frozenset({c}), None)

    def group(self) -> _Info:
        p, i = self.p, self.i + 1
        zero_width = False
        if p.startswith("?", i):
            rest = p[i + 1 :]
            if rest.startswith(("=", "!")):
                i, zero_width = i + 2, True
            elif rest.startswith(("<=", "<!")):
                i, zero_width = i + 3, True
            elif rest.startswith((":", ">", "|")):
                i += 2
            elif rest.startswith(("P<", "<")):
                end = p.find(">", i)
                if end < 0:
                    raise _Unknown("group name")
                i = end + 1
            else:
                j = i + 1
                while j < len(p) and (p[j].isalpha() or p[j] == "-"):
                    j += 1
                flags = p[i + 1 : j]
                if j == i + 1 or j >= len(p) or p[j] not in ":)" or "x" in flags or "V" in flags:
                    raise _Unknown("group")
                if p[j] == ")":
                    self.i = j + 1
                    return _EMPTY  # inline flags: matches nothing itself
                i = j + 1
        self.i = i
        self.depth += 1
        inner = self.alternation()
        self.depth -= 1
        if self.peek() != ")":
            raise _Unknown("unbalanced")
        self.i += 1
        return _EMPTY if zero_width else inner

    def char_class(self) -> None:
        p, i = self.p, self.i + 1
        if p.startswith("^", i):
            i += 1
        if p.startswith("]", i):
            i += 1
        while i < len(p):
            if p[i] == "\\":
                i += 2
            elif p.startswith("[:", i):
                end = p.find(":]", i + 2)
                if end < 0:
                    raise _Unknown("posix")
                i = end + 2
            elif p[i] == "[":
                raise _Unknown("nested set")
            elif p[i] == "]":
                self.i = i + 1
                return
            else:
                i += 1
        raise _Unknown("unterminated set")

    def escape(self) -> _Info:
        p, i = self.p, self.i
        if i + 1 >= len(p):
            raise _Unknown("trailing backslash")
        c = p[i + 1]
        self.i = i + 2
        if not c.isalnum():
            return _ANY if c in _BREAK else (frozenset({c}), None)
        if c in _ZERO_WIDTH_ESCAPES:
            return _EMPTY
        if c in "pPNx" and p.startswith("{", self.i):
            end = p.find("}", self.i)
            if end < 0:
                raise _Unknown("escape")
            self.i = end + 1
        elif c in "gL" and p.startswith("<", self.i):
            end = p.find(">", self.i)
            if end < 0:
                raise _Unknown("escape")
            self.i = end + 1
        elif c in "xuU":
            self.i += {"x": 2, "u": 4, "U": 8}[c]
        elif c.isdigit():
            while self.i < len(p) and p[self.i].isdigit():
                self.i += 1
        return _ANY


def literal_keys(pattern: str) -> tuple[str, ...] | None:
    """Case-folded strings one of which occurs in every match of `pattern`; None when unknown.

    Only the plain letters, digits and escaped punctuation of the pattern are read as
    literals; white space and apostrophes (which the tables match loosely) break them.
    """
    found = literal_requirements(pattern)
    return found[0] if found else None


def literal_requirements(pattern: str) -> tuple[tuple[str, ...], ...]:
    """Every literal requirement of `pattern`, the most selective first: each is a tuple of
    case-folded strings one of which occurs in every match. Empty when nothing is known."""
    try:
        reader = _Reader(pattern)
        info = reader.alternation()
        if reader.i != len(pattern):
            return ()
    except (_Unknown, IndexError, ValueError):
        return ()
    best = _req_of(info)
    if not best:
        return ()
    out: list[tuple[str, ...]] = []
    for req in [best, *reader.conjuncts]:
        keys = tuple(sorted({k.casefold() for k in req}))
        if keys and all(keys) and keys not in out:
            out.append(keys)
    return tuple(out)


_Index = tuple[tuple[tuple[tuple[str, ...], ...], ...], tuple[int, ...], dict[str, tuple[int, ...]]]


def _index_of(sources: Sequence[str]) -> _Index:
    """Per entry its literal requirements, the entries without one, and key -> entries."""
    from checker.regexcache import memo

    requirements = tuple(memo(("prefilter", 1, s), lambda s=s: literal_requirements(s)) for s in sources)  # type: ignore[misc]
    always = tuple(i for i, reqs in enumerate(requirements) if not reqs)
    by_key: dict[str, list[int]] = {}
    for i, reqs in enumerate(requirements):
        for k in reqs[0] if reqs else ():
            by_key.setdefault(k, []).append(i)
    return requirements, always, {k: tuple(v) for k, v in by_key.items()}


def _table_index(sources: tuple[str, ...]) -> _Index:
    """``_index_of(sources)``, kept in the pattern store as one entry per table (under a digest of
    the sources): a later process reads one pickle instead of one per row."""
    from checker import regexcache

    if not regexcache.is_active():
        return _index_of(sources)
    import hashlib

    digest = hashlib.blake2b("\0".join(sources).encode("utf-8", "surrogatepass"), digest_size=20).hexdigest()
    return regexcache.memo(("prefilter-table", 1, len(sources), digest), lambda: _index_of(sources))


class LazyTable(Generic[T]):
    """Entries compiled on first need, behind their literal keys (see the module's docstring)."""

    def __init__(self, rows: Sequence[tuple[str, ...]], key_source: Callable[[tuple[str, ...]], str],
                 compile_row: Callable[[tuple[str, ...]], T], *, eager: bool | None = None) -> None:
        self.rows = tuple(rows)
        self._compile = compile_row
        self._compiled: dict[int, T] = {}
        #: Per entry, its literal requirements (all must hold; one string of each occurs).
        self.requirements: tuple[tuple[tuple[str, ...], ...], ...]
        #: Entries without a key: always candidates.
        self.always: tuple[int, ...]
        self.requirements, self.always, self._by_key = _table_index(tuple(key_source(r) for r in self.rows))
        self._automaton: Any = None  # built at the first article (see _keys_in)
        if eager if eager is not None else not is_trusted():
            for i in range(len(self.rows)):
                self.entry(i)

    def __len__(self) -> int:
        return len(self.rows)

    def entry(self, i: int) -> T:
        """Entry `i`, compiled now if it was not yet."""
        got = self._compiled.get(i)
        if got is None:
            got = self._compiled[i] = self._compile(self.rows[i])
        return got

    def _keys_in(self, folded: str) -> set[str] | Iterable[str]:
        """The keys that occur in `folded`. A table of many keys is searched with one Aho-Corasick
        automaton (pyahocorasick: one pass over the text reports every occurrence of every key,
        overlapping ones included) instead of one substring search per key; a small one key by key."""
        if len(self._by_key) < _AUTOMATON_MIN_KEYS:
            return [k for k in self._by_key if k in folded]
        automaton = self._automaton
        if automaton is None:
            import ahocorasick

            automaton = ahocorasick.Automaton()
            for key in self._by_key:
                if key:
                    automaton.add_word(key, key)
            automaton.make_automaton()
            self._automaton = automaton
        found = {key for _end, key in automaton.iter(folded)}
        if "" in self._by_key:
            found.add("")  # the empty string occurs in every text
        return found

    def candidates(self, text: str) -> list[int]:
        """Indices (in table order) of the entries that may match somewhere in `text`."""
        folded = text.casefold()
        found = set(self.always)
        by_key = self._by_key
        for key in self._keys_in(folded):
            found.update(by_key[key])
        reqs = self.requirements
        return sorted(
            i for i in found if all(any(k in folded for k in req) for req in reqs[i][1:])
        )
