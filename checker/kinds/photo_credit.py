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

import unicodedata
from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit, Severity
from checker.rules import Rule, param
from checker.wordlists import fold, read_list

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
# A word of a script without case (the source's « 제공 », « 提供 »: "courtesy of") counts too.
_VWORD = r"(?:\p{Lo}{1,4}(?![\p{L}\p{M}])|[\p{Lu}\p{N}@#][\p{L}\p{N}\p{M}._'’&+_-]*|\p{Ll}{2,4}(?:-\p{L}+)?(?![\p{L}\p{N}])|(?:de|da|do|dos|das|del|di|du|des|la|le|van|von|der|den|y|e|et|and|und|&|via|for|für|per|para|pour|avec|with|con|com|mit)(?![\p{L}]))"
_VALUE = rf"{_VWORD}(?:(?:{_S}*[/,]{_S}*|{_S}+|{_S}*-{_S}*){_VWORD}){{0,11}}"
_WORD = regex.compile(r"[\p{L}\p{N}]+")
# After a credit at a line's start: a slash, bar or dash, then the caption's words.
_CAPTION_AFTER = regex.compile(_S + r"+[/|–—-]" + _S + r"+(?=\p{L})")
_CAPTION_AFTER_WORDS = 25  # most words of such a line: a caption, not a paragraph run into a credit
_CLOSE_SEP = regex.compile(r"(?<=\S)(?:" + _S + r"+[-–—|]" + _S + r"*|[.!?]" + _S + r"+(?:[-–—|]" + _S + r"*)?)")
_SENT_END = regex.compile(r"[.!?…][\"'»”)]*" + _S + r"+(?=[\p{Lu}\"«“(])")


_LABEL = r"\p{L}[\p{L}\p{M}'’.-]*(?:" + _S + r"+\p{L}[\p{L}\p{M}'’.-]*){0,4}"
_CONJ = regex.compile(r" (?:et|and|y|e|und|&) ")
_SPACES = regex.compile(r"\s+")


def _norm(text: str) -> str:
    return _SPACES.sub(" ", fold(text)).strip()


def _count(text: str) -> int:
    return len(_WORD.findall(text))


