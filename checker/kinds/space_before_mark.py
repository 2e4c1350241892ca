"""Kind ``space-before-mark``: a space between a word and the punctuation mark that follows it.

``, .`` never take a space before them; ``; : ! ?`` take one in French only (and the
languages listed in ``spaced_in``), so elsewhere a space before them is the same defect.
The reported span is the word (or closing quote) before the space, the space and the
mark (``Lyon .``, ``anunciar :``); the suggestion glues them. Marks that start something
are skipped: ``.com``, ``.NET``, ``.5``, an ellipsis ``...``, emoticons (``: )``, ``:-)``,
``;)``), and URLs, e-mail addresses and handles are not prose.

params:
- ``marks``: marks that never take a space before them, in any language.
- ``high_marks``: marks spaced in some languages only.
- ``spaced_in``: primary language subtags that put a space before ``high_marks``.
- ``house_min``, ``house_share``: in another language, when at least ``house_min`` of the
  document's high marks after a word, and at least ``house_share`` of them, have a space
  before them, in two passages or more, the spacing is the article's own convention (an
  author who writes French typography in English, a house style), not a scraping defect:
  those findings are ``info``. Spaces before ``, .`` stay reported. ``house_min = 0`` turns this off.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit, Severity
from checker.rules import Rule, param

NAME = "space-before-mark"
PARAMS = {
    "marks": param(str, default=",."),
    "high_marks": param(str, default=";:!?"),
    "spaced_in": param(list, default=["fr"], doc="languages that space the high marks"),
    "house_min": param(int, default=0, doc="spaced high marks that make a house convention (0 = never)"),
    "house_share": param(float, default=0.75, doc="share of spaced high marks that makes a house convention"),
}

_NOT_PROSE = frozenset({"url", "email", "handle"})
# A word starts where a run of letters, digits, apostrophes and hyphens starts: the look-behind
# also refuses a letter after « l' » or « a- », so the engine does not try every letter of
# « l'l'l'… » again, each try scanning the rest of the run (quadratic on one long token).
_BEFORE = (
    r"(?:(?<![\p{L}\p{M}\p{N}]['’-]*+)(?P<word>[\p{L}\p{N}][\p{L}\p{M}\p{N}'’-]*+[»”\"')\]]?)"
    r"|(?<=\S[ \u00a0\u202f]?)(?P<word>[»”“]))"
)


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Compile one expression for the languages that space the high marks and one for the rest."""
    p = rule.params
    marks, high = str(p["marks"]), str(p["high_marks"])
    if not marks or set(marks) & set(high):
        raise ValueError("marks must be non-empty and distinct from high_marks")
    spaced_in = {str(x).lower() for x in p["spaced_in"]}
    house_min, house_share = int(p["house_min"]), float(p["house_share"])
    if not 0 < house_share <= 1:
        raise ValueError("house_share must be in (0, 1]")
    # Every high mark that ends a word's clause (followed by a space or the end), spaced or not.
    high_after_word = (
        regex.compile(r"(?<=[\p{L}\p{N}»”\"')\]])(?P<space>[ \t\u00a0\u202f]*+)[" + regex.escape(high) + r"](?=\s|$)")
        if high else None
    )

    def compile_for(chars: str) -> regex.Pattern:
        return regex.compile(
            _BEFORE + r"[ \t\u00a0\u202f]++(?P<mark>[" + regex.escape(chars) + r"])"
            r"(?![.,;:!?\p{L}\p{N}_/\\()\[\]-])(?![ \u00a0]?[()\[\]])"
        )

    plain = compile_for(marks)
    every = compile_for(marks + high) if high else plain
    # Every match holds a blank right before its mark: where the prose has no such pair (most
    # articles), the scan above, which tries each word of the article, cannot match.
    plain_gate = regex.compile(r"[ \t\u00a0\u202f][" + regex.escape(marks) + "]")
    every_gate = regex.compile(r"[ \t\u00a0\u202f][" + regex.escape(marks + high) + "]") if high else plain_gate

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        expr = plain if ctx.primary in spaced_in else every
        text = doc.prose
        if (plain_gate if expr is plain else every_gate).search(text) is None:
            return
        house = False
        if house_min and high_after_word is not None and expr is every:
            gaps = [(m.start(), bool(m.group("space"))) for m in high_after_word.finditer(text)]
            spaced = [at for at, gap in gaps if gap]
            house = (
                len(spaced) >= house_min
                and len(spaced) >= house_share * len(gaps)
                # a convention runs through the article: one line pasted from elsewhere is no house style
                and len({doc.passage_index(at) for at in spaced}) >= 2
            )
        skip = [(t.start, t.end) for t in doc.tokens if t.kind in _NOT_PROSE]
        for m in expr.finditer(text):
            start, end = m.start(), m.end()
            if any(s < end and start < e for s, e in skip):
                continue
            weak = house and m.group("mark") in high
            yield Hit(start, end, suggestions=(m.group("word") + m.group("mark"),),
                      args={"mark": m.group("mark")}, severity=Severity.INFO if weak else None)

    return check
