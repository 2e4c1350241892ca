"""Kind ``name-shape``: a name the article writes correctly elsewhere, squashed or lowercased.

Romanised Korean, Vietnamese and Chinese names have two or three parts (« Kang Soo-ah »,
« Nguyễn Văn An »); a translation engine or a scraper may glue them into one token
(« Kangsooah ») or lowercase a surname before a given name (« o ator choi Min-jae »). Neither
is a word any list knows, and both are found only against the article's own spelling:

- ``squashed``: a capitalised token that is, letter for letter and ignoring case, the
  concatenation of the parts of a multi-word name the article also writes in full (parts
  joined by spaces or hyphens, each capitalised): reported with the full name as suggestion;
- ``lowered``: a lowercase token right before a capitalised word (it stands in a name's
  first slot) that the article writes capitalised elsewhere as the first part of a multi-word
  name (« Engenharia Aeroespacial » makes no « engenheiro aeroespacial Rui … » a slip),
  and that the article's language does not know as a common word (Zipf below
  ``max_known``: word lists hold surnames too, « choi » at 3.2, but « rose » at 4.7); the
  name it belongs to elsewhere must not open a sentence (« Montame Zipod » at a line's
  start is no name); a name the article uses alone inside a sentence (« avec Choi ») counts
  too, but only before a hyphenated given name (« choi Min-jae »); the suggestion is the
  capitalised form.

Camel-case tokens (« BlueSky » beside « Blue Sky ») are a brand's spelling, never reported;
name particles (``particles``: ibn, bin, van, da…) may be lowercase.

A lowercase token with one of ``word_endings`` is an inflected adjective, which a name
capitalises and running text does not (German « eidgenössische Vorlagen » beside « das
Eidgenössische Departement »).

params: ``max_known`` (Zipf at or above which a lowercase token is a word), ``min_len``
(letters a lowercase token needs), ``particles``, ``word_endings``.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker import lexicon
from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.rules import Rule, param

NAME = "name-shape"
PARAMS = {
    "max_known": param(float, default=3.6, doc="Zipf at which a lowercase token counts as a word of the language"),
    "min_len": param(int, default=3, doc="letters a lowercase token needs"),
    "particles": param(list, default=[], doc="lowercase name particles never reported (ibn, bin, van, da…)"),
    "word_endings": param(list, default=[], doc="endings of inflected adjectives that names capitalise (-ische, -lichen)"),
}

_PART = r"\p{Lu}[\p{Ll}\p{M}]+(?:-[\p{L}][\p{Ll}\p{M}]*)?"
# Two or three capitalised parts separated by one space: « Kang Soo-ah », « Nguyễn Văn An ».
_FULL = regex.compile(rf"(?<![\p{{L}}\p{{M}}-])({_PART})(?:[ \u00a0]({_PART})){{1,2}}(?![\p{{L}}\p{{M}}-])")
_MID_CAPITAL = regex.compile(r"(?<=\p{Ll}[ \u00a0])(\p{Lu}\p{Ll}{1,5})(?=[ \u00a0,.;:])")
_HYPHENATED = regex.compile(r"\p{Lu}\p{Ll}+-\p{Ll}+(?![\p{L}\p{M}-])")
_TOKEN = regex.compile(r"(?<![\p{L}\p{M}'’-])[\p{L}\p{M}]+(?![\p{L}\p{M}'’-])")
_SQUASH = regex.compile(r"[\s\u00a0-]")
_NEXT_CAPITAL = regex.compile(r"[ \u00a0]+(\p{Lu}[\p{Ll}\p{M}])")
_SPACE = regex.compile(r"[ \u00a0]")


def _squash(name: str) -> str:
    return _SQUASH.sub("", name).casefold()


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    max_known = float(rule.params["max_known"])
    min_len = int(rule.params["min_len"])
    particles = frozenset(w.casefold() for w in rule.params["particles"])
    endings = tuple(w.casefold() for w in rule.params["word_endings"])
    if min_len < 1:
        raise ValueError("min_len must be positive")

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        text = doc.prose
        fulls: dict[str, str] = {}
        capital_parts: set[str] = set()
        for m in _FULL.finditer(text):
            name = m.group()
            squashed = _squash(name)
            if len(squashed) >= 6:
                fulls.setdefault(squashed, name)
            before = text[max(0, m.start() - 3) : m.start()].rstrip(" \u00a0")
            if before and (before[-1].islower() or before[-1] in ",;"):
                # inside a sentence: its capitals are a name's, not a sentence's first word
                # Only a name's first part: a word that ends a name (« Engenharia Aeroespacial ») is
                # no surname that a lowercase slip could have moved before a given name.
                capital_parts.add(_SPACE.split(name)[0].split("-")[0].casefold())
        # Single capitalised tokens inside a sentence (« avec Choi en »): a name used alone. They
        # count only before a hyphenated given name (« choi Min-jae »), the romanised Korean or
        # Chinese shape, where a lowercase word of the language cannot stand.
        capital_single = {w.group(1).casefold() for w in _MID_CAPITAL.finditer(text)}
        if not fulls and not capital_parts and not capital_single:
            return
        lang = ctx.primary
        for m in _TOKEN.finditer(text):
            tok = m.group()
            key = tok.casefold()
            if tok[:1].isupper():
                # (the look-up first: most capitalised words squash no name; the camel-case scan after)
                full = fulls.get(key)
                if full and " " in full and not any(c.isupper() for c in tok[1:]):
                    # (camel case is a brand's own spelling, never reported: BlueSky beside « Blue Sky »)
                    yield Hit(m.start(), m.end(), (full,))
                continue
            if key not in capital_parts and key not in capital_single:
                continue  # reported only as a name's part seen capitalised (tested before the pattern)
            if len(tok) < min_len or key in particles or (endings and key.endswith(endings)):
                continue  # (« eidgenössische Vorlagen » beside « das Eidgenössische Departement »)
            nxt = _NEXT_CAPITAL.match(text, pos=m.end())
            if not nxt:
                continue
            if key not in capital_parts and not (key in capital_single and len(tok) <= 5
                                                 and _HYPHENATED.match(text, nxt.start(1))):
                continue
            if lexicon.zipf(tok, lang) >= max_known:
                continue  # a word of the language (« rose »); surnames sit lower (« choi » 3.2)
            yield Hit(m.start(), m.end(), (tok[:1].upper() + tok[1:],))

    return check
