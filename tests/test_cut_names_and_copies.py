"""Mechanisms added on 2026-12-04/05, on text written for these tests: what they report and what
they leave alone (names cut two ways, cut paragraphs, short repeated last paragraphs, glued words,
German nouns after an article, fan words in quotations)."""

from __future__ import annotations

import pytest
from conftest import findings


def _found(text: str, lang: str, code: str) -> list[str]:
    return [f.text for f in findings(text, lang) if f.code == code]


def test_a_name_cut_two_ways_reports_the_minority() -> None:
    text = ("Titre\n\nL'actrice Seo Ji-hun a remporté le prix. Seo Ji-hun tournera un film cet été. "
            "Selon son agence, Seo Jihun prendra ensuite des vacances.")
    assert _found(text, "fr", "MT681") == ["Seo Jihun"]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # a stage name and the full name it comes from
        ("Title\n\nJungkook posted a photo. Jungkook, whose full name is Jeon Jung-kook, thanked fans. Jungkook smiled.", "en"),
        # a word broken at a line end in an old book, not syllables of an East Asian name
        ("Titre\n\nPierre Lathon entra. Pierre La-thon ferma la porte. Pierre Lathon se tut.", "fr"),
        # German compounds
        ("Titel\n\nDie Konzertabsagen häufen sich. Weitere Konzert-Absagen folgten am Montag.", "de"),
    ],
)
def test_names_cut_two_ways_for_good_reasons_stay_silent(text: str, lang: str) -> None:
    assert _found(text, lang, "MT681") == []


def test_an_unclosed_quotation_cut_at_the_paragraph_end() -> None:
    text = ("Titolo\n\nSecondo l'analista, «i dazi potrebbero rallentare le vendite dei marchi, almeno nel breve peri\n\n"
            "La vettura sarà disponibile in tre versioni.")
    assert _found(text, "it", "MT546") == ["nel breve peri"]


def test_a_quotation_the_next_paragraph_closes_is_not_cut() -> None:
    text = ("Titre\n\nIl lut la lettre : « Ma chère amie, je vous écris de Lyon où il pleut depuis trois jours\n\n"
            "Je rentrerai bientôt. » Puis il se tut.")
    assert _found(text, "fr", "MT532") == []


def test_a_paragraph_cut_before_the_share_bar() -> None:
    text = ("Título\n\nEm 2014, uma cratera semelhante foi descoberta por pastores. Desde então, os cientistas "
            "da universidade têm estudado\n\nPartilhar: Facebook | Twitter | E-mail")
    assert _found(text, "pt", "MT547") == ["universidade têm estudado"]


def test_a_last_paragraph_without_a_stop_and_no_chrome_after_is_left_to_others() -> None:
    text = ("Title\n\nThe council met on Tuesday. The mayor said the library would open its doors next spring")
    assert _found(text, "en", "MT533") == []


def test_a_german_headline_ending_on_a_separable_particle_is_not_cut() -> None:
    text = ("Startseite > Politik\n\nOpposition gewinnt die Wahl – Regierungspartei räumt Niederlage ein\n\n"
            "Von unserer Korrespondentin | 01.04.2024\n\nDie Opposition hat die Wahl gewonnen.")
    assert _found(text, "de", "MT548") == []


def test_a_short_last_paragraph_repeating_a_sentence() -> None:
    text = ("Titre\n\nDeux suspects ont été arrêtés mardi. Aucun autre détail n'a été communiqué.\n\n"
            "Le procès doit s'ouvrir en mars.\n\nAucun autre détail n'a été communiqué.\n\nPartager : Facebook | X")
    assert _found(text, "fr", "MT130") == ["Aucun autre détail n'a été communiqué."]


def test_a_refrain_with_more_story_after_it_is_not_a_copy() -> None:
    text = ("Title\n\nIt was an old tale to him, and he knew every line of it. But to her it was new.\n\n"
            "But to her it was new.\n\nShe listened until the fire died down and the rain stopped at last.")
    assert _found(text, "en", "MT130") == []


def test_two_common_words_glued() -> None:
    assert _found("Título\n\nO motorista foi encontradodurante a busca na madrugada.", "pt", "MT525") == [
        "encontradodurante"]


@pytest.mark.parametrize("word", ["admireraient", "étageaient", "interpiliers", "regrettasse"])
def test_inflections_prefixes_and_doubled_consonants_are_not_glued_words(word: str) -> None:
    assert _found(f"Titre\n\nIls {word} souvent, dit-on, dans cette région.", "fr", "MT525") == []


def test_a_german_noun_of_a_distant_language_after_an_article() -> None:
    text = "Titel\n\nDie neue Bürgermeisterin tritt ihr Amt im April an. Die Belediye hat die Übergabe vorbereitet."
    assert _found(text, "de", "MT123") == ["Belediye"]


def test_a_newspaper_name_after_a_german_article_is_not_a_leftover() -> None:
    text = "Titel\n\nWie die Hürriyet am Montag berichtete, will die Regierung sparen. Die Sabah schrieb dasselbe."
    assert _found(text, "de", "MT123") == []


def test_a_fan_word_in_a_quotation_of_several_words_but_not_cited_alone() -> None:
    assert _found("Título\n\nLos fans escribieron «daebak, se lo merecen» en las redes.", "es", "MT123") == ["daebak"]
    assert _found("Título\n\nLa palabra «daebak» significa «genial» en coreano.", "es", "MT123") == []
