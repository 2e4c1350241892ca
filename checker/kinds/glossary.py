"""Kind ``glossary``: a table of expressions to avoid, each a small pattern with optional context conditions.

Unlike ``substitution`` (literal phrases), a glossary entry can cover inflected forms and
be restricted to the contexts where it is wrong, so that one entry per idiom stays precise
(« sans permis » is a calque only when it means "without permission", not for a driver).

params:
- ``table``: a tab-separated file beside the rule, one entry per line::

      pattern<TAB>suggestion[|suggestion…][<TAB>condition]…

  ``pattern`` is a ``regex`` expression matched case-insensitively as whole words; in it a
  space matches any run of white space (no-break spaces included) and ``'`` any apostrophe.
  Suggestions may use the pattern's groups (``\\1``, ``\\g<name>``); ``-`` means none.
  Each condition is ``left=RE``, ``right=RE``, ``notleft=RE`` or ``notright=RE``: an
  expression that must (or must not) match just before / just after the pattern, across
  white space (``left=qu'|que`` or ``right=,``). ``^`` in ``left`` means a sentence or line
  start: it matches after ``.!?:«"`` or a line break.
  A row may also carry its own examples: ``bad=`` a sentence with the reported span marked
  ``[[…]]`` and ``good=`` a sentence where the same words are correct (the row's context
  condition at work). The checker ignores them; ``tests/test_calque_row_examples.py`` runs them.
- ``ignore_case``: default true.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

import regex

from checker.context import Context
from checker.dataclass import dataclass
from checker.document import Document
from checker.finding import Hit
from checker.kinds._phrases import match_case
from checker.prefilter import mask_indices
from checker.rules import Rule, param
from checker.wordlists import read_table_rows

if TYPE_CHECKING:
    from checker.prefilter import StartIndex

NAME = "glossary"
PARAMS = {
    "table": param(str, required=True, doc="pattern<TAB>suggestions<TAB>conditions… file beside the rule"),
    "ignore_case": param(bool, default=True),
}

_WS = r"[\s\u00a0\u202f]"
_APOS = "['’\u02bc]"
_WORD_BEFORE = r"(?<![\p{L}\p{M}\p{N}_])"
# After an elided word (« d' ») the next word follows with no space: no boundary needed.
_WORD_AFTER = r"(?:(?<=['’\u02bc])|(?![\p{L}\p{M}\p{N}_]))"
_SENTENCE_START = r"(?:\A|[.!?:;«\"“(\n\r—–-])"
_CONDITIONS = ("left", "right", "notleft", "notright")
EXAMPLE_KEYS = ("bad", "good")  # a row's own examples (see row_examples), not conditions
_TIMEOUT = 5.0
_WORD_START = regex.compile(r"(?<![\p{L}\p{M}\p{N}_])[\p{L}\p{N}]")
#: Runs of word characters. In a text without marks or "_", the runs begin exactly at the word
#: starts (``_WORD_START``), and finding them spares the look-behind tried at every position.
_WORD_RUN = regex.compile(r"[\p{L}\p{M}\p{N}_]++")
_MARK_OR_UNDERSCORE = regex.compile(r"[\p{M}_]")
_NAMED_GROUP = regex.compile(r"\(\?P<\w+>")


@dataclass(frozen=True, slots=True)
class Entry:
    """One glossary line, compiled."""

    source: str
    regex: regex.Pattern[str]
    suggestions: tuple[str, ...]


_SPACE_RUN = regex.compile(r"(?<!\\) +(\?)?")


def _segments(pattern: str) -> Iterator[tuple[bool, str]]:
    """(inside a character class?, text) pieces of a pattern; escapes are skipped over."""
    start = i = 0
    n = len(pattern)
    while i < n:
        c = pattern[i]
        if c == "\\":
            i += 2
            continue
        if c != "[":
            i += 1
            continue
        if i > start:
            yield False, pattern[start:i]
        end = _class_end(pattern, i) or n  # an unterminated class runs to the end
        yield True, pattern[i:end]
        start = i = end
    if start < n:
        yield False, pattern[start:]


def _body(pattern: str, sentence_start: bool = False) -> str:
    """The regex of a table pattern or condition.

    A literal space stands for any white space; a straight apostrophe for any apostrophe.
    An optional space (" ?") stays optional: any white space, or none. Inside a character
    class ("[' -]") the same holds, written as members of the class. With
    ``sentence_start``, ``^`` outside a class means the start of a sentence or line.
    """
    text = pattern.strip()
    if "[" not in text:
        return _plain(text, sentence_start)
    out = []
    for in_class, part in _segments(text):
        if in_class:
            out.append(part.replace(" ", _WS[1:-1]).replace("'", _APOS[1:-1]))  # the classes' members
            continue
        out.append(_plain(part, sentence_start))
    return "".join(out)


def _plain(part: str, sentence_start: bool) -> str:
    """`_body` of a piece outside character classes."""
    part = _SPACE_RUN.sub(_space_run, part).replace("'", _APOS)
    return part.replace("^", _SENTENCE_START) if sentence_start else part


def _space_run(m: regex.Match[str]) -> str:
    return _WS + ("*" if m.group(1) else "+")


def _condition(kind: str, expr: str) -> str:
    body = _body(expr, sentence_start=True)
    if kind == "left":
        return f"(?<=(?:{body}){_WS}*)"
    if kind == "notleft":
        return f"(?<!(?:{body}){_WS}*)"
    if kind == "right":
        return f"(?={_WS}*(?:{body}))"
    return f"(?!{_WS}*(?:{body}))"


def compile_entry(row: tuple[str, ...], flags: int, where: str) -> Entry:
    """An Entry from a table row; ValueError naming the row when it is malformed."""
    pattern = row[0]
    suggestions = tuple(s.strip() for s in row[1].split("|") if s.strip() not in ("", "-")) if len(row) > 1 else ()
    before: list[str] = []
    after: list[str] = []
    for cell in row[2:]:
        if not cell:
            continue
        key, sep, expr = cell.partition("=")
        key = key.strip()
        if sep and key in EXAMPLE_KEYS:
            continue
        if not sep or key not in _CONDITIONS or not expr.strip():
            raise ValueError(f"{where}: {pattern!r}: bad condition {cell!r} (expected left=, right=, notleft=, notright=)")
        (before if key in ("left", "notleft") else after).append(_condition(key, expr.strip()))
    source = "".join(before) + _WORD_BEFORE + f"(?:{_body(pattern)})" + _WORD_AFTER + "".join(after)
    try:
        compiled = regex.compile(source, flags)
    except regex.error as exc:
        raise ValueError(f"{where}: {pattern!r}: {exc}") from None
    for s in suggestions:
        for ref in regex.findall(r"\\g<(\w+)>|\\(\d+)", s):
            name = ref[0] or ref[1]
            if not (name.isdigit() and int(name) <= compiled.groups or name in compiled.groupindex):
                raise ValueError(f"{where}: {pattern!r}: suggestion {s!r} names a missing group {name!r}")
    return Entry(pattern, compiled, suggestions)


def row_examples(row: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The ``bad=`` and ``good=`` example cells of a table row (for the tests)."""
    bad: list[str] = []
    good: list[str] = []
    for cell in row:
        key, sep, expr = cell.partition("=")
        if sep and key.strip() in EXAMPLE_KEYS and expr.strip():
            (bad if key.strip() == "bad" else good).append(expr.strip())
    return tuple(bad), tuple(good)


