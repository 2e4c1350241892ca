"""Kind ``residue``: characters left over by a broken publishing pipeline (encoding category).

A scraper or a CMS that mishandles text leaves traces that no reader should see:
escape sequences of the JSON or PHP layer (``n\\'est``, ``\\u00e9``), HTML
entities printed as text (``&amp;``, ``&#8217;``), fragments of HTML tags and
attributes (``">``, ``<br>``), emoji turned into runs of question marks
(``????``), a letter replaced by ``?`` or by U+FFFD, and an emoji variation
selector whose emoji was lost.

params:
- ``detect``, one of:
  - ``escape``: a backslash escape (``\\'``, ``\\"``, ``\\/``, ``\\uXXXX``, ``\\xXX``,
    ``\\n`` between sentences) in running text; the suggestion is the character.
    Windows paths (``C:\\Users``) and escapes inside URLs are left alone.
  - ``entity``: an HTML character reference that HTML5 defines (``&amp;``,
    ``&eacute;``, ``&#8217;``, ``&#x2019;``), also double-escaped (``&amp;#8217;``);
    the suggestion is the character. ``AT&T``, ``R&D``, ``Q&A`` are no references.
  - ``markup``: an HTML tag (``<br>``, ``</p>``, ``<a href="…">``) or the end of an
    attribute (``title="…">``) printed as text.
  - ``lost-emoji``: a run of ``min_run`` or more question marks standing alone (not
    glued to a word, as ``quoi ??`` or ``What???`` are).
  - ``lost-letter``: U+FFFD, or ``?`` between two letters inside a word (``Fran?ois``);
    URLs (``page.php?id=2``) are left alone.
  - ``ftfy``: words that ftfy (``ftfy.badness.is_bad``) finds damaged and ``ftfy.fix_encoding``
    repairs: mojibake of other scripts (``ÐŸÑ€Ð¸Ð²ÐµÑ‚``), double encodings (``cafÃƒÂ©``);
    runs that the ``character-anomaly`` mojibake detector (MT231) reports are left to it.
  - ``orphan-selector``: an emoji variation selector (U+FE0F, U+FE0E) after a
    character that takes none (a space, a letter, a question mark).
- ``min_run``: shortest run of question marks reported by ``lost-emoji``.
"""

from __future__ import annotations

from collections.abc import Iterator
from functools import cache

import regex

from checker.context import Context
from checker.document import Document
from checker.finding import Hit
from checker.rules import Rule, param

NAME = "residue"
PARAMS = {
    "detect": param(str, required=True, doc="escape | entity | markup | lost-emoji | lost-letter | orphan-selector | ftfy"),
    "min_run": param(int, default=4, doc="shortest run of question marks for lost-emoji"),
}

# The non-space run around a match: a URL or a path is no running text.
_URLISH = regex.compile(r"(?:https?:|www\.|\w:\\|/\w|\w\.(?:php|html?|aspx?|jsp)\b|=)")

_ESCAPE = regex.compile(
    r"\\(?:(?P<quote>['\"/])|u(?P<u4>[0-9a-fA-F]{4})|U(?P<u8>[0-9a-fA-F]{8})|x(?P<x2>[0-9a-fA-F]{2})|(?P<nl>[nrt]))"
)

# &name; &#123; &#x1F600; possibly double-escaped (&amp;#8217;).
_ENTITY = regex.compile(r"&(?:amp;)?(?:#[0-9]{2,7}|#[xX][0-9a-fA-F]{2,6}|[A-Za-z][A-Za-z0-9]{1,31});")

_TAGS = (
    "a|abbr|b|blockquote|br|caption|cite|code|dd|div|dl|dt|em|figcaption|figure|font|h[1-6]|hr|i|iframe|img|"
    "input|label|li|meta|nav|noscript|ol|p|picture|pre|q|rp|rt|ruby|s|script|section|small|source|span|strong|"
    "style|sub|sup|table|tbody|td|th|thead|tr|u|ul|video"
)
_TAG = regex.compile(
    rf"</?(?:{_TAGS})(?:\s[^<>\n]{{0,300}}?)?\s*/?>|<(?:{_TAGS})\s+[a-z-]{{1,20}}=[\"'][^<>\n]{{0,300}}?(?=\n|$)",
    regex.IGNORECASE,
)
# The end of an attribute value: title="…"> — the quote closes a value, '>' the tag.
_ATTR_END = regex.compile(r"(?<=[^\s\"'=<>])[\"']\s?/?>")
_ATTR_TOKEN_START = regex.compile(r"[^\s]{1,20}\Z")

_QUESTION_RUN = regex.compile(r"\?{2,}+")
_LETTER = regex.compile(r"\p{L}")
_LOST = regex.compile(r"\ufffd|(?<=\p{L})\?(?=\p{Ll})")
_SELECTOR = regex.compile(r"[\ufe0e\ufe0f]")
_TAKES_SELECTOR = regex.compile(r"[\p{Emoji}\p{Extended_Pictographic}\u20e3\u200d]")


