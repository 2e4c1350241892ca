"""Kind ``source-names`` (source mode): a name of the source passage that the translation
spells differently (``Minaj`` rendered as ``Minag``), reported on the translated spelling
with the source's as suggestion.

Names are capitalised source words that do not open a sentence and are not common words of
the source language. A translated word is the altered name when it is not the name itself,
lies within a small edit distance of it, does not occur in the source passage, and is not a
common word of the translation's language (exonyms such as ``Moscou`` are); a lower-case
word only beside an intact part of the name (``Nicki`` before it). Left out: passages in title
case, acronyms (often localised: SRAS), possessives, elided articles, plurals, and compounds
sharing a part. A lower-cased name (``pakistan``) counts when ``case_only`` is set. Yields nothing without a source.

params:
- ``max_common_zipf``: a word at least this frequent in its language is a word, not a name.
- ``max_edits``: edits allowed per 4 letters of the name (at least one edit in all).
- ``min_length``: shortest name considered.
- ``case_only``: also report a name that only lost its capital.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.kinds._source import edit_distance, fold, links, starts_sentence, words_in
from checker.rules import Rule, param

NAME = "source-names"
PARAMS = {
    "max_common_zipf": param(float, default=3.0, doc="Zipf frequency from which a word is common"),
    "max_edits": param(float, default=1.0, doc="edits per 4 letters"),
    "min_length": param(int, default=4, doc="shortest name"),
    "case_only": param(bool, default=False, doc="report only-lower-cased names instead of altered ones"),
}


_POSSESSIVE = ("'s", "’s")
_ELISION = regex.compile(r"^(?:[dljmnstc]|qu|jusqu|lorsqu|puisqu)['’](?=\p{L})", regex.IGNORECASE)


def _base(word: str) -> str:
    """A source word without an English possessive (`Elsener's` → `Elsener`)."""
    for suffix in _POSSESSIVE:
        if word.endswith(suffix) and len(word) > len(suffix) + 1:
            return word[: -len(suffix)]
    return word


def _unelided(word: str) -> str:
    """A translated word without a French elided article or preposition (`d'Explorer` → `Explorer`)."""
    return _ELISION.sub("", word)


def _acronym_like(word: str) -> bool:
    """Mostly capitals (`SARS-CoV-2`, `THMs`): acronyms are often localised (SRAS, OTAN)."""
    letters = [c for c in word if c.isalpha()]
    return sum(c.isupper() for c in letters) * 2 > len(letters)


def _variant(a: str, b: str) -> bool:
    """A plural of the other, the same but for hyphens (`WiFi`/`Wi-Fi`), or a hyphenated compound sharing a part (`C-reactive`/`C-réactives`)."""
    if a + "s" == b or b + "s" == a or a.replace("-", "") == b.replace("-", ""):
        return True
    if "-" in a and "-" in b:
        return bool(set(a.split("-")) & set(b.split("-")))
    return False


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Read the thresholds."""
    common = float(rule.params["max_common_zipf"])
    per4 = float(rule.params["max_edits"])
    min_len = int(rule.params["min_length"])
    case_only = bool(rule.params["case_only"])

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        alignment, pairs = links(doc)
        if alignment is None:
            return
        from checker.lexicon import zipf

        src_doc, src_lang = alignment.source, alignment.lang
        for link in pairs:
            src_words = list(words_in(src_doc, link.source))
            long_words = [w for w in src_words if len(w.text) >= min_len]
            # a title-cased heading capitalises every word: its capitals say nothing about names
            if long_words and sum(w.text[0].isupper() for w in long_words) * 2 > len(long_words):
                continue
            src_forms = {_base(w.text) for w in src_words}
            src_folded = {fold(f) for f in src_forms}
            names = []
            for w in long_words:
                name = _base(w.text)
                if not name[0].isupper() or starts_sentence(src_doc, w) or _acronym_like(name):
                    continue
                if zipf(name, src_lang) >= common + 1:
                    continue
                names.append(name)
            if not names:
                continue
            tgt_words = list(words_in(doc, link.target))
            tgt_forms = {_unelided(w.text) for w in tgt_words}
            for name in dict.fromkeys(names):
                if name in tgt_forms:
                    continue
                fname = fold(name)
                for n, w in enumerate(tgt_words):
                    word = _unelided(w.text)
                    if word in src_forms or _acronym_like(word):
                        continue
                    fw = fold(word)
                    start = w.end - len(word)
                    if case_only:
                        if (fw == fname and word == word.lower() and not starts_sentence(doc, w)
                                and zipf(word, ctx.lang) < common + 1):
                            yield Hit(start, w.end, suggestions=(name,), args={"source": name})
                        continue
                    if fw == fname or fw in src_folded or _variant(fw, fname):
                        continue
                    limit = max(1, int(len(fname) * per4 / 4))
                    if edit_distance(fw, fname, limit) > limit:
                        continue
                    if zipf(word, ctx.lang) >= common:
                        continue
                    # a lower-case word is a damaged name only beside an intact part of the name
                    if word[0].islower() and not any(
                        0 <= m < len(tgt_words) and tgt_words[m].text[0].isupper() and tgt_words[m].text in src_forms
                        for m in (n - 1, n + 1)
                    ):
                        continue
                    yield Hit(start, w.end, suggestions=(name,), args={"source": name}, confidence=0.8)

    return check
