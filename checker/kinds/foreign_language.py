"""Kind ``foreign-language``: sentences and passages written in another language than the document's.

Each sentence is judged on its *content words* (``checker.langid.content_words``:
names, URLs, handles, hashtags, numbers and quoted material left out), so a French
sentence full of English names, brands and loanwords stays French. Consecutive
foreign sentences of one passage, in the same language, are reported as one span.
Quoted material is judged apart: a short quoted title or slogan is never
reported, a long quoted sentence is (with a lower severity, see ``why`` of the
rules using this kind).

The full language identifier (``checker.langid``: py3langid, ~1.5 s to load)
only sees candidate sentences, chosen in two cheap steps:

1. the document language's word frequencies (``checker.lexicon``, shared with
   other rules): a sentence in the document's language has many very common
   words (``de``, ``la``; ``the``, ``of``) and few rare ones; a foreign sentence
   has few of the former and many of the latter. It goes on when
   ``share(zipf >= strong_zipf) - share(zipf < weak_zipf) < prefilter_margin``
   (loose: about 15 % of French sentences pass, and 99.8 % of English, Spanish
   and German ones);
2. langid's word vote alone (wordfreq's small lists, ~0.5 s to load, no
   py3langid): it goes on when the document language gets less than
   ``vote_max`` of it (0.1–0.4 % of French sentences, every foreign one in the
   measurements of ``docs/untranslated.md``).

params:
- ``min_words``: content words a sentence needs to be judged (shorter ones only
  join a foreign run they sit inside).
- ``threshold``: probability the identifier must give the foreign language.
- ``quote_min_words``: content words quoted material needs to be judged.
- ``major_min_words``: a foreign run that does not fill its passage, with fewer
  content words than this and a single sentence, is reported as minor.
- ``strong_zipf``, ``weak_zipf``, ``prefilter_margin``, ``vote_max``: the pre-filters above.
- ``line_min_words``, ``line_threshold``, ``line_gap``, ``line_share``: a passage (a line of its
  own: a caption, a credit or copyright line, a short post) whose sentences are all too short
  to be judged alone is judged whole when it holds ``line_min_words`` content words or more:
  the identifier must give the other language ``line_threshold``, and ``line_share`` of the
  words, ``line_min_words`` at least, must be ``line_gap`` Zipf points more frequent in that
  language than in the document's (« reacts after missing a penalty », « all rights reserved »:
  each word is frequent in English and rare in French; a French line with an English title or
  loanword has too few such words).
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from typing import NamedTuple

import regex

from checker.context import Context
from checker.document import Document, Span
from checker.finding import Hit, Severity
from checker.kinds._spans import enclosing
from checker.memo import MemoTable
from checker.rules import Rule, param
from checker.wordarrays import content_words as shared_content_words
from checker.wordlists import unaccented

NAME = "foreign-language"
PARAMS = {
    "min_words": param(int, default=5, doc="content words a sentence needs to be judged"),
    "threshold": param(float, default=0.9, doc="probability required for the foreign language"),
    "quote_min_words": param(int, default=6, doc="content words quoted material needs to be judged"),
    "translation_cues": param(list, default=[], doc="words opening a translation or paraphrase after a quotation (also, soit, es decir)"),
    "paraphrase_cues": param(list, default=[], doc="words anywhere in the rest of the quotation's sentence that open its "
                             "paraphrase in reported speech (explicando que, raccontando di, adding that)"),
    "major_min_words": param(int, default=12, doc="below this, a lone foreign sentence inside a passage is minor"),
    "strong_zipf": param(float, default=5.5, doc="Zipf frequency of a very common word of the document language"),
    "weak_zipf": param(float, default=3.0, doc="Zipf frequency below which a word is rare in the document language"),
    "prefilter_margin": param(float, default=0.3, doc="candidate when share(strong) - share(weak) is below this"),
    "vote_max": param(float, default=0.5, doc="candidate when the word vote gives the document language less"),
    "line_min_words": param(int, default=3, doc="content words a passage of short sentences needs to be judged whole"),
    "line_threshold": param(float, default=0.99, doc="probability required for such a short passage"),
    "line_gap": param(float, default=1.5, doc="Zipf points a word of a short passage must gain in the other language"),
    "line_share": param(float, default=0.75, doc="share of the short passage's words that must gain line_gap"),
}

# Quoted material (same pairs as checker.langid strips), found in the prose.
_QUOTE = regex.compile(r"«([^«»]*)»|“([^“”]*)”|„([^„“”]*)[“”]|‹([^‹›]*)›|\"([^\"\n]*)\"")
# A translation given beside a quotation: "(…)" right after it.
_GLOSS = regex.compile(r"[ \u00a0\u202f]*,?[ \u00a0\u202f]*\(([^()\n]+)\)")
# A translation after a dash (« "Ek is mal oor hierdie musiek" – I'm crazy about this music. »): up
# to the end of its clause.
_DASH_THEN_CLAUSE = r"[–—][ \u00a0\u202f]++([^.;:!?()\n–—«»“”\"]{4,200})"
_DASH_GLOSS = regex.compile(r"[ \u00a0\u202f]*+" + _DASH_THEN_CLAUSE)
# The same after a short reporting clause (« "…," he said — this movie is for our grandmothers — »).
_CLAUSE_DASH = regex.compile(r"[,.]?+[»”\"’]?+[ \u00a0\u202f]++[^\n.;:!?—–«»“”\"]{1,60}?[ \u00a0\u202f]++" + _DASH_THEN_CLAUSE)
# A quotation ending just before " (": the translation that a parenthesised original follows.
_QUOTE_BEFORE = regex.compile(r"(?:«([^«»]*)»|“([^“”]*)”|\"([^\"\n]*)\")[ \u00a0\u202f]*$")
# The next quotation of the same paragraph, soon after (a translation the writer gives in the same
# breath: « …, a-t-il lancé en anglais, avant de traduire : « … » »).
_LATER_QUOTE = regex.compile(r"[^\n«“„\"]{1,200}?(?:«[ \u00a0\u202f]*([^«»\n]{4,400}?)[ \u00a0\u202f]*»|„([^„“”\n]{4,400})[“”]|“([^“”\n]{4,400})”|\"([^\"\n]{4,400})\")")
# The last quotation before, in the same paragraph, soon before (a translation given first).
_EARLIER_QUOTE = regex.compile(r"(?:«[ \u00a0\u202f]*([^«»\n]{4,400}?)[ \u00a0\u202f]*»|„([^„“”\n]{4,400})[“”]|“([^“”\n]{4,400})”|\"([^\"\n]{4,400})\")[^\n«“„\"]{1,200}$")
# A translation after a comma, opening on a determiner of the article's language (group 2).
_COMMA_GLOSS = regex.compile(r"[ \u00a0\u202f]*+,[ \u00a0\u202f]++((\p{L}+)[^.;:!?()\n«»“”„\"]{6,300})")
# The same, up to the next comma (« «une voix qui pleure sans larmes», uma voz que chora sem lágrimas, e fez… »).
_COMMA_GLOSS_CLAUSE = regex.compile(r"[ \u00a0\u202f]*+,[ \u00a0\u202f]++((\p{L}+)[^,.;:!?()\n«»“”„\"]{6,300})(?=,)")
_SENTENCE_END = regex.compile(r"[.!?](?=[ \u00a0]+\p{Lu})")
_COLON = regex.compile(r"[ \u00a0\u202f]?:[\s\u00a0\u202f]+(?=[\p{Lu}«“\"„])")
# A short passage judged whole must end as a sentence does.
_ENDS_SENTENCE = regex.compile(r"[.!?…][»”\"')\]’]*+$")
# Characters that may close a sentence after its last word.
_CLOSERS = ".!?…»”\"')]’"


# A plain class, not a dataclass: making a dataclass costs about 0.5 ms of start-up (it execs its
# generated methods), and this private record is never compared, hashed nor printed.
class _Verdict:
    """What the identifier said about one sentence."""

    __slots__ = ("span", "words", "lang", "confidence")

    def __init__(self, span: Span, words: list[str], lang: str | None = None, confidence: float = 0.0) -> None:
        self.span = span
        self.words = words
        self.lang = lang
        self.confidence = confidence


def _trim_end(doc: Document, start: int, end: int) -> int:
    """End of the last word or number in [start, end), with its closing punctuation: drops trailing links."""
    toks = [t for t in doc.tokens_in(start, end) if t.kind in ("word", "number")]
    if not toks:
        return end
    stop = toks[-1].end
    while stop < end and doc.text[stop] in _CLOSERS:
        stop += 1
    return stop


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Validate the params; the language identifier and word lists load lazily in check()."""
    p = rule.params
    min_words = p["min_words"]
    quote_min = p["quote_min_words"]
    threshold = p["threshold"]
    major_min = p["major_min_words"]
    strong, weak, margin = p["strong_zipf"], p["weak_zipf"], p["prefilter_margin"]
    vote_max = p["vote_max"]
    if min_words < 1 or quote_min < 1:
        raise ValueError("min_words and quote_min_words must be at least 1")
    cues = _Cues(_cue_pattern(p["translation_cues"]), _cue_pattern(p["paraphrase_cues"]))
    if not 0.5 <= threshold <= 1.0:
        raise ValueError("threshold must be between 0.5 and 1")
    line_min, line_threshold = p["line_min_words"], p["line_threshold"]
    line_gap, line_share = p["line_gap"], p["line_share"]
    if line_min < 1 or not 0.5 <= line_threshold <= 1.0:
        raise ValueError("line_min_words must be at least 1 and line_threshold between 0.5 and 1")

    #: Per document language: word → +1 when very common there (zipf >= strong), -1 when rare
    #: (zipf < weak), else 0 (bounded, for the run). ``candidate``'s share is their sum over the
    #: words divided by the count: the same integer numerator as counting the two kinds apart,
    #: so the same float, without a zipf call and two comparisons per word of every sentence.
    word_classes: dict[str, MemoTable] = {}

    def classes(lang: str) -> MemoTable:
        table = word_classes.get(lang)
        if table is None:
            from checker.lexicon import zipf

            def word_class(word: str) -> int:
                x = zipf(word, lang)
                return (x >= strong) - (x < weak)

            table = word_classes[lang] = MemoTable(word_class)
        return table

    def candidate(words: list[str], lang: str) -> bool:
        share = sum(map(classes(lang).__getitem__, words)) / len(words)
        return share < margin and _word_vote(words, lang) < vote_max

    def judge(doc: Document, text: str, lang: str, needed: int) -> tuple[list[str], str | None, float]:
        from checker import langid

        words = shared_content_words(doc, text)
        if len(words) < needed or not candidate(words, lang) or _names_and_figures(text):
            return words, None, 0.0
        found = langid.is_foreign(text, lang, min_words=needed, threshold=threshold)
        return words, *(found or (None, 0.0))

    def joins(v: _Verdict, run_lang: str, lang: str) -> bool:
        """A sentence too short to judge alone joins a neighbouring foreign run if its words lean that way."""
        from checker import langid

        if v.lang is not None or not v.words or len(v.words) >= min_words:
            return False
        found, p = langid.detect(" ".join(v.words), [lang, run_lang])
        return found == run_lang and p >= threshold

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        from checker import langid

        lang = ctx.primary
        if lang not in langid.SUPPORTED:
            return
        sentences = doc.sentences
        starts = [s.start for s in sentences]
        for passage in doc.passages:
            i = bisect.bisect_left(starts, passage.start)
            j = bisect.bisect_left(starts, passage.end)
            verdicts = []
            for sent in sentences[i:j]:
                for unit in _clauses(doc, sent):
                    words, found, conf = judge(doc, unit.text, lang, min_words)
                    verdicts.append(_Verdict(unit, words, found, conf))
                    if found is None:
                        yield from _quotes(doc, unit, lang)
            if any(v.lang is not None for v in verdicts):
                yield from _runs(doc, verdicts, lang)
            else:
                yield from _short_passage(doc, verdicts, lang)

    def _short_passage(doc: Document, verdicts: list[_Verdict], lang: str) -> Iterator[Hit]:
        """A passage of sentences each too short to be judged alone, judged whole (a caption, a
        credit or copyright line, a two-line post): strict threshold, and most words must be far
        more frequent in the other language than in the document's."""
        from checker import langid
        from checker.lexicon import zipf

        judged = [v for v in verdicts if v.words]
        if not judged or any(len(v.words) >= min_words for v in judged):
            return
        words = [w for v in judged for w in v.words]
        if len(words) < line_min or not candidate(words, lang):
            return
        found, prob = langid.detect(" ".join(words))
        if found == lang or prob < line_threshold:
            return
        gains = {w for w in set(words) if zipf(w, found) - zipf(w, lang) >= line_gap}
        marked = sum(w in gains for w in words)
        if marked < line_min or marked < line_share * len(words):
            return
        # From the first sentence with marked words: a leading name or credit ("Copyright 2024
        # X.") is not the foreign text.
        first = next(v for v in judged if any(w in gains for w in v.words))
        start, end = first.span.start, _trim_end(doc, first.span.start, judged[-1].span.end)
        # A sentence, not a title or a line of verse: it ends as one (« Nehmt auch mich zum
        # Genossen », a heading « The Dark Side of the Moon » are left alone).
        if not _ENDS_SENTENCE.search(doc.text, start, end):
            return
        if doc.is_prose(start, end):
            yield _hit(start, end, found, lang, prob * 0.9, None)

    def _quotes(doc: Document, sent: Span, lang: str) -> Iterator[Hit]:
        for m in _QUOTE.finditer(doc.prose, sent.start, sent.end):
            g = next(k for k in range(1, 6) if m.group(k) is not None)
            n, found, conf = judge(doc, m.group(g), lang, quote_min)
            if found is None or _said_again(doc, m.start(), m.end(), lang, cues):
                continue
            start, end = m.span(g)
            # Report the quoted words, not the surrounding quote marks and spaces.
            while start < end and doc.text[start].isspace():
                start += 1
            while end > start and doc.text[end - 1].isspace():
                end -= 1
            if start < end:
                yield _hit(start, end, found, lang, conf * 0.8, Severity.MINOR)

    def _runs(doc: Document, verdicts: list[_Verdict], lang: str) -> Iterator[Hit]:
        k = 0
        while k < len(verdicts):
            v = verdicts[k]
            if v.lang is None:
                k += 1
                continue
            first, last = k, k
            while first > 0 and joins(verdicts[first - 1], v.lang, lang):
                first -= 1
            m = k + 1
            # Extend over same-language sentences and short ones that lean the same way.
            while m < len(verdicts):
                w = verdicts[m]
                if w.lang == v.lang or joins(w, v.lang, lang):
                    last = m
                elif w.lang is not None or len(w.words) >= min_words:
                    break
                m += 1
            run = verdicts[first:last + 1]
            start, end = run[0].span.start, _trim_end(doc, run[0].span.start, run[-1].span.end)
            words = sum(len(r.words) for r in run)
            judged = [r for r in verdicts if r.words]
            fills = all(r.lang == v.lang for r in judged) or (
                run[0] is judged[0] and run[-1] is judged[-1])
            conf = max(r.confidence for r in run)
            if fills or len(run) > 1 or words >= major_min:
                severity, conf_out = None, conf
            else:
                severity, conf_out = Severity.MINOR, conf * 0.8
            if _within_translated_quote(doc, start, end, lang, cues):
                pass  # « “Mexico, we’ll see you soon.”, dijo … El mensaje, en pocas palabras: … »
            elif doc.is_prose(start, end):
                yield _hit(start, end, v.lang or "", lang, conf_out, severity)
            else:
                # A run across Markdown markup (a multi-line blockquote): one hit per sentence.
                for r in run:
                    s, e = r.span.start, _trim_end(doc, r.span.start, r.span.end)
                    if r.lang is not None and doc.is_prose(s, e):
                        yield _hit(s, e, r.lang, lang, r.confidence, severity)
            k = last + 1

    return check


