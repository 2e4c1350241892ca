"""Kind ``pronoun-gender``: a masculine pronoun whose only possible antecedent is a woman.

Machine translation from a language without gendered pronouns (Indonesian, Turkish,
Chinese…) or that drops its subjects (Spanish, Portuguese, Italian) has to pick a
gender, and often picks the masculine: an article about a singer named Britney or
Shakira says "he" and "his" where the page elsewhere says "her". This kind follows
the antecedent through the text, word by word:

- a capitalised given name from ``female_names`` (or a female title such as ``Mrs``,
  ``Queen``) makes a woman the antecedent; one from ``male_names`` (or ``Mr``, ``King``)
  a man; a capitalised sequence of two or more words that starts with no known name
  (another person, an organisation) makes the antecedent unknown;
- a lowercase noun from ``male_nouns`` ("father", "husband") makes a man the
  antecedent; one from ``other_nouns`` ("mother", "president", "coach") makes it unknown;
- a pronoun from ``male_pronouns`` is reported when the antecedent is a woman mentioned
  (by name, title or pronoun from ``female_pronouns``) at most ``window`` sentences
  before; pronouns inside quotation marks are never reported (a quoted person speaks of
  someone else), nor those of a sentence that also says "she" or "her" (two people).

The article must also use a feminine pronoun at least once outside quotations
(``min_female_pronouns``): a text that never says "she" is not reported.

params: ``female_names`` and ``male_names`` (lists beside the rule, names separated by
white space), ``female_titles``, ``male_titles``, ``male_nouns``, ``other_nouns``,
``female_pronouns``, ``male_pronouns`` (lists of words), ``male_suffixes`` (pronouns glued
with a hyphen to an inverted verb, French « a-t-il », « dit-il »: only these are safe in a
language whose masculine pronoun also stands for things), ``male_after`` (the masculine word
counts only right after one of these words: German « sagte er », Italian « è andato »),
``male_not_before`` (it does not count before one of these: Italian « è morto il padre »),
``female_endings`` (endings of capitalised role nouns that name a woman, German
« Vereinspräsidentin », « Trainerin »), ``male_before`` (it also counts right before one of these, one or two words: French « Il a
ajouté », German « Er sagte », Portuguese « Ele disse »), ``between`` (adverbs that may stand
inside such a phrase, « a toutefois ajouté »; words in -ment too), ``female_suffixes`` (the
feminine inverted pronoun, French « -t-elle »: a reporting clause « …, a-t-elle confié » makes its
speaker a woman even after a quotation whose closing mark was lost, unless a man was named in the
sentences just before), ``female_reporting`` (singular verbs of saying: a feminine pronoun right
after one that follows a quotation, « », dijo ella », „…“, sagte sie, does the same),
``female_reporting_after`` (the same with the verb after the pronoun, English "'…,' she said"),
``continue_before`` (verbs after a masculine pronoun that continue her words, English "he added"),
``reply_verbs`` (a man who answers her, « respondió él », is not her),
``reset_words`` (words, such as German masculine articles, that make the antecedent
unknown: « den Präsidenten … sagte er »), ``clause_reset_words`` (the same, only when they
open a sentence or a clause, for pro-drop languages: « il concerto è andato bene »), ``window`` (sentences, default 3),
``min_female_pronouns`` (default 1), ``male_topics`` (masculine subject pronouns that are
never reported, French « Il », but that make a man the topic of the sentence they open, unless
the next word is one of ``topic_impersonal``, « Il faut », « Il y a »: a woman the same sentence
names later, « Il ajoute que X… », does not become the antecedent of the next « dit-il »).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.kinds._given_names import gazetteer, given_slot
from checker.rules import Rule, param
from checker.wordlists import read_list

NAME = "pronoun-gender"
PARAMS = {
    "female_names": param(str, required=True, doc="list beside the rule: women's given names"),
    "male_names": param(str, required=True, doc="list beside the rule: men's given names"),
    "gazetteer": param(list, default=[], doc="TSV tables of given names (f|m|u), read only where a given name stands"),
    "female_titles": param(list, default=[], doc="capitalised titles that name a woman (Mrs, Queen…)"),
    "male_titles": param(list, default=[], doc="capitalised titles that name a man (Mr, King…)"),
    "male_nouns": param(list, default=[], doc="lowercase nouns that make a man the antecedent"),
    "female_nouns": param(list, default=[], doc="role nouns (one or two words) that make the name right after them a woman's"),
    "other_nouns": param(list, default=[], doc="lowercase nouns that make the antecedent unknown"),
    "role_nouns": param(list, default=[], doc="nouns that make it unknown only after an indefinite article"),
    "indefinites": param(list, default=[], doc="the indefinite articles for role_nouns (a, an, another…)"),
    "female_pronouns": param(list, required=True),
    "male_pronouns": param(list, required=True),
    "male_suffixes": param(list, default=[], doc="endings after a hyphen that are masculine pronouns (French -t-il)"),
    "female_suffixes": param(list, default=[], doc="the same for the feminine pronoun (French -t-elle): a reporting clause that makes its speaker a woman"),
    "female_reporting": param(list, default=[], doc="verbs of saying (singular): a feminine pronoun right after one that "
                              "follows a quotation (« », dijo ella », „…“, sagte sie) makes the speaker a woman"),
    "female_reporting_after": param(list, default=[], doc="verbs of saying after the pronoun (English '…,' she said): "
                                    "a feminine pronoun that closes a quotation before one makes the speaker a woman"),
    "continue_before": param(list, default=[], doc="after a woman known only as a speaker, a masculine pronoun "
                             "before one of these (English 'he added') continues her words and is reported"),
    "reply_verbs": param(list, default=[], doc="verbs of reply: after a woman known only as a speaker, a man who "
                         "answers (« respondió él », « antwortete er ») is not her"),
    "between": param(list, default=[], doc="adverbs that may stand inside a male_before phrase (« a toutefois ajouté »); words in -ment too when given"),
    "male_after": param(list, default=[], doc="if given, a masculine word counts only right after one of these"),
    "male_not_before": param(list, default=[], doc="a masculine word followed by one of these does not count"),
    "impersonal": param(list, default=[], doc="masculine words that are impersonal (French « semble-t-il »)"),
    "impersonal_after": param(list, default=[], doc="a masculine word right after one of these is impersonal (« y a-t-il »)"),
    "neuter_subjects": param(list, default=[], doc="sentence openers whose inverted pronoun stands for them (« Cela vous surprend-il ? »)"),
    "reset_words": param(list, default=[], doc="words that make the antecedent unknown (masculine articles)"),
    "clause_reset_words": param(list, default=[], doc="the same, only when they open a sentence or a clause"),
    "window": param(int, default=3, doc="sentences after the last mention of the woman"),
    "min_female_pronouns": param(int, default=1),
    "female_endings": param(list, default=[], doc="endings of capitalised role nouns that name a woman (German -erin, -entin)"),
    "male_before": param(list, default=[], doc="a masculine word also counts right before one of these (one or two words: « a ajouté »)"),
    "male_before_files": param(list, default=[], doc="lists beside the rule of more male_before phrases, one per line"),
    "male_not_after": param(list, default=[], doc="a masculine word right after one of these (a preposition: Italian « con lui ») does not count"),
    "male_topics": param(list, default=[], doc="sentence-opening masculine subjects that make a man the topic (French « Il »)"),
    "topic_impersonal": param(list, default=[], doc="words after a male_topics word that make it impersonal (« Il faut »)"),
}
_TOPIC_SKIP = frozenset({"ne", "se"})  # « Il ne faut », « Il se peut »

_WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’\-]*+")
_QUOTES_OPEN = "“«„"
_QUOTES_CLOSE = "”»"
_APOS = regex.compile(r"['’].*\Z")


@cache
def _names(path: Path) -> frozenset[str]:
    return frozenset(w.casefold() for line in read_list(path) for w in line.split())


def _closes(text: str, i: int) -> bool:
    """A “ glued to the word before it and followed by a space or a mark closes (German style)."""
    before = text[i - 1] if i else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and before not in "(—–-" and (after.isspace() or after in ".,;:!?)")


def _rare(word: str, lang: str) -> bool:
    """A word no lexicon of the language knows well (a name, not « Die » or « L'actrice »)."""
    from checker import lexicon

    return lexicon.zipf(word, lang) < 3.0


def _after_noun(words: list[tuple[int, int, str]], idx: int, text: str, nouns: frozenset[str]) -> bool:
    """The word at idx comes right after one of ``nouns`` (one or two words, « actress », « la cantante »)."""
    if idx < 1:
        return False
    a = words[idx - 1]
    if text[a[1] : words[idx][0]].strip(" \u00a0") not in ("", ","):
        return False
    one = a[2].casefold()
    raw = text[a[0] : a[1]].casefold().replace("’", "'")
    if one in nouns or ("'" in raw and raw.split("'", 1)[1] in nouns):
        return True  # « actrice », « l'actrice »
    if idx < 2:
        return False
    b = words[idx - 2]
    return text[b[1] : a[0]].strip(" \u00a0") == "" and f"{b[2].casefold()} {one}" in nouns


def _named_on(words: list[tuple[int, int, str]], idx: int, text: str) -> bool:
    """The word at idx is followed, across one space, by another capitalised word (a surname)."""
    if idx + 1 >= len(words):
        return False
    nxt = words[idx + 1]
    return nxt[2][:1].isupper() and text[words[idx][1] : nxt[0]] in (" ", "\u00a0")


#: Quotation marks around a nickname inside a name (Raymond "Chip" Trujillo, Lachlan ‘Lachie’ Donovan).
_NICK_OPEN = frozenset(['"', "“", "‘", "'", "«", "„"])
_NICK_CLOSE = frozenset(['"', "”", "’", "'", "»", "“"])


#: A name with an Arabic or Hebrew prefix of up to three letters (« Al-Kuwari », « Ben-Ami », « Abu-Bakr »):
#: a name wherever it stands (« Kitayama-Filmpreis », a German compound, is none).
_HYPHEN_NAME = regex.compile(r"\p{Lu}\p{Ll}{1,2}+-\p{Lu}[\p{Ll}\p{M}]")


def _after_title(words: list[tuple[int, int, str]], keys: list[str], run_start: int, idx: int, text: str,
                 lang: str) -> bool:
    """The word at idx is a given name after capitalised common words that open its run, and
    before a rare capitalised word: a title and a full name ("Chief Financial Officer Sanjay
    Bhattacharya"), not a place or a body ("Santa Maria Hospital")."""
    if run_start >= idx or idx - run_start > 4 or not _named_on(words, idx, text):
        return False
    return _rare(words[idx + 1][2], lang) and not any(_rare(keys[j], lang) for j in range(run_start, idx))


def _personal(text: str, words: list[tuple[int, int, str]], idx: int, impersonal: frozenset[str]) -> bool:
    """The subject pronoun at idx opens a personal clause: the next word, past « ne » and « se »
    (« n'y », « s'agit »), is no impersonal verb (« Il faut », « Il n'y a », « Il s'agit »)."""
    for j in range(idx + 1, min(idx + 4, len(words))):
        raw = text[words[j][0] : words[j][1]].casefold().replace("’", "'")
        head, apos, rest = raw.partition("'")
        if head == "n" and apos and rest:
            return rest not in impersonal  # « n'y a »
        if head in _TOPIC_SKIP and not apos:
            continue  # « ne », « se »
        return raw not in impersonal  # « faut », « s'agit »
    return False


def _folded(items: list[str], apostrophes: bool = False) -> frozenset[str]:
    """A word-list parameter, case-folded (and with ’ read as ' when `apostrophes`)."""
    return frozenset(w.casefold().replace("’", "'") if apostrophes else w.casefold() for w in items)


def _first_word(text: str, start: int) -> str:
    """The first word of the sentence that opens at `start`, case-folded."""
    m = _FIRST_WORD.match(text, start)
    return m.group(1).casefold() if m else ""


_FIRST_WORD = regex.compile(r"[^\p{L}\n]{0,4}+(\p{L}+)")


def _next_in(text: str, words: list[tuple[int, int, str]], idx: int, phrases: frozenset[str],
             between: frozenset[str] = frozenset()) -> bool:
    """The one or two words after idx, in the same clause, make one of ``phrases`` (« a ajouté »);
    one adverb of ``between`` (or in -ment, when ``between`` is given) may stand before or after the first
    word (« a toutefois ajouté », "he also added")."""
    out: list[str] = []
    skipped = False
    for j in range(idx + 1, min(idx + 4, len(words))):
        if text[words[j - 1][1] : words[j][0]].strip(" \u00a0"):
            break
        word = text[words[j][0] : words[j][1]].casefold().replace("’", "'")
        if between and len(out) <= 1 and not skipped and (word in between or len(word) > 6 and word.endswith("ment")):
            skipped = True
            continue
        out.append(word)
        if " ".join(out) in phrases:
            return True
        if len(out) == 2:
            break
    return False


def _reporting(text: str, start: int) -> bool:
    """The word at start closes a quotation as its reporting clause: a comma, a closing guillemet
    or a dash before it (« …, a-t-elle confié », « … » dit-elle)."""
    before = text[max(0, start - 3) : start].rstrip(" \u00a0\u202f")
    return before.endswith((",", "»", "”", '"', "—", "–"))


def _dash_line(text: str, i: int) -> bool:
    """Offset i lies on a line of dialogue opened by a dash (« — Entrez, dit-elle. »)."""
    reach = max(0, i - 2000)  # a line of dialogue is short: bounded look-back keeps the check linear
    left = text.rfind("\n", reach, i)
    if left < 0 and reach > 0:
        return False
    left += 1
    return text[left : left + 2].lstrip(" \t\u00a0")[:1] in ("—", "–") or text[left : left + 2] == "--"


def _line_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j] in " \t\u00a0":
        j -= 1
    return j < 0 or text[j] in "\n\r"


