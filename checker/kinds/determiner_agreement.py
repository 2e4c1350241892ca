"""Kind ``determiner-agreement``: a determiner or adjective of one gender before a noun of the other.

For every lowercase word whose gender the pack knows, the kind looks at the words right before it
(an optional numeral, an optional adjective of the ``adjectives`` table, then a determiner) and
reports the whole group when a gendered determiner or adjective contradicts the noun
(« une grande espoir », « tous les étapes », « ancien star », « las miembros », « le membri »).

A noun's gender comes, in this order, from

1. the ``lexicon`` table beside the rule (``noun<TAB>f|m``; a plural is looked up without its
   final ``s``/``x``);
2. ``suffixes``: ``suffix:f`` or ``suffix:m`` entries (« tion:f », « ment:m »), longest first,
   with ``suffix_exceptions`` (« bastion », « jument ») never judged by suffix;
3. ``masculine_shapes``: rules ``end|stem-known+|stem-unknown-…`` for languages where a masculine
   noun is recognised by its ending and by the absence of a feminine form in the word-frequency
   lexicon: ``os|o+|a-|as-`` says « a word ending in -os whose stem + o is a known word and whose
   stem + a and stem + as are not » (« miembros »: « miembro » yes, « miembra » no).
   ``unknown_below`` is the Zipf frequency under which a form counts as unknown.

``suffixes`` may also give ``suffix:n``: words with that ending get no gender from the suffix or
shape rules (Portuguese « -ão »: « a canção », « o pão »), only from the lexicon table.

``determiners``: ``word:f``/``word:m`` (« la:f », « tous les:m »); two-word determiners are
allowed. ``pronoun_determiners``: those that are also object pronouns before a verb (Italian
« la », « le », « gli »; Spanish « la », « las », « los »); after them the nouns of
``verb_forms``, which are also verb forms (« gli chiese », « los ayuda », « la invito »), are
not judged, nor words with one of ``verb_endings`` (third-person plural endings such as Italian
« -ono »: « la seguono », « le chiamano »). ``adjectives``: ``masculine/feminine`` pairs (« grand/grande »). ``exceptions``: nouns
never reported (« mano », « modelo »). ``person_nouns``: nouns that stand for a person, and take
that person's gender, when a capitalised word, a digit, a numeral or one of ``person_after``
follows them (« la prix Nobel », « la numéro un »). ``adverbial_nouns``: nouns that follow a
noun phrase as a time adverbial (weekdays, « matin », « soir »): after an adjective they are not
checked, the adjective being the noun (« il a appris la nouvelle samedi », « la première lundi »).

``compounds``: ``adjective noun`` groups that are old compounds, never reported (« grand chose »,
« grand mère », written without their hyphen). ``adjective_nouns``: nouns that are also adjectives
placed before a noun (« un vague souvenir », « un fin connaisseur »): when a lowercase word follows
them they are not judged.

``after_adjectives``: ``masculine/feminine`` pairs of adjectives that follow their noun
(« prochain/prochaine », « national/nationale »). When a gendered determiner and a noun of the
same gender stand together (two signals that agree), or a determiner and a noun whose gender the
pack does not know, the adjective right after the noun must have the
determiner's gender too: « la saison prochain », « une équipe national », « le match officielle »
are reported, the whole group from the determiner. Choose adjectives that cannot describe the
subject of the sentence from after an object (« seul », « premier », « dernier » can: « il a
fini la course premier »). The group is not judged after one of ``after_not_left`` (« de »,
« du »: in « le président de la République actuel » the adjective goes with the first noun),
nor when its determiner is one of them (Italian « della »), nor for the nouns of
``after_not_nouns`` (« à la fois seul et… »), nor when one of ``after_not_right`` follows the
adjective (Spanish « llegó a la casa pasado el mediodía », where « pasado » means "after").
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.rules import Rule, param
from checker.wordlists import read_table

NAME = "determiner-agreement"
PARAMS = {
    "lexicon": param(str, default=None, doc="TSV beside the rule: noun, f|m"),
    "suffixes": param(list, default=[], doc="'suffix:f' / 'suffix:m'"),
    "suffix_exceptions": param(list, default=[]),
    "masculine_shapes": param(list, default=[], doc="'end|stem-known-end+|stem-unknown-end-'"),
    "unknown_below": param(float, default=1.5),
    "determiners": param(list, required=True, doc="'word:f' / 'word:m'; one or two words"),
    "adjectives": param(list, default=[], doc="'masculine/feminine' adjective pairs"),
    "numerals": param(list, default=[], doc="words allowed between determiner and noun"),
    "exceptions": param(list, default=[]),
    "person_nouns": param(list, default=[], doc="nouns naming a person before a name or number (« la prix Nobel »)"),
    "person_after": param(list, default=[], doc="besides names, digits and numerals: words after a person noun (« un »)"),
    "min_length": param(int, default=3),
    "pronoun_determiners": param(list, default=[], doc="determiners that are also object pronouns"),
    "verb_forms": param(list, default=[], doc="nouns that are also verb forms: not judged after a pronoun determiner"),
    "verb_endings": param(list, default=[], doc="endings of verb forms: words with them are not judged after a pronoun determiner"),
    "adverbial_nouns": param(list, default=[], doc="nouns that follow a noun phrase as a time adverbial "
                             "(« la nouvelle samedi »): not checked after an adjective"),
    "compounds": param(list, default=[], doc="'adjective noun' groups that are never reported (« grand chose »)"),
    "adjective_nouns": param(list, default=[], doc="nouns that are also adjectives before a noun (« un vague "
                             "souvenir »): not judged when a lowercase word follows"),
    "after_adjectives": param(list, default=[], doc="'masculine/feminine' pairs of adjectives that follow the "
                              "noun: checked after a determiner and a noun that agree"),
    "after_not_left": param(list, default=[], doc="words (« de », « du ») before the determiner, or determiners, "
                            "after which a following adjective is not judged"),
    "after_not_nouns": param(list, default=[], doc="nouns after which a following adjective is not judged"),
    "after_not_right": param(list, default=[], doc="words after the adjective that make it something else "
                             "(Spanish « pasado el mediodía », Italian « prossimo al ritiro »)"),
}

_GAP = regex.compile(r"[ \u00a0]")
#: ``determiner_at``'s answer for an object pronoun before a verb form (« la invito »).
_PRONOUN_VERB = (-1, "")
_NEXT = regex.compile(r"[ \u00a0]([\p{L}\p{N}]+)")


def _pairs(entries: list[str], what: str) -> dict[str, str]:
    out = {}
    for e in entries:
        word, _, g = e.rpartition(":")
        if g.endswith("!"):  # a determiner that is also a pronoun: judged by the lexicon only
            g = g[:-1]
            out[word.casefold() + "!"] = g
        if g not in ("f", "m", "n") or not word or (g == "n" and what != "suffixes"):
            raise ValueError(f"{what} entry {e!r}: expected 'word:f' or 'word:m'")
        out[word.casefold()] = g
    return out


def _adjective_pairs(entries: list[str], what: str) -> dict[str, str]:
    """``masculine|…/feminine|…`` entries as {form: "m" or "f"}."""
    adjs: dict[str, str] = {}
    for pair in entries:
        m, _, f = pair.partition("/")
        if not m or not f:
            raise ValueError(f"{what} entry {pair!r}: expected 'masculine/feminine'")
        for w in m.split("|"):
            adjs[w.casefold()] = "m"
        for w in f.split("|"):
            adjs[w.casefold()] = "f"
    return adjs


def _participle(word: str, lang: str) -> bool:
    """A word in -é that is the participle of a known verb in -er (« retraité » of « retraiter »,
    « invité » of « inviter »): a person or a thing of either gender, not a noun in -ité."""
    from checker import lexicon as freq

    return freq.zipf(word[:-1] + "er", lang) >= 2.2


def build(rule: Rule):  # noqa: ANN201
    """Parse the tables once; the lexicon file and word frequencies load lazily."""
    p = rule.params
    lex_path = rule.resolve(p["lexicon"]) if p["lexicon"] else None
    suffixes = sorted(_pairs(p["suffixes"], "suffixes").items(), key=lambda kv: -len(kv[0]))
    suffix_exc = {w.casefold() for w in p["suffix_exceptions"]}
    dets = _pairs(p["determiners"], "determiners")
    adjs = _adjective_pairs(p["adjectives"], "adjectives")
    after_adjs = _adjective_pairs(p["after_adjectives"], "after_adjectives")
    compounds = {" ".join(c.casefold().split()) for c in p["compounds"]}
    adjective_nouns = {w.casefold() for w in p["adjective_nouns"]}
    after_not_left = {w.casefold() for w in p["after_not_left"]}
    after_not_nouns = {w.casefold() for w in p["after_not_nouns"]}
    after_not_right = {w.casefold() for w in p["after_not_right"]}
    shapes = []
    for s in p["masculine_shapes"]:
        parts = s.split("|")
        end = parts[0]
        known = [x[:-1] for x in parts[1:] if x.endswith("+")]
        unknown = [x[:-1] for x in parts[1:] if x.endswith("-")]
        if not end or len(known) + len(unknown) != len(parts) - 1:
            raise ValueError(f"masculine_shapes entry {s!r}: expected 'end|form+|form-…'")
        shapes.append((end, known, unknown))
    numerals = {w.casefold() for w in p["numerals"]}
    exceptions = {w.casefold() for w in p["exceptions"]}
    person_nouns = {w.casefold() for w in p["person_nouns"]}
    person_after = {w.casefold() for w in p["person_after"]}
    below = p["unknown_below"]
    min_len = p["min_length"]
    adverbial = {w.casefold() for w in p["adverbial_nouns"]}
    pronoun_dets = {w.casefold() for w in p["pronoun_determiners"]}
    verb_forms = {w.casefold() for w in p["verb_forms"]}
    verb_endings = tuple(w.casefold() for w in p["verb_endings"])

    def lexicon() -> dict[str, str]:
        if lex_path is None:
            return {}
        return {r[0].casefold(): r[1] for r in read_table(lex_path) if len(r) >= 2}

    def gender(word: str, lex: dict[str, str], lang: str) -> tuple[str | None, bool]:
        """(gender, from the lexicon table)."""
        if word in exceptions:
            return None, False
        g = lex.get(word)
        if g is None and word[-1:] in ("s", "x"):
            g = lex.get(word[:-1])
        if g in ("f", "m"):
            return g, True
        if g is not None:
            return None, False
        return _guess(word, lang), False

    def _guess(word: str, lang: str) -> str | None:
        base = word[:-1] if word[-1:] in ("s", "x") else word
        if base not in suffix_exc and word not in suffix_exc:
            for suf, sg in suffixes:
                if base.endswith(suf) and len(base) > len(suf) + 1:
                    if base.endswith("é") and _participle(base, lang):
                        return None  # « un retraité », « une invitée »: a participle used as a noun
                    return sg if sg != "n" else None
        if shapes:
            from checker import lexicon as freq

            for end, known, unknown in shapes:
                if word.endswith(end) and len(word) > len(end) + 2:
                    stem = word[: -len(end)]
                    if all(freq.zipf(stem + k, lang) >= below for k in known) and all(
                        freq.zipf(stem + u, lang) < below for u in unknown
                    ):
                        return "m"
        return None

    # The last words of the determiners (« la », « de la » → « la »): a finding needs one of them
    # or an adjective of ``adjs`` among the three words before the noun (see ``check``).
    det_last = frozenset(key.rpartition(" ")[2] for key in dets)

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        lex = lexicon()
        text = doc.text
        words = doc.words
        lang = ctx.primary

        def joined(a, b) -> bool:
            return bool(_GAP.fullmatch(text[a.end : b.start]))

        def english_compound(i: int) -> bool:
            """« un data breach »: the word at `i` opens an English compound, which takes its own
            gender (asked only of a finding about to be reported: the look-ups are off the loop)."""
            return lang != "en" and i + 1 < len(words) and joined(words[i], words[i + 1]) \
                and _english_pair(words[i].text, words[i + 1].text, lang)

        # Whether a word can be the determiner (or the adjective) the loop looks for before a
        # noun: the start of a finding is one of these at most three words before the noun (a
        # numeral and an adjective may come between). A noun with none is not looked up.
        lead = [w.text in adjs or w.text.casefold() in det_last for w in words]
        for i, w in enumerate(words):
            low = w.text
            if i == 0 or len(low) < min_len or not low.islower() or not low.isalpha():
                continue
            if not (lead[i - 1] or (i > 1 and lead[i - 2]) or (i > 2 and lead[i - 3])):
                continue
            if low in numerals and i + 1 < len(words) and joined(w, words[i + 1]) and words[i + 1].text.islower():
                continue  # « otras cuatro personas »: the numeral goes with the noun after it
            if low in adjective_nouns:
                m = _NEXT.match(text, w.end)
                if m and m.group(1).islower():
                    continue  # « un vague souvenir », « un fin connaisseur »: an adjective before its noun
            g, listed = gender(low, lex, lang)
            if g is None:
                hit = after(words, text, i, None)
                if hit is not None and not english_compound(i):
                    yield hit
                continue
            if low in person_nouns:
                m = _NEXT.match(text, w.end)
                if m and (m.group(1)[:1].isupper() or m.group(1)[:1].isdigit() or m.group(1).casefold() in numerals
                          or m.group(1).casefold() in person_after):
                    continue  # « la prix Nobel », « la numéro un mondiale »: a woman, named by her title
            j = i - 1
            clash = False
            start = None
            # optional numeral, optional adjective, then the determiner
            if j >= 0 and words[j].text.casefold() in numerals and joined(words[j], words[j + 1]):
                j -= 1
            if j >= 0 and joined(words[j], words[j + 1]) and words[j].text in adjs:
                if low in adverbial or words[j].text.casefold() + " " + low in compounds:
                    continue  # « il a appris la nouvelle samedi », « la première lundi »: an adjective used as a noun
                ag = adjs[words[j].text]
                if ag != g and j > 0 and joined(words[j - 1], words[j]) and words[j - 1].text.islower():
                    pg, plisted = gender(words[j - 1].text, lex, lang)
                    if plisted and pg == ag:
                        continue  # « le mois dernier mesure… »: the adjective closes its own noun's group
                start = words[j].start
                clash = ag != g
                j -= 1
            if j >= 0 and joined(words[j], words[j + 1]):
                found = determiner_at(words, text, j, low, listed)
                if found == _PRONOUN_VERB:
                    continue  # « gli chiese », « los ayuda », « la invito »: a pronoun and a verb
                if found is not None:
                    start = words[found[0]].start
                    clash = clash or found[1] != g
            if clash and start is not None:
                if not english_compound(i):
                    yield Hit(start, w.end, confidence=0.8,
                              args={"noun": low, "gender": "feminine" if g == "f" else "masculine"})
            else:
                hit = after(words, text, i, g)
                if hit is not None and not english_compound(i):
                    yield hit

    def determiner_at(words: Sequence[Any], text: str, j: int, noun: str, listed: bool) -> tuple[int, str] | None:
        """The determiner that ends at word `j` before `noun` (one word, or two joined by a space):
        (index of its first word, its gender); ``_PRONOUN_VERB`` when it is an object pronoun before
        a verb form; None when word `j` ends no determiner. A determiner that is also a pronoun
        (« le! ») counts only before a noun of the lexicon table (`listed`)."""
        one = words[j].text.casefold()
        if j > 0 and _GAP.fullmatch(text[words[j - 1].end:words[j].start]):
            two = words[j - 1].text.casefold() + " " + one
            if two in dets:
                return j - 1, dets[two]
        if one in pronoun_dets and (noun in verb_forms or (verb_endings and noun.endswith(verb_endings))):
            return _PRONOUN_VERB
        if one in dets and (listed or one + "!" not in dets):
            return j, dets[one]
        return None

    def after(words: Sequence[Any], text: str, i: int, g: str | None) -> Hit | None:
        """The group « determiner noun adjective » when the adjective after the noun has the
        other gender than the determiner and the noun, which agree. A noun of unknown gender
        (`g` None) is taken to have its determiner's."""
        if not after_adjs or i + 1 >= len(words) or words[i].text in after_not_nouns:
            return None
        w, nxt, det = words[i], words[i + 1], words[i - 1]
        ag = after_adjs.get(nxt.text)
        if ag is None or ag == g or not _GAP.fullmatch(text[w.end:nxt.start]):
            return None
        if not _GAP.fullmatch(text[det.end:w.start]):
            return None
        if after_not_right and i + 2 < len(words) and words[i + 2].text.casefold() in after_not_right \
                and _GAP.fullmatch(text[nxt.end:words[i + 2].start]):
            return None  # « a la ciudad pasado el mediodía »: a preposition, not an adjective of the noun
        # Any determiner counts here, « la » too: before a verb form (« il la rend public ») the
        # message would name no noun, so that case is left out.
        found = determiner_at(words, text, i - 1, w.text, True)
        if found is None or found == _PRONOUN_VERB:
            return None
        first, dg = found
        one = det.text.casefold()
        if (g is not None and dg != g) or dg == ag or one in after_not_left:
            return None
        if first > 0 and words[first - 1].text.casefold() in after_not_left:
            return None  # « le président de la République actuel »: the adjective may go with the first noun
        return Hit(words[first].start, nxt.end, confidence=0.7,
                   args={"noun": words[i].text, "gender": "feminine" if dg == "f" else "masculine"})

    return check


def _english_pair(first: str, second: str, lang: str) -> bool:
    """Whether `first second` is an English compound used as a loan (« data breach », « cash flow »):
    both common English words, the second far more English than `lang` (1.5 Zipf points: Italian
    lists hold « breach » at 2.4 through the loan itself)."""
    from checker import lexicon as words_lexicon

    if not second.islower() or not second.isalpha():
        return False
    en = words_lexicon.zipf(second, "en")
    return en >= 3.5 and en - words_lexicon.zipf(second, lang) >= 1.5 and words_lexicon.zipf(first, "en") >= 3.5
