"""Kind ``caps-homoglyph``: a digit or lowercase letter standing in for a capital inside an all-caps word.

OCR and careless typing write ``C0VID`` (zero for O), ``0TAN``, ``lNSEE`` or
``UNlCEF`` (lowercase L for I). A token is reported when it is made of capitals
and look-alikes only, has at least two real capitals, is not itself a known
word, and reading each look-alike as its letter gives a word or acronym known
in the document's language or in English (``COVID``, ``INSEE``), so product
codes (``A320``, ``H1N1``, ``PS5``, ``G20``) stay silent.

params:
- ``lookalikes``: a table ``{"0": "O", "1": "I", "l": "I"}`` of look-alike → letter.
- ``min_zipf``: how frequent the repaired word must be (in the document's language or English).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker import lexicon
from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.rules import Rule, param

NAME = "caps-homoglyph"
PARAMS = {
    "lookalikes": param(dict, default={"0": "O", "1": "I", "l": "I"}, doc="look-alike → capital letter"),
    "min_zipf": param(float, default=2.5, doc="minimum frequency of the repaired word"),
    "fallback_langs": param(list, default=["en"], doc="languages also consulted for the repaired word"),
}


def build(rule: Rule):  # noqa: ANN201
    """Compile the token expression from the look-alike table."""
    table: dict[str, str] = {str(k): str(v) for k, v in rule.params["lookalikes"].items()}
    if not table or any(len(k) != 1 or len(v) != 1 or not v.isupper() for k, v in table.items()):
        raise ValueError("lookalikes maps single characters to single capital letters")
    chars = regex.escape("".join(table))
    token = regex.compile(rf"(?<![\p{{L}}\p{{N}}_])[\p{{Lu}}{chars}]{{3,}}(?![\p{{L}}\p{{N}}_])")
    min_zipf = rule.params["min_zipf"]
    fallback = tuple(rule.params["fallback_langs"])

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        text = doc.prose
        langs = (ctx.primary, *[lang for lang in fallback if lang != ctx.primary])
        for m in token.finditer(text):
            word = m.group()
            if sum(ch.isupper() for ch in word) < 2 or not any(ch in table for ch in word):
                continue
            if word.isdigit() or _known(word, langs, 1.0):
                continue
            repaired = "".join(table.get(ch, ch) for ch in word)
            if not _known(repaired, langs, min_zipf):
                continue
            yield Hit(m.start(), m.end(), (repaired,), confidence=0.9)

    return check


def _known(word: str, langs: tuple[str, ...], min_zipf: float) -> bool:
    return any(lexicon.zipf(word, lang) >= min_zipf for lang in langs)
