"""Kind ``glued-token``: words, numbers, hashtags and links that lost the space between them.

Extraction drops the separator where a link, a hashtag, an italic run or a
hidden microformat ended, leaving one token made of two. Each rule picks one
``shape``:

- ``markup``: a hashtag or a link glued to what precedes it (``de#Tag``,
  ``mars.#Tag``, ``000#COIN``, ``anonymehttps://…``). ``C#``/``F#`` (no letter
  after ``#``), HTML entities and anything inside a URL are left alone.
- ``date``: a hidden machine-readable date glued to the visible one
  (``( 1972-04-15 )15 avril``), or a year glued to a capitalised word that the
  language's list (or the document itself) knows (``2019Berlin``).
- ``function-word``: a function word of the language glued to a word, found by
  splitting a token that no word list knows into known words (``maisonde`` →
  ``maison de``, ``luiaussi``, ``porcomputadoresde``), or glued to a capitalised word
  (``auMusée``; a one-letter one of ``capital_singles``: ``àParis``) or to an acronym
  (``PSGde``). In English text camel case is code (``onClick``), except, with
  ``english_capital``, a function word glued to a capitalised word that stands alone
  elsewhere in the article (``inLondon`` beside ``London``). The function words come from the
  file ``function_words`` (``{lang}`` is the document's primary language); a
  language without the file is skipped.
- ``name``: a name used elsewhere in the article glued to the next word
  (``Lakeau`` where ``Lake`` stands alone elsewhere; ``Lakesaid``), a word of
  the language glued to a capitalised word (``transcritPlovdiv``), or a name glued
  to a verb with a clitic pronoun (``Bolachatornou-se``).

Never reported: tokens any list of the language or English knows (brands,
``YouTube``, ``iPhone``), tokens repeated in the article (consistent spelling is
a name or a term), camel case in English text (code identifiers), tokens with
digits inside words.

params: ``shape``, ``function_words``, ``min_zipf`` (frequency a part needs to count as a word).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import cache
from pathlib import Path

import regex

from checker import lexicon
from checker.context import Context
from checker.document import Document
from checker.finding import Hit, Severity
from checker.memo import MemoTable
from checker.rules import Rule, param
from checker.wordarrays import folded_counts
from checker.wordlists import fold, read_list

NAME = "glued-token"
PARAMS = {
    "shape": param(str, default="markup", doc="markup | date | function-word | name"),
    "function_words": param(str, default="../{lang}/glue-function-words.txt",
                            doc="function-word list, relative to the rule file; {lang} = primary language"),
    "min_zipf": param(float, default=3.0, doc="frequency a part needs to count as a word"),
    "article_tails": param(list, default=[], doc="articles that, glued after a function word, make a token "
                           "reported even if a web-scale list knows it (English 'fromthe', 'ofthe')"),
    "article_max_zipf": param(float, default=3.5, doc="how frequent such a token may be and still be reported"),
    "content_zipf": param(float, default=0.0, doc="function-word shape: also split a token no list knows into two "
                          "common words of five letters or more, each this frequent (0: off; not in content_skip)"),
    "content_skip": param(list, default=["de", "nl", "sv", "da", "no", "fi", "en"],
                          doc="languages that write compounds as one word: no two-word split"),
    "elided_glue": param(list, default=[], doc="'lang:x' entries: an elided x' glued after a function word of "
                         "lang is reported (French 'fr:l': « del'édifice »)"),
    "prefix_rest_zipf": param(float, default=0.0, doc="function-word shape: a function word that is also a prefix "
                              "(sur, de) glued before a word this frequent is reported when no list knows the token "
                              "and the word before it is no function word (« la course surpiste »); 0: off"),
    "prefix_rest_skip": param(list, default=[], doc="'lang:e1 e2 …': endings of verb forms; a word after a glued "
                              "prefix-like function word that ends so is a derived verb (« sur|jouaient »), never split"),
    "short_part_zipf": param(float, default=0.0, doc="function-word shape: a three-letter word this frequent counts "
                             "as a part next to a function word of four letters or more (« cada|año »); 0: off"),
    "pair_heads": param(list, default=[], doc="'lang:w1 w2 …': prepositions and conjunctions that, glued to an "
                        "article of pair_tails, make a token reported even if a web-scale list knows it rarely "
                        "(« et|des »)"),
    "pair_tails": param(list, default=[], doc="'lang:w1 w2 …': the articles and prepositions of pair_heads' pairs"),
    "pair_max_zipf": param(float, default=2.5, doc="how frequent a glued pair may be (in the language and in "
                           "English) and still be reported"),
    "capital_singles": param(list, default=[], doc="'lang:à …': one-letter function words that, glued before a "
                             "capitalised word no list knows with them, are reported (« àParis »)"),
    "digits_glue": param(bool, default=False, doc="function-word shape: a function word glued to a number "
                         "(« de2-1 », « en2020 ») is reported"),
    "english_capital": param(bool, default=False, doc="function-word shape, English text: a function word glued "
                             "before a capitalised word that stands alone elsewhere in the article (« inLondon » "
                             "beside « London ») is reported; other camel case is code and is left alone"),
    "noun_articles": param(list, default=[], doc="'lang:der die …': articles that, glued at the end of a "
                           "capitalised noun no list knows, are reported when what precedes is a known noun "
                           "(German « Rathaus|der »); for languages that write compounds as one word"),
    "noun_min_zipf": param(float, default=3.0, doc="how frequent the noun before a glued article must be"),
}
_SHAPES = ("markup", "date", "function-word", "name")

# A hashtag glued to a letter, a digit or a sentence mark; a link glued to a letter.
_GLUED_HASHTAG = regex.compile(r"(?<=[\p{L}\p{Nd}.!?,;:)])#\p{L}[\p{L}\p{M}\p{Nd}_]*+")
_GLUED_LINK = regex.compile(r"(?<=\p{L})(?:https?://|www\.(?=[\p{L}\p{Nd}]))")
# Hidden ISO or numeric date in brackets glued to the visible date.
_DATE_PAREN = regex.compile(
    r"\([^\S\r\n]{0,2}+(?:\d{4}-\d{2}-\d{2}|\d{1,2}/\d{1,2}/\d{4}|\d{4}/\d{2}/\d{2})[^\S\r\n]{0,2}+\)(\p{Nd}{1,4}+|\p{L}{1,20}+)"
)
_YEAR_WORD = regex.compile(r"(?<![\p{L}\p{Nd}.,/:-])(1[89]\d\d|20\d\d)(\p{Lu}\p{Ll}{2,}+)(?![\p{L}\p{Nd}])")
_NON_SPACE_BACK = 40
_PLAIN = regex.compile(r"^[\p{L}\p{M}]+$")
_ACRONYM_TAIL = regex.compile(r"^(\p{Lu}{2,}+)(\p{Ll}{2,}+)$")
_LOWER_CAP = regex.compile(r"^(\p{Ll}[\p{Ll}\p{M}]*+)(\p{Lu}[\p{Ll}\p{M}]{2,}+)$")
_CAMEL_INNER = regex.compile(r"\p{Ll}\p{Lu}")
_UPPER = regex.compile(r"\p{Lu}")


def build(rule: Rule):  # noqa: ANN201
    """Validate the shape; the function-word lists are read lazily per language."""
    p = rule.params
    shape = p["shape"]
    if shape not in _SHAPES:
        raise ValueError(f"shape must be one of {', '.join(_SHAPES)}")
    pattern = str(p["function_words"])
    min_zipf = float(p["min_zipf"])
    tails = tuple(str(t).casefold() for t in p["article_tails"])
    content_zipf = float(p["content_zipf"])
    content_skip = frozenset(p["content_skip"])
    tail_zipf = float(p["article_max_zipf"])
    prefix_rest_zipf = float(p["prefix_rest_zipf"])
    short_zipf = float(p["short_part_zipf"])
    pair_max = float(p["pair_max_zipf"])
    noun_min = float(p["noun_min_zipf"])

    def by_lang(key: str) -> dict[str, frozenset[str]]:
        out: dict[str, frozenset[str]] = {}
        for entry in p[key]:
            lang_, sep, words = str(entry).partition(":")
            if not sep or not words.split():
                raise ValueError(f"{key}: {entry!r} is not 'lang:word word …'")
            out[lang_.strip()] = out.get(lang_.strip(), frozenset()) | {fold(w) for w in words.split()}
        return out

    pair_heads, pair_tails, noun_articles = by_lang("pair_heads"), by_lang("pair_tails"), by_lang("noun_articles")
    verb_endings = {k: tuple(sorted(v)) for k, v in by_lang("prefix_rest_skip").items()}

    elided = by_lang("elided_glue")
    singles = {k: frozenset(w.casefold() for w in v) for k, v in by_lang("capital_singles").items()}
    english_capital = bool(p["english_capital"])
    digits_glue = bool(p["digits_glue"])

    def words_for(lang: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]] | None:
        path: Path = rule.resolve(pattern.replace("{lang}", lang))
        if not path.is_file():
            return None
        return _read_function_words(path)

    # Function-word shape: per language, a token's text → its _Verdict (bounded, cleared when full).
    verdicts: dict[str, MemoTable] = {}

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        if shape == "markup":
            yield from _markup(doc)
        elif shape == "date":
            yield from _dates(doc, ctx.primary, min_zipf)
        else:
            if shape == "function-word" and ctx.primary in noun_articles:
                yield from _noun_article(doc, ctx.primary, noun_articles[ctx.primary], noun_min)
            lists = words_for(ctx.primary)
            if lists is None:
                return
            fw, prefixes, endings = lists
            if shape == "function-word":
                lang = ctx.primary
                judged = verdicts.get(lang)
                if judged is None:
                    pairs = (pair_heads.get(lang, frozenset()), pair_tails.get(lang, frozenset()), pair_max)
                    judged = verdicts[lang] = MemoTable(
                        lambda t: _judge(t, lang, fw, prefixes, endings, min_zipf, tails, tail_zipf,
                                         elided.get(lang, frozenset()), 0.0 if lang in content_skip else content_zipf,
                                         0.0 if lang in content_skip else prefix_rest_zipf, short_zipf, pairs,
                                         verb_endings.get(lang, ()), singles.get(lang, frozenset()),
                                         digits_glue))
                yield from _function_word(doc, judged)
                if lang == "en" and english_capital:
                    yield from _english_capital(doc, fw)
            else:
                yield from _names(doc, ctx.primary, fw, endings, min_zipf)

    return check


# ---------------------------------------------------------------- helpers


@cache  # read_list keeps a file's entries for the process: the three sets (about 0.25 ms an article) too
def _read_function_words(path: Path) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """(function words, those never split off a token's start — a trailing ``-``, productive
    prefixes such as ``sur-`` — and those never split off its end — a leading ``-``, common
    endings and enclitic pronouns such as ``-en``, ``-lo``)."""
    entries = [fold(w) for w in read_list(path)]
    return (
        frozenset(w.strip("-") for w in entries),
        frozenset(w.strip("-") for w in entries if w.endswith("-")),
        frozenset(w.strip("-") for w in entries if w.startswith("-")),
    )


def _url_spans(doc: Document) -> list[tuple[int, int]]:
    key = "glued-token:urls"
    spans = doc.cache.get(key)
    if spans is None:
        spans = [(t.start, t.end) for t in doc.tokens if t.kind in ("url", "email")]
        doc.cache[key] = spans
    return spans


def _inside(spans: list[tuple[int, int]], pos: int) -> bool:
    import bisect

    i = bisect.bisect_right(spans, (pos, 1 << 60)) - 1
    return i >= 0 and spans[i][0] <= pos < spans[i][1]


def _run_start(text: str, pos: int) -> int:
    """Start of the run of non-space characters that ends at `pos` (bounded)."""
    lo = max(0, pos - _NON_SPACE_BACK)
    i = pos
    while i > lo and not text[i - 1].isspace():
        i -= 1
    return i


def _counts(doc: Document) -> Counter[str]:
    """How often each word form occurs (case kept), cached per document."""
    c = doc.cache.get("glued-token:counts")
    if c is None:
        c = Counter(t.text for t in doc.words)
        doc.cache["glued-token:counts"] = c
    return c


def _known(word: str, lang: str) -> float:
    """Highest frequency of `word` in the document's language or English."""
    return max(lexicon.zipf(word, lang), lexicon.zipf(word, "en") if lang != "en" else 0.0)


