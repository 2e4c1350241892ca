"""Inline suppression: ``<!-- mtlint-disable … -->`` comments in an article.

Directives (selectors as for ``--select``: a code, a code prefix, a rule name, a
category or ``ALL``; none means every rule):

- ``<!-- mtlint-disable SELECTORS -->`` … ``<!-- mtlint-enable [SELECTORS] -->``: a region;
  an ``enable`` without selectors ends every open region.
- ``<!-- mtlint-disable-next-line SELECTORS -->``: the next non-blank line.
- ``<!-- mtlint-disable-line SELECTORS -->``: the line the comment stands on.
- ``<!-- mtlint-disable-file SELECTORS -->``: the whole file, wherever it stands.

Text after `` -- `` inside the comment is a free explanation. A finding is matched
by the line (or offset) where it starts. Directives are found in the original
text, and only in prose: a directive inside a Markdown code block is an example,
not a directive.
"""

from __future__ import annotations

import bisect
import functools
from collections.abc import Iterable, Sequence

import regex

from checker.dataclass import dataclass
from checker.finding import Finding


@functools.cache
def directive_pattern() -> regex.Pattern[str]:
    """One directive comment on one line (a directive never spans lines). Compiled at the first
    text that holds « mtlint- », not when the module loads (most articles hold none)."""
    return regex.compile(
        r"<!--[^\S\r\n]*mtlint-(?P<kind>disable-next-line|disable-line|disable-file|disable|enable)"
        r"(?![\w-])(?P<body>(?:(?!-->)[^\r\n])*)-->"
    )


@functools.cache
def _code_like() -> regex.Pattern[str]:
    return regex.compile(r"^[A-Za-z]{2,4}[0-9]*$")


@dataclass(frozen=True)
class Directive:
    """One parsed directive: its kind, selectors (empty = every rule) and span in the text."""

    kind: str
    selectors: tuple[str, ...]
    start: int
    end: int


def directive_spans(text: str) -> list[tuple[int, int]]:
    """Spans of every directive comment in `text` (what a text file masks as non-prose)."""
    if "mtlint-" not in text:
        return []
    return [m.span() for m in directive_pattern().finditer(text)]


def parse(text: str) -> list[Directive]:
    """Every directive comment in `text`, in order."""
    if "mtlint-" not in text:
        return []
    out = []
    for m in directive_pattern().finditer(text):
        body = m.group("body")
        # `-- reason` is a comment about the directive, not selectors.
        body = regex.split(r"(?:^|\s)--(?:\s|$)", body, maxsplit=1)[0]
        selectors = tuple(s for s in regex.split(r"[\s,]+", body) if s)
        out.append(Directive(m.group("kind"), selectors, m.start(), m.end()))
    return out


def matches(selector: str, code: str, name: str, category: str) -> bool:
    """True when a selector (code, code prefix, name, category or ALL) names this rule."""
    if selector.upper() == "ALL" or selector in (name, category):
        return True
    # Codes and prefixes are written in capitals elsewhere; a comment may not bother.
    return bool(_code_like().match(selector)) and code.startswith(selector.upper())


def _hits(selectors: Sequence[str], f: Finding) -> bool:
    if not selectors:
        return True
    return any(matches(s, f.code, f.rule, f.category) for s in selectors)


@dataclass(frozen=True)
class _State:
    """Which rules a region turns off at some point of the text."""

    all_off: bool = False
    off: tuple[str, ...] = ()
    back_on: tuple[str, ...] = ()

    def suppresses(self, f: Finding) -> bool:
        if self.back_on and _hits(self.back_on, f):
            return False
        return self.all_off or (bool(self.off) and _hits(self.off, f))

    def after(self, d: Directive) -> _State:
        if d.kind == "disable":
            if not d.selectors:
                return _State(True, (), ())
            return _State(self.all_off, self.off + d.selectors, tuple(s for s in self.back_on if s not in d.selectors))
        if not d.selectors:
            return _State()
        # `enable X` after `disable MT1` (or after a bare `disable`) turns X back on, the rest stays off.
        off = tuple(s for s in self.off if s not in d.selectors)
        return _State(self.all_off, off, self.back_on + d.selectors if (self.all_off or off) else ())