def _glossed(doc: Document, start: int, end: int, lang: str, words: int | None = None) -> bool:
    """Whether the quotation at [start, end) comes with its translation: the remedy, not the defect.

    Either a parenthesised gloss in the document's language follows it
    (« Nous devons choisir » ("We must choose")) or comes after a dash (« … » – We must
    choose) or is the next or the previous quotation of the paragraph, close by and of about as
    many words, or the quotation itself is the
    parenthesised original after the translated words ("We must choose" (« Nous
    devons choisir »)). `words`: how many words the quotation counts as, when its script does not
    part them with spaces (``foreign-script``); its own word count otherwise.
    """
    from checker import langid

    for gloss in _translations_beside(doc.prose, start, end, lang, words):
        words_of = langid.content_words(gloss) or [w.lower() for w in regex.findall(r"\p{L}+", gloss)]
        if len(words_of) >= 2 and _word_vote(words_of, lang) >= 0.5:
            return True
    return False


quotation_translated = _glossed


def _within_translated_quote(doc: Document, start: int, end: int, lang: str, cues: _Cues) -> bool:
    """Whether [start, end), a run of sentences, lies inside one quotation of its line that the
    article translates or paraphrases beside it (``_said_again``): the sentence splitter cuts a
    quotation of two sentences in two, and the run is then judged as sentences."""
    m = enclosing(_QUOTE, doc.prose, start, end)
    return m is not None and _said_again(doc, m.start(), m.end(), lang, cues)


