"""Mojibake runs (UTF-8 bytes read as Windows-1252 or Latin-1, or encoded twice), found and
repaired by ftfy, shared by the kinds that must know them.

The encoding rule reports them; punctuation and spelling rules skip the characters
inside them (``â€”`` holds a ``”`` that is no quotation mark, ``windowâ`` is no word).
"""

from __future__ import annotations

import bisect

import regex

from checker.document import Document


def _cp1252_image(b: int) -> str:
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(b)  # undefined in Windows-1252: Latin-1 gives the C1 control


_CONT = "".join(regex.escape(_cp1252_image(b)) for b in range(0x80, 0xC0))


#: A cheap first look: a lead character of UTF-8 read as Latin-1 or Windows-1252 followed by a
#: continuation image, or a C1 control character. Only texts that have one pay for ftfy.
_SUSPECT = regex.compile(rf"[\u00c2-\u00c5\u00e2-\u00ef\u00f0][{_CONT}\u0080-\u009f\u00a0]|[\u0080-\u009f]")
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
        if _SUSPECT.search(prose):
            import ftfy
            from ftfy.badness import is_bad

            for m in _CHUNK.finditer(prose):
                chunk = m.group()
                if not _SUSPECT.search(chunk) or not is_bad(chunk):
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
