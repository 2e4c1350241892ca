"""Kind ``leftover-words``: short leftovers (one to a few words) of a source language.

Machine translation of news from Indonesian, Vietnamese, Turkish, English and
other languages often leaves single words untranslated inside otherwise
translated sentences: a conjunction (``dan`` for "and"), a reporting verb
(``ujarnya`` "he said"), a suffixed noun (``pendukungnya`` "his supporters"), a
Vietnamese word with its diacritics. Sentence-level language identification
cannot see them; this kind judges each lowercase word:

- a *function word* of a source language (a list beside the rule, one file per
  language: ``leftover-words-<lang>.txt``) that is no function word of the
  document's language and at least ``margin`` Zipf points more frequent in the
  source language than in the document's (``dan``: Indonesian 7.4, Italian 4.2);
- a *content word* unknown to the document language's word list and frequent
  (Zipf ``content_zipf`` or more) in a source language, at least
  ``content_min_len`` letters long (``diresmikan``, ``berkolaborasi``);
- a word with letters only Vietnamese uses (``ư``, ``ơ``, ``đ``, ``ạ``, ``ả``…).

Then a vote: a lone short function word (two letters, or less frequent than
``strong_zipf`` in its language) is reported only with a neighbour (within
``window`` words) that is also a leftover of the same language. Adjacent
leftovers make one finding.

A clause of at most ``short_clause`` words besides names (a caption, a greeting, the closing
formula of a statement) made mostly of one source language's leftovers is too short for the
foreign-passage rule: it is reported whole, and there only a capitalised word opening the
clause is judged too, lowercased (« Saygıyla kamuoyuna duyurulur »).

A quotation of speech (introduced by a colon, or ending as a sentence) of four words or more,
most of them leftovers of one distant source language (Indonesian and Malay together,
Vietnamese, Turkish, Filipino), is reported whole unless a translation in parentheses follows
it; a title in quotation marks is not speech: no language identifier of the target languages names
these languages, and a reader cannot read it (« "Terima kasih banyak atas dukungan kalian
semua" »).

Never reported: a word the article explains (``checker.kinds._gloss``: « le gotong-royong, la
tradition du nettoyage collectif », « le hanbok (costume traditionnel) »).

Never judged otherwise: capitalised words (names, titles), words inside quotation marks,
URLs, handles and hashtags, name particles before a capitalised word (``van``,
``bin``, ``de``), and a function word between two capitalised words of its own
language (``Game of Thrones`` in a French article is a title, ``Blue Night dan Summer Rain``
is not).

params: ``sources`` (languages to look for), ``margin``, ``content_zipf``,
``content_min_len``, ``strong_zipf``, ``window``, ``max_doc_zipf`` (a word this
frequent in the document's language is never a leftover).
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Mapping
from functools import cache
from pathlib import Path

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit, Severity
from checker.kinds._close import CLOSE_ZIPF, close_word
from checker.kinds._gloss import glossed
from checker.kinds._names import VIETNAMESE_LETTER
from checker.memo import MemoGet, MemoTable, bounded_memo
from checker.rules import Rule, param
from checker.wordlists import fold, read_list

NAME = "leftover-words"
PARAMS = {
    "sources": param(list, default=["id", "ms", "vi", "tr", "fil", "en", "nl", "de", "es", "it", "pt", "fr"],
                     doc="source languages whose leftovers are looked for"),
    "lists": param(str, default="leftover-words-{lang}.txt", doc="list file per language, beside the rule"),
    "margin": param(float, default=2.5, doc="Zipf points a function word must gain in its source language"),
    "content_zipf": param(float, default=3.0, doc="Zipf frequency of a content word in its source language"),
    "content_min_len": param(int, default=5, doc="letters a content word needs"),
    "strong_zipf": param(float, default=6.5, doc="a function word this frequent (and 3+ letters) stands alone"),
    "window": param(int, default=3, doc="words between two leftovers that support each other"),
    "max_doc_zipf": param(float, default=4.6, doc="a word this frequent in the document's language is no leftover"),
    "short_clause": param(int, default=5, doc="words (names aside) of a clause short enough to be reported whole when foreign"),
    "closest": param(dict, default={}, doc="article language → its closest language, whose words the article's "
                                           "language does not know are strong leftovers (es = \"pt\")"),
    "romanized": param(str, default=None, doc="list beside the rule: word<TAB>language, romanized words of a "
                                              "language in another script (Korean oppa), strong leftovers"),
    "romanized_skip": param(list, default=[], doc="article languages where the romanized list is the press's own vocabulary (English K-pop press: maknae, unnie)"),
    "loanwords": param(list, default=[], doc="words of source languages that the press of every target language uses as its own (umrah, iftar, batik, rendang): never leftovers"),
    "romanized_press": param(dict, default={}, doc="article language → words of the romanized list its press keeps as its own (English: maknae, oppa, senpai); the others (greetings, thanks, congratulations) stay leftovers"),
    "cheers": param(dict, default={}, doc="word → language: a word of the article's languages that source-language fans use as a cheer (Korean « fighting »), a leftover only as an exclamation of its own, unquoted, in an article of another language"),
}

_WORD = regex.compile(r"\p{L}[\p{L}\p{M}]*+(?:[-'’]\p{L}[\p{L}\p{M}]*+)*+")
#: What is never judged: quotations, URLs, e-mail addresses, handles and hashtags.
_GUARD_SOURCES = (
    r"«[^«»\n]{0,400}»", r"“[^“”\n]{0,400}”", r"„[^„“”\n]{0,400}[“”]", r"\"[^\"\n]{0,400}\"", r"‘[^‘’\n]{0,200}’",
    r"(?<!\w)'[^'\n]{1,120}'(?!\w)", r"(?:https?://|www\.)\S++", r"(?<![\w.+-])[\w.+-]++@[\w-]++\.[\w.]++", r"[@#][\w.]*\w",
)
#: The alternation as one expression (the reference ``_guarded`` follows).
_GUARD = regex.compile("|".join(_GUARD_SOURCES))
_GUARD_PARTS = tuple(regex.compile(source) for source in _GUARD_SOURCES)


def _guarded(text: str) -> list[tuple[int, int]]:
    """The spans of ``_GUARD.finditer(text)``, found about ten times faster: the alternation
    makes the engine try all nine alternatives at every position of the article, while each
    alone is searched by its first character (``kinds.pattern.branch_matches`` merges their
    matches as the alternation chooses them)."""
    from checker.kinds.pattern import branch_matches

    found = branch_matches(_GUARD_PARTS, text)
    return [m.span() for m in (found if found is not None else _GUARD.finditer(text))]


# Name particles: lowercase words inside personal and place names of many languages.
_PARTICLES = frozenset(
    ["van", "von", "der", "den", "de", "des", "du", "da", "di", "del", "della", "dos", "das", "do", "la", "le", "les", "ter", "ten", "te", "zu", "zur", "af", "av", "bin", "binti", "ibn", "bint", "al", "el", "y", "e", "und", "of", "the", "op", "in", "het", "na", "an", "ni", "nic", "mac", "ua", "los", "las", "dela", "delos", "delas", "degli", "dei", "vom"]
)
_WORDFREQ = {"tl": "fil"}
# Between a name and the next word: spaces, or a short parenthesis ("Bar (1978) dan").
_PAREN_GAP = regex.compile(r"[ \u00a0]*+(?:\([^()\n]{0,20}\)[ \u00a0]*+)?")
# Clause boundaries inside a sentence: a quoted or introduced foreign clause is judged apart.
_CLAUSE_BREAK = regex.compile(r"[:;«»“”\"—–]|\p{Extended_Pictographic}")
_EMOJI = regex.compile(r"\p{Extended_Pictographic}")
# Source languages far from the European article languages: a word of theirs that is also a
# word of the article's language is a coincidence, not a shared word or a quotation.
_DISTANT = frozenset({"id", "ms", "vi", "tr", "fil"})
#: Languages written in another script, whose words reach a Latin-script article romanized (the
#: ``romanized`` table): never a word the article's language shares.
_ROMANIZED = frozenset({"ko", "ja", "th", "zh"})
_GROUPS = ({"fr", "es", "it", "pt", "ca"}, {"de", "nl"}, {"id", "ms"})
#: German articles before a noun (a capitalised word after one is a noun, not a name, as often as not).
_DE_ARTICLES = frozenset({"der", "die", "das", "den", "dem", "des", "ein", "eine", "einen", "einem", "einer", "eines"})


#: ``lowercase_table``'s answer for a token with a capital: judged by the whole loop of ``check``.
_CAPITALISED = object()


def _close(a: str, b: str) -> bool:
    return any(a in g and b in g for g in _GROUPS)


# A plain class, not a dataclass: making a dataclass costs about 0.5 ms of start-up (it execs its
# generated methods), and this private record is never compared, hashed nor printed.
class _Cand:
    __slots__ = ("index", "start", "end", "lang", "level", "initial", "quoted", "label")

    def __init__(self, index: int, start: int, end: int, lang: str, level: int,
                 initial: bool = False, quoted: bool = False, label: bool = False) -> None:
        self.index = index
        self.start = start
        self.end = end
        self.lang = lang
        self.level = level
        self.initial = initial  # a capitalised word opening its clause, judged lowercased
        self.quoted = quoted  # inside a quotation that is otherwise in the document's language
        self.label = label  # a credit label opening its line (« Ảnh: »), reported whatever the sentence


@cache
def _source_freqs(lang: str) -> Mapping[str, float]:
    from checker import langid
    from checker.lexicon import frequencies

    try:
        if lang in langid.SUPPORTED:
            # The same list as the language vote's, through its memo of the run: the vote of language
            # detection has already asked most of the article's words (same answers, from a dict).
            return langid.small_list(lang)
        return frequencies(lang, "small")
    except (LookupError, ValueError, OSError):
        return {}


def _zipf_small(word: str, lang: str) -> float:
    import math

    f = _source_freqs(lang).get(word)
    return math.log10(f) + 9 if f else 0.0


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Read the params; the lists and word frequencies load lazily in check()."""
    p = rule.params
    sources = [_WORDFREQ.get(s, s) for s in p["sources"]]
    margin, content_zipf, min_len = p["margin"], p["content_zipf"], p["content_min_len"]
    strong_zipf, window, max_doc = p["strong_zipf"], p["window"], p["max_doc_zipf"]
    short_clause = p["short_clause"]
    template = p["lists"]
    if "{lang}" not in template:
        raise ValueError("lists must contain {lang}")
    if window < 0 or min_len < 2:
        raise ValueError("window must be >= 0 and content_min_len >= 2")

    closest: dict[str, str] = {str(k): str(v) for k, v in p["closest"].items()}
    romanized_file = rule.resolve(p["romanized"]) if p["romanized"] else None
    romanized_skip = frozenset(p["romanized_skip"])
    romanized_press = {str(k): frozenset(fold(w) for w in v) for k, v in p["romanized_press"].items()}
    loanwords = frozenset(fold(w.lower()) for w in p["loanwords"])
    cheers = {fold(str(k)): str(v) for k, v in p["cheers"].items()}

    @cache
    def romanized_for(doc_lang: str) -> dict[str, str]:
        """The romanized table for an article language: without the words its press keeps."""
        if doc_lang in romanized_skip:
            return {}
        press = romanized_press.get(doc_lang)
        table = romanized()
        return {w: lang for w, lang in table.items() if w not in press} if press else table

    @cache
    def romanized() -> dict[str, str]:
        """Romanized words (Korean « maknae », Japanese « senpai ») → their language."""
        from checker.wordlists import read_table

        if romanized_file is None:
            return {}
        return {fold(row[0]): row[1].strip() for row in read_table(romanized_file) if len(row) > 1}

    @cache
    def function_words(lang: str) -> frozenset[str]:
        path: Path = rule.resolve(template.format(lang=lang))
        if not path.exists():
            return frozenset()
        return frozenset(fold(w) for w in read_list(path))

    @cache
    def source_plan(doc_lang: str) -> list[tuple[str, Callable[[str], float | None], frozenset[str]]]:
        """The source languages ``judge`` tries for an article language, in order, each with the
        lookup of its small list (``_zipf_small``'s) and its function words, found once."""
        plan = []
        for lang in sources:
            if lang == doc_lang or (doc_lang in ("id", "ms") and lang in ("id", "ms")):
                continue
            freqs = _source_freqs(lang)
            # MemoGet's [] is its get without a Python frame (None for an unknown word).
            lookup = freqs.__getitem__ if isinstance(freqs, MemoGet) else freqs.get
            plan.append((lang, lookup, function_words(lang)))
        return plan

    def judge(word: str, doc_lang: str, own: frozenset[str]) -> tuple[str, int] | None:
        """(source language, level: 2 strong, 1 function word, 0 weak) when `word` (folded, lowercase) is a leftover."""
        from checker.lexicon import zipf

        if word in own:
            return None
        # VIETNAMESE_LETTER's letters are none of them ASCII: isascii() (in C) spares most words the search.
        if doc_lang != "vi" and not word.isascii() and VIETNAMESE_LETTER.search(word):
            return "vi", 2
        z_doc = zipf(word, doc_lang)
        near = closest.get(doc_lang)
        if z_doc >= max_doc:
            if near is not None and z_doc < _CLOSE_FUNCTION_MAX and word in function_words(near) \
                    and zipf(word, near) - z_doc >= margin:
                return near, 0  # Spanish « el » in Italian: a leftover only beside a Spanish word
            return None
        table = romanized_for(doc_lang)
        source = table.get(word)
        if source is None and len(word) > 4 and word.endswith("s") and z_doc == 0.0:
            source = table.get(word[:-1])  # « los sunbaes », « les maknaes »: a plural of the target language
        if source is not None and source != doc_lang:
            return source, 2  # a romanized word of a language in another script: no word of the article's
        if near is not None and close_word(word, doc_lang, near):
            return near, 2  # « goleiro » in Spanish: Portuguese, unknown to Spanish
        best: tuple[float, str, int] | None = None
        for lang, lookup, listing in source_plan(doc_lang):
            listed = word in listing
            if not listed and len(word) < 3:
                continue  # its frequency is not read: a content word has three letters or more
            f = lookup(word)
            z = math.log10(f) + 9 if f else 0.0  # _zipf_small(word, lang)
            if listed:
                z = max(z, 4.0)
                if z - z_doc >= margin:
                    strong = (lang in _DISTANT and len(word) >= 3 and z >= strong_zipf and z_doc < 2.0) \
                        or (z_doc == 0.0 and len(word) >= min_len and not _close(lang, doc_lang))
                    level = 2 if strong else 1
                    if best is None or (level, z) > (best[2], best[0]):
                        best = (z, lang, level)
                    continue
            if z >= content_zipf and len(word) >= 3 and (
                    (z_doc == 0.0 and len(word) >= min_len) or z - z_doc >= margin):
                level = 2 if z_doc == 0.0 and len(word) >= min_len and not _close(lang, doc_lang) else 0
                if best is None or (level, z) > (best[2], best[0]):
                    best = (z, lang, level)
        return (best[1], best[2]) if best else None

    # ``judge`` once per word and document language in a run (`own` follows from the language).
    judge_memo = bounded_memo(judge)

    #: Per article language: token text → ``judge`` of its folded form when the token is lowercase,
    #: _CAPITALISED otherwise (bounded, for the run). A lowercase token that is no leftover is
    #: passed over by ``check`` at the cost of one dict look-up, before its spans, its quotation,
    #: its neighbours are looked at: every path of the loop below skips it then (most tokens).
    lowercase_verdicts: dict[str, MemoTable] = {}

    def lowercase_table(doc_lang: str, own: frozenset[str]) -> MemoTable:
        table = lowercase_verdicts.get(doc_lang)
        if table is None:
            def verdict(word: str) -> tuple[str, int] | None | object:
                return judge_memo(fold(word), doc_lang, own) if word == word.lower() else _CAPITALISED

            table = lowercase_verdicts[doc_lang] = MemoTable(verdict)
        return table

    def title_language(words: list[str]) -> str | None:
        """The language the capitalised neighbours of a function word belong to, if any is clear."""
        best, best_z = None, 0.0
        for lang in sources:
            z = sum(_zipf_small(w, lang) for w in words)
            if z > best_z:
                best, best_z = lang, z
        return best if best_z >= 3.0 * len(words) else None

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        from checker import lexicon

        doc_lang = _WORDFREQ.get(ctx.primary, ctx.primary)
        if doc_lang not in lexicon.available():
            return
        own = function_words(doc_lang)
        text = doc.prose
        guarded = _guarded(text)
        # A quotation is left alone (a title, a slogan kept on purpose), unless it is mostly in the
        # document's language: then a short sentence inside it in a distant source language
        # (Indonesian, Turkish, Vietnamese…) is a leftover of the translation (« Terima kasih atas
        # dukungannya. Cette victoire est pour vous »). French, Spanish or German words in a
        # quotation are the speaker's own flourish as often as not, and stay protected.
        mixed = [text[a:b][:1] in _QUOTE_OPENERS and _own_count(text, a, b, own) >= _QUOTE_OWN for a, b in guarded]
        # A quotation inside such a quotation (« comme on dit, "hasta la vista" ») stays protected.
        nested = [m.span() for k, (a, b) in enumerate(guarded) if mixed[k] for m in _INNER_QUOTE.finditer(text, a + 1, b - 1)]
        nested.sort()
        n = 0
        g = 0
        tokens = list(_WORD.finditer(text))
        cands: list[_Cand] = []
        lowercase = lowercase_table(doc_lang, own)
        explained: dict[str, bool] = {}

        def explained_once(word: str) -> bool:
            """Whether the article explains `word` at one of its lowercase occurrences (« les
            barangays, les plus petites unités… »): then it may use it bare elsewhere, a headline too."""
            got = explained.get(word)
            if got is None:
                got = any(glossed(text, t.start(), t.end(), ctx.primary) for t in tokens if t.group() == word)
                explained[word] = got
            return got

        for i, m in enumerate(tokens):
            if lowercase[m.group()] is None:
                continue  # a lowercase word that is no leftover (``judge`` below would say so)
            start, end = m.span()
            while g < len(guarded) and guarded[g][1] <= start:
                g += 1
            quoted = False
            if g < len(guarded) and guarded[g][0] <= start < guarded[g][1]:
                # A quotation in another language is skipped; a fan word of the table is judged all
                # the same in a quotation of several words (« “daebak, se lo merecen” »), not when it
                # is the word cited alone (« « senpai » revient souvent »).
                if not mixed[g] and not (
                    doc_lang not in romanized_skip and fold(m.group().lower()) in romanized_for(doc_lang)
                    and (m.group().islower() or _EXCLAIM.match(text, end) is not None)
                    and (_WORD.search(text, end, guarded[g][1]) is not None
                         or _WORD.search(text, guarded[g][0], start) is not None)
                ):
                    continue
                while n < len(nested) and nested[n][1] <= start:
                    n += 1
                if n < len(nested) and nested[n][0] <= start < nested[n][1]:
                    continue
                quoted = True
            word = m.group()
            initial = False
            noun = False
            if word != word.lower():
                # German capitalises its nouns: right after a German article (« die Belediye »), a
                # capitalised word is judged lowercased, and counts only as a strong word of a
                # distant source language.
                noun = (doc_lang == "de" and i > 0 and len(word) >= 4 and word[1:] == word[1:].lower()
                        and tokens[i - 1].group().lower() in _DE_ARTICLES and text[tokens[i - 1].end():start] == " ")
                # A capitalised word opening a line, a sentence or a clause (« Terima kasih… »,
                # a caption) is judged lowercased, but counts only inside a short foreign clause.
                if not noun and (len(word) < 3 or word[1:] != word[1:].lower() or not _opens(text, start)):
                    continue
                if not noun and _name_run(tokens, i, text):
                    continue  # « Cartão vermelho: Oğuzhan Yıldız (Galatasaray) »: a name of two capitalised words
                initial = not noun
            before = text[start - 1] if start else " "
            after = text[end:end + 2]
            if before in "./\\_-" or after[:1] in "/\\_" or (after[:1] == "." and after[1:2].isalnum()):
                continue  # a piece of a domain name, a path or a credit line (ed/ama), not prose
            folded = fold(word.lower()) if initial or noun else fold(word)
            if folded in _PARTICLES and _before_name(tokens, i, text):
                continue
            if initial and not quoted and folded in cheers and _EXCLAIM.match(text, end) \
                    and _cheer_foreign(folded, doc_lang):
                # « Fighting ! » closing a French article: the Korean cheer (화이팅) kept in its
                # English letters, as an exclamation of its own.
                cands.append(_Cand(i, start, end, cheers[folded], 2, label=True))
                continue
            if folded in loanwords:
                continue  # « die Umrah », « o iftar »: a word every press has taken over
            found = judge_memo(folded, doc_lang, own)
            if found is None:
                continue
            lang, level = found
            if noun and (level < 2 or lang not in _DISTANT):
                continue
            if level < 2 and lang == closest.get(doc_lang) and not initial and not quoted \
                    and folded in function_words(lang) \
                    and _close_neighbour(tokens, i, text, lang, doc_lang, own):
                level = 2  # « el cantante » in Italian: the close language's article before its noun
            if not initial and (glossed(text, start, end, ctx.primary) or explained_once(word)):
                continue  # « des journées de gotong-royong, la tradition du nettoyage collectif »: explained
            if quoted and glossed(text, guarded[g][0], guarded[g][1], ctx.primary):
                continue  # « "yeoreobun, gamsahamnida", que significa "muchas gracias a todos" »: translated
            if quoted and lang not in _DISTANT and lang not in _ROMANIZED:
                continue  # « J'ai perdu le temps ! » in an English quotation: a speaker's own flourish
            if initial and lang in _ROMANIZED and level == 2 and _EXCLAIM.match(text, end):
                # A romanized greeting or cheer as an exclamation of its own (« Omedetou! »).
                cands.append(_Cand(i, start, end, lang, level, label=True))
                continue
            if initial and lang == "vi" and level == 2 and folded in function_words("vi") \
                    and _CREDIT_COLON.match(text, end) and _line_start(text, start):
                # A Vietnamese credit label opening its line (« Ảnh: … », « Nguồn: … »): its
                # letters are no name's, and the colon makes it a label, not a name.
                cands.append(_Cand(i, start, end, lang, level, label=True))
                continue
            if initial or quoted:
                cands.append(_Cand(i, start, end, lang, level, initial, quoted))
                continue
            # Between two capitalised words (computed only for a leftover: most words are none).
            prev_cap = i > 0 and tokens[i - 1].group()[:1].isupper() and _PAREN_GAP.fullmatch(text, tokens[i - 1].end(), start)
            next_cap = (i + 1 < len(tokens) and tokens[i + 1].group()[:1].isupper()
                        and text[end:tokens[i + 1].start()].strip(" ") == "")
            if prev_cap and next_cap:
                if lang == title_language([fold(tokens[i - 1].group()), fold(tokens[i + 1].group())]):
                    continue  # a function word inside a title or name of its own language
                if level == 1 and lang in _DISTANT and _zipf_small(folded, lang) >= strong_zipf \
                        and len(tokens[i - 1].group()) >= 2 and len(tokens[i + 1].group()) >= 2:
                    level = 2  # a conjunction of the source language joining two names or titles
            cands.append(_Cand(i, start, end, lang, level))
        yield from _distant_quotes(text, guarded, mixed, doc_lang, own, judge_memo)
        kept, whole = _short_runs_only(doc, cands, tokens, own, function_words, short_clause, doc_lang)
        if whole:
            from checker.lang import display_name

            for first, last in whole:
                yield Hit(first.start, last.end, confidence=0.85, args={"lang": display_name(first.lang)})
        yield from _report(doc, kept, window)

    return check


