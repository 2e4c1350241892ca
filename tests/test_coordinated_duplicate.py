"""MT622 coordinated-duplicate: a source pair of near-synonyms rendered as one word twice."""

from __future__ import annotations

import pytest
from conftest import check_rules

BAD = [
    ("fr", "Le président a salué le courage et le courage des sauveteurs.", "le courage et le courage"),
    ("fr", "Elle a défendu la sécurité et sécurité, des habitants d'abord.", "la sécurité et sécurité"),
    ("en", "Officials stressed the rules and rules of the tournament.", "the rules and rules"),
    ("en", "She thanked her family and family, then left the stage.", "her family and family"),
    ("de", "Wir respektieren die Regeln und Regeln des Verbandes.", "die Regeln und Regeln"),
    ("es", "El entrenador elogió la disciplina y la disciplina del equipo.", "la disciplina y la disciplina"),
    ("it", "Il sindaco ha lodato l'impegno e l'impegno dei volontari.", "l'impegno e l'impegno"),
    ("pt", "O treinador elogiou a dedicação e dedicação dos jogadores.", "a dedicação e dedicação"),
]

GOOD = [
    ("fr", "Il a répété encore et encore la même phrase, pendant des heures et des heures."),
    ("fr", "Les aliments et les aliments pour animaux relèvent de deux règlements."),
    ("fr", "Il travaillait du matin au soir et du soir au matin."),
    ("fr", "Cette question a reçu de notre part et de la part du Conseil une réponse."),
    ("fr", "Il combat l'erreur et l'erreur recule, lentement."),
    ("fr", "Entre l'art et l'art contemporain, le musée a choisi."),
    ("en", "More and more fans came, time and time again, for hours and hours."),
    ("en", "The law and the lawyers rarely agree; the state and the State Department differ."),
    ("de", "Mehr und mehr Fans kamen; nach und nach füllte sich das Stadion."),
    ("es", "Más y más aficionados esperaron horas y horas; el fútbol y el fútbol sala conviven."),
    ("it", "Sempre più tifosi hanno aspettato ore e ore; il calcio e il calcio a cinque convivono."),
]


@pytest.mark.parametrize(("lang", "text", "span"), BAD)
def test_a_noun_coordinated_with_itself(lang: str, text: str, span: str) -> None:
    assert [f.text for f in check_rules("MT622", text, lang)] == [span]


@pytest.mark.parametrize(("lang", "text"), GOOD)
def test_emphasis_contrast_and_clause_coordination_stay_silent(lang: str, text: str) -> None:
    assert check_rules("MT622", text, lang) == []


def test_a_sentence_start_determiner_matches_its_lowercase_repetition() -> None:
    text = "La sécurité et la sécurité\u00a0: voilà ses deux priorités, a-t-il dit."
    assert [f.text for f in check_rules("MT622", text, "fr")] == ["La sécurité et la sécurité"]
