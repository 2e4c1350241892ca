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

import re
from collections.abc import Callable, Iterable, Iterator, KeysView, Mapping, Sequence
from contextlib import contextmanager
from operator import itemgetter
from typing import Any, Generic, TypeVar

from checker.memo import Pool
from checker.wordlists import TableRows

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

#: The most compiled entries a table keeps (an entry forgotten is made again from the pattern
#: store when an article needs it; an archive of articles meets more entries with every article).
ROWS_KEPT = 160

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


def _ascii_digits(s: str) -> bool:
    return s.isascii() and s.isdigit()


def _repeat_bounds(p: str, i: int) -> tuple[int, int | None, int]:
    """The bounds of the quantifier at ``p[i]`` (``?``, ``*``, ``+`` or ``{lo,hi}``: None for no
    upper bound) and the index after it; both pattern readers of this module use it."""
    c = p[i]
    if c == "?":
        return 0, 1, i + 1
    if c == "*":
        return 0, None, i + 1
    if c == "+":
        return 1, None, i + 1
    end = p.find("}", i)
    lo_s, comma, hi_s = p[i + 1 : end].partition(",") if end > 0 else ("x", "", "")
    # ASCII digits only: ``regex`` reads « {²} » or « {٣} » as literal text, not as a count.
    if not (_ascii_digits(lo_s) or (lo_s == "" and comma)) or not (_ascii_digits(hi_s) or hi_s == ""):
        raise _Unknown("brace")  # fuzzy constraints ({e<=1}) or a literal brace
    lo = int(lo_s) if lo_s else 0
    return lo, (int(hi_s) if hi_s else (lo if not comma else None)), end + 1


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


def _set_end(p: str, i: int) -> int:
    """The index just after the set that opens at ``p[i] == "["`` (a ``^`` and then a ``]`` first
    are members; POSIX classes are read whole). A nested set raises ``_Unknown``, as does a set
    left open: both pattern readers of this module read sets with it."""
    i += 1
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
            return i + 1
        else:
            i += 1
    raise _Unknown("unterminated set")


class _Reader:
    def __init__(self, pattern: str, strict: bool = False, max_set: int = _MAX_SET) -> None:
        self.p = pattern
        self.i = 0
        #: The most strings an alternation's exact set may hold (a slot of many words).
        self.max_set = max_set
        #: Strict reading (patterns matched as written, not the tables' loose bodies): white
        #: space and apostrophes are literals, and a small set of plain characters (``[ \u00a0]``)
        #: is the set of its characters.
        self.strict = strict
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
        if exact is not None and len(exact) > self.max_set:
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
        lo, hi, self.i = _repeat_bounds(self.p, self.i)
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
            start = self.i
            self.char_class()
            return _class_members(self.p[start : self.i]) if self.strict else _ANY
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
        return _ANY if c in _BREAK and not self.strict else (frozenset({c}), None)

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
        self.i = _set_end(self.p, self.i)

    def escape(self) -> _Info:
        p, i = self.p, self.i
        if i + 1 >= len(p):
            raise _Unknown("trailing backslash")
        c = p[i + 1]
        self.i = i + 2
        if not c.isalnum():
            return _ANY if c in _BREAK and not self.strict else (frozenset({c}), None)
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


#: The most characters a set may hold for the strict reading to take it as its characters.
_MAX_CLASS = 8
_HEX = {"x": 2, "u": 4, "U": 8}


def _class_members(source: str) -> _Info:
    """A character set's summary in the strict reading: the set of its characters when it is
    a positive set of at most ``_MAX_CLASS`` plain characters, escaped punctuation, hexadecimal
    escapes and short ranges (``[ \\u00a0]``, ``[0-5]``); anything else (a negated set, a
    class escape such as ``\\d`` or ``\\p{L}``, white-space escapes) gives no strings."""
    body = source[1:-1]
    if body.startswith("^") or not body:
        return _ANY
    chars: list[str] = []
    i = 0
    while i < len(body):
        c = body[i]
        if c == "\\":
            e = body[i + 1 : i + 2]
            if e in _HEX:
                digits = body[i + 2 : i + 2 + _HEX[e]]
                if len(digits) != _HEX[e] or any(d not in "0123456789abcdefABCDEF" for d in digits):
                    return _ANY
                c, i = chr(int(digits, 16)), i + 2 + _HEX[e]
            elif e and not e.isalnum():
                c, i = e, i + 2
            else:
                return _ANY  # \d, \p{…}, \s, \t…: a class of characters, or one not worth reading
        else:
            if c in "[]&|~":
                return _ANY  # a nested set or a set operation
            i += 1
        if body.startswith("-", i) and i + 1 < len(body):
            hi = body[i + 1]
            if hi in "\\[" or not 0 <= ord(hi) - ord(c) < _MAX_CLASS:
                return _ANY
            chars.extend(chr(x) for x in range(ord(c), ord(hi) + 1))
            i += 2
        else:
            chars.append(c)
        if len(chars) > _MAX_CLASS:
            return _ANY
    return frozenset(chars), None


def literal_keys(pattern: str) -> tuple[str, ...] | None:
    """Case-folded strings one of which occurs in every match of `pattern`; None when unknown.

    Only the plain letters, digits and escaped punctuation of the pattern are read as
    literals; white space and apostrophes (which the tables match loosely) break them.
    """
    found = literal_requirements(pattern)
    return found[0] if found else None


def _unverbose(body: str) -> str:
    """A pattern of verbose mode (without its ``(?x)``) as the same pattern without it: white
    space and comments dropped outside sets, escapes kept as they are."""
    out: list[str] = []
    i, n = 0, len(body)
    in_set = False
    while i < n:
        c = body[i]
        if c == "\\":
            out.append(body[i : i + 2])
            i += 2
            continue
        if in_set:
            if c == "]":
                in_set = False
        elif c == "[":
            in_set = True
            out.append(c)
            i += 1
            if body.startswith("^", i):
                out.append("^")
                i += 1
            if body.startswith("]", i):
                out.append("]")  # a ] first in a set is a member
                i += 1
            continue
        elif c.isspace():
            i += 1
            continue
        elif c == "#":
            end = body.find("\n", i)
            i = n if end < 0 else end + 1
            continue
        out.append(c)
        i += 1
    return "".join(out)


