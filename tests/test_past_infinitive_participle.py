"""MT623 past-infinitive-participle: « après avoir » + a word that is not a past participle."""

from __future__ import annotations

import pytest
from conftest import check_rules


@pytest.mark.parametrize(("lang", "text", "word"), [
    ("fr", "Après avoir heureux, le public a quitté la salle.", "heureux"),
    ("fr", "Après avoir annoncer sa retraite, le joueur a remercié ses fans.", "annoncer"),
    ("fr", "Après avoir joue quatre matchs, il s'est blessé au genou.", "joue"),
    ("fr", "Le club a réagi après avoir officiellement furieux contre l'arbitre.", "furieux"),
    ("fr", "Après n'avoir jamais triste, il a pleuré sur scène.", "triste"),
    ("es", "Después de haber contento, el público aplaudió.", "contento"),
    ("es", "Tras haber ganar la final, el equipo volvió a casa.", "ganar"),
    ("it", "Dopo aver felice, la cantante ha ringraziato il pubblico.", "felice"),
    ("it", "Dopo avere firmare il contratto, il giocatore ha sorriso.", "firmare"),
])
def test_a_word_that_is_no_participle_after_the_auxiliary(lang: str, text: str, word: str) -> None:
    assert [f.text for f in check_rules("MT623", text, lang)] == [word]


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Après avoir vu le match, après avoir pris le train et après avoir été élue, elle a parlé."),
    ("fr", "Après avoir longuement hésité, après n'avoir rien dit et après avoir tout perdu, il est parti."),
    ("fr", "Après avoir en vain tenté sa chance, puis après avoir à nouveau échoué, il a renoncé."),
    ("fr", "Après avoir conquis, offert, atteint, souffert, clos, dissous : des participes en tous genres."),
    ("fr", "Après avoir lui-même annoncé son départ, après avoir eu peur, il a dû partir."),
    ("fr", "Pour avoir peur, il faut avoir une raison ; sans avoir faim, il a mangé."),
    ("es", "Después de haber ganado, tras haber visto el partido, luego de haber hecho historia, celebraron."),
    ("es", "Tras haber sido elegida, después de haber vuelto y de haber puesto orden, habló."),
    ("it", "Dopo aver vinto, dopo aver preso il treno, dopo aver scritto e dopo aver detto addio, partì."),
    ("it", "Dopo aver già perso, dopo aver finalmente chiesto scusa, dopo aver messo tutto in ordine."),
])
def test_past_participles_and_adverbs_stay_silent(lang: str, text: str) -> None:
    assert check_rules("MT623", text, lang) == []
