"""Kind ``english-name-part``: a place or institution name left with English generic words.

Engines that translate through English (Indonesian → English → Italian) leave the
English form of names that the article's language translates: ``East Java``
(``Giava Orientale``), ``Central Jakarta``, ``South Korea``, ``Kabataş High
School`` (``Liceo di Kabataş``). Two shapes are reported, in articles that
are not in English:

- ``direction``: an English compass word (``directions``: North, South, West,
  Central…) before a capitalised name, in languages whose adjectives follow
  the noun (``langs``): the English word order shows the name was not
  translated. Names that keep their English form in every language (West Ham,
  South Park, North Face, West Point, East End…) are in the ``keep`` list; a
  following word that is a common word of the article's language (``Central
  Nuclear`` in Spanish) is no name.
- ``institution``: a name unknown to English followed by English generic nouns
  (``generics``: High School, University, Sports Club…) that the article's
  language does not use (a Zipf gain of ``min_gain`` or more for English).

Quoted titles (``« East of Eden »``) are left alone.
"""

from __future__ import annotations

import math
from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.rules import Rule, param

NAME = "english-name-part"
PARAMS = {
    "mode": param(str, required=True, doc="direction | institution"),
    "directions": param(list, default=[], doc="English compass words"),
    "keep": param(list, default=[], doc="names kept in English everywhere (direction + next word)"),
    "generics": param(list, default=[], doc="English generic nouns of institution names"),
    "langs": param(list, default=["fr", "es", "it", "pt"], doc="article languages judged (direction mode)"),
    "min_gain": param(float, default=1.5, doc="English Zipf gain of a generic noun over the article's language"),
    "max_doc_zipf": param(float, default=4.0, doc="a following word this common in the article's language is no name"),
}

_CAP = r"\p{Lu}[\p{Ll}\p{M}]++(?:-\p{Lu}[\p{Ll}\p{M}]++)?+"
_QUOTED = regex.compile(r"«[^«»\n]{0,300}»|“[^“”\n]{0,300}”|\"[^\"\n]{0,300}\"|„[^„“”\n]{0,300}[“”]")


def _zipf(word: str, lang: str) -> float:
    from checker.lexicon import frequencies

    f = frequencies(lang, "small").get(word.lower())
    return math.log10(f) + 9 if f else 0.0


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Compile the patterns from the lists."""
    p = rule.params
    mode = p["mode"]
    if mode not in ("direction", "institution"):
        raise ValueError("mode must be direction or institution")
    directions = [d for d in p["directions"] if d]
    generics = [g for g in p["generics"] if g]
    keep = {k.casefold() for k in p["keep"]}
    langs = set(p["langs"])
    min_gain, max_doc = p["min_gain"], p["max_doc_zipf"]
    if mode == "direction":
        if not directions:
            raise ValueError("direction mode needs directions")
        alt = "|".join(regex.escape(d) for d in sorted(directions, key=len, reverse=True))
        pattern = regex.compile(rf"(?<![\p{{L}}\p{{M}}'’-])(?:{alt})[ \u00a0]++({_CAP})(?![\p{{L}}\p{{M}}])")
    else:
        if not generics:
            raise ValueError("institution mode needs generics")
        alt = "|".join(regex.escape(g) for g in sorted(generics, key=len, reverse=True))
        pattern = regex.compile(
            rf"(?<![\p{{L}}\p{{M}}'’-])({_CAP})[ \u00a0]++((?:{alt})(?:[ \u00a0]++(?:{alt}))*+)(?![\p{{L}}\p{{M}}])"
        )

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        lang = ctx.primary
        if lang == "en" or (mode == "direction" and lang not in langs):
            return
        from checker import lexicon

        if lang not in lexicon.available():
            return
        text = doc.prose
        quoted = [m.span() for m in _QUOTED.finditer(text)]
        for m in pattern.finditer(text):
            if any(s <= m.start() < e for s, e in quoted):
                continue
            if mode == "direction":
                name = m.group(1)
                if m.group().casefold() in keep or name.casefold() in keep:
                    continue
                z_doc = lexicon.zipf(name, lang)
                if z_doc >= max_doc or (z_doc >= 3.0 and z_doc > _zipf(name, "en")):
                    continue  # a word of the article's language (Central Nuclear): not an English place name
                yield Hit(m.start(), m.end(), confidence=0.75)
            else:
                name, tail = m.group(1), m.group(2)
                if _zipf(name, "en") > 0:
                    continue  # an English-known name: the whole name may well be English
                words = tail.split()
                if all(_zipf(w, "en") - _zipf(w, lang) >= min_gain for w in words):
                    yield Hit(m.start(2), m.end(2), confidence=0.7)

    return check