def _said_again(doc: Document, start: int, end: int, lang: str, cues: _Cues) -> bool:
    """Whether the article gives the quotation at [start, end) again in its own language: a
    translation beside it (``_glossed``), a cue that opens one (``_cued``) or a paraphrase
    (``_paraphrased``)."""
    return (_glossed(doc, start, end, lang) or _cued(doc.prose, start, end, cues)
            or _paraphrased(doc.prose, start, end, lang))


def _first_group(m: regex.Match[str] | None) -> str | None:
    """The text of the alternative that matched (one group per kind of quotation mark)."""
    return None if m is None else next((g for g in m.groups() if g is not None), None)


def _translations_beside(text: str, start: int, end: int, lang: str, words: int | None = None) -> Iterator[str]:
    """The words that may translate the quotation at [start, end), in order: a gloss in
    parentheses or after a dash (then nothing else), the next quotation, a clause after a dash,
    a clause after a comma, the previous quotation, the quotation this one follows in parentheses
    (``_glossed``, which tries them until one is in the article's language; `words` as there)."""
    m = _GLOSS.match(text, end) or _DASH_GLOSS.match(text, end)
    if m:
        yield m.group(1)
        return
    quoted = text[start:end]
    later = _first_group(_LATER_QUOTE.match(text, end))
    if later is not None and _similar_length(quoted, later, words):
        yield later  # « "We are seeing…", a-t-il lancé en anglais, avant de traduire : « Nous… » »
    clause = _CLAUSE_DASH.match(text, end)
    if clause is not None and _similar_length(quoted, clause.group(1), words):
        yield clause.group(1)  # « "Esta película es…," he said — this movie is for… — adding… »
    for gloss in (_COMMA_GLOSS, _COMMA_GLOSS_CLAUSE):
        comma = gloss.match(text, end)
        if comma is not None and _similar_length(quoted, comma.group(1), words) \
                and comma.group(2).casefold() in _determiners(lang):
            yield comma.group(1)  # « «A machine can describe the sea…», una macchina sa descrivere il mare… »
            break
    earlier = _first_group(_EARLIER_QUOTE.search(text[max(0, start - 260) : start]))
    if earlier is not None and _similar_length(quoted, earlier, words):
        yield earlier  # « “Ci avevano detto…”, raccontano. Lei ripete la frase nella sua lingua, “We were…” »
    if start > 0 and text[start - 1] == "(" and text[end:end + 1] == ")":
        before = _first_group(_QUOTE_BEFORE.search(text[max(0, start - 300):start - 1]))
        if before is not None:
            yield before