class Suppressions:
    """The directives of one document, ready to test findings against."""

    def __init__(self, text: str, directives: Iterable[Directive], line_starts: Sequence[int]) -> None:
        self.text = text
        self.line_starts = line_starts
        self.file: list[tuple[str, ...]] = []
        self.lines: dict[int, list[tuple[str, ...]]] = {}
        self._points: list[int] = []
        self._states: list[_State] = []
        state = _State()
        for d in directives:
            if d.kind == "disable-file":
                self.file.append(d.selectors)
            elif d.kind == "disable-line":
                self.lines.setdefault(self._line(d.start), []).append(d.selectors)
            elif d.kind == "disable-next-line":
                target = self._next_nonblank_line(self._line(d.end - 1) + 1)
                if target is not None:
                    self.lines.setdefault(target, []).append(d.selectors)
            else:
                state = state.after(d)
                self._points.append(d.start)
                self._states.append(state)

    def _line(self, offset: int) -> int:
        return bisect.bisect_right(self.line_starts, offset) - 1

    def _next_nonblank_line(self, line: int) -> int | None:
        starts = self.line_starts
        while line < len(starts):
            end = starts[line + 1] if line + 1 < len(starts) else len(self.text)
            # A line holding only other directives counts as blank here.
            if directive_pattern().sub("", self.text[starts[line]:end]).strip():
                return line
            line += 1
        return None

    def suppressed(self, f: Finding) -> bool:
        """True when a directive turns this finding off."""
        if any(_hits(sels, f) for sels in self.file):
            return True
        if any(_hits(sels, f) for sels in self.lines.get(self._line(f.start), ())):
            return True
        i = bisect.bisect_right(self._points, f.start) - 1
        return i >= 0 and self._states[i].suppresses(f)


def apply(doc: object, findings: list[Finding]) -> list[Finding]:
    """The findings no directive in `doc` turns off (directives inside non-prose are ignored)."""
    text: str = doc.text  # type: ignore[attr-defined]
    directives = [d for d in parse(text) if _is_directive_place(doc, d)]
    if not directives:
        return findings
    sup = Suppressions(text, directives, doc.line_starts)  # type: ignore[attr-defined]
    return [f for f in findings if not sup.suppressed(f)]


def _is_directive_place(doc: object, d: Directive) -> bool:
    # In Markdown a directive inside a code block or a code span is shown as text (an
    # example in documentation), so only real HTML comments count.
    if not getattr(doc, "markdown", False):
        return True
    blocks, inline = _markdown_html(doc)
    line = bisect.bisect_right(doc.line_starts, d.start) - 1  # type: ignore[attr-defined]
    comment = doc.text[d.start:d.end]  # type: ignore[attr-defined]
    return any(a <= line < b for a, b in blocks) or any(
        a <= line < b and comment in content for a, b, content in inline
    )


def _markdown_html(doc: object) -> tuple[list[tuple[int, int]], list[tuple[int, int, str]]]:
    """Line ranges of HTML blocks, and HTML inline pieces with their block's line range."""
    cache = doc.cache  # type: ignore[attr-defined]
    if "suppress.html" not in cache:
        from markdown_it import MarkdownIt

        blocks: list[tuple[int, int]] = []
        inline: list[tuple[int, int, str]] = []
        for tok in MarkdownIt("commonmark").enable(["table"]).parse(doc.text):  # type: ignore[attr-defined]
            if tok.map is None:
                continue
            if tok.type == "html_block":
                blocks.append((tok.map[0], tok.map[1]))
            elif tok.type == "inline":
                inline.extend(
                    (tok.map[0], tok.map[1], c.content) for c in tok.children or () if c.type == "html_inline"
                )
        cache["suppress.html"] = (blocks, inline)
    return cache["suppress.html"]