def _known_from(word: str, lang: str, floor: float) -> bool:
    """``_known(word, lang) >= floor``, without the English look-up when the language's own list
    already says yes (most words of an article: a first-seen word costs one look-up, not two)."""
    return lexicon.zipf(word, lang) >= floor or (lang != "en" and lexicon.zipf(word, "en") >= floor)


# ---------------------------------------------------------------- shapes


def _markup(doc: Document) -> Iterator[Hit]:
    prose, text = doc.prose, doc.text
    urls = _url_spans(doc)
    for m in _GLUED_HASHTAG.finditer(prose):
        if _inside(urls, m.start() - 1) or prose[m.start() - 1] == "&":
            continue
        start = _run_start(prose, m.start())
        if start == m.start():
            continue
        glued = text[start:m.start()]
        if len(glued) == 1 and glued.isupper():
            continue  # C#m, F#: a note or a language name, not a glue
        if "#" in glued or "@" in glued:
            start = m.start() - 1  # a run of hashtags: report the glue point only
        # The words after the hashtag, if any, are part of the glue (#Tagvers).
        yield Hit(start, m.end(), (text[start:m.start()] + " " + m.group(),), confidence=0.9)
    for m in _GLUED_LINK.finditer(prose):
        if _inside(urls, m.start() - 1):
            continue
        start = _run_start(prose, m.start())
        word = prose[start:m.start()]
        w = regex.search(r"\p{L}+$", word)
        if w is None or len(w.group()) < 2:
            continue
        start = m.start() - len(w.group())
        end = m.end() - (3 if m.group().endswith("://") else 1)  # 'anonymehttps', 'motwww'
        yield Hit(start, end, (text[start:m.start()] + " " + text[m.start():end],), confidence=0.85)


