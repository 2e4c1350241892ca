"""Kind ``cut-word``: a passage that ends in the middle of a word.

A caption, a teaser or a paragraph cut at a fixed number of characters ends on
a fragment (``les mi``, ``gouverneme``, ``Verantwortl``) with no punctuation after
it, or with the ellipsis the site put in place of the rest (``la fédéra...``). The last word of a passage (or of a line in capitals, a crosshead) is
reported when it is no word of the document's language nor of English (Zipf below
``max_known`` in both lists), is at least ``min_len`` letters long, and is the beginning of a
word of the language at least ``min_zipf`` frequent (``gouverneme`` →
``gouvernement``) or of a longer word used elsewhere in the document.

Names (a capitalised word in a lowercase passage), words with digits, URLs and
handles are left alone.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from functools import cache

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.rules import Rule, param

NAME = "cut-word"
PARAMS = {
    "min_len": param(int, default=2, doc="letters the fragment needs"),
    "min_zipf": param(float, default=3.0, doc="frequency of the word the fragment begins"),
    "max_known": param(float, default=2.0, doc="a last word this frequent in the language (or English) is a word"),
    "max_known_ellipsis": param(float, default=1.5, doc="the same before an ellipsis, where a rare whole word is likelier"),
}

_LAST_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}@#/._'’-])(\p{L}[\p{L}\p{M}]*+)(?:\.{3}|…)?[ \t]*+$")
_WORD = regex.compile(r"\p{L}[\p{L}\p{M}]{2,}+")
_ROMAN = regex.compile(r"[IVXLCDM]++|[ivxlcdm]++")


@cache
def _sorted_words(lang: str, min_zipf: float) -> list[str]:
    import math

    from checker import lexicon

    return sorted(w for w, f in lexicon.frequencies(lang, "small").items() if math.log10(f) + 9 >= min_zipf)


def _small_zipf(word: str, lang: str) -> float:
    """Zipf frequency in wordfreq's small list (the large English list is not worth loading here)."""
    import math

    from checker import lexicon

    f = lexicon.frequencies(lang, "small").get(word)
    return math.log10(f) + 9 if f else 0.0


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Read the params; the word list loads lazily."""
    min_len, min_zipf = rule.params["min_len"], rule.params["min_zipf"]
    max_known = rule.params["max_known"]
    max_known_ellipsis = rule.params["max_known_ellipsis"]
    if min_len < 1:
        raise ValueError("min_len must be >= 1")

    def begins_word(fragment: str, words: list[str]) -> bool:
        i = bisect.bisect_right(words, fragment)
        return i < len(words) and words[i].startswith(fragment) and words[i] != fragment

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        from checker import lexicon

        lang = ctx.primary
        if lang not in lexicon.available():
            return
        text = doc.prose
        ends = [p.end for p in doc.passages]
        for line in doc.lines:
            body = text[line.start:line.end]
            if body.strip() and body.isupper():
                ends.append(line.end)
        doc_words: list[str] | None = None
        for end in sorted(set(ends)):
            start = max(0, end - 60)
            m = _LAST_WORD.search(text, start, end)
            if m is None:
                continue
            word = m.group(1)
            if len(word) < min_len or _ROMAN.fullmatch(word):
                continue  # too short, or a chapter number (LVII)
            line_start = text.rfind("\n", 0, m.start()) + 1
            line = text[line_start:end]
            caps_line = line.isupper()
            if word[0].isupper() and not caps_line and not (lang == "de" and len(word) >= 5):
                continue  # a name at the end of a line (German nouns are capitalised)
            folded = word.lower()
            known = max_known_ellipsis if m.end(1) < m.end() and text[m.end(1)] in ".…" else max_known
            if lexicon.zipf(folded, lang) >= known or _small_zipf(folded, "en") >= known:
                continue  # a word (the lists also hold web fragments, at very low frequencies)
            if doc_words is None:
                doc_words = sorted({w.lower() for w in _WORD.findall(text)})
            longer = len(folded) >= 3 and begins_word(folded, doc_words)
            if begins_word(folded, _sorted_words(lang, min_zipf)) or longer:
                yield Hit(m.start(1), m.end(1), confidence=0.7)

    return check
