"""Kind ``foreign-script``: text in a writing system the article does not use.

A French or English article with a Japanese paragraph, a Korean caption or a
Russian sentence left in has untranslated text that no Latin-script language
identifier sees. This kind finds runs of letters of another script than the
document's own (from the language tag; for an unknown tag, the script most of the
document's letters use) and of Latin, which every article may use for names and
brands. Runs separated only by spaces, line breaks, digits and punctuation (one
Japanese phrase per line) make one block; the block is reported when it is long
enough to be text rather than a name:

- ideographic and syllabic scripts (Han, Hiragana, Katakana, Hangul, Thai, …):
  ``min_cjk`` characters or more, or with kana/hangul and ``min_cjk_kana`` or more
  (``鈴木一朗`` alone, a name given with its original spelling, is not reported), or
  ``min_line_cjk`` when the block is the whole line (a credit or a caption: ``责任编辑：王磊``);
- alphabetic scripts (Cyrillic, Greek, Arabic, Hebrew, Devanagari, …):
  ``min_words`` words or more (``Саамы в России``, a native name in an
  infobox, is not).

An ideographic or syllabic block glued to the digits before it (``1,2亿``, ``500억``, ``3万人``,
``2024年``) is a number with its source-language unit or magnitude, never a name: it is reported
whatever its length (``number_units``).

A block wholly inside parentheses or brackets is an original spelling given as a
gloss (``Vladimir Poutine (Владимир Владимирович Путин)``) and is not reported.

A shorter block holding one of the ``words`` (a list beside the rule: words of other scripts
that are never a name, such as photo credits, bylines, weekdays and set formulae: ``사진``,
``提供``, ``Фото``, ``إن شاء الله``) is text all the same, whatever its length: « les
supporters ont crié الحمد لله après le match ». A short block of other words may be a name in
its original spelling (« 東京 accueille… ») and is left alone.

With ``lowercase_words``, a shorter block of a cased alphabetic script (Cyrillic, Greek) holding
a lowercase word (``_lowercase``: two letters or more, three for Greek, or an abbreviation with
its period) is text too: a name in its original script is capitalised (« Путин », « Αθήνα »),
a word of running text is not (« 40 млн рублей », « 2019–2021 гг. », « т. е. », « Подписаться
на канал »). A word the sentence explains (``checker.kinds._gloss``: « le mot « дача », qui
désigne… », a title followed by its translation in parentheses) is not reported.

params: ``min_cjk``, ``min_cjk_kana``, ``min_line_cjk``, ``min_words``, ``number_units``,
``lowercase_words``, ``words`` (above), ``max_gap`` (the longest run of spaces, digits and punctuation inside a
block).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from functools import cache

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.kinds._gloss import glossed
from checker.rules import Rule, param

NAME = "foreign-script"
PARAMS = {
    "min_cjk": param(int, default=10, doc="Han (or other ideographic) characters a block needs"),
    "min_cjk_kana": param(int, default=6, doc="characters a block with kana or hangul needs"),
    "min_words": param(int, default=4, doc="words an alphabetic-script block needs"),
    "max_gap": param(int, default=40, doc="longest run of non-letters inside a block"),
    "min_line_cjk": param(int, default=4, doc="ideographic characters a block that fills its whole line needs"),
    "number_units": param(bool, default=True, doc="report any ideographic block glued to the digits before it (1,2亿)"),
    "words": param(str, default=None, doc="list beside the rule: words of other scripts that are never a name"),
    "lowercase_words": param(bool, default=False,
                             doc="report a short block of a cased script (Cyrillic, Greek) holding a lowercase word"),
}

# Scripts named in messages, with the language they most often mean.
_SCRIPTS = {
    "Han": "Chinese or Japanese", "Hiragana": "Japanese", "Katakana": "Japanese", "Hangul": "Korean",
    "Thai": "Thai", "Lao": "Lao", "Khmer": "Khmer", "Myanmar": "Burmese",
    "Cyrillic": "Cyrillic", "Greek": "Greek", "Arabic": "Arabic", "Hebrew": "Hebrew",
    "Devanagari": "Devanagari", "Bengali": "Bengali", "Tamil": "Tamil", "Telugu": "Telugu",
    "Georgian": "Georgian", "Armenian": "Armenian", "Ethiopic": "Ethiopic", "Gujarati": "Gujarati",
    "Gurmukhi": "Gurmukhi", "Kannada": "Kannada", "Malayalam": "Malayalam", "Sinhala": "Sinhala",
}
_CJK = {"Han", "Hiragana", "Katakana", "Hangul", "Thai", "Lao", "Khmer", "Myanmar"}
_KANA = {"Hiragana", "Katakana", "Hangul"}
_SCRIPT_RE = {name: regex.compile(rf"\p{{Script={name}}}") for name in _SCRIPTS}
# Letters of any script but Latin (and marks attached to them); Common characters are gaps.
_FOREIGN = regex.compile(r"[\p{L}\p{M}--\p{Latin}--\p{Script=Common}--\p{Script=Inherited}]++", regex.V1)
_LATIN_LETTER = regex.compile(r"\p{Latin}")
_ANY_LETTER = regex.compile(r"\p{L}")
_CLOSERS = "。．.!?！？」』》〉）)】〕\"”»"

# The scripts a language is written in (besides Latin, always allowed).
_LANG_SCRIPTS = {
    "ja": {"Han", "Hiragana", "Katakana"}, "zh": {"Han"}, "ko": {"Hangul", "Han"},
    "ru": {"Cyrillic"}, "uk": {"Cyrillic"}, "bg": {"Cyrillic"}, "sr": {"Cyrillic"}, "mk": {"Cyrillic"},
    "be": {"Cyrillic"}, "kk": {"Cyrillic"}, "mn": {"Cyrillic"}, "el": {"Greek"}, "ar": {"Arabic"},
    "fa": {"Arabic"}, "ur": {"Arabic"}, "ps": {"Arabic"}, "he": {"Hebrew"}, "yi": {"Hebrew"},
    "hi": {"Devanagari"}, "mr": {"Devanagari"}, "ne": {"Devanagari"}, "bn": {"Bengali"},
    "ta": {"Tamil"}, "te": {"Telugu"}, "th": {"Thai"}, "lo": {"Lao"}, "km": {"Khmer"},
    "my": {"Myanmar"}, "ka": {"Georgian"}, "hy": {"Armenian"}, "am": {"Ethiopic"},
    "gu": {"Gujarati"}, "pa": {"Gurmukhi"}, "kn": {"Kannada"}, "ml": {"Malayalam"}, "si": {"Sinhala"},
}
# Languages written in Latin script only (the common case: nothing else is the article's).
_LATIN_LANGS = frozenset(
    ["fr", "en", "es", "de", "it", "pt", "nl", "id", "ms", "vi", "tr", "tl", "fil", "pl", "cs", "sk", "sl", "hr", "bs", "ro", "hu", "fi", "et", "lv", "lt", "sv", "da", "no", "nb", "nn", "is", "ga", "cy", "eu", "ca", "gl", "sq", "mt", "sw", "af", "la", "eo", "az", "uz"]
)


@cache
def _script_of(ch: str) -> str | None:
    for name, rx in _SCRIPT_RE.items():
        if rx.match(ch):
            return name
    return None


def _own_scripts(doc: Document, lang: str) -> set[str]:
    if lang in _LANG_SCRIPTS:
        return _LANG_SCRIPTS[lang]
    if lang in _LATIN_LANGS:
        return set()
    # Unknown language: the script most of the document's non-Latin letters use, if they
    # outnumber the Latin ones (a Russian article), else none.
    counts: Counter[str] = Counter()
    for m in _FOREIGN.finditer(doc.prose):
        counts[_script_of(m.group()[0]) or "?"] += len(m.group())
    latin = len(_LATIN_LETTER.findall(doc.prose))
    if counts and counts.most_common(1)[0][1] > latin:
        top = counts.most_common(1)[0][0]
        return {top, "Han"} if top in _KANA else {top}
    return set()


def _enclosed(text: str, start: int, end: int) -> bool:
    """Whether [start, end) sits inside one pair of parentheses or brackets on its line."""
    left = text.rfind("\n", max(0, start - 300), start) + 1
    before = text[max(left, start - 300):start]
    depth = 0
    for ch in reversed(before):
        if ch in ")]）】":
            depth += 1
        elif ch in "([（【":
            if depth == 0:
                right = text[end:end + 300].split("\n", 1)[0]
                return any(c in right for c in ")]）】")
            depth -= 1
    return False


def _whole_line(text: str, start: int, end: int) -> bool:
    """Whether no letter stands on the line of [start, end) outside it."""
    reach = 200  # a caption or credit line is short: farther than this, it is no line of its own
    left = text.rfind("\n", max(0, start - reach), start)
    right = text.find("\n", end, end + reach)
    if (left < 0 and start > reach) or (right < 0 and len(text) - end > reach):
        return False
    left, right = left + 1, len(text) if right < 0 else right
    return not _ANY_LETTER.search(text, left, start) and not _ANY_LETTER.search(text, end, right)


#: Cased alphabetic scripts: their names are capitalised, their running words are not.
_CASED = frozenset({"Cyrillic", "Greek", "Armenian"})
#: Greek vowels (with and without tonos): a Greek word of running text has one; αβ, γδ
#: (T cells, rays) are symbols.
_GREEK_VOWEL = regex.compile(r"[αεηιουωάέήίόύώϊϋΐΰ]")


#: A translation in parentheses after the block, past its closing quotation mark: « Война и мир »
#: (Guerre et Paix).
_TRANSLATED = regex.compile(r"[ \u00a0\u202f]*+[»”\"’]?+[ \u00a0\u202f]*+[(\[]")


def _lowercase(text: str, block: list[tuple[int, int, str]]) -> bool:
    """Whether a block of a cased script holds a lowercase word of running text: two letters or
    more (three and a vowel for Greek, whose single letters and pairs are symbols), or a lowercase
    abbreviation with its period (« гг. », « т. »), standing apart from Latin letters, digits and
    hyphens (« α-synucléine », a letter glued in a Latin word)."""
    if any(name not in _CASED for _s, _e, name in block):
        return False
    for s, e, name in block:
        word = text[s:e]
        if word != word.lower() or word == word.upper():
            continue
        before = text[s - 1] if s else " "
        after = text[e] if e < len(text) else " "
        if before.isalnum() or before in "-‐‑_" or after.isalnum() or after in "-‐‑_":
            continue
        if after == "." and name == "Cyrillic":
            return True
        if name == "Greek":
            if len(word) >= 3 and _GREEK_VOWEL.search(word):
                return True
        elif len(word) >= 2:
            return True
    return False


def _quoted_translated(doc: Document, start: int, end: int, lang: str, cjk: int) -> bool:
    """Whether the block is a whole quotation, or inside one, that the article translates beside it
    (in parentheses, after a dash, in the next or the previous quotation: ``foreign-language``'s
    ``quotation_translated``): a speaker's words given in the original, then in the article's
    language. Han, kana and hangul pack more meaning into each word (or write no spaces): such
    a block counts as half as many words as it has of those characters, when that is more."""
    from checker.kinds._spans import enclosing
    from checker.kinds.foreign_language import _QUOTE, _first_group, quotation_translated

    m = enclosing(_QUOTE, doc.prose, start, end)
    if m is None:
        return False
    words = max(len((_first_group(m) or "").split()), cjk // 2)
    return quotation_translated(doc, m.start(), m.end(), lang, words)


def _word_pattern(words: tuple[str, ...]) -> regex.Pattern[str] | None:
    """One expression for the listed words: whole words for alphabetic scripts, anywhere in a
    block for ideographic and syllabic ones (written without spaces)."""
    parts = []
    for word in sorted(set(words), key=lambda w: (-len(w), w)):  # not the hash seed's order
        body = r"\s+".join(regex.escape(w) for w in word.split())
        if not any(_script_of(ch) in _CJK for ch in word):
            body = rf"(?<![\p{{L}}\p{{M}}]){body}(?![\p{{L}}\p{{M}}])"
        parts.append(body)
    return regex.compile("|".join(parts)) if parts else None


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Validate the thresholds; read the list of words."""
    p = rule.params
    min_cjk, min_kana, min_words, max_gap = p["min_cjk"], p["min_cjk_kana"], p["min_words"], p["max_gap"]
    min_line_cjk = p["min_line_cjk"]
    number_units = p["number_units"]
    lowercase_words = p["lowercase_words"]
    if min(min_cjk, min_kana, min_words) < 1 or max_gap < 0:
        raise ValueError("thresholds must be positive")
    words_file = rule.resolve(p["words"]) if p["words"] else None
    if words_file is not None and not words_file.is_file():
        raise ValueError(f"words: {p['words']} does not exist beside the rule")

    @cache
    def listed() -> regex.Pattern[str] | None:
        """The listed words' expression, made when an article first holds a short block."""
        from checker.wordlists import read_list

        return _word_pattern(read_list(words_file)) if words_file is not None else None

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        text = doc.prose
        if not _FOREIGN.search(text):
            return
        own = _own_scripts(doc, ctx.primary)
        block: list[tuple[int, int, str]] = []

        def flush() -> Iterator[Hit]:
            if not block:
                return
            start, end = block[0][0], block[-1][1]
            enclosed = _enclosed(text, start, end)
            while end < len(text) and text[end] in _CLOSERS:
                end += 1
            scripts = Counter()
            for s, e, _name in block:
                for ch in text[s:e]:
                    scripts[_script_of(ch) or "?"] += 1
            chars = sum(scripts.values())
            cjk = sum(n for name, n in scripts.items() if name in _CJK)
            kana = any(name in _KANA for name in scripts)
            words = len(block)
            if cjk:
                big = chars >= min_cjk or (kana and chars >= min_kana)
                # A line of its own (a credit, a caption, a slogan) is text, not a name given in its
                # original spelling beside the translation: « 责任编辑：王磊 ».
                big = big or (chars >= min_line_cjk and _whole_line(text, start, end))
                # « 1,2亿 », « 500억 »: a number with its source-language magnitude or unit.
                big = big or (number_units and start > 0 and text[start - 1].isdecimal())
            else:
                big = words >= min_words
            if not big and words_file is not None:
                found = listed()
                big = found is not None and found.search(text, start, end) is not None
            if not big and lowercase_words and not enclosed and _lowercase(text, block) \
                    and not glossed(text, block[0][0], block[-1][1], ctx.primary) \
                    and not _TRANSLATED.match(text, block[-1][1]):
                big = True  # « 40 млн рублей »: a lowercase word of a cased script is no name
            if big and _quoted_translated(doc, block[0][0], block[-1][1], ctx.primary, cjk):
                big = False  # « “천천히, 한 번 더”, meaning “slowly, one more time” »
            if big and not enclosed and doc.is_prose(start, end):
                top = scripts.most_common(1)[0][0]
                if kana and top == "Han":
                    top = next(name for name in scripts if name in _KANA)
                yield Hit(start, end, confidence=0.95 if chars >= 2 * min_kana else 0.85,
                          args={"script": top, "lang": _SCRIPTS.get(top, top)})

        for m in _FOREIGN.finditer(text):
            name = _script_of(m.group()[0]) or "?"
            if name in own:
                yield from flush()
                block = []
                continue
            if block:
                gap = text[block[-1][1]:m.start()]
                if len(gap) > max_gap or _LATIN_LETTER.search(gap):
                    yield from flush()
                    block = []
            # A run may change script inside (漢字かな): one entry per run is enough here.
            block.append((m.start(), m.end(), name))
        yield from flush()

    return check
