"""Kind ``synonym-alternation``: one multi-word term whose first word alternates between synonyms.

A source term that is one word in Chinese, Korean or Indonesian (大模型, « model besar »)
comes out of machine translation as "large language model" in one sentence and "big
language model" in the next: the engine picks a synonym for the modifier each time it
meets the term. A writer may vary "a big crowd" and "a large crowd", but not the name
of a thing, so the rule only reads a modifier followed by at least two content words
(the term's head and one more: "language model", « modèle de langage »), the same in
both renderings up to a plural ``s``. When one term appears in the article with two
members of one synonym group, the occurrences of the less frequent member are reported
(on a tie, the one that appears second), with the other member as the suggestion. A
phrase used twice may be a description (« un gros cahier rouge », later « un grand cahier
rouge »); a term is what the article repeats, so the term must appear ``min_uses`` times
(3) in all its renderings.

The groups are a list beside the rule, one group per line, its members separated by
``|`` and the forms of one member by ``/`` (``grand/grande/grands | gros/grosse``): forms
of one member never count as two renderings. The words match in any case. Words of a group inside a quotation are read like the
others (a translated quotation has the same engine).

params: ``groups`` (the file), ``min_content`` (content words after the modifier, 2),
``stop`` (function words that may sit inside the term without counting: « de », "of"),
``min_uses`` (3).
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.rules import Rule, param
from checker.wordlists import read_list

NAME = "synonym-alternation"
PARAMS = {
    "groups": param(str, required=True, doc="file: one group of interchangeable modifiers per line, 'a | b'"),
    "min_content": param(int, default=2, doc="content words that must follow the modifier"),
    "stop": param(list, default=[], doc="function words allowed inside the term (not counted)"),
    "min_uses": param(int, default=3, doc="uses of the term (all renderings) before it counts as a term"),
}

#: What may separate two words of one term: spaces (no line break, no punctuation).
_GAP = regex.compile(r"[ \u00a0]{1,3}")
#: At most this many words after the modifier are read (stop words included).
_SPAN = 5


def _stem(word: str) -> str:
    """The folded word without a plural -s / -x (languages.md: a plural does not make a new term)."""
    w = word.casefold().replace("’", "'")
    if len(w) > 3 and w[-1] in "sx" and w[-2] != "s":
        return w[:-1]
    return w


def build(rule: Rule):  # noqa: ANN201
    p = rule.params
    member: dict[str, tuple[int, int]] = {}  # form -> (group, member)
    for n, line in enumerate(read_list(rule.resolve(p["groups"]))):
        slots = [[f.strip().casefold() for f in m.split("/") if f.strip()] for m in line.split("|")]
        slots = [forms for forms in slots if forms]
        if len(slots) < 2:
            raise ValueError(f"{p['groups']}: {line!r} is not a group 'a | b'")
        for k, forms in enumerate(slots):
            for w in forms:
                if w in member and member[w] != (n, k):
                    raise ValueError(f"{p['groups']}: {w!r} is in two places")
                member[w] = (n, k)
    need = int(p["min_content"])
    if need < 1:
        raise ValueError("min_content must be at least 1")
    stop = {w.casefold() for w in p["stop"]}
    min_uses = int(p["min_uses"])

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        text = doc.prose
        words = doc.words  # the document's word tokens, shared with the other kinds
        # (group, folded words after the modifier) -> [(member, start, end)] in order of appearance
        seen: dict[tuple[int, tuple[str, ...]], list[tuple[int, int, int]]] = {}
        for i, tok in enumerate(words):
            start, end, word = tok.start, tok.end, tok.text
            folded = word.casefold()
            found = member.get(folded)
            if found is None:
                continue
            group, slot = found
            if word.isupper() and len(word) > 1:
                continue  # a heading or a name in capitals
            tail: list[str] = []
            content = 0
            last = end
            for j in range(i + 1, min(len(words), i + 1 + _SPAN)):
                s, e, w = words[j].start, words[j].end, words[j].text
                if not _GAP.fullmatch(text, last, s):
                    break
                low = w.casefold()
                if low in member:
                    break
                tail.append(_stem(w))
                last = e
                if low not in stop:
                    content += 1
                    if content == need:
                        break
            if content < need:
                continue
            seen.setdefault((group, tuple(tail)), []).append((slot, start, last))
        for uses in seen.values():
            counts: dict[int, int] = {}
            for w, _, _ in uses:
                counts[w] = counts.get(w, 0) + 1
            if len(counts) < 2 or len(uses) < min_uses:
                continue
            first: dict[int, int] = {}  # member -> index of its first use
            for n, (w, _, _) in enumerate(uses):
                first.setdefault(w, n)
            major = max(counts, key=lambda w: (counts[w], -first[w]))
            _, ms, me = uses[first[major]]
            other = text[ms:me]
            for w, s, e in uses:
                if w != major:
                    yield Hit(s, e, (other,), confidence=0.75, args={"other": other}, related=(ms, me))

    return check