def literal_requirements(pattern: str, strict: bool = False, max_set: int = _MAX_SET) -> tuple[tuple[str, ...], ...]:
    """Every literal requirement of `pattern`, the most selective first: each is a tuple of
    case-folded strings one of which occurs in every match. Empty when nothing is known.

    By default white space and apostrophes break literals (the tables match them loosely);
    `strict` reads a pattern compiled as written (kind ``pattern``): they are literals, and a
    small set of characters (``[ \\u00a0]-[ \\u00a0]``) gives its strings, and a leading ``(?x)``
    (verbose mode) is read without its white space and comments. `max_set`: the most
    strings an alternation may give (a slot of a thousand words: ``checker.kinds.slot_pattern``)."""
    if strict and pattern.startswith("(?x)"):
        pattern = _unverbose(pattern[4:])
    try:
        reader = _Reader(pattern, strict, max_set)
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


#: Separator of a requirement's keys in the packed literal index, whose entries are stored as the
#: rows of a ``TableRows`` (requirements as cells); an index with a key that holds it, a tab or a
#: newline is stored unpacked.
_KEY = "\x1f"


class Runs(Mapping[str, tuple[int, ...]]):
    """key -> entries, read back packed: the keys in a dict (key -> slot) and each key's entries
    as a run of sorted numbers in one array."""

    __slots__ = ("_at", "_rows", "_ends")

    def __init__(self, keys: list[str], rows: Any, ends: Any) -> None:
        self._at = dict(zip(keys, range(len(keys))))
        self._rows = rows
        self._ends = ends  # slot -> the end of its run in ``_rows``

    def __getitem__(self, key: str) -> tuple[int, ...]:
        slot = self._at[key]
        return tuple(self._rows[self._ends[slot - 1] if slot else 0 : self._ends[slot]])

    def __iter__(self) -> Iterator[str]:
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)

    def __contains__(self, key: object) -> bool:
        return key in self._at

    def keys(self) -> KeysView[str]:
        return self._at.keys()


class LiteralIndex:
    """A table's literal index (``_index_of``): the entries without a key (``always``), key ->
    entries by their first requirement (``by_key``), the entries with more than one requirement
    (``more``), every key of every requirement in order (``keys``), and per entry its
    requirements (``requirements``, ``extra``).

    In the pattern store it is kept packed (``pack``): the requirements of all entries as the rows
    of a ``wordlists.TableRows`` (one string), the key -> entries map as runs of numbers in one
    array. Read back as tuples of
    tuples of strings, the indexes of a French article's tables cost a one-article run some
    6 ms, and listing their keys and the entries with several requirements from them 6 ms more;
    packed, a table's entries are split only for those an article makes candidates."""

    __slots__ = ("always", "by_key", "more", "keys", "_requirements", "_rows", "_extra")

    def __init__(self, index: _Index) -> None:
        requirements, always, by_key = index
        self._requirements: tuple[tuple[tuple[str, ...], ...], ...] | None = requirements
        self._rows: TableRows | None = None
        self._extra: dict[int, tuple[tuple[str, ...], ...]] = {}
        self.always = always
        self.by_key: Mapping[str, tuple[int, ...]] = by_key
        self.more = frozenset(i for i, reqs in enumerate(requirements) if len(reqs) > 1)
        self.keys = tuple(dict.fromkeys(k for reqs in requirements for req in reqs for k in req if k))

    @property
    def requirements(self) -> tuple[tuple[tuple[str, ...], ...], ...]:
        """Per entry its literal requirements (all must hold; one string of each occurs)."""
        if self._requirements is None:
            assert self._rows is not None
            self._requirements = tuple(self._row(i) for i in range(len(self._rows)))
        return self._requirements

    def _row(self, i: int) -> tuple[tuple[str, ...], ...]:
        assert self._rows is not None
        cells = self._rows[i]
        return () if cells == ("",) else tuple(tuple(req.split(_KEY)) for req in cells)

    def extra(self, i: int) -> tuple[tuple[str, ...], ...]:
        """Entry `i`'s requirements after its first (an entry of ``more``)."""
        if self._requirements is not None:
            return self._requirements[i][1:]
        got = self._extra.get(i)
        if got is None:
            got = self._extra[i] = self._row(i)[1:]
        return got

    def pack(self) -> tuple[Any, ...]:
        """What the store keeps: ``LiteralIndex.unpack(index.pack())`` equals `index`."""
        from array import array

        requirements = self.requirements
        if any(not k or _KEY in k or "\t" in k or "\n" in k for k in self.keys) or any(
                not req for reqs in requirements for req in reqs):
            return ("plain", (requirements, self.always, dict(self.by_key)))
        rows = TableRows.pack([tuple(_KEY.join(req) for req in reqs) for reqs in requirements])
        numbers: list[int] = []
        ends: list[int] = []
        for entries in self.by_key.values():
            numbers.extend(entries)
            ends.append(len(numbers))
        code = "H" if not numbers or max(numbers) < 1 << 16 else "I"
        return ("packed", *rows, _KEY.join(self.by_key),
                array(code, numbers).tobytes(), array("I", ends).tobytes(), code,
                array("I", self.always).tobytes(), array("I", sorted(self.more)).tobytes(), _KEY.join(self.keys))

    @classmethod
    def unpack(cls, data: tuple[Any, ...]) -> LiteralIndex:
        if data[0] == "plain":
            return cls(data[1])
        from array import array

        _, text, starts, names, numbers, ends, code, always, more, keys = data
        self = cls.__new__(cls)
        self._requirements = None
        self._rows, self._extra = TableRows(text, starts), {}
        self.always = tuple(array("I", always))
        self.by_key = Runs(names.split(_KEY) if names else [], array(code, numbers), array("I", ends))
        self.more = frozenset(array("I", more))
        self.keys = tuple(keys.split(_KEY)) if keys else ()
        return self