def _dates(doc: Document, lang: str, min_zipf: float) -> Iterator[Hit]:
    prose, text = doc.prose, doc.text
    for m in _DATE_PAREN.finditer(prose):
        yield Hit(m.start(), m.end(), confidence=0.9, severity=Severity.MINOR)
    counts = _counts(doc)
    for m in _YEAR_WORD.finditer(prose):
        word = m.group(2)
        if _known(word, lang) < min_zipf and counts[word] == 0:
            continue
        if _known(m.group(), lang) > 0:
            continue
        yield Hit(m.start(), m.end(), (m.group(1) + " " + word,), confidence=0.85)
    del text


#: How common the word after two glued function words must be (« de|la|joueuse »).
LED_REST_ZIPF = 3.5


def _split_known(word: str, lang: str, fw: frozenset[str], prefixes: frozenset[str],
                 endings: frozenset[str], min_zipf: float, short_zipf: float = 0.0) -> list[str] | None:
    """Split a folded unknown word into 2-3 known parts, at least one a function word.

    Content parts need ``min_zipf`` in the language (English loanwords need more, and
    five letters) and four letters; function words come from the list (two letters or more).
    Three parts only as function word + word + function word.
    A function word that is also a productive prefix (``sur``) is never the first part, one
    that is also a common ending or an enclitic (``en``, ``lo``) never the last.
    The split with the most frequent weakest part wins. With ``short_zipf``, a three-letter word
    at least that frequent counts as a part next to a function word of four letters or more
    (« cada|año »).
    """
    n = len(word)
    if n > 2 * lexicon.LONGEST_WORD:
        return None  # no two or three parts of it are known words: no split to try
    for pre in _COMPOUND_PREFIXES:
        if word.startswith(pre) and pre not in fw and n - len(pre) >= 4 and lexicon.zipf(word[len(pre):], lang) >= 3.0:
            return None  # « miniálbum », « superfinal »: a prefix on a common word, which the lists lack

    def score(part: str, short: bool = False) -> float | None:
        if part in fw:
            return 9.0
        if len(part) < 4:
            if short and short_zipf and len(part) == 3 and lexicon.zipf(part, lang) >= short_zipf:
                return lexicon.zipf(part, lang)
            return None
        z = lexicon.zipf(part, lang)
        if z >= min_zipf:
            return z
        if lang != "en" and len(part) >= 5:
            ze = lexicon.zipf(part, "en")
            if ze >= min_zipf + 0.5:
                return ze - 0.5
        return None

    best: tuple[float, list[str]] | None = None
    for i in range(2, n - 1):
        if word[:i] in prefixes:
            continue  # « sur|lendemain »: a prefix is never the first part (« los|periodistas » is not « lo »)
        a = score(word[:i], short=word[i:] in fw and n - i >= 4)
        if a is None:
            continue
        b = score(word[i:], short=word[:i] in fw and i >= 4)
        if word[i:] in endings:
            continue
        if b is not None and (word[:i] in fw or word[i:] in fw):
            cand = (min(a, b), [word[:i], word[i:]])
            if best is None or cand[0] > best[0]:
                best = cand
    if best is not None:
        return best[1]
    if n < 9:
        return None
    # A prefix opens a three-part split before an article only (« de|la|joueuse »), when the token
    # is no word at all: before a content word it makes verbs and nouns the word lists lack
    # (« en|fièvre », « sur|ventes », « over|passed »).
    bare = lexicon.zipf(word, lang) == 0 and (lang == "en" or lexicon.zipf(word, "en") == 0)
    for i in range(2, n - 3):
        prefix = word[:i] in prefixes
        if prefix and not bare:
            continue
        a = score(word[:i])
        if a is None:
            continue
        for j in range(i + 2, n - 1):
            b = score(word[i:j])
            if b is None:
                continue
            if word[j:] in endings:
                continue
            c = score(word[j:])
            parts = [word[:i], word[i:j], word[j:]]
            # Only a word wrapped in function words (por|computadores|de), or a common word after
            # two short ones (de|la|joueuse, à|la|maison): other three-part splits cut too many
            # long real words (document|al|mente, ponte|chi|anale).
            if c is None:
                continue
            wrapped = parts[0] in fw and parts[2] in fw and parts[1] not in fw
            led = (parts[0] in fw and parts[1] in fw and parts[2] not in fw and len(parts[1]) <= 3
                   and len(parts[2]) >= 5 and c >= LED_REST_ZIPF)
            if not (led or (wrapped and not prefix)):
                continue
            cand = (min(a, b, c), parts)
            if best is None or cand[0] > best[0]:
                best = cand
    return best[1] if best else None


