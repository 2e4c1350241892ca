"""Words of a close language left in an article: Portuguese « goleiro », « milhões » in Spanish,
Spanish « ayer » in Portuguese, « jugadores » in Italian.

Spanish, Portuguese, Italian and Catalan share much of their vocabulary, so a word of the
closest language is evidence of a leftover only when the article's language does not know it:
unknown to its frequency list (Zipf below 1.0, the non-word rules' "unknown"), or rare there
(below 2.5, where the lists' noise lies: Spanish « ayer » has 2.3 in Portuguese) and 2.5 Zipf
points more frequent in the close language. The word must be frequent in the close language
(``CLOSE_ZIPF``) and no English word the article may borrow. Used by the leftover-words kind
(reported as untranslated) and the unknown-word kind (then not reported as a non-word).
"""

from __future__ import annotations

from checker import lexicon

#: The frequency a word needs in the close language.
CLOSE_ZIPF = 3.5
#: Below this, a word is unknown to the article's language; below ``RARE``, rare enough when
#: the close language uses it ``GAP`` Zipf points more often.
UNKNOWN = 1.0
RARE = 2.5
GAP = 2.5
#: An English word this frequent may be a loanword of the article's language (« show »).
ENGLISH = 3.0
MIN_LEN = 4


def close_word(word: str, doc_lang: str, close: str) -> bool:
    """Whether the lowercase `word` is a word of `close` that `doc_lang` does not know (above)."""
    if len(word) < MIN_LEN or not close:
        return False
    z_close = lexicon.zipf(word, close)
    if z_close < CLOSE_ZIPF:
        return False
    z_doc = lexicon.zipf(word, doc_lang)
    if z_doc >= RARE or (z_doc >= UNKNOWN and z_close - z_doc < GAP):
        return False
    return lexicon.zipf(word, "en") < ENGLISH
