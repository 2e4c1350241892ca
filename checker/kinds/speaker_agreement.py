"""Kind ``speaker-agreement``: a woman's own words with a masculine adjective about herself.

A language without grammatical gender in the first person (English "I am proud", Indonesian,
Turkish, Korean) leaves the translation engine to choose, and it chooses the masculine:
« Je suis très fier de cette équipe », a-t-elle confié; «Estoy muy contento», dijo la
cantante. The quotation is the woman's (the reporting clause right after it names her:
a feminine inverted pronoun, or a verb of saying and a feminine role noun or pronoun), so the
adjective or participle after « je suis » refers to her and must be feminine.

How it decides:

- a quotation is a « … » or “ … ” pair of its paragraph (or, when its closing mark was lost,
  the text from the opening mark to a comma before the reporting clause); the reporting
  clause must match ``female_after`` right after it;
- inside the quotation, ``first_person`` (a first-person copula, with adverbs and negation:
  « je ne suis pas », « me siento muy ») is followed by one lowercase word; that word is
  reported when a ``feminine`` rule (``masculine ending:feminine ending``, tried in order)
  turns it into another word of the language and both are at least ``min_zipf`` frequent
  (« fier » → « fière », « contento » → « contenta »; « triste », « feliz » have no other form);
- words of ``skip`` (function words, adverbs, nouns whose feminine form is another noun:
  « médecin » / « médecine ») are never judged; ``self_words`` (``masculine:feminine``) are
  judged anywhere in the quotation (Portuguese « obrigado »).

params: ``female_after``, ``first_person`` (expressions, case-insensitive), ``feminine``,
``skip``, ``self_words`` (lists), ``min_zipf``, ``max_quote`` (longest quotation read).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker import lexicon
from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.kinds._phrases import match_case
from checker.rules import Rule, param

NAME = "speaker-agreement"
PARAMS = {
    "female_after": param(str, required=True, doc="expression right after a quotation that makes its speaker a woman"),
    "first_person": param(str, required=True, doc="expression of a first-person copula; the word after it is judged"),
    "feminine": param(list, required=True, doc="'masculine ending:feminine ending' rules, tried in order"),
    "skip": param(list, default=[], doc="words never judged after the copula"),
    "self_words": param(list, default=[], doc="'masculine:feminine' words judged anywhere in her quotation"),
    "min_zipf": param(float, default=2.5, doc="frequency both forms need in the language"),
    "max_quote": param(int, default=800, doc="longest quotation read, in characters"),
}

_OPEN = {"«": "»", "“": "”"}
_WORD = regex.compile(r"\p{Ll}[\p{Ll}\p{M}]*+(?![\p{L}\p{M}'’-])")


def _quotations(text: str, max_quote: int) -> Iterator[tuple[int, int, int]]:
    """(content start, content end, offset right after the quotation) for each quotation; a
    quotation whose closing mark is missing in its paragraph ends with the paragraph."""
    i = 0
    n = len(text)
    para = -1  # end of the paragraph of the last quotation (found once per paragraph: linear time)
    nxt = {o: text.find(o) for o in _OPEN}
    while True:
        for o, j in nxt.items():
            if 0 <= j < i:
                nxt[o] = text.find(o, i)
        starts = [j for j in nxt.values() if j >= 0]
        if not starts:
            return
        s = min(starts)
        close = _OPEN[text[s]]
        if para < s:
            para = text.find("\n\n", s)
            para = n if para < 0 else para
        limit = min(para, s + 1 + max_quote)
        e = text.find(close, s + 1, limit)
        if e < 0:
            yield s + 1, limit, -1  # open to the paragraph's end
            i = s + 1
        else:
            yield s + 1, e, e + 1
            i = e + 1


def _pairs(items: list[str], name: str, empty_ok: bool = False) -> list[tuple[str, str]]:
    """'masculine:feminine' items as pairs; an empty side is allowed only with `empty_ok`
    (the ending rule « :e » adds a letter)."""
    out = []
    for item in items:
        m, sep, f = str(item).partition(":")
        if not sep or not empty_ok and not (m and f):
            raise ValueError(f"{name}: {item!r} must be 'masculine:feminine'")
        out.append((m, f))
    return out


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    p = rule.params
    female_after = regex.compile(p["female_after"], regex.IGNORECASE)
    # The reporting clause swallowed by a quotation that lost its closing mark: « …, a-t-elle dit.
    inner_after = regex.compile(r",[ \u00a0\u202f]*+(?:" + p["female_after"] + ")", regex.IGNORECASE)
    first_person = regex.compile(p["first_person"], regex.IGNORECASE)
    rules = _pairs(p["feminine"], "feminine", empty_ok=True)
    pairs = {m.casefold(): f for m, f in _pairs(p["self_words"], "self_words")}
    skip = frozenset(w.casefold() for w in p["skip"])
    min_zipf = p["min_zipf"]
    max_quote = p["max_quote"]
    if max_quote < 1:
        raise ValueError("max_quote must be positive")
    self_rx = regex.compile(r"(?<![\p{L}\p{M}])(?:" + "|".join(map(regex.escape, sorted(pairs, key=len, reverse=True)))
                            + r")(?![\p{L}\p{M}])", regex.IGNORECASE) if pairs else None

    def feminine_of(word: str, lang: str) -> str | None:
        if lexicon.zipf(word, lang) < min_zipf:
            return None
        for m, f in rules:
            if word.endswith(m):
                cand = word[: len(word) - len(m)] + f
                if cand != word and lexicon.zipf(cand, lang) >= min_zipf:
                    return cand
        return None

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        text = doc.prose
        if "«" not in text and "“" not in text:
            return
        lang = ctx.primary
        for start, end, after in _quotations(text, max_quote):
            if after >= 0:
                m = regex.match(r"[ \u00a0\u202f]*+,?[ \u00a0\u202f]*+", text, pos=after)
                if not female_after.match(text, m.end() if m else after):
                    continue
            else:
                inner = inner_after.search(text, start, end)
                if not inner:
                    continue
                end = inner.start()
            for cm in first_person.finditer(text, start, end):
                wm = _WORD.match(text, cm.end(), end)
                if not wm:
                    continue
                word = wm.group()
                if word.casefold() in skip:
                    continue
                fem = feminine_of(word, lang)
                if fem:
                    yield Hit(wm.start(), wm.end(), (fem,))
            if self_rx is not None:
                for sm in self_rx.finditer(text, start, end):
                    yield Hit(sm.start(), sm.end(), (match_case(sm.group(), pairs[sm.group().casefold()]),))

    return check
