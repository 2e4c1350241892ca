"""Kind ``sense-table``: calques and false friends keyed by source language, each with its contexts.

A table of expressions that machine translation produces from a given source language,
kept per target language (the table lives in the target language's pack). Each row::

    source<TAB>pattern<TAB>suggestion[|suggestion…][<TAB>condition]…

``source`` names the language the error comes from (``en``, ``es``, ``id``, ``tr``, ``vi``,
several joined with ``,``, or ``*``). ``pattern``, suggestions and the ``left=``, ``right=``,
``notleft=``, ``notright=`` conditions are those of the ``glossary`` kind (a space matches
any white space, ``'`` any apostrophe, whole words, case-insensitive). Two more conditions
look at the whole article, for words whose wrong sense is only recognisable by the topic:

- ``doc=RE``: the entry applies only if ``RE`` occurs somewhere in the article (e.g. a
  shooting rendered as a film shoot: only in an article that mentions police or victims);
- ``notdoc=RE``: the entry is skipped when ``RE`` occurs in the article;
- ``lang=xx[,yy]``: the entry applies only to articles in these languages (for a table
  shared by several languages, such as literal infobox labels);
- ``topic=NAME[,NAME…]``: the entry applies only when the article belongs to one of these
  topics; ``notopic=NAME[,NAME…]``: it is skipped when the article belongs to one of them.
  A topic is pack data, ``topics.tsv`` beside the rule (``rules/<lang>/topics.tsv``, read by
  ``load_topics(pack_dir)``): one row per topic, ``name<TAB>minimum<TAB>cue<TAB>cue…``,
  each cue a pattern written as the others (whole words, case-insensitive, ``(?-i:…)`` for a
  case-sensitive part). The article belongs to the topic when at least ``minimum`` DISTINCT
  cues (cells, not occurrences) occur in it: three different words of the transfer market
  make a football article where one ``doc=`` word (« club », « prêt ») does not. A topic is
  decided once per article (one pass over the prose per topic, stopped as soon as enough
  cues are seen), only when a row that needs it has matched, and shared by every rule of
  the pack through ``doc.cache``.

A row may carry its own examples, ``bad=`` (the reported span marked ``[[…]]``) and
``good=`` (the same words where they are correct); the checker ignores them and
``tests/test_calque_row_examples.py`` runs each against the rule that reads the table.

params:
- ``table``: the file beside the rule;
- ``sources``: optional list of source languages to apply (default: every row);
- ``ignore_case``: default true.

Since a machine-translated article does not say what it was translated from, the rows must
be precise on their own: the condition of each row is what makes it safe on clean text.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Generic, TypeVar, cast

import regex

from checker.context import Context
from checker.dataclass import dataclass
from checker.document import Document
from checker.finding import Hit
from checker.kinds.glossary import (
    _TIMEOUT,
    Entry,
    PrefixFilter,
    StartMemo,
    _body,
    _hit,
    _source,
    compile_entry,
    is_plain,
    word_starts,
)
from checker.rules import Rule, param
from checker.wordlists import read_table, read_table_rows

if TYPE_CHECKING:
    from checker.prefilter import LazyTable

T = TypeVar("T")

NAME = "sense-table"
PARAMS = {
    "table": param(str, required=True, doc="source<TAB>pattern<TAB>suggestions<TAB>conditions… file beside the rule"),
    "sources": param(list, default=None, doc="source languages to apply (default: all rows)"),
    "ignore_case": param(bool, default=True),
}

_SOURCE = regex.compile(r"^(?:\*|[a-z]{2,3}(?:,[a-z]{2,3})*)$")


@dataclass(frozen=True, slots=True)
class Row:
    """One compiled table row: the glossary entry plus its article-level conditions."""

    entry: Entry
    sources: frozenset[str]
    doc_need: tuple[regex.Pattern[str], ...]
    doc_skip: tuple[regex.Pattern[str], ...]
    langs: frozenset[str] = frozenset()
    topics: frozenset[str] = frozenset()
    not_topics: frozenset[str] = frozenset()


@dataclass(frozen=True, slots=True)
class Topic:
    """A named topic of a pack: its cue patterns and how many distinct ones make an article of it."""

    name: str
    minimum: int
    cues: regex.Pattern[str]  # one alternation, a named group per cue: c0, c1, …


_TOPIC_NAME = regex.compile(r"^[a-z][a-z0-9_-]*$")


def compile_topics(rows: tuple[tuple[str, ...], ...], where: str) -> dict[str, Topic]:
    """Topics from the rows of a ``topics.tsv`` (name, minimum, cues…); ValueError naming a bad row."""
    topics: dict[str, Topic] = {}
    for cells in rows:
        cues = [c for c in cells[2:] if c]
        if len(cells) < 3 or not _TOPIC_NAME.match(cells[0]) or not cells[1].isdigit() or not cues:
            raise ValueError(f"{where}: {cells[:2]!r}: a topic row is name<TAB>minimum<TAB>cue<TAB>cue…")
        minimum = int(cells[1])
        if not 1 <= minimum <= len(cues):
            raise ValueError(f"{where}: {cells[0]!r}: minimum {minimum} for {len(cues)} cues")
        if cells[0] in topics:
            raise ValueError(f"{where}: topic {cells[0]!r} defined twice")
        body = "|".join(f"(?P<c{i}>{_body(c)})" for i, c in enumerate(cues))
        try:
            compiled = regex.compile(r"(?<![\p{L}\p{M}\p{N}_])(?:" + body + r")(?![\p{L}\p{M}\p{N}_])", regex.IGNORECASE)
        except regex.error as exc:
            raise ValueError(f"{where}: topic {cells[0]!r}: {exc}") from None
        topics[cells[0]] = Topic(cells[0], minimum, compiled)
    return topics


def load_topics(pack_dir: Path) -> dict[str, Topic]:
    """The topics of a pack (``pack_dir/topics.tsv``; none when the file is absent), for any language:
    read once per process and version of the file (every table rule of the pack asks)."""
    path = pack_dir / "topics.tsv"
    try:
        st = path.stat()
    except OSError:
        return {}
    return _topics_at(path, st.st_mtime_ns, st.st_size)


@lru_cache(maxsize=32)
def _topics_at(path: Path, _mtime: int, _size: int) -> dict[str, Topic]:
    return compile_topics(read_table(path), path.name)


def in_topic(doc: Document, topic: Topic, key: str) -> bool:
    """Does the article hold ``topic.minimum`` distinct cues of the topic (memoised in ``doc.cache``)."""
    memo: dict[str, bool] = doc.cache.setdefault("sense-table-topics", {})
    got = memo.get(key)
    if got is None:
        seen: set[str] = set()
        for m in topic.cues.finditer(doc.prose, timeout=_TIMEOUT):
            if m.lastgroup is not None:
                seen.add(m.lastgroup)
                if len(seen) >= topic.minimum:
                    break
        got = memo[key] = len(seen) >= topic.minimum
    return got


def _names(expr: str) -> set[str]:
    return {x.strip() for x in expr.split(",") if x.strip()}


def _compile_row(cells: tuple[str, ...], flags: int, where: str) -> Row:
    if len(cells) < 2 or not _SOURCE.match(cells[0]):
        raise ValueError(f"{where}: {cells!r}: a row starts with a source language (en, es, id, tr, vi or *)")
    rest: list[str] = []
    need: list[regex.Pattern[str]] = []
    skip: list[regex.Pattern[str]] = []
    langs: set[str] = set()
    topics: set[str] = set()
    not_topics: set[str] = set()
    for i, cell in enumerate(cells[1:]):
        key, sep, expr = cell.partition("=")
        if i >= 2 and sep and key.strip() == "lang":
            langs.update(x.strip() for x in expr.split(",") if x.strip())
        elif i >= 2 and sep and key.strip() in ("topic", "notopic"):
            (topics if key.strip() == "topic" else not_topics).update(_names(expr))
        elif i >= 2 and sep and key.strip() in ("doc", "notdoc"):
            try:
                compiled = regex.compile(r"(?<![\p{L}\p{M}\p{N}_])(?:" + _body(expr.strip()) + r")(?![\p{L}\p{M}\p{N}_])", flags)
            except regex.error as exc:
                raise ValueError(f"{where}: {cells[1]!r}: {exc}") from None
            (need if key.strip() == "doc" else skip).append(compiled)
        else:
            rest.append(cell)
    entry = compile_entry(tuple(rest), flags, where)
    return Row(
        entry, frozenset(cells[0].split(",")), tuple(need), tuple(skip), frozenset(langs),
        frozenset(topics), frozenset(not_topics),
    )


def compile_table(rows: tuple[tuple[str, ...], ...], flags: int, where: str) -> list[Row]:
    """Every row compiled (what the tests use to validate a whole table at once)."""
    return [_compile_row(r, flags, where) for r in rows]


class TableScan(Generic[T]):
    """What the table kinds (``sense-table``, ``support-verb``) do with a table once its rows are
    read: the rows kept for the rule's sources, their topics and languages (``_table_meta``),
    each row's prefix pattern (compiled on first need, or all now when the rule files are new),
    the start index, and per article the rows that match (``matches``). `patterns` are the rows'
    patterns, `cells` the rows as ``sense-table`` cells (what the metadata is read from), and
    `sense` gives an entry's ``Row`` when the table's entries wrap one."""

    def __init__(self, rule: Rule, name: str, table: LazyTable[T], patterns: Sequence[str],
                 cells: Sequence[tuple[str, ...]], flags: int, sense: Callable[[T], Row] | None = None,
                 patterns_name: object = None) -> None:
        from checker.memo import Pool
        from checker.prefilter import ROWS_KEPT, is_trusted, start_index

        keep, wanted_topics, row_langs, fold_keys = _table_meta(cells, tuple(rule.params["sources"] or ()), flags)
        if not keep:
            raise ValueError(f"{name}: no entries")
        self.pack_dir = rule.resolve(name).parent
        self.topics = load_topics(self.pack_dir) if wanted_topics else {}
        unknown = sorted(wanted_topics - set(self.topics))
        if unknown:
            raise ValueError(f"{name}: unknown topic(s) {', '.join(unknown)} (define them in {self.pack_dir.name}/topics.tsv)")
        self.table, self.patterns, self.flags, self.sense = table, patterns, flags, sense
        self.keep, self.row_langs, self.fold_keys = keep, row_langs, fold_keys
        self.bodies: dict[int, regex.Pattern[str]] = Pool(ROWS_KEPT)  # bounded, as the compiled rows
        self.starts = StartMemo()  # (row, key) -> can the row begin with key, across articles
        if not is_trusted():
            for i in sorted(keep):
                self.body(i)
        table.settle()
        self.any_lang = any(not row_langs[i] for i in keep)
        self.langs = frozenset().union(*(row_langs[i] for i in keep))
        self.allowed: dict[str, frozenset[int]] = {}  # article language -> the kept rows that apply to it
        self.index = start_index(patterns, _source, is_plain, patterns_name)  # (prefilter.table_name)

    def body(self, i: int) -> regex.Pattern[str]:
        """Row `i`'s pattern as written (``Entry.source``): the whole row need not be compiled, or
        made again once the bounded pool has dropped it, to ask whether it can match here."""
        got = self.bodies.get(i)
        if got is None:
            got = self.bodies[i] = regex.compile(_source(self.patterns[i]), self.flags)
        return got

    def key_of(self, s: str) -> str:
        return s.lower() if self.fold_keys else s

    def allowed_for(self, lang: str) -> frozenset[int]:
        got = self.allowed.get(lang)
        if got is None:
            got = self.allowed[lang] = frozenset(i for i in self.keep if not self.row_langs[i] or lang in self.row_langs[i])
        return got

    def matches(self, doc: Document, ctx: Context) -> Iterator[tuple[T, regex.Match[str]]]:
        """The entries that match in `doc`'s prose and their matches (``scan_rows``)."""
        if not self.any_lang and ctx.primary not in self.langs:
            return  # every row is for other article languages
        text = doc.prose
        applies = self.allowed_for(ctx.primary)
        candidates = [i for i in self.table.candidates(text, word_starts(doc, text).casefolded) if i in applies]
        if not candidates:
            return
        prefixes = PrefixFilter(candidates, self.body, self.starts, self.index)
        yield from scan_rows(doc, prefixes, self.key_of, self.body, self.table.entry, self.topics, self.pack_dir, self.sense)


