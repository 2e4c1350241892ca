"""MT420 name-order: one two-part name written in both orders in one article."""

from __future__ import annotations

import pytest
from conftest import findings


def found(text: str, lang: str) -> list[tuple[str, tuple[str, ...]]]:
    out = []
    for f in findings(text, lang):
        assert text[f.start:f.end] == f.text
        if f.code == "MT420":
            out.append((f.text, tuple(f.suggestions)))
    return out


def test_the_order_written_fewer_times_is_reported() -> None:
    text = ("La ministre Tran Haivy a ouvert le sommet. Tran Haivy a parlé du climat.\n\n"
            "Interrogée sur le budget, Haivy Tran a refusé de répondre.")
    assert found(text, "fr") == [("Haivy Tran", ("Tran Haivy",))]


def test_equal_counts_report_the_later_order() -> None:
    text = "CEO Zhao Mingyu presented the phone. Asked about prices, Mingyu Zhao said it was on time."
    assert found(text, "en") == [("Mingyu Zhao", ("Zhao Mingyu",))]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Three-part names are other names, not the same one swapped.
        ("Zhao Mingyu met Mingyu Zhao Chen, his cousin, in Beijing.", "en"),
        # Two common words are no name.
        ("Le Monde a publié l'enquête ; Monde Le est un jeu de mots du blogueur.", "fr"),
        # A heading in title case may set the name in any order.
        ("Mingyu Zhao Presents The New Folding Phone\n\nZhao Mingyu presented the phone on Monday.", "en"),
        # Glued to a hyphenated word: « Mingyu Zhao-led » is not the name alone.
        ("Zhao Mingyu spoke first; the Mingyu Zhao-led team then presented.", "en"),
    ],
)
def test_silent(text: str, lang: str) -> None:
    assert found(text, lang) == []
