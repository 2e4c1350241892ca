"""title-case-line: English title case in a French, Spanish, Italian or Portuguese headline; traps in
sentence case, in capitals, in another language, and names full of capitals."""

from __future__ import annotations

import pytest
from conftest import check_rules

HEADLINES = [
    ("MT332", "fr", "Le Président Reçoit Les Joueurs De L'équipe De France À L'Élysée"),
    ("MT333", "es", "La Cantante Confirma Su Regreso A Los Escenarios En Junio"),
    ("MT334", "it", "La Cantante Conferma Il Suo Ritorno Sul Palco A Giugno"),
    ("MT335", "pt", "A Cantora Confirma O Seu Regresso Aos Palcos Em Junho"),
]


@pytest.mark.parametrize(("code", "lang", "line"), HEADLINES)
def test_title_case_headline(code: str, lang: str, line: str) -> None:
    text = f"{line}\n\nLe texte de l'article commence ici et continue longtemps."
    assert [f.text for f in check_rules(code, text, lang)] == [line]


TRAPS = [
    "Kylian Mbappé et Antoine Griezmann à Madrid pour la finale de la Ligue des champions",
    "LE PSG EN FINALE DE LA LIGUE DES CHAMPIONS",
    "The Lord Of The Rings: The Return Of The King",
    "Accueil > Sport > Football > Ligue 1",
    "« Le Retour De La Reine », a titré le journal.",
    "Le Festival de Cannes ouvre ses portes à Gérard Depardieu et Isabelle Huppert.",
    "Jean-Pierre Raffarin, Dominique de Villepin et Nicolas Sarkozy",
]


@pytest.mark.parametrize("line", TRAPS)
def test_sentence_case_capitals_and_other_languages_stay_silent(line: str) -> None:
    assert check_rules("MT332", f"{line}\n\nLe texte suit.", "fr") == []
