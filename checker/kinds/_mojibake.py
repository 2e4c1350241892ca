"""Mojibake runs (UTF-8 bytes read as Windows-1252), shared by the kinds that must know them.

The encoding rule reports them; punctuation and spelling rules skip the characters
inside them (``â€”`` holds a ``”`` that is no quotation mark, ``windowâ`` is no word).
"""

from __future__ import annotations

import bisect
import unicodedata

import regex

from checker.document import Document


def _cp1252_image(b: int) -> str:
    try:
        return bytes([b]).decode("cp1252")
    except UnicodeDecodeError:
        return chr(b)  # undefined in Windows-1252: Latin-1 gives the C1 control


_TO_BYTE = {_cp1252_image(b): b for b in range(0x80, 0x100)}
_CONT = "".join(regex.escape(_cp1252_image(b)) for b in range(0x80, 0xC0))
# Lead bytes: 2-byte sequences only for U+0080–U+017F (Â Ã Ä Å), 3-byte for punctuation and
# symbols (â = E2, ã–ï rarely), 4-byte for emoji (ð = F0). Other 2-byte leads (É = C9) would
# decode to IPA letters: they are real accented capitals followed by punctuation.
_MOJIBAKE = regex.compile(
    rf"(?:[\u00c2-\u00c5][{_CONT}]|[\u00e2\u00e3-\u00ef][{_CONT}]{{2}}|\u00f0[{_CONT}]{{3}})+"
)

def _plausible(ch: str) -> bool:
    cp = ord(ch)
    return (
        0xA0 <= cp <= 0x17F
        or 0x2000 <= cp <= 0x206F
        or 0x20A0 <= cp <= 0x20CF
        or 0x2100 <= cp <= 0x21FF
        or cp >= 0x1F000
        or unicodedata.category(ch) in ("Sm", "So")
    )



def damaged_runs(doc: Document) -> list[tuple[int, int, str]]:
    """(start, end, repaired text) of every mojibake run of the document's prose, in order (cached)."""
    cached = doc.cache.get("mojibake-runs")
    if cached is None:
        cached = []
        for m in _MOJIBAKE.finditer(doc.prose):
            try:
                fixed = bytes(_TO_BYTE[c] for c in m.group()).decode("utf-8")
            except (KeyError, UnicodeDecodeError):
                continue
            if all(_plausible(c) for c in fixed):
                cached.append((m.start(), m.end(), fixed))
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
