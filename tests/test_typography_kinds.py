"""Edge cases of the elision, quote-balance and style-mix kinds beyond the rule examples."""

from __future__ import annotations

import pytest
from conftest import check_rules


def _find(code: str, text: str, lang: str = "fr") -> list[tuple[str, tuple[str, ...]]]:
    return [(f.text, f.suggestions) for f in check_rules(code, text, lang)]


@pytest.mark.parametrize(
    "text",
    [
        "Le héros, la hausse, le haricot, le hasard, le handicap et le hall.",
        "La IVe République et le Ier arrondissement.",
        "Ana de Armas et Marine Le Pen ; donne-le à Paul.",
        "Le musicien donne le la au diapason.",
        "Le ou les auteurs, en provenance de et à destination de Paris.",
        "Elle a fait la une ; le prix passe de un à trois euros.",
        "Il se hâta, puis le hissa à bord ; je le hais.",
        "« Give me a break », a-t-il lancé en anglais.",
        "Si elle vient, lorsque Anne arrivera.",
    ],
)
def test_elision_traps_are_not_reported(text: str) -> None:
    assert _find("MT213", text) == []


def test_elision_suggestion_follows_the_article_apostrophe_and_case() -> None:
    straight = "L'équipe d'Anne l'a dit : il faut qu'on avance. [[X]]".replace("[[X]]", "Que il parte.")
    assert _find("MT213", straight) == [("Que il", ("Qu'il",))]
    curly = "L’équipe d’Anne l’a dit. LE AVION part."
    assert _find("MT213", curly) == [("LE AVION", ("L’AVION",))]


def test_elision_mute_h_and_vowel_y() -> None:
    found = _find("MT213", "Le directeur de la hôpital salue le travail de Yves.")
    assert [t for t, _ in found] == ["la hôpital", "de Yves"]
    assert _find("MT213", "Le yaourt et le Yémen.") == []


def test_unmatched_closing_guillemet_with_context() -> None:
    text = "« Un » et « deux », puis trois », a-t-il ajouté.\n\nFin."
    assert [t for t, _ in _find("MT222", text)] == ["», a-t-il ajouté"]


def test_quote_running_over_paragraphs_is_balanced() -> None:
    text = "« Premier paragraphe.\n\n« Deuxième paragraphe.\n\n« Fin », dit-il."
    assert _find("MT222", text) == []
    dialogue = "« Tu viens ?\n\n— Non.\n\n— Tant pis. »\n\nIl partit."
    assert _find("MT222", dialogue) == []


def test_open_quote_reported_when_a_new_one_opens() -> None:
    text = "Elle dit : « je reste ici.\n\nLe maire répond : « nous verrons », sans plus."
    assert [t[0] for t, _ in _find("MT222", text)] == ["«"]


def test_nested_english_quotes_do_not_interfere() -> None:
    assert _find("MT222", "« Il parle d’un “choc”, d’un “séisme” », dit-elle.") == []


def test_apostrophe_mix_reports_minority_only_when_one_style_dominates() -> None:
    mixed = "L’usine d’Amiens, l’équipe d’ici et l’an dernier ; puis l'hiver."
    assert _find("MT224", mixed) == [("l'hiver", ("l’hiver",))]
    balanced = "L’usine d'Amiens, l’équipe d'ici."
    assert _find("MT224", balanced) == []


def test_apostrophes_inside_urls_are_not_counted() -> None:
    text = "L’usine d’Amiens, l’équipe d’ici, voir https://exemple.fr/l'usine."
    assert _find("MT224", text) == []
