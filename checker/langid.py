"""Language identification for short texts: which language is a sentence in?

Two light backends vote, both loaded lazily on first use and both shipping
their data inside their PyPI packages (nothing is downloaded at run time):

* py3langid's naive-Bayes byte n-gram model, restricted to ``SUPPORTED``;
* a word vote over wordfreq's "small" word lists: the log frequency of each
  word in each candidate language, summed.

Their probability distributions are multiplied and renormalised. The n-gram
model copes with unknown and inflected words; the word vote is what keeps
short French sentences full of English names and loanwords French, because a
name is equally unknown to every list and the French function words around it
weigh heavily. ``docs/langid.md`` has the measurements behind this choice.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Sequence
from typing import Any

SUPPORTED: tuple[str, ...] = ("fr", "en", "es", "de", "it", "pt", "nl")

# Default confidence required by is_foreign; tuned on tools/bench_langid.py.
DEFAULT_THRESHOLD = 0.9

# log10 frequency given to a word missing from a language's list. The "small"
# lists stop near 1e-6, so this is one decade below the rarest listed word.
_FLOOR = -7.0
# Temperature of the word vote: the summed log10 frequencies are divided by
# _WORD_TEMPERATURE * sqrt(words) before the softmax, so that the vote does
# not become certain after a handful of words and swamp the n-gram model.
_WORD_TEMPERATURE = 2.0

# Each alternative starts only at the beginning of its run (look-behinds), so that a long run
# such as ``a.a.a.…`` is tried once, not from each of its positions (that was quadratic).
_URL = re.compile(
    r"(?:https?://|www\.)\S+|(?<![\w.+-])[\w.+-]+@[\w-]+\.[\w.]+|(?<![\w.-])[\w-]+(?:\.[\w-]+)+/\S*"
)
_HANDLE_OR_TAG = re.compile(r"[@#][\w.]*\w")
# Quoted material: a film title or a quoted tweet inside a French sentence is
# not the sentence's language. Straight double quotes pair up left to right.
_QUOTED = re.compile(r"«[^«»]*»|“[^“”]*”|„[^„“”]*[“”]|‹[^‹›]*›|\"[^\"\n]*\"")
_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")
_SENTENCE_BREAK = re.compile(r"[.!?…:;]\W*$|^\W*[–—\-]\W*$")


@functools.cache
def _ngram_model() -> Any:
    """Load py3langid's model once, restricted to SUPPORTED.

    The model ships LZMA-compressed; the restricted identifier is kept in the cache
    directory (``checker.buildcache``) so that later processes unpickle it instead.
    """
    from py3langid.langid import MODEL_DIR, MODEL_FILE

    from checker.buildcache import from_files

    return from_files("py3langid " + ",".join(SUPPORTED), [MODEL_DIR / MODEL_FILE], _read_ngram_model)


def _read_ngram_model() -> Any:
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    ident = LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)
    ident.set_languages(list(SUPPORTED))
    return ident


@functools.cache
def _word_lists() -> dict[str, dict[str, float]]:
    """Load wordfreq's small word -> frequency lists for SUPPORTED, once."""
    from checker.lexicon import frequencies
    from checker.memo import MemoGet  # speed hook: each word's lookup remembered for the run

    return {lang: MemoGet(frequencies(lang, "small")) for lang in SUPPORTED}


def _check_candidates(candidates: Sequence[str] | None) -> tuple[str, ...]:
    """Validate and deduplicate candidate codes (None means SUPPORTED)."""
    if candidates is None:
        return SUPPORTED
    cands = tuple(dict.fromkeys(candidates))
    unknown = [c for c in cands if c not in SUPPORTED]
    if unknown or not cands:
        raise ValueError(f"unsupported language code(s) {unknown or '(none)'}; "
                         f"supported: {', '.join(SUPPORTED)}")
    return cands


def _softmax(scores: dict[str, float]) -> dict[str, float]:
    """Turn natural-log scores into probabilities."""
    top = max(scores.values())
    exps = {k: math.exp(v - top) for k, v in scores.items()}
    total = sum(exps.values())
    return {k: v / total for k, v in exps.items()}


