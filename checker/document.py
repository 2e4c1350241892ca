"""The Document: one article's text and every span view of it (lines, passages, sentences, tokens).

The Document is the only owner of offsets. Everything is a (start, end) span into
``text``, the file decoded as UTF-8 with a leading BOM removed and line endings
left as they are. Views are computed on first use. Markdown files keep their
original text; detectors read ``prose``, a same-length copy in which every
character that is not prose (code, front matter, link targets, markup) is a space.
"""

from __future__ import annotations

import bisect
from collections.abc import Iterator
from functools import cached_property
from pathlib import Path
from typing import Any

from checker.dataclass import dataclass
from checker.errors import InputError

#: A word as the tokenizer sees it: letters, inner apostrophes and hyphens, digits after a letter.
WORD_PATTERN = r"\p{L}[\p{L}\p{M}\p{Nd}]*(?:[-'’][\p{L}\p{Nd}][\p{L}\p{M}\p{Nd}]*)*"

#: Token kinds, in the order the tokenizer tries them.
TOKEN_KINDS = ("url", "email", "handle", "hashtag", "word", "number")


class _Patterns:
    """The document's patterns, compiled when one is first used. An empty file, or one whose
    result the cache holds, needs none of them, and its run then never imports ``regex`` (some
    8 ms) nor compiles them (some 5 ms)."""

    def __getattr__(self, name: str) -> Any:
        import regex

        from checker import regexcache

        with regexcache.ACTIVE:  # read from the pattern store, as the rules' patterns are
            self._compile(regex)
        try:
            return self.__dict__[name]
        except KeyError:
            raise AttributeError(name) from None

    def _compile(self, regex: Any) -> None:
        found = self.__dict__
        found["LINE_BREAK"] = regex.compile(r"\r\n|\r|\n")
        # A line of the prose that holds only white space (it separates passages). Checked with
        # fullmatch on one line at a time, so a long white-space run costs its length once.
        found["BLANK_LINE"] = regex.compile(r"[^\S\r\n]*+")
        found["WORD_OR_NUMBER"] = regex.compile(WORD_PATTERN + r"|\p{Nd}+")
        found["TOKEN"] = regex.compile(
            r"""
            (?P<url>(?:https?://|www\.)[^\s<>"«»“”]+
                |(?<![\w@.])(?:[\p{L}\d-]+\.)+\p{Ll}{2,}/[^\s<>"«»“”]*
                |{domain})
            |(?P<email>(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+)
            |(?P<handle>(?<![\w@])@\w{1,50})
            |(?P<hashtag>(?<![\w#&])\#\p{L}[\p{L}\p{M}\p{Nd}_]*)
            |(?P<word>{word})
            |(?P<number>\p{Nd}+(?:[.,\u00a0\u202f]\p{Nd}+)*)
            """.replace("{word}", WORD_PATTERN).replace("{domain}", _BARE_DOMAIN),
            regex.VERBOSE,
        )
        found["BARE_DOMAIN"] = regex.compile(_BARE_DOMAIN)
        # The same scan where the prose holds none of ``/``, ``www.``, ``@`` and ``#``: the URL,
        # e-mail, handle and hashtag branches each need one of them, so only words and numbers can
        # match there, and the alternation, tried at every position, is half as costly without them.
        found["WORD_OR_NUMBER_TOKEN"] = regex.compile(
            r"""(?P<word>{word})|(?P<number>\p{Nd}+(?:[.,\u00a0\u202f]\p{Nd}+)*)""".replace("{word}", WORD_PATTERN)
        )
        # Punctuation that ends a sentence rather than a URL.
        found["URL_TAIL"] = regex.compile(r"[.,;:!?)\]}'’\"»…]+$")
        # A sentence ends after . ! ? … (with closing quotes/brackets) followed by space and
        # a capital, a digit, an opening quote or a dash; or at a line break.
        # Written forwards with possessive runs (no look-behind over white space), so that a long
        # run of spaces is scanned once: the split is group "gap", or the line break itself.
        found["SENTENCE_END"] = regex.compile(
            r"""[.!?…](?:[^\S\r\n]*+[»”"’)\]])?+(?P<gap>[^\S\r\n]++)(?=[\p{Lu}\p{Nd}«“"¿¡\-–—(\[])"""
            r"""|(?P<eol>\r\n|\r|\n)""",
            regex.VERBOSE,
        )
        # Abbreviations after which a period does not end a sentence.
        found["ABBREVIATION"] = regex.compile(
            r"(?:\b(?:\p{Lu}|M|MM|Mme|Mmes|Mlle|Dr|Pr|Me|Mgr|St|Ste|Mr|Mrs|Ms|Prof|Jr|Sr|Gen|Gov|Sen|Rep|"
            r"av|apr|J\.-C|etc|cf|vol|p|pp|n°|no|art|al|env|min|max|fig|vs|ca|approx|Inc|Ltd|Co|Corp|"
            r"janv|févr|avr|juil|sept|oct|nov|déc|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)\.)$"
        )


