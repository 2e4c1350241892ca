"""name-shape: a multi-part name squashed or its surname lowercased, against the article's own spelling."""

from __future__ import annotations

from conftest import check_rules


def test_a_surname_used_alone_counts_only_before_a_hyphenated_given_name() -> None:
    """« avec Choi » makes « choi Min-jae » a lowercased surname; « le Jean-Pierre » is an article."""
    text = ("Le maire a reçu Jean-Pierre Martin.\n\nIl a parlé avec Choi en mai. Plus tard, "
            "le Jean-Pierre du village et choi Min-jae sont venus, puis la rose Pompadour.")
    assert [f.text for f in check_rules("MT176", text)] == ["choi"]


def test_squashed_name_and_brand_spellings() -> None:
    text = ("La protagoniste Kang Soo-ah a été saluée.\n\nDans un message, Kangsooah a remercié ses fans "
            "sur Blue Sky, devenu BlueSky, et sur You Tube.")
    assert [f.text for f in check_rules("MT176", text)] == ["Kangsooah"]