def _word_scores(text: str, cands: tuple[str, ...]) -> dict[str, float]:
    """Natural-log scores of the word vote for each candidate language."""
    lists = _word_lists()
    sums = dict.fromkeys(cands, 0.0)
    n = 0
    for tok in _WORD.findall(text.lower().replace("’", "'")):
        # wordfreq lists elided forms apart ("l", "homme") and splits hyphens.
        for part in re.split(r"['\-]", tok):
            if not part:
                continue
            n += 1
            for lang in cands:
                f = lists[lang].get(part)
                sums[lang] += math.log10(f) if f else _FLOOR
    scale = math.log(10) / (_WORD_TEMPERATURE * math.sqrt(max(n, 1)))
    return {lang: s * scale for lang, s in sums.items()}


def word_vote(text: str, candidates: Sequence[str] | None = None) -> list[tuple[str, float]]:
    """Languages for `text` by the word vote alone, most probable first, probabilities summing to ~1.

    This is the cheap half of ``ranked``: it needs only wordfreq's small lists,
    not the n-gram model, so it suits a pre-filter. Unlike ``ranked`` it knows
    nothing of spelling, so unknown words (names, typos) count equally against
    every candidate.
    """
    cands = _check_candidates(candidates)
    probs = _softmax(_word_scores(text, cands))
    return sorted(probs.items(), key=lambda kv: (-kv[1], cands.index(kv[0])))


def ranked(text: str, candidates: Sequence[str] | None = None) -> list[tuple[str, float]]:
    """Languages for `text`, most probable first, with probabilities summing to ~1 over the candidates."""
    cands = _check_candidates(candidates)
    ngram = dict(_ngram_model().rank(text))
    ngram_total = sum(ngram[c] for c in cands)
    words = _word_scores(text, cands)
    scores: dict[str, float] = {}
    for lang in cands:
        # Renormalising the n-gram softmax over the candidates is exactly the
        # softmax of the model restricted to them.
        p = ngram[lang] / ngram_total if ngram_total > 0 else 1.0 / len(cands)
        scores[lang] = math.log(max(p, 1e-300)) + words[lang]
    probs = _softmax(scores)
    return sorted(probs.items(), key=lambda kv: (-kv[1], cands.index(kv[0])))


def detect(text: str, candidates: Sequence[str] | None = None) -> tuple[str, float]:
    """The most probable language of `text` (ISO 639-1) and its probability."""
    return ranked(text, candidates)[0]


def _strip_non_words(text: str) -> str:
    """Blank out URLs, e-mail addresses, @handles, #hashtags and quoted material."""
    for pattern in (_QUOTED, _URL, _HANDLE_OR_TAG):
        text = pattern.sub(lambda m: " " * len(m.group()), text)
    return text


def content_words(text: str) -> list[str]:
    """The words of `text` that count as evidence of its language, lower-cased.

    Skipped: numbers, URLs, e-mail addresses, @handles, #hashtags, quoted
    material, acronyms, words with an inner capital (``iPhone``) and proper
    nouns, i.e. capitalised words not at a sentence start, and a capitalised
    sentence-initial word directly followed by another capitalised word
    (``Al Pacino a dit``).
    """
    cleaned = _strip_non_words(text)
    matches = list(_WORD.finditer(cleaned))
    words: list[str] = []
    for i, m in enumerate(matches):
        w = m.group()
        if any(ch.isupper() for ch in w[1:]):
            continue
        if w[0].isupper():
            between = cleaned[matches[i - 1].end():m.start()] if i else cleaned[:m.start()]
            at_start = i == 0 or bool(_SENTENCE_BREAK.search(between))
            nxt = matches[i + 1].group() if i + 1 < len(matches) else ""
            if not at_start or (nxt[:1].isupper() and cleaned[m.end():matches[i + 1].start()].strip() == ""):
                continue
        words.append(w.lower())
    return words


def is_foreign(text: str, doc_lang: str, *, min_words: int = 5,
               threshold: float = DEFAULT_THRESHOLD) -> tuple[str, float] | None:
    """If `text` is confidently in another language than doc_lang, return (lang, confidence); else None."""
    if doc_lang not in SUPPORTED:
        raise ValueError(f"unsupported document language {doc_lang!r}")
    words = content_words(text)
    if len(words) < min_words:
        return None
    # Names, quotes and links are left out of the evidence too, not only out
    # of the count: "Instagram" or a quoted title must not tip the balance.
    lang, p = detect(" ".join(words))
    if lang == doc_lang or p < threshold:
        return None
    return lang, p
