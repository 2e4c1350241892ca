"""Kind ``number-agreement``: a plural determiner before a singular noun or adjective.

Machine translation from languages that do not mark the plural on nouns (Indonesian,
Vietnamese, Chinese, Korean, Turkish after a numeral) leaves groups such as « plusieurs
nouvelle mesures », « les meilleur joueurs », « trois joueur ». The kind reads each plural
determiner (``plural_determiners``, one or two words, numerals included; a numeral right after
a determiner belongs to it) and the words right after it, separated by a single space:

- an adjective of the ``adjectives`` table in its singular form (« nouvelle », « meilleur »)
  followed by a lowercase word: the adjective does not agree;
- a singular noun, optionally after a plural adjective of the table: the noun does not agree.

The group from the determiner to the word that disagrees is reported. Which words are singular
nouns:

- with a ``lexicon`` (French: the gender rule's ``noun<TAB>f|m`` table, so both rules grow
  together), the words of its first column that do not end in ``s``, ``x`` or ``z`` (those are
  invariable: « les prix »); a loanword, a name or an acronym the table does not know (« les
  média », « des SMS ») stays silent;
- without one (Spanish, Portuguese, Italian), ``plural_forms`` (« >s », « ón>ones », « o>i »):
  a word at least ``min_zipf`` frequent whose plural so made is as frequent, that is not itself
  the plural of a frequent word by those rules (Italian « partite », plural of « partita », ends
  like the singular « nazione ») and not in ``stop`` (adverbs and function words whose « plural »
  happens to be a word: « no » / « nos »). Such packs list only determiners that are never
  object pronouns.

Never judged: a hyphenated word (« les porte-parole »); ``pronoun_determiners`` (« les ») after
one of ``pronouns_before`` (« il les aide », « on les rencontre ») and ``numerals`` after one of
``numeral_pronoun_before`` (« tous deux », « les trois ensemble »), where they stand for a noun;
a word followed by a coordination, a comma or a capital (« ses père et mère », « les père, mère,
oncles », « aux lieu et place », « les premier et second tours » are correct, « des don
Quichotte » is a title).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.rules import Rule, param
from checker.wordlists import read_table

NAME = "number-agreement"
PARAMS = {
    "lexicon": param(str, default=None, doc="TSV beside the rule whose first column is a singular noun"),
    "plural_forms": param(list, default=[], doc="without a lexicon: 'ending>plural ending' rules ('>s', 'ón>ones')"),
    "min_zipf": param(float, default=3.0, doc="without a lexicon: how frequent the word and its plural must be"),
    "stop": param(list, default=[], doc="without a lexicon: words never judged (adverbs, function words)"),
    "plural_determiners": param(list, required=True, doc="plural determiners and numerals, one or two words"),
    "pronoun_determiners": param(list, default=[], doc="plural determiners that are also object pronouns"),
    "pronouns_before": param(list, default=[], doc="words after which such a determiner is a pronoun"),
    "adjectives": param(list, default=[], doc="'singular forms/plural forms' pairs, forms separated by |"),
    "exceptions": param(list, default=[], doc="nouns never judged"),
    "numerals": param(list, default=[], doc="numerals: after a plural determiner they belong to it"),
    "numeral_pronoun_before": param(list, default=[], doc="words after which a numeral is a pronoun (« tous deux »)"),
    "verb_plural_endings": param(list, default=[], doc="without a lexicon: endings that make a plural verb of a "
                                 "frequent singular one (Spanish 'n': « han », « van », « tienen »); such a word "
                                 "after a demonstrative used as a pronoun (« Estos han sido ») is not judged"),
}

_GAP = regex.compile(r"[ \u00a0]")
#: « ses père et mère », « les premier et second tours »: singular words coordinated under one plural
#: determiner are correct.
_COORDINATION = frozenset({"et", "ou", "ni"})


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Parse the tables once; the lexicon file is read on first use."""
    p = rule.params
    lex_path = rule.resolve(p["lexicon"]) if p["lexicon"] else None
    plural_forms = []
    for entry in p["plural_forms"]:
        end, sep, plural = entry.partition(">")
        if not sep or not plural:
            raise ValueError(f"plural_forms entry {entry!r}: expected 'ending>plural ending'")
        plural_forms.append((end, plural))
    if lex_path is None and not plural_forms:
        raise ValueError("number-agreement needs a lexicon or plural_forms")
    min_zipf = p["min_zipf"]
    stop = {w.casefold() for w in p["stop"]}
    plural_dets = {w.casefold() for w in p["plural_determiners"]}
    pronoun_dets = {w.casefold() for w in p["pronoun_determiners"]}
    pronouns_before = {w.casefold() for w in p["pronouns_before"]}
    singular_adjs: set[str] = set()
    plural_adjs: set[str] = set()
    for pair in p["adjectives"]:
        sing, _, plur = pair.partition("/")
        if not sing or not plur:
            raise ValueError(f"adjectives entry {pair!r}: expected 'singular forms/plural forms'")
        singular_adjs.update(w.casefold() for w in sing.split("|"))
        plural_adjs.update(w.casefold() for w in plur.split("|"))
    exceptions = {w.casefold() for w in p["exceptions"]}
    numerals = {w.casefold() for w in p["numerals"]}
    numeral_pronoun = {w.casefold() for w in p["numeral_pronoun_before"]}
    verb_endings = tuple(w.casefold() for w in p["verb_plural_endings"])

    @cache
    def singular_nouns() -> frozenset[str]:
        if lex_path is None:
            return frozenset()
        return frozenset(
            r[0].casefold() for r in read_table(lex_path)
            if r and r[0] and r[0][-1:] not in ("s", "x", "z") and r[0].casefold() not in exceptions
        )

    def singular_by_frequency(word: str, lang: str) -> bool:
        """Without a lexicon: a frequent word whose plural, made by the pack's rules, is frequent too."""
        if word in stop or word in exceptions or word[-1:] == "s":
            return False
        from checker import lexicon as freq

        if freq.zipf(word, lang) < min_zipf:
            return False
        if any(  # a plural verb: a frequent singular form and its ending (« ha » → « han »)
            freq.zipf(word[: -len(end)], lang) >= 4.0
            for end in verb_endings if word.endswith(end) and len(word) > len(end) + 1
        ):
            return False
        if any(  # already a plural by the rules (Italian « partite », plural of « partita »)
            freq.zipf(word[: len(word) - len(plural)] + end, lang) >= min_zipf
            for end, plural in plural_forms if plural and word.endswith(plural) and len(word) > len(plural)
        ):
            return False
        return any(
            freq.zipf(word[: len(word) - len(end)] + plural, lang) >= min_zipf
            for end, plural in plural_forms if word.endswith(end)
        )

    # The first words of the plural determiners (« les », « de ces » → « de »).
    det_first = frozenset(key.partition(" ")[0] for key in plural_dets)

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        text = doc.text
        words = doc.words
        nouns = singular_nouns()
        n = len(words)

        def joined(i: int) -> bool:  # words[i] and words[i + 1] separated by one space
            return i + 1 < n and bool(_GAP.fullmatch(text[words[i].end : words[i + 1].start]))

        def ends_group(i: int) -> bool:
            """A coordination or a title follows: « ses père et mère », « les père, mère »,
            « les premier et second tours », « des don Quichotte »."""
            if text[words[i].end : words[i].end + 1] == ",":
                return True
            if joined(i):
                nxt = words[i + 1].text
                return nxt in _COORDINATION or nxt[:1].isupper()
            return False

        def hyphenated(i: int) -> bool:
            w = words[i]
            return "-" in w.text or text[w.end : w.end + 1] in ("-", "‑") or text[w.start - 1 : w.start] in ("-", "‑")

        covered = -1  # the last word of a two-word determiner already read
        for i in range(n):
            if i <= covered:
                continue
            one = words[i].text.casefold()
            if one not in det_first:
                continue  # neither a determiner nor the first word of one (no gap to read)
            det_end = i
            if joined(i) and f"{one} {words[i + 1].text.casefold()}" in plural_dets:
                det_end = covered = i + 1
            elif one not in plural_dets:
                continue
            before = words[i - 1].text.casefold() if i > 0 else ""
            if det_end == i and (
                (one in pronoun_dets and before in pronouns_before)
                or (one in numerals and before in numeral_pronoun)
            ):
                continue  # « il les aide », « tous deux », « les trois ensemble »: pronouns
            j = det_end + 1
            if joined(det_end) and words[j].text in numerals:
                covered = j  # « les deux joueur »: the numeral is part of the determiner
                det_end, j = j, j + 1
            if not joined(det_end):
                continue
            first = words[j]
            if not first.text.islower() or hyphenated(j) or ends_group(j):
                continue
            word = first.text
            if word in singular_adjs and joined(j) and words[j + 1].text.islower() \
                    and not hyphenated(j + 1) and words[j + 1].text not in plural_dets:
                yield Hit(words[i].start, first.end, confidence=0.8, args={"word": word})
                continue
            if word in plural_adjs and joined(j):
                j += 1
                word = words[j].text
                if not word.islower() or hyphenated(j) or ends_group(j):
                    continue
            if word in nouns or (lex_path is None and singular_by_frequency(word, ctx.primary)):
                if _english_compound(words, j, joined(j), ctx.primary):
                    continue  # « três data centers »: an English compound, whose plural is its last word
                yield Hit(words[i].start, words[j].end, confidence=0.8, args={"word": word})

    return check


def _english_compound(words, j: int, joined: bool, lang: str) -> bool:  # noqa: ANN001
    """Whether words[j] opens an English compound noun taken over as it is (« data centers »,
    « game designers »): both it and the next word are English words, the next a plural (-s) more
    frequent in English than in the article's language."""
    from checker import lexicon

    if not joined or j + 1 >= len(words):
        return False
    head, nxt = words[j].text, words[j + 1].text
    if not (nxt.islower() and nxt.endswith("s")):
        return False
    english = lexicon.zipf(nxt, "en")
    return english >= 3.0 and english >= lexicon.zipf(nxt, lang) + 0.5 and lexicon.zipf(head, "en") >= 3.0