def _table_index(sources: Callable[[], tuple[str, ...]], count: int, name: object = None) -> LiteralIndex:
    """``_index_of(sources())`` (the keys' sources of `count` rows), kept in the pattern store
    (packed: ``LiteralIndex.pack``) as one entry per table (under `name`, a name of the sources
    such as ``table_name``, else a digest of them): a later process reads one entry instead of
    one per row, and with `name` it does not make the sources."""
    from checker import regexcache

    if not regexcache.is_active():
        return LiteralIndex(_index_of(sources()))
    if name is None:
        made = sources()
        key = ("prefilter-table", 3, count, regexcache.digest(made))
        return LiteralIndex.unpack(regexcache.memo(key, lambda: LiteralIndex(_index_of(made)).pack()))
    return LiteralIndex.unpack(
        regexcache.memo(("prefilter-table", 3, count, name), lambda: LiteralIndex(_index_of(sources())).pack()))


#: The keys of every table searched with the automata (an ordered set).
_TABLE_KEYS: dict[str, None] = {}
#: Searches over consecutive slices of ``_TABLE_KEYS``: (search, first key, end key). Tables
#: are built one by one as an article first needs them, so each build adds an automaton over its
#: new keys only (rebuilding one automaton over all keys at every table cost a one-article
#: process about 40 ms); once no table adds keys, the next article merges them into one.
_AUTOMATA: list[tuple[_Search, int, int]] = []
_SECOND = itemgetter(1)
#: Keys of at most this many characters are searched one by one, not by the automaton: they occur
#: in almost every article, many times over (« e », « de »), and the automaton reports every
#: occurrence (over half of all it reported on the 1 MB subset were of one-character keys), where
#: a substring search stops at the first.
_SHORT_KEY = 2
#: The last text searched, how many keys were searched in it, and the keys found.
_LAST_SEARCH: tuple[str, int, frozenset[str]] = ("", -1, frozenset())


class _Search:
    """A search for some keys in a text: an automaton over the longer ones, the short ones one by one."""

    __slots__ = ("automaton", "short")

    def __init__(self, keys: Sequence[str]) -> None:
        self.short = tuple(key for key in keys if len(key) <= _SHORT_KEY)
        self.automaton = _automaton([key for key in keys if len(key) > _SHORT_KEY])

    def find(self, folded: str) -> list[str]:
        """The keys that occur in `folded` (some more than once)."""
        found = [key for key in self.short if key in folded]
        if self.automaton is not None:
            found.extend(map(_SECOND, self.automaton.iter(folded)))  # (end, key) pairs: the keys
        return found


def _automaton(keys: Sequence[str]) -> Any:
    """An Aho-Corasick automaton over `keys` (None when there are none)."""
    if not keys:
        return None
    import ahocorasick

    automaton = ahocorasick.Automaton()
    for key in keys:
        automaton.add_word(key, key)
    automaton.make_automaton()
    return automaton


def _keys_of_tables(folded: str) -> frozenset[str]:
    """The keys of every large table that occur in `folded`: one pass of each automaton
    (pyahocorasick reports every occurrence of every key, overlapping ones included),
    remembered for the text object last searched (each table of an article asks again)."""
    global _LAST_SEARCH
    total = len(_TABLE_KEYS)
    last_text, searched, found = _LAST_SEARCH
    if last_text is folded and searched == total:
        return found
    covered = _AUTOMATA[-1][2] if _AUTOMATA else 0
    if last_text is not folded and len(_AUTOMATA) > 1 and covered == total:
        # A new article and no table added keys since the last one: one automaton for all.
        _AUTOMATA[:] = [(_Search(tuple(_TABLE_KEYS)), 0, total)]
    if covered < total:
        _AUTOMATA.append((_Search(tuple(_TABLE_KEYS)[covered:]), covered, total))
    if last_text is not folded:
        searched, found = 0, frozenset()
    more = set(found)
    for search, first, _end in _AUTOMATA:
        if first >= searched:  # not searched in this text yet (slices are searched whole)
            more.update(search.find(folded))
    found = frozenset(more)
    _LAST_SEARCH = (folded, total, found)
    return found


class LazyTable(Generic[T]):
    """Entries compiled on first need, behind their literal keys (see the module's docstring)."""

    def __init__(self, rows: Sequence[tuple[str, ...]], key_source: Callable[[tuple[str, ...]], str],
                 compile_row: Callable[[tuple[str, ...]], T], *, eager: bool | None = None,
                 name: object = None) -> None:
        # A table read lazily (``wordlists.TableRows``) stays so: a row is split when compiled.
        self.rows = rows if isinstance(rows, (tuple, TableRows)) else tuple(rows)
        self._compile = compile_row
        #: Compiled entries, the most recently made ones (bounded: see ``ROWS_KEPT``).
        self._compiled: dict[int, T] = Pool(ROWS_KEPT)
        # `name`: a name of the keys' sources (``table_name``) for the store, else they are digested.
        self._index = index = _table_index(lambda: tuple(key_source(r) for r in self.rows), len(self.rows), name)
        #: Entries without a key: always candidates.
        self.always: tuple[int, ...] = index.always
        self._by_key = index.by_key
        #: The entries with more than one requirement (the others need no check beyond their key).
        self._more = index.more
        if len(self._by_key) >= _AUTOMATON_MIN_KEYS:  # every key of every requirement
            _TABLE_KEYS.update(dict.fromkeys(index.keys))
        if eager if eager is not None else not is_trusted():
            # Every entry compiled now (a bad row is reported at once) and kept until ``settle``:
            # the kind's own eager pass reads them again.
            self._compiled.limit = len(self.rows) + 1
            for i in range(len(self.rows)):
                self.entry(i)

    @property
    def requirements(self) -> tuple[tuple[tuple[str, ...], ...], ...]:
        """Per entry, its literal requirements (all must hold; one string of each occurs)."""
        return self._index.requirements

    def settle(self) -> None:
        """Back to a bounded pool of compiled entries, once the build has read them all."""
        self._compiled.bound(ROWS_KEPT)

    def __len__(self) -> int:
        return len(self.rows)

    def entry(self, i: int) -> T:
        """Entry `i`, compiled now if it was not yet."""
        got = self._compiled.get(i)
        if got is None:
            got = self._compiled[i] = self._compile(self.rows[i])
        return got

    def _keys_in(self, folded: str) -> set[str] | Iterable[str]:
        """The keys that occur in `folded`. A table of many keys takes them from one Aho-Corasick
        pass shared by every such table (``_keys_of_tables``) instead of one substring search
        per key; a small one is searched key by key."""
        if len(self._by_key) < _AUTOMATON_MIN_KEYS:
            return [k for k in self._by_key if k in folded]
        found = _keys_of_tables(folded) & self._by_key.keys()
        if "" in self._by_key:
            found.add("")  # the empty string occurs in every text
        return found

    def candidates(self, text: str, folded: str | None = None) -> list[int]:
        """Indices (in table order) of the entries that may match somewhere in `text` (`folded`:
        ``text.casefold()`` when the caller has it)."""
        if folded is None:
            folded = text.casefold()
        found = set(self.always)
        by_key = self._by_key
        for key in self._keys_in(folded):
            found.update(by_key[key])
        more = found & self._more
        if more:
            extra = self._index.extra
            # The other requirements: from the shared search when the table takes part in it (a
            # requirement fails when none of its strings is among the keys found: one set test).
            if len(by_key) >= _AUTOMATON_MIN_KEYS:
                present = _keys_of_tables(folded)
                found -= {i for i in more if any(present.isdisjoint(req) for req in extra(i))}
            else:
                found -= {i for i in more if not all(any(k in folded for k in req) for req in extra(i))}
        return sorted(found)