#: A function word of the close language this frequent in the article's language (Spanish « da »,
#: a verb, in Portuguese articles) is never made strong by its neighbour.
_CLOSE_FUNCTION_MAX = 5.0


def _close_neighbour(tokens: list, i: int, text: str, lang: str, doc_lang: str, own: frozenset[str]) -> bool:
    """Whether tokens[i], a function word of the article's closest language, stands right beside a
    lowercase word that language uses at least about as often as the article's (« el cantante »
    in Italian) and that is no function word of the article's language."""
    from checker.lexicon import zipf

    if zipf(tokens[i].group(), doc_lang) >= _CLOSE_FUNCTION_MAX:
        return False
    for j in (i - 1, i + 1):
        if not 0 <= j < len(tokens):
            continue
        a, b = (tokens[j].end(), tokens[i].start()) if j < i else (tokens[i].end(), tokens[j].start())
        if text[a:b] not in (" ", "\u00a0"):
            continue
        word = tokens[j].group()
        if word != word.lower() or fold(word) in own:
            continue
        z = zipf(word, lang)
        if z >= CLOSE_ZIPF and z >= zipf(word, doc_lang) - 0.5:
            return True
    return False


def _own_count(text: str, start: int, end: int, own: frozenset[str]) -> int:
    """Function words of the document's language in text[start:end]."""
    return sum(1 for m in _WORD.finditer(text, start, end) if fold(m.group()) in own)