def _hit(doc: Document, entry: Entry, m: regex.Match[str]) -> Hit:
    start, end = m.span()
    found = doc.text[start:end]
    suggestions = []
    for s in entry.suggestions:
        try:
            expanded = m.expand(s) if "\\" in s else s
        except (regex.error, IndexError):
            expanded = s
        suggestions.append(match_case(found, expanded))
    return Hit(start, end, tuple(dict.fromkeys(suggestions)))


def build(rule: Rule):  # noqa: ANN201
    """Read the table; compile each entry when an article first holds its literal words (see
    ``checker.prefilter``), or all of them now when the rule files were not built before."""
    from checker.memo import Pool
    from checker.prefilter import ROWS_KEPT, LazyTable, is_trusted, start_index, table_name

    flags = regex.IGNORECASE if rule.params["ignore_case"] else 0
    name = rule.params["table"]
    rows = read_table_rows(rule.resolve(name))  # each row split when first asked for
    if not rows:
        raise ValueError(f"{name}: no entries")
    rows_name = table_name(rows, 0)  # the store names the table's derived data by the file
    table = LazyTable(rows, lambda row: row[0], lambda row: compile_entry(row, flags, name), name=rows_name)
    bodies: dict[int, regex.Pattern[str]] = Pool(ROWS_KEPT)  # bounded, as the compiled rows
    starts = StartMemo()  # (entry, key) -> can the entry begin with key, across articles

    def body(i: int) -> regex.Pattern[str]:
        got = bodies.get(i)
        if got is None:
            # The row's pattern as written (``Entry.source`` is this cell): the whole row need
            # not be compiled, or made again once the bounded pool has dropped it, to ask this.
            got = bodies[i] = regex.compile(_source(rows[i][0]), flags)
        return got

    if not is_trusted():
        for i in range(len(table)):
            body(i)
    table.settle()

    index = start_index(rows.column(0), _source, is_plain, rows_name)

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        text = doc.prose
        candidates = table.candidates(text, word_starts(doc, text).casefolded)
        if not candidates:
            return
        prefixes = PrefixFilter(candidates, body, starts, index)
        pos = 0
        for start in prefixes.starts(doc, text, str.lower):
            if start < pos:
                continue
            for i in prefixes.starting_with(text[start : start + 8].lower()):
                if body(i).match(text, start, timeout=_TIMEOUT) is None:
                    continue  # the entry's own match needs this one: it need not be compiled
                entry = table.entry(i)
                m = entry.regex.match(text, start, timeout=_TIMEOUT)
                if m is not None:
                    yield _hit(doc, entry, m)
                    pos = m.end()
                    break

    return check


