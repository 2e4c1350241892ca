"""truncated-ellipsis: the article's last paragraph stops on « word… » before the page's trailer."""

from __future__ import annotations

import pytest
from conftest import findings

CODES = {"MT530", "MT531", "MT536", "MT537", "MT538", "MT539"}
BODY = {
    "fr": "Le maire a présenté mardi le nouveau plan de circulation du centre-ville aux habitants.\n\n",
    "de": "Der Bürgermeister stellte am Dienstag den neuen Verkehrsplan für die Innenstadt vor.\n\n",
}


def truncations(text: str, lang: str) -> list[str]:
    out = []
    for f in findings(text, lang):
        assert text[f.start:f.end] == f.text
        if f.code in CODES:
            out.append(f.text)
    return out


@pytest.mark.parametrize(
    ("lang", "last", "trailer"),
    [
        ("fr", "Les commerçants, eux, redoutent une baisse de fréquentation pendant les travaux de la place centrale...",
         "Mots-clés : circulation, travaux, centre-ville"),
        ("de", "Die Händler befürchten dagegen weniger Kundschaft während der Bauarbeiten am zentralen Platz…",
         "Lesen Sie auch: Neue Radwege in der Altstadt"),
    ],
)
def test_preview_before_the_trailer(lang: str, last: str, trailer: str) -> None:
    text = BODY[lang] + last + "\n\n" + trailer + "\n"
    found = truncations(text, lang)
    assert len(found) == 1 and last.endswith(found[0])


@pytest.mark.parametrize(
    "ending",
    [
        # The text simply ends on an ellipsis: a column or a chapter trailing off.
        "Les commerçants, eux, redoutent une baisse de fréquentation pendant les travaux de la place centrale...\n",
        # What follows ends a sentence: more text, not the page's trailer.
        "Les commerçants, eux, redoutent une baisse de fréquentation pendant les travaux de la place centrale...\n\n"
        "Et après, qui sait ?\n",
    ],
)
def test_text_that_ends_on_an_ellipsis(ending: str) -> None:
    assert truncations(BODY["fr"] + ending, "fr") == []