#: A host name without a scheme or a path (« impots.gouv.fr », "Suara.com"): three labels or more
#: before a top-level domain, or two where the domain is no short word of the six languages (the
#: first label then of four characters at least: « la fin.de la saison », glued, stays words).
_BARE_DOMAIN = (
    r"(?<![\w@.])(?:[\p{L}\d-]+\.){2,}(?:com|org|net|info|gov|gouv|edu|int|eu|fr|be|ch|ca|qc|de|at|es|it|pt|br"
    r"|uk|ie|nl|lu|ma|sn|ci|cm|dz|tn|mx|ar|cl|co|pe|us|au|nz|in|id|my|vn|ph|tr|jp|kr|cn|ru|tv|fm|io|ai|app"
    r"|news|online|media)(?![\p{L}\d-]|\.[\p{L}\d])"
    r"|(?<![\w@.])[\p{L}\d-]{4,}\.(?:com|org|net|info|gov|gouv|edu|eu|fr|ch|ca|pt|br|uk|nl|lu|sn|cm|mx|cl|au|nz"
    r"|vn|ph|tr|jp|kr|cn|ru|io|app|news|online|de|it|es|be|id)(?![\p{L}\d-]|\.[\p{L}\d])"
)

_P = _Patterns()


def __getattr__(name: str) -> Any:
    """``WORD_OR_NUMBER`` (a word or a number, for kinds that tokenise a line or a sentence
    themselves), compiled on first use like the others."""
    if name in ("WORD_OR_NUMBER", "_TOKEN", "_WORD_OR_NUMBER_TOKEN"):
        return getattr(_P, name.lstrip("_"))
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


@dataclass(frozen=True, slots=True)
class Span:
    """A slice of the document: ``text == document.text[start:end]``."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Token:
    """A word-like token: kind is one of TOKEN_KINDS."""

    start: int
    end: int
    text: str
    kind: str


# The slot setters of Token, for the tokenizer's loop (see Document.tokens).
_new = object.__new__
_set_start, _set_end, _set_text, _set_kind = (
    Token.start.__set__, Token.end.__set__, Token.text.__set__, Token.kind.__set__)  # type: ignore[attr-defined]

#: Byte-order marks of the UTF encodings other than UTF-8, longest first (UTF-32 LE starts like UTF-16 LE).
_BOMS = ((b"\xff\xfe\x00\x00", "utf-32-le"), (b"\x00\x00\xfe\xff", "utf-32-be"),
         (b"\xff\xfe", "utf-16-le"), (b"\xfe\xff", "utf-16-be"))


def read_bytes(path: str | Path, name: str) -> bytes:
    """A file's bytes; InputError naming it (missing, a directory, unreadable) when it cannot be read."""
    try:
        return Path(path).read_bytes()
    except FileNotFoundError:
        raise InputError(name, "missing", "no such file") from None
    except IsADirectoryError:
        raise InputError(name, "directory", "is a directory") from None
    except PermissionError:
        raise InputError(name, "unreadable", "permission denied") from None
    except OSError as exc:
        raise InputError(name, "unreadable", exc.strerror or str(exc)) from None


