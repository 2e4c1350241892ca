"""Private helper of the name kinds: per-document views they share, computed once (``doc.cache``).

``name-families`` and ``name-variants`` each ran several rules over the same scans of an article
(the name-like words, the sentence-initial word offsets); these functions compute each scan once
per document and hand every caller the same object, which callers must only read.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterator
from itertools import accumulate

import regex

from checker.document import Document

#: A name-like word: letters, optionally joined by hyphens (no apostrophes: elisions are cut off),
#: not the first label of a domain name (« kubopay.mx »: a period, then a lowercase letter).
#: The word pattern of ``name-families`` (all its scans use this one).
NAMEWORD = regex.compile(r"(?<![\p{L}\p{M}\p{Nd}_@#/.-])\p{L}[\p{L}\p{M}]*+(?:-\p{L}[\p{L}\p{M}]*+)*+(?![\p{L}\p{M}\p{Nd}_@/-]|\.\p{Ll})")

_NAMEWORDS = "names.namewords"
_FIRSTS = "names.sentence_firsts"

#: A title-case line: at least this many words, this share of them capitalised.
TITLE_WORDS = 4
TITLE_SHARE = 0.6


class Matches:
    """The matches of a pattern in a text, in order: ``starts[i]``, ``ends[i]``, ``words[i]``.

    Kept compact, as two integer arrays and a list of words in which equal words are one object:
    a (start, end, word) tuple per match held about 190 bytes, this about 25, which counts on a
    large article (a word every six characters). Iterating and indexing give (start, end, word)
    tuples, made as they are read.
    """

    __slots__ = ("ends", "starts", "words")

    def __init__(self, pattern: regex.Pattern[str], text: str) -> None:
        # Read from one ``split`` (``split_matches``): about two thirds of a ``finditer`` loop's cost.
        starts, ends, words = split_matches(pattern, text)
        self.starts = array("q", starts)
        self.ends = array("q", ends)
        one: dict[str, str] = {}
        keep = one.setdefault
        self.words: list[str] = [keep(w, w) for w in words]

    def __len__(self) -> int:
        return len(self.words)

    def __iter__(self) -> Iterator[tuple[int, int, str]]:
        return zip(self.starts, self.ends, self.words)

    def __getitem__(self, i: int) -> tuple[int, int, str]:
        return self.starts[i], self.ends[i], self.words[i]


def split_matches(pattern: regex.Pattern[str], text: str) -> tuple[list[int], list[int], list[str]]:
    """The starts, ends and texts of the matches of ``pattern`` in ``text``, in order: those of
    ``pattern.finditer(text)``, for a pattern without groups that never matches the empty string.

    One ``split`` on the pattern wrapped in a group gives the gaps and the matches in turn (gap,
    match, gap, …, gap); the offsets are the running sum of the pieces' lengths. All of it runs in
    C: no match object, no call per match."""
    parts = _splitter(pattern).split(text)
    offsets = list(accumulate(map(len, parts), initial=0))
    return offsets[1:-1:2], offsets[2::2], parts[1::2]


_SPLITTERS: dict[regex.Pattern[str], regex.Pattern[str]] = {}


def _splitter(pattern: regex.Pattern[str]) -> regex.Pattern[str]:
    """``pattern`` as one capturing group, for ``split`` (compiled once per pattern; the patterns
    given to ``Matches`` have no group of their own and never match the empty string)."""
    got = _SPLITTERS.get(pattern)
    if got is None:
        if pattern.groups:
            raise ValueError(f"Matches needs a pattern without groups: {pattern.pattern!r}")
        got = _SPLITTERS[pattern] = regex.compile(f"({pattern.pattern})", pattern.flags)
    return got


def namewords(doc: Document) -> Matches:
    """Every ``NAMEWORD`` match in ``doc.prose``, in order (read only; kept from the first
    ``name-families`` rule to the last)."""
    got: Matches | None = doc.cache.get(_NAMEWORDS)
    if got is None:
        got = doc.cache[_NAMEWORDS] = Matches(NAMEWORD, doc.prose)
    return got


def sentence_firsts(doc: Document) -> set[int]:
    """Offsets of the first word of each sentence, and of every word of a title-case line (at least
    ``TITLE_WORDS`` words, ``TITLE_SHARE`` of them capitalised): where a capital says nothing (read only)."""
    got: set[int] | None = doc.cache.get(_FIRSTS)
    if got is not None:
        return got
    out: set[int] = set()
    for sent in doc.sentences:
        toks = [t for t in doc.tokens_in(sent.start, sent.end) if t.kind == "word"]
        if not toks:
            continue
        out.add(toks[0].start)
        caps = sum(t.text[:1].isupper() for t in toks)
        if len(toks) >= TITLE_WORDS and caps >= TITLE_SHARE * len(toks):
            out.update(t.start for t in toks)  # a title-case heading: every capital is typographic
    doc.cache[_FIRSTS] = out
    return out


_SPACES = " \t\u00a0\u202f"
_OPENER_SCANS: dict[str, regex.Pattern[str]] = {}


def after_openers(doc: Document, openers: str) -> set[int]:
    """Offsets a word starting there would follow only white space (`` \\t``, no-break spaces) after
    the text's start, a line break or one of ``openers`` (a quote, a dash, a colon…): the set of
    word starts for which the kinds' ``_after_opener(text, start)`` walk back is True, found by one
    scan per document and opener set (read only).

    An opener and the white space after it are one match; the next opener starts a match of its own
    (an opener is never white space), so every opener's run end is found, in linear time."""
    key = "names.after_openers." + openers
    got: set[int] | None = doc.cache.get(key)
    if got is not None:
        return got
    scan = _OPENER_SCANS.get(openers)
    if scan is None:
        chars = "".join(regex.escape(c) for c in sorted(set(openers) | {"\r", "\n"}))
        scan = _OPENER_SCANS[openers] = regex.compile(rf"[{chars}][{_SPACES}]*+")
    text = doc.prose
    got = doc.cache[key] = {m.end() for m in scan.finditer(text)}
    got.add(len(text) - len(text.lstrip(_SPACES)))  # the white space the text starts with
    return got


