"""Kind ``label-table``: a ``sense-table`` of infobox labels that also reads ``Label Value`` lines.

The rows, params and conditions are those of ``sense-table`` (each row a label of a template
translated word for word, with ``lang=`` and the label context ``left=\\n|\\A`` /
``right=:|\\t|\\n|\\Z``). Scraped infoboxes often lose the tab between a label and its value:
the line reads ``Label Value`` with one ordinary space, and no row sees its colon or tab.
This kind hands the rows a same-length view of the prose (offsets do not move) in which
such a space is read as a tab, when three things hold:

- the words before the space are a whole label of the article's language: a row pattern
  of the table for that language, a suggestion of such a row, or a label of the ``labels``
  list (the local templates' own labels), never the first words of a longer phrase;
- what follows looks like a value, not the rest of a sentence: it starts with a capital,
  a digit, a symbol or a URL, or is a short lowercase phrase that does not open with a
  function word; it holds none of the finite verbs and subject pronouns of the ``words``
  list, and is not a long line closed by a full stop;
- the line stands in an infobox block: at least ``block`` OTHER lines within ``window``
  lines start with a label of the same language (followed by a colon, a tab, the end of
  the line, or a space and a value).

The ``doc=`` conditions of the rows see the same view, so a block written ``Label Value``
throughout satisfies them as a block with tabs does. Labels, words and patterns are
compiled once per language, on the first article in that language; the view costs one pass
over the lines (a few anchored matches per short line).

params (besides those of ``sense-table``):
- ``labels``: ``lang<TAB>label`` file beside the rule: correct labels of local templates;
- ``words``: ``lang<TAB>verb|lead<TAB>word word…`` file beside the rule: ``verb`` words (finite
  verbs, subject pronouns) mark a sentence; ``lead`` words (articles, prepositions,
  conjunctions) cannot open a lowercase value;
- ``block``: other label lines needed near the line (default 2);
- ``window``: how many lines before and after count as near (default 15).
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any, cast

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.kinds import sense_table
from checker.kinds.glossary import _body
from checker.rules import Rule, param
from checker.wordlists import read_table

NAME = "label-table"
PARAMS = {
    **sense_table.PARAMS,
    "labels": param(str, default=None, doc="lang<TAB>label file beside the rule: the local templates' labels"),
    "words": param(str, default=None, doc="lang<TAB>verb|lead<TAB>words file beside the rule"),
    "block": param(int, default=2, doc="other label lines needed near a 'Label Value' line"),
    "window": param(int, default=15, doc="lines before and after that count as near"),
}

_MAX_LINE = 200  # characters: a longer line is prose
_MAX_LABEL = 60  # characters: the longest label looked for
_MAX_SPLITS = 6  # spaces tried as the end of a label
_SPACE = regex.compile(r"[ \u00a0]{1,3}")
_SEP = regex.compile(r"[ \u00a0\u202f]*(?::|：)|\t")
_WORD = regex.compile(r"[\p{L}\p{M}\p{N}'’]+")
_VALUE_START = regex.compile(r"[\p{Lu}\p{Lt}\p{N}€$£¥+(«\"“'#@]|https?:|www\.")
_LOWER_START = regex.compile(r"\p{Ll}")
# A sentence's end: ! ? … or a full stop after a word of four letters or more (not "Jr.", "Inc.", "J.").
_SENTENCE_END = regex.compile(r"(?:[!?…]|(?<=\p{L}{4})\.)[\s\p{Pf}\p{Pe}»\"]*$")


class _ProseView:
    """The document with another prose of the same length (what the rows match)."""

    __slots__ = ("_doc", "prose")

    def __init__(self, doc: Document, prose: str) -> None:
        self._doc = doc
        self.prose = prose

    def __getattr__(self, name: str) -> Any:
        return getattr(self._doc, name)


class _Lang:
    """The labels and value words of one article language, compiled."""

    __slots__ = ("label", "lead", "verbs")

    def __init__(self, label: regex.Pattern[str], verbs: frozenset[str], lead: frozenset[str]) -> None:
        self.label = label
        self.verbs = verbs
        self.lead = lead


def _row_lang(cells: tuple[str, ...]) -> frozenset[str]:
    return sense_table._langs_of(cells)


def build(rule: Rule):  # noqa: ANN201
    """The sense-table check, run on the prose view of each article."""
    inner = sense_table.build(rule)
    raw = read_table(rule.resolve(rule.params["table"]))
    local = read_table(rule.resolve(rule.params["labels"])) if rule.params["labels"] else ()
    words = read_table(rule.resolve(rule.params["words"])) if rule.params["words"] else ()
    block = max(1, int(rule.params["block"]))
    window = max(1, int(rule.params["window"]))
    flags = regex.IGNORECASE if rule.params["ignore_case"] else 0
    for cells in words:
        if len(cells) < 3 or cells[1] not in ("verb", "lead"):
            raise ValueError(f"{rule.params['words']}: {cells!r}: a row is lang<TAB>verb|lead<TAB>words")
    compiled: dict[str, _Lang | None] = {}

    def lang_data(lang: str) -> _Lang | None:
        if lang in compiled:
            return compiled[lang]
        alts: list[str] = []
        for cells in raw:
            if lang not in _row_lang(cells):
                continue
            alts.append(_body(cells[1]))
            alts.extend(_body(regex.escape(s.strip(), special_only=True, literal_spaces=True))
                        for s in cells[2].split("|") if s.strip() not in ("", "-"))
        alts.extend(_body(regex.escape(c[1], special_only=True, literal_spaces=True))
                    for c in local if len(c) >= 2 and c[0] == lang)
        data = None
        if alts:
            verbs = frozenset(w.casefold() for c in words if c[0] == lang and c[1] == "verb" for w in c[2].split())
            lead = frozenset(w.casefold() for c in words if c[0] == lang and c[1] == "lead" for w in c[2].split())
            data = _Lang(regex.compile("(?:" + "|".join(dict.fromkeys(alts)) + ")", flags), verbs, lead)
        compiled[lang] = data
        return data

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        data = lang_data(ctx.primary)
        view = spaced_view(doc, data, block, window) if data is not None else None
        yield from inner(doc if view is None else cast(Document, _ProseView(doc, view)), ctx)

    return check


def _label_form(prose: str, start: int, end: int, data: _Lang) -> tuple[str, int] | None:
    """How the line [start, end) opens with a whole label: ("sep" | "eol" | "space", end of the label)."""
    if end - start > _MAX_LINE or start == end or prose[start].isspace():
        return None
    label = data.label
    sep = _SEP.search(prose, start, min(end, start + _MAX_LABEL + 4))
    if sep is not None:
        cut = sep.start()
        while cut > start and prose[cut - 1] in " \u00a0\u202f":
            cut -= 1
        if cut > start and label.fullmatch(prose, start, cut):
            return "sep", cut
    stop = end
    while stop > start and prose[stop - 1].isspace():
        stop -= 1
    if stop - start <= _MAX_LABEL and label.fullmatch(prose, start, stop):
        return "eol", stop
    cuts = [m.start() for m in _SPACE.finditer(prose, start, min(stop, start + _MAX_LABEL + 1))][:_MAX_SPLITS]
    for cut in reversed(cuts):
        if label.fullmatch(prose, start, cut):
            return "space", cut
    return None


def _is_value(value: str, data: _Lang) -> bool:
    """Does the rest of a ``Label Value`` line read as a value rather than as the rest of a sentence?"""
    value = value.strip()
    if not value:
        return False
    found = _WORD.findall(value)
    words = [w.casefold() for w in found]
    # A verb or pronoun: the first word in any case, the others in lower case ("3 May 1930").
    if len(words) > 16 or any(w in data.verbs and (i == 0 or found[i].islower()) for i, w in enumerate(words)):
        return False
    if _SENTENCE_END.search(value):
        return False
    if _VALUE_START.match(value):
        return True
    if _LOWER_START.match(value):
        return 0 < len(words) <= 5 and words[0] not in data.lead
    return False


def spaced_view(doc: Document, data: _Lang, block: int, window: int) -> str | None:
    """The prose with the space after each ``Label Value`` label of an infobox block read as a
    tab, or None when no line needs it.

    A ``Label Value`` line needs ``block`` other label lines within ``window`` lines, and
    fewer of them with a colon or a tab than without: a scrape that lost the tab of one
    line lost it for the whole box, so a line without a separator among lines with one is
    a sentence that opens with a label's words."""
    prose = doc.prose
    forms: list[tuple[int, bool, bool, int]] = []  # (line index, has a separator, is "Label Value", end of the label)
    for n, line in enumerate(doc.lines):
        got = _label_form(prose, line.start, line.end, data)
        if got is None:
            continue
        form, cut = got
        if form == "space" and not _is_value(prose[cut:line.end], data):
            continue
        forms.append((n, form == "sep", form == "space", cut))
    if len(forms) <= block or not any(f[2] for f in forms):
        return None
    index = [f[0] for f in forms]
    seps = [0]
    for f in forms:
        seps.append(seps[-1] + f[1])
    cuts: list[int] = []
    lo = hi = 0
    for n, _sep, spaced, cut in forms:
        while index[lo] < n - window:
            lo += 1
        while hi < len(index) and index[hi] <= n + window:
            hi += 1
        with_sep = seps[hi] - seps[lo]
        if spaced and hi - lo - 1 >= block and 2 * with_sep < hi - lo:
            cuts.append(cut)
    if not cuts:
        return None
    parts: list[str] = []
    pos = 0
    for cut in cuts:
        parts.append(prose[pos:cut])
        parts.append("\t")
        pos = cut + 1
    parts.append(prose[pos:])
    return "".join(parts)
