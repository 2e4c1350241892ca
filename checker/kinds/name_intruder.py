"""Kind ``name-intruder``: a common word inside a Chinese, Korean or Vietnamese name.

Chinese, Korean and Vietnamese names are runs of short syllables (``Lee Min Ho``,
``Nguyen Van Long``). Machine translation sometimes takes one syllable, or a given name
written in the Latin alphabet, for a word of the source language and translates it: the
name comes out with a common word of another language stuck in its middle (a player
« Tan Bridge Wei Ming »). This kind reads runs of capitalised words and reports a word
that is

- not a name syllable (``syllables``, a list beside the rule, compared without case
  or marks),
- common as a word (Zipf frequency at least ``min_zipf`` in the article's language or in
  English) and at least ``min_letters`` long,
- with a name syllable right before and right after it, in a run that holds at least
  ``min_syllables`` syllables, of which at least two are rare as words in the article's
  language (they look like names, not like words that happen to be syllables).

A sentence written in title case (a headline, where most words are capitalised) is
skipped: there a verb may stand between two names.

params: ``syllables`` (the list), ``min_zipf`` (default 3.5), ``min_letters`` (4),
``min_syllables`` (3), ``rare_zipf`` (3.5: below it a syllable looks like a name).
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import regex

from checker import lexicon
from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.rules import Rule, param
from checker.wordlists import read_list

NAME = "name-intruder"
PARAMS = {
    "syllables": param(str, required=True, doc="list beside the rule: name syllables, lowercase, no marks"),
    "min_zipf": param(float, default=3.5, doc="an intruder is at least this common (article language or English)"),
    "min_letters": param(int, default=4, doc="shortest intruder"),
    "min_syllables": param(int, default=3, doc="syllables in the run"),
    "rare_zipf": param(float, default=3.5, doc="a syllable rarer than this as a word looks like a name"),
}

_WORD = regex.compile(r"[\p{L}\p{M}]++(?:-[\p{L}\p{M}]++)*+")
_GAP = frozenset((" ", "\u00a0"))
# The matches of _WORD (as its finditer gives them: a start has no letter or mark before it, nor
# a letter or mark and a hyphen, which _WORD would have joined) that do not open with a lowercase
# letter: a superset of the titled words (an upper-case letter is never \p{Ll}; checked over all
# code points with this regex module), the only words a run is made of. Most words are lowercase.
_UNLOWER_WORD = regex.compile(r"(?<![\p{L}\p{M}])(?<![\p{L}\p{M}]-)(?!\p{Ll})" + _WORD.pattern)


def _strip(word: str) -> str:
    decomposed = unicodedata.normalize("NFD", word.casefold().replace("đ", "d"))
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


@cache
def _syllables(path: Path) -> frozenset[str]:
    return frozenset(_strip(w) for line in read_list(path) for w in line.split())


def _titled(word: str) -> bool:
    return word[:1].isupper() and not word[1:2].isupper()


def build(rule: Rule):  # noqa: ANN201
    p = rule.params
    path = rule.resolve(p["syllables"])
    min_zipf, min_letters = p["min_zipf"], p["min_letters"]
    min_syllables, rare_zipf = p["min_syllables"], p["rare_zipf"]
    if min_letters < 1 or min_syllables < 2:
        raise ValueError("min_letters must be >= 1 and min_syllables >= 2")

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        text = doc.prose
        syllables = _syllables(path)
        lang = ctx.primary

        def is_syllable(word: str) -> bool:
            return all(_strip(part) in syllables for part in word.split("-"))

        sentence_starts = [s.start for s in doc.sentences]
        title_case: dict[int, bool] = {}

        def in_title_case(offset: int) -> bool:
            i = bisect.bisect_right(sentence_starts, offset) - 1
            if i < 0:
                return False
            if i not in title_case:
                s = doc.sentences[i]
                words = [w for w in _WORD.findall(text, s.start, s.end) if len(w) > 3]
                lower = sum(1 for w in words if w[:1].islower())
                title_case[i] = len(words) >= 4 and lower * 4 < len(words)
            return title_case[i]

        run: list[regex.Match[str]] = []

        def judge(run: list[regex.Match[str]]) -> Iterator[Hit]:
            if len(run) < min_syllables + 1:
                return
            flags = [is_syllable(m.group()) for m in run]
            if sum(flags) < min_syllables:
                return
            rare = sum(1 for m, f in zip(run, flags, strict=True) if f and lexicon.zipf(m.group(), lang) < rare_zipf)
            if rare < 2:
                return
            for i in range(1, len(run) - 1):
                word = run[i].group()
                if flags[i] or not (flags[i - 1] and flags[i + 1]) or len(word) < min_letters or "-" in word:
                    continue
                if max(lexicon.zipf(word, lang), lexicon.zipf(word, "en")) < min_zipf:
                    continue
                if in_title_case(run[i].start()):
                    continue
                yield Hit(run[i].start(), run[i].end(), confidence=0.7)

        # Runs of titled words, one blank apart. Only the titled words are visited: a word between
        # two of them (one that is not titled) leaves more than a blank between them, which ends
        # the run as that word would. A run too short for `judge` is not handed to it.
        shortest = min_syllables + 1
        for m in _UNLOWER_WORD.finditer(text):
            if not _titled(m.group()):
                continue
            if run and text[run[-1].end():m.start()] not in _GAP:
                if len(run) >= shortest:
                    yield from judge(run)
                run = []
            run.append(m)
        yield from judge(run)

    return check
