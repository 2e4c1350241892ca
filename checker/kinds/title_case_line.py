"""Kind ``title-case-line``: a headline set in English title case in a language that does not use it.

English headlines capitalise every important word ("Band Announces A New World Tour"); French,
Spanish, Italian and Portuguese capitalise the first word and the names only. A translation engine
or an aggregator's template that keeps the English style gives « Le Groupe Annonce Une Nouvelle
Tournée Mondiale ». What gives it away is the small words: an article or a preposition of the
document's language capitalised inside the line (« Une », « Pour », « De La »), which no name and
no sentence case explains.

A line is reported whole when:

- it has between ``min_words`` and ``max_words`` words, does not end with a full stop (a
  headline), and does not open with a quotation mark;
- at least ``min_function`` words after the first are ``function_words`` of the language, and
  every one of them is capitalised;
- at least three quarters of the words after the first are capitalised;
- no word is in capitals only (a line in capitals is another style), and the line is not in
  another language: a function word of the list must be there, so an English title quoted on a
  line of its own (« The Lord Of The Rings ») is left alone.

params: ``function_words`` (list), ``min_function``, ``min_words``, ``max_words``.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.rules import Rule, param

NAME = "title-case-line"
PARAMS = {
    "function_words": param(list, required=True, doc="articles and prepositions of the language, lowercase"),
    "min_function": param(int, default=2, doc="capitalised function words (after the first word) a line needs"),
    "min_words": param(int, default=4),
    "max_words": param(int, default=20),
}

_WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’-]*+")
_LINE = regex.compile(r"[^\n]+")


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    p = rule.params
    function_words = frozenset(str(w).casefold() for w in p["function_words"])
    min_function, min_words, max_words = p["min_function"], p["min_words"], p["max_words"]
    if min_function < 1 or min_words < 2 or max_words < min_words:
        raise ValueError("min_function >= 1, min_words >= 2 and max_words >= min_words")

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        text = doc.prose
        for m in _LINE.finditer(text):
            line = m.group()
            stripped = line.strip()
            if not stripped or len(stripped) > 250 or stripped.endswith(".") or stripped[0] in "«“\"„'‘(—–-":
                continue
            words = _WORD.findall(stripped)
            if not min_words <= len(words) <= max_words:
                continue
            if any(len(w) > 1 and w.isupper() for w in words):
                continue  # a sigle or a line in capitals: not the title-case style
            rest = words[1:]
            small = [w for w in rest if w.casefold() in function_words]
            if len(small) < min_function or not all(w[0].isupper() for w in small):
                continue
            if sum(1 for w in rest if w[0].isupper()) < 0.75 * len(rest):
                continue
            start = m.start() + (len(line) - len(line.lstrip()))
            end = start + len(stripped)
            if doc.is_prose(start, end):
                yield Hit(start, end)

    return check