#: Shortest part of a two-word content split (« abandonado|horas »).
_CONTENT_PART = 5
_VOWELS = frozenset("aeiouyàâäáãåèéêëìíîïòóôöõùúûüýæœ")
_LATIN_PREFIXES = frozenset({
    "inter", "intra", "micro", "macro", "ultra", "super", "hyper", "multi", "extra", "contre", "contra", "entre",
    "anti", "auto", "semi", "poly", "mono", "pseudo", "trans", "infra", "supra", "video", "vidéo", "radio",
    "photo", "cyber", "socio", "psycho", "électro", "electro", "hydro", "thermo", "proto", "archi", "sobre",
})


#: Prefixes that make words of common words (« miniálbum », « maxiprocès »): a token made so is
#: a derived word, not a function word glued to a word (« mi|ni|álbum »).
_COMPOUND_PREFIXES = tuple(sorted(_LATIN_PREFIXES | {"mini", "maxi", "mega", "méga", "giga", "nano"}))


def _split_content(word: str, lang: str, prefixes: frozenset[str], min_zipf: float) -> list[str] | None:
    """Split a folded token that no list of the language or of English knows into two common words
    of the language, each of ``_CONTENT_PART`` letters or more and at least ``min_zipf`` frequent
    (« abandonadohoras » → « abandonado horas »). Not where the first part is a prefix, the second
    opens on a vowel (an inflection the lists lack: « admireraient »), or the cut falls inside a
    doubled consonant."""
    n = len(word)
    if n < 2 * _CONTENT_PART or n > 2 * lexicon.LONGEST_WORD or lexicon.zipf(word, "en") > 0:
        return None
    best: tuple[float, list[str]] | None = None
    for i in range(_CONTENT_PART, n - _CONTENT_PART + 1):
        head, tail = word[:i], word[i:]
        # Not a prefix (« inter|piliers », « micro|crédits »), not an inflection (« admirer|aient »:
        # endings open on a vowel), not a doubled consonant (« regret|tasse »: one word).
        if head in prefixes or head in _LATIN_PREFIXES or tail[0] in _VOWELS or head[-1] == tail[0]:
            continue
        a = lexicon.zipf(head, lang)
        if a < min_zipf:
            continue
        b = lexicon.zipf(tail, lang)
        if b >= min_zipf and (best is None or min(a, b) > best[0]):
            best = (min(a, b), [head, tail])
    return best[1] if best else None