#: Articles and contracted prepositions that build the names of institutions in each language
#: (« Panthéon des sports du Québec », « Museo del Prado »). After one that is no function word of
#: the article's language, a name is part of a name in another language, in that language's spelling.
_NAME_ARTICLES = {
    "fr": ("du", "des", "de la", "la", "le", "les"),
    "es": ("del", "de la", "de los", "de las", "la", "el", "los", "las"),
    "it": ("del", "della", "dello", "dei", "degli", "delle", "il", "la"),
    "pt": ("do", "da", "dos", "das"),
    "de": ("der", "des", "den", "dem"),
}
_ALL_NAME_ARTICLES = frozenset(a for arts in _NAME_ARTICLES.values() for a in arts)
_BEFORE = regex.compile(r"(?<![\p{L}\p{M}])(\p{Ll}++(?:[ \u00a0]\p{Ll}++)?+)[ \u00a0]++$")


def in_foreign_name(text: str, start: int, lang: str) -> bool:
    """True when the word at `start` follows an article or contracted preposition of another
    language than `lang` (« du Québec » in an English article): its spelling is that language's."""
    m = _BEFORE.search(text[max(0, start - 12) : start])
    if m is None:
        return False
    own = set(_NAME_ARTICLES.get(lang, ()))
    words = m.group(1).split()
    cands = {" ".join(words), words[-1]}
    return any(c in _ALL_NAME_ARTICLES and c not in own for c in cands)



#: A letter only Vietnamese writes (horn, breve with a tone, dot below, hook above, đ); none is ASCII.
VIETNAMESE_LETTER = regex.compile(r"[ơưđạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]")


def tone_marked(a: str, b: str) -> bool:
    """Whether two spellings that differ only in their marks are two Vietnamese syllables: both
    carry marks and one has a letter only Vietnamese writes (« Nguyễn » and « Nguyên » are two
    words; « Nguyen » beside « Nguyễn » is one name romanised two ways)."""
    marked = [any(ord(c) > 127 for c in w) for w in (a, b)]
    return all(marked) and VIETNAMESE_LETTER.search((a + b).lower()) is not None