def _source(pattern: str) -> str:
    """What a row's prefix filter compiles: the pattern as matched, without its group names
    and its positive look-behinds (see ``drop_lookbehinds``)."""
    return drop_lookbehinds(_NAMED_GROUP.sub("(?:", _body(pattern)))


_QUANTIFIER = regex.compile(r"(?:[?*+]|\{\d*(?:,\d*)?\})[?+]?")


def drop_lookbehinds(source: str) -> str:
    """`source` without its positive look-behinds (``(?<=…)``, with their quantifier), except
    those inside a negative look-around.

    A table's prefix filter asks whether a row can begin with the first characters of a word
    start by a partial match of those characters alone: there a look-behind that opens the
    pattern or one of its branches sees nothing before them and fails, so the branch was never
    tried and the row never reported (a look-behind written at a row's start was silently
    dead, where ``left=`` worked). A positive assertion removed outside any negative one only
    widens what the filter lets through, and the row itself, look-behinds included, is still
    matched on the article. A pattern with a comment group, a conditional group (``(?(…)…)``,
    whose condition may be the look-behind) or an unbalanced group is returned as it is."""
    if "(?<=" not in source or "(?#" in source or "(?(" in source:
        return source
    out: list[str] = []
    negative: list[bool] = []  # per open group: is it a negative look-around?
    inside_negative = 0
    dropping = -1  # while a look-behind is skipped: the number of groups open outside it
    i, n = 0, len(source)
    while i < n:
        c = source[i]
        piece = c
        if c == "\\":
            piece = source[i:i + 2]
        elif c == "[":
            end = _class_end(source, i)
            if end is None:
                return source
            piece = source[i:end]
        elif c == "(":
            if dropping < 0 and not inside_negative and source.startswith("(?<=", i):
                dropping = len(negative)
            is_negative = source.startswith(("(?!", "(?<!"), i)
            negative.append(is_negative)
            inside_negative += is_negative
        elif c == ")" and negative:
            inside_negative -= negative.pop()
            if len(negative) == dropping:  # the skipped look-behind closes: its quantifier goes too
                dropping = -1
                quantifier = _QUANTIFIER.match(source, i + 1)
                i = i + 1 if quantifier is None else quantifier.end()
                continue
        if dropping < 0:
            out.append(piece)
        i += len(piece)
    return source if dropping >= 0 else "".join(out)  # an unbalanced look-behind: as it is


def _class_end(source: str, i: int) -> int | None:
    """The index just after the character class that opens at ``source[i] == "["``."""
    j, n = i + 1, len(source)
    if source.startswith("^", j):
        j += 1
    if source.startswith("]", j):
        j += 1
    while j < n:  # as regex's default version (V0) reads it: "[" inside a class is a member
        c = source[j]
        if c == "\\":
            j += 2
            continue
        if c == "]":
            return j + 1
        j += 1
    return None


