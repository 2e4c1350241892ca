"""Kind ``accent-variants``: one term written with and without its accents in one article.

Machine translation renders a borrowed term two ways (``crème brûlée`` here,
``creme brûlée`` there). Two lowercase words are one term written two ways when they
differ only by accents (and a plural ending) *and* they occur in the same phrase:
right after the same content word, or right before it. The shared neighbour keeps
apart the real minimal pairs of a language (``la côte`` / ``la cote``, ``du`` /
``dû``), which only ever share function words.

The minority spelling (counted in the shared phrase) is reported; on a tie the one
that appears later, with the other as the suggestion.

params: ``plural_endings``; ``min_letters``; ``min_context_letters`` and
``max_context_zipf`` (a neighbour this short or this frequent is a function word
and proves nothing).
"""

from __future__ import annotations

import unicodedata
from collections import defaultdict
from collections.abc import Iterator

import regex

from checker import lexicon
from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.rules import Rule, param

NAME = "accent-variants"
PARAMS = {
    "plural_endings": param(list, default=["s", "x"], doc="endings stripped before comparing"),
    "min_letters": param(int, default=4, doc="shortest word compared"),
    "min_context_letters": param(int, default=4, doc="shortest neighbour that can tie two spellings"),
    "max_context_zipf": param(float, default=5.2, doc="a neighbour this frequent is a function word"),
    "max_rare_zipf": param(float, default=3.5, doc="one spelling must be rarer than this in the language"),
}

_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{Nd}_@#/.'’-])\p{L}[\p{L}\p{M}]*+(?![\p{L}\p{M}\p{Nd}_@/'’-])")


def _plain(word: str) -> str:
    if word.isascii():
        return word  # (no accent to take off: most words, without the per-character loop below)
    decomposed = unicodedata.normalize("NFD", word)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def build(rule: Rule):  # noqa: ANN201
    p = rule.params
    endings = tuple(sorted((str(e) for e in p["plural_endings"]), key=len, reverse=True))
    min_letters, min_ctx, max_ctx = p["min_letters"], p["min_context_letters"], p["max_context_zipf"]
    max_rare = p["max_rare_zipf"]

    def strip(word: str) -> str:
        for e in endings:
            if len(word) > len(e) + 2 and word.endswith(e):
                return word[: -len(e)]
        return word

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        lang = ctx.primary if ctx is not None else doc.lang.split("-")[0]
        text = doc.prose
        # Which accent-free stems come in more than one accented shape? Found from the distinct
        # words alone; their offsets are read only for an article where some do (few articles).
        # Two shapes of one stem differ by an accent, so one of them is not ASCII: the shapes of
        # the words that are not ASCII first, then, for each key they give, the one ASCII shape it
        # can have, the key itself (an ASCII word stripped to it: the key or the key plus an ending).
        distinct = set(_WORD.findall(text))
        shapes: dict[str, set[str]] = defaultdict(set)
        for w in distinct:
            if not w.isascii() and len(w) >= min_letters and w.islower():
                stem = strip(w)
                shapes[_plain(stem)].add(stem)
        for k, v in shapes.items():
            if k.isascii():
                for w in (k, *(k + e for e in endings)):
                    if w in distinct and len(w) >= min_letters and w.islower() and strip(w) == k:
                        v.add(k)
                        break
        ambiguous = set()
        for k, v in shapes.items():
            if len(v) < 2:
                continue
            forms = sorted(v)
            if all(x[:-1] == forms[0][:-1] for x in forms):
                continue  # reste / resté, marche / marché: an accent on the ending is grammar
            if min(lexicon.zipf(x, lang) for x in forms) >= max_rare:
                continue  # every spelling a common word of its own: two words, not one term
            ambiguous.add(k)
        if not ambiguous:
            return
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]

        def content(word: str) -> bool:
            return len(word) >= min_ctx and lexicon.zipf(word, lang) < max_ctx

        # (stem key, side, neighbour) → shape → occurrences
        phrases: dict[tuple[str, str, str], dict[str, list[tuple[int, int]]]] = defaultdict(lambda: defaultdict(list))
        for i, (s, e, w) in enumerate(words):
            if not (len(w) >= min_letters and w.islower()):
                continue
            stem = strip(w)
            key = _plain(stem)
            if key not in ambiguous:
                continue
            for j, side in ((i - 1, "before"), (i + 1, "after")):
                if not 0 <= j < len(words):
                    continue
                ns, ne, nw = words[j]
                gap = text[ne:s] if side == "before" else text[e:ns]
                if gap not in (" ", "\u00a0") or not content(nw.lower()):
                    continue
                phrases[(key, side, strip(nw.lower()))][stem].append((s, e))
        reported: set[tuple[int, int]] = set()
        for by_shape in phrases.values():
            if len(by_shape) < 2:
                continue
            # On a tie the later spelling is reported: sort ties by first offset, later last.
            ranked = sorted(by_shape.items(), key=lambda kv: (-len(kv[1]), kv[1][0][0]))
            model_stem, model = ranked[0]
            for _stem, occs in ranked[1:]:
                for span in occs:
                    if span in reported:
                        continue
                    reported.add(span)
                    found = doc.text[span[0]:span[1]]
                    suggestion = model_stem + found[len(_stem):]
                    yield Hit(span[0], span[1], (suggestion,),
                              confidence=0.8 if len(model) > len(occs) else 0.6,
                              args={"other": doc.text[model[0][0]:model[0][1]], "count": str(len(model))},
                              related=model[0])

    return check