def build(rule: Rule):  # noqa: ANN201
    """Read the table; compile each row when an article first holds its literal words (as glossary)."""
    from checker.prefilter import LazyTable, is_trusted, table_name

    flags = regex.IGNORECASE if rule.params["ignore_case"] else 0
    name = rule.params["table"]
    raw = read_table_rows(rule.resolve(name))  # each row split when first asked for
    # The store names the table's derived data by the file (no digest of its patterns).
    patterns_name = table_name(raw, 1)
    # Rule files that built before (``trusted()``: their packs' files, tables included, are
    # fingerprinted) had every row checked then.
    for cells in () if is_trusted() else raw:
        if len(cells) < 2 or not _SOURCE.match(cells[0]):
            _compile_row(cells, flags, name)  # raises, naming the row
    table = LazyTable(raw, lambda cells: cells[1], lambda cells: _compile_row(cells, flags, name), name=patterns_name)
    scan = TableScan(rule, name, table, raw.column(1), raw, flags, patterns_name=patterns_name)

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        for row, m in scan.matches(doc, ctx):
            yield _hit(doc, row.entry, m)

    return check


def scan_rows(doc: Document, prefixes: PrefixFilter, key_of: Callable[[str], str],
              body: Callable[[int], regex.Pattern[str]], entry: Callable[[int], T],
              topics: dict[str, Topic], pack_dir: Path, sense: Callable[[T], Row] | None = None) -> Iterator[tuple[T, regex.Match[str]]]:
    """The rows of a table that match in `doc`'s prose, left to right, and their matches: at each
    word start ``prefixes`` names, the first candidate whose prefix pattern (`body`) and whole
    row (`entry`, compiled on first need) match there and whose article-level conditions
    (``doc=``, ``notdoc=``, topics) hold; the scan goes on after the match. `sense` gives the
    ``Row`` of an entry (the entry itself by default; the ``support-verb`` kind wraps it)."""
    text = doc.prose
    # An article-level pattern (its source and flags: a row's patterns may be made again within
    # one article, see ROWS_KEPT) -> does it occur here.
    seen: dict[tuple[str, int], bool] = {}

    def occurs(p: regex.Pattern[str]) -> bool:
        key = (p.pattern, p.flags)
        if key not in seen:
            seen[key] = p.search(text, timeout=_TIMEOUT) is not None
        return seen[key]

    pos = 0
    longer = prefixes.longer  # ``starting_with``'s answers: read first, most keys repeat
    # The keys keep their case when a row is case-sensitive in part ((?-i:…)).
    for start in prefixes.starts(doc, text, key_of):
        if start < pos:
            continue
        key = key_of(text[start : start + 8])
        rows = longer.get(key)
        for i in prefixes.starting_with(key) if rows is None else rows:
            if body(i).match(text, start, timeout=_TIMEOUT) is None:
                continue  # the row's own match needs this one: its row need not be compiled
            got = entry(i)
            row = sense(got) if sense is not None else cast(Row, got)
            m = row.entry.regex.match(text, start, timeout=_TIMEOUT)
            if m is None:
                continue
            if not all(occurs(p) for p in row.doc_need) or any(occurs(p) for p in row.doc_skip):
                continue
            if row.topics and not any(in_topic(doc, topics[t], f"{pack_dir}:{t}") for t in row.topics):
                continue
            if any(in_topic(doc, topics[t], f"{pack_dir}:{t}") for t in row.not_topics):
                continue
            yield got, m
            pos = m.end()
            break


