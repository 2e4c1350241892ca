"""Kind ``known-names``: a well-known name (club, competition, venue, group, outlet) misspelt.

Lists beside the rule give well-known names of two words or more (``names``, one
per line; ``gazetteer`` tables of the translated-names kind add their originals).
A run of words in the article that starts with a capital, has as many words as a
known name and the same first word, and is within a small edit distance of it
(accents, case and punctuation ignored: one edit up to 11 letters, two from 12)
is reported with the known spelling when each differing word is unknown to the
lists of the language and of English, or is a lowercase particle
(« Vitoria Guimares » → « Vitória Guimarães »). Exonyms and other
real words (« FC Barcelone », « Green Bay ») are left alone, and so is a run the
article writes two times or more (a name of its own).

params: ``names`` (list file), ``gazetteer`` (optional translated-names table).
"""

from __future__ import annotations

import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterator
from functools import lru_cache
from typing import TYPE_CHECKING

import regex

from checker import lexicon
from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.kinds._names import split_matches
from checker.kinds._spelling import _deletes, edit_distance
from checker.memo import bounded_memo
from checker.rules import Rule, param
from checker.wordlists import read_list, read_table

if TYPE_CHECKING:  # pragma: no cover
    from checker.buildcache import StringIndex

NAME = "known-names"
PARAMS = {
    "names": param(str, required=True, doc="well-known names, one per line"),
    "gazetteer": param(str, default=None, doc="a translated-names table whose originals are added"),
}

_TOKEN = regex.compile(r"[\p{L}\p{M}\p{Nd}]+(?:['’.&/-][\p{L}\p{M}\p{Nd}]+)*+['’]?|&")


#: Every ASCII character that is no letter or digit, deleted by ``str.translate``.
_ASCII_NOT_ALNUM = dict.fromkeys(i for i in range(128) if not chr(i).isalnum())


@lru_cache(maxsize=1 << 14)  # per process, bounded: every window of every article asks
def _plain(text: str) -> str:
    if text.isascii():
        # ASCII is its own decomposition, without combining marks, and folds to ASCII: only the
        # characters that are no letter or digit go (most windows; one C call, not one per character).
        return text.casefold().translate(_ASCII_NOT_ALNUM)
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))


def _limit(n: int) -> int:
    return 1 if n < 12 else 2


