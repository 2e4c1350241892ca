"""Kind synonym-alternation (MT421 en, MT422 fr): one term whose modifier alternates between
synonyms in one article is reported at its minority rendering; descriptions, single-word
continuations and forms of one word stay silent."""

from __future__ import annotations

from conftest import check_rules

CODES = {"MT421", "MT422"}


def _found(text: str, lang: str) -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in check_rules(CODES, text, lang)]


def test_minority_rendering_is_reported_with_the_majority_as_suggestion() -> None:
    text = ("The smart city projects start in May. Two smart city projects are late. "
            "An intelligent city project in the north was cancelled.")
    (f,) = check_rules(CODES, text, "en")
    assert f.text == "intelligent city project" == text[f.start:f.end]
    assert f.suggestions[0] == "smart city projects"


def test_forms_of_one_french_word_are_one_rendering() -> None:
    text = ("Un grand modèle de langage apprend vite. Les grands modèles de langage coûtent cher. "
            "La grande modèle de langage n'existe pas, mais les grandes modèles de langage non plus.")
    assert _found(text, "fr") == []


def test_french_alternation() -> None:
    text = ("Les grands modèles de langage progressent. Chaque grand modèle de langage consomme. "
            "Un gros modèle de langage a été publié.")
    assert _found(text, "fr") == [("MT422", "gros modèle de langage")]


def test_a_phrase_used_twice_is_a_description_not_a_term() -> None:
    text = "Il ouvrit un gros cahier rouge. Plus tard, le grand cahier rouge avait disparu."
    assert _found(text, "fr") == []


def test_single_word_after_the_modifier_is_left_alone() -> None:
    text = "A big crowd came. A large crowd left. A big crowd returned. Big data, large data, big data."
    assert _found(text, "en") == []


def test_tie_reports_the_second_rendering() -> None:
    text = ("Fast food delivery apps grew. Quick food delivery apps shrank. "
            "Fast food delivery apps won, quick food delivery apps lost.")
    assert [t for _, t in _found(text, "en")] == ["Quick food delivery", "quick food delivery"]


def test_capital_headings_and_line_breaks_end_the_term() -> None:
    text = "BIG LANGUAGE MODEL NEWS\nLarge language model news. Large\nlanguage model news. Large language model news."
    assert _found(text, "en") == []