def _table_meta(raw: Sequence[tuple[str, ...]], wanted: tuple[str, ...], flags: int) \
        -> tuple[frozenset[int], frozenset[str], list[frozenset[str]], bool]:
    """What ``build`` reads from every row without compiling it: the rows kept for the wanted
    sources, the topics the rows name, each row's ``lang=`` languages, and whether the prefix keys
    may be folded to lower case (every row ignores case: far fewer distinct keys). Kept in the
    pattern store under the name of the table's contents: the file's store key when the rows
    were read from the store (``listcache.source_key``), else a digest of the rows (a process
    reads one pickle, not 2,000 rows)."""
    from checker import listcache, regexcache

    def compute() -> tuple[frozenset[int], frozenset[str], list[frozenset[str]], bool]:
        keep = frozenset(
            i for i, cells in enumerate(raw)
            if not wanted or "*" in cells[0].split(",") or set(cells[0].split(",")) & set(wanted)
        )
        topics = frozenset().union(*(_topics_of(cells) for cells in raw))
        langs = [_langs_of(cells) for cells in raw]
        fold = bool(flags & regex.IGNORECASE) and not any("(?-i" in raw[i][1] for i in keep)
        return keep, topics, langs, fold

    if not regexcache.is_active():
        return compute()
    source = listcache.source_key(raw)
    name = regexcache.digest("\t".join(cells) for cells in raw) if source is None else source
    return regexcache.memo(("sense-table-meta", 3, ",".join(wanted), flags, len(raw), name), compute)


def _topics_of(cells: tuple[str, ...]) -> frozenset[str]:
    """The topics a row names (``topic=``, ``notopic=``), read without compiling it."""
    names: set[str] = set()
    for i, cell in enumerate(cells[1:]):
        key, sep, expr = cell.partition("=")
        if i >= 2 and sep and key.strip() in ("topic", "notopic"):
            names.update(_names(expr))
    return frozenset(names)


def _langs_of(cells: tuple[str, ...]) -> frozenset[str]:
    """The ``lang=`` condition of a row, read without compiling it (as ``_compile_row`` reads it)."""
    langs: set[str] = set()
    for i, cell in enumerate(cells[1:]):
        key, sep, expr = cell.partition("=")
        if i >= 2 and sep and key.strip() == "lang":
            langs.update(x.strip() for x in expr.split(",") if x.strip())
    return frozenset(langs)
