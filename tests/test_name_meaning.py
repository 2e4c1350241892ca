"""MT614 name-meaning: a name word translated by its meaning, beside a name of its origin."""

from __future__ import annotations

import pytest
from conftest import findings


def found(text: str, lang: str) -> list[tuple[str, tuple[str, ...]]]:
    out = []
    for f in findings(text, lang):
        assert text[f.start:f.end] == f.text
        if f.code == "MT614":
            out.append((f.text, tuple(f.suggestions)))
    return out


@pytest.mark.parametrize(
    ("text", "lang", "word", "original"),
    [
        ("L'attaquant Burak Faucon a signé pour trois saisons.", "fr", "Faucon", "Doğan"),
        ("Die Sängerin Zeynep Stern füllte die Halle.", "de", "Stern", "Yıldız"),
        ("Midfielder Arda Steel was named man of the match.", "en", "Steel", "Çelik"),
        ("La ministra Espoir Al-Mansouri visitó la frontera.", "fr", "Espoir", "Amal"),
        ("La cantante Siti Diamante actuó en Yakarta.", "es", "Diamante", "Intan"),
        ("La campionessa Trần Thị Neve ha vinto l'oro.", "it", "Neve", "Tuyết"),
        ("O técnico Yasser Leão pediu calma aos torcedores.", "pt", "Leão", "Asad"),
        ("Kim Spring won the award for best new actress.", "en", "Spring", "Bom"),
        ("Vietnamese sprinter Nguyen Fall broke the national record.", "en", "Fall", "Thu"),
    ],
)
def test_translated_name_word(text: str, lang: str, word: str, original: str) -> None:
    hits = found(text, lang)
    assert [h[0] for h in hits] == [word]
    assert original in hits[0][1]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # A rendering beside a name of another origin, or of no listed origin: a real surname.
        ("Rafael Leão a marqué, Laurent Blanc a applaudi et Jack Black a chanté.", "fr"),
        # A rendering that is a given name of the language's press: a real person.
        ("Zeynep Rose a chanté avec Ahmed Victoire ; Rose Nguyen et Victoria Al-Khoury aussi.", "fr"),
        ("Autumn Nguyen, Hope Tran and Jade Pham met Rosa Santoso and Summer Kim.", "en"),
        # German nouns are capitalised: a noun before a name is ordinary German.
        ("Am Ende hatte der Stern Zeynep keinen Glanz mehr, sagte der Kritiker.", "de"),
        # The French article is not the Vietnamese surname Lê.
        ("Le Printemps a ouvert un magasin ; Le Lion d'or est un restaurant.", "fr"),
        # A mark or a comma between the words: two names, not one.
        ("Après Kemal, Fer a pris la parole ; Mehmet. Lion n'a rien dit.", "fr"),
        # Written wholly in capitals: an acronym or a heading, left alone.
        ("EMRE FER", "fr"),
        # Sentence-opening words that are no renderings stay silent.
        ("Or Mehmet a refusé ; Sauf Ali, tous étaient là.", "fr"),
    ],
)
def test_clean_names_stay_silent(text: str, lang: str) -> None:
    assert found(text, lang) == []


def test_related_span_is_the_name_beside_it() -> None:
    text = "Le gardien Kerem Épée a été élu meilleur joueur."
    hits = [f for f in findings(text, "fr") if f.code == "MT614"]
    assert len(hits) == 1 and hits[0].related is not None
    start, end = hits[0].related
    assert text[start:end] == "Kerem"
