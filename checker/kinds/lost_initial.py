"""Kind ``lost-initial``: a word that lost its first letter(s) at the start of a line.

A scraper that cuts a table cell, an infobox line or a caption one or two
characters too late leaves the rest of the first word, starting in lowercase:
an infobox line ``ontréal`` where the article writes ``Montréal``, a native name
``иевская`` where the body has ``Киевская``. The word is reported when

- it starts a line, a passage or a table cell (after a tab or ``|``), in
  lowercase, in a cased script (Latin, Cyrillic, Greek, Armenian…), and is at
  least ``min_len`` letters long;
- it is no word of the document's language nor of English (Zipf below
  ``max_known`` in both lists) — a line starting with ``rance`` or ``ours`` is
  left alone;
- the document writes elsewhere a capitalised word made of 1 or 2 more leading
  letters followed by exactly this fragment (``M`` + ``ontréal``); the full form
  is the suggestion. When two full forms fit, the more frequent in the article wins.

Hashtags, handles, domain names and words with digits are never fragments:
the token must be followed by neither ``.``+letter, ``@``, ``/`` nor ``_``.
The work is one pass over the words (an index of the capitalised words by
their tails) and one look-up per line start.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.rules import Rule, param

NAME = "lost-initial"
PARAMS = {
    "min_len": param(int, default=4, doc="letters the fragment needs"),
    "max_known": param(float, default=1.5, doc="a fragment this frequent in the language (or English) is a word"),
    "max_lost": param(int, default=2, doc="at most this many lost leading letters"),
}

# The first word after the start of a line or a cell: lowercase, letters only, not part of a
# domain, a handle or an identifier.
# The white space before the word is read backwards from a lowercase letter (a look-behind), not
# forwards from every tab: a run of n tabs would otherwise be scanned n times (n² steps).
_START = regex.compile(
    r"(?<![\p{L}\p{M}])(?=\p{Ll})(?<=(?:^|[\t|])[ \t\u00a0]*)(\p{Ll}[\p{L}\p{M}]*+)(?![\p{N}_@/\\]|[.'’-]\p{L})",
    regex.MULTILINE,
)
_CAPITALISED = regex.compile(r"(?<![\p{L}\p{M}\p{N}_@#/.-])\p{Lu}[\p{L}\p{M}]{3,}+")


def _tails(doc: Document, max_lost: int) -> dict[str, Counter[str]]:
    """Capitalised words of the document indexed by their tails (the word minus 1..max_lost letters)."""
    key = f"lost-initial:tails:{max_lost}"
    cached = doc.cache.get(key)
    if cached is not None:
        return cached  # type: ignore[no-any-return]
    out: dict[str, Counter[str]] = {}
    for m in _CAPITALISED.finditer(doc.prose):
        word = m.group()
        for cut in range(1, max_lost + 1):
            tail = word[cut:]
            if len(tail) < 3 or not tail[0].islower():
                break
            if cut == 2 and not word[1].islower():
                break  # an acronym-like start (``MCx``) is no word's first letters
            out.setdefault(tail, Counter())[word] += 1
    doc.cache[key] = out
    return out


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Read the params; the word lists load lazily."""
    min_len, max_known, max_lost = rule.params["min_len"], rule.params["max_known"], rule.params["max_lost"]
    if min_len < 2:
        raise ValueError("min_len must be >= 2")
    if not 1 <= max_lost <= 3:
        raise ValueError("max_lost must be between 1 and 3")

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        from checker import lexicon

        text = doc.prose
        tails: dict[str, Counter[str]] | None = None
        langs = tuple(lang for lang in dict.fromkeys((ctx.primary, "en")) if lang in lexicon.available())
        for m in _START.finditer(text):
            word = m.group(1)
            if len(word) < min_len or word.lower() != word:
                continue
            if tails is None:
                tails = _tails(doc, max_lost)
                if not tails:
                    return
            full = tails.get(word)
            if not full:
                continue
            if any(lexicon.zipf(word, lang) >= max_known for lang in langs):
                continue  # a word of the language that happens to end a name (``rance``/``France``)
            best = max(full.items(), key=lambda kv: (kv[1], kv[0]))[0]
            yield Hit(m.start(1), m.end(1), suggestions=(best,), args={"full": best}, confidence=0.8)

    return check
