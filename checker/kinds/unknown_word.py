"""Kind ``unknown-word``: a lowercase word that no frequency list of the article's language knows.

Machine translation invents words (a wrong derivation, a half-translated
stem). wordfreq's large lists know several hundred thousand forms per language,
including rare ones, so a lowercase token absent from the document's language
and from the ``also`` languages (English by default) is suspicious. To keep
precision high the kind also accepts:

- elided forms and compounds whose parts are known (``l’`` + word, ``peut-être``), and, outside
  English, recent English coinages (a common English word, then an English -ing or -ism noun:
  ``nearshoring``, ``overtourism``);
- inflected forms wordfreq lacks, when swapping the ending for another ending of
  the same paradigm (``inflections``: groups of interchangeable endings) gives a
  known word: a rare conditional of a real verb passes, a wrong derivation
  (another suffix) does not;
- tokens with digits or capitals, short tokens, words that occur more than once
  (consistent jargon), and every token of a sentence that is mostly made of
  unknown words (a quotation in another language).

A suggestion is given when one close word (edit distance 1–2) is clearly the
most frequent.

A word that only an ``also`` language knows, and rarely (below
``also_anywhere_zipf``), is accepted only next to another word of that language
(a title, a quotation): alone in a French sentence, ``keloid`` is no word. A word
cited alone or nearly in quotation marks (“keloidship”), or right after a naming cue (``naming_cues``: « appelée », « se prononce ») is a
name or a coinage being introduced, and is accepted.

A word with a letter the language's own words lack (``foreign_letters``: k, j,
w, x, y in Italian) is a loanword and is not reported.

With ``unsuggested_info_from``, a long word (at least that many letters) for which
no close word is clear (no suggestion) is reported as ``info``: a misspelt or
garbled word (``dévalorier``) is one edit from a frequent word, and a short
unknown word is rarely anything but a garble, whereas a long word far from every
listed word is as often a learned term of a specialised text (``cholangiolithiase``,
``spondylodiscitis``) as a coinage, so it is shown but never counts.

With ``closest`` (Portuguese for Spanish articles…), a word of that language the article's
language does not know (``checker.kinds._close``: « goleiro », « milhões » in Spanish) is no
invented word but an untranslated one: the leftover-words rule reports it, not this kind.

params: ``elisions``, ``also``, ``inflections``, ``min_length``, ``foreign_share``,
``also_anywhere_zipf``, ``naming_cues``, ``language_names``, ``foreign_letters``,
``unsuggested_info_from``, ``closest``.

A word after a preposition that, a few words away, stands before a language name
(``language_names``: « en darija, en tarifit et en espagnol ») is one more language of a list.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from collections.abc import Iterator

import regex

from checker import lexicon
from checker.context import Context
from checker.document import Document
from checker.finding import Hit, Severity
from checker.kinds._close import close_word
from checker.kinds._gloss import glossed
from checker.kinds._mojibake import damaged_runs, in_damaged_run
from checker.kinds._spelling import close_words
from checker.kinds.glued_token import glue_split
from checker.rules import Rule, param
from checker.wordarrays import folded_counts
from checker.wordlists import fold

NAME = "unknown-word"
PARAMS = {
    "elisions": param(list, default=[], doc="elided words (without apostrophe) split off a token's start"),
    "also": param(list, default=["en"], doc="other languages whose words are accepted"),
    "inflections": param(list, default=[], doc="groups of interchangeable endings, each a list of strings"),
    "min_length": param(int, default=4, doc="shorter tokens are never reported"),
    "foreign_share": param(float, default=0.3, doc="skip sentences with at least this share of unknown words"),
    "min_zipf": param(float, default=1.0, doc="a word at least this frequent counts as known"),
    "prefixes": param(list, default=[], doc="productive prefixes: prefix + known word is accepted"),
    "also_anywhere_zipf": param(float, default=0.0,
                                doc="a word known only in an `also` language is accepted anywhere from this "
                                    "frequency; rarer ones only next to another word of that language (0 = always)"),
    "naming_cues": param(list, default=[], doc="words that introduce a name or a coinage (called, pronounced)"),
    "language_names": param(list, default=[], doc="names of languages: a word listed beside one after the same preposition is one too"),
    "foreign_letters": param(str, default="", doc="letters native words lack (Italian k, j, w, x, y): a loanword"),
    "closest": param(str, default="", doc="the article language's closest language: a word of it the article's "
                                           "language does not know is left to the leftover-words rule (untranslated)"),
    "unsuggested_info_from": param(int, default=0,
                                   doc="a word of at least this many letters with no clear close word is reported "
                                       "as `info` (weak evidence: a rare technical term the lists lack); 0 = never"),
}

_PLAIN = regex.compile(r"^[\p{Ll}\p{M}]+(?:[-'’][\p{Ll}\p{M}]+)*$")
#: A token's verdict not made yet (None is a verdict: nothing unknown).
_UNSEEN: tuple[int, str] = (-1, "")


def build(rule: Rule):  # noqa: ANN201
    """Prepare elision and ending tables."""
    p = rule.params
    elisions = tuple(sorted((fold(e) for e in p["elisions"]), key=len, reverse=True))
    groups = [tuple(str(e) for e in g) for g in p["inflections"]]
    if any(not g for g in groups):
        raise ValueError("every inflection group needs endings")
    paradigms = _Paradigms(groups)
    also = tuple(p["also"])
    # The productive prefixes by length: a word's own prefixes are looked up (one per length),
    # not every prefix of the list tried with startswith (sixty in French).
    prefixes = frozenset(fold(x) for x in p["prefixes"])
    prefix_lengths = tuple(sorted({len(x) for x in prefixes}, reverse=True))
    min_length, share, min_zipf = p["min_length"], p["foreign_share"], p["min_zipf"]
    anywhere = float(p["also_anywhere_zipf"])
    cues = frozenset(fold(w) for w in p["naming_cues"])
    language_names = frozenset(fold(w) for w in p["language_names"])
    foreign_letters = frozenset(p["foreign_letters"])
    unsuggested_info_from = int(p["unsuggested_info_from"])
    closest = str(p["closest"])

    known_by_lang: dict[str, dict[str, bool]] = {}
    # token text → its unknown part (offset, part), or None: what the word loop decides from the
    # token's text alone, which depends only on it and the article's language (kept like known()'s).
    verdicts_by_lang: dict[str, dict[str, tuple[int, str] | None]] = {}

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        primary = ctx.primary  # (a property that splits the tag: read once, not per word)
        langs = (primary, *[lg for lg in also if lg != primary])
        others = langs[1:]
        if not lexicon.table(primary):
            return
        zipf = lexicon.zipf
        # known() depends only on the word and the article's language: kept across articles (bounded).
        known_cache = known_by_lang.setdefault(primary, {})
        if len(known_cache) >= 50_000:
            known_cache.clear()
        verdicts = verdicts_by_lang.setdefault(primary, {})
        if len(verdicts) >= 50_000:
            verdicts.clear()

        def foreign_only(word: str) -> bool:
            """Known in an `also` language only, and too rare there to be accepted anywhere."""
            return (
                anywhere > 0
                and zipf(word, primary) < min_zipf
                and any(min_zipf <= zipf(word, lg) < anywhere for lg in others)
            )

        def known(word: str) -> bool:
            hit = known_cache.get(word)
            if hit is None:
                hit = (
                    # The article's language first, alone: it knows most words asked, and then
                    # foreign_only() is false at its first test.
                    zipf(word, primary) >= min_zipf
                    or (any(zipf(word, lg) >= min_zipf for lg in others) and not foreign_only(word))
                    or paradigms.inflected(word, primary, min_zipf)
                    or any(
                        len(word) - n >= 4 and word[:n] in prefixes
                        # A prefixed rare word would accept too much: the base must be common,
                        # as it stands, or very common through its paradigm (dé + bitumées: bitume);
                        # a rare paradigm would let invented derivations through.
                        and (
                            zipf(word[n:], primary) >= min_zipf + 1.0
                            or paradigms.inflected(word[n:], primary, min_zipf + 2.0)
                        )
                        for n in prefix_lengths
                    )
                    or _closed_compound(word, langs, primary)
                    or (primary != "en" and "en" in langs and _english_coinage(word))
                )
                known_cache[word] = hit
            return hit

        # A copy of the shared counts (the glued-token rules count the same words): pieces are added.
        counts = Counter(folded_counts(doc))
        # Parts of compounds and elided forms count too.
        # (Every piece: the stem of an English possessive, mtlint's, counts as the stem.)
        for t in list(counts):
            for piece in regex.split(r"[-']", t) if ("-" in t or "'" in t) else ():
                counts[piece] += counts[t]
        damaged = bool(damaged_runs(doc))  # most articles have no mojibake: no per-word test then
        for sent in doc.sentences:
            words = doc.tokens_in(sent.start, sent.end)
            words = [t for t in words if t.kind == "word"]
            suspects = []
            for tok in words:
                if damaged and in_damaged_run(doc, tok.start, tok.end):
                    continue  # mojibake (windowâ): the encoding rule reports it
                text = tok.text
                bad = verdicts.get(text, _UNSEEN)
                if bad is _UNSEEN:
                    bad = None
                    w = fold(text)
                    if len(w) >= min_length and _PLAIN.match(text):
                        bad = _unknown_part(w, elisions, known)
                        if bad is not None and foreign_letters and not foreign_letters.isdisjoint(bad[1]):
                            bad = None  # letters the language's own words lack: a loanword (kwaito)
                    verdicts[text] = bad
                if bad is not None:
                    suspects.append((tok, bad))
            if not suspects or len(suspects) >= max(2, share * len(words)):
                continue  # nothing, or a passage in another language
            for tok, (offset, part) in suspects:
                if counts[part] > 1 or counts.get(part + "s") or part.endswith("s") and counts.get(part[:-1]):
                    continue  # a term used consistently (its plural too) is likelier jargon than an invented word
                if _in_foreign_quote(doc, tok, sent.start, sent.end, ctx.primary):
                    continue
                if closest and close_word(part, ctx.primary, closest):
                    continue  # « goleiro » in Spanish: Portuguese left untranslated, reported by MT123
                if glue_split(part, ctx.primary) is not None:
                    continue  # two known words glued (luiaussi): the glued-words rules report it
                if _short_quote(doc, tok):
                    continue  # a term cited in quotation marks (“keloidship”) is named, not used
                k = words.index(tok)
                if cues and any(fold(t.text) in cues for t in words[max(0, k - 3):k]):
                    continue  # « appelée zavrino », « se prononce tsuru »: a name or a coinage being introduced
                if language_names and _listed_language(words, k, language_names):
                    continue  # « en darija, en tarifit et en espagnol »: one more language of a list
                if _binomial(doc.text, words, k, ctx.primary):
                    continue  # « Ybysaurus polesinensis », « Homo naledi »: a species' Latin name
                if _among_names(doc.prose, words, k):
                    continue  # « Entre lumora, KAIRO, StarVale ou NOVA »: a stylised name in a list of names
                if glossed(doc.text, tok.start, tok.end, ctx.primary, loose=True):
                    continue  # « le gotong-royong, la tradition du nettoyage collectif »: explained on purpose
                if foreign_only(part) and any(
                    _foreign_word(t.text, ctx.primary, others) for t in words[max(0, k - 3):k + 4] if t is not tok
                ):
                    continue  # a rare English word among English words: a quotation or a title
                start = tok.start + offset
                end = start + len(part)
                if end > tok.end or fold(doc.text[start:end]) != part:
                    # Folding changed the length (NFC, ligatures such as ﬁ): report the whole token.
                    start, end = tok.start, tok.end
                fix = _suggest(part, ctx.primary)
                conf = 0.9 if len(part) >= 7 else 0.75
                severity = None if conf >= 0.9 else Severity.MINOR
                if unsuggested_info_from and not fix and len(part) >= unsuggested_info_from:
                    severity = Severity.INFO  # long and far from every known word: likelier a learned term
                yield Hit(start, end, (fix,) if fix else (), confidence=conf, severity=severity)

    return check


# Both halves of a closed compound (watt + heures) must be common words: rarer
# halves would let invented words through (most strings split into two rare words).
# The tail must be a longer word: short common words (nage, rage, âge) end many
# invented derivations (revalorisationnage).
_COMPOUND_ZIPF = 3.0
_COMPOUND_PART = 4
_COMPOUND_TAIL = 5


def _closed_compound(word: str, langs: tuple[str, ...], primary: str) -> bool:
    """True when `word` is two common words written together (wattheures, radiotélescope)."""
    if len(word) > 2 * lexicon.LONGEST_WORD:
        return False  # no two halves of it are known words
    for i in range(_COMPOUND_PART, len(word) - _COMPOUND_TAIL + 1):
        head, tail = word[:i], word[i:]
        if lexicon.zipf(tail, primary) >= _COMPOUND_ZIPF and any(
            lexicon.zipf(head, lg) >= _COMPOUND_ZIPF for lg in langs
        ):
            return True
    return False


#: Function words that do not open an English coinage (a glued "thebanking" is no loanword).
_NOT_HEADS = frozenset(["the", "and", "for", "with", "from", "that", "this", "his", "her", "our", "your", "their",
                        "its", "not", "but", "all", "any", "one", "two", "was", "are", "has", "had", "you", "she",
                        "him", "who", "how", "why"])


def _listed_language(words: list, k: int, names: frozenset[str]) -> bool:  # noqa: ANN001
    """True when the word at `k` follows a preposition (« en », "in") that also stands, within the
    next or previous few words, before a language name of `names`: a list of languages."""
    if k == 0:
        return False
    prep = fold(words[k - 1].text)
    for j in range(max(1, k - 6), min(len(words), k + 7)):
        if j != k and fold(words[j - 1].text) == prep and fold(words[j].text) in names:
            return True
    return False


#: What joins the items of a list: a comma, or a conjunction of one of the packs' languages.
_LIST_JOIN = regex.compile(r"[ \u00a0]*(?:,|&|/)[ \u00a0]*|[ \u00a0]+(?:and|or|nor|et|ou|ni|y|e|o|u|ni|und|oder|sowie|bzw\.|och|ed|od)[ \u00a0]+")


#: Endings of the second, lowercase word of a Latin species name (« polesinensis », « rex »,
#: « sapiens », « naledi », « lucasi », « aegypti », « mirabilis », « gigas »).
_EPITHET = regex.compile(r"\p{Ll}{3,}(?:ensis|ense|i|ii|ae|us|a|um|is|oides|atus|ata|atum|ens|ax|ex|ix|as|es|on)")
#: Endings of a genus name (« -saurus », « -therium », « -pithecus », « -ella », « -ia », « -ops »).
_GENUS = regex.compile(r"\p{Lu}\p{Ll}{2,}(?:us|um|a|ia|ops|on|ix|ax|ys|es|is|yx|ella|ina)")


def _binomial(text: str, words: list, k: int, lang: str) -> bool:  # noqa: ANN001
    """True when the word at `k` is the epithet of a species' Latin name: right after a capitalised
    word, across one space, that the language hardly knows and that ends as a genus does
    (« Ybysaurus polesinensis », « Tyrannosaurus rex »), and ending as an epithet does."""
    if k < 1 or not _EPITHET.fullmatch(words[k].text):
        return False
    genus = words[k - 1]
    if text[genus.end : words[k].start] not in (" ", "\u00a0") or not _GENUS.fullmatch(genus.text):
        return False
    return lexicon.zipf(genus.text, lang) < 3.0


def _among_names(text: str, words: list, k: int) -> bool:  # noqa: ANN001
    """True when the word at `k` is an item of a list whose neighbouring item is a name: a
    capitalised word inside the sentence, joined to it by a comma or a conjunction (« Entre lumora,
    KAIRO, StarVale ou NOVA », "the league of lumora or KAIRO"). A lowercase unknown word
    among names is a name styled in lowercase, as bands and brands are. Not a word right after a
    capitalised word inside the sentence: « Maya lindqvst, Katy Perry » is a mangled surname."""
    if k > 1 and words[k - 1].text[:1].isupper() and not text[words[k - 1].end : words[k].start].strip():
        return False
    for j in (k - 1, k + 1, k - 2, k + 2):  # (a conjunction is a word between the two items)
        if j < 0 or j >= len(words):
            continue
        a, b = (words[j], words[k]) if j < k else (words[k], words[j])
        if not _LIST_JOIN.fullmatch(text, a.end, b.start):
            continue
        other = words[j]
        if other.text[:1].isupper() and j > 0:
            return True
    return False


def _english_coinage(word: str) -> bool:
    """True when `word` is a recent English coinage written the English way (nearshoring,
    overtourism, doomscrolling, sportswashing): a common English word, then an English -ing or
    -ism noun. The press of every language takes them over as they are, and word lists made
    before they spread do not know them."""
    if len(word) > 2 * lexicon.LONGEST_WORD or not word.endswith(("ing", "ism", "ings", "isms")):
        return False
    for i in range(3, len(word) - 5):
        head, tail = word[:i], word[i:]
        if head not in _NOT_HEADS and lexicon.zipf(tail, "en") >= 2.3 and lexicon.zipf(head, "en") >= 3.5:
            return True
    return False


_SENTENCE_MARK = regex.compile(r"[,;:.!?…]")
_SHORT_QUOTE = regex.compile(r"[«“\"‘]([^«»“”\"‘’\r\n]{1,40}+)[»”\"’]")


def _short_quote(doc: Document, tok) -> bool:  # noqa: ANN001
    """True when the token is one of at most three words between quotation marks, or a word of a
    quoted title (« Le ragazze della lastroferratura »: a capital first, six words at most, no
    sentence punctuation): a title is named, not written by the translation."""
    lo = max(0, tok.start - 42)
    for m in _SHORT_QUOTE.finditer(doc.prose, lo, min(len(doc.prose), tok.end + 42)):
        if m.start(1) <= tok.start and tok.end <= m.end(1):
            inner = m.group(1)
            n = len(inner.split())
            return n <= 3 or (n <= 6 and inner[:1].isupper() and not _SENTENCE_MARK.search(inner))
    return False


def _foreign_word(word: str, lang: str, others: tuple[str, ...], margin: float = 1.5) -> bool:
    """True when `word` is clearly a word of another language than `lang` (the, with, told): a
    frequent word of one of `others`, `margin` more frequent there than in `lang`."""
    z = lexicon.zipf(word, lang)
    return any(lexicon.zipf(word, lg) >= 3.0 and lexicon.zipf(word, lg) >= z + margin for lg in others)


#: A quotation: « … », “ … ”, "…", and single quotes (‘…’, '…', British style), whose closing mark
#: is no apostrophe (no letter after it: « 'O Rui quer jogar, isso não é segredo,' she said »).
_QUOTE = regex.compile(
    r"«[^«»]*»|“[^“”]*”|\"[^\"]*\""
    r"|(?<![\p{L}\p{N}])‘(?:[^‘’\n]|’(?=\p{L}))+’(?![\p{L}\p{N}])"
    r"|(?<![\p{L}\p{N}])'(?=\p{L})(?:[^'\n]|'(?=\p{L}))+'(?![\p{L}\p{N}])"
)


def _in_foreign_quote(doc: Document, tok, start: int, end: int, lang: str) -> bool:  # noqa: ANN001
    """True when the token sits in a quotation holding another word foreign to `lang`. The
    quotation is looked for on the token's line around its sentence [start, end): a quotation of
    two sentences closes in the next one (« "Kami mahu … sendiri. Tekanan itu perkara biasa," »)."""
    text = doc.prose
    line_start = max(text.rfind("\n", 0, start) + 1, start - 600)
    line_end = text.find("\n", end, end + 600)
    for m in _QUOTE.finditer(text, line_start, min(len(text), end + 600) if line_end < 0 else line_end):
        if m.start() > tok.start:
            break
        if m.start() < tok.start and tok.end < m.end():
            others = [t for t in doc.tokens_in(m.start(), m.end()) if t.kind == "word" and t is not tok]
            return any(_quoted_foreign(t.text, lang) for t in others)
    return False


#: The languages a short quotation in an article most often comes from (wordfreq lists).
_QUOTE_LANGS = ("en", "fr", "de", "es", "it", "pt", "nl")


def _quoted_foreign(word: str, lang: str) -> bool:
    """A word that `lang` hardly knows, or that another language uses far more (Dutch « het »,
    « een », frequent in French only through names and quotations): one of a foreign quotation."""
    if lexicon.zipf(word, lang) < 2.0:
        return True
    return len(word) >= 2 and _foreign_word(word, lang, tuple(x for x in _QUOTE_LANGS if x != lang), margin=3.0)


def _unknown_part(word: str, elisions: tuple[str, ...], known) -> tuple[int, str] | None:  # noqa: ANN001
    """(offset, part) of the first unknown part of a folded token, or None when all are known."""
    if known(word):
        return None
    if "'" not in word and "-" not in word:
        return (0, word) if len(word) >= 4 else None  # one part, the word itself (most tokens)
    offset = 0
    for e in elisions:
        if word.startswith(e + "'") and len(word) > len(e) + 1:
            offset = len(e) + 1
            word = word[offset:]
            if known(word):
                return None
            break
    pos = offset
    for part in regex.split(r"([-'])", word):
        if part in ("-", "'"):
            pos += 1
            continue
        if len(part) >= 4 and not known(part):
            return pos, part
        pos += len(part)
    return None


class _Paradigms:
    """The ``inflections`` table: groups of interchangeable endings (one paradigm each)."""

    __slots__ = ("endings", "longest", "stable")

    def __init__(self, groups: list[tuple[str, ...]]) -> None:
        # ending → the other endings of its groups, each once (an ending shared by two groups,
        # « ons » of the -er and -re verbs, would otherwise have its partners looked up twice).
        others: dict[str, dict[str, None]] = {}
        for g in groups:
            for e in g:
                others.setdefault(e, {}).update((o, None) for o in g if o != e)
        self.endings = {e: tuple(o) for e, o in others.items()}
        self.longest = max((len(e) for e in others), default=0)
        # Endings made of Latin letters that folding leaves alone: then a stem that folding leaves
        # alone, followed by any of them, is its own folded form (the key the word list is asked),
        # which lets `inflected` skip a stem no listed word begins with.
        self.stable = all(
            fold(e) == e and all(unicodedata.name(c, "").startswith("LATIN ") for c in e) for e in others
        )

    def inflected(self, word: str, lang: str, min_zipf: float) -> bool:
        """True when replacing the word's ending by another of its paradigm gives a word at least
        `min_zipf` frequent in `lang`."""
        # The word's own endings, one suffix per length looked up (longest first), not every
        # ending of the table tried (a hundred in French).
        has_prefix = getattr(lexicon.table(lang), "has_prefix", None)
        if not (self.stable and min_zipf > 0 and fold(word) == word):
            has_prefix = None
        n = len(word)
        for size in range(min(self.longest, n - 3), -1, -1):
            end = word[n - size:]
            others = self.endings.get(end)
            if others is None:
                continue
            stem = word[: n - size]
            # Most stems tried are no listed word's beginning (the words asked are unknown ones,
            # elided forms « l'xyz » among them): one step into the trie then answers for the
            # forty-odd endings of a verb paradigm. A form that no word equals has zipf 0.
            if has_prefix is not None and not has_prefix(stem):
                continue
            for other in others:
                if lexicon.zipf(stem + other, lang) >= min_zipf:
                    return True
        return False


def _suggest(word: str, lang: str) -> str | None:
    """The one-edit neighbour that is clearly the most frequent, if there is one (two edits guess too wildly)."""
    cands = [c for c in close_words(word, lang, 1) if c[2] >= 2.5]
    if not cands:
        return None
    best = max(cands, key=lambda c: c[2])
    if any(c is not best and c[2] > best[2] - 1.0 for c in cands):
        return None
    return best[0]
