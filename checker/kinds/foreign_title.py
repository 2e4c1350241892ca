"""Kind ``foreign-title``: a title or honorific of the source language left before a name.

Engines often keep the source language's title in front of a person's name:
Indonesian ``Presiden``, ``Gubernur``, ``Kapolri``, Malay ``Datuk``, Turkish
``Başkan``, Vietnamese ``Thủ tướng``. The title list (``titles``, a table
``language<TAB>title`` beside the rule) is searched for a title directly
followed by a capitalised name; it is reported when the title is no word of
the document's language (Zipf below ``max_doc_zipf``: ``Mas`` is Spanish and
Portuguese, ``Bang`` English) and the document is not written in the title's
language. Titles that begin a sentence and are followed by a lowercase word are
not matched (they would be ordinary words).

params: ``titles``, ``max_doc_zipf``.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.rules import Rule, param
from checker.wordlists import read_table

NAME = "foreign-title"
PARAMS = {
    "titles": param(str, required=True, doc="table language<TAB>title, beside the rule"),
    "max_doc_zipf": param(float, default=2.0, doc="a title this frequent in the document's language is its word"),
}

_FAMILY = {"ms": "id", "id": "id", "fil": "tl", "tl": "tl"}


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Read the table and compile one alternation of all titles."""
    rows = read_table(rule.resolve(rule.params["titles"]))
    titles: dict[str, str] = {}
    for row in rows:
        if len(row) < 2 or not row[1]:
            raise ValueError(f"titles: bad row {row!r}")
        titles.setdefault(row[1], row[0])
    max_doc = rule.params["max_doc_zipf"]
    alt = "|".join(regex.escape(t) for t in sorted(titles, key=len, reverse=True))
    pattern = regex.compile(
        rf"(?<![\p{{L}}\p{{M}}'’.-])({alt})(?![\p{{L}}\p{{M}}])[ \u00a0]++(?=\p{{Lu}}[\p{{Ll}}\p{{M}}])"
    )

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        from checker import lexicon
        from checker.lang import display_name

        lang = ctx.primary
        text = doc.prose
        for m in pattern.finditer(text):
            title = m.group(1)
            source = titles[title]
            if _FAMILY.get(source, source) == _FAMILY.get(lang, lang):
                continue
            if any(lexicon.zipf(w, lang) >= max_doc for w in title.split()):
                continue
            yield Hit(m.start(1), m.end(1), confidence=0.75, args={"lang": display_name(source)})

    return check
