"""Mojibake runs (UTF-8 bytes read as Windows-1252 or Latin-1, or encoded twice), found and
repaired by ftfy, shared by the kinds that must know them.

The encoding rule reports them; punctuation and spelling rules skip the characters
inside them (``â€”`` holds a ``”`` that is no quotation mark, ``windowâ`` is no word).
"""

from __future__ import annotations

import bisect
import functools

import regex

from checker.document import Document

#: The bytes 0x80-0xBF (UTF-8 continuation bytes) read as Windows-1252, the five it leaves
#: undefined read as Latin-1 (C1 controls); ``tests/test_mojibake_constants.py`` derives it again.
CP1252_CONTINUATIONS = (
    "\u20ac\x81\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\x8d\u017d\x8f"
    "\x90\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\x9d\u017e\u0178"
    "\xa0\xa1\xa2\xa3\xa4\xa5\xa6\xa7\xa8\xa9\xaa\xab\xac\xad\xae\xaf"
    "\xb0\xb1\xb2\xb3\xb4\xb5\xb6\xb7\xb8\xb9\xba\xbb\xbc\xbd\xbe\xbf"
)
_CONT = "".join(regex.escape(c) for c in CP1252_CONTINUATIONS)


@functools.cache
def _suspect() -> regex.Pattern[str]:
    """A cheap first look: a lead character of UTF-8 read as Latin-1 or Windows-1252 followed by
    a continuation image, or a C1 control character. Only texts that have one pay for ftfy.
    (Compiled at the first document, through the pattern store, not when the module loads.)"""
    return regex.compile(rf"[\u00c2-\u00c5\u00e2-\u00ef\u00f0][{_CONT}\u0080-\u009f\u00a0]|[\u0080-\u009f]")


#: Chunks ftfy judges one at a time: runs without ASCII white space (a mojibake no-break space,
#: ``Â\xa0``, stays inside its chunk), so that long lines cost linear time.
_CHUNK = regex.compile(r"[^ \t\r\n]+")


def damaged_runs(doc: Document) -> list[tuple[int, int, str]]:
    """(start, end, repaired text) of every mojibake run of the document's prose, in order (cached).

    Detection and repair are ftfy's (``badness.is_bad`` then ``fix_encoding``): UTF-8 read
    as Windows-1252 or as Latin-1 (C1 controls), and text encoded twice. A run is the part
    of a chunk that ftfy changes, so the repair is exactly what ftfy is confident about.
    """
    cached = doc.cache.get("mojibake-runs")
    if cached is None:
        cached = []
        prose = doc.prose
        if _suspect().search(prose):
            import ftfy
            from ftfy.badness import is_bad

            for m in _CHUNK.finditer(prose):
                chunk = m.group()
                if not _suspect().search(chunk) or not is_bad(chunk):
                    continue
                fixed = ftfy.fix_encoding(chunk)
                if fixed == chunk:
                    continue
                head = 0
                while head < min(len(chunk), len(fixed)) and chunk[head] == fixed[head]:
                    head += 1
                tail = 0
                while (tail < min(len(chunk), len(fixed)) - head
                       and chunk[len(chunk) - 1 - tail] == fixed[len(fixed) - 1 - tail]):
                    tail += 1
                start, end = m.start() + head, m.end() - tail
                if start < end:
                    cached.append((start, end, fixed[head:len(fixed) - tail]))
        doc.cache["mojibake-runs"] = cached
    return cached


def in_damaged_run(doc: Document, start: int, end: int | None = None) -> bool:
    """True when [start, end) (or the character at `start`) overlaps a mojibake run."""
    runs = damaged_runs(doc)
    if not runs:
        return False
    stop = start + 1 if end is None else end
    i = bisect.bisect_right(runs, (start, float("inf"), "")) - 1
    return any(0 <= j < len(runs) and runs[j][0] < stop and start < runs[j][1] for j in (i, i + 1))
