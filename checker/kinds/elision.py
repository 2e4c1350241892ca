"""Kind ``elision``: a word that must drop its vowel before a vowel sound, written in full (« ne appliqueront »).

A table lists the elidable words, their elided forms and, optionally, the only words
before which they elide (« si » elides before « il » and « ils » only). The next word
starts with a vowel sound when its first letter is a vowel, a « y » followed by a
consonant (or « y » alone), or a mute « h ». Words that begin with a vowel letter but a
consonant sound (« onze », « oui », h aspiré words) and whole phrases that keep the full
form (« la une ») come from an exception list. The reported span covers both words; the
suggestion joins them with the apostrophe the document uses most.

params:
- ``table``: file beside the rule, tab-separated: word, elided form, optional ``|``-separated
  list of the only following words that trigger elision.
- ``exceptions``: file beside the rule; one word per line (never elided before), a word
  ending in ``*`` (a prefix), or a phrase of several words starting with the elidable word.
- ``vowels``: the letters that are vowels.
- ``foreign``: languages whose passages are skipped (« me a » in an English quote): when the
  words around the pair are more frequent in one of them than in the document's language.
- ``determiners``: words after which the elidable word is itself a noun, such as a musical note
  (« donner le la au diapason »), so it keeps its form.
- ``loanword_margin``: an h-initial word more frequent in English than in the document's
  language by this Zipf margin is taken as a loanword with an aspirated h (« le hacker »).
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import lru_cache

import regex

from checker.context import Context
from checker.document import Document, Token
from checker.finding import Hit
from checker.lexicon import zipf
from checker.rules import Rule, param
from checker.wordlists import fold, read_list, read_table

NAME = "elision"
PARAMS = {
    "table": param(str, required=True, doc="TSV: word, elided form, optional |-list of triggering next words"),
    "exceptions": param(str, default=None, doc="words, prefixes (word*) or phrases that keep the full form"),
    "vowels": param(str, default="aeiouàâäéèêëîïôöùûüœæ"),
    "foreign": param(list, default=["en", "es", "it", "pt"], doc="languages whose passages are skipped"),
    "loanword_margin": param(float, default=0.0),
    "determiners": param(list, default=[], doc="words after which the elidable word is a noun (« le la aigu »)"),
    "function_word_zipf": param(float, default=6.0,
                                doc="a capitalised next word this frequent lowercased starts a title (« de Un homme »)"),
}

_GAP = frozenset(" \u00a0\u202f")
_APOSTROPHES = ("’", "'")
_WINDOW = 5
_NAME_ZIPF = 5.6
# « la IVe République », « le Ier arrondissement »: read as ordinals, which start with a consonant.
_ROMAN = regex.compile(r"^[IVXLC]+(?:e|er|re|ère|ème|es|ers)?$")
# Quote marks and clause punctuation bound the window of the language test.
_BOUNDARY = regex.compile(r"[«»“”\"‘.!?;:()\n]")


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Read the table and the exceptions once."""
    p = rule.params
    table: dict[str, tuple[str, frozenset[str] | None]] = {}
    for row in read_table(rule.resolve(p["table"])):
        if len(row) < 2 or not row[0] or not row[1]:
            raise ValueError(f"table row {row!r}: expected word, elided form[, next words]")
        nexts = frozenset(fold(w) for w in row[2].split("|") if w.strip()) if len(row) > 2 and row[2] else None
        table[fold(row[0])] = (row[1].replace("’", "'"), nexts)
    words: set[str] = set()
    prefixes: list[str] = []
    phrases: set[tuple[str, ...]] = set()
    if p["exceptions"]:
        for entry in read_list(rule.resolve(p["exceptions"])):
            parts = tuple(fold(w) for w in entry.split())
            if len(parts) > 1:
                phrases.add(parts)
            elif parts[0].endswith("*"):
                prefixes.append(parts[0][:-1])
            else:
                words.add(parts[0])
    prefix_tuple = tuple(prefixes)
    longest_phrase = max((len(ph) for ph in phrases), default=0)
    vowels = frozenset(p["vowels"])
    foreign = tuple(p["foreign"])
    margin = p["loanword_margin"]
    function_zipf = p["function_word_zipf"]
    determiners = frozenset(fold(w) for w in p["determiners"])

    def consonant_exception(key: str) -> bool:
        return key in words or (bool(prefix_tuple) and key.startswith(prefix_tuple))

    def starts_with_vowel_sound(word: str, lang: str) -> bool:
        key = fold(word)
        first = key[0]
        if consonant_exception(key):
            return False
        if first in vowels:
            return not _ROMAN.match(word)
        if first == "y":
            # « y » alone and « Yves » are vowels; « yaourt », « Yémen » start with a consonant.
            return len(key) == 1 or key[1] not in vowels
        if first == "h":
            if word[0].isupper():
                return False  # proper nouns in h are too varied (« de Hollande », « d’Hugo »)
            if len(key) < 2 or key[1] not in vowels:
                return False
            fr = zipf(word, lang)
            return fr > 0 and fr + margin >= zipf(word, "en")
        return False

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        text = doc.prose
        tokens = doc.tokens
        apostrophe = _majority_apostrophe(doc)
        for i in range(len(tokens) - 1):
            tok = tokens[i]
            if tok.kind != "word":
                continue
            entry = table.get(fold(tok.text))
            if entry is None:
                continue
            if tok.start > 0 and text[tok.start - 1] in "-‐‑":
                continue  # a pronoun after its verb, spaced oddly: « qu’ai -je à craindre »
            if i > 0 and fold(tokens[i - 1].text) in determiners and _only_gap(text, tokens[i - 1].end, tok.start):
                continue
            nxt = tokens[i + 1]
            if nxt.kind != "word" or not _only_gap(text, tok.end, nxt.start):
                continue
            elided, triggers = entry
            nkey = fold(nxt.text)
            if triggers is not None:
                if nkey not in triggers:
                    continue
            elif not starts_with_vowel_sound(nxt.text, ctx.primary) or _letter_code(nxt.text):
                continue
            if _phrase_excepted(tokens, i, phrases, longest_phrase):
                continue
            if _name_particle(doc, tokens, i, ctx.primary):
                continue
            if tok.text[0].isupper() and not tok.text.isupper() and not _sentence_start(doc, tok.start):
                continue  # a capital mid-sentence ends a title or starts a name: « Back to Me et … », « Me Dupont »
            if nxt.text[0].isupper() and zipf(nxt.text.lower(), ctx.primary) >= function_zipf and not tok.text[0].isupper():
                continue  # a title inside the sentence: « le film de Un homme et une femme »
            if foreign and _foreign_context(doc, tokens, i, ctx.primary, foreign):
                continue
            suggestion = _cased(elided, tok.text).replace("'", apostrophe) + nxt.text
            yield Hit(tok.start, nxt.end, suggestions=(suggestion,))

    return check


