"""English constructions copied into French news MT (MT344 raising-passive, MT345 dative-passive,
MT346 perception-participle): the calque is found with its exact span, and clean French with the
same words (impersonal « il », a dative pronoun, a noun of time, a perception verb with an
infinitive) stays silent."""

from __future__ import annotations

import pytest

from conftest import check_rules

CODES = {"MT344", "MT345", "MT346"}


def _found(text: str) -> list[tuple[str, str]]:
    return [(f.code, f.text) for f in check_rules(CODES, text, "fr")]


BAD = [
    ("Le latéral gauche est attendu de reprendre l'entraînement jeudi.", "MT344", "est attendu de reprendre"),
    ("Les deux sociétés sont prévues de fusionner avant la fin de l'exercice.", "MT344", "sont prévues de fusionner"),
    ("La ministre est censée d'annoncer un plan d'aide aux agriculteurs.", "MT344", "est censée d'annoncer"),
    ("Le verdict est dû pour tomber dans la soirée.", "MT344", "est dû pour tomber"),
    ("Le patron du groupe est cru avoir quitté le pays.", "MT344", "est cru avoir"),
    ("L'application a été découverte contenir un logiciel espion.", "MT344", "a été découverte contenir"),
    ("Le coût du projet est estimé dépasser deux milliards.", "MT344", "est estimé dépasser"),
    ("La chanteuse a été offerte un rôle dans le prochain film du réalisateur.", "MT345", "a été offerte un rôle"),
    ("Le gardien a été donné une deuxième chance par son entraîneur.", "MT345", "a été donné une deuxième chance"),
    ("Les habitants ont été conseillés de rester chez eux pendant la tempête.", "MT345", "ont été conseillés de rester"),
    ("Le sénateur a été demandé de s'expliquer devant la commission.", "MT345", "a été demandé de s'expliquer"),
    ("Les élèves ont été enseignés les bases du codage dès six ans.", "MT345", "ont été enseignés les bases"),
    ("Les deux acteurs ont été photographiés s'embrassant sur une plage.", "MT346", "ont été photographiés s'embrassant"),
    ("La princesse a été aperçue quittant la clinique par une porte dérobée.", "MT346", "a été aperçue quittant"),
    ("Le ministre a été filmé insultant un journaliste.", "MT346", "a été filmé insultant"),
]

CLEAN = [
    "Il est prévu de rénover la piste d'ici à l'été ; il n'est pas prévu de fermer l'aéroport.",
    "Ce qui est attendu de lui, c'est de la régularité.",
    "Le joueur est attendu ce soir à l'aéroport pour passer sa visite médicale.",
    "Elle est censée présenter son budget en octobre ; il est réputé être intransigeant.",
    "Le retard est dû à une grève des contrôleurs.",
    "Il est soupçonné d'avoir falsifié les comptes ; il est présumé innocent.",
    "Il a été accordé un délai de trois mois à l'entreprise.",
    "Il a été demandé aux riverains de ne pas sortir.",
    "Une prolongation lui a été proposée ; le trophée leur a été remis par le maire.",
    "Le concert a été donné un samedi soir devant dix mille personnes.",
    "Le prix a été décerné le 12 mai ; la médaille a été remise une dernière fois.",
    "Les renforts ont été envoyés un peu partout dans la région.",
    "La salle où a été donné le concert est fermée.",
    "Elle a été priée de partir ; ils ont été invités à témoigner ; il a été sommé de s'expliquer.",
    "Il a été vu quitter la salle ; elle a été aperçue en train de courir.",
    "Il a été vu vivant pour la dernière fois samedi ; elle a été aperçue, souriante, à Cannes.",
    "Elle a été aperçue, tenant la main de son fils, à la sortie de l'école.",
    "Il nous a été donné de voir de belles choses.",
]


@pytest.mark.parametrize(("text", "code", "span"), BAD)
def test_calque_is_found(text: str, code: str, span: str) -> None:
    assert (code, span) in _found(text)


@pytest.mark.parametrize("text", CLEAN)
def test_clean_french_is_silent(text: str) -> None:
    assert _found(text) == []


def test_offsets_hold_in_one_article() -> None:
    text = "\n\n".join(t for t, _, _ in BAD)
    found = _found(text)
    assert [(c, s) for _, c, s in BAD] == found
