"""Kind ``name-order``: one person's two-part name written in both orders in one article.

Chinese, Korean, Vietnamese, Japanese and Hungarian names put the family name first;
English-language sources and some engines swap the parts, others keep them, and a
translated article ends up with « Lin Wanqing » in one paragraph and « Wanqing Lin » in
the next, as if they were two people. A pair of capitalised words written ``A B`` and
``B A`` in one article (each time as a name of exactly two words: no capitalised word
joined before or after) is reported at the order written fewer times (the later one when
both are as frequent), with the other order as the suggestion.

A pair of two words common in the article's language (Zipf ``max_zipf`` or more,
lowercased: « Le Monde ») is no name; a capitalised neighbour that is a rare word makes a
longer name (« Zhao Mingyu Chen »), a common one is a title or a sentence opener
(« Founder Zhao Mingyu »). Lines in capitals or in title case are left out (a heading
may be set in any order).

params: ``max_zipf``.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.kinds._titles import title_case_line
from checker.rules import Rule, param

NAME = "name-order"
PARAMS = {
    "max_zipf": param(float, default=4.0, doc="a word at least this common in the article's language is no name part"),
}

_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}_@#'’.-])\p{Lu}\p{Ll}[\p{Ll}\p{M}]*+(?:-\p{L}[\p{Ll}\p{M}]*+)?(?![\p{L}\p{M}\p{N}_@'’-])")
_GAP = frozenset((" ", "\u00a0"))
# A word glued after the pair by a hyphen or an apostrophe: « Zhao Mingyu-led », not the name alone.
_GLUED = regex.compile(r"[-'’]\p{L}")


def build(rule: Rule):  # noqa: ANN201
    max_zipf = rule.params["max_zipf"]

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        from checker.lexicon import zipf

        lang = ctx.primary if ctx is not None else doc.lang.split("-")[0]
        text = doc.prose
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        common: dict[str, bool] = {}

        def is_common(word: str) -> bool:
            if word not in common:
                common[word] = zipf(word.lower(), lang) >= max_zipf
            return common[word]

        pairs: dict[tuple[str, str], list[tuple[int, int]]] = defaultdict(list)
        n = len(words)
        for i in range(n - 1):
            s1, e1, w1 = words[i]
            s2, e2, w2 = words[i + 1]
            if text[e1:s2] not in _GAP or w1 == w2:
                continue
            # Exactly two name words: a capitalised word glued before or after must be a common
            # word (a title, « Founder Zhao Mingyu »), not a third part of the name.
            if i > 0 and text[words[i - 1][1]:s1] in _GAP and not is_common(words[i - 1][2]):
                continue
            if i + 2 < n and text[e2:words[i + 2][0]] in _GAP and not is_common(words[i + 2][2]):
                continue
            if _GLUED.match(text, e2) or (s1 and text[s1 - 1] == "-"):
                continue
            pairs[(w1, w2)].append((s1, e2))
        if not pairs:
            return

        for (a, b), spans in pairs.items():
            if a > b:
                continue  # each unordered pair once
            swapped = pairs.get((b, a))
            if not swapped or (is_common(a) and is_common(b)):
                continue  # « Le Monde »: a name has at least one part that is no common word
            if any(_heading(text, sp[0]) for sp in spans + swapped):
                continue
            # Report the order written fewer times; when both are as frequent, the later one.
            if len(spans) > len(swapped) or (len(spans) == len(swapped) and spans[0][0] < swapped[0][0]):
                major, minor, suggestion = spans, swapped, f"{a} {b}"
            else:
                major, minor, suggestion = swapped, spans, f"{b} {a}"
            for start, end in minor:
                yield Hit(start, end, suggestions=(suggestion,), confidence=0.75, related=major[0])

    return check


def _heading(text: str, pos: int) -> bool:
    """Whether the line holding `pos` (400 characters either side at most) is in title case."""
    start = text.rfind("\n", max(0, pos - 400), pos) + 1
    end = text.find("\n", pos, pos + 400)
    return title_case_line(text[start:end if end >= 0 else min(len(text), pos + 400)])
