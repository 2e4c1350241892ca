"""Kind ``cut-off``: a passage or line that stops in the middle of a phrase.

Two modes, one per rule:

- ``ellipsis``: a line ending in ``...``/``…`` that was cut mid-phrase: the word
  before the ellipsis is a function word (``de``, ``the``), or the line is the
  truncated copy of a neighbouring passage; with ``plain_ellipsis``, also any
  long paragraph whose last word is glued to a closing ellipsis (low confidence).
  Ellipses inside an open quotation and dialogue lines are left alone.
- ``unterminated``: the last line of a passage that has no final punctuation and
  ends on a function word (``qui ont``, ``marqué leur``): the rest of the sentence
  was lost. With ``content_min_words``, also a passage that ends on any word when
  the cut is plain from around it: a quotation opened in the line is still open
  (and the next passage does not close it), or a long line whose earlier sentences
  end in full stops stops mid-sentence right before the page's chrome
  (« Partager : … », "Subscribe to …", ©).

The end of the line is reported: its last words (at most ``report_words``) and the
ellipsis. params: ``mode``, ``function_words`` (a list file beside the rule),
``min_words``, ``plain_ellipsis``, ``report_words``.
"""

from __future__ import annotations

from collections.abc import Iterator

import regex

from checker.context import Context
from checker.document import WORD_OR_NUMBER, WORD_PATTERN, Document, Span
from checker.finding import Hit, Severity
from checker.kinds.repeated_text import _copy_start, _words
from checker.rules import Rule, param
from checker.wordlists import fold, read_list

NAME = "cut-off"
PARAMS = {
    "mode": param(str, default="ellipsis", doc="ellipsis | unterminated"),
    "function_words": param(
        str, list, required=True, doc="file(s) beside the rule: words that cannot end a sentence"
    ),
    "min_next_zipf": param(
        float, default=4.5, doc="a next passage opening on a rarer capitalised word (a name) may continue the sentence"
    ),
    "min_words": param(int, default=8, doc="fewest words of a line checked in unterminated mode"),
    "plain_ellipsis": param(bool, default=False, doc="also report a long paragraph ending in word…"),
    "plain_min_words": param(int, default=25, doc="fewest words of a paragraph for plain_ellipsis"),
    "final_min_words": param(int, default=0, doc="fewest words of the document's last paragraph when it ends in word… "
                             "(a preview cut by the page; 0: off)"),
    "report_words": param(int, default=3, doc="words reported before the end"),
    "content_min_words": param(
        int, default=0,
        doc="unterminated mode: also a line of this many words or more that ends on a content word, after "
            "a finished sentence, when page chrome or nothing follows it (0: off)",
    ),
}

_ELLIPSIS_END = regex.compile(r"(?:\.{3,}|…)[\s\u00a0\u202f]*$")
_WORD = WORD_OR_NUMBER
_LAST_WORD = regex.compile(rf"({WORD_PATTERN})\s*$")
_DIALOGUE = regex.compile(r"^\s*(?:[—–]|--?\s)")
# What may end a complete line: sentence punctuation, closing quotes/brackets, a colon, list separators.
_FINAL = regex.compile(r"[.!?…:;»”\"’')\]}]\s*$")
_BREAK_BACK = regex.compile(r"[,;:.!?«»“”\"()\[\]—–]")


def _open_quote(text: str) -> bool:
    """True when a quotation opened in `text` is still open at its end."""
    if text.count("«") > text.count("»") or text.count("“") > text.count("”"):
        return True
    return text.count('"') % 2 == 1


def _tail(text: str, base: int, end: int, n: int) -> int:
    """Start offset of the last `n` words before `end` in `text`, not crossing punctuation."""
    words = list(_WORD.finditer(text, 0, end))
    if not words:
        return base + max(0, end - 1)
    start = words[-1].start()
    for m in reversed(words[-n:]):
        if _BREAK_BACK.search(text, m.end(), start if start > m.end() else m.end()):
            break
        start = m.start()
    return base + start


#: A passage opening on a copyright sign or word, or on a short label and a colon, is page chrome.
_CHROME_START = regex.compile(r"©|\([cC]\)|Copyright\b")
#: « Avertissement : cet article… », "Tags: …", « Teilen: Facebook »: a label and its content on one line.
_LABEL_START = regex.compile(r"(?P<label>\p{Lu}[\p{L}'’-]*+)(?:[ \u00a0][\p{L}'’-]++){0,2}?[ \u00a0]?:[ \u00a0]*+[^\s\d]")