def _letter_code(word: str) -> bool:
    """A letter named on its own or a code of letters and digits (« de A à Z », « de A3 à Baa2 »,
    « de E1 »): read letter by letter, with or without elision; never reported."""
    return (len(word) == 1 and word.isupper()) or (word[:1].isupper() and any(c.isdigit() for c in word))


def _only_gap(text: str, start: int, end: int) -> bool:
    return start < end and all(ch in _GAP for ch in text[start:end])


def _majority_apostrophe(doc: Document) -> str:
    # The document's own style; typographic when it has none or a tie.
    key = "elision.apostrophe"
    if key not in doc.cache:
        text = doc.prose
        straight, curly = text.count("'"), text.count("’")
        doc.cache[key] = "'" if straight > curly else "’"
    return doc.cache[key]


def _cased(elided: str, original: str) -> str:
    if len(original) > 1 and original.isupper():
        return elided.upper()
    if original[0].isupper():
        return elided[0].upper() + elided[1:]
    return elided


def _phrase_excepted(tokens: list[Token], i: int, phrases: set[tuple[str, ...]], longest: int) -> bool:
    if not phrases:
        return False
    run = tuple(fold(t.text) for t in tokens[i : i + longest])
    return any(run[:n] in phrases for n in range(2, len(run) + 1))


def _name_particle(doc: Document, tokens: list[Token], i: int, doc_lang: str) -> bool:
    """« Ana de Armas », « Marine Le Pen »: a particle between capitalised names keeps its form."""
    tok, nxt = tokens[i], tokens[i + 1]
    if not nxt.text[0].isupper():
        return False
    if tok.text[0].isupper() and not tok.text.isupper() and not _sentence_start(doc, tok.start):
        return True  # « Le », « De », « La » inside a sentence belong to a name or a title
    if i == 0:
        return False
    prev = tokens[i - 1]
    if prev.kind != "word" or not prev.text[0].isupper() or not _only_gap(doc.prose, prev.end, tok.start):
        return False
    # At a sentence start every word is capitalised: only a very common word (« Mais ») is no name.
    return not _sentence_start(doc, prev.start) or _known(prev.text.lower(), doc_lang) < _NAME_ZIPF


def _sentence_start(doc: Document, offset: int) -> bool:
    j = offset - 1
    text = doc.prose
    while j >= 0 and text[j] in " \u00a0\u202f\t«“\"'‘(—–-":
        j -= 1
    return j < 0 or text[j] in ".!?…:\n\r»”"


@lru_cache(maxsize=16384)  # bounded: an archive of millions of articles must not grow memory
def _known(word: str, lang: str) -> float:
    return zipf(word, lang)


def _foreign_context(doc: Document, tokens: list[Token], i: int, lang: str, foreign: tuple[str, ...]) -> bool:
    """True when the words around the pair, inside the same quote or clause, read as another language."""
    text = doc.prose
    lo = i
    while lo > 0 and i - lo < _WINDOW and not _BOUNDARY.search(text, tokens[lo - 1].end, tokens[lo].start):
        lo -= 1
    hi = i + 1
    while hi + 1 < len(tokens) and hi - i < _WINDOW + 1 and not _BOUNDARY.search(text, tokens[hi].end, tokens[hi + 1].start):
        hi += 1
    window = [t.text.lower() for t in tokens[lo : hi + 1] if t.kind == "word"]
    for other in foreign:
        votes = 0
        for w in window:
            own, theirs = _known(w, lang), _known(w, other)
            if theirs - own >= 1.0:
                votes += 1
            elif own - theirs >= 1.0:
                votes -= 1
        if votes > 0:
            return True
    return False
