"""photo-credit (MT509): source-language credit labels, a credit opening its caption, a
credit value that ends with a word of a caseless script."""

from __future__ import annotations

import pytest
from conftest import findings

BEFORE = "Le club a remporté le match de samedi devant ses supporters.\n\n"
AFTER = "\n\nL'entraîneur a salué l'état d'esprit de son équipe."


def credits(line: str, lang: str) -> list[str]:
    text = BEFORE + line + AFTER
    out = []
    for f in findings(text, lang):
        assert text[f.start:f.end] == f.text
        if f.code == "MT509":
            out.append(f.text)
    return out


@pytest.mark.parametrize(
    ("line", "lang", "span"),
    [
        ("Nguồn: Báo Mới Online", "fr", "Nguồn: Báo Mới Online"),
        ("Kaynak: Anadolu Ajansı", "de", "Kaynak: Anadolu Ajansı"),
        ("Foto: Studio Seoul Media 제공", "es", "Foto: Studio Seoul Media 제공"),
        ("FOTO: AA / Taraftarlar stadyumda", "de", "FOTO: AA / Taraftarlar stadyumda"),
        ("Photo : Reuters - Les supporters envahissent la pelouse", "fr",
         "Photo : Reuters - Les supporters envahissent la pelouse"),
    ],
)
def test_credit_lines(line: str, lang: str, span: str) -> None:
    assert credits(line, lang) == [span]


@pytest.mark.parametrize(
    "line",
    [
        # A source named in a sentence: the article's own attribution.
        "Source : le ministère de l'Intérieur - il publie ces chiffres chaque mois, sans exception.",
        # A credit run into two sentences of text is not a caption line.
        "Photo : AFP - Le président a parlé deux heures. Ensuite il a quitté la salle sans un mot.",
        # A dash inside an ordinary sentence with a colon.
        "Le bilan : trois blessés - dont un grave - et deux voitures détruites.",
    ],
)
def test_prose_stays_silent(line: str) -> None:
    assert credits(line, "fr") == []