def decode(data: bytes, path: str) -> str:
    """Text of a file's bytes, without a leading BOM; InputError for binary or invalid data.

    UTF-8 is the rule; a file that starts with a UTF-16 or UTF-32 byte-order mark is
    decoded in that encoding. A NUL byte anywhere else means a binary file.
    """
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data[len(bom):].decode(encoding)
            except UnicodeDecodeError as exc:
                raise InputError(
                    path, "encoding", f"not valid {encoding.upper()} despite its byte-order mark "
                    f"(byte {exc.start + len(bom)}: {exc.reason}), not checked"
                ) from None
    if b"\x00" in data:
        raise InputError(path, "binary", "binary file (contains NUL bytes), not checked")
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise InputError(
            path, "encoding", f"not valid UTF-8 (byte {exc.start}: {exc.reason}), not checked"
        ) from None
    return text[1:] if text.startswith("\ufeff") else text


class Document:
    """One article: path, text, language and lazily computed span views."""

    def __init__(
        self,
        text: str,
        path: str = "<text>",
        lang: str = "und",
        *,
        markdown: bool | None = None,
    ) -> None:
        if text.startswith("\ufeff"):
            text = text[1:]
        self.text = text
        self.path = path
        self.lang = lang
        self.markdown = path.lower().endswith((".md", ".markdown")) if markdown is None else markdown
        #: Per-document memo for detectors that share expensive work (keyed by the detector).
        self.cache: dict[str, Any] = {}

    @classmethod
    def from_file(cls, path: str | Path, lang: str = "und", display: str | None = None) -> Document:
        """Read and decode a file; InputError (naming the file) when it cannot be checked."""
        name = display or str(path)
        return cls(decode(read_bytes(path, name), name), name, lang)

    def __repr__(self) -> str:
        return f"Document({self.path!r}, lang={self.lang!r}, {len(self.text)} chars)"

    # ----------------------------------------------------------------- prose
    @cached_property
    def excluded(self) -> list[tuple[int, int]]:
        """Sorted spans that are not prose: Markdown code, front matter and markup; in text files, mtlint directive comments."""
        if not self.markdown:
            if "mtlint-" not in self.text:  # no directive (checker.suppress left unimported)
                return []
            from checker.suppress import directive_spans

            return directive_spans(self.text)
        from checker.markdown import non_prose_spans

        return non_prose_spans(self.text)

    @cached_property
    def prose(self) -> str:
        """Same length as ``text``; non-prose characters other than line breaks are spaces."""
        if not self.excluded:
            return self.text
        from checker.markdown import mask

        return mask(self.text, self.excluded)

    def is_prose(self, start: int, end: int) -> bool:
        """True when [start, end) overlaps no excluded span."""
        spans = self.excluded
        if not spans:
            return True
        i = bisect.bisect_right(spans, (start, float("inf"))) - 1
        for j in (i, i + 1):
            if 0 <= j < len(spans) and spans[j][0] < max(end, start + 1) and start < spans[j][1]:
                return False
        return True

    # ----------------------------------------------------------- positions
    @cached_property
    def line_starts(self) -> list[int]:
        """Offset at which each line starts (lines break at \\r\\n, \\r or \\n)."""
        text = self.text
        if "\n" not in text and "\r" not in text:
            return [0]
        return [0] + [m.end() for m in _P.LINE_BREAK.finditer(text)]

    @cached_property
    def _astral(self) -> list[int]:
        # Offsets of characters outside the BMP: each takes two UTF-16 code units.
        if self.text.isascii():
            return []
        return [i for i, ch in enumerate(self.text) if ord(ch) > 0xFFFF]

    def position(self, offset: int) -> tuple[int, int]:
        """1-based (line, column) of a code-point offset; columns count code points."""
        line = bisect.bisect_right(self.line_starts, offset) - 1
        start = self.line_starts[line]
        # An offset between \r and \n of a CRLF belongs to the line the \r ends.
        return line + 1, offset - start + 1

    def utf16(self, offset: int) -> int:
        """The UTF-16 code-unit offset equal to a code-point offset."""
        return offset + bisect.bisect_left(self._astral, offset)

    # ----------------------------------------------------------------- views
    @cached_property
    def lines(self) -> list[Span]:
        """Every line without its line break (empty lines included)."""
        out = []
        text = self.text
        starts = self.line_starts
        for i, start in enumerate(starts):
            end = starts[i + 1] if i + 1 < len(starts) else len(text)
            stop = end
            while stop > start and text[stop - 1] in "\r\n":
                stop -= 1
            out.append(Span(start, stop, text[start:stop]))
        return out

    @cached_property
    def passages(self) -> list[Span]:
        """Blocks of prose separated by blank lines, trimmed of surrounding white space."""
        out: list[Span] = []
        prose = self.prose
        start = end = -1  # the current block: first and last non-blank line
        for line in self.lines:
            if line.start == line.end or _P.BLANK_LINE.fullmatch(prose, line.start, line.end):
                if start >= 0:
                    out.extend(self._trimmed(start, end))
                    start = -1
            else:
                if start < 0:
                    start = line.start
                end = line.end
        if start >= 0:
            out.extend(self._trimmed(start, end))
        return out

    def _trimmed(self, start: int, end: int) -> Iterator[Span]:
        prose = self.prose
        while start < end and prose[start].isspace():
            start += 1
        while end > start and prose[end - 1].isspace():
            end -= 1
        if start < end:
            yield Span(start, end, self.text[start:end])

    @cached_property
    def _passage_starts(self) -> list[int]:
        return [p.start for p in self.passages]

    def passage_index(self, offset: int) -> int | None:
        """Index of the passage containing `offset`, or of the nearest one before it."""
        if not self.passages:
            return None
        return max(0, bisect.bisect_right(self._passage_starts, offset) - 1)

    @cached_property
    def sentences(self) -> list[Span]:
        """Sentences inside passages; a line break also ends a sentence."""
        out: list[Span] = []
        prose = self.prose
        for passage in self.passages:
            pos = passage.start
            for m in _P.SENTENCE_END.finditer(prose, passage.start, passage.end):
                group = "gap" if m.start("gap") >= 0 else "eol"
                cut, after = m.span(group)
                if group == "gap" and _P.ABBREVIATION.search(prose, max(passage.start, cut - 12), cut):
                    continue
                out.extend(self._trimmed(pos, cut))
                pos = after
            out.extend(self._trimmed(pos, passage.end))
        return out

    @cached_property
    def tokens(self) -> list[Token]:
        """Words, numbers, URLs, e-mail addresses, @handles and #hashtags, in order."""
        out = []
        text, prose = self.text, self.prose
        if not prose or prose.isspace():
            return out  # (every token holds a letter, a digit or a sign that is not white space)
        if "/" in prose or "www." in prose or "@" in prose or "#" in prose or (
                "." in prose and _P.BARE_DOMAIN.search(prose)):
            scan = _P.TOKEN
        else:
            scan = _P.WORD_OR_NUMBER_TOKEN
        one: dict[str, str] = {}  # equal token texts share one string (a large article repeats its words)
        share = one.setdefault
        append = out.append
        for m in scan.finditer(prose):
            kind = m.lastgroup or "word"
            start, end = m.span()
            if kind == "url":
                tail = _P.URL_TAIL.search(m.group())
                if tail:
                    end -= len(tail.group())
            word = text[start:end]
            # Token(start, end, word, kind) without the frozen dataclass's __init__, which sets
            # each field through object.__setattr__ (half the cost of this loop): the same object.
            tok = _new(Token)
            _set_start(tok, start)
            _set_end(tok, end)
            _set_text(tok, share(word, word))
            _set_kind(tok, kind)
            append(tok)
        return out

    @cached_property
    def words(self) -> list[Token]:
        """Only the tokens of kind 'word'."""
        return [t for t in self.tokens if t.kind == "word"]

    @cached_property
    def word_count(self) -> int:
        """Number of tokens of any kind: the denominator of scores."""
        return len(self.tokens)

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """Tokens lying inside [start, end)."""
        toks = self.tokens
        starts = self._token_starts
        i = bisect.bisect_left(starts, start)
        j = bisect.bisect_left(starts, end)
        return [t for t in toks[i:j] if t.end <= end]

    @cached_property
    def _token_starts(self) -> list[int]:
        return [t.start for t in self.tokens]

    def span(self, start: int, end: int) -> Span:
        """A Span of the original text."""
        return Span(start, end, self.text[start:end])