# The characters that can change the state of ``_quoted``: line breaks, dashes and quotation marks.
_QUOTE_EVENT = regex.compile(r'[\n\r—–“„«”»"]')


def _quoted(text: str, start: int, end: int) -> list[bool]:
    """For each offset in [start, end): True inside a quotation (curly, guillemet, German or straight quotes)."""
    inside = [False] * (end - start)
    stack: list[str] = []
    straight = False
    dash = False  # a line of dialogue opened by a dash (« — Entrez, dit-il. »): speech to its end
    # Only the characters of _QUOTE_EVENT change the state: the offsets between two of them take
    # the state the first one left, filled as one slice (no Python step per character).
    state = False
    pos = start
    for ev in _QUOTE_EVENT.finditer(text, start, end):
        i = ev.start()
        if state and pos < i:
            inside[pos - start : i - start] = [True] * (i - pos)
        pos = i + 1
        ch = text[i]
        if ch in "\n\r":
            dash = False
        elif ch in "—–" and text[i + 1 : i + 2] in (" ", "\u00a0", "\u202f") and _line_start(text, i):
            dash = True
        if ch == "“" and stack and stack[-1] == "„":
            stack.pop()  # German „…“
        elif ch == "“" and _closes(text, i):
            if stack:
                stack.pop()  # a German closing mark whose opening was lost: it opens nothing
        elif ch in _QUOTES_OPEN:
            stack.append(ch)
        elif ch in _QUOTES_CLOSE:
            if stack:
                stack.pop()
        elif ch == '"':
            straight = not straight
        elif ch in "\n\r" and i + 1 < end and text[i + 1] in "\n\r":
            stack, straight = [], False  # a quotation never spans a blank line here
        state = inside[i - start] = bool(stack) or straight or dash
    if state and pos < end:
        inside[pos - start : end - start] = [True] * (end - pos)
    return inside