#: doc.cache key of the word starts of a text (see ``word_starts``).
WORD_STARTS = "glossary.word-starts"


class WordStarts:
    """What the table kinds read of a text, once per document and text (each part on first
    use): its word starts grouped by the three characters that follow each (``by_raw``), and
    by those characters folded as ``StartIndex`` keys (``by_folded``; ``folded_of``: raw key ->
    folded key or None; ``odd``: the raw keys that cannot be folded), and the case-folded text.
    Shared by every table: change nothing."""

    __slots__ = ("text", "_by_raw", "_by_folded", "folded_of", "odd", "_by_long", "unlong", "_casefolded", "_whole",
                 "_by_head")

    def __init__(self, text: str) -> None:
        self.text = text
        self._by_raw: dict[str, list[int]] | None = None
        self._by_folded: dict[str, list[int]] | None = None
        self.folded_of: dict[str, str | None] = {}
        self.odd: list[str] = []
        self._by_long: dict[str, list[int]] | None = None
        self.unlong: list[int] = []
        self._casefolded: str | None = None
        self._whole: tuple[str | None] | None = None
        self._by_head: dict[str, list[str]] | None = None

    @property
    def by_raw(self) -> dict[str, list[int]]:
        """The three characters from a word start -> the word starts they follow, in order."""
        if self._by_raw is None:
            text = self.text
            by_raw: dict[str, list[int]] = {}
            for start in word_start_positions(text):
                key = text[start : start + 3]
                where = by_raw.get(key)
                if where is None:
                    by_raw[key] = [start]
                else:
                    where.append(start)
            self._by_raw = by_raw
        return self._by_raw

    @property
    def by_folded(self) -> dict[str, list[int]]:
        """Folded key -> its word starts (with ``folded_of`` and ``odd``)."""
        if self._by_folded is None:
            from checker.prefilter import KEY_LEN, fold_key

            whole = self.whole_folded
            folded: dict[str, list[int]] = {}
            for raw, where in self.by_raw.items():
                if whole is not None and len(raw) == KEY_LEN:
                    key = self.folded_of[raw] = whole[where[0] : where[0] + KEY_LEN]
                else:
                    key = self.folded_of[raw] = fold_key(raw)
                if key is None:
                    self.odd.append(raw)
                else:
                    folded[key] = folded[key] + where if key in folded else where
            self._by_folded = folded
        return self._by_folded

    @property
    def by_head(self) -> dict[str, list[str]]:
        """The first character, and the first two, of each folded key -> those keys of
        ``by_folded`` (what the index's shorter keys, whole matches, are looked up in)."""
        if self._by_head is None:
            by_head: dict[str, list[str]] = {}
            for key in self.by_folded:
                for head in (key[:1], key[:2]):
                    if head in by_head:
                        by_head[head].append(key)
                    else:
                        by_head[head] = [key]
            self._by_head = by_head
        return self._by_head

    @property
    def by_long(self) -> dict[str, list[int]]:
        """The first ``LONG_LEN`` characters from a word start, folded (``prefilter.fold_long``)
        -> the word starts they follow; ``unlong``: the word starts where they cannot be folded."""
        if self._by_long is None:
            from checker.prefilter import LONG_LEN, fold_long

            text = self.text
            folded = self.whole_folded
            last = len(text) - LONG_LEN
            by_long: dict[str, list[int]] = {}
            for where in self.by_raw.values():
                for start in where:
                    if folded is not None:
                        key = folded[start : start + LONG_LEN] if start <= last else None
                    else:
                        key = fold_long(text[start : start + LONG_LEN + 2])
                    if key is None:
                        self.unlong.append(start)
                    elif key in by_long:
                        by_long[key].append(start)
                    else:
                        by_long[key] = [start]
            self._by_long = by_long
        return self._by_long

    @property
    def whole_folded(self) -> str | None:
        """The text folded as the keys are (``prefilter.fold_text``), or None when lowering
        changes its length somewhere (then each key is folded on its own)."""
        if self._whole is None:
            from checker.prefilter import fold_text

            self._whole = (fold_text(self.text),)
        return self._whole[0]

    @property
    def casefolded(self) -> str:
        """``text.casefold()`` (what a table's literal keys are searched in)."""
        if self._casefolded is None:
            self._casefolded = self.text.casefold()
        return self._casefolded