def _cue_pattern(words: list[str]) -> regex.Pattern[str] | None:
    """The translation cues as one case-insensitive pattern (None when there are none)."""
    if not words:
        return None
    alts = "|".join(regex.escape(w).replace("\\ ", r"[ \u00a0]+") for w in sorted(words, key=len, reverse=True))
    return regex.compile(rf"(?<![\p{{L}}\p{{M}}])(?:{alts})(?![\p{{L}}\p{{M}}])", regex.IGNORECASE)


class _Cues(NamedTuple):
    """The rule's two cue patterns (None when it gives none)."""

    translation: regex.Pattern[str] | None  # right after the quotation or its reporting clause
    paraphrase: regex.Pattern[str] | None  # anywhere in the rest of the quotation's sentence


def _cued(text: str, start: int, end: int, cues: _Cues) -> bool:
    """Whether a translation or paraphrase opens right after the quotation at [start, end), or
    after the reporting clause that follows it (« „…“ Also: nichts verschicken… », « „…“, sagt X,
    der in London lebt. Europa mache es … »: German reported speech), or whether the rest of its
    sentence says it again in reported speech (« "…", dijo X, funcionaria del condado, en
    referencia a que llegan más familias… », « "…", disse à Lusa, explicando que o casal… »)."""
    if cues.translation is None and cues.paraphrase is None:
        return False
    line_end = text.find("\n", end)
    rest = text[end : min(end + 300, line_end if line_end >= 0 else len(text))]
    stop = _SENTENCE_END.search(rest)
    if cues.paraphrase is not None and cues.paraphrase.search(rest, 0, stop.start() if stop is not None else len(rest)):
        return True
    if cues.translation is None:
        return False
    heads = [rest[:80]]
    if stop is not None:
        heads.append(rest[stop.end() : stop.end() + 80])
    return any(cues.translation.search(" ".join(regex.findall(r"[\p{L}\p{M}.'’]+", head)[:8])) for head in heads)


