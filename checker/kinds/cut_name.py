"""Kind ``cut-name``: a name cut at the end of a line, a heading or a passage.

A scraper or a teaser that cuts a line at a fixed width leaves the beginning of
the last word; when that word is a name, the fragment starts with a capital
(``… au stade de Montr`` in an article that writes ``Montréal``; a crosshead in
capitals ending ``… CLOSE TO SIGNING ORTEG`` when the body names ``Ortegoza``). The
``cut-word`` kind leaves capitalised words alone (a name ends many lines); this
kind reports one only when the article itself shows the longer word:

- the token is the last of its line (nothing but spaces after it: no full stop,
  so ``Univ.`` and ``Prof.`` are never fragments), at least ``min_len`` letters,
  capitalised or in capitals, and not a Roman numeral;
- it is no word of the language nor of English (Zipf below ``max_known`` in both
  lists: ``Paris``, ``Prof``, ``Mme`` are words);
- it occurs nowhere else in the article as a whole token (a name used on its own,
  ``Rom`` beside ``Roms``, is a name), and no hashtag, handle or domain holds it;
- a capitalised word of the article starts with it (case-insensitively) and has
  at least ``min_missing`` more letters, in lowercase after a fragment in mixed case
  (``Valdrem`` → ``Valdremont``, never ``ValdremTV``): that word is the suggestion.

With ``caps_heading`` (optional, off by default), the last word of a line in
capitals of at least three words, in an article written in mixed case, is also
reported when it is at least ``caps_min_len`` letters long, occurs nowhere else in
the article, no word of the language nor of English has it at all (Zipf 0, so a
sigle that the lists know passes), and some word the lists know at least
``caps_min_zipf`` begins with it and is ``min_missing`` letters longer (a name the
crosshead cut).

One pass over the words builds the index; each line end costs one search in the
sorted list of the article's capitalised words.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Iterator
from functools import cache

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.rules import Rule, param

NAME = "cut-name"
PARAMS = {
    "min_len": param(int, default=3, doc="letters the fragment needs"),
    "min_missing": param(int, default=2, doc="letters the longer word must have more"),
    "max_known": param(float, default=1.5, doc="a fragment this frequent in the language (or English) is a word"),
    "caps_heading": param(bool, default=False, doc="also judge the last word of a heading in capitals"),
    "caps_min_len": param(int, default=4, doc="letters a fragment ending a heading in capitals needs"),
    "caps_min_zipf": param(float, default=2.5, doc="frequency of the listed word a heading fragment begins"),
}

# The last word of a line: letters only, not part of a handle, hashtag, domain or identifier,
# nothing after it but spaces.
_LAST = regex.compile(r"(?<![\p{L}\p{M}\p{N}@#/._'’&-])(\p{Lu}[\p{L}\p{M}]*+)[ \t\u00a0]*+$")
_WORD = regex.compile(r"(?<![\p{L}\p{M}\p{N}_])[\p{L}][\p{L}\p{M}]*+")
_CAPITALISED = regex.compile(r"(?<![\p{L}\p{M}\p{N}_@#/.-])\p{Lu}[\p{L}\p{M}]{3,}+")
_ROMAN = regex.compile(r"[IVXLCDM]++")
_CAPS_WORD = regex.compile(r"\p{Lu}[\p{Lu}\p{M}'’-]*+")


@cache
def _sorted_words(lang: str, min_zipf: float) -> list[str]:
    import math

    from checker import lexicon

    return sorted(w for w, f in lexicon.frequencies(lang, "best").items() if math.log10(f) + 9 >= min_zipf)


def _first_listed_longer(lang: str, min_zipf: float, prefix: str, min_missing: int) -> str | None:
    """``_first_longer`` over ``_sorted_words(lang, min_zipf)``, asked of the memory-mapped trie
    (the words that begin with `prefix`) when there is one: the sorted copy of a large list
    cost about 70 MiB to build and kept several MiB per language for the run."""
    import math

    from checker import lexicon

    freqs = lexicon.frequencies(lang, "best")
    with_prefix = getattr(freqs, "with_prefix", None)
    if with_prefix is None:
        return _first_longer(_sorted_words(lang, min_zipf), prefix, min_missing)
    best = None
    for w in with_prefix(prefix):
        if len(w) >= len(prefix) + min_missing and (best is None or w < best) \
                and math.log10(freqs[w]) + 9 >= min_zipf:
            best = w
    return best


def _first_longer(words: list[str], prefix: str, min_missing: int) -> str | None:
    """The first word of the sorted list that starts with `prefix` and is min_missing letters longer."""
    i = bisect.bisect_left(words, prefix)
    while i < len(words) and words[i].startswith(prefix):
        if len(words[i]) >= len(prefix) + min_missing:
            return words[i]
        i += 1
    return None


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Read the params; word lists load lazily."""
    p = rule.params
    min_len, min_missing, max_known = p["min_len"], p["min_missing"], p["max_known"]
    caps_heading, caps_min_len, caps_min_zipf = p["caps_heading"], p["caps_min_len"], p["caps_min_zipf"]
    if min_len < 2 or min_missing < 1:
        raise ValueError("min_len must be >= 2 and min_missing >= 1")

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        from checker import lexicon

        text = doc.prose
        langs = tuple(lang for lang in dict.fromkeys((ctx.primary, "en")) if lang in lexicon.available())
        counts: Counter[str] | None = None
        longer: list[tuple[str, str]] | None = None  # (folded, as written), sorted
        mixed_case: bool | None = None
        for line in doc.lines:
            m = _LAST.search(text, max(line.start, line.end - 80), line.end)
            if m is None:
                continue
            word = m.group(1)
            if len(word) < min_len or _ROMAN.fullmatch(word):
                continue
            folded = word.lower()
            if any(lexicon.zipf(folded, lang) >= max_known for lang in langs):
                continue  # a word (Paris, Prof, Mme)
            if counts is None:
                counts = Counter(w.lower() for w in _WORD.findall(text))
                longer = sorted({(w.lower(), w) for w in _CAPITALISED.findall(text)})
            if counts[folded] > 1:
                continue  # used elsewhere on its own: a name, not a fragment
            assert longer is not None
            i = bisect.bisect_left(longer, (folded, ""))
            full = None
            caps = word.isupper()
            while i < len(longer) and longer[i][0].startswith(folded):
                candidate = longer[i][1]
                # A word cut in mixed case goes on in lowercase (Valdrem|ont); a suffix in capitals
                # (a trademark sign spelt out, CamelCase) is another token glued on, not the rest of it.
                if len(candidate) >= len(word) + min_missing and (caps or candidate[len(word)].islower()):
                    full = candidate
                    break
                i += 1
            if full is not None:
                yield Hit(m.start(1), m.end(1), suggestions=(full,), args={"full": full}, confidence=0.75)
                continue
            if not caps_heading or not word.isupper() or len(word) < caps_min_len:
                continue
            body = text[line.start:line.end]
            if len(_CAPS_WORD.findall(body)) < 3 or not body.isupper():
                continue
            if mixed_case is None:
                letters = [c for c in text if c.isalpha()]
                mixed_case = sum(c.islower() for c in letters) >= 0.6 * max(1, len(letters))
            if not mixed_case:
                continue  # an article in capitals: its headings tell nothing
            if any(lexicon.zipf(folded, lang) > 0 for lang in langs):
                continue  # the lists know it, however rarely: a sigle or a rare word
            guess = next(
                (w for lang in langs if (w := _first_listed_longer(lang, caps_min_zipf, folded, min_missing))),
                None,
            )
            if guess is not None:
                yield Hit(m.start(1), m.end(1), args={"full": guess.upper()}, confidence=0.6)

    return check
