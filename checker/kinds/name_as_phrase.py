"""Kind ``name-as-phrase``: a recurring phrase of common words that the article once writes as a name.

When machine translation translates a band, show or club name made of common
words (a group called "Magic Contest" becoming « concours de magie »), the
phrase recurs through the article in lowercase, like any noun phrase, but the
translation keeps a capital in one place where the original name stood inside a
sentence (« les fans du Concours de magie »). A phrase of two to four words
(content words joined by at least one function word) that occurs ``min_count`` times or more,
at least once capitalised inside a sentence and ``min_lower`` times in lowercase,
is reported at every lowercase occurrence: it is a name translated into common
words (the capitalised occurrences are the evidence, given as ``related``; when two
lowercase occurrences or more show the translation is the article's habit, the
capitalised ones inside sentences are reported too).

params: ``function_words`` (words that may join the content words: de, of…),
``min_count``, ``min_lower``, ``min_zipf`` (every content word this common in
the language: a phrase of plain words, not a name kept as it was).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import regex

from checker import lexicon
from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.rules import Rule, param

NAME = "name-as-phrase"
PARAMS = {
    "function_words": param(list, default=[], doc="words that may join the content words of the phrase"),
    "min_count": param(int, default=4, doc="occurrences needed"),
    "min_lower": param(int, default=1, doc="lowercase occurrences needed"),
    "min_zipf": param(float, default=2.5, doc="every content word this common in the language"),
}

_WORD = regex.compile(r"\p{L}[\p{L}\p{M}]*+(?:-\p{L}[\p{L}\p{M}]*+)*+")
_OPENERS = frozenset("«“\"‘'(—–-:[•*")


def build(rule: Rule):  # noqa: ANN201
    p = rule.params
    function = frozenset(str(w).casefold() for w in p["function_words"])
    min_count, min_lower, min_zipf = p["min_count"], p["min_lower"], p["min_zipf"]

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        lang = ctx.primary if ctx is not None else doc.lang.split("-")[0]
        text = doc.prose
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        folded = [w.casefold() for _, _, w in words]  # each word folded once, not once per phrase it may open
        # key → (first word, last word) of each occurrence; the shapes are read only for keys seen min_count times
        occ: dict[str, list[tuple[int, int]]] = defaultdict(list)
        n = len(words)
        is_function = [w in function for w in folded]
        # A phrase is collected only with a joining word, and the walk below stops at the first word
        # after word i unless that word is a function word: only such words i are visited.
        for i in [x for x in range(n - 1) if is_function[x + 1] and not is_function[x]]:
            if len(words[i][2]) < 3:
                continue
            joined = False  # a function word between the two content words
            for k in range(i + 1, min(n, i + 4)):
                gap = text[words[k - 1][1]:words[k][0]]
                if gap not in (" ", "'", "’"):
                    break
                wk = words[k][2]
                if is_function[k]:
                    joined = True
                    continue
                if wk[:1].isupper():
                    break  # a name inside: another matter
                if len(wk) < 3:
                    break
                if joined:
                    # Without a joining word the phrase is an adjective and its noun, never reported
                    # (below): such phrases are not collected at all.
                    occ[" ".join(folded[i:k + 1])].append((i, k))
                break  # the shortest phrase from this word: content word … content word
        firsts: set[int] | None = None
        reported: set[tuple[int, int]] = set()
        for key, pairs in occ.items():
            if len(pairs) < min_count:
                continue
            if firsts is None:
                firsts = {s.start for s in doc.sentences}
            spans: list[tuple[int, int, str]] = []  # (start, end, shape)
            for i, k in pairs:
                w0 = words[i][2]
                shape = "lower" if w0.islower() else ("cap" if w0[:1].isupper() and w0[1:].islower() else "other")
                if shape == "cap" and _initial(text, words[i][0], firsts):
                    shape = "initial"
                spans.append((words[i][0], words[k][1], shape))
            shapes = [s for _, _, s in spans]
            if shapes.count("cap") < 1 or shapes.count("lower") < min_lower:
                continue
            parts = key.replace("’", " ").replace("'", " ").split()
            content = [w for w in parts if w not in function]
            if len(content) == len(parts):
                continue  # no joining word: an adjective and its noun (fonds structurels), not a title
            if len(content) < 2 or any(lexicon.zipf(w, lang) < min_zipf for w in content):
                continue
            model = next((s, e) for s, e, shape in spans if shape == "cap")
            dominant = shapes.count("lower") >= 2
            for s, e, shape in spans:
                if shape != "lower" and not (dominant and shape == "cap"):
                    # The capitalised forms are the evidence; when the lowercase phrase dominates, the
                    # capitalised ones inside sentences are the same translated name and are reported too.
                    continue
                if (s, e) in reported:
                    continue
                reported.add((s, e))
                yield Hit(s, e, (), confidence=0.6, args={"name": text[model[0]:model[1]], "count": str(len(spans))},
                          related=model if (s, e) != model else None)

    return check


def _initial(text: str, start: int, firsts: set[int]) -> bool:
    if start in firsts:
        return True
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0\u202f":
        i -= 1
    return i < 0 or text[i] in "\r\n" or text[i] in _OPENERS or text[i] in ".!?…"
