"""Kind ``cognate-name``: a team or group name kept in English in one place and translated in another.

Team and group nicknames are English plural nouns (``the Giants``, ``the Tigers``) that
an article in another language keeps as they are: « les Giants ». Machine translation
sometimes translates one mention into the look-alike word of the article's language
(« les Géants », « los Tigres »), so that the same team carries two names. This kind
reads the capitalised words right after a plural article (``articles``) and pairs an
English form with a form of the article's language that

- starts with the same letter and is at most ``max_edits`` edits away (marks ignored),
- is a word of the article's language (Zipf ≥ ``min_zipf`` there, and at least
  ``margin`` higher than in English), while the English form is at least ``margin``
  more frequent in English than in the article's language (``Blues`` is also a French
  word, so « les Blues » / « les Bleus » are two names, Chelsea and France).

Both forms must be written like names (capitalised inside a sentence). The translated
form is reported, with the English one as the suggestion. Silent in English.

params: ``articles`` (plural articles and contractions of the language), ``max_edits``
(2), ``min_zipf`` (3.0), ``margin`` (0.8).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker import lexicon
from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.kinds._spelling import edit_distance
from checker.rules import Rule, param
from checker.wordlists import unaccented

NAME = "cognate-name"
PARAMS = {
    "articles": param(list, required=True, doc="plural articles of the language (les, des, aux…)"),
    "max_edits": param(int, default=2),
    "min_zipf": param(float, default=3.0),
    "margin": param(float, default=0.8),
}


def _plain(word: str) -> str:
    return unaccented(word)


def build(rule: Rule):  # noqa: ANN201
    p = rule.params
    articles = sorted({regex.escape(a.casefold()) for a in p["articles"]}, key=lambda a: (-len(a), a))  # the same pattern in every process
    if not articles:
        raise ValueError("articles must not be empty")
    max_edits, min_zipf, margin = p["max_edits"], p["min_zipf"], p["margin"]
    pattern = regex.compile(
        r"(?<![\p{L}\p{M}])(?:" + "|".join(articles) + r")[ \u00a0](?P<w>\p{Lu}\p{Ll}{3,}s?)(?![\p{L}\p{M}'’-])"
    )

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        lang = ctx.primary
        if lang == "en":
            return
        mentions: dict[str, list[tuple[int, int]]] = {}
        for m in pattern.finditer(doc.prose):
            if m.group()[:1].isupper():
                continue  # a capitalised article opens a sentence or a title
            mentions.setdefault(m.group("w"), []).append(m.span("w"))
        english = [w for w in mentions
                   if lexicon.zipf(w, "en") >= min_zipf and lexicon.zipf(w, "en") - lexicon.zipf(w, lang) >= margin]
        if not english:
            return
        for w, spans in mentions.items():
            if w in english:
                continue
            zl = lexicon.zipf(w, lang)
            if zl < min_zipf or zl - lexicon.zipf(w, "en") < margin:
                continue
            pw = _plain(w)
            for e in english:
                pe = _plain(e)
                if pe[:1] == pw[:1] and pe != pw and edit_distance(pe, pw, max_edits) <= max_edits:
                    for start, end in spans:
                        yield Hit(start, end, suggestions=(e,), confidence=0.7, related=mentions[e][0])
                    break

    return check