def build(rule: Rule):  # noqa: ANN201
    p = rule.params
    female_path = rule.resolve(p["female_names"])
    male_path = rule.resolve(p["male_names"])
    gazetteer_paths = tuple(rule.resolve(g) for g in p["gazetteer"])
    female_titles = _folded(p["female_titles"])
    male_titles = _folded(p["male_titles"])
    male_nouns = _folded(p["male_nouns"])
    female_nouns = frozenset(" ".join(w.casefold().split()) for w in p["female_nouns"])
    other_nouns = _folded(p["other_nouns"])
    role_nouns = _folded(p["role_nouns"])
    indefinites = _folded(p["indefinites"])
    female_pronouns = _folded(p["female_pronouns"])
    male_pronouns = _folded(p["male_pronouns"])
    male_suffixes = tuple(w.casefold() for w in p["male_suffixes"])
    female_suffixes = tuple(w.casefold() for w in p["female_suffixes"])
    between = _folded(p["between"], apostrophes=True)
    female_reporting = _folded(p["female_reporting"])
    reply_verbs = _folded(p["reply_verbs"])
    female_reporting_after = _folded(p["female_reporting_after"])
    continue_before = _folded(p["continue_before"])
    male_after = _folded(p["male_after"])
    male_not_before = _folded(p["male_not_before"])
    reset_words = _folded(p["reset_words"])
    impersonal = _folded(p["impersonal"], apostrophes=True)
    impersonal_after = _folded(p["impersonal_after"])
    neuter_subjects = _folded(p["neuter_subjects"])
    clause_reset_words = _folded(p["clause_reset_words"])
    male_topics = _folded(p["male_topics"])
    female_endings = tuple(w.casefold() for w in p["female_endings"])
    listed = [line for f in p["male_before_files"] for line in read_list(rule.resolve(f))]
    male_before = frozenset(" ".join(w.casefold().replace("’", "'").split()) for w in [*p["male_before"], *listed])
    male_not_after = _folded(p["male_not_after"])
    male_before_words = frozenset(w for w in male_before if " " not in w)
    male_after_aux = frozenset(w.split(" ", 1)[1] for w in male_before if w.startswith("a "))
    topic_impersonal = _folded(p["topic_impersonal"], apostrophes=True)
    pronouns = female_pronouns | male_pronouns
    window = p["window"]
    min_female = p["min_female_pronouns"]
    if window < 0 or min_female < 0:
        raise ValueError("window and min_female_pronouns must be >= 0")

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        text = doc.prose
        if not text.strip():
            return
        female_names = _names(female_path)
        male_names = _names(male_path)
        gaz = gazetteer(gazetteer_paths)
        words = []
        for m in _WORD.finditer(text):
            w = m.group()
            if "'" in w or "’" in w:
                w = _APOS.sub("", w)  # the word before its apostrophe (« l'actrice » → « l »)
            start, end = m.span()
            words.append((start, end, w))
        keys = [w.casefold() for _, _, w in words]  # folded once, read by every test below
        if sum(1 for k in keys if k in female_pronouns) < min_female:
            return  # fewer feminine pronouns than needed even counting quoted ones: the quotations are not read
        inside = _quoted(text, 0, len(text))
        if sum(1 for (s, _, _), k in zip(words, keys) if k in female_pronouns and not inside[s]) < min_female:
            return
        sentence_starts = [s.start for s in doc.sentences]
        # The window counts sentences of narration: the sentences of a quotation are the speaker's
        # words, so « …, a-t-il ajouté » after a long quotation is as near its speaker as after a short one.
        narration = [s for s in sentence_starts if s >= len(inside) or not inside[s]]

        def sentence_of(offset: int) -> int:
            return bisect.bisect_right(narration, offset)

        def her_clause(i: int) -> bool:
            """Word i names a woman as the speaker of the quotation it closes: « …, a-t-elle confié »,
            « », dijo ella », „…“, sagte sie, "'…,' she said"."""
            start, _, word = words[i]
            key = word.casefold()
            if female_suffixes and "-" in key and key.endswith(female_suffixes):
                return _reporting(text, start)
            if key not in female_pronouns:
                return False
            if female_reporting and i and words[i - 1][2].casefold() in female_reporting \
                    and not text[words[i - 1][1] : start].strip(" \u00a0") and _reporting(text, words[i - 1][0]):
                return True
            return bool(female_reporting_after) and _reporting(text, start) \
                and _next_in(text, words, i, female_reporting_after)

        # The speakers' clauses, found once: each makes a woman the speaker in the walk below.
        # (her_clause is False but for a feminine pronoun or a hyphenated word: the others are not asked)
        speaking = {words[i][0] for i, k in enumerate(keys) if (k in female_pronouns or "-" in k) and her_clause(i)} \
            if female_suffixes or female_reporting or female_reporting_after else set()
        # A sentence that also speaks of a woman with "she"/"her" has two people in it: its
        # masculine pronouns are someone else's (her own reporting clause is not a second person).
        both = {sentence_of(s) for (s, _, _), k in zip(words, keys) if k in female_pronouns and not inside[s]
                and s not in speaking}

        gender: str | None = None
        last = -10**9  # sentence of the last mention of the woman
        prev_end = -1
        prev_cap = False
        prev_key = ""
        prev_opener = False  # the previous word was a common word opening its sentence
        prev_reported = False  # the previous word was a masculine pronoun reported for the woman
        naming: str | None = None  # "f"/"m" while reading the words of a full name
        surnames: dict[str, str | None] = {}  # surname -> gender, learnt from full names (None: both)
        last_m = -1  # sentence where a man, or a person of unknown gender, was last the antecedent
        last_male = -1  # sentence where a man (a male name, title, noun or pronoun) was last the antecedent
        inv_only = False  # the woman is known only from « a-t-elle »: only a speaker's continuation is reported
        prev_nick = False  # the previous word was a quoted nickname inside a name
        run_start = 0  # index of the first word of the current capitalised run

        #: Words of a full name whose given name tells no gender (« Riley O'Connell »): a surname also
        #: carried by a woman of the article (« Mia O'Connell », his sister) tells nothing either.
        unsexed: set[str] = set()
        either = False  # reading a full name whose given name is given to both (gazetteer "u")

        def learn(word: str, g: str) -> None:
            # a surname carried by a woman and a man of the article (father and daughter) tells nothing
            surnames[word] = g if surnames.get(word, g) == g and word not in unsexed else None
        # sentence_of(start), read from a pointer: the words come in order, so the narration
        # sentences begun at or before a word only grow (no bisection, no call, per word).
        sent = 0
        n_narration = len(narration)
        for idx, (start, end, word) in enumerate(words):
            key = keys[idx]
            cap = word[:1].isupper()
            while sent < n_narration and narration[sent] <= start:
                sent += 1
            # A common word opening the sentence (German « Auch », « Doch »): not the first word of a name
            opener = cap and sent > 0 and narration[sent - 1] == start and key not in female_names \
                and key not in male_names and key not in gaz and not _rare(key, ctx.primary)
            if start in speaking and not (inside[start] and _dash_line(text, start)):
                # « …, a-t-elle confié », even after a quotation whose closing mark was lost: the
                # speaker is a woman. The next « Il a ajouté » is reported only if no one else was
                # named since and none was the subject in the sentences just before hers.
                if gender != "f" and (last_male < 0 or last_male < sent - 1):
                    gender, last, inv_only = "f", sent, True
                elif gender == "f":
                    # she speaks again: a man who answers her (« reprit-il ») is not her
                    last, inv_only = sent, True
                prev_end, prev_cap, prev_key, prev_reported, prev_opener = end, cap, key, False, opener
                continue
            gap = text[prev_end:start].strip(" \u00a0") if prev_end >= 0 else "."
            if naming and cap and gap in _NICK_OPEN and (text[end - 1] in _NICK_CLOSE or text[end:end + 1] in _NICK_CLOSE):
                # A nickname between a given name and a surname (Raymond "Chip" Trujillo): the
                # name goes on, and the surname after it is learnt as that person's.
                prev_end, prev_cap, prev_key, prev_reported, prev_opener, prev_nick = end, cap, key, False, False, True
                continue
            if inside[start]:
                # The people a quotation names are the speaker's topic: they do not take the
                # speaker's place as the antecedent of the reporting clause after it.
                prev_end, prev_cap, prev_key, prev_reported, prev_opener = end, cap, key, False, opener
                continue
            follows = prev_end >= 0 and (gap == "" or prev_nick and gap in _NICK_CLOSE)
            prev_nick = False
            if not (follows and prev_cap):
                run_start = idx  # the first word of a capitalised run (or of none)
            speaks = bool(male_before) and key in male_pronouns and _next_in(text, words, idx, male_before, between)
            if not speaks and key in male_topics and sent and narration[sent - 1] == start \
                    and _personal(text, words, idx, topic_impersonal):
                last_m = last_male = sent  # « Il ajoute que … »: this sentence is about a man
            if not (cap and follows and prev_cap):
                naming, either = None, False
            elif either and key not in pronouns:
                unsexed.add(key)  # « Riley O'Connell »: this surname tells no gender
                if key in surnames:
                    surnames[key] = None
            if cap and gaz.get(key, "f") not in ("f", "m") and key not in pronouns:
                either = True  # a given name of both genders, wherever it stands in the run
            if naming and key not in pronouns and key not in female_names and key not in male_names:
                learn(key, naming)  # the surname of the person just named
                if naming == "f":
                    last = sent
            elif cap and key in female_names or key in female_titles and cap:
                gender, last, naming = "f", sent, "f"
                inv_only = False
            elif cap and (key in male_names or key in male_titles):
                gender, naming = "m", "m"
            elif cap and female_nouns and key not in pronouns and _after_noun(
                words, idx, text, female_nouns
            ):
                # « la chanteuse X Y », « actress X »: the article itself marks X as a woman; X and the
                # words of the name are learned, so a later bare « X » or « Y » is her too.
                gender, last, naming = "f", sent, "f"
                inv_only = False
                learn(key, "f")
            elif cap and female_endings and len(key) > 6 and key.endswith(female_endings) and not (
                follows and prev_cap and not prev_opener
            ):
                # « Vereinspräsidentin Ayşe Demir », « Trainerin »: a role noun that names a woman
                gender, last, naming = "f", sent, "f"
                inv_only = False
            elif cap and key in surnames and key not in pronouns:
                gender = surnames[key]
                if gender == "f":
                    last, inv_only = sent, False
            elif cap and key in gaz and key not in pronouns and (
                given_slot(key, not (follows and prev_cap)) and ("-" in key or _named_on(words, idx, text))
                or _after_title(words, keys, run_start, idx, text, ctx.primary)
            ):
                # A given name of the gazetteer where a given name stands, followed by a surname (a bare
                # capitalised word may be a surname: « Shelley »); later bare mentions are learned.
                g = gaz[key]
                gender, naming = (g, g) if g in ("f", "m") else (None, None)
                if naming:
                    learn(key, naming)
                if g == "f":
                    last, inv_only = sent, False
            elif key in reset_words or key in clause_reset_words and (
                sent and narration[sent - 1] == start or text[prev_end:start].strip() in (",", ";", ":", "—", "–")
            ):
                gender = None  # a masculine article opening a clause: most likely its subject
            elif cap and not (follows and prev_cap) and key not in pronouns and _HYPHEN_NAME.match(word):
                # « Al-Kuwari betonte… »: a name of two capitalised parts, even opening its sentence,
                # is someone the article has not named as a woman.
                gender = None
                last_m = sent
            elif cap and not (follows and prev_cap) and key not in pronouns and not (male_suffixes and key.endswith(male_suffixes)):
                # The start of a capitalised sequence with no known name: another person or a body.
                nxt = words[idx + 1] if idx + 1 < len(words) else None
                if nxt and nxt[2][:1].isupper() and text[end:nxt[0]].strip(" \u00a0") == "":
                    starts_sentence = narration and narration[sent - 1] == start if sent else False
                    if not starts_sentence:
                        gender = None
                    if _rare(key, ctx.primary):
                        last_m = sent  # maybe a man (not « Los Angeles »): the speaker of the woman's sentence
            elif not cap and key in male_nouns:
                # "his father" where "his" was already the woman's: the text writes her as "he",
                # so the next masculine pronouns are still most likely hers.
                if not prev_reported:
                    gender = "m"
            elif not cap and (key in other_nouns or key in role_nouns and prev_key in indefinites):
                gender = None
            elif key in female_pronouns and not inside[start]:
                if gender == "f":
                    last = sent
            elif (
                (bool(male_suffixes) and "-" in key and key.endswith(male_suffixes)
                 or key in male_pronouns and ((not male_after and not male_before) or prev_key in male_after or speaks))
                and not inside[start]
                and not (male_not_before and idx + 1 < len(words) and words[idx + 1][2].casefold() in male_not_before)
                and not (male_not_after and prev_key in male_not_after)
                and key not in impersonal and prev_key not in impersonal_after
                and not (neuter_subjects and "-" in key and sent
                         and _first_word(text, narration[sent - 1]) in neuter_subjects)
            ):
                # A woman known only as the speaker of a quotation: only « Il a ajouté », « ajoute-t-il »
                # continue her words; « reprit-il », « répondit-il » in a dialogue are the other speaker.
                replies = prev_key in reply_verbs or _next_in(text, words, idx, reply_verbs)
                continues = not inv_only or (speaks and not replies) or (
                    bool(continue_before) and _next_in(text, words, idx, continue_before, between)) or (
                    bool(male_after) and prev_key in male_after and not replies) or (
                    "-" in key and key.rsplit("-", 2)[0] in male_before_words) or (
                    key.startswith("a-t-") and _next_in(text, words, idx, male_after_aux, between))
                # A man named in the sentence just before hers may be the one meant: « X said… . She
                # laughed when told of his remarks » (only when she is named in this same sentence).
                after_him = not male_after and last == sent and last_m == sent - 1 and last_m >= 0
                if gender == "f" and sent - last <= window and last_m < last and sent not in both and continues \
                        and not after_him:
                    yield Hit(start, end, confidence=0.7)
                    prev_end, prev_cap, prev_key, prev_reported, prev_opener = end, cap, key, True, opener
                    continue
                # A masculine pronoun taken as a man's (the woman too far, a man named since, two
                # people in the sentence): the man is the topic of this sentence, and a woman the
                # same sentence names later (« Il ajoute que X … ») does not take his place for the
                # next reporting clause.
                last_m = last_male = sent
            if gender == "m" and not opener:
                # a man named in the woman's sentence may be the speaker: « X décrit sa fille Y » (a
                # common word opening the sentence, « Auch », « Ensuite », names no one: the man of
                # the sentence before is not thereby in hers)
                last_m = last_male = sent
            prev_end, prev_cap, prev_key, prev_reported, prev_opener = end, cap, key, False, opener
    return check
