"""MT115 rows for Indonesian, Vietnamese, Turkish, Arabic and Korean names: renderings reported, and
ordinary words left alone. Every text here is written for the test."""

from __future__ import annotations

import pytest
from conftest import check_rules


def _found(text: str, lang: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.text, f.suggestions) for f in check_rules("MT115", text, lang)]


@pytest.mark.parametrize(
    ("text", "lang", "expected", "original"),
    [
        # The original named once, then rendered word for word.
        ("Le groupe Jamrud remplit les stades. Le chanteur d'Émeraude a annoncé une tournée.", "fr",
         "Émeraude", "Jamrud"),
        ("Según el diario Sözcü, el ministro dimitirá. El Portavoz añadió que la fecha no está fijada.", "es",
         "El Portavoz", "Sözcü"),
        ("Il quotidiano Al-Ahram ha intervistato il ministro. Secondo Le Piramidi, l'accordo è vicino.", "it",
         "Le Piramidi", "Al-Ahram"),
        ("O jornal Nhân Dân publicou o discurso. Segundo O Povo, a reunião durou três horas.", "pt",
         "O Povo", "Nhân Dân"),
        ("Die Band Cokelat tritt in Berlin auf. Die Sängerin von Schokolade sprach mit Fans.", "de",
         "Schokolade", "Cokelat"),
        ("Takvim a publié le classement. D'après Le Calendrier, le club vise la Ligue des champions.", "fr",
         "Le Calendrier", "Takvim"),
        # A strong rendering capitalised inside a sentence, without the original.
        ("Le joueur a fêté son titre avec Ciment Padang devant vingt mille supporters.", "fr",
         "Ciment Padang", "Semen Padang"),
        ("Las integrantes de Chicas cósmicas lanzaron un nuevo álbum en Seúl.", "es",
         "Chicas cósmicas", "Cosmic Girls"),
        ("L'attore è stato ospite di Sfida infinita per due puntate.", "it",
         "Sfida infinita", "Infinite Challenge"),
        ("A atriz ganhou o prêmio por Advogada extraordinária Woo no ano passado.", "pt",
         "Advogada extraordinária Woo", "Extraordinary Attorney Woo"),
    ],
)
def test_rendering_is_reported(text: str, lang: str, expected: str, original: str) -> None:
    assert _found(text, lang) == [(expected, (original,))]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # The original used correctly.
        ("Le quotidien Yeni Şafak et le journal Akşam ont couvert le sommet d'Ankara.", "fr"),
        ("La serie Queen of Tears y el programa Infinite Challenge lideran la audiencia.", "es"),
        # The common words in their ordinary sense, without the original.
        ("Il a acheté une boîte de chocolats et un foulard violet pour sa petite amie.", "fr"),
        ("Los niños juegan después de la escuela; el portavoz del ayuntamiento lo confirmó.", "es"),
        ("Le piramidi di Giza e il faro di Alessandria sono tra le meraviglie del mondo antico.", "it"),
        ("O povo votou em massa; a decisão do tribunal saiu à tarde.", "pt"),
        ("Sie kaufte Schokolade und einen Smaragd; nach der Schule ging sie nach Hause.", "de"),
        ("Le soir, le porte-parole a lu la décision : le calendrier ne change pas.", "fr"),
    ],
)
def test_ordinary_words_stay_silent(text: str, lang: str) -> None:
    assert _found(text, lang) == []
