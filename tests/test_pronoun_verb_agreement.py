"""MT625 pronoun-verb-agreement: a subject pronoun followed by a verb form of another person."""

from __future__ import annotations

import pytest
from conftest import check_rules


@pytest.mark.parametrize(("lang", "text", "span"), [
    ("fr", "Si tu a besoin d'aide, appelle-moi.", "tu a"),
    ("fr", "Les joueurs sont fatigués mais ils est prêts pour la finale.", "ils est"),
    ("fr", "Après la pluie, on sont allés au stade.", "on sont"),
    ("fr", "Le ministre assure qu'il ont tout prévu.", "il ont"),
    ("fr", "« J'a toujours voulu jouer ici », confie l'attaquant.", "J'a"),
    ("de", "Ich glaube, dass wir hat eine Chance im Rückspiel.", "wir hat"),
    ("de", "Der Trainer sagte: Ich hast keine Angst vor dem Gegner.", "Ich hast"),
    ("de", "Weißt du, warum er sind nicht gekommen?", "er sind"),
    ("es", "Mañana nosotros va a jugar la final en casa.", "nosotros va"),
    ("es", "Ahora tú tengo que decidir si vuelves o no.", "tú tengo"),
])
def test_a_verb_of_another_person(lang: str, text: str, span: str) -> None:
    assert [f.text for f in check_rules("MT625", text, lang)] == [span]


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Tu as raison, il a gagné, ils ont perdu, on est contents et j'ai vu le match."),
    ("fr", "« Je est un autre » ; le secret, longtemps tu, a été révélé ; il y a du monde."),
    ("fr", "— Je vas vous dire, répondit le vieux paysan ; je sommes prête, dit la fermière."),
    ("de", "Was ich haben will, weiß er; er habe keine Zeit, sagte er; er werde kommen."),
    ("de", "Es sind viele Leute da, und ihr hat der Abend gefallen; wir sind stolz."),
    ("es", "Para nosotros es un honor; según tú es fácil; con nosotros van cinco."),
    ("es", "Yo tengo ganas, tú tienes razón y nosotros somos felices."),
])
def test_agreeing_verbs_and_non_subject_pronouns_stay_silent(lang: str, text: str) -> None:
    assert check_rules("MT625", text, lang) == []
