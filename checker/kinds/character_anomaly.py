"""Kind ``character-anomaly``: characters damaged by a broken encoding or pipeline.

params:
- ``detect``, one of:
  - ``mojibake``: UTF-8 bytes read as Windows-1252 / Latin-1 (``cafÃ©``, ``â€™``). A run
    is reported only when re-encoding it gives valid UTF-8 made of plausible characters
    (Latin letters, punctuation, symbols, emoji), which is then the suggestion.
  - ``invisible``: format characters (Unicode category Cf: zero-width space, word joiner,
    BOM inside the text, soft hyphen, bidirectional controls…); the fix removes them.
    A zero-width joiner or non-joiner is left alone between letters of scripts that use
    it (Arabic, Indic…) and inside emoji sequences; tag characters inside flag emoji too.
    No-break spaces are not format characters and are never reported.
  - ``mixed-script``: a Latin word holding Cyrillic or Greek look-alike letters (``Pаris``
    with a Cyrillic ``а``); the suggestion replaces them with the Latin letters. Words
    whose foreign letters have no Latin look-alike (``μm``, ``πr``) are left alone.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.kinds._mojibake import damaged_runs
from checker.rules import Rule, param

NAME = "character-anomaly"
PARAMS = {"detect": param(str, required=True, doc="mojibake | invisible | mixed-script")}


_INVISIBLE = regex.compile(r"\p{Cf}+")
_JOINERS = {"\u200c", "\u200d"}
_EMOJI = regex.compile(r"[\p{Extended_Pictographic}\p{Emoji_Modifier}\p{Regional_Indicator}\ufe0f\u20e3]")
_JOINING_SCRIPT = regex.compile(
    r"[\p{Arabic}\p{Syriac}\p{Devanagari}\p{Bengali}\p{Gurmukhi}\p{Gujarati}\p{Oriya}\p{Tamil}"
    r"\p{Telugu}\p{Kannada}\p{Malayalam}\p{Sinhala}\p{Thai}\p{Khmer}\p{Myanmar}\p{Tibetan}\p{Hebrew}"
    r"\p{Mongolian}\p{Nko}\p{Thaana}]"
)

_WORD = regex.compile(r"[\p{L}\p{M}]+")
_LETTER = regex.compile(r"[\p{L}\p{M}]")
_LETTERS = regex.compile(r"[\p{L}\p{M}]+")
_WORD_END = regex.compile(r"[\p{L}\p{M}]+\Z")
_LOOKALIKE = dict(
    zip(
        "аеорсухіјѕԁӏАВЕКМНОРСТХУІЈЅ" "οαινρτυχκΑΒΕΖΗΙΚΜΝΟΡΤΥΧ",
        "aeopcyxijsdlABEKMHOPCTXYIJS" "oaivptuxkABEZHIKMNOPTYX",
        strict=True,
    )
)
_FOREIGN = regex.compile(r"[\p{Cyrillic}\p{Greek}]")
_LATIN = regex.compile(r"\p{Latin}")


def _mojibake(doc: Document, lang: str) -> Iterator[Hit]:
    text = doc.prose
    runs = {start: (end, fixed) for start, end, fixed in damaged_runs(doc)}
    # Report the whole damaged word (« cafÃ© » → « café »), runs inside one word merged.
    pos = 0
    for run_start in sorted(runs):
        if run_start < pos:
            continue
        start = run_start
        while start > pos and _LETTER.match(text[start - 1]):
            start -= 1
        pieces = [text[start:run_start]]
        end = run_start
        while end < len(text):
            if end in runs:
                run_end, fixed = runs[end]
                pieces.append(fixed)
                end = run_end
            elif _LETTER.match(text[end]):
                pieces.append(text[end])
                end += 1
            else:
                break
        pos = end
        yield Hit(start, end, ("".join(pieces),), confidence=0.95)


def _soft_hyphen_fix(text: str, start: int, end: int, lang: str) -> str:
    # Extraction tools put U+00AD where a dash or a hyphen was: « Parlement ­ et » needs a
    # dash, « quelques­unes » a hyphen, « pru­dence » nothing.
    before = text[start - 1] if start else " "
    after = text[end] if end < len(text) else " "
    if before.isspace() or after.isspace():
        return "–" if before.isspace() and after.isspace() else ""
    left = _WORD_END.search(text, max(0, start - 40), start)
    right = _LETTERS.match(text, end)
    if not left or not right:
        return ""
    from checker import lexicon

    joined = left.group() + right.group()
    if lexicon.zipf(joined, lang) > 0:
        return ""
    if lexicon.zipf(left.group(), lang) > 0 and lexicon.zipf(right.group(), lang) > 0:
        return "-"
    return ""


def _invisible(doc: Document, lang: str) -> Iterator[Hit]:
    text = doc.text
    for m in _INVISIBLE.finditer(doc.prose):
        start, end = m.span()
        before = text[start - 1] if start else ""
        after = text[end] if end < len(text) else ""
        chars = set(m.group())
        if chars <= _JOINERS and (
            _JOINING_SCRIPT.match(before or " ") or _JOINING_SCRIPT.match(after or " ") or _EMOJI.match(before or " ")
        ):
            continue
        if all(0xE0020 <= ord(c) <= 0xE007F for c in chars) and (_EMOJI.match(before or " ") or before in chars):
            continue  # tag sequence of a subdivision flag
        names = ", ".join(dict.fromkeys(f"U+{ord(c):04X}" for c in m.group()))
        fix = _soft_hyphen_fix(text, start, end, lang) if m.group() == "\u00ad" else ""
        yield Hit(start, end, (fix,), args={"chars": names})


def _mixed_script(doc: Document, lang: str) -> Iterator[Hit]:
    text = doc.prose
    for m in _WORD.finditer(text):
        word = m.group()
        if not _FOREIGN.search(word) or not _LATIN.search(word):
            continue
        foreign = [c for c in word if _FOREIGN.match(c)]
        latin = [c for c in word if _LATIN.match(c)]
        if len(foreign) > len(latin) or any(c not in _LOOKALIKE for c in foreign):
            continue  # a Cyrillic/Greek word, or a unit/symbol such as μm
        fixed = "".join(_LOOKALIKE.get(c, c) for c in word)
        yield Hit(m.start(), m.end(), (fixed,), args={"letters": ", ".join(f"U+{ord(c):04X}" for c in foreign)})


_DETECTORS = {"mojibake": _mojibake, "invisible": _invisible, "mixed-script": _mixed_script}


def build(rule: Rule):  # noqa: ANN201
    """Pick the detector named by ``detect``."""
    detect = rule.params["detect"]
    if detect not in _DETECTORS:
        raise ValueError(f"detect: {detect!r} is not one of {', '.join(_DETECTORS)}")
    detector = _DETECTORS[detect]

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        return detector(doc, ctx.primary if ctx is not None else doc.lang)

    return check
