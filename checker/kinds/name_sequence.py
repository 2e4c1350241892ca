"""Kind ``name-sequence``: a garbled person's name inside a list of names.

In an enumeration of people (``A B, C D, E f et G H``), machine translation and
speech-to-text sometimes lowercase or mangle one surname (``Taylor swiff``). The
sentence is cut into items at commas, semicolons and the ``conjunctions``; an
item is a clean name when it ends in two to four capitalised tokens (particles
such as ``de``, ``van``, ``bin`` allowed). An item is reported when the sentence
holds at least ``min_names`` clean names and the item's name is:

- a capitalised token followed by one or two lowercase tokens that are neither
  particles nor common words of the language (``Zipf < max_zipf``), optionally
  closed by a capitalised token (``Z sina Malik``); or
- after a possessive (``Tanzania’s``), two lowercase tokens that are not common
  words, one of them unknown to the word lists.

The suggestion repairs the lowercase surname from a capitalised name of the
same article within two edits (``seydou`` → ``Seydoux`` written elsewhere) or,
failing that, from a name-like word (frequent in the language and in English)
one edit away.

params: ``conjunctions``, ``particles``, ``min_names``, ``max_zipf``.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker import lexicon
from checker.context import Context
from checker.document import Document, Token
from checker.finding import Hit
from checker.kinds._spelling import close_words, edit_distance
from checker.rules import Rule, param
from checker.wordlists import fold

NAME = "name-sequence"
PARAMS = {
    "conjunctions": param(list, default=["and", "or"], doc="words that separate list items"),
    "particles": param(list, default=[], doc="lowercase name particles (de, van, bin, al…)"),
    "min_names": param(int, default=1, doc="clean names the sentence must hold besides the suspect"),
    "max_zipf": param(float, default=3.0, doc="a lowercase token this frequent is an ordinary word"),
}

_POSSESSIVE = regex.compile(r"['’]s$")


def build(rule: Rule):  # noqa: ANN201
    """Prepare separators and particles."""
    p = rule.params
    conj = "|".join(regex.escape(c) for c in p["conjunctions"])
    # A white-space run before a conjunction starts where the run starts (or where the search
    # does): tried at every blank of a long run, \s+ would rescan the rest of it each time.
    separator = regex.compile(rf"[,;]\s*(?:(?:{conj})\s+)?|(?:(?<!\s)|\G)\s+(?:{conj})\s+", regex.IGNORECASE)
    particles = frozenset(fold(x) for x in p["particles"])
    min_names, max_zipf = p["min_names"], p["max_zipf"]

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        lang = ctx.primary
        text = doc.prose
        capitalised: dict[str, str] | None = None
        for sent in doc.sentences:
            if not separator.search(text, sent.start, sent.end):
                continue
            items = _items(doc, sent.start, sent.end, separator)
            if len(items) < 2:
                continue
            clean: list[list[Token]] | None = None  # made when an item is suspect (most sentences: none)
            for n, it in enumerate(items):
                # The first item starts the sentence, whose first word is capitalised anyway.
                if n == 0:
                    found = _trailing_suspect(it, particles, lang, max_zipf)
                else:
                    found = _suspect(it, particles, lang, max_zipf)
                if found is None:
                    continue
                if clean is None:
                    clean = [it for it in items if _clean_name(it, particles)]
                others = [c for c in clean if c is not it]
                if len(others) < min_names:
                    continue
                if capitalised is None:
                    capitalised = _capitalised_names(doc)
                name = found
                start, end = name[0].start, name[-1].end
                if _quoted(text, start, end) or _in_quotation(text, start, end):
                    continue  # « Jajeong-ui jeongwon », son titre original: a title, not a person
                yield Hit(start, end, _suggest(doc, name, capitalised, lang), confidence=0.85)

    return check


def _items(doc: Document, start: int, end: int, separator: regex.Pattern[str]) -> list[list[Token]]:
    """Word tokens of each list item of a sentence."""
    out = []
    # The sentence's words, handed out to the items in one walk (the separators come in order and
    # do not overlap): each item gets the words of ``doc.tokens_in(pos, s)``, without a look-up each.
    words = [t for t in doc.tokens_in(start, end) if t.kind == "word"]
    k, n = 0, len(words)
    pos = start
    bounds = [(m.start(), m.end()) for m in separator.finditer(doc.prose, start, end)]
    for s, e in [*bounds, (end, end)]:
        while k < n and words[k].start < pos:
            k += 1  # inside the separator before this item (a conjunction)
        item = []
        while k < n and words[k].start < s:
            if words[k].end <= s:
                item.append(words[k])
            k += 1
        if item:
            out.append(item)
        pos = e
    return out


def _quoted(text: str, start: int, end: int) -> bool:
    """Whether [start, end) stands alone between quotation marks (a title in its original language)."""
    before = text[max(0, start - 3) : start].rstrip(" \u00a0\u202f")
    after = text[end : end + 3].lstrip(" \u00a0\u202f")
    return before[-1:] in ("«", "“", "\"", "‘", "„") and after[:1] in ("»", "”", "\"", "’", "“")


def _in_quotation(text: str, start: int, end: int) -> bool:
    """Whether [start, end) lies inside a quotation in guillemets or curly quotes that closes
    after it on the same line (« Sie hat eine enorme Reife gezeigt »: someone's words, no list)."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    head, tail = text[line_start:start], text[end:line_end if line_end >= 0 else len(text)]
    for opening, closing in (("«", "»"), ("“", "”"), ("„", "“")):
        if head.rfind(opening) > head.rfind(closing) and closing in tail:
            return True
    return False


def _is_cap(tok: Token) -> bool:
    return tok.text[:1].isupper()


def _clean_name(item: list[Token], particles: frozenset[str]) -> bool:
    """True when the item ends in a run of 2–4 capitalised tokens (particles allowed inside)."""
    run = 0
    caps = 0
    for tok in reversed(item):
        if _is_cap(tok):
            run += 1
            caps += 1
        elif fold(tok.text) in particles and caps:
            run += 1
        else:
            break
    return caps >= 2 and run <= 5


def _uncommon(tok: Token, particles: frozenset[str], lang: str, max_zipf: float) -> bool:
    w = tok.text
    if not (w.isalpha() and w.islower()) or fold(w) in particles or len(w) < 3:
        return False
    z = lexicon.zipf(w, lang)
    if z > 0.0 and lang != "en" and lexicon.zipf(w, "en") == 0.0:
        return False  # a word of this language only (a verb form), not a name, which travels
    return z < max_zipf


def _suspect(item: list[Token], particles: frozenset[str], lang: str, max_zipf: float) -> list[Token] | None:
    """The tokens of a garbled name at the item's start, or None."""
    toks = item
    possessive = bool(toks) and bool(_POSSESSIVE.search(toks[0].text)) and _is_cap(toks[0])
    if possessive:
        toks = toks[1:]
    if not toks:
        return None
    if _is_cap(toks[0]):
        if fold(toks[0].text) in particles or not toks[0].text[1:].islower() and len(toks[0].text) > 1:
            return None
        i = 1
        while i < len(toks) and i <= 2 and _uncommon(toks[i], particles, lang, max_zipf):
            i += 1
        if i == 1:
            return None
        if i < len(toks) and _is_cap(toks[i]) and i <= 2:
            i += 1  # Z sina Malik: the surname after the garbled middle
        if i < len(toks) and any(
            not _is_cap(t) and lexicon.zipf(t.text, lang) > 0.0 for t in toks[1:i]
        ):
            return None  # the sentence goes on: "Alfred visitèrent…" is a name and a verb
        return toks[:i]
    if (possessive and len(toks) >= 2 and all(_uncommon(t, particles, lang, max_zipf) for t in toks[:2])
            and any(lexicon.zipf(t.text, lang) == 0.0 for t in toks[:2])):
        return toks[:2]
    return None


def _trailing_suspect(
    item: list[Token], particles: frozenset[str], lang: str, max_zipf: float
) -> list[Token] | None:
    """A garbled name closing the first item, after the sentence's lead-in (``…figuraient A b``)."""
    for k in (2, 3):
        if len(item) > k:
            tail = _suspect(item[-k:], particles, lang, max_zipf)
            if tail is not None and len(tail) == k and not _is_cap(item[-k - 1]):
                return tail
    return None


def _capitalised_names(doc: Document) -> dict[str, str]:
    """Folded form → spelling of every capitalised word of the article."""
    return {fold(t.text): t.text for t in doc.words if _is_cap(t) and len(t.text) >= 3}


def _suggest(doc: Document, name: list[Token], capitalised: dict[str, str], lang: str) -> tuple[str, ...]:
    """The name with its lowercase tokens repaired, when a repair is clear."""
    parts = []
    changed = False
    for tok in name:
        if _is_cap(tok):
            parts.append(tok.text)
            continue
        key = fold(tok.text)
        local = [v for k, v in capitalised.items() if edit_distance(key, k, 2) <= 2]
        if len(local) == 1:
            parts.append(local[0])
            changed = True
            continue
        # Name-like words are about as frequent in English as in the article's language.
        cands = [
            c for c in close_words(key, lang, 1)
            if len(c[0]) == len(key) and min(c[2], lexicon.zipf(c[0], "en")) >= 2.5
        ]
        if len(cands) == 1:
            parts.append(cands[0][0][:1].upper() + cands[0][0][1:])
            changed = True
        else:
            parts.append(tok.text[:1].upper() + tok.text[1:])
            changed = True
    return (" ".join(parts),) if changed else ()
