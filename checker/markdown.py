"""Find the parts of a Markdown article that are not prose, so detectors can skip them.

markdown-it-py gives the block structure and the inline syntax. Its tokens carry
no character offsets, so the inline rules are wrapped to record where each
construct starts and ends while it is parsed, and the text of every inline
token (paragraph, heading, table cell) is mapped back onto the original lines.
Everything that cannot be mapped with certainty is treated as not prose.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from markdown_it import MarkdownIt
    from markdown_it.rules_block import StateBlock
    from markdown_it.rules_inline import StateInline
    from markdown_it.token import Token

__all__ = ["mask", "non_prose_spans"]

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_NOT_LINE_BREAK = re.compile(r"[^\r\n]")
_NON_PROSE_RUN = re.compile(rb"\x00+")
_ENV_KEY = "mtlint_markdown_recorder"

# The characters markdown-it trims around paragraph and cell text (CommonMark
# whitespace plus the Unicode spaces JavaScript's trim removes).
_TRIM = "\t\n\x0b\x0c\r \xa0" + "".join(map(chr, range(0x2000, 0x200B))) + "\u2028\u2029"

_YAML_KEY = re.compile(r"""^(?:[\w"'][^:]*:(?:\s|$)|-\s|#)""")
_TOML_KEY = re.compile(r"""^(?:[\w"'.-][\w"'. -]*=|\[|#)""")


def non_prose_spans(text: str) -> list[tuple[int, int]]:
    """Sorted, non-overlapping (start, end) code-point spans of `text` that are not prose.

    Line breaks (`\\r\\n`, `\\r`, `\\n`) are never inside a span. If the parser
    fails on some input, the whole text is reported as not prose rather than
    letting markup through.
    """
    try:
        flags = _prose_flags(text)
    except Exception:  # noqa: BLE001 - a bug or a parser failure must never stop the linter
        return [(m.start(), m.end()) for m in re.finditer(r"[^\r\n]+", text)]
    return [(m.start(), m.end()) for m in _NON_PROSE_RUN.finditer(flags)]


def mask(text: str, spans: Iterable[tuple[int, int]] | None = None) -> str:
    """`text` with every non-prose character except \\r and \\n replaced by a space (same length)."""
    if spans is None:
        spans = non_prose_spans(text)
    size = len(text)
    pieces: list[str] = []
    pos = 0
    for start, end in sorted(spans):
        start = max(start, pos)
        end = min(end, size)
        if end <= start:
            continue
        pieces.append(text[pos:start])
        piece = text[start:end]
        if "\n" in piece or "\r" in piece:
            pieces.append(_NOT_LINE_BREAK.sub(" ", piece))
        else:
            pieces.append(" " * (end - start))
        pos = end
    pieces.append(text[pos:])
    return "".join(pieces)


class _Recorder:
    """Collects, during one parse, where inline markup sits in the inline text."""

    __slots__ = ("bases", "keep", "image_bases", "markup", "delims", "rows")

    def __init__(self) -> None:
        self.rows: dict[int, tuple[int, int]] = {}
        self.begin()

    def begin(self) -> None:
        """Forget the inline records of the previous inline token."""
        self.bases: dict[int, int] = {}
        self.keep: list[Any] = []  # holds states so that their id() is not reused
        self.image_bases: list[int] = []
        self.markup: list[tuple[int, int]] = []
        self.delims: list[tuple[int, int, Token]] = []

    def base(self, state: StateInline) -> int:
        """Offset of `state.src` inside the inline token's text."""
        base = self.bases.get(id(state))
        if base is None:
            # An unseen state is either the top-level one or the alt text of
            # the image being parsed right now (markdown-it parses it apart).
            base = self.image_bases[-1] if self.image_bases else 0
            self.bases[id(state)] = base
            self.keep.append(state)
        return base


_InlineRule = Callable[["StateInline", bool], bool]


def _pending_start(state: StateInline) -> int:
    # push() first flushes pending text as its own token: skip it.
    return len(state.tokens) + (1 if state.pending else 0)


_After = Callable[["_Recorder", "StateInline", int, int], None]


def _recording(after: _After) -> Callable[[_InlineRule, str], _InlineRule]:
    """A wrapper for inline rules: run the rule, and when it matched a construct that starts with
    one of `triggers`, let `after(recorder, state, start, first_token)` record its markup."""

    def wrap(fn: _InlineRule, triggers: str) -> _InlineRule:
        def rule(state: StateInline, silent: bool) -> bool:
            rec = None if silent or state.src[state.pos] not in triggers else state.env.get(_ENV_KEY)
            if rec is None:
                return fn(state, silent)
            start = state.pos
            first = _pending_start(state)
            ok = fn(state, silent)
            if ok:
                after(rec, state, start, first)
            return ok

        return rule

    return wrap


@_recording
def _wrap_whole(rec: _Recorder, state: StateInline, start: int, first: int) -> None:
    """Record the whole span of a construct (code span, autolink, HTML, entity) as markup."""
    if len(state.tokens) > first:  # an unmatched backtick run pushes nothing
        base = rec.base(state)
        rec.markup.append((base + start, base + state.pos))


@_recording
def _wrap_escape(rec: _Recorder, state: StateInline, start: int, first: int) -> None:
    """Record the backslash of an escape or of a hard break; the escaped character stays prose."""
    if len(state.tokens) > first:
        token = state.tokens[first]
        # A backslash before a non-punctuation character is a literal one.
        if token.type == "hardbreak" or token.content != token.markup:
            base = rec.base(state)
            rec.markup.append((base + start, base + start + 1))


@_recording
def _wrap_delimiters(rec: _Recorder, state: StateInline, start: int, first: int) -> None:
    """Record emphasis and strikethrough delimiter runs; decided after pairing."""
    base = rec.base(state)
    pos = base + start
    found = []
    for token in state.tokens[first:]:
        found.append((pos, pos + len(token.content), token))
        pos += len(token.content)
    if pos == base + state.pos:
        rec.delims.extend(found)
    else:  # not the one-token-per-marker layout expected: call it markup
        rec.markup.append((base + start, base + state.pos))


def _wrap_link(fn: _InlineRule, triggers: str) -> _InlineRule:
    """Record a link's or image's brackets, destination and title; the label stays prose."""
    image = triggers == "!"
    opener = 2 if image else 1

    def rule(state: StateInline, silent: bool) -> bool:
        rec = None if silent or state.src[state.pos] not in triggers else state.env.get(_ENV_KEY)
        if rec is None:
            return fn(state, silent)
        start = state.pos
        if image and (start + 1 >= state.posMax or state.src[start + 1] != "["):
            return fn(state, silent)
        # The same call the rule makes, to learn where the label ends.
        label_end = state.md.helpers.parseLinkLabel(state, start + opener - 1, not image)
        base = rec.base(state)
        if image:
            rec.image_bases.append(base + start + opener)
        try:
            ok = fn(state, silent)
        finally:
            if image:
                rec.image_bases.pop()
        if ok and label_end >= start + opener - 1:
            rec.markup.append((base + start, base + start + opener))
            rec.markup.append((base + label_end, base + state.pos))
        return ok

    return rule


def _wrap_table(fn: Callable[..., bool]) -> Callable[..., bool]:
    """Record where each table row's text starts and ends (after any container prefix)."""

    def rule(state: StateBlock, start_line: int, end_line: int, silent: bool) -> bool:
        ok = fn(state, start_line, end_line, silent)
        rec = None if silent else state.env.get(_ENV_KEY)
        if ok and rec is not None:
            for line in range(start_line, min(state.line, len(state.bMarks))):
                begin = state.bMarks[line] + state.tShift[line]
                rec.rows[line] = (begin, state.eMarks[line])
        return ok

    return rule


_PARSER: MarkdownIt | None = None


def _parser() -> MarkdownIt:
    """The shared, instrumented CommonMark parser with GFM tables and strikethrough."""
    global _PARSER
    if _PARSER is None:
        from markdown_it import MarkdownIt

        md = MarkdownIt("commonmark").enable(["table", "strikethrough"])
        md.core.ruler.disable("inline")  # run per inline token below, to know which
        # Joining text tokens would merge a lone '*' into its neighbours before
        # we read whether it was paired.
        md.inline.ruler2.disable("fragments_join")
        # Each wrapped rule with the characters that can start its construct.
        wrappers: dict[str, tuple[Callable[[_InlineRule, str], _InlineRule], str]] = {
            "escape": (_wrap_escape, "\\"),
            "backticks": (_wrap_whole, "`"),
            "autolink": (_wrap_whole, "<"),
            "html_inline": (_wrap_whole, "<"),
            "entity": (_wrap_whole, "&"),
            "emphasis": (_wrap_delimiters, "*_"),
            "strikethrough": (_wrap_delimiters, "~"),
            "link": (_wrap_link, "["),
            "image": (_wrap_link, "!"),
        }
        for item in md.inline.ruler.__rules__:
            if item.name in wrappers:
                wrap, triggers = wrappers[item.name]
                md.inline.ruler.at(item.name, wrap(item.fn, triggers), {"alt": list(item.alt)})
        for item in md.block.ruler.__rules__:
            if item.name == "table":
                md.block.ruler.at("table", _wrap_table(item.fn), {"alt": list(item.alt)})
        _PARSER = md
    return _PARSER


def _front_matter_lines(lines: list[str]) -> int:
    """How many lines at the top form a YAML (---) or TOML (+++) front matter block, else 0."""
    if not lines:
        return 0
    fence = lines[0].rstrip(" \t")
    if fence == "---":
        closers, key = ("---", "..."), _YAML_KEY
    elif fence == "+++":
        closers, key = ("+++",), _TOML_KEY
    else:
        return 0
    for index in range(1, len(lines)):
        if lines[index].rstrip(" \t") in closers:
            break
    else:
        return 0
    # `---` is also a thematic break: only call it front matter if it reads like data.
    body = [line for line in lines[1:index] if line.strip()]
    if body and not key.match(body[0].lstrip()):
        return 0
    return index + 1


def _suffix(line: str, part: str) -> tuple[int, int] | None:
    """(characters to skip at the start of `part`, column in `line`) where `part` ends the line."""
    trimmed = line.rstrip(_TRIM)
    # Spaces at the start of a part may stand for a partly consumed tab.
    for skip, piece in ((0, part), (len(part) - len(part.lstrip(" ")), part.lstrip(" "))):
        if line.endswith(piece):
            return skip, len(line) - len(piece)
        if trimmed.endswith(piece):
            return skip, len(trimmed) - len(piece)
    return None


def _split_cells(row: str) -> list[list[int]]:
    """Column indices of each table cell's characters, as markdown-it splits a row."""
    cells: list[list[int]] = []
    current: list[int] = []
    escaped = False
    for index, char in enumerate(row):
        if char == "|":
            if escaped:
                current.pop()  # markdown-it drops the backslash of `\|`
                current.append(index)
            else:
                cells.append(current)
                current = []
        else:
            current.append(index)
        escaped = char == "\\"
    cells.append(current)
    if cells and not cells[0]:
        cells.pop(0)
    if cells and not cells[-1]:
        cells.pop()
    return cells


class _Mapper:
    """Maps the text of inline tokens back to offsets in the original file."""

    def __init__(self, text: str) -> None:
        self.starts: list[int] = [0]
        self.lines: list[str] = []
        pos = 0
        for match in _LINE_BREAK.finditer(text):
            self.lines.append(text[pos : match.start()])
            pos = match.end()
            self.starts.append(pos)
        self.lines.append(text[pos:])
        if "\0" in text:  # markdown-it replaces NUL, keeping the length
            self.lines = [line.replace("\0", "\ufffd") for line in self.lines]
        self.norm_starts: list[int] = []
        # The cells of the last table row split (a row is split once, not once per cell).
        self._row_key: tuple[int, int, int] | None = None
        self._row_cells: tuple[str, int, list[list[int]]] = ("", 0, [])

    def parser_source(self, skipped: int) -> str:
        """The text given to markdown-it: `\n` line ends, the first `skipped` lines blanked."""
        fed = [""] * skipped + self.lines[skipped:]
        self.norm_starts = []
        pos = 0
        for line in fed:
            self.norm_starts.append(pos)
            pos += len(line) + 1
        return "\n".join(fed)

    def lines_segments(self, content: str, first_line: int) -> list[tuple[int, int, int]]:
        """(content offset, file offset, length) for text made of line suffixes (paragraphs)."""
        segments = []
        offset = 0
        for index, part in enumerate(content.split("\n")):
            line = first_line + index
            if line >= len(self.lines):
                break
            found = _suffix(self.lines[line], part)
            if found is not None:
                skip, column = found
                if len(part) > skip:
                    segments.append((offset + skip, self.starts[line] + column, len(part) - skip))
            offset += len(part) + 1
        return segments

    def heading_segments(self, content: str, line: int) -> list[tuple[int, int, int]]:
        """Segment of an ATX heading's text, searched after its opening `#` run."""
        if line >= len(self.lines) or "\n" in content:
            return []
        source = self.lines[line]
        column = source.find("#")
        while 0 <= column < len(source) and source[column] == "#":
            column += 1
        column = source.find(content, max(column, 0))
        if column < 0:
            return []
        return [(0, self.starts[line] + column, len(content))]

    def cell_segments(
        self, content: str, line: int, cell: int, row: tuple[int, int] | None
    ) -> list[tuple[int, int, int]]:
        """Segments of one table cell's text (split where an escaped pipe lost its backslash)."""
        if row is None or line >= len(self.norm_starts):
            return []
        begin = row[0] - self.norm_starts[line]
        end = row[1] - self.norm_starts[line]
        source = self.lines[line]
        if not 0 <= begin <= end <= len(source):
            return []
        if self._row_key != (line, begin, end):
            region = source[begin:end]
            lead = len(region) - len(region.lstrip(_TRIM))
            region = region.strip(_TRIM)
            self._row_key, self._row_cells = (line, begin, end), (region, lead, _split_cells(region))
        region, lead, cells = self._row_cells
        if cell >= len(cells):
            return []
        columns = cells[cell]
        first, last = 0, len(columns)
        while first < last and region[columns[first]] in _TRIM:
            first += 1
        while last > first and region[columns[last - 1]] in _TRIM:
            last -= 1
        columns = columns[first:last]
        if "".join(region[c] for c in columns) != content:
            return []
        segments: list[tuple[int, int, int]] = []
        base = self.starts[line] + begin + lead
        for offset, column in enumerate(columns):
            if segments and segments[-1][1] + segments[-1][2] == base + column:
                cs, fs, length = segments[-1]
                segments[-1] = (cs, fs, length + 1)
            else:
                segments.append((offset, base + column, 1))
        return segments


def _inline_prose(md: MarkdownIt, content: str, env: dict[str, Any], rec: _Recorder) -> bytearray:
    """1 for each character of an inline token's text that is prose, 0 for markup."""
    rec.begin()
    md.inline.parse(content, md, env, [])
    flags = bytearray(b"\x01") * len(content)
    for start, end in rec.markup:
        if end > start:
            flags[start:end] = bytes(end - start)
    for start, end, token in rec.delims:
        # Paired markers became tags; the second marker of `**` keeps type text
        # but loses its content. Unpaired markers are literal text.
        if end > start and (token.type != "text" or not token.content):
            flags[start:end] = bytes(end - start)
    return flags


def _prose_flags(text: str) -> bytearray:
    """One byte per character of `text`: 1 for prose or a line break, 0 for everything else."""
    flags = bytearray(len(text))
    for match in _LINE_BREAK.finditer(text):
        flags[match.start() : match.end()] = b"\x01" * (match.end() - match.start())
    mapper = _Mapper(text)
    skipped = _front_matter_lines(mapper.lines)
    # Blanking the front matter keeps the line numbers of the rest aligned.
    source = mapper.parser_source(skipped)
    md = _parser()
    rec = _Recorder()
    env: dict[str, Any] = {_ENV_KEY: rec}
    tokens = md.parse(source, env)
    previous: Token | None = None
    cell = 0
    for token in tokens:
        if token.type == "tr_open":
            cell = 0
        elif token.type == "inline" and token.map and token.content and previous is not None:
            line = token.map[0]
            if previous.type in ("th_open", "td_open"):
                segments = mapper.cell_segments(token.content, line, cell, rec.rows.get(line))
                cell += 1
            elif previous.type == "heading_open" and previous.markup.startswith("#"):
                segments = mapper.heading_segments(token.content, line)
            elif previous.type in ("paragraph_open", "heading_open"):
                segments = mapper.lines_segments(token.content, line)
            else:
                segments = []
            if segments:
                prose = _inline_prose(md, token.content, env, rec)
                for offset, start, length in segments:
                    # Unequal slices would resize the bytearray and shift every offset.
                    if offset + length <= len(prose) and start + length <= len(flags):
                        flags[start : start + length] = prose[offset : offset + length]
        elif token.type == "inline" and previous is not None and previous.type in ("th_open", "td_open"):
            cell += 1
        previous = token
    return flags
