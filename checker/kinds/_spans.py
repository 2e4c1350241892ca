"""Private helper of the kinds: "is this span inside a guarded one?" in logarithmic time."""

from __future__ import annotations

from bisect import bisect_right


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