def _restore_case(original: str, parts: list[str]) -> str:
    out, pos = [], 0
    for x in parts:
        out.append(original[pos:pos + len(x)])
        pos += len(x)
    return " ".join(out)


_ELIDED = regex.compile(r"\p{L}{1,5}['’](?=\p{L})")
#: A function word glued to a number (« de2-1 », "in2020"): the word, then the number.
_FW_DIGITS = regex.compile(r"^(\p{Ll}{1,8})(\p{Nd}[\p{Nd}.,:/hH-]*[\p{Nd}hH]?)$")
#: A word of the language glued to an elided article: « condamnél'ancien » (word, article, next word).
_CONTENT_ELIDED = regex.compile(r"^(\p{Ll}[\p{Ll}\p{M}]{3,})(\p{Ll})['’]([\p{L}\p{M}]{3,})$")


def _content_elided(t: str, lang: str, elided: frozenset[str], min_zipf: float) -> _GlueHit | None:
    """« condamnél'ancien »: a frequent word of the language glued to an elided article of
    ``elided_glue`` before a known word. (French writes no word as a word plus « l' » or « d' »:
    « aujourd'hui », « prud'hommes », « grand'mère » begin with no frequent word.)"""
    m = _CONTENT_ELIDED.match(t)
    if m is None or fold(m.group(2)) not in elided:
        return None
    first, rest = m.group(1), m.group(3)
    zf = lexicon.zipf(first, lang)
    if zf < 3.5 or zf < lexicon.zipf(first, "en") + 1.0 or lexicon.zipf(rest, lang) < min_zipf:
        return None
    if _known(first + m.group(2), lang) >= 1.0:
        return None
    return (0, len(t), None, len(first), 0.8)


def _article_tail(word: str, lang: str, fw: frozenset[str], tails: tuple[str, ...], max_zipf: float) -> list[str] | None:
    """A function word glued to an article (``fromthe``, ``ofthe``): web-scale word lists know
    these typos at a low frequency, so they are judged by shape, not by the lists."""
    for tail in tails:
        head = word[: -len(tail)]
        if word.endswith(tail) and len(head) >= 2 and head in fw and lexicon.zipf(word, lang) < max_zipf:
            return [head, tail]
    return None


def _pair(word: str, lang: str, pairs: tuple[frozenset[str], frozenset[str], float]) -> list[str] | None:
    """A preposition or conjunction glued to an article (« et|des », « con|la »): web-scale lists know
    these typos at a low frequency, so they are judged by shape (both parts listed, the head two
    letters or more) and rarity in the language and in English."""
    heads, tails, max_zipf = pairs
    if not heads or word not in _pair_words(heads, tails):
        return None  # (most words: one set look-up instead of a slice and a test per tail)
    for tail in tails:
        head = word[: -len(tail)]
        if (word.endswith(tail) and len(head) >= 2 and head in heads
                and lexicon.zipf(word, lang) < max_zipf and lexicon.zipf(word, "en") < max_zipf):
            return [head, tail]
    return None


@cache
def _pair_words(heads: frozenset[str], tails: frozenset[str]) -> frozenset[str]:
    """Every head + tail that `_pair` can split (a head of two letters or more): a word outside
    this set ends in no tail whose rest is a head."""
    return frozenset(h + t for h in heads if len(h) >= 2 for t in tails)


#: Shortest word after a glued prefix-like function word (« sur|piste »).
_PREFIX_REST = 5
#: Endings of plural and feminine forms: a token that is such a form of a known word is a word.
_INFLECTIONS = ("s", "x", "e", "es", "ée", "ées", "és", "os", "as", "a", "o")