@cache
def _entities() -> dict[str, str]:
    # Imported at the first entity-like string: html.entities is a table of 2,000 names that
    # costs about 5 ms to import, and most articles hold no entity.
    import html.entities

    return html.entities.html5


def _token_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The non-space run around [start, end), looked at within 200 characters."""
    s = start
    lo = max(0, start - 200)
    while s > lo and not text[s - 1].isspace():
        s -= 1
    e = end
    hi = min(len(text), end + 200)
    while e < hi and not text[e].isspace():
        e += 1
    return s, e


def _in_url(text: str, start: int, end: int) -> bool:
    s, e = _token_bounds(text, start, end)
    return bool(_URLISH.search(text, s, e))


def _escape(doc: Document) -> Iterator[Hit]:
    text = doc.prose
    for m in _ESCAPE.finditer(text):
        start, end = m.span()
        if start and text[start - 1] == "\\":
            continue  # an escaped backslash (\\n) is code, not text
        if m.group("quote"):
            ch = m.group("quote")
            if ch == "/":
                # JSON-escaped slash: http:\/\/ — only inside a URL-like token.
                s, e = _token_bounds(text, start, end)
                if "\\/\\/" not in text[s:e] and not regex.search(r"\w\\/\w", text[s:e]):
                    continue
                yield Hit(start, end, ("/",), confidence=0.8)
                continue
            before = text[start - 1] if start else " "
            after = text[end] if end < len(text) else " "
            if not (_LETTER.match(before) or _LETTER.match(after)):
                continue
            if _in_url(text, start, end):
                continue
            yield Hit(start, end, (ch,), confidence=0.95)
        elif m.group("nl"):
            # A literal \n only between pieces of prose: "fin.\nDébut", "fin.\n\nDébut".
            before = text[start - 1] if start else ""
            after = text[end] if end < len(text) else ""
            if _in_url(text, start, end) or regex.search(r"\w:\\", text[max(0, start - 40):start]):
                continue
            if before in ".!?:;\"”»)" or before.isspace():
                if after.isupper() or after == "\\" or after.isspace() or after in "«“\"":
                    yield Hit(start, end, ("\n" if m.group("nl") == "n" else " ",), confidence=0.8)
        else:
            code = m.group("u4") or m.group("u8") or m.group("x2")
            if _in_url(text, start, end) and not m.group("u4"):
                continue
            try:
                ch = chr(int(code, 16))
            except (ValueError, OverflowError):
                continue
            if not ch.isprintable() and ch not in "\n\t":
                continue
            if m.group("x2") and not (_LETTER.match(text[start - 1:start] or " ")):
                continue  # \x41 alone is more likely code than text
            yield Hit(start, end, (ch,), confidence=0.9)


def _entity(doc: Document) -> Iterator[Hit]:
    text = doc.prose
    names: dict[str, str] | None = None
    for m in _ENTITY.finditer(text):
        raw = m.group()
        body = raw[5:] if raw.startswith("&amp;") and len(raw) > 5 else raw[1:]
        if body.startswith("#"):
            try:
                cp = int(body[2:-1], 16) if body[1] in "xX" else int(body[1:-1])
                fixed = chr(cp)
            except (ValueError, OverflowError):
                continue
            if not fixed.isprintable() and fixed not in "\u00a0\u202f\u200b\u00ad":
                continue
        else:
            if names is None:
                names = _entities()
            fixed = names.get(body)
            if fixed is None:
                continue
        if raw.startswith("&amp;") and raw != "&amp;":
            import html

            fixed = html.unescape(html.unescape(raw))
        yield Hit(m.start(), m.end(), (fixed,), confidence=0.95)


def _markup(doc: Document) -> Iterator[Hit]:
    text = doc.prose
    import bisect

    tags = [m.span() for m in _TAG.finditer(text)]
    for start, end in tags:
        yield Hit(start, end, ("",), confidence=0.9)
    tag_starts = [s for s, _ in tags]
    for m in _ATTR_END.finditer(text):
        k = bisect.bisect_right(tag_starts, m.start()) - 1
        if k >= 0 and tags[k][0] <= m.start() < tags[k][1]:
            continue
        # The token it ends (title="…"> or 問">) decides; only the markup itself is reported,
        # so that removing it (the fix) keeps the visible text.
        lead = _ATTR_TOKEN_START.search(text, max(0, m.start() - 20), m.start())
        token = text[lead.start() if lead else m.start():m.end()]
        # `"a" > "b"` and quoted words followed by '>' in prose: the '>' must end the token.
        after = text[m.end():m.end() + 1]
        if after and not after.isspace():
            continue
        if token.count('"') + token.count("'") > 1:
            continue  # a whole quoted word: "oui">, more likely a comparison or an arrow
        yield Hit(m.start(), m.end(), ("",), confidence=0.8)


def _lost_emoji(doc: Document, min_run: int) -> Iterator[Hit]:
    text = doc.prose
    for m in _QUESTION_RUN.finditer(text):
        start, end = m.span()
        if end - start < min_run:
            continue
        before = text[start - 1] if start else " "
        if _LETTER.match(before) or before.isdigit():
            continue  # "What????" is emphatic punctuation, not a lost emoji
        yield Hit(start, end, confidence=0.85)


def _damaged_word(text: str, start: int, end: int) -> tuple[int, int]:
    """The word around a lost character: letters, '?' and U+FFFD on both sides (bounded)."""
    ws, we = start, end
    lo, hi = max(0, start - 60), min(len(text), end + 60)
    while ws > lo and (_LETTER.match(text[ws - 1]) or text[ws - 1] in "?\ufffd"):
        ws -= 1
    while we < hi and (_LETTER.match(text[we]) or text[we] == "\ufffd" or (
            text[we] == "?" and we + 1 < len(text) and _LETTER.match(text[we + 1]))):
        we += 1
    if we < hi and text[we] == "?" and text[start] == "?":
        we += 1  # a final lost letter: caf? → the '?' is part of the word
    return ws, we


def _lost_letter(doc: Document) -> Iterator[Hit]:
    text = doc.prose
    last = -1
    for m in _LOST.finditer(text):
        start, end = m.span()
        if start < last:
            continue
        if m.group() == "?":
            s, e = _token_bounds(text, start, end)
            if _URLISH.search(text, s, e):
                continue
        ws, we = _damaged_word(text, start, end)
        last = we
        yield Hit(ws, we, confidence=0.95 if "\ufffd" in text[ws:we] else 0.8)


def _orphan_selector(doc: Document) -> Iterator[Hit]:
    text = doc.prose
    for m in _SELECTOR.finditer(text):
        start = m.start()
        before = text[start - 1] if start else " "
        if _TAKES_SELECTOR.match(before) or before in "\ufe0e\ufe0f":
            continue
        yield Hit(start, m.end(), ("",), confidence=0.9)


# A Latin-1/Windows-1252 image of a UTF-8 lead byte followed by the image of a continuation byte:
# the only places where ftfy is asked to look (it is imported on the first such place).
_MOJIBAKE_HINT = regex.compile(
    "[\u00c2-\u00f4][\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc"
    "\u2013\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
)
_TOKEN = regex.compile(r"\S++")


def _ftfy(doc: Document) -> Iterator[Hit]:
    """Words that ftfy's badness heuristic finds damaged and fix_encoding repairs (MT231 runs left out)."""
    from checker.kinds._mojibake import in_damaged_run

    text = doc.prose
    if not _MOJIBAKE_HINT.search(text):
        return
    import ftfy
    from ftfy.badness import is_bad

    for line in doc.lines:
        if not _MOJIBAKE_HINT.search(text, line.start, line.end):
            continue
        run: list[tuple[int, int, str]] = []
        for m in _TOKEN.finditer(text, line.start, line.end):
            token = m.group()
            if len(token) > 200 or not _MOJIBAKE_HINT.search(token) or not is_bad(token):
                fixed = None
            else:
                fixed = ftfy.fix_encoding(token)
                if fixed == token or in_damaged_run(doc, m.start(), m.end()):
                    fixed = None
            if fixed is not None:
                run.append((m.start(), m.end(), fixed))
                continue
            if run:
                yield _ftfy_hit(text, run)
                run = []
        if run:
            yield _ftfy_hit(text, run)


def _ftfy_hit(text: str, run: list[tuple[int, int, str]]) -> Hit:
    start, end = run[0][0], run[-1][1]
    pieces = []
    pos = start
    for s, e, fixed in run:
        pieces.append(text[pos:s])
        pieces.append(fixed)
        pos = e
    return Hit(start, end, ("".join(pieces),), confidence=0.9)


def build(rule: Rule):  # noqa: ANN201 - returns the check callable
    """Pick the detector named by ``detect``."""
    detect = rule.params["detect"]
    min_run = rule.params["min_run"]
    if min_run < 2:
        raise ValueError("min_run must be at least 2")
    detectors = {
        "escape": _escape,
        "entity": _entity,
        "markup": _markup,
        "lost-emoji": lambda doc: _lost_emoji(doc, min_run),
        "lost-letter": _lost_letter,
        "orphan-selector": _orphan_selector,
        "ftfy": _ftfy,
    }
    if detect not in detectors:
        raise ValueError(f"detect: {detect!r} is not one of {', '.join(detectors)}")
    detector = detectors[detect]

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        return detector(doc)

    return check
