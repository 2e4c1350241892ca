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
  shared by several languages, such as literal infobox labels).

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

from collections.abc import Iterator
from dataclasses import dataclass

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.kinds.glossary import (
    _NAMED_GROUP,
    _TIMEOUT,
    _WORD_START,
    Entry,
    StartMemo,
    _body,
    _hit,
    compile_entry,
    prefix_filters,
)
from checker.rules import Rule, param
from checker.wordlists import read_table

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


def _compile_row(cells: tuple[str, ...], flags: int, where: str) -> Row:
    if len(cells) < 2 or not _SOURCE.match(cells[0]):
        raise ValueError(f"{where}: {cells!r}: a row starts with a source language (en, es, id, tr, vi or *)")
    rest: list[str] = []
    need: list[regex.Pattern[str]] = []
    skip: list[regex.Pattern[str]] = []
    langs: set[str] = set()
    for i, cell in enumerate(cells[1:]):
        key, sep, expr = cell.partition("=")
        if i >= 2 and sep and key.strip() == "lang":
            langs.update(x.strip() for x in expr.split(",") if x.strip())
        elif i >= 2 and sep and key.strip() in ("doc", "notdoc"):
            try:
                compiled = regex.compile(r"(?<![\p{L}\p{M}\p{N}_])(?:" + _body(expr.strip()) + r")(?![\p{L}\p{M}\p{N}_])", flags)
            except regex.error as exc:
                raise ValueError(f"{where}: {cells[1]!r}: {exc}") from None
            (need if key.strip() == "doc" else skip).append(compiled)
        else:
            rest.append(cell)
    entry = compile_entry(tuple(rest), flags, where)
    return Row(entry, frozenset(cells[0].split(",")), tuple(need), tuple(skip), frozenset(langs))


def compile_table(rows: tuple[tuple[str, ...], ...], flags: int, where: str) -> list[Row]:
    """Every row compiled (what the tests use to validate a whole table at once)."""
    return [_compile_row(r, flags, where) for r in rows]


def build(rule: Rule):  # noqa: ANN201
    """Read the table; compile each row when an article first holds its literal words (as glossary)."""
    from checker.prefilter import LazyTable, is_trusted

    flags = regex.IGNORECASE if rule.params["ignore_case"] else 0
    name = rule.params["table"]
    wanted = rule.params["sources"]
    raw = read_table(rule.resolve(name))
    for cells in raw:
        if len(cells) < 2 or not _SOURCE.match(cells[0]):
            _compile_row(cells, flags, name)  # raises, naming the row
    table = LazyTable(raw, lambda cells: cells[1], lambda cells: _compile_row(cells, flags, name))
    keep = frozenset(
        i for i, cells in enumerate(raw)
        if not wanted or "*" in cells[0].split(",") or set(cells[0].split(",")) & set(wanted)
    )
    if not keep:
        raise ValueError(f"{name}: no entries")
    bodies: dict[int, regex.Pattern[str]] = {}
    starts = StartMemo()  # (row, key) -> can the row begin with key, across articles

    def body(i: int) -> regex.Pattern[str]:
        got = bodies.get(i)
        if got is None:
            got = bodies[i] = regex.compile(_NAMED_GROUP.sub("(?:", _body(table.entry(i).entry.source)), flags)
        return got

    if not is_trusted():
        for i in sorted(keep):
            body(i)
    # When every row ignores case, the prefix keys are folded to lower case (as in glossary):
    # far fewer distinct keys, so far fewer partial matches per document.
    fold_keys = bool(flags & regex.IGNORECASE) and not any("(?-i" in raw[i][1] for i in keep)
    row_langs = [_langs_of(cells) for cells in raw]

    def key_of(s: str) -> str:
        return s.lower() if fold_keys else s

    any_lang = any(not row_langs[i] for i in keep)
    langs = frozenset().union(*(row_langs[i] for i in keep))

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        if not any_lang and ctx.primary not in langs:
            return  # every row is for other article languages
        text = doc.prose
        candidates = [
            i for i in table.candidates(text) if i in keep and (not row_langs[i] or ctx.primary in row_langs[i])
        ]
        if not candidates:
            return
        by_prefix, starting_with = prefix_filters(candidates, body, starts)
        topic: dict[int, bool] = {}  # id of an article-level pattern -> does it occur here

        def occurs(p: regex.Pattern[str]) -> bool:
            key = id(p)
            if key not in topic:
                topic[key] = p.search(text, timeout=_TIMEOUT) is not None
            return topic[key]

        pos = 0
        for w in _WORD_START.finditer(text):
            start = w.start()
            if start < pos:
                continue
            # The keys keep their case when a row is case-sensitive in part ((?-i:…)).
            if not by_prefix(key_of(text[start : start + 3])):
                continue
            for i in starting_with(key_of(text[start : start + 8])):
                row = table.entry(i)
                m = row.entry.regex.match(text, start, timeout=_TIMEOUT)
                if m is None:
                    continue
                if not all(occurs(p) for p in row.doc_need) or any(occurs(p) for p in row.doc_skip):
                    continue
                yield _hit(doc, row.entry, m)
                pos = m.end()
                break

    return check


def _langs_of(cells: tuple[str, ...]) -> frozenset[str]:
    """The ``lang=`` condition of a row, read without compiling it (as ``_compile_row`` reads it)."""
    langs: set[str] = set()
    for i, cell in enumerate(cells[1:]):
        key, sep, expr = cell.partition("=")
        if i >= 2 and sep and key.strip() == "lang":
            langs.update(x.strip() for x in expr.split(",") if x.strip())
    return frozenset(langs)
