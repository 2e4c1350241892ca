"""Kind ``lost-mark``: a word that lost its apostrophe or its accents on the way.

Keyboards, transliteration pipelines and scrapers drop marks: ``dêtre`` for
``d'être``, ``Lhomme`` for ``L'homme``, ``Troisieme`` for ``Troisième``. The
damaged forms are common enough on the web that frequency lists know them, so
an "unknown word" check misses them; this kind compares each token with its
repaired form instead. One ``mode`` per rule:

- ``apostrophe``: the token is an elision (``elisions``: ``d``, ``l``, ``qu``…)
  glued to a word starting with a vowel or ``h``; the word is very common
  (``min_zipf``), the token far rarer (``gap``); real words of that shape are
  listed in ``exceptions`` (``selle``, ``lavoir``, ``savant``). A document must show
  at least ``min_distinct`` different such tokens, or use no apostrophe at all:
  stripped apostrophes come in batches, a lone candidate in a text that elides
  elsewhere is more likely a rare real word.
- ``accent``: stripping the token's diacritics gives the same letters as a
  common word (``min_zipf``) that is ``gap`` more frequent; tokens that carry
  diacritics themselves and are known words (``réglés``, ``tituló``), English
  words (``cafe``, ``resume``), capitalised words inside a sentence (names:
  ``Jose``), a missing accent on a capital initial (``Etats-Unis``, accepted
  typography) and a last-letter difference between two real forms (``realizo``/
  ``realizó``) are left alone. ``langs`` lists the languages checked.

- ``caps``: a word in capitals (a headline, a quoted slogan), which the non-word
  rules skip as a possible acronym, of ``min_length`` letters or more, that no
  list of the language or English knows, with one clearly most frequent word of
  the language one edit away (``FÉLICITATONS`` → ``FÉLICITATIONS``).

params: ``mode``, ``elisions``, ``exceptions``, ``min_zipf``, ``gap``, ``max_zipf``,
``min_distinct``, ``langs``, ``min_length``.
"""

from __future__ import annotations

import bisect
import unicodedata
from collections.abc import Iterator

import regex

from checker import lexicon
from checker.context import Context
from checker.document import Document
from checker.finding import Hit, Severity
from checker.memo import MemoTable
from checker.rules import Rule, param
from checker.wordarrays import folded_counts
from checker.wordlists import fold

NAME = "lost-mark"
PARAMS = {
    "mode": param(str, default="accent", doc="apostrophe | accent | caps"),
    "elisions": param(list, default=[], doc="elided words, without apostrophe (apostrophe mode)"),
    "exceptions": param(list, default=[], doc="real words that look like a lost mark"),
    "min_zipf": param(float, default=4.5, doc="frequency of the repaired word"),
    "gap": param(float, default=2.5, doc="how much more frequent the repaired word must be"),
    "max_zipf": param(float, default=4.0, doc="a token at least this frequent is a word of its own"),
    "min_distinct": param(int, default=2, doc="distinct damaged tokens a document needs (apostrophe mode)"),
    "min_length": param(int, default=7, doc="fewest letters of a word in capitals (caps mode)"),
    "langs": param(list, default=["fr", "es", "pt", "it"], doc="languages checked (accent mode)"),
}
_VOWEL_OR_H = frozenset("aeiouyhâàäéèêëîïôöûùüœæ")
_PLAIN = regex.compile(r"^\p{L}+$")
_INDEX: dict[str, dict[str, str]] = {}


