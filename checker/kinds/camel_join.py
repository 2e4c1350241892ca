"""Kind ``camel-join``: words glued together by text extraction (``AccueilSportLes…``, ``magazineThe``).

A scraper that drops the separators of a breadcrumb or of two blocks leaves
tokens where a lowercase letter runs straight into a capital. Brand names are
written the same way (``YouTube``, ``BlueSky``, ``iPhone``), so a token is
reported only when:

- the whole token is not a known word of the document's language or English
  (wordfreq knows most brands), no part is an acronym (``iOS``, ``macOS``) and
  the first part is not a one- or two-letter prefix (``iPhone``, ``eBay``);
- every part is a frequent word (``min_zipf``) of the document's language or English;
- and the join is typical of extraction: three parts or more, a first part from
  the breadcrumb vocabulary (``breadcrumbs``) at the start of a line, a last part
  that is a capitalised function word opening a sentence (``…magazineThe``), or,
  in a language other than English, a lowercase first part and a part that is
  clearly a word of the document's language rather than English (brand camel
  case is mostly English; two capitalised parts, ``DataQuant``, is a brand shape).

params: ``breadcrumbs`` (list), ``function_words`` (list), ``min_zipf``.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker import lexicon
from checker.context import Context
from checker.document import Document
from checker.finding import Hit, Severity
from checker.rules import Rule, param
from checker.wordlists import fold

NAME = "camel-join"
PARAMS = {
    "breadcrumbs": param(list, default=[], doc="navigation words that open a breadcrumb (Accueil, Home…)"),
    "function_words": param(list, default=[], doc="capitalised words that open a sentence (The, Les…)"),
    "min_zipf": param(float, default=3.0, doc="minimum frequency of each part"),
    "brand_zipf": param(float, default=1.5, doc="a whole token at least this frequent is a name, not a join"),
}

_JOIN = regex.compile(r"(?<=\p{Ll})(?=\p{Lu})")
_HAS_JOIN = regex.compile(r"\p{Ll}\p{Lu}")
_ELISION = regex.compile(r"\p{L}{1,6}['’](?=\p{L})")


def build(rule: Rule):  # noqa: ANN201
    """Fold the vocabularies once."""
    p = rule.params
    crumbs = frozenset(fold(w) for w in p["breadcrumbs"])
    function_words = frozenset(fold(w) for w in p["function_words"])
    min_zipf, brand_zipf = p["min_zipf"], p["brand_zipf"]

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        lang = ctx.primary
        langs = (lang,) if lang == "en" else (lang, "en")
        text = doc.text
        for tok in doc.words:
            if not _HAS_JOIN.search(tok.text):
                continue
            # An elided article is not part of the join: l’iPhone is iPhone.
            elision = _ELISION.match(tok.text)
            start = tok.start + (elision.end() if elision else 0)
            word = text[start:tok.end]
            if not _HAS_JOIN.search(word):
                continue
            core = regex.sub(r"['’]\p{L}{1,2}$", "", word)  # McDonald's → McDonald
            if max(lexicon.zipf(core, lg) for lg in langs) >= brand_zipf:
                continue
            # Only the chunks of a compound that contain a join count (SpaceX-Dragon is one join).
            pieces = [
                piece for chunk in regex.split(r"[-'’]", core) if _HAS_JOIN.search(chunk)
                for piece in _JOIN.split(chunk)
            ]
            if len(pieces) < 2 or any(len(x) < 2 or x.isupper() for x in pieces):
                continue
            if pieces[0][:1].islower() and len(pieces[0]) <= 2:
                continue
            if all(len(x) <= 2 for x in pieces) or any(a == b for a, b in zip(pieces, pieces[1:])):
                continue  # « AnTuTu », « MoMo »: a brand of syllables, or of one said twice, not glued words
            if not all(_frequent(x, langs, min_zipf) or fold(x) in function_words for x in pieces):
                continue
            at_line_start = start == 0 or text[start - 1] in "\r\n"
            strong = len(pieces) >= 3 or (at_line_start and fold(pieces[0]) in crumbs)
            sentence_glue = fold(pieces[-1]) in function_words and len(pieces[-2]) >= 3
            # Two capitalised parts (DataQuant, MaisonBlanche) is the shape of a brand, not
            # of a glue: language evidence alone counts only when a lowercase word runs into
            # a capital (magazineLes).
            native = lang != "en" and pieces[0][:1].islower() and any(_native(x, lang) for x in pieces)
            if not (strong or sentence_glue or native):
                continue
            conf = 0.95 if strong else 0.8
            yield Hit(
                start, tok.end, (" ".join(pieces),), confidence=conf,
                severity=None if conf >= 0.9 else Severity.MINOR,
            )

    return check


def _frequent(part: str, langs: tuple[str, ...], min_zipf: float) -> bool:
    return any(lexicon.zipf(part, lg) >= min_zipf for lg in langs)


def _native(part: str, lang: str) -> bool:
    """True when `part` is clearly a word of `lang` rather than of English."""
    z = lexicon.zipf(part, lang)
    return z >= 3.0 and z >= lexicon.zipf(part, "en") + 1.0
