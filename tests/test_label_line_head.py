"""label-line (MT508): a two-section « » » trail on the page's first line is navigation."""

from __future__ import annotations

from conftest import findings


def labels(text: str, lang: str) -> list[str]:
    return [f.text for f in findings(text, lang) if f.code == "MT508"]


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


def chrome(text: str, lang: str) -> list[str]:
    return [f.text for f in findings(text, lang) if f.category == "boilerplate"]


def test_reaction_bars_with_counters_and_pictograms() -> None:
    # English bars may also be taken by the line-score rule (MT504): either one reports the line.
    body = "The probe reached orbit on Tuesday after a seven-month journey.\n\n{}\n\nIt took seven months.\n"
    assert chrome(body.format("❤ 3,4K   💬 Comment   🔗 Share"), "en") == ["❤ 3,4K   💬 Comment   🔗 Share"]
    assert chrome(body.format("Like 980 · Comment · Share"), "en") == ["Like 980 · Comment · Share"]
    spanish = "El equipo ganó la final el sábado.\n\n❤ 3,4K   💬 Comentar   🔗 Compartir\n\nFue su tercer título.\n"
    assert labels(spanish, "es") == ["❤ 3,4K   💬 Comentar   🔗 Compartir"]


def test_prose_with_wide_spaces_or_numbers_stays_silent() -> None:
    body = "The probe reached orbit on Tuesday.\n\n{}\n\nIt took seven months.\n"
    assert labels(body.format("He scored 2  goals and shared  the ball"), "en") == []
    assert labels(body.format("Comment 12 on the share price"), "en") == []
