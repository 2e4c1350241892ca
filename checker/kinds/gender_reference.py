"""Kind ``gender-reference``: a person the article marks as one gender referred to with the other.

The kind follows the people of a document in reading order. A *mention* is

- a run of capitalised words holding a given name of the first-name table (``f``, ``m``, or ``u``
  for names given to both, which blocks any guess); the other words of the run (surnames) are
  remembered with that gender, so a later bare surname is a mention too;
- a role noun of the pack (``actress``, ``la chanteuse``, ``father``); a gendered role noun right
  before a name (``the princess of pop, X Y``) also gives that name its gender;
- a person noun of unknown gender (``the president``, ``the coach``) or a run of two or more
  capitalised words the tables do not know: they block, since a later pronoun may be theirs.

``mode = "pronoun"``: a pronoun of one gender (``he``/``his`` …) whose nearest preceding mention,
within ``window`` characters, is a person of the other gender is reported, with the mention as
related span. Pronouns inside quotations are skipped (they may refer to anyone), and so is a
pronoun when someone of its gender is around: named in the same paragraph, or referred to by a
pronoun of narration that fitted its antecedent (or had none) in this paragraph or the one
before (two people taking turns). An address that opens a sentence (« Mr President, »: capitalised
words ending on a person noun, then a comma) and the words of ``not_names`` are no mention. An
object pronoun (``object_pronouns``; of ``ambiguous_objects``, « her », only before one of
``object_after`` or no word) in the same clause as the person named just before it (no comma,
quotation mark or word of ``clause_openers`` between them) is someone else: a pronoun object
never stands for the subject of its own clause (« Tom thanked her »). A role noun followed by
one of ``award_after`` (« sportsman of the year ») names an award, not a person.

``mode = "predicate"`` (Romance languages): ``NAME (aux) participle`` or ``NAME aux un|una NOUN``
whose gender contradicts the person's is reported. A person's gender comes from the name table,
from role nouns next to the name, and from the document's own predicates about that name
(``è nata``, ``è una cantante``): the minority form is reported only when the majority is clear.

Params: ``names`` (TSV beside the rule), ``feminine_pronouns``/``masculine_pronouns``,
``feminine_nouns``/``masculine_nouns``/``neutral_nouns``, ``not_names``, ``window``, ``mode``; for the predicate
mode ``auxiliaries`` (single words), ``passive`` (``stato``/``stata`` style words that are
themselves a participle), ``feminine_endings``/``masculine_endings``, ``feminine_articles``/
``masculine_articles`` and ``prepositions`` (a name after one of them is not a subject);
``place_openers``: the first words of place names (« San Antonio », « Port Harcourt »): a run they
open is no person, whatever given name follows; ``place_prepositions``: words after which a
capitalised run is a place ("in Austin", "in Florence").
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from functools import cache

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.kinds._given_names import gazetteer, given_slot
from checker.rules import Rule, param
from checker.wordlists import read_table

NAME = "gender-reference"
PARAMS = {
    "mode": param(str, default="pronoun", doc="pronoun | predicate"),
    "names": param(str, default="../common/first-names.tsv", doc="TSV: given name, f|m|u"),
    "gazetteer": param(list, default=[], doc="more TSV tables of given names, read only where a given name stands"),
    "feminine_pronouns": param(list, default=[]),
    "masculine_pronouns": param(list, default=[]),
    "feminine_nouns": param(list, default=[], doc="role nouns marking a woman (lowercase)"),
    "masculine_nouns": param(list, default=[], doc="role nouns marking a man (lowercase)"),
    "neutral_nouns": param(list, default=[], doc="person nouns of either gender: they block"),
    "window": param(int, default=450, doc="max characters between the mention and the pronoun"),
    "auxiliaries": param(list, default=[]),
    "passive": param(list, default=[]),
    "feminine_endings": param(list, default=[]),
    "masculine_endings": param(list, default=[]),
    "feminine_articles": param(list, default=[]),
    "masculine_articles": param(list, default=[]),
    "prepositions": param(list, default=[]),
    "ignore": param(list, default=[], doc="words after an auxiliary that are no predicate (subito, ici)"),
    "epicene": param(list, default=[], doc="role nouns whose article alone shows the gender (cantante)"),
    "titles": param(list, default=[], doc="capitalised words that may open a name run (Mr, Frau)"),
    "not_names": param(list, default=[], doc="capitalised words that never name a person (English I)"),
    "place_openers": param(list, default=["san", "santa", "santo", "sant", "são", "sao", "saint", "sainte", "st", "ste",
                                          "sankt", "sint", "port", "puerto", "porto", "fort", "mount", "lake", "cape",
                                          "cabo"],
                           doc="first words of a place's name (San Antonio, Port Harcourt): the given name after them is no person"),
    "place_prepositions": param(list, default=[], doc="words after which a capitalised run is a place (English in: in Austin)"),
    "object_pronouns": param(list, default=[], doc="object forms (him, her): never the subject of their own clause"),
    "ambiguous_objects": param(list, default=[], doc="object forms that are also possessives (her)"),
    "object_after": param(list, default=[], doc="words after which an ambiguous form is an object (her to, her and)"),
    "clause_openers": param(list, default=[], doc="words that open another clause (that, who, and, said)"),
    "award_after": param(list, default=[], doc="words after a role noun that make it an award's name (of the year)"),
    "copulas": param(list, default=[], doc="« was the winner »: a predicate noun, no new person"),
    "feminine_labels": param(list, default=[], doc="infobox labels in the feminine (Née, Nata)"),
    "masculine_labels": param(list, default=[], doc="infobox labels in the masculine (Né, Nato)"),
    "occupation_labels": param(list, default=[], doc="infobox labels followed by job nouns"),
    "feminine_role_endings": param(list, default=[], doc="job-noun endings of the feminine (-trice)"),
    "masculine_role_endings": param(list, default=[], doc="job-noun endings of the masculine (-teur)"),
}

_LINE = regex.compile(r"[^\n]++")

_QUOTED = regex.compile(r"“[^”\n]{0,600}+”|«[^»\n]{0,600}+»|„[^“”\n]{0,600}+[“”]|\"[^\"\n]{0,600}+\"")
_GAP = regex.compile(r"[ \u00a0]")  # what may separate two words of a name
_BOUNDARY = regex.compile(r"[.!?;\n\"“”«»„]")
_POSSESSIVE = regex.compile(r"['’]s?$")
_NEXT_WORD = regex.compile(r"[ \u00a0]*+(\p{L}[\p{L}'’-]*+)")
_WORD = regex.compile(r"\p{L}[\p{L}'’-]*+")
_CLAUSE_MARK = regex.compile(r"[,;:()\[\]—–\"“”«»]")


def _key(word: str) -> str:
    return _POSSESSIVE.sub("", word)


def _after_preposition(words, i: int, preps: frozenset[str] | set[str]) -> bool:  # noqa: ANN001
    """Whether a preposition stands two or three words before the name at word `i`, with only
    articles and capitalised words (a demonym, a title) between (« contre l'Américaine X »)."""
    for k in range(i - 2, max(-1, i - 4), -1):
        between = words[k + 1:i]
        # (an elided article stays glued to its word: « l'Américaine »)
        if not all(len(w.text) <= 3 or regex.split(r"['’]", w.text)[-1][:1].isupper() for w in between):
            return False
        if words[k].text.casefold() in preps:
            return True
    return False


class _StartSet:
    """``pos in starts``: a word at pos opens a sentence or a line (bounded look-back, linear)."""

    def __init__(self, text: str) -> None:
        self.text = text

    def __contains__(self, pos: int) -> bool:
        text = self.text
        i = pos - 1
        stop = max(-1, pos - 64)
        while i > stop and text[i] in " \t\u00a0\u202f":
            i -= 1
        if i < 0:
            return True
        if i == stop:
            return False
        return text[i] in "\n\r.!?…:;«“\"'‘(—–-•*#|[]"


_BLANK = regex.compile(r"\n[^\S\n]*+\n")


def _paragraphs(doc: Document) -> list[int]:
    """Offsets where a paragraph (block between blank lines) starts, for bisect."""
    if "gr:paragraphs" not in doc.cache:
        doc.cache["gr:paragraphs"] = [0] + [m.end() for m in _BLANK.finditer(doc.text)]
    return doc.cache["gr:paragraphs"]


def _award(text: str, end: int, awards: tuple[str, ...]) -> bool:
    """Whether the words after `end` make the role noun before them an award's name."""
    after = " ".join(text[end : end + 40].split()).casefold()
    return after.startswith(awards)


def _is_cap(word: str) -> bool:
    return word[:1].isupper() and not word.isupper() or (len(word) == 1 and word.isupper())


_LIST_GAP = regex.compile(r"[ \u00a0]*(?:,|&|\band\b|\bet\b|\by\b|\be\b|\bund\b|\bor\b|\bou\b)[ \u00a0]*")


def _common(word: str, lang: str) -> bool:
    from checker import lexicon

    return lexicon.zipf(word.casefold(), lang) >= 3.5


def _rare(word: str, lang: str) -> bool:
    from checker import lexicon

    low = word.casefold()
    return lexicon.zipf(low, lang) < 2.5 and lexicon.zipf(low, "en") < 2.5


def build(rule: Rule):  # noqa: ANN201
    """Read the tables once; the check walks the words of the document."""
    p = rule.params
    mode = p["mode"]
    if mode not in ("pronoun", "predicate", "infobox"):
        raise ValueError(f"mode must be 'pronoun', 'predicate' or 'infobox', not {mode!r}")
    labels = {w: "f" for w in p["feminine_labels"]}
    labels.update({w: "m" for w in p["masculine_labels"]})
    occupations = set(p["occupation_labels"])
    role_f = tuple(p["feminine_role_endings"])
    role_m = tuple(p["masculine_role_endings"])
    names_path = rule.resolve(p["names"])
    gazetteer_paths = tuple(rule.resolve(g) for g in p["gazetteer"])
    pron = {w.casefold(): "f" for w in p["feminine_pronouns"]}
    pron.update({w.casefold(): "m" for w in p["masculine_pronouns"]})
    nouns = {w.casefold(): "f" for w in p["feminine_nouns"]}
    nouns.update({w.casefold(): "m" for w in p["masculine_nouns"]})
    nouns.update({w.casefold(): None for w in p["neutral_nouns"]})
    titles = {w.casefold() for w in p["titles"]}
    not_names = frozenset(p["not_names"])
    place_openers = frozenset(str(w).casefold() for w in p["place_openers"])
    place_prepositions = frozenset(str(w).casefold() for w in p["place_prepositions"])
    objects = {w.casefold() for w in p["object_pronouns"]}
    ambiguous = {w.casefold() for w in p["ambiguous_objects"]}
    object_after = {w.casefold() for w in p["object_after"]}
    openers = {w.casefold() for w in p["clause_openers"]}
    awards = tuple(w.casefold() for w in p["award_after"])
    window = p["window"]
    aux = {w.casefold() for w in p["auxiliaries"]}
    passive = {w.casefold() for w in p["passive"]}
    fem_end = tuple(p["feminine_endings"])
    masc_end = tuple(p["masculine_endings"])
    fem_art = {w.casefold() for w in p["feminine_articles"]}
    masc_art = {w.casefold() for w in p["masculine_articles"]}
    preps = {w.casefold() for w in p["prepositions"]}
    ignore = {w.casefold() for w in p["ignore"]}
    epicene = {w.casefold() for w in p["epicene"]}
    copulas = {w.casefold() for w in p["copulas"]}

    @cache
    def table() -> dict[str, str]:
        """The names table, built on first use (not per document)."""
        return {row[0]: row[1] for row in read_table(names_path) if len(row) >= 2}

    # What ``mentions`` depends on besides the document and its language: rules that agree on it
    # (French gender-predicate and gender-infobox) share one reading of the document (doc.cache).
    mentions_key = ("gr:mentions", names_path, gazetteer_paths, tuple(sorted(pron.items())),
                    tuple(sorted(nouns.items(), key=lambda kv: kv[0])), tuple(sorted(titles)), tuple(sorted(copulas)),
                    tuple(sorted(not_names)))

    def from_gazetteer(keys: list[str]) -> tuple[str | None, bool]:
        """The gender a gazetteer gives the run: its first word (after a title) when a surname follows,
        or a Korean given name; a bare word may be a surname, it is known only once learned."""
        gaz = gazetteer(gazetteer_paths)
        if not gaz:
            return None, False
        first = 1 if len(keys) > 1 and keys[0].casefold() in titles else 0
        for idx, k in enumerate(keys):
            low = k.casefold()
            if given_slot(low, idx == first and len(keys) > first + 1) and low in gaz:
                g = gaz[low]
                return (g if g in ("f", "m") else None), True
        return None, False

    def mentions(doc: Document, given: dict[str, str], lang: str) -> list[tuple]:
        """(start, end, gender or None, key tokens, word index after the run) in reading order
        (computed once per document and settings; the list is read only)."""
        key = (*mentions_key, lang)
        got: list[tuple] | None = doc.cache.get(key)
        if got is None:
            got = doc.cache[key] = _mentions(doc, given, lang)
        return got

    def vocative(words: list, i: int, text: str, sent_starts: _StartSet) -> int:
        """The index after an address that opens a sentence (« Mr President, », « Madam Speaker, »:
        capitalised words ending on a person noun, then a comma), or 0. Whom a speaker addresses is
        not whom the next sentences speak of."""
        if words[i].start not in sent_starts:
            return 0
        for j in range(i, min(i + 3, len(words))):
            w = words[j]
            if not _is_cap(w.text) or (j > i and not _GAP.fullmatch(text[words[j - 1].end : w.start])):
                return 0
            if j > i and w.text.casefold() in nouns and text[w.end : w.end + 1] == ",":
                return j + 1
        return 0

    def _mentions(doc: Document, given: dict[str, str], lang: str) -> list[tuple]:
        words = doc.words
        text = doc.text
        sent_starts = _StartSet(text)
        surnames: dict[str, str | None] = {}
        out: list[tuple] = []
        prev_body = False  # the last name run is an organisation's
        i, n = 0, len(words)
        while i < n:
            w = words[i]
            low = w.text.casefold()
            if low in pron:
                out.append((w.start, w.end, pron[low], "pronoun", i + 1))
                i += 1
                continue
            if w.text in not_names:
                i += 1
                continue
            if _is_cap(w.text):
                after = vocative(words, i, text, sent_starts)
                if after:
                    i = after
                    continue
            if low in nouns and (not _is_cap(w.text) or w.start in sent_starts):
                if awards and _award(text, w.end, awards):
                    i += 1
                    continue  # « named sportsman of the year »: an award's name, whoever won it
                g = nouns[low]
                if g is None:
                    # A neutral person noun is a new person, except as a predicate (« was the winner »).
                    before = {words[k].text.casefold() for k in range(max(0, i - 2), i)}
                    if not before & copulas:
                        out.append((w.start, w.end, None, "noun", i + 1))
                else:
                    out.append((w.start, w.end, g, "noun", i + 1))
                i += 1
                continue
            if not _is_cap(w.text):
                i += 1
                continue
            j = i + 1
            while j < n and j - i < 6 and _is_cap(words[j].text) and _GAP.fullmatch(
                text[words[j - 1].end : words[j].start]
            ):
                if words[j].text.casefold() in pron:
                    break
                j += 1
            run = words[i:j]
            keys = [_key(t.text) for t in run]
            if len(run) >= 2 and keys[0].casefold() in place_openers or (
                    i and words[i - 1].text.casefold() in place_prepositions
                    and _GAP.fullmatch(text[words[i - 1].end:w.start])):
                i = j
                continue  # « in San Antonio », "in Austin": a place, not a man called Antonio or Austin
            first_gender = [given[k] for k in keys if k in given]
            known = [g for g in first_gender if g in ("f", "m")]
            gender: str | None
            if known and len(set(known)) == 1:
                gender = known[0]
            elif first_gender:
                gender = None
            else:
                learned = [surnames[k] for k in keys if k in surnames]
                if learned and len(keys) - sum(k.casefold() in titles for k in keys) > 1:
                    learned = [None]  # an unknown given name before a known surname: maybe another person (Sunita Patel beside Ravi Patel)
                gaz_gender, gaz_known = (None, False) if learned else from_gazetteer(keys)
                if learned:
                    gender = learned[0] if len(set(learned)) == 1 else None
                elif gaz_known:
                    gender = gaz_gender
                elif len(run) >= 2 and not (
                    run[0].start in sent_starts and len(run) == 2 and _common(keys[0], lang)
                ):
                    gender = None
                elif run[0].start not in sent_starts and _rare(keys[0], lang):
                    gender = None  # a word no lexicon knows, mid-sentence: maybe a person
                else:
                    i = j
                    continue
            if keys and keys[0].casefold() in titles and len(run) == 1:
                i = j
                continue
            # A gendered role noun just before the name gives it its gender (« the actress X Y »).
            if gender is None and not first_gender and out:
                prev = out[-1]
                if prev[3] == "noun" and prev[2] and run[0].start - prev[1] <= 24 \
                        and not _BOUNDARY.search(text, prev[1], run[0].start):
                    gender = prev[2]  # (not across a sentence end or a quotation mark: « … that man." In 1978, X »)
            if gender is not None or first_gender:
                for k in keys:
                    if k in given:
                        continue
                    if k not in surnames:
                        surnames[k] = gender
                    elif surnames[k] != gender:
                        surnames[k] = None  # a woman and a man of one surname: a bare surname is either
            if out and out[-1][3] == "name" and not prev_body and _LIST_GAP.fullmatch(text[out[-1][1] : run[0].start]):
                gender = None  # one of a list of people: a later pronoun may be anyone's
            # A run of capitalised common words (« the Bandung Transportation Agency ») is a body, not
            # a person: the name after it (« …, Rina Marlina, ») is its head, not one of a list.
            prev_body = gender is None and not first_gender and len(run) >= 2 and any(_common(k, lang) for k in keys)
            out.append((run[0].start, run[-1].end, gender, "name", j))
            i = j
        return out

    def quoted(doc: Document) -> list[tuple[int, int]]:
        if "gr:quoted" not in doc.cache:
            doc.cache["gr:quoted"] = [m.span() for m in _QUOTED.finditer(doc.prose)]
        return doc.cache["gr:quoted"]

    def in_quote(spans: list[tuple[int, int]], pos: int) -> bool:
        return any(a < pos < b for a, b in spans)

    def check_pronoun(doc: Document, ctx: Context) -> Iterator[Hit]:
        given = table()
        spans = quoted(doc)
        last: tuple | None = None  # (gender, start, end, seen_at)
        # where a person of each gender was last mentioned, and in which passage
        seen = {"f": (-(10**9), -1), "m": (-(10**9), -1)}
        # the paragraph of the last pronoun of each gender that fitted (or had no) antecedent
        told = {"f": -(10**9), "m": -(10**9)}
        paras = _paragraphs(doc)

        def para(pos: int) -> int:
            return bisect.bisect_right(paras, pos)

        sent_starts = [sn.start for sn in doc.sentences]

        def sent(pos: int) -> int:
            return bisect.bisect_right(sent_starts, pos)

        found = mentions(doc, given, ctx.primary)
        text = doc.text

        def own_clause_object(start: int, end: int, mention_end: int) -> bool:
            """An object pronoun in the clause whose subject is the mention (« X looked up at her »):
            an object pronoun never stands for the subject of its own clause (that would be
            « herself »), so it is somebody else's."""
            word = text[start:end].casefold()
            if word not in objects or sent(mention_end) != sent(start) or start - mention_end > 80:
                return False
            nxt = _NEXT_WORD.match(text, end)
            if word in ambiguous and nxt is not None and nxt.group(1).casefold() not in object_after:
                return False  # « her » before a noun is a possessive: it may be the subject's
            between = text[mention_end:start]
            if _CLAUSE_MARK.search(between):
                return False
            return not any(w.casefold() in openers for w in _WORD.findall(between))

        # (sentence, gender) of the pronouns of narration: a sentence that says both « she » and
        # « him » speaks of two people.
        spoken = {(sent(m[0]), m[2]) for m in found if m[3] == "pronoun" and not in_quote(spans, m[0])}
        for start, end, gender, what, _ in found:
            if what != "pronoun":
                if gender:
                    seen[gender] = (end, para(end))
                if not in_quote(spans, start):
                    # a person a quotation names is around, but is not the antecedent of narration
                    last = (gender, start, end, end)
                continue
            if in_quote(spans, start):
                continue
            if (last is not None and last[0] is not None and start - last[3] <= window and last[0] != gender
                    # someone of the pronoun's gender is around: it may be theirs
                    and seen[gender][1] != para(start)
                    # a pronoun of its gender in this paragraph or the one before: a second person
                    and told[gender] < para(start) - 1
                    # the same sentence also speaks of the antecedent by a pronoun: two people
                    and (sent(start), last[0]) not in spoken
                    and not own_clause_object(start, end, last[2])):
                yield Hit(start, end, confidence=0.75, related=(last[1], last[2]),
                          args={"person": doc.text[last[1] : last[2]]})
                continue
            if last is not None and last[0] == gender:
                last = (last[0], last[1], last[2], end)
            # A pronoun of narration that nothing contradicts: someone of its gender is around.
            told[gender] = para(end)

    def predicate_at(doc: Document, words: list, j: int) -> tuple[int, int, str] | None:
        """The gendered predicate starting at word j: (start, end, gender) or None."""
        text = doc.text
        if j >= len(words):
            return None
        # Skip one parenthesis right after the name (dates of birth).
        a = words[j]
        if a.text.casefold() not in aux:
            return None
        k = j + 1
        if k >= len(words) or not _GAP.fullmatch(text[a.end : words[k].start]):
            return None
        b = words[k]
        low = b.text.casefold()
        if low in fem_art or low in masc_art:
            g = "f" if low in fem_art else "m"
            if k + 1 < len(words) and _GAP.fullmatch(text[b.end : words[k + 1].start]):
                if words[k + 1].text.casefold() in epicene:
                    return (a.start, words[k + 1].end, g)
            return None
        if low in ignore:
            return None
        g = _ending(low)
        end = b.end
        nxt_ok = k + 1 < len(words) and _GAP.fullmatch(text[b.end : words[k + 1].start])
        if low in passive and nxt_ok:
            low2 = words[k + 1].text.casefold()
            g2 = None if low2 in ignore else _ending(low2)
            if g is None and g2 is not None:
                g, end = g2, words[k + 1].end
            elif g2 == g:
                end = words[k + 1].end
        if g is None:
            return None
        return (a.start, end, g)

    def _ending(low: str) -> str | None:
        if low in passive:
            return "f" if low.endswith(fem_end) else "m" if low.endswith(masc_end) else None
        if len(low) < 3 or not low.isalpha():
            return None
        if fem_end and low.endswith(fem_end):
            return "f"
        if masc_end and low.endswith(masc_end):
            return "m"
        return None

    def check_predicate(doc: Document, ctx: Context) -> Iterator[Hit]:
        given = table()
        words = doc.words
        starts = [w.start for w in words]

        found = []  # (name key, name span, predicate)
        for start, end, gender, what, nxt in mentions(doc, given, ctx.primary):
            if what != "name":
                continue
            i = bisect.bisect_left(starts, start)
            if i > 0 and words[i - 1].text.casefold() in preps and start - words[i - 1].end <= 2:
                continue
            if _after_preposition(words, i, preps):
                continue  # « le match contre l'Américaine X est programmé »: X is no subject
            j = nxt
            # one parenthesis between the name and the verb: « X (born 1957) is … »
            if j < len(words):
                gap = doc.text[end : words[j].start]
                if "(" in gap:
                    close = doc.text.find(")", end, end + 120)
                    if close < 0:
                        continue
                    j = bisect.bisect_left(starts, close)
                    if j < len(words) and doc.text[close + 1 : words[j].start].strip():
                        continue
                elif gap.strip():
                    continue
            pred = predicate_at(doc, words, j)
            if pred is None:
                continue
            key = doc.text[start:end].split()[-1]
            found.append((key, gender, (start, end), pred))
        votes: dict[str, dict[str, int]] = {}
        named: dict[str, str] = {}
        for key, gender, _, pred in found:
            votes.setdefault(key, {"f": 0, "m": 0})[pred[2]] += 1
            if gender:
                named[key] = gender
        for key, gender, span, pred in found:
            v = votes[key]
            want = named.get(key)
            if want is None:
                other = "m" if pred[2] == "f" else "f"
                if v[other] >= 2 and v[pred[2]] == 1:
                    want = other
            if want and pred[2] != want:
                yield Hit(pred[0], pred[1], confidence=0.7, related=span,
                          args={"person": doc.text[span[0] : span[1]]})

    def check_infobox(doc: Document, ctx: Context) -> Iterator[Hit]:
        """Gendered infobox labels and job nouns that contradict the article's subject."""
        given = table()
        subject = None
        for start, _end, gender, what, _ in mentions(doc, given, ctx.primary):
            if start > 400:
                break
            if what == "name" and gender:
                subject = (start, _end, gender)
                break
        if subject is None:
            return
        want = subject[2]
        text = doc.text
        for m in _LINE.finditer(text):
            line = m.group()
            head = line.split(None, 1)
            if not head:
                continue
            word = head[0]
            rest = line[len(word):]
            lstart = m.start() + (len(line) - len(line.lstrip()))
            if word in labels and (not rest.strip() or regex.match(r"\s*[(\d]", rest)):
                if labels[word] != want:
                    yield Hit(lstart, lstart + len(word), confidence=0.8, related=subject[:2],
                              args={"person": text[subject[0] : subject[1]]})
            elif word in occupations and rest.strip():
                items = [w.casefold() for w in regex.findall(r"(?:^|,|\bet\b|\band\b|\be\b|\by\b)\s*(\p{L}+)", rest)]
                genders = {"f" if w.endswith(role_f) else "m" if w.endswith(role_m) else None for w in items}
                genders.discard(None)
                if genders and want not in genders:
                    a = m.start() + len(line) - len(rest.lstrip())
                    yield Hit(a, m.end(), confidence=0.7, related=subject[:2],
                              args={"person": text[subject[0] : subject[1]]})

    if mode == "infobox":
        return check_infobox
    return check_pronoun if mode == "pronoun" else check_predicate