def _prefix_glue(word: str, lang: str, fw: frozenset[str], prefixes: frozenset[str],
                 min_zipf: float, verb_endings: tuple[str, ...] = ()) -> list[str] | None:
    """A function word that is also a productive prefix glued to a common word of the language
    (« sur|piste », « de|datos »), in a token that no list of the language or of English knows.
    The caller checks that the word before is no function word (« la surexposition » is a noun
    after its article, « il se surestimait » a verb after its pronoun); the rest must be a word of the
    language, not of English, at least ``min_zipf`` frequent, of five letters or more and not a verb
    form (``verb_endings``: « sur|jouaient » is a derived verb the lists lack)."""
    if lexicon.zipf(word, lang) > 0 or lexicon.zipf(word, "en") > 0:
        return None
    if any(lexicon.zipf(word[: -len(e)], lang) > 0 for e in _INFLECTIONS if word.endswith(e) and len(word) - len(e) > 5):
        return None  # an inflected form of a derived word the lists know (« surproduits »: « surproduit »)
    best: tuple[float, list[str]] | None = None
    for pre in prefixes:
        rest = word[len(pre):]
        if not word.startswith(pre) or len(rest) < _PREFIX_REST or rest in fw or rest.endswith(verb_endings):
            continue
        z = lexicon.zipf(rest, lang)
        if z >= min_zipf and z >= lexicon.zipf(rest, "en") and (best is None or z > best[0]):
            best = (z, [pre, rest])
    return best[1] if best else None


#: Nouns that end in an article in a compound language (Reisende|r, Lebende|n): participles.
_PARTICIPLE_REST = ("en", "ln", "rn")


def _noun_article(doc: Document, lang: str, articles: frozenset[str], min_zipf: float) -> Iterator[Hit]:
    """An article glued at the end of a capitalised noun in a language that writes compounds as one
    word (German « Rathausder » for « Rathaus der »). Compounds are words: only a token that no list
    of the language or of English knows, ending in an article, whose rest is a noun of the language
    at least ``min_zipf`` frequent (and not more frequent in English), of four letters or more and not
    ending like an infinitive (« Lernender », « Lebenden » are participles)."""
    fcounts = folded_counts(doc)  # shared with the non-word rules: read only
    for tok in doc.words:
        t = tok.text
        if len(t) < 7 or not t[0].isupper() or not _PLAIN.match(t) or _CAMEL_INNER.search(t):
            continue
        w = fold(t)
        if fcounts[w] > 1 or _known(w, lang) > 0:
            continue
        for art in articles:
            rest = w[: -len(art)]
            if not w.endswith(art) or len(rest) < 4 or rest.endswith(_PARTICIPLE_REST):
                continue
            z = lexicon.zipf(rest, lang)
            if z >= min_zipf and z >= lexicon.zipf(rest, "en"):
                yield Hit(tok.start, tok.end, (t[: len(rest)] + " " + t[len(rest):],), confidence=0.8)
                break


#: A token's hit in the function-word shape, relative to the token's start: (start, end, suggestion,
#: cut, confidence). A suggestion of None is the token's text from start to end with a space at
#: ``cut`` (an elided article glued after a function word: « de|l'édifice »), read from the
#: document's text as before.
_GlueHit = tuple[int, int, str | None, int, float]
#: What a token comes to in the function-word shape, whatever the article it is in: its folded
#: text (the caller skips a token the article repeats), whether it may stand before a glued
#: prefix (no function word, three letters or more: « la course surpiste »), its hit when the word
#: before it may, and its hit otherwise (the same but for the prefix test). Only the text of the
#: token, the language and the rule's params decide it, so it is remembered per language.
_Verdict = tuple[str, bool, _GlueHit | None, _GlueHit | None]


def _function_word(doc: Document, judged: MemoTable) -> Iterator[Hit]:
    """The function-word shape's hits; `judged`: token text → its _Verdict, for the run."""
    fcounts = folded_counts(doc)  # shared with the non-word rules: read only
    text = doc.text
    before_ok = False  # the first word has no word before it (« » is no prefix's neighbour)
    for tok in doc.words:
        folded, ok, hit_ok, hit_other = judged[tok.text]
        hit = hit_ok if before_ok else hit_other
        before_ok = ok
        if hit is None or fcounts[folded] > 1:
            continue  # repeated: a name or a term the article uses (no shape below is reported then)
        start, end, suggestion, cut, conf = hit
        start += tok.start
        end += tok.start
        if suggestion is None:
            cut += tok.start
            suggestion = text[tok.start:cut] + " " + text[cut:end]
        yield Hit(start, end, (suggestion,), confidence=conf)