#: Lowercase words of four letters or more (the quotation's content words and the text's).
_LONG_WORD = regex.compile(r"(?<![\p{L}\p{M}])\p{Ll}[\p{L}\p{M}]{3,}")
#: Words of four letters or more, in any case (a quotation's).
_ANY_LONG_WORD = regex.compile(r"(?<![\p{L}\p{M}])\p{L}[\p{L}\p{M}]{3,}")
#: The reporting clause after a quotation, then a colon and the paraphrase in lowercase words
#: (« », ha detto Choi alla presentazione: il Cantone sarà anche piccolo… »).
_COLON_PARAPHRASE = regex.compile(r"[^.!?:;\n«»“”„\"]{1,200}?[ \u00a0\u202f]?:[ \u00a0\u202f]+\p{Ll}[\p{L}\p{M}'’]*(?:,?[ \u00a0][\p{L}\p{M}'’\-]+){3}")
#: English words too common to say what a quotation is about.
_EN_STOP = frozenset(
    ["this", "that", "with", "from", "have", "will", "would", "could", "should", "there", "their", "they", "them", "then", "than", "what", "when", "which", "while", "were", "been", "being", "into", "only", "just", "very", "much", "more", "most", "some", "such", "also", "even", "over", "about", "after", "before", "because", "every", "never", "always", "really", "here", "your", "ours", "ourselves"]
)


