"""Kind ``source-names`` (source mode): a name of the source passage that the translation
spells differently (``Minaj`` rendered as ``sinaj``), reported on the translated spelling
with the source's as suggestion.

Names are capitalised source words that do not open a sentence and are not common words of
the source language. A translated word is the altered name when it is not the name itself,
lies within a small edit distance of it, does not occur in the source passage, and is not a
common word of the translation's language (exonyms such as ``Moscou`` are). A lower-cased
name (``pakistan``) counts when ``case_only`` is set. Yields nothing without a source.

params:
- ``max_common_zipf``: a word at least this frequent in its language is a word, not a name.
- ``max_edits``: edits allowed per 4 letters of the name (at least one edit in all).
- ``min_length``: shortest name considered.
- ``case_only``: also report a name that only lost its capital.
"""

from __future__ import annotations

from collections.abc import Iterator

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
            src_forms = {w.text for w in src_words}
            src_folded = {fold(w.text) for w in src_words}
            names = []
            for w in src_words:
                if len(w.text) < min_len or not w.text[0].isupper() or starts_sentence(src_doc, w):
                    continue
                if not w.text.isupper() and zipf(w.text, src_lang) >= common + 1:
                    continue
                names.append(w.text)
            if not names:
                continue
            tgt_words = list(words_in(doc, link.target))
            tgt_forms = {w.text for w in tgt_words}
            for name in dict.fromkeys(names):
                if name in tgt_forms:
                    continue
                fname = fold(name)
                for w in tgt_words:
                    if w.text in src_forms:
                        continue
                    fw = fold(w.text)
                    if case_only:
                        if fw == fname and w.text == w.text.lower() and not starts_sentence(doc, w):
                            if zipf(w.text, ctx.lang) < common + 1:
                                yield Hit(w.start, w.end, suggestions=(name,), args={"source": name})
                        continue
                    if fw == fname or fw in src_folded:
                        continue
                    limit = max(1, int(len(fname) * per4 / 4))
                    if edit_distance(fw, fname, limit) > limit:
                        continue
                    if zipf(w.text, ctx.lang) >= common:
                        continue
                    yield Hit(w.start, w.end, suggestions=(name,), args={"source": name}, confidence=0.8)

    return check
