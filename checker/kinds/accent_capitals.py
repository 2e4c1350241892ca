"""Kind ``accent-capitals``: a capital written without its accent in an article that accents its capitals.

French (and the other Romance languages) keep the accent on capitals: l'Économie, l'État,
À Paris. Many sites drop them (a typewriter habit), and that is a house style; an article
that writes Édouard or À and then l'Economie mixes two sources or a careless conversion. So
the kind reports a capitalised word whose initial lacks an accent only when:

- the pack setting ``locale_accented_capitals`` is true for the language;
- the same word with an accented initial is a word of the language (``min_zipf``) clearly
  more frequent than the unaccented spelling (by ``min_gap`` on the Zipf scale: économie
  against economie, école against ecole; not Eric against Éric, nor Etat against État,
  whose unaccented capital is too common to call);
- the word is no common English word (Elite) and does not follow a capitalised word or a
  number (Snapdragon 8 Elite);
- the document itself writes at least as many accented capitals (É, È, Ê, À, Â, Î, Ô, Ç at
  a word start) as such unaccented ones: its own convention is to accent them.

params: ``min_zipf``, ``min_gap``.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.rules import Rule, param

NAME = "accent-capitals"
PARAMS = {
    "min_zipf": param(float, default=3.0, doc="minimum frequency of the accented word"),
    "min_gap": param(float, default=0.8, doc="how much more frequent the accented spelling must be"),
}

_ACCENTS = {"E": "ÉÈÊ", "A": "ÀÂ", "I": "Î", "O": "Ô", "U": "Û", "C": "Ç"}
_CANDIDATE = regex.compile(r"(?<![\p{L}\p{M}\p{N}_-])[EAIOUC]\p{Ll}{2,}+(?![\p{L}\p{M}\p{N}_])")
_ACCENTED = regex.compile(r"(?<![\p{L}\p{M}\p{N}_-])[ÉÈÊÀÂÎÔÇ](?:\p{L}|(?=[ \u00a0]))")
_TIMEOUT = 5.0


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Read the thresholds once; the word list loads on first use."""
    min_zipf, min_gap = rule.params["min_zipf"], rule.params["min_gap"]

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        if not ctx.setting("locale_accented_capitals"):
            return
        text = doc.prose
        accented = sum(1 for _ in _ACCENTED.finditer(text, timeout=_TIMEOUT))
        if not accented:
            return
        from checker.lexicon import zipf

        found = []
        verdicts: dict[str, str | None] = {}
        for m in _CANDIDATE.finditer(text, timeout=_TIMEOUT):
            word = m.group()
            before = text[max(0, m.start() - 30):m.start()].split()
            if before and before[-1][:1].isupper() or before and before[-1][:1].isdigit():
                continue  # inside a name: Snapdragon 8 Elite, Hôtel Europe
            if word not in verdicts:
                plain = zipf(word.lower(), ctx.primary)
                if zipf(word.lower(), "en") >= 3.0:
                    verdicts[word] = None  # an English word or brand (Elite, Eagle)
                    continue
                best, best_z = None, 0.0
                for acc in _ACCENTS[word[0]]:
                    cand = acc + word[1:]
                    z = zipf(cand.lower(), ctx.primary)
                    if z > best_z:
                        best, best_z = cand, z
                verdicts[word] = best if best and best_z >= min_zipf and best_z - plain >= min_gap else None
            if verdicts[word]:
                found.append((m.start(), m.end(), verdicts[word]))
        if not found or accented < len(found):
            return
        for start, end, fixed in found:
            yield Hit(start, end, (fixed,), confidence=0.8, args={"accented": str(accented)})

    return check
