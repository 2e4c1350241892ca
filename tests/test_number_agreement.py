"""MT624 number-agreement: a plural determiner before a singular noun or adjective (French)."""

from __future__ import annotations

import pytest
from conftest import check_rules


@pytest.mark.parametrize(("text", "span"), [
    ("Le ministre a présenté plusieurs nouvelle réformes au Parlement.", "plusieurs nouvelle"),
    ("Les meilleure joueuses du tournoi ont reçu un trophée.", "Les meilleure"),
    ("Le club a vendu deux joueur cet été pour équilibrer ses comptes.", "deux joueur"),
    ("Les deux équipe se retrouvent dimanche pour la finale.", "Les deux équipe"),
    ("Il faut revoir nos système de contrôle avant la fin de l'année.", "nos système"),
    ("Ces nouveaux projet seront financés par la région.", "Ces nouveaux projet"),
    ("Les supporters attendent depuis quelques semaine une décision du club.", "quelques semaine"),
])
def test_a_singular_word_after_a_plural_determiner(text: str, span: str) -> None:
    assert [f.text for f in check_rules("MT624", text, "fr")] == [span]


@pytest.mark.parametrize("text", [
    "Le ministre a présenté plusieurs nouvelles réformes ; les meilleurs joueurs sont venus.",
    "Les prix ont augmenté, les temps changent et les pays voisins s'inquiètent.",
    "Les porte-parole et les sans-abri ont été reçus ; les après-midi sont longs.",
    "Il les aide, on les rencontre demain et elle les remplace au pied levé.",
    "Ils ont chanté tous les trois ensemble ; tous deux été élus, nous deux seuls.",
    "Tes père et mère honoreras ; aux lieu et place du maire ; les père, mère et enfants.",
    "Les premier et second tours auront lieu en juin.",
    "Des don Quichotte et des Tartuffe, les Bleus et les SMS du ministre.",
    "Les autres besoin d'aide seront servis ensuite, dit-elle.",
])
def test_agreeing_groups_pronouns_and_coordinations_stay_silent(text: str) -> None:
    assert check_rules("MT624", text, "fr") == []


@pytest.mark.parametrize(("lang", "code", "text", "span"), [
    ("es", "MT626", "El entrenador convocó a varios portero para el partido.", "varios portero"),
    ("es", "MT626", "La banda presentó unas canción nuevas en el concierto.", "unas canción"),
    ("es", "MT626", "El alcalde habló con los vecino del barrio.", "con los vecino"),
    ("pt", "MT627", "O treinador convocou vários goleiro para o jogo.", "vários goleiro"),
    ("pt", "MT627", "A banda apresentou algumas canção novas no concerto.", "algumas canção"),
])
def test_a_singular_word_after_a_plural_determiner_by_frequency(lang: str, code: str, text: str, span: str) -> None:
    assert [f.text for f in check_rules(code, text, lang)] == [span]


@pytest.mark.parametrize(("lang", "code", "text"), [
    ("es", "MT626", "Los tiene a todos; otros no vinieron y a las ocho llegaron unos cien fans."),
    ("es", "MT626", "De los que vinieron, dos mil se quedaron; entre los dos equipos hubo respeto."),
    ("es", "MT626", "Sus compañeros y sus propios hijos lo vieron en los próximos días."),
    ("pt", "MT627", "Dos dois lados, aos poucos, nas ruas e pelos bairros, os fãs esperam."),
    ("pt", "MT627", "Uns cem torcedores e dois mil visitantes vieram; alguns já sabiam."),
])
def test_frequency_mode_stays_silent_on_agreeing_groups(lang: str, code: str, text: str) -> None:
    assert check_rules(code, text, lang) == []


@pytest.mark.parametrize(("text", "span"), [
    ("L'allenatore ha convocato alcuni giocatore per la partita.", "alcuni giocatore"),
    ("La band ha suonato molte canzone nuove.", "molte canzone"),
    ("Il comitato ha incontrato i rappresentante delle nazione vicine.", "i rappresentante"),
])
def test_italian_singular_after_a_plural_determiner(text: str, span: str) -> None:
    assert [f.text for f in check_rules("MT628", text, "it")][:1] == [span]


@pytest.mark.parametrize("text", [
    "Delle partite giocate, due sono state vinte; le città e i film hanno attirato turisti.",
    "Gli ho detto di venire; le ho scritto ieri; alcuni dicono che molti sono partiti.",
    "Questi ultimi anni, i suoi genitori e le sue sorelle vivono all'estero.",
])
def test_italian_plurals_clitics_and_invariables_stay_silent(text: str) -> None:
    assert check_rules("MT628", text, "it") == []
