"""MT687 pronoun-role-gender: a masculine subject pronoun said to be a woman's role (« Il est une
actrice », "He is an actress", « Ele é uma atriz ») in six languages; nouns of feminine grammar
that men are too, metaphors of kinship, the literary « il est » and correct pronouns stay silent."""

from __future__ import annotations

import pytest

from conftest import check_rules


def _found(text: str, lang: str) -> list[str]:
    return [f.text for f in check_rules("MT687", text, lang)]


@pytest.mark.parametrize(("text", "lang", "span"), [
    ("Née à Medan, il est devenu une chanteuse très suivie.", "fr", "il est devenu une chanteuse"),
    ("Il était aussi la présidente du jury en 2019.", "fr", "Il était aussi la présidente"),
    ("He became the first businesswoman to lead the chamber.", "en", "He became the first businesswoman"),
    ("Él fue una futbolista destacada antes de retirarse.", "es", "Él fue una futbolista"),
    ("Lui è stato la prima calciatrice a segnare.", "it", "Lui è stato la prima calciatrice"),
    ("Ele tornou-se uma apresentadora famosa.", "pt", "Ele tornou-se uma apresentadora"),
    ("Er wurde die erste Präsidentin des Verbands.", "de", "Er wurde die erste Präsidentin"),
])
def test_masculine_pronoun_with_a_womans_role(text: str, lang: str, span: str) -> None:
    assert _found(text, lang) == [span]


@pytest.mark.parametrize(("text", "lang"), [
    ("Elle est une actrice reconnue ; il est une star, une vedette, une légende.", "fr"),
    ("Il était une compagne pour elles, disait le roman.", "fr"),
    ("Il est une chanteuse que j'admire plus que toutes.", "fr"),
    ("Il était une fois une princesse et une reine.", "fr"),
    ("She is an actress. He is the husband of an actress and the son of a singer.", "en"),
    ("He was a mother to me, she said of her coach.", "en"),
    ("Él es un cantante y una estrella; él es la persona indicada.", "es"),
    ("Lui è una star, lui è una persona seria, egli è il marito dell'attrice.", "it"),
    ("Ele é uma estrela, ele é o marido de uma atriz.", "pt"),
    ("Er ist eine Legende, er ist die Nummer eins und der Mann einer Sängerin.", "de"),
    ("Er ist eine wichtige Person; sie ist eine bekannte Sängerin.", "de"),
])
def test_correct_text_is_silent(text: str, lang: str) -> None:
    assert _found(text, lang) == []
