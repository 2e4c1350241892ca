"""Kind ``head-rendering``: one name written with its generic word in two languages.

Names of competitions, bodies and places are made of a proper part and a generic word
(``Davis Cup``, ``Serie A``, ``Lyon Airport``, ``Nobel Prize``). Machine
translation keeps the generic word in one sentence and translates it in the next, so
that one article names the same thing ``Davis Cup`` and ``Davis-Pokal``, ``Nobel
Prize`` and ``Nobel-Preis``. This kind pairs every generic word of the table with the proper part right
beside it (a capitalised word, an acronym or a short number, joined by a space or a
hyphen, on either side) and groups the mentions by proper part and concept; when one
group holds renderings from two cells of the table's row, the minority rendering is
reported (on a tie, the later mentions), with the majority one as suggestion.

The table (beside the rule) has one concept per line, its cells separated by tabs, each
cell ``lang:form|form…`` (lowercase; inflected forms such as the German genitive listed in
the same cell). Two forms of one cell are the same rendering; a form found in two cells
counts for both.

params: ``table``; ``not_anchors`` (capitalised words that are never the proper part:
articles, prepositions, pronouns); ``max_digits`` (longest number taken as a proper part,
default 2: ``Liga 1``, not years).
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit, Severity
from checker.rules import Rule, param
from checker.wordlists import read_table

NAME = "head-rendering"
PARAMS = {
    "table": param(str, required=True, doc="one concept per line: lang:form|form<TAB>lang:form…"),
    "not_anchors": param(list, default=[], doc="words never taken as the proper part"),
    "max_digits": param(int, default=2, doc="longest number taken as the proper part"),
}

_TOKEN = regex.compile(r"[\p{L}\p{M}\p{N}]++")
_JOIN = frozenset((" ", "\u00a0", "-", "\u2011"))


@cache
def _table(path: Path) -> dict[str, tuple[tuple[int, int], ...]]:
    """form -> ((concept, cell), …)."""
    out: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for concept, row in enumerate(read_table(path)):
        for cell_index, cell in enumerate(row):
            if ":" not in cell:
                raise ValueError(f"{path.name}: cell {cell!r} is not lang:form|form")
            forms = cell.split(":", 1)[1]
            for form in forms.split("|"):
                form = form.strip().casefold()
                if form:
                    out[form].append((concept, cell_index))
    return {form: tuple(v) for form, v in out.items()}


def build(rule: Rule):  # noqa: ANN201
    p = rule.params
    path = rule.resolve(p["table"])
    not_anchors = frozenset(w.casefold() for w in p["not_anchors"])
    max_digits = p["max_digits"]
    if max_digits < 0:
        raise ValueError("max_digits must be >= 0")
    _table(path)  # validate the table when the rule is built

    def anchor(tok: regex.Match[str], heads: dict[str, tuple[tuple[int, int], ...]]) -> str | None:
        word = tok.group()
        if word.isdigit():
            return word if len(word) <= max_digits else None
        if not word[:1].isupper() or len(word) < 2:
            return None
        key = word.casefold()
        if key in not_anchors or key in heads:
            return None
        return key

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        text = doc.prose
        heads = _table(path)
        toks = list(_TOKEN.finditer(text))
        # (anchor, concept) -> list of (cell ids, start, end, head start)
        groups: dict[tuple[str, int], list[tuple[frozenset[int], int, int, int]]] = defaultdict(list)
        for i, tok in enumerate(toks):
            cells_of = heads.get(tok.group().casefold())
            if not cells_of:
                continue
            concepts: dict[int, set[int]] = defaultdict(set)
            for concept, cell in cells_of:
                concepts[concept].add(cell)
            for j in (i - 1, i + 1):
                if not 0 <= j < len(toks):
                    continue
                a, b = (toks[j], tok) if j < i else (tok, toks[j])
                if text[a.end():b.start()] not in _JOIN:
                    continue
                key = anchor(toks[j], heads)
                if key is None:
                    continue
                for concept, cells in concepts.items():
                    groups[(key, concept)].append((frozenset(cells), a.start(), b.end(), tok.start()))
        reported: set[int] = set()
        for (_, _), mentions in sorted(groups.items(), key=lambda kv: (kv[0][0].isdigit(), kv[0])):
            counts: Counter[int] = Counter()
            for cells, *_ in mentions:
                counts.update(cells)
            if len(counts) < 2:
                continue
            # Disjoint renderings only: a form shared by two cells agrees with both.
            best = max(counts.values())
            majority = [c for c, n in counts.items() if n == best]
            if len(majority) > 1:
                # A tie: the rendering of the first mention is the article's; the later ones are reported.
                first = mentions[0][0]
                majority = [c for c in majority if c in first] or majority[:1]
            keep = majority[0]
            model = next((m for m in mentions if keep in m[0]), None)
            for cells, start, end, head in mentions:
                if keep in cells or head in reported:
                    continue
                reported.add(head)
                suggestion = (doc.text[model[1]:model[2]],) if model else ()
                yield Hit(start, end, suggestions=suggestion, confidence=0.7, severity=Severity.MINOR,
                          related=(model[1], model[2]) if model else None)

    return check