# Quotation marks that open a quotation (not an apostrophe, a URL or a handle), and how many
# function words of the document's language make a quotation "mostly in that language".
_QUOTE_OPENERS = frozenset("«“„\"")
_QUOTE_OWN = 4
_INNER_QUOTE = regex.compile(r"\"[^\"\n]{1,200}\"|“[^“”\n]{1,200}”|‘[^‘’\n]{1,200}’|‹[^‹›\n]{1,200}›")

#: A quotation wholly in a distant source language: how many words, and what share of them
#: leftovers of that one language (« "Terima kasih banyak atas dukungan kalian semua" »).
_QUOTE_MIN_WORDS = 4
_QUOTE_SHARE = 0.6
# Speech, not a title: introduced by a colon, or ending as a sentence inside the marks.
_SPEECH_BEFORE = regex.compile(r":[ \u00a0\u202f]*+\Z")
_SPEECH_END = regex.compile(r"[.!?…][ \u00a0\u202f]*+\Z")
# A translation in parentheses right after the quotation: the writer gave both on purpose.
_TRANSLATED_AFTER = regex.compile(r"[ \u00a0]*+[(\[]")


def _distant_quotes(text: str, guarded: list[tuple[int, int]], mixed: list[bool], doc_lang: str,
                    own: frozenset[str], judge: Callable[[str, str, frozenset[str]], tuple[str, int] | None]) \
        -> Iterator[Hit]:
    """Quotations written in Indonesian, Malay, Vietnamese, Turkish or Filipino: no language
    identifier of the target languages names them, and a reader cannot read them. A quotation
    mostly in the document's language is judged word by word instead (``mixed``)."""
    from checker.lang import display_name

    for (a, b), is_mixed in zip(guarded, mixed):
        if is_mixed or text[a:a + 1] not in _QUOTE_OPENERS or _TRANSLATED_AFTER.match(text, b):
            continue
        words = list(_WORD.finditer(text, a + 1, b - 1))
        if len(words) < _QUOTE_MIN_WORDS or not _SPEECH_BEFORE.search(text, max(0, a - 4), a) \
                and not _SPEECH_END.search(text, a + 1, b - 1):
            continue  # not introduced as speech nor ending as a sentence: a title (« le film « Selamat pagi… » »)
        votes: dict[str, int] = {}
        for m in words:
            found = judge(fold(m.group().lower()), doc_lang, own)
            if found is not None and found[0] in _DISTANT:
                votes[found[0]] = votes.get(found[0], 0) + 1
        if not votes:
            continue
        # Close languages vote together (Indonesian and Malay share most words).
        lang = max(votes.items(), key=lambda kv: (kv[1], kv[0]))[0]
        n = sum(v for x, v in votes.items() if x == lang or _close(x, lang))
        if n >= _QUOTE_SHARE * len(words):
            yield Hit(words[0].start(), words[-1].end(), confidence=0.85, args={"lang": display_name(lang)})



