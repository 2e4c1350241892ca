"""Private helper of the kinds that leave headings alone: is a line set in title case?"""

from __future__ import annotations

import regex

_WORD = regex.compile(r"[\p{L}\p{M}][\p{L}\p{M}'’-]*+")


def title_case_line(line: str, skip: frozenset[str] = frozenset()) -> bool:
    """Whether most words of four letters or more of `line` are capitalised (at least three
    such words, three quarters of them); words of `skip`, lowercased, are not counted."""
    words = [w for w in _WORD.findall(line) if len(w) >= 4 and w.lower() not in skip]
    if len(words) < 3:
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps >= 0.75 * len(words)
