"""Monotonic alignment of two passage lists, robust to passages added or dropped.

Used by reference mode (translation against a post-edited translation, same language)
and source mode (translation against its original, another language). Only 1-1, 1-0
and 0-1 links are built: a passage split in two therefore shows as one pair plus one
unmatched passage, and callers that report omissions should look at the similarity of
the neighbouring pair before crying wolf.

The dynamic programme maximises the sum of ``similarity − gap`` over matched pairs
(an unmatched passage earns 0), so two passages are paired instead of both being left
unmatched only when their similarity exceeds ``gap``; where a passage was replaced, the
unmatched left passage is listed before the unmatched right one. ``DEFAULT_GAP`` is low
on purpose: passages are paired unless they share next to nothing, and a dropped
passage shows as unmatched only when the counts force a gap somewhere.

The programme runs in a band around the proportional diagonal that doubles until the
best path stays clear of the band's edge, so long lists cost O(n·band) similarity calls
instead of O(n·m) (2,000 × 1,800 passages: about two seconds).
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from checker.dataclass import dataclass
from checker.wordlists import unaccented

DEFAULT_GAP = 0.05
_INITIAL_BAND = 48
_CACHE = 16384

_MATCH, _SKIP_LEFT, _SKIP_RIGHT = 0, 1, 2


@dataclass(frozen=True)
class Pair:
    """One alignment link: indices into the left and right lists; None means no counterpart."""

    left: int | None
    right: int | None
    similarity: float


def align(
    left: Sequence[str],
    right: Sequence[str],
    similarity: Callable[[str, str], float] | None = None,
    *,
    gap: float = DEFAULT_GAP,
) -> list[Pair]:
    """Monotonic alignment of two passage lists allowing 1-1, 1-0 and 0-1 links, in order."""
    sim = similarity or same_language_similarity
    n, m = len(left), len(right)
    if n == 0 or m == 0:
        return [Pair(i, None, 0.0) for i in range(n)] + [Pair(None, j, 0.0) for j in range(m)]
    memo: dict[tuple[int, int], float] = {}

    def score(i: int, j: int) -> float:
        key = (i, j)
        value = memo.get(key)
        if value is None:
            value = memo[key] = sim(left[i], right[j])
        return value

    band = _INITIAL_BAND
    while True:
        path, touched_edge = _banded_path(n, m, score, gap, band)
        if not touched_edge or band >= max(n, m):
            return path
        band *= 2


def _row_bounds(n: int, m: int, band: int) -> list[tuple[int, int]]:
    """Column range [lo, hi] of each DP row, centred on the proportional diagonal."""
    # widening by the slope keeps consecutive rows connected when m is much larger than n
    width = band + math.ceil(m / n)
    bounds = []
    for i in range(n + 1):
        centre = i * m / n
        bounds.append((max(0, math.floor(centre) - width), min(m, math.ceil(centre) + width)))
    return bounds


def _banded_path(
    n: int, m: int, score: Callable[[int, int], float], gap: float, band: int
) -> tuple[list[Pair], bool]:
    """Best path inside the band, and whether it runs along an inner edge of the band."""
    bounds = _row_bounds(n, m, band)
    neg = -math.inf
    totals: list[list[float]] = []
    moves: list[bytearray] = []
    for i in range(n + 1):
        lo, hi = bounds[i]
        row = [neg] * (hi - lo + 1)
        move = bytearray(hi - lo + 1)
        if i:
            plo, phi = bounds[i - 1]
            prev = totals[i - 1]
        for j in range(lo, hi + 1):
            k = j - lo
            if i == 0 and j == 0:
                row[0] = 0.0
                continue
            best, how = neg, _MATCH
            if i and j and plo <= j - 1 <= phi and prev[j - 1 - plo] > neg:
                best = prev[j - 1 - plo] + score(i - 1, j - 1) - gap
            # on ties the last move is a right skip, so that where a passage was replaced the
            # unmatched left passage is listed before the unmatched right one
            if k and row[k - 1] > best:
                best, how = row[k - 1], _SKIP_RIGHT
            if i and plo <= j <= phi and prev[j - plo] > best:
                best, how = prev[j - plo], _SKIP_LEFT
            row[k] = best
            move[k] = how
        totals.append(row)
        moves.append(move)

    pairs: list[Pair] = []
    touched = False
    i, j = n, m
    while i or j:
        lo, hi = bounds[i]
        if (j == lo and lo > 0) or (j == hi and hi < m):
            touched = True
        how = moves[i][j - lo]
        if how == _MATCH:
            pairs.append(Pair(i - 1, j - 1, score(i - 1, j - 1)))
            i, j = i - 1, j - 1
        elif how == _SKIP_LEFT:
            pairs.append(Pair(i - 1, None, 0.0))
            i -= 1
        else:
            pairs.append(Pair(None, j - 1, 0.0))
            j -= 1
    pairs.reverse()
    return pairs, touched


# ---------------------------------------------------------------- same language

_SPACES = re.compile(r"\s+")


@lru_cache(maxsize=_CACHE)
def _char_ngrams(text: str) -> frozenset[str]:
    """Character 3-grams of the case-folded, space-collapsed text (padded with spaces)."""
    norm = " " + _SPACES.sub(" ", text.casefold()).strip() + " "
    if len(norm) <= 3:
        return frozenset([norm]) if norm.strip() else frozenset()
    return frozenset(norm[k : k + 3] for k in range(len(norm) - 2))


def same_language_similarity(a: str, b: str) -> float:
    """0..1 similarity of two texts in the same language (Dice over character 3-grams)."""
    if a == b:
        return 1.0
    ga, gb = _char_ngrams(a), _char_ngrams(b)
    if not ga or not gb:
        return 1.0 if ga == gb else 0.0
    return 2 * len(ga & gb) / (len(ga) + len(gb))


# ---------------------------------------------------------------- cross language

_URL = re.compile(r"(?:https?://|www\.)\S+|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|fr|io|co)(?:/\S*)?", re.I)
_EMAIL = re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
_HANDLE = re.compile(r"(?<![\w@])[@#]\w+")
_DIGITS = re.compile(r"\d+")
_WORD = re.compile(r"[^\W\d_]+(?:['’-][^\W\d_]+)*")
_URL_PREFIX = re.compile(r"^(?:https?://)?(?:www\.)?")
_SENTENCE_END = frozenset(".!?…:»\"“”")
# cognate stems: long words agree on their first letters across French and English
_STEM = 5
_LENGTH_SLACK = 20
_LENGTH_SIGMA = 0.5
# the weight of content evidence against plain length agreement; without any content
# evidence on either side a pair gets a neutral content score
_CONTENT_WEIGHT = 0.75
_NEUTRAL_CONTENT = 0.0


@dataclass(frozen=True)
class _Profile:
    """Language-independent features of one passage."""

    length: int
    anchors: frozenset[str]
    names: frozenset[str]
    stems: frozenset[str]


def _fold(word: str) -> str:
    """Lower case without accents, so `Zürich` and `Zurich` compare equal."""
    return unaccented(word)


@lru_cache(maxsize=_CACHE)
def _trigrams(word: str) -> frozenset[str]:
    """Character 3-grams of a word padded with spaces."""
    padded = f" {word} "
    return frozenset(padded[k : k + 3] for k in range(len(padded) - 2))


def _starts_sentence(text: str, pos: int) -> bool:
    """Whether the word at ``pos`` opens the text or follows sentence-final punctuation."""
    k = pos - 1
    while k >= 0 and text[k].isspace():
        k -= 1
    return k < 0 or text[k] in _SENTENCE_END


@lru_cache(maxsize=_CACHE)
def _profile(text: str) -> _Profile:
    """Extract the anchors, names and cognate stems of a passage."""
    anchors: set[str] = set()
    rest = text
    for pattern, tag in ((_URL, "u:"), (_EMAIL, "e:"), (_HANDLE, "h:")):
        for match in pattern.finditer(rest):
            token = match.group().casefold().rstrip(".,;:!?)»\"'")
            if tag == "u:":
                token = _URL_PREFIX.sub("", token).rstrip("/")
            anchors.add(tag + token)
        # blank the matches so their digits and letters are not counted twice
        rest = pattern.sub(lambda found: " " * len(found.group()), rest)
    anchors.update("n:" + digits for digits in _DIGITS.findall(rest))
    names: set[str] = set()
    stems: set[str] = set()
    for match in _WORD.finditer(rest):
        word = match.group()
        folded = _fold(word)
        if len(folded) >= _STEM:
            stems.add(folded[:_STEM])
        # a capital opening a sentence says nothing; acronyms count wherever they stand
        if word[0].isupper() and len(word) > 1 and (word.isupper() or not _starts_sentence(rest, match.start())):
            names.add(folded)
    return _Profile(
        length=len(_SPACES.sub(" ", text).strip()),
        anchors=frozenset(anchors),
        names=frozenset(names),
        stems=frozenset(stems),
    )


def _anchor_agreement(a: _Profile, b: _Profile) -> float | None:
    """Dice over anchors, names matching fuzzily (`Moscou`/`Moscow`); None when neither has any."""
    total = len(a.anchors) + len(b.anchors) + len(a.names) + len(b.names)
    if not total:
        return None
    shared = len(a.anchors & b.anchors)
    if a.names and b.names:
        shared += len(a.names & b.names)
        # names spelled differently across languages: pair the leftovers by trigram overlap
        rest_b = [_trigrams(name) for name in b.names - a.names]
        for name in a.names - b.names:
            ga = _trigrams(name)
            for k, gb in enumerate(rest_b):
                if 4 * len(ga & gb) >= len(ga) + len(gb):
                    shared += 1
                    del rest_b[k]
                    break
    return 2 * shared / total


def cross_language_similarity(a: str, b: str) -> float:
    """0..1 similarity of a text and its translation from length and language-independent anchors."""
    pa, pb = _profile(a), _profile(b)
    if not pa.length or not pb.length:
        return 1.0 if pa.length == pb.length else 0.0
    ratio = math.log((pa.length + _LENGTH_SLACK) / (pb.length + _LENGTH_SLACK))
    length = math.exp(-(ratio**2) / (2 * _LENGTH_SIGMA**2))
    anchors = _anchor_agreement(pa, pb)
    if pa.stems or pb.stems:
        stems = 2 * len(pa.stems & pb.stems) / (len(pa.stems) + len(pb.stems))
        # anchors (numbers, names, links) are rarer and surer than cognate stems
        content = stems if anchors is None else (2 * anchors + stems) / 3
    else:
        content = _NEUTRAL_CONTENT if anchors is None else anchors
    return length * (1 - _CONTENT_WEIGHT + _CONTENT_WEIGHT * content)