def _english_capital(doc: Document, fw: frozenset[str]) -> Iterator[Hit]:
    """English function word + capitalised word (« inLondon ») where the capitalised word also
    stands alone in the article: a lost space, not code (« onClick » has no « Click » beside it)."""
    counts = _counts(doc)
    fcounts = folded_counts(doc)
    urls: list[tuple[int, int]] | None = None
    for tok in doc.words:
        m = _LOWER_CAP.match(tok.text)
        if m is None:
            continue
        first, rest = m.group(1), m.group(2)
        if len(first) < 2 or fold(first) not in fw or counts[rest] == 0 or fcounts[fold(tok.text)] > 1:
            continue
        if _known(tok.text, "en") >= 1.0:
            continue
        if urls is None:
            urls = _url_spans(doc)
        if _inside(urls, tok.start):
            continue
        yield Hit(tok.start, tok.end, (first + " " + rest,), confidence=0.8)


def _judge(t: str, lang: str, fw: frozenset[str], prefixes: frozenset[str],
           endings: frozenset[str], min_zipf: float, tails: tuple[str, ...] = (),
           tail_zipf: float = 3.5, elided: frozenset[str] = frozenset(),
           content_zipf: float = 0.0, prefix_rest_zipf: float = 0.0, short_zipf: float = 0.0,
           pairs: tuple[frozenset[str], frozenset[str], float] = (frozenset(), frozenset(), 0.0),
           verb_endings: tuple[str, ...] = (), singles: frozenset[str] = frozenset(),
           digits_glue: bool = False) -> _Verdict:
    """The _Verdict of the token `t` (function-word shape)."""
    folded = fold(t)
    ok = folded not in fw and len(folded) > 2
    # Elided article in front (l’auMusée): look at what follows it.
    m_el = _ELIDED.match(t) if "'" in t or "’" in t else None  # (the pattern needs one of them)
    off = m_el.end() if m_el else 0
    core = t[off:]
    head = core.split("-", 1)[0]  # Bolachatornou-se → the first chunk
    if not m_el and digits_glue:
        # A function word glued to a number: « de2-1 », « en2020 », « à18h », "in2019".
        m = _FW_DIGITS.match(t)
        word = m.group(1) if m else ""
        if m and ((len(word) >= 2 and fold(word) in fw) or word in singles) \
                and lexicon.zipf(word, lang) >= lexicon.zipf(word, "en") + (0.0 if lang == "en" else 1.0) \
                and _known(t, lang) < 1.0:
            hit = (0, len(t), word + " " + m.group(2), 0, 0.8)
            return folded, ok, hit, hit
    if len(head) < 4 or not _PLAIN.match(head):
        if elided and not m_el and ("'" in t or "’" in t):
            hit = _content_elided(t, lang, elided, min_zipf)
            if hit is not None:
                return folded, ok, hit, hit
        return folded, ok, None, None
    if m_el and elided:
        # A function word glued to an elided article: « del'édifice », « dansl'équipe ».
        pre = fold(t[: off - 1])
        tail = next((e for e in elided if pre.endswith(e) and fold(pre[: -len(e)]) in fw), None)
        if tail and len(pre) > len(tail) + 1 and lexicon.zipf(head, lang) >= min_zipf:
            hit: _GlueHit = (0, off + len(head), None, off - 1 - len(tail), 0.85)
            return folded, ok, hit, hit
    start = off
    end = start + len(head)
    # The three shapes below need a capital: a token without one (most of them) skips their tests.
    upper = _UPPER.search(head) is not None
    # ACRONYM + function word: PSGde, ONUdes.
    m = _ACRONYM_TAIL.match(head) if upper else None
    if m and fold(m.group(2)) in fw and fold(m.group(2)) not in endings and len(m.group(2)) <= 4:
        if _known(head, lang) < 1.0:
            hit = (start, end, m.group(1) + " " + m.group(2), 0, 0.85)
            return folded, ok, hit, hit
        return folded, ok, None, None
    # function word + Capitalised word: auMusée (not English text: onClick, inArray are code).
    m = _LOWER_CAP.match(head) if upper else None
    if m and lang != "en":
        first, rest = m.group(1), m.group(2)
        single = first.casefold() in singles
        if (
            (fold(first) in fw or single)
            and lexicon.zipf(first, lang) >= lexicon.zipf(first, "en") + 1.0
            # web-scale lists know « àparis » as a rare typo: a one-letter glue is judged by its shape
            and _known(head, lang) < (2.0 if single else 1.0)
        ):
            hit = (start, end, first + " " + rest, 0, 0.85)
            return folded, ok, hit, hit
        return folded, ok, None, None
    if upper and _CAMEL_INNER.search(head):
        return folded, ok, None, None
    # A lowercase token no list knows, made of known words: maisonde, luiaussi.
    if not head[0].islower():
        return folded, ok, None, None
    w = fold(head)
    if len(w) < 4:
        return folded, ok, None, None
    parts = _pair(w, lang, pairs)
    if parts is None and len(w) < 5:
        return folded, ok, None, None
    after_ok = after_other = parts
    if parts is None and _known_from(w, lang, 1.0):
        after_ok = after_other = _article_tail(w, lang, fw, tails, tail_zipf) if tails else None
    elif parts is None:
        after_ok = after_other = _split_known(w, lang, fw, prefixes, endings, min_zipf, short_zipf)
        if after_ok is None:
            # Whether a prefix glue counts depends on the word before (« la course surpiste »,
            # not « la surexposition »): both answers are kept, the caller picks one.
            content = _split_content(w, lang, prefixes, content_zipf) if content_zipf else None
            glued = _prefix_glue(w, lang, fw, prefixes, prefix_rest_zipf, verb_endings) if prefix_rest_zipf else None
            after_ok = glued if glued is not None else content
            after_other = content

    def as_hit(found: list[str] | None) -> _GlueHit | None:
        if found is None or any(a == b for a, b in zip(found, found[1:])):
            return None  # a split into a word twice over (« me me … »): no one glues a word to itself
        return (start, end, _restore_case(head, found), 0, 0.85 if len(found) == 2 else 0.8)

    hit_ok = as_hit(after_ok)
    return folded, ok, hit_ok, hit_ok if after_other is after_ok else as_hit(after_other)


