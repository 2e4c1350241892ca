"""Kind ``source-copy`` (source mode): a sentence of the translation that is a copy of a
sentence of its aligned source passage, left untranslated.

A translated sentence is a copy when its character 3-grams nearly equal those of a source
sentence, it has enough content words (names, numbers and links do not count), and, when
the article's language is one language identification supports, it reads as the source's
language. Yields nothing without a source or when both are in the same language.

params:
- ``min_similarity``: Dice over character 3-grams from which a sentence is a copy.
- ``min_words``: content words a sentence needs.
"""

from __future__ import annotations

from collections.abc import Iterator

from checker.align import same_language_similarity
from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.kinds._source import links
from checker.rules import Rule, param

NAME = "source-copy"
PARAMS = {
    "min_similarity": param(float, default=0.8, doc="3-gram Dice from which a sentence is a copy"),
    "min_words": param(int, default=4, doc="content words a copied sentence needs"),
}


def _sentences(doc: Document, start: int, end: int) -> list[tuple[int, int, str]]:
    return [(s.start, s.end, " ".join(doc.prose[s.start : s.end].split())) for s in doc.sentences
            if s.start >= start and s.end <= end]


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Read the thresholds."""
    min_sim = float(rule.params["min_similarity"])
    min_words = int(rule.params["min_words"])

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        alignment, pairs = links(doc)
        if alignment is None:
            return
        src_primary = alignment.lang.split("-")[0].lower()
        if src_primary == ctx.primary:
            return
        from checker.langid import SUPPORTED, content_words, detect

        for link in pairs:
            src_sents = _sentences(alignment.source, link.source.start, link.source.end)
            for start, end, text in _sentences(doc, link.target.start, link.target.end):
                words = content_words(text)
                if len(words) < min_words:
                    continue
                best = max((same_language_similarity(text, s) for _, _, s in src_sents), default=0.0)
                if best < min_sim:
                    continue
                if ctx.primary in SUPPORTED and src_primary in SUPPORTED:
                    lang, p = detect(" ".join(words), (ctx.primary, src_primary))
                    if lang != src_primary or p < 0.5:
                        continue
                yield Hit(start, end, args={"source_lang": alignment.lang}, confidence=min(1.0, best))

    return check