def _continues(text: str, lang: str, min_zipf: float) -> bool:
    """True when a passage may carry on the previous one's sentence: it opens in lower case,
    on punctuation, or on a capitalised word that is not a common word (a name, an initial)."""
    from checker.lexicon import zipf

    if _chrome_next(text, lang):
        return False  # « © Le Site », « Avertissement : … », "Tags: …": the page's chrome, not more sentence
    first = _WORD.match(text)
    if first is None or not text[:1].isupper():
        return True
    word = first.group()
    if len(word) == 1 and text[first.end():first.end() + 1] == ".":
        return True  # an initial (« J. Smith ») may carry the sentence on
    if len(word) > 1 and word.isupper():
        return False  # a heading or a widget in capitals starts something new
    # A one-letter word of the language (« A câmara », « O conselho ») opens a new sentence too.
    common = zipf(word.lower(), lang)
    if common >= min_zipf:
        return False
    # "Subscribe to our newsletter", « Lisez aussi notre dossier »: a word of the language, then a
    # lowercase word, opens a sentence; a name carrying the sentence on is rarely a common word.
    # German capitalises its nouns: a high min_zipf (6) keeps this test out of its way.
    nxt = _WORD.match(text, first.end() + 1) if text[first.end():first.end() + 1] == " " else None
    return not (min_zipf < 6.0 and common >= 3.0 and nxt is not None and nxt.group().islower())


#: A sentence that ended inside the line: its stop, then a capital.
_INNER_STOP = regex.compile(r"[.!?…][»”\"’')\]]?[ \u00a0]+[«“\"]?\p{Lu}")
_CLOSERS = regex.compile(r"[»”\"]")
#: A last word of letters only (not a number, a code like « F7 »).
_LETTERS = regex.compile(r"\p{L}[\p{L}'’-]*\p{L}")


def _chrome_next(text: str, lang: str) -> bool:
    """True when a passage opens as page chrome: a copyright sign or word, or a common word as a
    label before a colon (« Avertissement : … », "Tags: …"; not a name, « Jean-Claude : »)."""
    from checker.lexicon import zipf

    if _CHROME_START.match(text):
        return True
    label = _LABEL_START.match(text)
    if label:
        word = label.group("label").lower()
        return max(zipf(word, lang), zipf(word, "en")) >= 3.0
    return False


def _last_lines(doc: Document) -> Iterator[tuple[int, Span, Span]]:
    """(index, passage, last line of the passage) for every passage."""
    prose = doc.prose
    for i, p in enumerate(doc.passages):
        cut = prose.rfind("\n", p.start, p.end)
        start = p.start if cut < 0 else cut + 1
        while start < p.end and prose[start].isspace():
            start += 1
        yield i, p, doc.span(start, p.end)


#: Passages after the article's last paragraph shorter than this are the page's trailer (tags,
#: "read also", a newsletter call), not more article.
_TRAILER_WORDS = 12
#: A trailer's lines are labels and links: a line that ends a sentence is more text.
_SENTENCE_END = regex.compile(r"[.!?…»”\"')]\s*$")


