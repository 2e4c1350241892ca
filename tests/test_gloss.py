"""A foreign word the article explains on purpose is not a leftover (checker.kinds._gloss)."""

from __future__ import annotations

import pytest

from checker.kinds._gloss import glossed
from checker.linter import Linter


def _at(text: str, word: str, lang: str) -> bool:
    i = text.index(word)
    return glossed(text, i, i + len(word), lang)


@pytest.mark.parametrize(("lang", "text", "word"), [
    ("fr", "Les habitants ont participé à des journées de mapalus, la tradition d'entraide du village.", "mapalus"),
    ("pt", "Ela é uma das vozes do kroncong, gênero musical nascido nos portos.", "kroncong"),
    ("fr", "Le hanbok (costume traditionnel coréen) était de rigueur.", "hanbok"),
    ("it", "Hanno cucinato il rendang, un piatto di carne speziata, per tutti.", "rendang"),
    ("en", "Fans sang along to the style of kecak during the show.", "kecak"),
])
def test_explained_words(lang: str, text: str, word: str) -> None:
    assert _at(text, word, lang)


@pytest.mark.parametrize(("lang", "text", "word"), [
    ("fr", "« Nous allons gagner », ujarnya, les supporters ont applaudi.", "ujarnya"),
    ("fr", "Le match aura lieu Senin (14/10) à Bandung.", "Senin"),
    ("fr", "Les joueurs dan les entraîneurs sont arrivés, la fédération a confirmé.", "dan"),
    ("es", "El jugador berkata, el público aplaudió.", "berkata"),
])
def test_leftovers_are_not_explained(lang: str, text: str, word: str) -> None:
    assert not _at(text, word, lang)


def test_an_explained_word_is_not_reported_and_a_leftover_still_is() -> None:
    linter = Linter(lang="fr")
    explained = linter.check_text(
        "Des milliers de volontaires ont rejoint des journées de mapalus, la tradition d'entraide "
        "du village, pour nettoyer les rues après les inondations de la semaine dernière.")
    assert not [f for f in explained.findings if f.text == "mapalus"]
    left = linter.check_text(
        "Les supporters sont venus nombreux pour saluer les joueurs, ujarnya, après la victoire "
        "obtenue samedi soir au stade municipal de la ville.")
    assert {f.code for f in left.findings if f.text == "ujarnya"} >= {"MT123", "MT201"}
