"""Private helpers of the kinds: "is this span inside a guarded one?" in logarithmic time, and
"which match of a pattern on its line holds this span?"."""

from __future__ import annotations

from bisect import bisect_right
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover
    import regex


class Guard:
    """Guarded spans (quotations, exceptions); `covers` is O(log n), so checking every match stays linear."""

    def __init__(self, spans: list[tuple[int, int]]) -> None:
        spans = sorted(spans)
        self.starts = [s for s, _ in spans]
        self.max_end: list[int] = []
        top = -1
        for _, e in spans:
            top = max(top, e)
            self.max_end.append(top)

    def covers(self, start: int, end: int) -> bool:
        """True when [start, end) lies within one guarded span."""
        i = bisect_right(self.starts, start) - 1
        return i >= 0 and self.max_end[i] >= end


def enclosing(pattern: regex.Pattern[str], text: str, start: int, end: int) -> regex.Match[str] | None:
    """The match of `pattern` (a quotation, say) on the line of [start, end) that holds that span,
    or None: the line's matches are read in order until one starts after `start`."""
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    for m in pattern.finditer(text, line_start, len(text) if line_end < 0 else line_end):
        if m.start() > start:
            break
        if end <= m.end():
            return m
    return None

