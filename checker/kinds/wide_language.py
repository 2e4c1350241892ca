"""Kind ``wide-language``: sentences in any other language, whatever the article's language.

``foreign-language`` (MT120) chooses among the seven languages of
``checker.langid.SUPPORTED`` and is silent on articles in other languages. Machine
translated news often leaves sentences of its *source* language (Indonesian,
Turkish, Vietnamese, Polish…), which that identifier cannot name, and articles
themselves may be in any language. This kind covers the rest:

- every language py3langid knows is a candidate, Latin script or not;
- for an article in a ``SUPPORTED`` language, only sentences in a language
  outside ``SUPPORTED`` are reported (the others are MT120's);
- for an article in any other language the model knows, every foreign sentence
  is; an undetermined language (``und``) or one the model does not know gets no
  judgement.

A sentence is judged on its content words (``checker.langid.content_words``:
names, links, numbers and quoted material left out) and needs ``min_words`` of
them. Cheap filter first: a sentence whose words are mostly known to the
article's language (``doc_known`` share at Zipf 3 or more) is skipped. The
n-gram model (loaded on first need) must give the other language ``threshold``
or more; when wordfreq has a list for it, the words must also be known there
(share ``min_known``) clearly more than in the article's language.
Consecutive foreign sentences of one language and passage make one finding.

A passage whose sentences are each too short to be judged (a two-sentence post, a
caption: « Kita juara lagi! Terima kasih semuanya ») is judged whole, on all
its content words, with the same conditions, when none of its sentences was judged
and together they reach ``min_words``.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from functools import cache

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.rules import Rule, param
from checker.wordarrays import content_words as shared_content_words

NAME = "wide-language"
PARAMS = {
    "min_words": param(int, default=5, doc="content words a sentence needs"),
    "threshold": param(float, default=0.95, doc="probability py3langid must give the other language"),
    "doc_known": param(float, default=0.5, doc="skip a sentence when this share of its words is known to the article's language"),
    "min_known": param(float, default=0.6, doc="share of the words the other language's list must know"),
}

_WORDFREQ = {"tl": "fil", "no": "nb"}
_MAX_SENTENCE = 3000
_FAMILIES = ({"id", "ms"}, {"hr", "sr", "bs"}, {"no", "nb", "nn", "da"}, {"cs", "sk"})


@cache
def _model():  # noqa: ANN202
    from checker import langid

    return langid.identifier(None)  # every language; the arrays memory-mapped and shared with MT120's


def _known_share(words: list[str], lang: str, min_zipf: float = 3.0) -> float | None:
    """Share of `words` at least this frequent in `lang` (small list); None when wordfreq lacks `lang`."""
    import math

    from checker import langid, lexicon

    lang = _WORDFREQ.get(lang, lang)
    if lang not in lexicon.available():
        return None
    # The article's language is mostly one of the vote's: its small list behind the vote's memo of
    # the run (the same list, the same answers; a word asked again is a dict hit, not a trie walk).
    freqs = langid.small_list(lang) if lang in langid.SUPPORTED else lexicon.frequencies(lang, "small")
    known = 0
    for w in words:
        f = freqs.get(w)
        known += bool(f) and math.log10(f) + 9 >= min_zipf
    return known / len(words)


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Validate the params; models load lazily."""
    p = rule.params
    min_words, threshold, doc_known, min_known = p["min_words"], p["threshold"], p["doc_known"], p["min_known"]
    if min_words < 1 or not 0.5 <= threshold <= 1.0:
        raise ValueError("min_words must be >= 1 and threshold in [0.5, 1]")

    def judge(words: list[str], doc_lang: str, narrow: bool) -> tuple[str, float] | None:
        from checker import langid

        share_doc = _known_share(words, doc_lang)
        if share_doc is not None and share_doc >= doc_known:
            return None
        ranked = _model().rank(" ".join(words))
        lang = ranked[0][0]
        # Close languages split the vote (Indonesian and Malay): their probabilities add up.
        family = next((g for g in _FAMILIES if lang in g), {lang})
        prob = sum(p for code, p in ranked if code in family)
        if doc_lang in family:
            return None
        if lang == doc_lang or prob < threshold or (narrow and lang in langid.SUPPORTED):
            return None
        share = _known_share(words, lang)
        if share is None:
            if prob < 0.99 or (share_doc is not None and share_doc >= 0.3):
                return None
        elif share < min_known or share < (share_doc or 0.0) + 0.3:
            return None
        return lang, prob

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        from checker import langid
        from checker.lang import display_name

        doc_lang = ctx.primary
        narrow = doc_lang in langid.SUPPORTED
        if not doc.sentences:
            return  # nothing to judge: the model is not loaded for an empty article
        if not narrow and doc_lang not in _model().nb_classes:
            return  # an undetermined language ("und") or one the model cannot recognise: no judgement
        sentences = doc.sentences
        verdicts: list[tuple[int, int, str, float] | None] = []
        for sent in sentences:
            if len(sent.text) > _MAX_SENTENCE:
                verdicts.append(None)  # no sentence: langid.content_words is slow on such runs
                continue
            words = shared_content_words(doc, sent.text)
            found = judge(words, doc_lang, narrow) if len(words) >= min_words else None
            verdicts.append((sent.start, sent.end, *found) if found else None)
        starts = [p.start for p in doc.passages]
        _short_passages(doc, sentences, verdicts, doc_lang, narrow)
        k = 0
        while k < len(verdicts):
            v = verdicts[k]
            if v is None:
                k += 1
                continue
            last = k
            passage = bisect.bisect_right(starts, v[0])
            while last + 1 < len(verdicts) and verdicts[last + 1] is not None and verdicts[last + 1][2] == v[2] \
                    and bisect.bisect_right(starts, verdicts[last + 1][0]) == passage:
                last += 1
            start, end = v[0], verdicts[last][1]
            if doc.is_prose(start, end):
                yield Hit(start, end, confidence=round(max(x[3] for x in verdicts[k:last + 1]), 3),
                          args={"lang": display_name(v[2]), "doc_lang": display_name(doc_lang)})
            k = last + 1

    def _short_passages(doc: Document, sentences: list, verdicts: list, doc_lang: str, narrow: bool) -> None:
        """Judge whole each passage of sentences too short to be judged alone; a foreign one sets
        the verdict of its first sentence with words, spanning to its last (in place)."""
        sent_starts = [s.start for s in sentences]
        for passage in doc.passages:
            i = bisect.bisect_left(sent_starts, passage.start)
            j = bisect.bisect_left(sent_starts, passage.end)
            if j - i < 2 or any(verdicts[k] is not None for k in range(i, j)):
                continue
            parts = [(k, shared_content_words(doc, sentences[k].text)) for k in range(i, j)
                     if len(sentences[k].text) <= _MAX_SENTENCE]
            parts = [(k, w) for k, w in parts if w]
            if len(parts) < 2 or any(len(w) >= min_words for _, w in parts):
                continue
            words = [x for _, w in parts for x in w]
            if len(words) < min_words:
                continue
            found = judge(words, doc_lang, narrow)
            if found:
                first, last = parts[0][0], parts[-1][0]
                from checker.kinds.foreign_language import _trim_end

                end = _trim_end(doc, sentences[first].start, sentences[last].end)  # no trailing link
                verdicts[first] = (sentences[first].start, end, *found)

    return check