def word_start_positions(text: str) -> list[int]:
    """Where ``_WORD_START`` matches in `text`, in order (by the runs of word characters when
    no run can begin with a mark or "_", which hold no word start)."""
    if _MARK_OR_UNDERSCORE.search(text) is None:
        return [m.start() for m in _WORD_RUN.finditer(text)]
    return [m.start() for m in _WORD_START.finditer(text)]


def word_starts(doc: Document, text: str) -> WordStarts:
    """The ``WordStarts`` of `text` (the document's prose or a view of it), once per document and text."""
    memo: dict[int, WordStarts] = doc.cache.setdefault(WORD_STARTS, {})
    got = memo.get(id(text))
    if got is None or got.text is not text:
        got = memo[id(text)] = WordStarts(text)  # the text is kept, so its id is not reused
    return got


#: Pattern parts whose partial match on a shorter text may differ (lookarounds, anchors,
#: boundaries, conditionals, fuzzy constraints): entries holding one are always asked.
_NOT_PLAIN = ("(?=", "(?!", "(?<", "(?(", "\\b", "\\B", "\\m", "\\M", "\\A", "\\Z", "\\z", "\\G", "\\K",
              "$", "^", "{e", "{i", "{d", "{s", "(?r", "(?f", "(?V", "(?w", "\\X")


def is_plain(source: str) -> bool:
    """Does a row's prefix pattern hold no lookaround, anchor, boundary or fuzzy part (see ``_NOT_PLAIN``)?"""
    return not any(x in source for x in _NOT_PLAIN)


class StartMemo:
    """Across articles: for each prefix key, the entries known to be able to begin with it and
    the entries already asked about (bounded). One intersection per new key of an article
    replaces one partial match lookup per candidate entry.

    Sets of entries are bit masks (bit ``i`` = entry ``i``): a run meets tens of thousands of
    keys per table, most with a few entries, and two Python sets per key held about 50 MiB over
    the 1 MB subset where two ints per key hold a few."""

    __slots__ = ("able", "asked", "size", "plain", "rough", "known")

    #: The most (key, entry) answers kept per table before the memo starts again.
    LIMIT = 200_000

    def __init__(self) -> None:
        self.able: dict[str, int] = {}  # only keys some entry can begin with
        self.asked: dict[str, int] = {}
        self.size = 0
        #: Entry -> its pattern has no lookaround, anchor, boundary or fuzzy part (see ``entries``).
        self.plain: dict[int, bool] = {}
        #: The entries known not to be plain (a mask).
        self.rough = 0
        #: The entries in ``plain`` (a mask: the new entries of a question are found without a loop).
        self.known = 0

    def entries(self, key: str, candidates: int, body: Callable[[int], regex.Pattern[str]]) -> int:
        """The candidates (a mask) whose pattern can begin with `key` (a partial match says so).

        A plain pattern (no lookaround, anchor, boundary or fuzzy part) that cannot begin with
        the key's first character cannot begin with the key: the first character is asked first
        (about 30 questions per entry and article instead of one per distinct key)."""
        asked = self.asked.get(key)
        if asked is not None and not candidates & ~asked:
            return candidates & self.able.get(key, 0)  # every candidate was asked about this key
        first: int | None = None
        if len(key) > 1:
            first = self.entries(key[0], candidates, body)
            asked = self.asked.get(key)  # the memo may have started again meanwhile
        if asked is None:
            asked = self._restart_if_full()
        new = candidates & ~asked
        if new:
            ask = new
            if first is not None:
                plain = self.plain
                rest = new & ~self.known
                self.known |= rest
                while rest:
                    low = rest & -rest
                    i = low.bit_length() - 1
                    if i not in plain:
                        plain[i] = is_plain(body(i).pattern)
                        if not plain[i]:
                            self.rough |= low
                    rest ^= low
                ask = new & (first | self.rough)
            self._ask(key, asked, new, ask, body)
        return candidates & self.able.get(key, 0)

    def _restart_if_full(self) -> int:
        """Empty the memo when it holds ``LIMIT`` answers; the entries asked about a new key (none)."""
        if self.size >= self.LIMIT:
            self.able.clear()
            self.asked.clear()
            self.size = 0
        return 0

    def _ask(self, key: str, asked: int, new: int, ask: int, body: Callable[[int], regex.Pattern[str]]) -> None:
        """Ask the entries of `ask` (a mask) whether they can begin with `key` (a partial match),
        and record `new` as asked about `key` (the entries of `new` not in `ask` cannot)."""
        able = self.able.get(key, 0)
        rest = ask
        while rest:
            low = rest & -rest
            if body(low.bit_length() - 1).match(key, partial=True) is not None:
                able |= low
            rest ^= low
        if able:
            self.able[key] = able
        self.asked[key] = asked | new
        self.size += new.bit_count()

    def entries_past(self, key: str, candidates: int, body: Callable[[int], regex.Pattern[str]]) -> int:
        """``entries`` for candidates already known to be able to begin with `key`'s first three
        characters (``PrefixFilter.starting_with``): the same answer, without first asking about
        `key`'s first character (a plain candidate passed it already; a candidate that is not
        plain is asked either way). One call per new longer key of an article, not two or three."""
        asked = self.asked.get(key)
        if asked is None:
            asked = self._restart_if_full()
        new = candidates & ~asked
        if new:
            self._ask(key, asked, new, new, body)
        return candidates & self.able.get(key, 0)