_LETTER_WORD = regex.compile(r"(?<![\p{L}\p{M}])\p{L}[\p{L}\p{M}'’]*+")


def _names_and_figures(text: str) -> bool:
    """A list of names and figures, not a sentence of another language: three quarters of its
    words or more capitalised, and digits among them (« Nuggets 124 x 115 Trail Blazers; Spurs
    108 x 99 Rockets; … »: results whose team names are English words)."""
    words = [w for w in _LETTER_WORD.findall(text) if len(w) > 1]  # (not the « x » of a score)
    if len(words) < 6 or not any(c.isdigit() for c in text):
        return False
    return 4 * sum(1 for w in words if w[:1].isupper()) >= 3 * len(words)


def _paraphrased(text: str, start: int, end: int, lang: str) -> bool:
    """Whether the words after the quotation at [start, end), in its paragraph, say it again in the
    article's language: a German paraphrase in reported speech (Konjunktiv I: « Der Spieler fühle
    sich wohl »), or at least two of the quotation's content words, and a third of them,
    found again as cognates (« "Ticino is small, but the ambition is big", … le ambizioni sono
    grandi »; « "We can live with clear rules" … des règles claires »). A quotation the article
    leaves untranslated is followed by the rest of the story, which does not repeat its words."""
    line_end = text.find("\n", end)
    after = text[end : min(end + 500, line_end if line_end >= 0 else len(text))]
    if lang == "de" and _reported_speech(after):
        return True
    if _COLON_PARAPHRASE.match(after):
        return True
    quoted = {w.casefold() for w in _ANY_LONG_WORD.findall(text, start + 1, end - 1)} - _EN_STOP
    if not quoted:
        return False
    # Later words in lowercase only: a name said again (« Premier League ») is no translation,
    # a nationality (« European » / « europei ») is.
    later = {unaccented(w) for w in _LONG_WORD.findall(after)}
    found = sum(1 for w in quoted if any(_cognate(unaccented(w), v) for v in later))
    if lang == "de" and not found:
        # German capitalises its nouns: a word the quotation writes in lowercase (« coins ») found
        # again capitalised (« die Coins ») is said again; a name is capitalised in both.
        lower = {w.casefold() for w in _LONG_WORD.findall(text, start + 1, end - 1)} - _EN_STOP
        nouns = {unaccented(w.casefold()) for w in _ANY_LONG_WORD.findall(after)}
        found = sum(1 for w in lower if any(_cognate(unaccented(w), v) for v in nouns))
    return (found >= 2 and 3 * found >= len(quoted)) or (found >= 1 and len(quoted) <= 2)


