"""Kind ``quote-mix``: top-level quotations in a minority style (« » against "…" or “…”).

Quotations are paired per passage: guillemets and curly quotes by their opening and
closing marks, straight quotes by position (an opening " follows a space, a bracket
or a dash and precedes a non-space; a closing " precedes a space, punctuation or the
end). A quotation nested inside another of a different style is not counted: “ ” or
"…" inside « » is the ordinary French second level. A lone mark (an inch sign
``27"``, a stray quote) never pairs and is ignored, as are quotations that contain no
letter (code, symbols), quotations in `inline code`, and, when ``skip_foreign`` is set, quotations in another
language, which some editors keep in that language's marks.

When one style has at least ``min_majority`` top-level quotations and the others
make at most ``max_share`` of them, each minority quotation is reported as a whole
(both marks and the words between), with the quotation rewritten in the majority
style as the suggestion: a fix of the opening mark alone would leave an orphan
closing mark behind.

params:
- ``styles``: two-character strings, opening then closing mark (the same character
  twice for straight quotes).
- ``padded``: styles whose marks take a no-break space inside (French guillemets).
- ``min_majority``, ``max_share``: how clearly one style must dominate.
- ``skip_foreign``: leave alone a minority quotation whose words are confidently in
  another language than the document's.
- ``foreign_min_words``: only a quotation of at least this many words can be judged foreign
  (a short title such as “Sunset Villa” is quoted in the article's style whatever its language).
- ``preferred``: the language's own style (French « »). When no style clearly dominates
  (too few quotations, or an even mix) and the article uses this one at least once, it is
  the reference: every top-level quotation in another style is reported (one « » against
  one "…" is enough). A clear majority of another style still wins.
- ``term_style``: a style the language keeps for titles, nicknames and terms beside another for
  what people say (Italian “ ” beside « »): when every quotation of that style is short (eight
  words at most, no sentence punctuation), its quotations are left out of the count, so two
  styles with two uses are no mix.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.rules import Rule, param

NAME = "quote-mix"
PARAMS = {
    "styles": param(list, default=["«»", "“”", '""'], doc="opening and closing mark of each style"),
    "padded": param(list, default=["«»"], doc="styles written with a no-break space inside the marks"),
    "min_majority": param(int, default=3),
    "max_share": param(float, default=0.3),
    "skip_foreign": param(bool, default=True),
    "foreign_min_words": param(int, default=2),
    "preferred": param(str, default=""),
    "term_style": param(str, default="", doc="a style the language keeps for short terms, titles and nicknames"),
}

_SPACES = " \u00a0\u202f\t"
_LETTER = regex.compile(r"\p{L}")
_WORD = regex.compile(r"\p{L}+")
# What may stand before an opening straight quote / after a closing one.
_OPEN_BEFORE = set(_SPACES) | set("\n([{—–-/«“‘'")
_CLOSE_AFTER = set(_SPACES) | set("\n)]}.,;:!?…—–-»”’'")
# Inline code in plain text (Markdown code is already blanked out of doc.prose).
_CODE = regex.compile(r"`[^`\n]+`")
_NOT_PROSE = frozenset({"url", "email", "handle"})
# Below this probability for the document's language, a quotation's words are foreign.
_FOREIGN_MAX_OWN = 0.2


# A plain class, not a dataclass: making a dataclass costs about 0.5 ms of start-up (it execs its
# generated methods), and this private record is never compared, hashed nor printed.
class _Quote:
    __slots__ = ("style", "start", "end")

    def __init__(self, style: str, start: int, end: int) -> None:
        self.style = style
        self.start = start  # the opening mark
        self.end = end  # after the closing mark


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Validate the styles once."""
    p = rule.params
    styles = [str(s) for s in p["styles"]]
    if len(styles) < 2 or any(len(s) != 2 for s in styles) or len(set(styles)) != len(styles):
        raise ValueError("styles: give at least two different two-character strings")
    padded = {str(s) for s in p["padded"]}
    if not padded <= set(styles):
        raise ValueError("padded: every entry must be one of styles")
    if not 0 < p["max_share"] < 0.5:
        raise ValueError("max_share must be in (0, 0.5)")
    min_majority, max_share, skip_foreign = p["min_majority"], p["max_share"], p["skip_foreign"]
    foreign_min_words = max(2, p["foreign_min_words"])
    preferred = str(p["preferred"])
    term_style = str(p["term_style"])
    if preferred and preferred not in styles:
        raise ValueError("preferred: must be one of styles")

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        text = doc.prose
        if sum(s[0] in text for s in styles) < 2:
            return
        skip = [(t.start, t.end) for t in doc.tokens if t.kind in _NOT_PROSE]
        skip += [m.span() for m in _CODE.finditer(text)]
        quotes: list[_Quote] = []
        for passage in doc.passages:
            quotes.extend(_top_level(_pairs(text, passage.start, passage.end, styles)))
        quotes = [q for q in quotes if not any(s <= q.start < e for s, e in skip)]
        if term_style:
            terms = [q for q in quotes if q.style == term_style]
            if terms and all(_term(doc.text[q.start + 1:q.end - 1]) for q in terms):
                # Italian « » for what people say, “ ” for titles, nicknames and terms: two uses
                quotes = [q for q in quotes if q.style != term_style]
        counts = Counter(q.style for q in quotes)
        if len(counts) < 2:
            return
        major, n_major = counts.most_common(1)[0]
        minority = len(quotes) - n_major
        if n_major < min_majority or minority / len(quotes) > max_share:
            if not (preferred and counts[preferred]):
                return
            major, n_major = preferred, counts[preferred]  # no clear choice: the language's own
        for q in quotes:
            if q.style == major:
                continue
            inner = doc.text[q.start + 1:q.end - 1]
            if skip_foreign and _foreign(inner, ctx.primary, foreign_min_words):
                continue
            core = inner.strip(_SPACES)
            pad = "\u00a0" if major in padded else ""
            yield Hit(q.start, q.end, suggestions=(major[0] + pad + core + pad + major[1],),
                      args={"major": f"{major[0]}…{major[1]}", "minor": f"{q.style[0]}…{q.style[1]}",
                            "count": str(n_major)})

    return check