def _strip(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")


def _accent_index(lang: str, min_zipf: float) -> dict[str, str]:
    """stripped form → the most frequent word with diacritics that strips to it (per language)."""
    key = f"{lang}:{min_zipf}"
    idx = _INDEX.get(key)
    if idx is None:
        from checker.buildcache import mapped_beside_list

        # A memory-mapped trie beside the converted list (a dict when there is no cache).
        idx = _INDEX[key] = mapped_beside_list(  # type: ignore[assignment]
            lexicon.table(lang), f"accent-index {min_zipf}", lambda: _scan(lang, min_zipf))
    return idx


def _scan(lang: str, min_zipf: float) -> dict[str, str]:
    idx = {}
    floor = 10 ** (min_zipf - 9)
    best: dict[str, float] = {}
    for w, f in lexicon.table(lang).items():
        if f < floor or w.isascii():
            continue
        s = _strip(w)
        if s != w and f > best.get(s, 0.0):
            best[s] = f
            idx[s] = w
    return idx


def build(rule: Rule):  # noqa: ANN201
    """Validate the mode and fold the lists."""
    p = rule.params
    mode = p["mode"]
    if mode not in ("apostrophe", "accent", "caps"):
        raise ValueError("mode must be apostrophe, accent or caps")
    elisions = tuple(sorted((fold(e) for e in p["elisions"]), key=len, reverse=True))
    if mode == "apostrophe" and not elisions:
        raise ValueError("apostrophe mode needs elisions")
    exceptions = frozenset(fold(w) for w in p["exceptions"])
    langs = frozenset(p["langs"])
    # A token's verdict depends only on its text and the language (the position tests are made
    # per occurrence): remembered for the run, an article's repeated words are judged once. One
    # table per language, read with one dict look-up per token.
    elided: dict[str, MemoTable] = {}  # token text → its repair ("" for none)
    accents: dict[str, MemoTable] = {}  # token text → its _Fix tuple

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        lang = ctx.primary
        if mode == "apostrophe":
            memo = elided.get(lang)
            if memo is None:
                memo = elided[lang] = MemoTable(lambda t: _elided(t, lang, elisions, exceptions, p) or "")
            yield from _apostrophes(doc, memo, p)
        elif lang in langs and lexicon.table(lang):
            if mode == "caps":
                yield from _caps(doc, lang, exceptions, p)
            else:
                fixes = accents.get(lang)
                if fixes is None:
                    fixes = accents[lang] = MemoTable(lambda t: _accent_fixes(t, lang, exceptions, p))
                yield from _accents(doc, fixes)

    return check


def _sentence_starts(doc: Document) -> set[int]:
    starts = doc.cache.get("lost-mark:starts")
    if starts is None:
        starts = set()
        toks = doc.tokens
        tok_starts = [t.start for t in toks]
        for s in doc.sentences:
            # The first of doc.tokens_in(s.start, s.end), without building the list: the first token
            # starting in the sentence, unless it runs past its end (tokens do not overlap, so no
            # later one lies inside then).
            i = bisect.bisect_left(tok_starts, s.start)
            if i < len(toks) and toks[i].start < s.end and toks[i].end <= s.end:
                starts.add(toks[i].start)
        starts.update(ln.start for ln in doc.lines)
        # After an opening quote, a colon or a dash a capital opens a sentence too (« Lhomme est là »).
        starts.update(m.end() for m in regex.finditer(r"[«“\"(:—–][ \u00a0\u202f]{0,2}+(?=\p{Lu})", doc.prose))
        doc.cache["lost-mark:starts"] = starts
    return starts


def _elided(t: str, lang: str, elisions: tuple[str, ...], exceptions: frozenset[str], p: dict) -> str | None:
    """The token with its lost apostrophe put back (``lhomme`` → ``l’homme``), or None."""
    if len(t) < 3 or not _PLAIN.match(t) or t.isupper() and len(t) > 1:
        return None
    w = fold(t)
    if w in exceptions:
        return None
    # The elisions the token can open with (the loop's shape tests, before any frequency look-up:
    # most tokens have none, and the answer is None whatever their frequency).
    cut = [e for e in elisions if w.startswith(e) and len(w) - len(e) >= 2 and w[len(e)] in _VOWEL_OR_H]
    if not cut:
        return None
    zt = lexicon.zipf(w, lang)
    if zt >= p["max_zipf"] or (lang != "en" and lexicon.zipf(w, "en") >= max(3.0, zt + 0.5)):
        return None  # a word of its own, or an English word (let, ten, sun)
    for e in cut:
        rest = w[len(e):]
        zr = lexicon.zipf(rest, lang)
        if zr >= p["min_zipf"] and zt <= zr - p["gap"]:
            return t[: len(e)] + "’" + t[len(e):]
    return None


def _apostrophes(doc: Document, elided: MemoTable, p: dict) -> Iterator[Hit]:
    starts: set[int] | None = None  # found at the first capitalised candidate (most articles have none)
    found = []
    for tok in doc.words:
        t = tok.text
        fix = elided[t]
        if not fix:
            continue
        if t[0].isupper():
            if starts is None:
                starts = _sentence_starts(doc)
            if tok.start not in starts:
                continue  # a capitalised word inside a sentence is a name (Maura, Sargent)
        found.append((tok, fix))
    if not found:
        return
    if len({fold(t.text) for t, _ in found}) < p["min_distinct"] and regex.search(r"\p{L}['’ʼ]\p{L}", doc.prose):
        return  # one lone candidate in a text that uses apostrophes elsewhere: likely a real word
    for tok, fix in found:
        yield Hit(tok.start, tok.end, (fix,), confidence=0.85)


_LETTERS = regex.compile(r"\p{L}+")
#: A run of letters of a token to repair: its offset in the token, length, whether it starts
#: with a capital, the repaired run and the confidence.
_Fix = tuple[int, int, bool, str, float]


def _accent_fixes(text: str, lang: str, exceptions: frozenset[str], p: dict) -> tuple[_Fix, ...]:
    """The runs of letters of a token that lost their accents, whatever the token's position."""
    idx = _accent_index(lang, min(p["min_zipf"], 3.0))
    out = []
    for m in _LETTERS.finditer(text):
        t = m.group()
        if len(t) < 4 or (t.isupper() and len(t) > 1):
            continue
        w = fold(t)
        if w in exceptions:
            continue
        v = idx.get(w if w.isascii() else _strip(w))  # (no mark to strip from ASCII)
        if v is None or v == w:
            continue
        zt, zv = lexicon.zipf(w, lang), lexicon.zipf(v, lang)
        if zv < p["min_zipf"] or zv < zt + p["gap"]:
            continue
        if not w.isascii() and zt >= 2.0:
            continue  # an accented form the list knows: another real word (réglés, tituló)
        if lang != "en" and lexicon.zipf(w, "en") >= 2.5:
            continue  # an English word (cafe, resume, mexico)
        diff = [i for i, (a, b) in enumerate(zip(w, v, strict=False)) if a != b]
        if not diff or len(w) != len(v):
            continue
        capital = t[0].isupper()
        if capital and diff[0] == 0:
            continue  # Etats-Unis: accents on capitals are optional
        if diff == [len(w) - 1] and zt >= 2.5:
            continue  # realizo/realizó, pode/pôde: two real forms of a verb
        fix = "".join(c.upper() if o.isupper() else c for c, o in zip(v, t, strict=True))
        out.append((m.start(), len(t), capital, fix, 0.8 if zt < 2.0 else 0.7))
    return tuple(out)


def _accents(doc: Document, fixes: MemoTable) -> Iterator[Hit]:
    starts: set[int] | None = None  # found at the first capitalised repair (most articles have none)
    for tok in doc.words:
        for off, n, capital, fix, confidence in fixes[tok.text]:
            start = tok.start + off
            if capital:
                if starts is None:
                    starts = _sentence_starts(doc)
                if not (start in starts and off == 0):
                    continue  # a capitalised word inside a sentence is a name (Jose, Sesame Street)
            yield Hit(start, start + n, (fix,), confidence=confidence, severity=Severity.MINOR)


def _caps(doc: Document, lang: str, exceptions: frozenset[str], p: dict) -> Iterator[Hit]:
    from checker.kinds._spelling import close_words

    # Only long words in capitals are candidates: most articles have none, and then the
    # article's words need no counting.
    min_length = p["min_length"]
    candidates = [tok for tok in doc.words
                  if len(tok.text) >= min_length and tok.text.isupper() and _PLAIN.match(tok.text)]
    if not candidates:
        return
    counts = folded_counts(doc)  # shared, read only
    for tok in candidates:
        t = tok.text
        w = fold(t)
        if w in exceptions or counts[w] > 1:
            continue  # a name or an acronym the article repeats
        if max(lexicon.zipf(w, lang), lexicon.zipf(w, "en")) >= 1.0:
            continue
        cands = [c for c in close_words(w, lang, 1) if c[2] >= p["min_zipf"]]
        if not cands:
            continue
        best = max(cands, key=lambda c: c[2])
        if any(c is not best and c[2] > best[2] - 1.0 for c in cands):
            continue
        yield Hit(tok.start, tok.end, (best[0].upper(),), confidence=0.8, severity=Severity.MINOR)