def _cognate(a: str, b: str) -> bool:
    """Two words of two languages that look alike (« ambition » / « ambizioni », « clear » /
    « claires », « european » / « europei », « rules » / « règles »): the same first letter, and
    their first six letters at most two edits apart (one for words of four letters)."""
    from checker.kinds._spelling import edit_distance

    if a[:1] != b[:1]:
        return False
    x, y = a[:6], b[:6]
    limit = 1 if min(len(x), len(y)) <= 4 else 2
    return edit_distance(x, y, limit) <= limit


def _reported_speech(after: str) -> bool:
    """A German Konjunktiv I verb in the first words after a quotation, or in the first sentence
    after its reporting clause: a word in -e whose indicative in -t is a more common verb form, and
    that no « ich » precedes (« ändere sich also wenig », « fühle sich wohl »)."""
    from checker import lexicon

    heads = [after[:160]]
    stop = _SENTENCE_END.search(after)
    if stop is not None and stop.start() < 160:
        heads.append(after[stop.end() : stop.end() + 160])
    for head in heads:
        words = regex.findall(r"[\p{L}\p{M}]+", head)[:12]
        if any(w.casefold() == "ich" for w in words):
            continue
        for w in words:
            if len(w) >= 4 and w.islower() and w.endswith("e"):
                indicative = lexicon.zipf(w[:-1] + "t", "de")
                if indicative >= 3.5 and 0 < lexicon.zipf(w, "de") < indicative:
                    return True
    return False


def _determiners(lang: str) -> frozenset[str]:
    """The determiners that open an apposition or a clause in `lang` (``checker.kinds._gloss``)."""
    from checker.kinds._gloss import DETERMINERS

    return frozenset(DETERMINERS.get(lang, "").split())


def _similar_length(a: str, b: str | None, words: int | None = None) -> bool:
    """Two quotations of about as many words (a sentence and its translation); `words`, when
    given, is how many `a` counts as."""
    if not b:
        return False
    na, nb = words if words is not None else len(a.split()), len(b.split())
    return nb >= 2 and 0.5 * na <= nb <= 2 * na


def _word_vote(words: list[str], lang: str) -> float:
    """Probability of `lang` from langid's word vote alone (cheap: no n-gram model)."""
    from checker import langid

    return dict(langid.word_vote(" ".join(words))).get(lang, 0.0)


def _clauses(doc: Document, sent: Span) -> Iterator[Span]:
    """The sentence cut after each colon that opens a capitalised clause or a quote ("a déclaré : We will…")."""
    pos = sent.start
    for m in _COLON.finditer(doc.prose, sent.start, sent.end):
        yield from _span(doc, pos, m.start())
        pos = m.end()
    yield from _span(doc, pos, sent.end)


def _span(doc: Document, start: int, end: int) -> Iterator[Span]:
    """[start, end) without surrounding white space, if anything is left."""
    text = doc.text
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield doc.span(start, end)


def _hit(start: int, end: int, found: str, doc_lang: str, confidence: float,
         severity: Severity | None) -> Hit:
    """A Hit naming both languages in English (message args ``lang`` and ``doc_lang``)."""
    from checker.lang import display_name

    return Hit(start, end, confidence=round(confidence, 3), severity=severity,
               args={"lang": display_name(found), "doc_lang": display_name(doc_lang)})
