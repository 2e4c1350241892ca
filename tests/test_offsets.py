"""Every finding of every built-in rule has consistent offsets, on random awkward text."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from checker.document import Document
from conftest import default_linter

# Pieces that trigger rules, mixed with awkward characters.
TRIGGERS = ["le le", "the the", "Al", "l'IA", "  ", "Partager sur Facebook", "Share this article",
            "de...", "pic.twitter.com/abc", "@handle", "https://example.org/x.", "AccueilSportLes",
            "12,5 %", "1,000.5", "«", "»", "\"", "’", "Macron", "Paris", "la la", "est est"]
AWKWARD = ["😀", "👩‍👩‍👧", "🇫🇷", "e\u0301", "\u05e9\u05dc\u05d5\u05dd", "\u0627\u0644\u0633\u0644\u0627\u0645",
           "\u00a0", "\u202f", "\u200b", "\r\n", "\r", "\n", "\n\n", "\t", "𝔘", "ﬁ", "İ", "ß"]
WORDS = ["Le", "maire", "a", "dit", "que", "projet", "The", "mayor", "said", "that", "news", "ville", "et", ".", ",", " "]

piece = st.one_of(st.sampled_from(TRIGGERS), st.sampled_from(AWKWARD), st.sampled_from(WORDS),
                  st.text(max_size=3))
texts = st.lists(st.one_of(piece, st.just(" ")), max_size=40).map("".join)


def _position(text: str, offset: int) -> tuple[int, int]:
    """(line, column), 1-based, computed independently: breaks at \\r\\n, \\r or \\n."""
    line, col, i = 1, 1, 0
    while i < offset:
        ch = text[i]
        if ch == "\r" and i + 1 < len(text) and text[i + 1] == "\n":
            if i + 1 == offset:  # between \r and \n: still on the line the \r\n ends
                return line, col + 1
            line, col, i = line + 1, 1, i + 2
            continue
        if ch in "\r\n":
            line, col = line + 1, 1
        else:
            col += 1
        i += 1
    return line, col


def _utf16(text: str, offset: int) -> int:
    return len(text[:offset].encode("utf-16-le")) // 2


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(text=texts, lang=st.sampled_from(["fr", "en"]), markdown=st.booleans())
def test_every_finding_has_consistent_offsets(text: str, lang: str, markdown: bool) -> None:
    report = default_linter().check_text(text, lang=lang, path="x.md" if markdown else "x.txt")
    assert report.failures == []
    entry = report.to_dict()
    for issue in entry["issues"]:
        s, e = issue["start"], issue["end"]
        assert 0 <= s < e <= len(text)
        assert text[s:e] == issue["text"]
        assert (issue["line"], issue["column"]) == _position(text, s)
        assert (issue["end_line"], issue["end_column"]) == _position(text, e)
        assert (issue["start_utf16"], issue["end_utf16"]) == (_utf16(text, s), _utf16(text, e))


def test_position_helper_agrees_on_a_known_text() -> None:
    # The test's own reference implementation, checked by hand.
    text = "ab\r\ncd\ref\ngh"
    assert _position(text, 0) == (1, 1)
    assert _position(text, 4) == (2, 1)
    assert _position(text, 7) == (3, 1)
    assert _position(text, 11) == (4, 2)
    assert _utf16("a😀b", 2) == 3


def test_document_position_matches_reference_on_every_offset() -> None:
    text = "Titre 😀\r\nIl a dit\rle le mot.\n\nFin\u2028x"
    doc = Document(text)
    for i in range(len(text) + 1):
        if text[i - 1:i + 1] == "\r\n":
            continue  # between \r and \n: no finding can start or end there
        assert doc.position(i) == _position(text, i), i
        assert doc.utf16(i) == _utf16(text, i)
