"""Kind ``name-segmentation``: one name cut into words two ways in one article.

Romanised Korean, Chinese and Vietnamese names, and compound names everywhere, have
no single way of joining their syllables: ``Ha-neul``, ``Haneul`` and ``Ha Neul``;
``Ling Xi`` and ``Lingxi``. An edited article picks one; a machine translation assembled
from several sources, or a scraper that joined a title and a body from two feeds, writes
both. This kind collects every whole run of one to ``max_words`` capitalised words (each
may hold hyphens) and groups the runs by their letters alone (case, accents, hyphens and
spaces removed). Runs of one group that are cut differently (``Kim Ha-neul`` / ``Kim
Haneul``), where every piece of the most cut one is a syllable of the ``syllables`` list
(romanised Chinese, Korean, Vietnamese), are one name written two ways: the minority
spelling is reported (on a tie, the later one), with the majority one as the suggestion
and its first occurrence as ``related``. A name met only inside a longer run is not
compared (« Jungkook, whose full name is Jeon Jung-kook »: a stage name and a full name),
nor are words broken at a line end (« La-thon ») or compounds (« Aéro-ville »).

Left out: groups of fewer than ``min_letters`` letters; spellings that differ by accents
or case only (the name-variant rules judge those); a token with a capital inside
(``RealMadrid``, a glued-words matter); hashtags, handles and links; a group where the
joined spelling is a common word of the document's language (``Sunday`` beside ``Sun Day``:
a word and a name).

German is skipped (``skip_langs``): it capitalises its nouns.

params: ``max_words`` (words in a run), ``min_letters``, ``common_zipf``, ``syllables``, ``skip_langs``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache
from pathlib import Path

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.rules import Rule, param
from checker.wordlists import read_list, unaccented

NAME = "name-segmentation"
PARAMS = {
    "max_words": param(int, default=4, doc="capitalised words in a run"),
    "min_letters": param(int, default=5, doc="fewest letters of a name compared"),
    "common_zipf": param(float, default=3.0, doc="a one-word spelling this frequent in the language is a word"),
    "syllables": param(str, required=True, doc="list beside the rule: syllables of the names compared (romanised "
                       "Chinese, Korean, Vietnamese): every piece of a cut spelling must be one"),
    "skip_langs": param(list, default=["de", "lb"], doc="languages that capitalise their nouns"),
}

_CAP_WORD = r"\p{Lu}[\p{L}\p{M}]*+(?:[-‐‑][\p{L}\p{M}]++)*+"
_RUN = regex.compile(r"(?<![\p{L}\p{M}\p{N}#@/._-])" + _CAP_WORD + r"(?:[ \u00a0]" + _CAP_WORD + r")*+(?![\p{L}\p{M}\p{N}@/_-])")
_TOKEN = regex.compile(_CAP_WORD)
_INNER_CAP = regex.compile(r"\p{Ll}\p{Lu}")
#: Letters that do not decompose into a base letter and a mark.
_FOLD = str.maketrans({"đ": "d", "ð": "d", "ø": "o", "ł": "l", "ı": "i", "ß": "ss", "æ": "ae", "œ": "oe"})


def _plain(text: str) -> str:
    """Lowercase letters without accents (separators kept)."""
    return unaccented(text).translate(_FOLD)


def _shape(text: str) -> str:
    """The spelling with accents and case evened out and every separator written as one space."""
    return regex.sub(r"[ \u00a0\-‐‑]+", " ", _plain(text))


@cache
def _syllables(path: Path) -> frozenset[str]:
    return frozenset(w.strip().casefold() for w in read_list(path) if w.strip())


def build(rule: Rule):  # noqa: ANN201
    p = rule.params
    max_words, min_letters, common = p["max_words"], p["min_letters"], p["common_zipf"]
    path = rule.resolve(p["syllables"])
    if not path.is_file():
        raise ValueError(f"syllables file not found: {path.name}")
    skip = frozenset(p["skip_langs"])
    if max_words < 1 or min_letters < 2:
        raise ValueError("max_words must be positive and min_letters at least 2")

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        from checker.lexicon import zipf

        if ctx.primary in skip:
            return
        syllables = _syllables(path)
        text = doc.prose
        # letters -> shape -> occurrences (start, end)
        groups: dict[str, dict[str, list[tuple[int, int]]]] = {}
        for run in _RUN.finditer(text):
            tokens = _TOKEN.findall(run.group())
            if len(tokens) > max_words:
                continue
            shape = _shape(run.group())
            letters = shape.replace(" ", "")
            if len(letters) < min_letters:
                continue
            groups.setdefault(letters, {}).setdefault(shape, []).append(run.span())
        hits: list[Hit] = []
        for shapes in groups.values():
            if len(shapes) < 2:
                continue
            # The majority spelling; on a tie, the one met first (the later one is reported).
            ranked = sorted(shapes.items(), key=lambda kv: (-len(kv[1]), kv[1][0][0]))
            major = ranked[0][1]
            suggestion = text[major[0][0]:major[0][1]]
            if _INNER_CAP.search(suggestion):
                continue
            if any(" " not in shape and zipf(shape, ctx.primary) >= common for shape in shapes):
                continue  # « Sunday » beside « Sun Day »: a word of the language and a name
            # Every piece of the most cut spelling is a syllable of an East Asian name: « Kim Ha-neul »,
            # « Ling Xi »; not a word broken at a line end (« La-thon ») nor a compound (« Aéro-ville »).
            finest = max(shapes, key=lambda sh: sh.count(" "))
            if not all(piece in syllables for piece in finest.split()):
                continue
            for shape, spans in ranked[1:]:
                surface = text[spans[0][0]:spans[0][1]]
                if _INNER_CAP.search(surface):
                    continue  # « RealMadrid »: a glued-words matter
                if " " not in shape and len(_TOKEN.findall(suggestion)) >= 2 and finest.count(" ") >= 2:
                    continue  # « Kangsooah » for « Kang Soo-ah »: a full name glued whole, MT176's mangled name
                hits.extend(Hit(start, end, (suggestion,), confidence=0.7, related=major[0],
                                args={"other": suggestion}) for start, end in spans)
        # Whole runs do not overlap and each belongs to one group: the hits never overlap either.
        yield from sorted(hits, key=lambda h: h.start)

    return check
