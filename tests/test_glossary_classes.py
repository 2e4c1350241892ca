"""Table patterns: spaces, apostrophes and ``^`` keep their table meaning inside character classes.

In a glossary or sense-table row, a space stands for any white space and a straight
apostrophe for any apostrophe; ``^`` in a ``left=`` condition means the start of a sentence.
Inside a character class the same must hold, written as members of the class: before,
``[' -]`` became a class nested in a class (which silently changed what the row matched),
and ``right=[^,]+`` turned into an invalid expression that rejected the whole rule file.
"""

from __future__ import annotations

import regex

from checker.kinds.glossary import compile_entry


def _spans(row: tuple[str, ...], text: str) -> list[str]:
    entry = compile_entry(row, regex.IGNORECASE | regex.V0, "test")
    return [m.group() for m in entry.regex.finditer(text)]


def test_apostrophe_in_a_class_matches_every_apostrophe() -> None:
    row = ("rock[' ]n[' ]roll", "rock'n'roll")
    assert _spans(row, "du rock'n'roll") == ["rock'n'roll"]
    assert _spans(row, "du rock’n’roll") == ["rock’n’roll"]
    assert _spans(row, "du rock n roll") == ["rock n roll"]
    assert _spans(row, "du rockXnXroll") == []


def test_space_in_a_class_matches_non_breaking_spaces() -> None:
    row = (r"\d+(?:[ .]\d{3})+ fans", "x")
    assert _spans(row, "12\u00a0000 fans") == ["12\u00a0000 fans"]
    assert _spans(row, "12.000 fans") == ["12.000 fans"]
    assert _spans(row, "12_000 fans") == []


def test_negated_class_in_a_condition_is_not_a_sentence_start() -> None:
    row = ("When met", "Asked,", "left=^", "right=(?: at [^,.]{1,30})?, the")
    assert _spans(row, "When met at his home, the man said no.") == ["When met"]
    assert _spans(row, "When met at his home. The man said no.") == []
    # ^ outside a class still means the start of a sentence
    assert _spans(row, "They left when met at his home, the man said.") == []


def test_escaped_bracket_is_not_a_class() -> None:
    row = (r"note \[\d+\] 'ici'", "x")
    assert _spans(row, "voir note [12] ’ici’") == ["note [12] ’ici’"]
