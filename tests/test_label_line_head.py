"""label-line (MT508): a two-section « » » trail on the page's first line is navigation."""

from __future__ import annotations

from checker import Linter

LINTER = Linter()


def labels(text: str, lang: str) -> list[str]:
    report = LINTER.check_text(text, lang=lang)
    return [f.text for f in report.findings if f.code == "MT508"]


def test_two_sections_on_the_first_line() -> None:
    text = "Science » Space\n\nThe probe reached orbit on Tuesday after a seven-month journey.\n"
    assert labels(text, "en") == ["Science » Space"]


def test_not_on_a_later_line_nor_with_several_words() -> None:
    later = "The probe reached orbit.\n\nScience » Space\n\nIt took seven months.\n"
    words = "Space Science » Deep Space Probes\n\nThe probe reached orbit on Tuesday.\n"
    pipe = "Science | Space\n\nThe probe reached orbit on Tuesday.\n"
    assert labels(later, "en") == []
    assert labels(words, "en") == []
    assert labels(pipe, "en") == []