def _alone(text: str, left: int, right: int, own: frozenset[str]) -> bool:
    """Whether the clause [left, right) is alone on its line, or among words of the document's
    language: not one sentence of a longer foreign passage, which MT120 reports."""
    # At most _LINE_REACH characters either side: a huge single line costs each clause no more.
    start = max(text.rfind("\n", max(0, left - _LINE_REACH), left) + 1, left - _LINE_REACH)
    end = text.find("\n", right, right + _LINE_REACH)
    end = min(len(text), right + _LINE_REACH) if end < 0 else end
    rest = [fold(m.group()) for m in _WORD.finditer(text, start, left)] + \
        [fold(m.group()) for m in _WORD.finditer(text, right, end)]
    return len(rest) < _PASSAGE_WORDS or sum(1 for w in rest if w in own) >= 2


def _own_after(text: str, right: int, doc_lang: str) -> bool:
    """Whether the rest of the line after an emoji is mostly common words of the article's
    language (« ✨ Merci pour votre patience »): the clause before the emoji is a lone foreign
    clause, not one sentence of a foreign passage."""
    from checker.lexicon import zipf

    end = text.find("\n", right, right + _LINE_REACH)
    end = min(len(text), right + _LINE_REACH) if end < 0 else end
    rest = _LINK.sub(" ", text[right:end])  # pic.twitter.com/…, @handles: no words of a language
    words = [m.group().lower() for m in _WORD.finditer(rest)]
    common = sum(1 for w in words if zipf(w, doc_lang) >= _COMMON_ZIPF)
    return common >= 3 and 2 * common > len(words)