def build(rule: Rule):  # noqa: ANN201
    """Compile the credit expressions from the label and agency lists."""
    p = rule.params
    path = rule.resolve(p["labels"])
    if not path.is_file():
        raise ValueError(f"labels file not found: {path.name}")
    labels = {_norm(x) for x in read_list(path) if x.strip()}
    if not labels:
        raise ValueError("the labels file is empty")
    agencies: set[str] = set()
    if p.get("agencies"):
        apath = rule.resolve(p["agencies"])
        if not apath.is_file():
            raise ValueError(f"agencies file not found: {apath.name}")
        agencies = {_norm(x) for x in read_list(apath) if x.strip()}
    max_words = p["max_words"]
    openers: tuple[str, ...] = ()
    if p.get("caption_openers"):
        opath = rule.resolve(p["caption_openers"])
        if not opath.is_file():
            raise ValueError(f"caption_openers file not found: {opath.name}")
        openers = tuple(sorted({_norm(x) for x in read_list(opath) if x.strip()}, key=len, reverse=True))
    max_caption = p["max_caption_words"]

    def is_label(text: str) -> bool:
        key = _norm(text)
        if key in labels:
            return True
        parts = _CONJ.split(key)
        return len(parts) == 2 and all(x in labels for x in parts)

    def opens_caption(text: str) -> bool:
        """« De gauche à droite : Name, … »: an opener, a colon or a comma, a capital."""
        head = _norm(text[:80]).lstrip("(")
        for o in openers:
            if head.startswith(o) and head[len(o) :].lstrip(") ")[:1] in (":", ","):
                marks = [j for j in (text.find(":"), text.find(",")) if j >= 0]
                rest = text[min(marks) + 1 :].lstrip() if marks else ""
                return rest[:1].isupper()
        return False

    # A credit: a label (checked against the list), a colon, a value that looks like a name.
    alone = regex.compile(rf"(?P<label>{_LABEL}){_S}*[:：]{_S}*(?P<value>{_VALUE}|https?://\S+){_S}*\.?", regex.V1)
    bracket = regex.compile(rf"\((?P<label>{_LABEL}){_S}*[:：]{_S}*(?P<value>{_VALUE}){_S}*\)", regex.V1)
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
    agency_bracket = regex.compile(r"\((?P<agency>[^()\n]{1,40})\)" + _S + r"*\.?$", regex.V1)
    caps_photo = regex.compile(
        r"^(?:PHOTO|PHOTOS|FOTO|FOTOS|ILLUSTRATION)" + _S + r"+\p{Lu}[\p{Lu}\p{M}.'’-]+(?:" + _S
        + r"+\p{Lu}[\p{Lu}\p{M}.'’-]+){0,3}," + _S + r"*\p{Lu}[\p{Lu}\p{M}.'’-]+(?:" + _S + r"+\p{Lu}[\p{Lu}\p{M}.'’-]+){0,3}(?![\p{L}])",
        regex.V1,
    )

    def _agency(m: regex.Match | None) -> bool:
        return m is not None and _norm(m.group("agency")) in agencies

    def short(m: regex.Match) -> bool:
        value = m.group("value")
        return is_label(m.group("label")) and (_count(value) <= max_words or value.startswith("http"))

    def closing(text: str) -> bool:
        """A credit that closes a caption line: in brackets, or after a dash, a bar or a sentence's end."""
        n = len(text)
        lp = text.rfind("(")
        if lp > 0 and text[lp - 1] in " \t\u00a0\u202f":
            m = bracket.match(text, lp)
            if m and not text[m.end() :].strip(" \t.") and short(m):
                return True
        for sep in _CLOSE_SEP.finditer(text, max(1, n - 160)):
            m = alone.match(text, sep.end())
            if m and m.end() == n and short(m):
                return True
            m = bracket.match(text, sep.end())
            if m and not text[m.end() :].strip(" \t.") and short(m):
                return True
        return False

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        prose = doc.prose
        for line in doc.lines:
            s, e = line.start, line.end
            # Leading white space, and the pictograms some sites print before a credit (📸, 🎥).
            while s < e and (prose[s].isspace() or unicodedata.category(prose[s]) == "So" or prose[s] == "\ufe0f"):
                s += 1
            while e > s and prose[e - 1].isspace():
                e -= 1
            if s >= e:
                continue
            text = prose[s:e]
            colon = ":" in text or "：" in text
            paren = "(" in text
            if openers and _count(text) <= max_caption and opens_caption(text):
                yield Hit(s, e, confidence=0.6, severity=Severity.MINOR)
                continue
            if not (colon or paren or "/" in text or text[:1] in "PFIpfi"):
                continue  # no credit can be there: skip the expressions
            n = _count(text)
            m = alone.match(text) if colon else None
            if m and short(m):
                if m.end() == len(text):
                    yield Hit(s, e, confidence=0.8)
                    continue
                # A credit line that the next sentence was run into: only the credit, to its full stop.
                stop = text.find(". ", m.start("value"), m.end() + 1)
                if stop > 0:
                    yield Hit(s, s + stop + 1, confidence=0.7, severity=Severity.MINOR)
                    continue
                # A credit that opens its caption line: « FOTO: Agency / what the picture shows ».
                split = _CAPTION_AFTER.search(text, m.start("value"))
                if split and n <= _CAPTION_AFTER_WORDS and not _SENT_END.search(text, split.end()):
                    head = alone.fullmatch(text, 0, split.start())
                    if head and short(head):
                        yield Hit(s, e, confidence=0.7, severity=Severity.MINOR)
                        continue
            if n <= max_caption:
                if colon and closing(text):
                    yield Hit(s, e, confidence=0.7, severity=Severity.MINOR)
                    continue
                if caps_photo.match(text) or (paren and text.rstrip(" .").endswith(")") and (
                    caps_bracket.search(text, timeout=2.0)
                    or (agencies and _agency(agency_bracket.search(text, timeout=2.0)))
                )):
                    yield Hit(s, e, confidence=0.7, severity=Severity.MINOR)
                    continue
            done = False
            for m in bracket.finditer(text, timeout=2.0) if paren and colon else ():
                if not short(m):
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
