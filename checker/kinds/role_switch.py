"""Kind ``role-switch``: the role noun of a person named once, taken up later in the other gender.

An article names its subject once with a role noun (« la chanteuse Ayu Lestari », "la
cantante Meiska", « o cantor João ») and then takes the person up by the role alone: « La
chanteuse a ajouté… ». Machine translation from a language without grammatical gender
(Indonesian, Korean, Turkish, English for the epicene nouns) picks the gender of each
mention anew, so the same person becomes « le chanteur » a few sentences later. This kind
pairs each masculine role noun with its feminine (a list beside the rule, ``masc|fem``;
one word for a noun whose article alone marks the gender, Spanish « cantante »), and
reports a definite mention of the role in one gender (``le chanteur a…``) when

- the article introduced someone in that role in the other gender, with a name right
  after the noun (« la chanteuse Ayu Lestari »), before it;
- it never gives that role in this gender to anyone named (« le chanteur Paul Dubois »),
  so there is no second person of the role;
- the person is the one in view: the mention's sentence (up to it) and the sentence before
  name her (a word of the name given at the introduction), take her up with a pronoun of
  her gender (``female_pronouns``, ``male_pronouns``) or with the role in her gender, and
  hold no other capitalised word but sentence openers (another name: someone else may be
  meant);
- the mention is not followed by a complement that makes it someone else's role (« le
  chanteur du groupe », « le chanteur de Muse »: ``complements``), nor by a capitalised name,
  and it stands outside quotation marks.

The related span is the introduction (``{intro}`` in the message). ``report`` chooses the
direction: the built-in packs report only a man taken up in the feminine (``["f"]``), since a
woman taken up in the masculine is the ``apposition-gender`` kind's (« Le chanteur a remercié
ses fans » after « la chanteuse X », MT437–MT441). params: ``pairs`` (the file), ``masculine_articles`` and
``feminine_articles`` (definite articles of each gender; an elided article is read from the
noun's own form), ``introducers`` (articles that may introduce: definite and indefinite),
``complements`` (words after the role that give it to another person), ``adjectives``
(words that may stand between the article and the noun: « le jeune chanteur »).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from functools import cache
from itertools import compress, count
from pathlib import Path

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.kinds._spans import Guard
from checker.memo import MemoTable
from checker.rules import Rule, param
from checker.wordlists import read_list

NAME = "role-switch"
PARAMS = {
    "pairs": param(str, required=True, doc="list beside the rule: 'masculine|feminine' role nouns, one pair per line"),
    "masculine_articles": param(list, required=True, doc="masculine definite articles (le, el, il, o)"),
    "feminine_articles": param(list, required=True, doc="feminine definite articles (la, a)"),
    "elided": param(list, default=[], doc="articles whose gender the noun decides (l')"),
    "introducers": param(list, default=[], doc="more articles that may introduce a named person (un, une)"),
    "complements": param(list, default=[], doc="words after the role that make it another person's (de, du)"),
    "adjectives": param(list, default=[], doc="words allowed between the article and the noun (jeune)"),
    "vocatives": param(list, default=[], doc="words before the article that make it an address (Madame la Présidente)"),
    "female_pronouns": param(list, default=[], doc="pronouns that take up a woman (elle, ella, lei)"),
    "male_pronouns": param(list, default=[], doc="pronouns that take up a man (il, él, lui)"),
    "report": param(list, default=["m", "f"], doc="genders of the mentions reported: f for a man taken up as a woman"),
}

_WORD = regex.compile(r"[\p{L}\p{M}]+(?:['’][\p{L}\p{M}]+)?")
#: Quotations, paired within a paragraph.
_QUOTED = regex.compile(r'«[^»\n]{0,600}»|“[^”\n]{0,600}”|„[^“\n]{0,600}“|"[^"\n]{0,600}"')


@cache
def _pairs(path: Path) -> dict[str, tuple[int, str | None]]:
    """Each form -> (role index, its gender or None for a form both genders share)."""
    forms: dict[str, tuple[int, str | None]] = {}
    n = 0
    for line in read_list(path):
        if "|" not in line:
            continue
        masc, fem = (w.strip().casefold() for w in line.split("|", 1))
        if not masc or not fem:
            continue
        if masc == fem:
            forms.setdefault(masc, (n, None))
        else:
            forms.setdefault(masc, (n, "m"))
            forms.setdefault(fem, (n, "f"))
        n += 1
    return forms


def build(rule: Rule):  # noqa: ANN201
    p = rule.params
    path = rule.resolve(p["pairs"])
    masc_art = frozenset(w.casefold() for w in p["masculine_articles"])
    fem_art = frozenset(w.casefold() for w in p["feminine_articles"])
    elided = tuple(w.casefold().replace("’", "'") for w in p["elided"])
    introducers = frozenset(w.casefold() for w in p["introducers"])
    complements = frozenset(w.casefold().replace("’", "'") for w in p["complements"])
    adjectives = frozenset(w.casefold() for w in p["adjectives"])
    vocatives = frozenset(w.casefold() for w in p["vocatives"])
    report = frozenset(p["report"])
    if not report or report - {"m", "f"}:
        raise ValueError("report must list 'm', 'f' or both")
    pronouns = {"f": frozenset(w.casefold() for w in p["female_pronouns"]),
                "m": frozenset(w.casefold() for w in p["male_pronouns"])}

    def opens(word: str) -> bool:
        """Whether a mention may start at `word`: an elided article (l'actrice) or an article or
        introducer (the two tests of the loop in ``check``; every other word is passed over)."""
        low = word.casefold().replace("’", "'")
        return ("'" in low and low.startswith(elided)) or low in masc_art or low in fem_art or low in introducers

    #: word -> opens(word) for the run (bounded): the words are sorted by dict look-ups, at C speed.
    opener = MemoTable(opens)

    def role_word(word: str) -> bool:
        """Whether `word` is a role noun of the list, alone or elided (l'actrice): every mention holds one."""
        forms = _pairs(path)
        low = word.casefold()
        if low in forms:
            return True
        low = low.replace("’", "'")
        return "'" in low and low.split("'", 1)[1] in forms

    role_nouns = MemoTable(role_word)

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        text = doc.prose
        forms = _pairs(path)
        texts = _WORD.findall(text)
        if not any(map(role_nouns.__getitem__, texts)):
            return  # no role noun, no mention (most articles): the words' offsets are not needed
        words = [(m.start(), m.end(), m.group()) for m in _WORD.finditer(text)]
        word_starts = [w[0] for w in words]
        # mentions: (start of the article, end of the noun, role, gender, definite, named)
        mentions: list[tuple[int, int, int, str, bool, bool]] = []
        name_words: dict[tuple[int, str], set[str]] = {}
        name_ends: set[int] = set()
        for i in compress(count(), map(opener.__getitem__, texts)):
            start, end, word = words[i]
            low = word.casefold().replace("’", "'")
            noun_idx = None
            art_gender: str | None = None
            definite = False
            art_start = start
            if "'" in low and low.startswith(elided):
                noun = low.split("'", 1)[1]
                if noun in forms:
                    noun_idx, definite = i, True
            elif low in masc_art or low in fem_art or low in introducers:
                art_gender = "m" if low in masc_art else "f" if low in fem_art else None
                definite = low in masc_art or low in fem_art
                j = i + 1
                if j < len(words) and words[j][2].casefold() in adjectives and text[end:words[j][0]].strip(" \u00a0") == "":
                    j += 1
                if j < len(words) and words[j][2].casefold() in forms and text[words[j - 1][1]:words[j][0]].strip(" \u00a0") == "":
                    noun_idx = j
            if noun_idx is None or i and words[i - 1][2].casefold() in vocatives:
                continue
            n_start, n_end, n_word = words[noun_idx]
            if noun_idx == i:  # elided: l'actrice
                role, g = forms[n_word.casefold().replace("’", "'").split("'", 1)[1]]
            else:
                role, g = forms[n_word.casefold()]
                if low in introducers and low not in masc_art and low not in fem_art:
                    # an indefinite article: its own gender (un/une, un/una) when the noun has none
                    art_gender = None
            gender = g or art_gender
            if gender is None:
                continue
            if g is not None and art_gender is not None and g != art_gender:
                continue  # article and noun disagree: another rule's business
            nxt = words[noun_idx + 1] if noun_idx + 1 < len(words) else None
            gap = text[n_end:nxt[0]] if nxt else ""
            named = bool(nxt) and nxt[2][:1].isupper() and gap in (" ", "\u00a0", ", ")
            if nxt and gap.strip(" \u00a0") == "":
                after = nxt[2].casefold().replace("’", "'")
                head = after.split("'", 1)[0] + "'" if "'" in after else after
                if head in complements:
                    continue  # « le chanteur du groupe », « le chanteur d'Indochine »
            mentions.append((art_start, n_end, role, gender, definite, named))
            if named:
                # the words of the name (« Ayu Lestari »): capitalised, right after the noun
                k = noun_idx + 1
                while k < len(words) and words[k][2][:1].isupper() and text[words[k - 1][1]:words[k][0]] in (" ", "\u00a0", ", "):
                    name_words.setdefault((role, gender), set()).add(words[k][2].casefold())
                    name_ends.add(words[k][0])
                    k += 1
        if not mentions:
            return
        quoted = Guard([m.span() for m in _QUOTED.finditer(text, timeout=5.0)])

        def inside(offset: int) -> bool:
            return quoted.covers(offset, offset + 1)

        starts = [sp.start for sp in doc.sentences]
        openers = set(starts)

        def in_view(offset: int, role: int, her: str, names: set[str]) -> bool:
            """The person introduced is the one in view at `offset` (see the module's doc)."""
            k = bisect.bisect_right(starts, offset) - 1
            lo = starts[k - 1] if k >= 1 else 0
            seen = False
            for w_start, _w_end, w in words[bisect.bisect_left(word_starts, lo):bisect.bisect_left(word_starts, offset)]:
                key = w.casefold()
                if key in names or key in pronouns[her]:
                    seen = True
                elif w[:1].isupper() and w_start not in openers and not inside(w_start):
                    return False  # another name: someone else may be meant
            if not seen:
                seen = any(lo <= m[0] < offset and m[2] == role and m[3] == her for m in mentions)
            return seen

        intro: dict[tuple[int, str], tuple[int, int]] = {}
        named_roles = {(role, gender) for _, _, role, gender, _, named in mentions if named}
        for start, end, role, gender, definite, named in mentions:
            if named:
                intro.setdefault((role, gender), (start, end))
                continue
            if not definite or gender not in report or inside(start):
                continue
            other = "f" if gender == "m" else "m"
            first = intro.get((role, other))
            if first is None or (role, gender) in named_roles:
                continue
            if not in_view(start, role, other, name_words.get((role, other), set())):
                continue
            yield Hit(start, end, confidence=0.7, related=first, args={"intro": text[first[0]:first[1]]})

    return check
