"""Kind ``photo-credit``: photo credits and the captions they close, left in the text.

A page's pictures carry a caption and a credit (``… salue la foule - Photo : NAM
TRAN``, ``(Foto: Tien Tuan)``, ``Crédit: Name/Getty Images``, ``ANTARA PHOTO/Name/ed``).
Extraction turns them into lines of the article, or runs them into a paragraph.
A credit is a ``labels`` word (Photo, Foto, Bild, Crédit, Fonte…) with a colon,
then a short value that looks like a name (each word capitalised, a digit, an
@handle or a short connector), or an agency credit in capitals with slashes.
What is reported:

- a line that is only a credit (``Photo: Name``), or a credit of the ``agencies``
  list in brackets (``(Shutterstock)``), with at most ``max_words`` words;
- a line (at most ``max_caption_words`` words) that ends with a credit after a
  dash, a bar, a full stop or in brackets: the caption and its credit;
- a credit in brackets inside a paragraph: the sentence it closes;
- an agency credit in capitals with slashes anywhere (``AGENCY PHOTO/Name/xx``);
- a line opening with ``PHOTO NAME, OUTLET`` in capitals (Québec style);
- a line opening with a ``caption_openers`` phrase (``From left to right:``), a caption.

params: ``labels`` (file: credit words, one per line), ``caption_openers`` (file), ``agencies`` (file: photo
agencies and stock libraries that may stand alone in brackets), ``max_words``,
``max_caption_words``.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit, Severity
from checker.rules import Rule, param
from checker.wordlists import read_list

NAME = "photo-credit"
PARAMS = {
    "labels": param(str, required=True, doc="file of credit words (Photo, Foto, Bild, Crédit…)"),
    "agencies": param(str, default=None, doc="file of agencies and stock libraries credited in brackets"),
    "max_words": param(int, default=8, doc="most words in a credit's value"),
    "max_caption_words": param(int, default=60, doc="most words in a caption line closed by a credit"),
    "caption_openers": param(str, default=None, doc="file: openings of a photo caption (From left to right…)"),
}

_S = r"[ \t\u00a0\u202f]"
# A value word: capitalised, digits, @handle, an initial, a short lowercase agency (dpa, epd), or a connector.
_VWORD = r"(?:[\p{Lu}\p{N}@#][\p{L}\p{N}\p{M}._'’&+_-]*|\p{Ll}{2,4}(?:-\p{L}+)?(?![\p{L}\p{N}])|(?:de|da|do|dos|das|del|di|du|des|la|le|van|von|der|den|y|e|et|and|und|&|via|for|für|per|para|pour|avec|with|con|com|mit)(?![\p{L}]))"
_VALUE = rf"{_VWORD}(?:(?:{_S}*[/,]{_S}*|{_S}+|{_S}*-{_S}*){_VWORD}){{0,11}}"
_WORD = regex.compile(r"[\p{L}\p{N}]+")
_SENT_END = regex.compile(r"[.!?…][\"'»”)]*" + _S + r"+(?=[\p{Lu}\"«“(])")


def _count(text: str) -> int:
    return len(_WORD.findall(text))


def build(rule: Rule):  # noqa: ANN201
    """Compile the credit expressions from the label and agency lists."""
    p = rule.params
    path = rule.resolve(p["labels"])
    if not path.is_file():
        raise ValueError(f"labels file not found: {path.name}")
    labels = sorted({x.strip() for x in read_list(path) if x.strip()}, key=len, reverse=True)
    if not labels:
        raise ValueError("the labels file is empty")
    label = "(?i:" + "|".join(regex.escape(x).replace(r"\ ", _S + "+") for x in labels) + ")"
    label2 = rf"{label}(?:{_S}+(?i:et|and|y|e|und|&){_S}+{label})?"
    agencies: list[str] = []
    if p.get("agencies"):
        apath = rule.resolve(p["agencies"])
        if not apath.is_file():
            raise ValueError(f"agencies file not found: {apath.name}")
        agencies = sorted({x.strip() for x in read_list(apath) if x.strip()}, key=len, reverse=True)
    agency = "(?:" + "|".join(regex.escape(x).replace(r"\ ", _S + "+") for x in agencies) + ")" if agencies else None
    max_words = p["max_words"]
    opener = None
    if p.get("caption_openers"):
        opath = rule.resolve(p["caption_openers"])
        if not opath.is_file():
            raise ValueError(f"caption_openers file not found: {opath.name}")
        words = sorted({x.strip() for x in read_list(opath) if x.strip()}, key=len, reverse=True)
        opener = regex.compile(
            r"\(?(?i:" + "|".join(regex.escape(x).replace(r"\ ", _S + "+") for x in words) + r")\)?" + _S + r"*[:,]" + _S + r"*\p{Lu}",
            regex.V1,
        )
    max_caption = p["max_caption_words"]

    credit = rf"(?:{label2}){_S}*[:：]{_S}*(?P<value>{_VALUE})"
    # A whole line that is a credit.
    alone = regex.compile(rf"{label2}{_S}*[:：]{_S}*(?P<value>{_VALUE}|https?://\S+){_S}*\.?", regex.V1)
    # A credit closing a caption line: after a dash, a bar or a sentence's end.
    closing = regex.compile(
        rf"(?:(?:{_S}+[-–—|]{_S}*|[.!?]{_S}+)(?:\({credit}\)|{label2}{_S}*[:：]{_S}*(?P<value2>{_VALUE}|https?://\S+))"
        rf"|{_S}+\({credit}\)){_S}*\.?$",
        regex.V1,
    )
    # A credit in brackets anywhere.
    bracket = regex.compile(rf"\({label2}{_S}*[:：]{_S}*(?P<value>{_VALUE}){_S}*\)", regex.V1)
    # Agency credits in capitals: AGENCY PHOTO/Name/ed, AGENCY/Name Name/ed/xx, (AGENCY/HO/NAME), (NAME / AGENCY).
    caps_credit = regex.compile(
        r"(?<![\p{L}\p{N}/])\p{Lu}{2,}(?:" + _S + r"\p{Lu}{2,})?" + _S + r"(?:PHOTO|FOTO|PHOTOS|FOTOS)/\p{Lu}[\p{L}.'’-]*(?:"
        + _S + r"[\p{L}.'’-]+){0,4}(?:/[\p{L}\p{N}.]{1,15}){0,4}"
        r"|(?<![\p{L}\p{N}/])\p{Lu}{3,}/\p{Lu}[\p{L}'’-]+(?:" + _S + r"\p{Lu}[\p{L}'’-]+){1,3}(?:/[\p{L}\p{N}.]{1,15}){1,4}",
        regex.V1,
    )
    caps_bracket = regex.compile(
        r"\((?:\p{Lu}[\p{Lu}\p{M}.'’-]*(?:" + _S + r"+\p{Lu}[\p{Lu}\p{M}.'’-]*)*" + _S + r"*/" + _S + r"*){1,3}"
        r"\p{Lu}[\p{Lu}\p{M}.'’-]*(?:" + _S + r"+\p{Lu}[\p{Lu}\p{M}.'’-]*)*\)" + _S + r"*\.?$",
        regex.V1,
    )
    agency_bracket = regex.compile(rf"\((?i:{agency})\){_S}*\.?$", regex.V1) if agency else None
    caps_photo = regex.compile(
        r"^(?:PHOTO|PHOTOS|FOTO|FOTOS|ILLUSTRATION)" + _S + r"+\p{Lu}[\p{Lu}\p{M}.'’-]+(?:" + _S
        + r"+\p{Lu}[\p{Lu}\p{M}.'’-]+){0,3}," + _S + r"*\p{Lu}[\p{Lu}\p{M}.'’-]+(?:" + _S + r"+\p{Lu}[\p{Lu}\p{M}.'’-]+){0,3}(?![\p{L}])",
        regex.V1,
    )

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        prose = doc.prose
        for line in doc.lines:
            s, e = line.start, line.end
            while s < e and prose[s].isspace():
                s += 1
            while e > s and prose[e - 1].isspace():
                e -= 1
            if s >= e:
                continue
            text = prose[s:e]
            colon = ":" in text or "：" in text
            paren = "(" in text
            if opener is not None and _count(text) <= p["max_caption_words"] and opener.match(text):
                yield Hit(s, e, confidence=0.6, severity=Severity.MINOR)
                continue
            if not (colon or paren or "/" in text or text[:1] in "PFIpfi"):
                continue  # no credit can be there: skip the expressions
            n = _count(text)
            m = alone.match(text) if colon else None
            if m and (_count(m.group("value")) <= max_words or m.group("value").startswith("http")):
                if m.end() == len(text):
                    yield Hit(s, e, confidence=0.8)
                    continue
                # A credit line that the next sentence was run into: only the credit, to its full stop.
                stop = text.find(". ", m.start("value"), m.end() + 1)
                if stop > 0:
                    yield Hit(s, s + stop + 1, confidence=0.7, severity=Severity.MINOR)
                    continue
            if n <= max_caption:
                m = closing.search(text, timeout=2.0) if colon else None
                value = (m.group("value") or m.group("value2")) if m else None
                if m and m.start() > 0 and value and (_count(value) <= max_words or value.startswith("http")):
                    yield Hit(s, e, confidence=0.7, severity=Severity.MINOR)
                    continue
                if caps_photo.match(text) or (paren and text.rstrip(" .").endswith(")") and (
                    caps_bracket.search(text, timeout=2.0)
                    or (agency_bracket and agency_bracket.search(text, timeout=2.0))
                )):
                    yield Hit(s, e, confidence=0.7, severity=Severity.MINOR)
                    continue
            done = False
            for m in bracket.finditer(text, timeout=2.0) if paren and colon else ():
                if _count(m.group("value")) > max_words:
                    continue
                # The sentence the credit closes: back to the previous sentence end (or the line's start).
                start = 0
                for b in _SENT_END.finditer(text, 0, m.start()):
                    start = b.end()
                end = m.end()
                while end < len(text) and text[end] in ".!? \t":
                    if text[end] in " \t":
                        break
                    end += 1
                if start < end:
                    yield Hit(s + start, s + end, confidence=0.7, severity=Severity.MINOR)
                    done = True
            if done:
                continue
            for m in caps_credit.finditer(text, timeout=2.0) if "/" in text else ():
                yield Hit(s + m.start(), s + m.end(), confidence=0.7, severity=Severity.MINOR)

    return check