# --- Where a row can begin: the first characters of its matches, read from the source ------------
#
# The tables' check asks, at every word start, which rows can begin with the next three
# characters (``glossary.PrefixFilter``; a partial match answers for one row and key).
# Most rows open on a few literal words, so the keys they can begin with form a small finite
# set that can be read from the pattern once. ``start_keys`` reads it (conservatively: any
# construct it does not know gives no set, and the row keeps the partial-match path), and
# ``StartIndex`` turns the sets of a table into one dict key -> rows.

#: The length of the keys (the tables' check asks about three characters from a word start).
KEY_LEN = 3
#: The length of the longer keys that narrow the second filter (``StartIndex.narrow``).
LONG_LEN = 6
#: The shortest of those keys that still narrows (a whole match or a prefix key: ``StartIndex.pre``).
PRE_LEN = 4
#: Characters read as one: every white space (what ``\s``, and the tables' spaces, match) is
#: " ", every apostrophe the tables accept is "'". A key and a pattern are compared after it.
_CANON = str.maketrans(
    dict.fromkeys("\t\n\x0b\x0c\r\x1c\x1d\x1e\x1f \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004"
                  "\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000", " ")
    | dict.fromkeys("’\u02bc", "'")
)
#: ``_CANON`` as (character, replacement) pairs, for ``fold_text``.
_CANON_PAIRS = tuple((chr(c), r) for c, r in _CANON.items())
#: The most keys a row may have before it is given up (a long alternation of short words).
_MAX_STARTS = 2048
#: The regex flags under which the patterns' characters are compared with the text's.
_CASE_FLAGS = 2 | 32  # regex.IGNORECASE | regex.UNICODE, without importing regex here

# A node's start set: the strings of at most KEY_LEN characters (canonical, see ``_fold``)
# that its matches begin with; a shorter string is a whole match. None: unknown.
_Starts = frozenset[str] | None
_NOTHING: frozenset[str] = frozenset({""})
#: Ends a prefix key (``start_keys(wide=True)``): what follows in the match is any character. It
#: stands at the end of a key only, and a pattern that holds it literally gives no key.
WILD = "\uffff"
#: A class of many characters, in the wide reading: its own key is the empty prefix.
WIDE: frozenset[str] = frozenset({WILD})
_LITERAL_RUN = re.compile(r"[^\\.^$*+?{}\[\]|()]+")


def _fold(c: str) -> str:
    """How a key's character is compared: lowered (when that stays one character), canonical."""
    low = c.lower()
    return (low if len(low) == 1 else c).translate(_CANON)


_VARIANTS: dict[str, frozenset[str]] = {}


def _variants(c: str) -> frozenset[str]:
    """Every folded character that `c` matches ignoring case (what ``regex`` itself finds equal,
    ``get_all_cases``, taken twice over so that a relation that is not transitive is covered)."""
    got = _VARIANTS.get(c)
    if got is None:
        if c == WILD:
            raise _Unknown("the wide sentinel")  # a literal « \uffff »: no key (never a wrong one)
        from regex import _regex  # the regex module's own case tables (what its matcher uses)

        cases = {c} | {chr(x) for x in _regex.get_all_cases(_CASE_FLAGS, ord(c))}
        cases |= {chr(y) for x in tuple(cases) for y in _regex.get_all_cases(_CASE_FLAGS, ord(x))}
        # A character that lowers to several (« İ ») makes a longer key, which is never looked up.
        got = _VARIANTS[c] = frozenset(_fold(x) for x in cases if len(x.lower()) == 1)
    return got


def _done(key: str, n: int) -> bool:
    """Does `key` say all it can: `n` characters, or a prefix key (ended by ``WILD``)?"""
    return len(key) >= n or key[-1:] == WILD


def _concat(head: _Starts, tail: _Starts, n: int) -> _Starts:
    """The start sets (keys of `n` characters) of `head` followed by `tail`."""
    if head is None:
        return None
    # (``_done`` written out: this runs some 460,000 times while the tables' rows are indexed.)
    open_ = [h for h in head if len(h) < n and h[-1:] != WILD]
    if not open_:
        return head  # what follows lies beyond the key
    if tail is None:
        return None
    # (A ``WILD`` ends a string of `tail` only: cut beyond `n` characters, a prefix key becomes a key.)
    if not tail:
        return frozenset()  # nothing follows: no match, whatever `head` holds
    out = set(head.difference(open_))  # the complete keys stay
    for h in open_:
        out.update([(h + t)[:n] for t in tail])
    return frozenset(out) if len(out) <= _MAX_STARTS else None


