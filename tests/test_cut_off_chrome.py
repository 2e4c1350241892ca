"""A paragraph cut mid-sentence is still reported when page chrome follows it, not a continuation."""

from __future__ import annotations

import pytest

from checker.kinds.cut_off import _continues


@pytest.mark.parametrize(
    ("nxt", "lang"),
    [
        ("© Le Courrier du Soir avec AFP. Tous droits réservés.", "fr"),
        ("Copyright 2024 KTVN. All rights reserved.", "en"),
        ("Avertissement : cet article ne constitue pas un conseil en investissement.", "fr"),
        ("Tags: elections, Senate, budget", "en"),
        ("Teilen: Facebook · X · E-Mail", "de"),
    ],
)
def test_chrome_does_not_continue_a_sentence(nxt: str, lang: str) -> None:
    assert not _continues(nxt, lang, 4.5)


@pytest.mark.parametrize(
    ("nxt", "lang"),
    [
        ("Jean-Claude :\n\n— Bah !", "fr"),  # a speaker named after a colon: the sentence goes on
        ("la suite du texte, après un saut de page.", "fr"),
        ("J. Smith, who led the inquiry.", "en"),
    ],
)
def test_continuations_stay(nxt: str, lang: str) -> None:
    assert _continues(nxt, lang, 4.5)