def build(rule: Rule):  # noqa: ANN201
    """Read the function words and validate the mode."""
    p = rule.params
    mode = p["mode"]
    if mode not in ("ellipsis", "unterminated"):
        raise ValueError("mode must be ellipsis or unterminated")
    names = [p["function_words"]] if isinstance(p["function_words"], str) else list(p["function_words"])
    function_words: set[str] = set()
    for name in names:
        path = rule.resolve(str(name))
        if not path.is_file():
            raise ValueError(f"function_words file not found: {path.name}")
        function_words.update(fold(w) for w in read_list(path))
    report = max(1, p["report_words"])
    final_min = p["final_min_words"]

    def is_function(word: str) -> bool:
        return fold(word) in function_words

    def ellipsis(doc: Document) -> Iterator[Hit]:
        prose = doc.prose
        passages = doc.passages
        for line in doc.lines:
            text = prose[line.start : line.end]
            m = _ELLIPSIS_END.search(text)
            if not m or _DIALOGUE.match(text):
                continue
            body = text[: m.start()]
            if not body.strip() or _open_quote(body):
                continue
            last = _LAST_WORD.search(body)
            if last is None:
                continue  # "?...", "!…": a sentence that ended, then trailed off
            start = _tail(text, line.start, last.end(1), report)
            end = line.start + m.end() - (len(m.group()) - len(m.group().rstrip()))
            word = last.group(1)
            pi = doc.passage_index(line.start)
            if is_function(word):
                yield Hit(start, end, confidence=0.85, args={"word": word})
                continue
            body_words = _words(body)
            if pi is not None and len(body_words) >= 5:
                near = passages[max(0, pi - 2) : pi] + passages[pi + 1 : pi + 3]
                if any(
                    _copy_start(body, body_words, _words(prose[o.start : o.end]), 5) is not None
                    for o in near
                    if not _ELLIPSIS_END.search(o.text)
                ):
                    yield Hit(start, end, confidence=0.9, args={"word": word})
                    continue
            # "word...." is a full stop then an ellipsis: the sentence was finished.
            glued = last.end(1) == m.start() and not m.group().startswith("....")
            passage = passages[pi] if pi is not None else None
            if not glued or passage is None or passage.end != end:
                continue
            size = len(_words(prose[passage.start : passage.end]))
            if p["plain_ellipsis"] and size >= p["plain_min_words"]:
                yield Hit(start, end, confidence=0.5, args={"word": word}, severity=Severity.MINOR)
                continue
            # The article's last paragraph stops on « word… » and the page's trailer follows (tags,
            # "read also"): the page showed a preview. A text that simply ends on an ellipsis (a
            # chapter, a column trailing off) has no trailer after it.
            if (
                final_min
                and size >= final_min
                and pi + 1 < len(passages)
                and all(len(_words(o.text)) < _TRAILER_WORDS and not _SENTENCE_END.search(o.text)
                        for o in passages[pi + 1 :])
            ):
                yield Hit(start, end, confidence=0.5, args={"word": word}, severity=Severity.MINOR)

    content_min = p["content_min_words"]

    def cut_content(text: str, word: str, before: str, nxt: str | None, lang: str) -> bool:
        """A line ending on a content word that was cut all the same (see the module's docstring)."""
        if not _LETTERS.fullmatch(word) or before in "#@/_.":
            return False  # a hashtag, a handle, a link's end, a number, a model name
        size = len(_words(text))
        if _open_quote(text):
            # The quotation is not closed in the next passage either (verse, a quoted letter).
            return size >= p["min_words"] and not (nxt and _CLOSERS.search(nxt))
        if size < content_min or nxt is None or not _chrome_next(nxt, lang):
            return False
        stops = list(_INNER_STOP.finditer(text))
        return bool(stops) and len(_words(text[stops[-1].end() - 1 :])) >= 5

    def unterminated(doc: Document, ctx: Context) -> Iterator[Hit]:
        prose = doc.prose
        passages = doc.passages
        for i, _passage, line in _last_lines(doc):
            if i == 0 or _FINAL.search(line.text) or _DIALOGUE.match(line.text):
                continue
            nxt = passages[i + 1].text if i + 1 < len(passages) else None
            if nxt is not None and _continues(nxt, ctx.primary, p["min_next_zipf"]):
                continue  # the sentence goes on in the next passage (a page or column break)
            last = _LAST_WORD.search(prose, line.start, line.end)
            if last is None or last.end() != line.end:
                continue
            if not is_function(last.group(1)):
                before = prose[last.start(1) - 1] if last.start(1) > line.start else " "
                if content_min and cut_content(line.text, last.group(1), before, nxt, ctx.primary):
                    start = _tail(line.text, line.start, len(line.text), report)
                    yield Hit(start, line.end, confidence=0.6, args={"word": last.group(1)})
                continue
            if len(_words(line.text)) < p["min_words"]:
                continue
            start = _tail(line.text, line.start, len(line.text), report)
            yield Hit(start, line.end, confidence=0.8, args={"word": last.group(1)})

    def check(doc: Document, ctx: Context) -> Iterator[Hit]:
        yield from ellipsis(doc) if mode == "ellipsis" else unterminated(doc, ctx)

    return check