def _union(a: _Starts, b: _Starts) -> _Starts:
    if a is None or b is None or len(a) + len(b) > _MAX_STARTS:
        return None
    return a | b


def _star(item: _Starts, n: int) -> _Starts:
    """The start set of `item` repeated any number of times (a fixed point: keys are short)."""
    got: _Starts = _NOTHING
    while True:
        more = _union(_NOTHING, _concat(item, got, n))
        if more is None or more == got:
            return more
        got = more


class _StartReader:
    """A reader of a pattern's start set (the grammar of ``_Reader``; see ``start_keys``)."""

    def __init__(self, pattern: str, n: int, wide: bool = False) -> None:
        self.p = pattern
        self.i = 0
        self.n = n  # the length of the keys
        #: Read a class of many characters (``\p{L}``, ``\d``, ``.``, a negated set…) as ``WIDE``
        #: (the key ends there: a prefix key) instead of giving up.
        self.wide = wide
        #: Above 0, what is read lies beyond the key: only its syntax is checked.
        self.skipping = 0

    def peek(self) -> str:
        return self.p[self.i] if self.i < len(self.p) else ""

    def alternation(self) -> _Starts:
        got = self.sequence()
        while self.peek() == "|":
            self.i += 1
            got = _union(got, self.sequence())
        return got

    def sequence(self) -> _Starts:
        got: _Starts = _NOTHING
        full = False  # every start already has KEY_LEN characters, or is unknown
        while self.i < len(self.p) and self.peek() not in "|)":
            if full or self.skipping:
                run = _LITERAL_RUN.match(self.p, self.i)
                self.skipping += 1
                if run is not None:
                    self.i = run.end()  # plain characters: only a quantifier after them is read
                    self.quantified(_NOTHING)
                    self.skipping -= 1
                    continue
                self.quantified(self.atom())
                self.skipping -= 1
                continue
            item = self.quantified(self.atom())
            more = _concat(got, item, self.n)
            if more is None and self.wide and got is not None and item is not None:
                # Too many keys (a long alternation after another): the keys end where `item` begins.
                more = frozenset(g if _done(g, self.n) else g + WILD for g in got)
            got = more
            full = got is None or all(len(g) >= self.n or g[-1:] == WILD for g in got)
        return got

    def quantified(self, item: _Starts) -> _Starts:
        c = self.peek()
        if c not in ("?", "*", "+", "{"):
            return item
        lo, hi, self.i = _repeat_bounds(self.p, self.i)
        if self.peek() == "+":
            raise _Unknown("possessive")
        if self.peek() == "?":
            self.i += 1  # lazy: the same strings
        if hi is not None and hi < lo:
            raise _Unknown("bad repeat")
        if self.skipping:
            return _NOTHING
        n = self.n
        got: _Starts = _NOTHING
        for _ in range(min(lo, n + 1)):  # the first repeats (more add nothing to a key)
            got = _concat(got, item, n)
        if hi is None:
            return _concat(got, _star(item, n), n)
        rest: _Starts = _NOTHING
        for _ in range(min(hi - lo, n + 1)):
            rest = _union(_NOTHING, _concat(item, rest, n))
        return _concat(got, rest, n)

    def atom(self) -> _Starts:
        c = self.peek()
        if c == "(":
            return self.group()
        if c == "[":
            return self.char_class()
        if c == "\\":
            return self.escape()
        if c == ".":
            self.i += 1
            return WIDE if self.wide else None
        if c in _SPECIAL:
            raise _Unknown(c)  # anchors, a quantifier with nothing before it
        self.i += 1
        return _NOTHING if self.skipping else _variants(c)

    def group(self) -> _Starts:
        p, i = self.p, self.i + 1
        if p.startswith("?", i):
            rest = p[i + 1 :]
            if rest.startswith(":"):
                i += 2
            elif rest.startswith(("P<", "<")) and not rest.startswith(("<=", "<!")):
                end = p.find(">", i)
                if end < 0:
                    raise _Unknown("group name")
                i = end + 1
            else:
                # Only a scoped case flag: ignoring case or not, the variants cover the key.
                j = i + 1
                while j < len(p) and p[j] in "i-":
                    j += 1
                if j == i + 1 or not p.startswith(":", j):
                    raise _Unknown("group")  # lookarounds, atomic groups, other flags, conditionals
                i = j + 1
        self.i = i
        got = self.alternation()
        if self.peek() != ")":
            raise _Unknown("unbalanced")
        self.i += 1
        return got

    def char_class(self) -> _Starts:
        if not self.wide:
            return self._members()
        start = self.i
        try:
            return self._members()
        except _Unknown:
            # A negated set, or a class escape (``\p{L}``, ``\d``…) among the members: a broad
            # class (the set's syntax is read all the same; an unreadable one raises again).
            self.i = _set_end(self.p, start)
            return _NOTHING if self.skipping else WIDE

    def _members(self) -> _Starts:
        p, i = self.p, self.i + 1
        if p.startswith("^", i):
            raise _Unknown("negated set")
        chars: set[str] = set()
        first = True
        while i < len(p):
            c = p[i]
            if c == "]" and not first:
                self.i = i + 1
                return _NOTHING if self.skipping else frozenset(v for x in chars for v in _variants(x))
            first = False
            if c == "[":
                raise _Unknown("nested set")  # or a POSIX class: refused either way
            if c == "\\":
                got, i = self._class_escape(i)
            else:
                got, i = c, i + 1
            if p.startswith("-", i) and i + 1 < len(p) and p[i + 1] != "]":
                hi = p[i + 1]
                if hi in "\\[" or len(got) != 1 or not 0 <= ord(hi) - ord(got) <= 256:
                    raise _Unknown("range")
                chars.update(chr(x) for x in range(ord(got), ord(hi) + 1))
                i += 2
            else:
                chars.update(got)
        raise _Unknown("unterminated set")

    def _class_escape(self, i: int) -> tuple[str, int]:
        """A class item after a backslash at `i`: (its characters, where the next item starts)."""
        p = self.p
        c = p[i + 1] if i + 1 < len(p) else ""
        if c == "s":
            return " ", i + 2
        if c in "tnrfv":
            return " ", i + 2  # white space: every one reads as " "
        if c in "xuU":
            width = {"x": 2, "u": 4, "U": 8}[c]
            digits = p[i + 2 : i + 2 + width]
            if len(digits) != width or any(d not in "0123456789abcdefABCDEF" for d in digits):
                raise _Unknown("escape")
            return chr(int(digits, 16)), i + 2 + width
        if c and not c.isalnum():
            return c, i + 2
        raise _Unknown("escape")  # classes (\w, \d, \p{…}) and the rest

    def escape(self) -> _Starts:
        p, i = self.p, self.i
        c = p[i + 1] if i + 1 < len(p) else ""
        if c in "wWdDSpPXN":
            self.i = i + 2
            if c in "pPN" and p.startswith("{", self.i):
                end = p.find("}", self.i)
                if end < 0:
                    raise _Unknown("escape")
                self.i = end + 1
            if not self.wide or self.skipping:
                return None  # a class of many characters
            return WIDE
        got, self.i = self._class_escape(i)
        return _NOTHING if self.skipping else frozenset(v for x in got for v in _variants(x))