_LINK = regex.compile(r"\S*[./@]\S*\w\S*")
#: A word this frequent in the article's language is one of its common words.
_COMMON_ZIPF = 4.5
# The words MT120 (foreign-passage) needs before it reports a passage: a shorter rest of the
# line cannot make the clause part of one.
_PASSAGE_WORDS = 5
_LINE_REACH = 400
_OPENERS = ".!?:;«“\"(—–\n¡¿"


# An exclamation of its own: the word, then « ! » (French spacing allowed), then the end of the
# line, a closing quote or another sentence.
_EXCLAIM = regex.compile(r"[ \u00a0\u202f]?!++(?=[ \u00a0\u202f]*+(?:$|\n|[»”\"’)]|\p{Lu}|\p{Extended_Pictographic}))",
                         regex.MULTILINE)


def _cheer_foreign(word: str, doc_lang: str) -> bool:
    """Whether a cheer of the ``cheers`` table is no common word of the article's language
    (English « fighting » is English)."""
    from checker.lexicon import zipf

    return zipf(word, doc_lang) < _COMMON_ZIPF


_CREDIT_COLON = regex.compile(r"[ \u00a0\u202f]?:[ \u00a0\u202f]")


def _line_start(text: str, start: int) -> bool:
    """Whether the word at `start` opens its line."""
    return _before(text, start) in ("", "\n")