_WORDS = regex.compile(r"[\p{L}\p{N}]++")


def _term(inner: str) -> bool:
    """A title, a nickname or a term rather than words someone said: eight words at most, no
    sentence punctuation (“Genshin Impact”, “el Flaco”, “Geldpolitik mit Augenmass”)."""
    return len(_WORDS.findall(inner)) <= 8 and not any(c in inner for c in ".!?…;:")


def _pairs(text: str, start: int, end: int, styles: list[str]) -> list[_Quote]:
    """Every quotation of every style between start and end, with unclosed openers to the end."""
    found: list[_Quote] = []
    for style in styles:
        opening, closing = style
        if opening not in text[start:end]:
            continue
        if opening == closing:
            found.extend(_straight_pairs(text, start, end, style))
            continue
        stack: list[int] = []
        for i in range(start, end):
            ch = text[i]
            if ch == opening:
                stack.append(i)
            elif ch == closing and stack:
                o = stack.pop()
                found.append(_Quote(style, o, i + 1))
        # An unclosed opener runs to the passage end (a quotation continued in the next
        # paragraph): it is not counted, but what follows it is nested inside it.
        found.extend(_Quote("", o, end) for o in stack)
    return found


def _straight_pairs(text: str, start: int, end: int, style: str) -> Iterator[_Quote]:
    """Pair same-character quotes by position; marks of the wrong shape (27") are ignored."""
    mark = style[0]
    opened = -1
    i = text.find(mark, start, end)
    while i != -1:
        before = text[i - 1] if i > start else "\n"
        after = text[i + 1] if i + 1 < end else "\n"
        if opened < 0:
            if before in _OPEN_BEFORE and after not in _SPACES and after != "\n":
                opened = i
        elif after in _CLOSE_AFTER and before not in _SPACES:
            if _LETTER.search(text, opened + 1, i):
                yield _Quote(style, opened, i + 1)
            opened = -1
        i = text.find(mark, i + 1, end)


def _top_level(quotes: list[_Quote]) -> list[_Quote]:
    """The quotations not inside another one; unclosed openers are dropped after nesting."""
    quotes.sort(key=lambda q: (q.start, -q.end))
    top: list[_Quote] = []
    outer_end = -1
    for q in quotes:
        if q.start < outer_end:
            continue
        outer_end = q.end
        if q.style:
            top.append(q)
    return top


def _foreign(inner: str, lang: str, min_words: int = 2) -> bool:
    from checker import langid  # lazy: the word lists load on first use

    if lang not in langid.SUPPORTED or len(_WORD.findall(inner)) < min_words:
        return False
    votes = dict(langid.word_vote(inner))
    return votes.get(lang, 0.0) < _FOREIGN_MAX_OWN