def start_keys(pattern: str, length: int = KEY_LEN, wide: bool = False) -> frozenset[str] | None:
    """The keys a match of `pattern` can begin with, or None when they are unknown or too many.

    `pattern` is the source a table compiles (after ``glossary._body``), matched ignoring case.
    Each key is folded (``_fold``: lowered, white space read as " ", apostrophes as "'") and
    has `length` characters, or fewer when it is a whole match. For every text ``t`` whose
    folded first `length` characters are ``k``, a partial match of the pattern at the start
    of ``t`` implies that ``k`` or a prefix of ``k`` is in the set; the set may hold more.
    Lookarounds, anchors, boundaries, back-references, fuzzy and possessive parts, other
    flags and unknown escapes give None, as does a row that can match the empty string.

    With `wide`, a class of many characters (``\\p{L}``, ``\\w``, ``\\d``, ``.``, a negated set, a
    set holding a class escape) no longer gives None: a key that reaches it ends there with
    ``WILD``, a prefix key (``ab`` + ``WILD``: any key that begins with « ab »). A row whose keys
    would begin with a wide class still gives None (every word start would be a prefix of it).
    (The digits of ``\\d`` are not spelled out: ``regex`` matches about 700 of them, and a row
    « le \\d+ ans » gave thousands of keys in the pattern store for no measured gain.)"""
    return _read_starts(_StartReader(pattern, length, wide))


def _read_starts(reader: _StartReader) -> frozenset[str] | None:
    """The start set `reader` reads from its whole pattern, or None (unknown, or a construct the
    reader refuses, or a pattern that can match the empty string)."""
    try:
        got = reader.alternation()
        if reader.i != len(reader.p):  # (``_MatchStartReader`` drops the "+" of possessive repeats)
            return None
    except (_Unknown, IndexError, ValueError, ImportError, AttributeError):
        return None
    if got is None or "" in got or WILD in got:
        return None
    return got


#: Inline flags a pattern may set for ``match_start_keys``: they change no literal a match can
#: begin with (case is covered by the keys' variants; ``m``, ``s``, ``w`` and ``u`` change only
#: anchors, ``.`` and boundaries, which give no key or are zero-width).
_NEUTRAL_FLAGS = frozenset("imsuw-")
#: Zero-width escapes (boundaries and anchors): they consume nothing, so a match begins with
#: what follows them. ``\G`` (where the previous match ended) and ``\K`` (which moves a match's
#: start) are not among them: a pattern that holds either gets no key.
_ZERO_WIDTH_ESCAPES = frozenset("bBAZzmM")


class _MatchStartReader(_StartReader):
    """The start set of a whole pattern (kind ``pattern``), which may hold what a table row may
    not: look-arounds, anchors and boundaries (zero-width: a match begins with what follows
    them), inline flags that change no literal, negated sets (a broad class: no key there)."""

    def atom(self) -> _Starts:
        if self.peek() in "^$":
            self.i += 1
            return _NOTHING
        return super().atom()

    def escape(self) -> _Starts:
        c = self.p[self.i + 1] if self.i + 1 < len(self.p) else ""
        if c in _ZERO_WIDTH_ESCAPES:
            self.i += 2
            return _NOTHING
        return super().escape()

    def group(self) -> _Starts:
        p, i = self.p, self.i + 1
        if p.startswith(("?=", "?!", "?<=", "?<!"), i):
            # A look-around: zero-width whatever it holds; its syntax is read all the same.
            self.i = i + (2 if p[i + 1] in "=!" else 3)
            self.skipping += 1
            try:
                self.alternation()
            finally:
                self.skipping -= 1
            if self.peek() != ")":
                raise _Unknown("unbalanced")
            self.i += 1
            return _NOTHING
        if p.startswith("?>", i):
            # An atomic group matches a subset of what the plain group matches.
            self.p = p[:i] + "?:" + p[i + 2 :]
            return super().group()
        if p.startswith("?", i):
            j = i + 1
            while j < len(p) and p[j] in _NEUTRAL_FLAGS:
                j += 1
            if j > i + 1 and p.startswith(")", j):
                self.i = j + 1  # inline flags: nothing matched
                return _NOTHING
            if j > i + 1 and p.startswith(":", j):
                self.i = j + 1  # a group with scoped flags: as a plain group
                got = self.alternation()
                if self.peek() != ")":
                    raise _Unknown("unbalanced")
                self.i += 1
                return got
        return super().group()

    def quantified(self, item: _Starts) -> _Starts:
        # A possessive repeat matches a subset of what the greedy one matches: the same keys cover
        # it. Its "+" is dropped from the text read (``match_start_keys`` compares with that text).
        c = self.peek()
        if c in ("?", "*", "+", "{"):
            _lo, _hi, after = _repeat_bounds(self.p, self.i)
            if self.p.startswith("+", after):
                self.p = self.p[:after] + self.p[after + 1 :]
        return super().quantified(item)

    def char_class(self) -> _Starts:
        if self.skipping or self.p.startswith("^", self.i + 1):
            # Read as a set's syntax only: beyond the key, or a negated set (a broad class).
            self.i = _set_end(self.p, self.i)
            return _NOTHING if self.skipping else None
        try:
            return super().char_class()
        except _Unknown:
            # A class escape (``\p{L}``, ``\w``…) among the members: a broad class, no key.
            self.i = _set_end(self.p, self.i)
            return None