def _mask(entries: Iterable[int]) -> int:
    mask = 0
    for i in entries:
        mask |= 1 << i
    return mask


class PrefixFilter:
    """Per article: the candidate entries whose pattern can begin with a 3-character key (a
    partial match says so), and, of those, the ones that can begin with a longer key (a
    second filter drops entries that open on a common word, « la », « les »). `memo` keeps
    each (entry, key) answer across articles (bounded). Entries come in `candidates` order.

    With `index` (``checker.prefilter.start_index``), the entries whose start keys were read
    from their source are looked up there instead of being asked; the first filter may then
    name more entries than a partial match would (never fewer), and the second, asked by
    partial match of the longer key, names exactly the same ones (a plain pattern that can
    begin with a longer key can begin with its first three characters)."""

    __slots__ = ("body", "seen", "index", "everyone", "static", "asked", "rank", "three", "longer")

    def __init__(self, candidates: list[int], body: Callable[[int], regex.Pattern[str]],
                 memo: StartMemo | None = None, index: StartIndex | None = None) -> None:
        self.body = body
        self.seen = StartMemo() if memo is None else memo
        self.index = index
        self.everyone = _mask(candidates)
        #: The candidates the index answers for, and the ones the memo is asked about.
        self.static = self.everyone & index.static if index is not None else 0
        self.asked = self.everyone & ~self.static
        self.rank = None if candidates == sorted(candidates) else {i: n for n, i in enumerate(candidates)}
        #: 3-character key -> its entries (a mask: the order is only needed for the longer keys).
        self.three: dict[str, int] = {}
        #: Longer key -> its entries in order (what ``starting_with`` answers; ``scan_rows``
        #: reads it first: most word starts of an article repeat a key).
        self.longer: dict[str, tuple[int, ...]] = {}

    def _in_order(self, found: int) -> tuple[int, ...]:
        if not found:
            return ()
        indices = mask_indices(found)
        return tuple(indices if self.rank is None else sorted(indices, key=self.rank.__getitem__))

    def prefix_mask(self, key: str) -> int:
        """The entries (a mask) that can begin with the 3-character `key`."""
        got = self.three.get(key)
        if got is None:
            known = self.index.lookup(key) if self.static and self.index is not None else None
            if known is None:
                got = self.seen.entries(key, self.everyone, self.body)
            else:
                got = known & self.static
                if self.asked:
                    got |= self.seen.entries(key, self.asked, self.body)
            self.three[key] = got
        return got

    def by_prefix(self, key: str) -> tuple[int, ...]:
        """The entries that can begin with the 3-character `key`, in candidate order."""
        return self._in_order(self.prefix_mask(key))

    def starting_with(self, key: str) -> tuple[int, ...]:
        """Of ``by_prefix(key[:3])``, the entries that can begin with the longer `key`."""
        got = self.longer.get(key)
        if got is None:
            mask = self.prefix_mask(key[:3])
            index = self.index
            if index is not None and mask & self.static & index.long_rows:  # (else narrow keeps every row)
                mask = index.narrow(key, mask)  # fewer rows for the partial matches to ask
            if mask:
                # ``StartMemo.entries``' first test, inline (a key already asked about for these
                # entries, most of them): one call less per new key of an article.
                seen = self.seen
                asked = seen.asked.get(key)
                if asked is not None and not mask & ~asked:
                    mask &= seen.able.get(key, 0)
                else:
                    mask = seen.entries_past(key, mask, self.body)
            got = self.longer[key] = self._in_order(mask)
        return got

    def _pre_starts(self, words: WordStarts, text: str, at_long: int) -> list[int]:
        """The word starts whose longer key begins with one of the index's shorter longer keys
        (``StartIndex.pre``) of a row of `at_long`: found from the word starts of their first
        three characters (``pre3``: few keys, « le », « a »…), each checked by slices of the folded
        text (a map of every word start's shorter keys cost about 0.8 ms per article)."""
        from checker.prefilter import LONG_LEN, PRE_LEN, fold_long

        index = self.index
        assert index is not None
        pre, pre3, by_folded = index.pre, index.pre3, words.by_folded
        whole = words.whole_folded
        last = len(text) - LONG_LEN
        found = []
        for head in by_folded.keys() & pre3.keys():
            if not pre3[head] & at_long:
                continue
            for start in by_folded[head]:
                if start > last:
                    continue  # a word start of ``unlong``: asked at three characters
                key = whole[start : start + LONG_LEN] if whole is not None else fold_long(text[start : start + LONG_LEN + 2])
                if key is None:
                    continue  # (« İ »: in ``unlong`` as well)
                rows = 0
                for n in range(PRE_LEN, LONG_LEN):
                    rows |= pre.get(key[:n], 0)
                if rows & at_long:
                    found.append(start)
        return found

    def starts(self, doc: Document, text: str, key_of: Callable[[str], str]) -> list[int]:
        """The word starts of `text`, in order, where ``starting_with`` can name an entry (the
        others it need not be asked about): where ``by_prefix`` of ``key_of`` of the three
        characters there is not empty, less those where the index's longer keys rule out every
        entry. The entries the index answers for are found by set intersections of the text's
        keys with the index's; the others are asked key by key."""
        words = word_starts(doc, text)
        index = self.index
        if not self.static or index is None:
            found = [s for raw, where in words.by_raw.items() if self.prefix_mask(key_of(raw)) for s in where]
            found.sort()
            return found
        static, three, by_folded = self.static, index.three, words.by_folded
        # Entries without longer keys: by their 3-character keys.
        at_three = static & ~index.long_rows
        keys = {key for key in by_folded.keys() & three.keys() if three[key] & at_three}
        short = index.short
        if short:  # rows with a whole match shorter than a key: the keys that begin with one
            heads = words.by_head
            for head in heads.keys() & short.keys():
                if short[head] & at_three:
                    keys.update(heads[head])
        found = [s for key in keys for s in by_folded[key]]
        # Entries with longer keys: by the word starts' longer keys (``narrow`` in starting_with).
        at_long = static & index.long_rows
        if at_long:
            longer, by_long = index.longer, words.by_long
            for key in by_long.keys() & longer.keys():
                if longer[key] & at_long:
                    found.extend(by_long[key])
            if index.pre:
                found.extend(self._pre_starts(words, text, at_long))
            for start in words.unlong:  # too close to the end, or « İ »: as without the index
                if self.prefix_mask(key_of(text[start : start + 3])):
                    found.append(start)
        for raw in words.odd:  # keys the index cannot read: every candidate is asked
            if self.prefix_mask(key_of(raw)):
                found.extend(words.by_raw[raw])
        if self.asked:  # the candidates the index does not answer for, key by key
            seen, asked, body, by_raw = self.seen, self.asked, self.body, words.by_raw
            memo_asked, memo_able = seen.asked, seen.able  # ``StartMemo.entries``' first test, inline
            for raw, folded in words.folded_of.items():
                if folded is None or folded in keys:
                    continue
                key = key_of(raw)
                known = memo_asked.get(key)
                if known is not None and not asked & ~known:
                    if asked & memo_able.get(key, 0):
                        found.extend(by_raw[raw])
                elif seen.entries(key, asked, body):
                    found.extend(by_raw[raw])
        return sorted(set(found))