def _before(text: str, start: int) -> str:
    """The character before `start` past spaces and tabs ("" at the start of the text)."""
    j = start - 1
    while j >= 0 and text[j] in " \t\u00a0\u202f":
        j -= 1
    return text[j] if j >= 0 else ""


def _opens(text: str, start: int) -> bool:
    """Whether the word at `start` opens the text, a line, a sentence or a clause."""
    c = _before(text, start)
    return c == "" or c in _OPENERS


def _name_run(tokens: list[regex.Match[str]], i: int, text: str) -> bool:
    """Whether tokens[i] opens a run of capitalised words that ends the clause, a person's or a
    team's name (« Oğuzhan Yıldız (Galatasaray) »), rather than a phrase that goes on in lowercase
    words of the same language (« Báo Dân trí », a newspaper's name with its common noun)."""
    j = i + 1
    while j < len(tokens) and tokens[j].group()[:1].isupper() and text[tokens[j - 1].end() : tokens[j].start()] == " ":
        j += 1
    if j == i + 1:
        return False
    return not (j < len(tokens) and text[tokens[j - 1].end() : tokens[j].start()] == " " and tokens[j].group()[:1].islower())


def _before_name(tokens: list, i: int, text: str) -> bool:
    """Whether tokens[i] starts a run of name particles followed by a capitalised word (von der Leyen)."""
    for j in range(i + 1, min(i + 4, len(tokens))):
        if text[tokens[j - 1].end():tokens[j].start()].strip(" ") not in ("", "'", "’"):
            return False
        word = tokens[j].group()
        if word[:1].isupper():
            return True
        if fold(word) not in _PARTICLES:
            return False
    return False