def match_start_keys(pattern: str) -> frozenset[str] | None:
    """The keys (``start_keys``) every match of a whole `pattern` begins with, or None when they
    are unknown or too many. Unlike a table row's, the pattern may hold look-arounds, anchors,
    boundaries and inline flags that change no literal, possessive repeats and atomic groups
    (read as their plain forms, which match more); a verbose pattern is read without its white
    space and comments. ``\\G``, ``\\K``, back-references, named lists and fuzzy parts give None."""
    if pattern.startswith("(?x)"):
        pattern = _unverbose(pattern[4:])
    return _read_starts(_MatchStartReader(pattern, KEY_LEN))


def mask_indices(mask: int) -> list[int]:
    """The set bits of `mask` (row numbers), lowest first: one step per set bit, not per bit."""
    found = []
    while mask:
        low = mask & -mask
        found.append(low.bit_length() - 1)
        mask ^= low
    return found


class Masks(Mapping[str, int]):
    """A ``StartIndex`` map of key -> rows (a mask) as read back from the pattern store: the keys in
    a dict (key -> slot) and each key's rows as a run of sorted row numbers in one array, its mask
    made on first lookup and kept.

    The masks themselves are large integers (a bit per row: some 170 bytes each in a table of
    1,300 rows) where most keys name one to five rows: pickled, the start indexes of a French
    article's tables took 2.2 MB and some 10 ms of a one-article run to read back, for the few
    hundred keys an article asks. Packed this way they take a tenth of that, and unpickling makes
    no mask at all (``get`` and ``[]`` make them)."""

    __slots__ = ("_at", "_rows", "_ends", "_made")

    def __init__(self, keys: str | tuple[str, ...], rows: bytes, ends: bytes, code: str) -> None:
        from array import array

        #: key -> its slot (``keys``: the keys in slot order, joined by NUL unless one holds a NUL).
        names = keys.split("\0") if isinstance(keys, str) else keys
        self._at: dict[str, int] = dict(zip(names, range(len(ends) // 4))) if ends else {}
        self._rows = array(code, rows)
        self._ends = array("I", ends)  # slot -> the end of its run of row numbers in ``_rows``
        self._made: dict[str, int] = {}

    @staticmethod
    def pack(masks: Mapping[str, int]) -> tuple[str | tuple[str, ...], bytes, bytes, str]:
        """The arguments that make ``masks`` again (``Masks(*Masks.pack(masks)) == masks``)."""
        from array import array

        numbers: list[int] = []
        ends: list[int] = []
        for mask in masks.values():
            numbers.extend(mask_indices(mask))
            ends.append(len(numbers))
        code = "H" if not numbers or max(numbers) < 1 << 16 else "I"
        keys = tuple(masks)
        joined = keys if any("\0" in key for key in keys) else "\0".join(keys)
        return joined, array(code, numbers).tobytes(), array("I", ends).tobytes(), code

    def _make(self, key: str, slot: int) -> int:
        mask = 0
        for row in self._rows[self._ends[slot - 1] if slot else 0 : self._ends[slot]]:
            mask |= 1 << row
        self._made[key] = mask
        return mask

    def __getitem__(self, key: str) -> int:
        got = self._made.get(key)
        if got is None:
            got = self._make(key, self._at[key])
        return got

    def get(self, key: str, default: Any = None) -> Any:
        got = self._made.get(key)
        if got is None:
            slot = self._at.get(key)
            return default if slot is None else self._make(key, slot)
        return got

    def keys(self) -> KeysView[str]:
        return self._at.keys()

    def __contains__(self, key: object) -> bool:
        return key in self._at

    def __iter__(self) -> Iterator[str]:
        return iter(self._at)

    def __len__(self) -> int:
        return len(self._at)

    def __reduce__(self) -> tuple[Any, ...]:
        return Masks, Masks.pack(self)


class StartIndex:
    """The rows of a table that can begin with a key, for the rows whose ``start_keys`` are known.

    ``static`` is the mask (bit ``i`` = row ``i``) of those rows; ``three`` maps a key of
    ``KEY_LEN`` characters to its rows and ``short`` a shorter key (a whole match) to its rows.
    ``lookup`` answers for the static rows only; the others keep the partial-match path
    (``glossary.StartMemo``). ``longer`` maps a key of ``LONG_LEN`` characters to its rows, for
    the static rows whose such keys are known and all that long (``long_rows``: ``narrow``), and
    ``pre`` a shorter one (``PRE_LEN`` characters or more: a whole match, or a prefix key of the
    wide reading) to its rows, which may begin with any longer key that begins with it.

    The maps are dicts as built; an index read back from the pattern store holds them as
    ``Masks`` (see there: ``__reduce__`` pickles them packed)."""

    __slots__ = ("static", "three", "short", "long_rows", "longer", "pre", "pre3")

    def __init__(self, static: int, three: Mapping[str, int], short: Mapping[str, int],
                 long_rows: int = 0, longer: Mapping[str, int] | None = None, pre: Mapping[str, int] | None = None,
                 pre3: Mapping[str, int] | None = None) -> None:
        self.static = static
        self.three = three
        self.short = short
        self.long_rows = long_rows
        self.longer: Mapping[str, int] = longer or {}
        self.pre: Mapping[str, int] = pre or {}
        #: The first ``KEY_LEN`` characters of the keys of ``pre`` -> their rows (where to look for them).
        if pre3 is None:
            made: dict[str, int] = {}
            for key, rows in self.pre.items():
                made[key[:KEY_LEN]] = made.get(key[:KEY_LEN], 0) | rows
            pre3 = made
        self.pre3: Mapping[str, int] = pre3

    def __reduce__(self) -> tuple[Any, ...]:
        return _unpack_index, (self.static, self.long_rows, *(Masks.pack(m) for m in (
            self.three, self.short, self.longer, self.pre, self.pre3)))

    def lookup(self, key: str) -> int | None:
        """The static rows (a mask) that may begin with `key`, or None when `key` cannot be
        looked up (see ``fold_key``)."""
        folded = fold_key(key)
        return None if folded is None else self.lookup_folded(folded)

    def lookup_folded(self, folded: str) -> int:
        """``lookup`` of a key already folded by ``fold_key``."""
        found = self.three.get(folded, 0)
        if self.short:
            found |= self.short.get(folded[:1], 0) | self.short.get(folded[:2], 0)
        return found

    def narrow(self, key: str, rows: int) -> int:
        """Of `rows`, drop those that cannot begin with `key` (at least ``LONG_LEN`` characters)
        by their longer keys; every row a partial match of `key` would name stays."""
        folded = fold_long(key)
        if folded is None or not self.long_rows:
            return rows
        found = self.longer.get(folded, 0)
        if self.pre:
            pre = self.pre
            for n in range(PRE_LEN, LONG_LEN):
                found |= pre.get(folded[:n], 0)
        return rows & (found | ~self.long_rows)


def _unpack_index(static: int, long_rows: int, *packs: tuple[str | tuple[str, ...], bytes, bytes, str]) -> StartIndex:
    """A ``StartIndex`` from its pickle (``StartIndex.__reduce__``)."""
    three, short, longer, pre, pre3 = (Masks(*pack) for pack in packs)
    return StartIndex(static, three, short, long_rows, longer, pre, pre3)


def fold_text(text: str) -> str | None:
    """`text` folded as the keys are, character by character (so that ``fold_text(t)[i:i + n]``
    is the folded key of ``t[i:i + n]``), or None when lowering changes its length (« İ »)."""
    low = text.lower()
    if len(low) != len(text):
        return None
    # ``str.translate`` looks every character up in ``_CANON`` (a fifth of a millisecond for an
    # article); a text holds few of its characters, each replaced in one pass when present.
    for char, canon in _CANON_PAIRS:
        if char in low:
            low = low.replace(char, canon)
    return low


def fold_long(key: str) -> str | None:
    """The first ``LONG_LEN`` characters of `key` folded as ``StartIndex.longer`` keys, or None
    when `key` is shorter or its length changes once lowered (« İ »)."""
    low = key.lower()
    return low[:LONG_LEN].translate(_CANON) if len(low) == len(key) and len(low) >= LONG_LEN else None


def fold_key(key: str) -> str | None:
    """`key` as ``StartIndex`` keys are written (lowered, white space " ", apostrophes "'"), or
    None when it cannot be looked up: shorter than ``KEY_LEN``, or longer once lowered (« İ »)."""
    low = key.lower()
    return low.translate(_CANON) if len(low) == KEY_LEN else None


def _start_index_of(sources: Sequence[str], plain: Callable[[str], bool]) -> StartIndex:
    static = long_rows = 0
    three: dict[str, int] = {}
    short: dict[str, int] = {}
    longer: dict[str, int] = {}
    pre: dict[str, int] = {}
    for i, source in enumerate(sources):
        keys = start_keys(source, KEY_LEN, wide=True) if plain(source) else None
        if keys is None:
            continue
        bit = 1 << i
        static |= bit
        for k in keys:
            # A prefix key (``WILD``: a wide class follows) is looked up as a shorter whole match:
            # ``short`` names its rows for every key that begins with it.
            k = k.removesuffix(WILD)
            into = three if len(k) == KEY_LEN else short
            into[k] = into.get(k, 0) | bit
        keys = start_keys(source, LONG_LEN, wide=True)
        # A whole match shorter than LONG_LEN, or a prefix key, names every longer key that begins
        # with it: those of PRE_LEN characters or more narrow (``pre``), shorter ones do not.
        heads = None if keys is None else {k.removesuffix(WILD) for k in keys}
        if heads is None or any(len(k) < PRE_LEN for k in heads):
            continue  # the row is answered at KEY_LEN characters only
        long_rows |= bit
        for k in heads:
            into = longer if len(k) == LONG_LEN else pre
            into[k] = into.get(k, 0) | bit
    return StartIndex(static, three, short, long_rows, longer, pre)


def start_index(patterns: Sequence[str], source: Callable[[str], str], plain: Callable[[str], bool],
                name: object = None) -> StartIndex:
    """The ``StartIndex`` of a table whose rows hold `patterns` and compile ``source(pattern)``
    (``glossary._source``); `plain` says which compiled rows the partial-match path may answer
    by their first character (only those may be static). Kept in the pattern store as one
    entry per table, as ``_table_index``, under `name` when the caller has a name of the
    patterns (``table_name``: the table file's store key), else under the patterns as written:
    a process that finds it there transforms no row."""
    from checker import regexcache

    if not regexcache.is_active():
        return _start_index_of([source(p) for p in patterns], plain)
    import regex  # its version: the case tables the keys were read with

    if name is not None:  # the transforms as well: the patterns' name does not say how they are read
        name = (name, source.__module__, source.__qualname__, plain.__module__, plain.__qualname__)
    key = ("start-index", 8, regex.__version__, len(patterns), regexcache.digest(patterns) if name is None else name)
    return regexcache.memo(key, lambda: _start_index_of([source(p) for p in patterns], plain))


def table_name(rows: object, column: int) -> tuple[object, ...] | None:
    """A name of the cells in `column` of `rows` (a table ``wordlists.read_table`` returned) for the
    store keys of what is derived from them (``start_index``, ``LazyTable``): the table file's store
    key (``listcache.source_key``: its path and stat, which change with its contents), or None when
    the rows were not read from the store (the caller's patterns are then digested). Naming by the
    file spares digesting the patterns (about 1.3 ms per run for a French article's tables)."""
    from checker.listcache import source_key

    key = source_key(rows)
    return None if key is None else ("column", column, *key)
