"""MT620 subject-infinitive: an infinitive left where a plural subject needs a conjugated verb.

English uses one form for "to suggest" and "they suggest"; verbs of article-less, uninflected
source languages do not change at all. The rule reads only the shape « plural determiner +
plural noun (+ one plural adjective) + listed infinitive + object or clause » at the start of a
sentence, after an introductory comma or after « que »; every other place where an infinitive
follows a noun phrase (perception and causative verbs, prepositions, clitic pronouns) stays silent.
"""

from __future__ import annotations

import pytest
from conftest import check_rules

BAD = [
    ("fr", "Les économistes prévoir une récession pour l'an prochain.", "prévoir"),
    ("fr", "Plusieurs témoins affirmer que le conducteur roulait trop vite.", "affirmer"),
    ("fr", "Au bout de trois jours, les secouristes trouver les randonneurs sains et saufs.", "trouver"),
    ("fr", "Le maire regrette que les habitants refuser le nouveau plan de circulation.", "refuser"),
    ("fr", "De nombreux fans vouloir un nouvel album du groupe.", "vouloir"),
    ("fr", "Les deux clubs annoncer un accord pour le transfert du milieu.", "annoncer"),
    ("fr", "« Les médecins craindre une nouvelle vague », a-t-il ajouté.", "craindre"),
    ("es", "Los aficionados pedir la salida del entrenador tras la derrota.", "pedir"),
    ("es", "Varios medios locales asegurar que el acuerdo está cerrado.", "asegurar"),
    ("it", "Gli investitori temere un nuovo calo dei prezzi.", "temere"),
    ("it", "Molti utenti segnalare che l'applicazione non funziona.", "segnalare"),
    ("pt", "Os moradores pedir mais segurança no bairro.", "pedir"),
    ("pt", "Vários jornais afirmar que o jogador vai sair.", "afirmar"),
]

GOOD = [
    ("fr", "J'ai entendu les supporters dire que l'équipe méritait mieux."),
    ("fr", "On a vu les prix baisser de 5 % en un mois, puis remonter."),
    ("fr", "Il a laissé ses adjoints prendre la parole devant la presse."),
    ("fr", "Les choses à dire sont nombreuses, les questions à poser aussi."),
    ("fr", "Les voir partir serait une perte ; les faire revenir coûterait cher."),
    ("fr", "Les joueurs veulent dire que le vestiaire est uni."),
    ("fr", "Les experts peuvent prévoir une hausse, mais rien n'est sûr."),
    ("fr", "Des milliers de personnes sont venues dire adieu au chanteur."),
    ("fr", "Il faut que les élus prennent leurs responsabilités."),
    ("fr", "Les dossiers en attente : examiner les recours, répondre aux courriers."),
    ("fr", "Le devoir de mémoire nous oblige. Les savoir-faire locaux se perdent."),
    ("fr", "Les habitants nous dire la vérité ? Il faudrait d'abord les écouter."),
    ("es", "Los vimos salir del estadio; hay muchas cosas por decir y que hacer."),
    ("es", "Los analistas esperan que el precio suba antes de diciembre."),
    ("it", "Li abbiamo visti partire; ci sono molte cose da dire e da fare."),
    ("it", "Le persone che vogliono dire la loro possono scrivere alla redazione."),
    ("pt", "É difícil para os jogadores dizerem que não ao clube."),
    ("pt", "Vimos os torcedores sair do estádio em silêncio."),
]


@pytest.mark.parametrize(("lang", "text", "verb"), BAD)
def test_infinitive_after_a_plural_subject(lang: str, text: str, verb: str) -> None:
    assert [f.text for f in check_rules("MT620", text, lang)] == [verb]


@pytest.mark.parametrize(("lang", "text"), GOOD)
def test_infinitive_governed_by_another_word_stays_silent(lang: str, text: str) -> None:
    assert check_rules("MT620", text, lang) == []


def test_the_subject_is_named_in_the_message() -> None:
    (finding,) = check_rules("MT620", "Les analystes affirmer que le prix baissera.", "fr")
    assert "Les analystes" in finding.message


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "Las puedes comprar en línea desde el lunes."),
    ("es", "Los tienes que ver antes del viernes."),
    ("it", "Le devi dire che la riunione è spostata."),
    ("pt", "Os vimos sair do estádio em silêncio."),
])
def test_a_clitic_pronoun_before_a_conjugated_verb_is_not_a_subject(lang: str, text: str) -> None:
    assert check_rules("MT620", text, lang) == []