def _short_runs_only(doc: Document, cands: list[_Cand], tokens: list, own: frozenset[str],
                     function_words, short_clause: int = 0, doc_lang: str = "",  # noqa: ANN001
                     ) -> tuple[list[_Cand], list[tuple[_Cand, _Cand]]]:
    """Keep the leftovers of sentences written in the document's language.

    A sentence with fewer function words of the document's language than leftovers (or
    fewer than two) is a foreign sentence, quoted or not: MT120's job, not a leftover, unless
    it is too short for MT120 (at most ``short_clause`` words besides names: a caption, a greeting, the
    closing formula of a statement), where most of its words that are not names are
    leftovers of one language, two at least, one of them no mere rarity: it is then returned
    whole, as (first, last) leftover. A capitalised candidate opening its clause counts only there.
    """
    import bisect

    if not cands:
        return cands, []
    sentences = doc.sentences
    starts = [s.start for s in sentences]
    tok_starts = [t.start() for t in tokens]
    by_clause: dict[tuple[int, int], list[_Cand]] = {}
    before_emoji: set[tuple[int, int]] = set()
    for c in cands:
        k = bisect.bisect_right(starts, c.start) - 1
        if k < 0:
            lo, hi = 0, len(doc.text)
        else:
            lo, hi = sentences[k].start, sentences[k].end
        # The clause: from the last break before the leftover to the next break after it.
        text = doc.prose
        breaks = list(_CLAUSE_BREAK.finditer(text, max(lo, c.start - 400), c.start))
        left = breaks[-1].end() if breaks else lo
        m = _CLAUSE_BREAK.search(text, c.end, min(hi, c.end + 400))
        right = m.start() if m else hi
        # An emoji closing a clause of a post (« Kita bertemu lagi ✨ Merci à tous ») parts two
        # languages: the clause before it stands alone, however short.
        emoji = m is not None and _EMOJI.match(m.group()) is not None
        if not emoji and bisect.bisect_left(tok_starts, right) - bisect.bisect_left(tok_starts, left) <= 4:
            left, right = lo, hi  # a short reporting clause ("…," he concluded): judge the sentence
        if emoji:
            before_emoji.add((left, right))
        by_clause.setdefault((left, right), []).append(c)
    keep: list[_Cand] = []
    whole: list[tuple[_Cand, _Cand]] = []
    for (left, right), group in by_clause.items():
        keep.extend(c for c in group if c.label)
        group = [c for c in group if not c.label]
        if not group:
            continue
        a, b = bisect.bisect_left(tok_starts, left), bisect.bisect_left(tok_starts, right)
        words = [fold(t.group()) for t in tokens[a:b]]
        native = sum(1 for w in words if w in own)
        theirs = function_words(group[0].lang)
        foreign = sum(1 for w in words if w in theirs and w not in own)
        if native >= 2 and native >= len(group) and native >= foreign:
            # A romanized Korean, Japanese or Thai word in a quotation of the article's language
            # (« “daebak, se lo merecen” ») is no flourish of the speaker's own language.
            keep.extend(c for c in group if not c.initial and (not c.quoted or c.lang in _ROMANIZED))
        elif len(group) >= 2:
            # Names (capitalised words that open nothing) are no evidence either way.
            plain = sum(1 for t in tokens[a:b] if not t.group()[:1].isupper()) + sum(c.initial for c in group)
            family = {_family(c.lang) for c in group}
            if plain <= short_clause and len(family) == 1 and 2 * len(group) >= plain \
                    and max(c.level for c in group) >= 1 and (
                        _alone(text, left, right, own)
                        or ((left, right) in before_emoji and _own_after(text, right, doc_lang or doc.lang))):
                whole.append((group[0], group[-1]))
    return sorted(keep, key=lambda c: c.start), sorted(whole, key=lambda w: w[0].start)


