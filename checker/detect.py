"""The language of a whole article, when neither the command line nor the configuration names it."""

from __future__ import annotations

#: Language assumed when detection cannot decide (too little text).
FALLBACK_LANG = "und"


def detect_language(text: str) -> str:
    """The language of an article's text, or 'und' when it cannot be told.

    A whole article has enough words for the cheap word vote (wordfreq's small
    lists) to be certain; the n-gram model is loaded only when the vote hesitates.
    """
    sample = text[:6000]
    if len(sample.split()) < 3:
        return FALLBACK_LANG
    from checker.langid import detect, word_vote

    vote = word_vote(sample)
    if vote and vote[0][1] >= 0.99 and len(sample.split()) >= 30:
        return vote[0][0]
    lang, prob = detect(sample)
    return lang if prob >= 0.5 else FALLBACK_LANG
