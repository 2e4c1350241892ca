"""Kind ``first-name-swap``: a name part translated as a word in one place and kept in another.

Machine translation translates a given name or surname that is also a word:
*April Dewi* becomes « Avril Dewi », *Raja Hadi Santoso* « roi Hadi
Santoso », *Taylor Swift* « Taylor Rapide ». When the same person is written
once with the original part and once with its translation, the translated one is
reported, with the original as the suggestion.

A table beside the rule lists such name words (months, virtues, nature words,
titles used as given names, trade surnames) in several languages, one concept
per line, one column per language (``columns`` names them). Two name sequences
match when they are equal except at one position, where one has a form of the
document's language and the other a form of another language on the same line.
The rest of the name must be capitalised words (two or more when the translated
part is in lowercase, ``roi Hadi Santoso``: « le roi Charles » alone is a
title, not a name).

params: ``table`` (the file); ``columns`` (language of each column).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.kinds._names import namewords
from checker.rules import Rule, param
from checker.wordlists import fold, read_table

NAME = "first-name-swap"
PARAMS = {
    "table": param(str, required=True, doc="name words: one concept per line, one column per language"),
    "columns": param(list, default=["en", "fr", "es", "it", "pt", "de", "id"], doc="language of each column"),
}

_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{Nd}_@#/.-])\p{L}[\p{L}\p{M}]*+(?:-\p{L}[\p{L}\p{M}]*+)*+(?![\p{L}\p{M}\p{Nd}_@/])")
_ROMAN = regex.compile(r"[IVXLC]+")
# Where ``_WORD`` and ``_names.NAMEWORD`` can differ: a word ending in a hyphen that no letter
# follows (``Jean-Pierre-``, ``anti- et``), which ``_WORD`` matches and ``NAMEWORD`` does not.
_LOOSE_HYPHEN = regex.compile(r"[\p{L}\p{M}]-(?!\p{L})")
_GAPS = (" ", "\u00a0")


def build(rule: Rule):  # noqa: ANN201
    p = rule.params
    columns = [str(c) for c in p["columns"]]
    rows = read_table(rule.resolve(p["table"]))
    concepts: dict[str, set[int]] = defaultdict(set)  # form → concept ids
    by_lang: dict[str, set[str]] = defaultdict(set)  # language → its forms
    for n, row in enumerate(rows):
        if len(row) > len(columns):
            raise ValueError(f"{p['table']}: line {n + 1} has more columns than {columns}")
        for lang, cell in zip(columns, row):
            for form in cell.split("|"):
                form = fold(form.strip())
                if form and form != "-":
                    concepts[form].add(n)
                    by_lang[lang].add(form)

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        lang = ctx.primary if ctx is not None else doc.lang.split("-")[0]
        own = by_lang.get(lang)
        if not own:
            return
        text = doc.prose
        words = _words(doc, text)
        # Name sequences: capitalised words joined by one space; a lowercase table word may lead one.
        groups: dict[tuple, list[tuple[str, tuple[int, int], bool]]] = defaultdict(list)
        i = 0
        while i < len(words):
            s, e, w = words[i]
            lead_lower = not w[:1].isupper()
            if lead_lower and fold(w) not in concepts:
                i += 1
                continue
            seq = [words[i]]
            j = i + 1
            while j < len(words) and text[seq[-1][1]:words[j][0]] in _GAPS and words[j][2][:1].isupper():
                seq.append(words[j])
                j += 1
            if len(seq) >= 2:
                starts = [0] if lead_lower else range(len(seq) - 1)
                for a in starts:
                    for b in range(a + 2, min(len(seq), a + 4) + 1):
                        _add(groups, seq[a:b], lead_lower and a == 0)
            i = j if len(seq) >= 2 and not lead_lower else i + 1
        done: set[tuple[int, int]] = set()
        for entries in groups.values():
            forms = {fold(w) for w, _, _ in entries}
            if len(forms) < 2:
                continue
            originals = [(w, span) for w, span, _ in entries if fold(w) not in own]
            for w, span, _ in entries:
                f = fold(w)
                if f not in own:
                    continue
                partner = next(((ow, osp) for ow, osp in originals if concepts[fold(ow)] & concepts[f]), None)
                if partner is None:
                    continue
                ow, osp = partner
                if span in done:
                    continue
                done.add(span)
                suggestion = doc.text[osp[0]:osp[1]]
                yield Hit(span[0], span[1], (suggestion,), confidence=0.85,
                          args={"word": w, "original": ow}, related=osp)

    def _add(groups: dict, seq: list, lead_lower: bool) -> None:
        toks = [fold(t[2]) for t in seq]
        for k, tok in enumerate(toks):
            if tok not in concepts or (lead_lower and k != 0):
                continue
            rest = [t for x, t in enumerate(seq) if x != k]
            named = [t for t in rest if not _ROMAN.fullmatch(t[2]) and t[2][:1].isupper()]
            if len(named) < (2 if lead_lower else 1) or len(named) < len(rest):
                continue
            key = (len(seq), k, tuple(toks[:k] + toks[k + 1:]))
            groups[key].append((seq[k][2], (seq[0][0], seq[-1][1]), lead_lower))

    return check


def _words(doc: Document, text: str) -> list[tuple[int, int, str]]:
    """(start, end, word) of every ``_WORD`` match in the prose, in order.

    ``_WORD`` is ``_names.NAMEWORD`` but for its look-ahead, which lets a word end before a hyphen
    (both match the same letters at the same places, possessively, and only then look ahead).
    Where the prose holds no letter or mark followed by a hyphen that no letter follows (nearly
    every article), their matches are the same: the name-like words the name kinds scan anyway
    (``namewords``, computed once per document) are read instead of a scan of their own."""
    if "-" not in text or _LOOSE_HYPHEN.search(text) is None:
        got = namewords(doc)
        return list(zip(got.starts, got.ends, got.words))
    return [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