def _family(lang: str) -> str:
    return "id" if lang in ("id", "ms") else lang


def _report(doc: Document, cands: list[_Cand], window: int) -> Iterator[Hit]:
    from checker.lang import display_name

    # A strong leftover stands alone; a function word needs another leftover nearby; a weak
    # one (a word merely rarer in the document's language) needs a stronger one nearby.
    supported = [c.level == 2 for c in cands]
    for k in range(1, len(cands)):
        a, b = cands[k - 1], cands[k]
        if _family(a.lang) == _family(b.lang) and b.index - a.index <= window + 1 \
                and doc.passage_index(a.start) == doc.passage_index(b.start):
            if max(a.level, b.level) >= 1 and fold(doc.text[a.start:a.end]) != fold(doc.text[b.start:b.end]):
                supported[k - 1] = supported[k] = True
    k = 0
    while k < len(cands):
        c = cands[k]
        if not supported[k]:
            k += 1
            continue
        # Adjacent leftovers of one language make one span.
        last = k
        while last + 1 < len(cands) and cands[last + 1].index == cands[last].index + 1 \
                and _family(cands[last + 1].lang) == _family(c.lang) \
                and doc.text[cands[last].end:cands[last + 1].start].strip(" ") == "":
            last += 1
        run = cands[k:last + 1]
        many = len(run) > 1 or c.level < 2
        yield Hit(run[0].start, run[-1].end, confidence=0.85 if many else 0.7,
                  severity=None if many or len(doc.text[c.start:c.end]) >= 6 else Severity.MINOR,
                  args={"lang": display_name(c.lang)})
        k = last + 1