def _names(doc: Document, lang: str, fw: frozenset[str], endings: frozenset[str],
           min_zipf: float) -> Iterator[Hit]:
    counts = _counts(doc)
    fcounts = folded_counts(doc)  # shared with the non-word rules: read only
    text = doc.text
    for tok in doc.words:
        t = tok.text
        head = t.split("-", 1)[0]
        if len(head) < 6 or not _PLAIN.match(head) or not head[0].isupper():
            continue
        if fcounts[fold(t)] > 1 or _known(head, lang) >= 1.0 or head.isupper():
            continue
        start, end = tok.start, tok.start + len(head)
        m = _LOWER_CAP.match(head)
        if m:
            continue  # handled by camel-case rules
        found = None
        # A capitalised word: Name (seen alone elsewhere) + a word: Lakeau, Lakesaid.
        if not _CAMEL_INNER.search(head):
            for i in range(3, len(head) - 1):
                a, b = head[:i], head[i:]
                if counts[a] == 0:
                    continue
                fb = fold(b)
                if fb in fw and fb not in endings and len(b) >= 2:
                    found = [a, b]
                elif len(b) >= 4 and lang != "en" and lexicon.zipf(b, "en") >= 4.0 \
                        and lexicon.zipf(b, lang) <= lexicon.zipf(b, "en") - 2.0:
                    found = [a, b]  # an English word left untranslated after the name
                if found:
                    break
            clitic = "-" in t and fold(t.split("-", 1)[1].split("-")[0]) in fw
            if found is None and clitic:
                # A name glued to a verb that carries a clitic pronoun (Bolachatornou-se): two
                # long frequent words of the language. Without the clitic the shape is that of
                # place names and compounds (Vallegrande, Rochegrosse), never reported.
                for i in range(5, len(head) - 4):
                    a, b = head[:i], head[i:]
                    if lexicon.zipf(a, lang) >= min_zipf + 0.3 and lexicon.zipf(b, lang) >= min_zipf + 0.5 \
                            and lexicon.zipf(b, lang) >= lexicon.zipf(b, "en") + 1.0 \
                            and lexicon.zipf(a, lang) >= lexicon.zipf(a, "en"):
                        found = [a, b]
                        break
        if found is None:
            continue
        yield Hit(start, end, (" ".join(found),), confidence=0.75, severity=Severity.MINOR)
    # A word of the language glued to a capitalised word: transcritPlovdiv (not in English text: code).
    if lang == "en":
        return
    for tok in doc.words:
        m = _LOWER_CAP.match(tok.text)
        if not m or fcounts[fold(tok.text)] > 1:
            continue
        first, rest = m.group(1), m.group(2)
        if len(first) < 4 or fold(first) in fw or _known(tok.text, lang) >= 1.0:
            continue
        zl, ze = lexicon.zipf(first, lang), lexicon.zipf(first, "en")
        if zl >= 1.5 and zl >= ze + 0.5 and _known(rest, lang) < min_zipf:
            # When both parts are common words the camel-join rule reports it.
            yield Hit(tok.start, tok.end, (first + " " + rest,), confidence=0.75, severity=Severity.MINOR)
    del text


def glue_split(word: str, lang: str, min_zipf: float = 3.0) -> list[str] | None:
    """The known words a lowercase token splits into when it is a glue (``luiaussi``), else None.

    For other kinds (the non-word rule leaves glued tokens to the glued-words rules);
    uses the built-in function-word list of `lang`.
    """
    lists = _builtin_function_words(lang)
    if lists is None:
        return None
    fw, prefixes, endings = lists
    w = fold(word)
    if len(w) < 5 or not _PLAIN.match(w):
        return None
    return _split_known(w, lang, fw, prefixes, endings, min_zipf)


@cache  # (finding the built-in rules resolves a path: about 0.3 ms, once per language, not per word)
def _builtin_function_words(lang: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]] | None:
    """The built-in function-word lists of `lang` (``_read_function_words``), None without its file."""
    from checker.rules import builtin_rules_dir

    path = builtin_rules_dir() / lang / "glue-function-words.txt"
    return _read_function_words(path) if path.is_file() else None