def build(rule: Rule):  # noqa: ANN201
    p = rule.params
    state: dict[str, object] = {}

    def load() -> tuple[dict[str, str], dict[int, set[str]], StringIndex, frozenset[str] | None]:
        """Read the lists and build the fuzzy index on first use (not when rules are listed)."""
        if not state:
            from checker.buildcache import indexed_from_files

            files = [rule.resolve(p["names"])] + ([rule.resolve(p["gazetteer"])] if p["gazetteer"] else [])
            small, index = indexed_from_files("known-names 3", files, scan)
            state.update(small, index=index)
        return state["known"], state["by_words"], state["index"], state["firsts"]  # type: ignore[return-value]

    def scan() -> tuple[dict[str, object], dict[str, set[str]]]:
        """The lists read and the fuzzy index built (the index memory-mapped from the cache by
        ``checker.buildcache``; the candidates of a deletion come back sorted)."""
        names = [n for n in read_list(rule.resolve(p["names"])) if len(n.split()) >= 2]
        if p["gazetteer"]:
            names += [row[1] for row in read_table(rule.resolve(p["gazetteer"]))
                      if len(row) > 1 and len(row[1].split()) >= 2]
        known: dict[str, str] = {}
        for n in names:
            known.setdefault(_plain(n), n)
        by_words: dict[int, set[str]] = defaultdict(set)
        for n in names:
            by_words[len(_TOKEN.findall(n))].add(_plain(n))
        index: dict[str, set[str]] = defaultdict(set)
        for key in known:
            if len(key) >= 8:
                for d in _deletes(key, _limit(len(key))):
                    index[d].add(key)
        # The first word of every known name (its plain form): a window whose first word is none of
        # them has no match ``check`` could keep (None if a name had no token to compare).
        heads = [_TOKEN.findall(n) for n in known.values()]
        firsts = None if not all(heads) else frozenset(_plain(t[0]) for t in heads)
        return {"known": known, "by_words": dict(by_words), "firsts": firsts}, dict(index)

    def nearest(key: str) -> str | None:
        """The known name closest to ``key`` (within ``_limit`` edits; the first of the closest), or None."""
        known, _, index, _ = load()
        match = None
        best = 99
        for d in _deletes(key, _limit(len(key))):
            for cand in index.get(d, ()):
                dist = edit_distance(key, cand, _limit(max(len(key), len(cand))))
                if 0 < dist <= _limit(min(len(key), len(cand))) and dist < best:
                    best, match = dist, known[cand]
        return match

    # The same capitalised phrases (a minister's name, a club's) come back article after article:
    # their fuzzy look-up is remembered for the run (bounded).
    nearest_memo = bounded_memo(nearest)

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        known, by_words, index, firsts = load()
        text = doc.prose
        starts, ends, ws = split_matches(_TOKEN, text)  # the tokens, without a match object each
        n = len(ws)
        windows: list[tuple[int, int, str]] = []
        for i, w in enumerate(ws):
            if not w[:1].isupper():
                continue
            s = starts[i]
            end_i = i
            for size in range(2, 5):
                j = i + size - 1
                if j >= n or text[ends[j - 1]:starts[j]] not in (" ", "\u00a0", " '", " ’", " ‘"):
                    break
                end_i = j
                if size in by_words or size + 1 in by_words or size - 1 in by_words:
                    windows.append((s, ends[end_i], text[s:ends[end_i]]))
        keys = [_plain(w) for _, _, w in windows]  # each window's key computed once
        counts = Counter(keys)
        taken: list[tuple[int, int]] = []
        lang = ctx.primary if ctx is not None else doc.lang.split("-")[0]
        for (s, e, w), key in zip(windows, keys):
            if key in known and len(key) >= 8 and _shape(w) != _shape(known[key]) and _moved(w):
                match = known[key]  # the same letters with an apostrophe moved (Girls 'Generation)
                if not any(a < e and s < b for a, b in taken):
                    taken.append((s, e))
                    yield Hit(s, e, (match,), confidence=0.7)
                continue
            if len(key) < 8 or key in known or counts[key] >= 2:
                continue  # too short, a known name itself (any punctuation), or a name of the article
            words = _TOKEN.findall(w)
            if not (words[-1][:1].isupper() or words[-1][:1].isdigit()):
                continue
            if firsts is not None and _plain(words[0]) not in firsts:
                continue  # no known name begins with this word: the first-word test below would fail
            match = nearest_memo(key)
            if match is None:
                continue
            theirs = _TOKEN.findall(match)
            if len(theirs) != len(words) or _plain(theirs[0]) != _plain(words[0]):
                continue  # the same shape, the same first word: Manchester City is no slip for Manchester United
            diff = [(a, b) for a, b in zip(words, theirs) if _plain(a) != _plain(b)]
            if not all(_mangled(a, b, lang) for a, b in diff):
                continue  # an exonym or another real word (FC Barcelone, Green Bay): not a slip
            if any(a < e and s < b for a, b in taken):
                continue
            taken.append((s, e))
            yield Hit(s, e, (match,), confidence=0.7)

    return check


def _shape(text: str) -> str:
    """Letters, spaces and apostrophes as written (apostrophe variants unified)."""
    return regex.sub(r"[\s\u00a0]+", " ", regex.sub(r"['’‘ʼ`]", "'", text)).casefold()


def _moved(text: str) -> bool:
    """An apostrophe opening a word inside a name (Girls 'Generation), not closing one (Girls' Generation)."""
    return regex.search(r"\s['’‘ʼ`]\p{L}", text) is not None


def _mangled(found: str, known_word: str, lang: str) -> bool:
    """A slip: a word no list of the language or English knows, or a particle changed (de / del)."""
    if found.islower() and known_word.islower():
        return True
    parts = [x for x in regex.split(r"['’.&/-]", found) if x]
    return all(lexicon.zipf(x, lang) == 0 and lexicon.zipf(x, "en") == 0 for x in parts)
