"""Calques with a grammatical signature (MT570-MT576) and the slot-pattern kind behind some of them.

Every text here is written for these tests. Each rule gets the artefact in a few shapes and clean
journalism that looks like it: prenominal adjectives French does use, "own goal", Italian "da" +
infinitive of a thing to be done, short performance times, a passive "par".
"""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import check_rules


def spans(code: str, text: str, lang: str) -> list[str]:
    return [f.text for f in check_rules(code, text, lang)]


# -- MT570: English adjective order in French -------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le studio prépare la numérique plateforme pour l'automne.", ["la numérique plateforme"]),
        ("Elle a rencontré un coréen chanteur à Séoul.", ["un coréen chanteur"]),
        ("Les sociaux réseaux ont relayé l'information.", ["Les sociaux réseaux"]),
        ("Le ministre défend sa économique stratégie.", ["sa économique stratégie"]),
        ("Ils visent l'européenne croissance.", ["l'européenne croissance"]),
    ],
)
def test_adjective_order_reported(text: str, expected: list[str]) -> None:
    assert spans("MT570", text, "fr") == expected


def test_adjective_order_suggestion_reorders() -> None:
    (f,) = check_rules("MT570", "On lit la numérique plateforme.", "fr")
    assert f.suggestions == ("la plateforme numérique",)
    # A reordering that would need an elision gives no suggestion rather than « la édition ».
    (g,) = check_rules("MT570", "Voici l'officielle vidéo du club.", "fr")
    assert g.suggestions == ()


@pytest.mark.parametrize(
    "text",
    [
        "Un célèbre acteur et la fameuse chanteuse ont présenté une véritable série.",
        "Le mythique stade accueille l'historique victoire d'un grand club.",
        "La série populaire, la chanteuse coréenne et la politique économique du gouvernement.",
        "Le français compte des mots anglais ; les Américains votent mardi.",
        "Les internationaux français jouent ; le nucléaire civil progresse.",
        "Avant la présidentielle, candidats et partis se préparent ; la nationale 7 est fermée.",
        "La blanche colombe et une verte réprimande : la littérature antépose les couleurs.",
    ],
)
def test_adjective_order_clean(text: str) -> None:
    assert spans("MT570", text, "fr") == []


# -- MT571: "the own" --------------------------------------------------------------------------------

def test_own_without_possessive() -> None:
    assert spans("MT571", "Even the own coach admitted it was a bad night.", "en") == ["the own"]
    assert spans("MT571", "The goal came from an own goal; the own goal hurt; an own-brand drink.", "en") == []
    assert spans("MT571", "She runs her own label and they own the rights.", "en") == []


# -- MT572: Italian « il primo … da » + infinitive ---------------------------------------------------

def test_first_to_da() -> None:
    text = "È stata la prima atleta asiatica da vincere due ori e l'unico da essere tornato."
    assert spans("MT572", text, "it") == ["da vincere", "da essere"]


@pytest.mark.parametrize(
    "text",
    [
        "La prima cosa da fare è votare; il primo ostacolo da superare è il caldo.",
        "L'ultima squadra da battere è la capolista; il primo trofeo da vincere è la coppa.",
        "Il primo giorno da presidente; la prima donna a vincere; il primo a essere arrivato.",
    ],
)
def test_first_to_da_clean(text: str) -> None:
    assert spans("MT572", text, "it") == []


def test_first_to_infinitive_spanish_and_french() -> None:
    found = check_rules("MT572", "Fue el primero a llegar y la única atleta para conquistar dos oros.", "es")
    assert [(f.text, f.suggestions) for f in found] == [("a llegar", ("en llegar",)), ("para conquistar", ("en conquistar",))]
    found = check_rules("MT572", "Il devient le premier joueur pour marquer trois buts.", "fr")
    assert [(f.text, f.suggestions) for f in found] == [("pour marquer", ("à marquer",))]
    # Only Italian, Spanish and French have lists: the Portuguese « o primeiro a vencer » is right.
    assert spans("MT572", "Foi o primeiro a vencer e a primeira mulher a chegar.", "pt") == []


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("El primer objetivo a conseguir es la copa; el único que llegó a ser campeón.", "es"),
        ("La primera vez para ser honesto; el último paso para ganar.", "es"),
        ("Le premier pas pour devenir pilote ; la dernière étape pour gagner ; la première femme à gagner.", "fr"),
        ("Le premier ministre pour être clair a parlé ; le dernier joueur recruté pour jouer ailier.", "fr"),
    ],
)
def test_first_to_infinitive_clean(text: str, lang: str) -> None:
    assert spans("MT572", text, lang) == []


# -- MT573: « pour la première fois en N ans » -------------------------------------------------------

def test_first_time_in_duration() -> None:
    found = check_rules("MT573", "L'action dépasse ce niveau pour la première fois en trois ans.", "fr")
    assert [f.text for f in found] == ["en trois ans"]
    assert found[0].suggestions == ("depuis trois ans",)
    clean = (
        "Pour la première fois depuis trois ans, il gagne. La première fois en 2019, il perdait. "
        "Il a nagé pour la première fois en moins de cinquante secondes, puis en deux heures de course."
    )
    assert spans("MT573", clean, "fr") == []


# -- MT574: « par la fin de » ------------------------------------------------------------------------

def test_by_the_end_of() -> None:
    assert spans("MT574", "Le service ouvrira par la fin de la saison prochaine.", "fr") == ["par la fin de la"]
    clean = (
        "Une année marquée par la fin de la guerre. Il faut commencer par la fin du mois. "
        "La décision, motivée par la fin de l'exercice, tombe ; d'ici la fin de l'année, tout change."
    )
    assert spans("MT574", clean, "fr") == []


# -- MT575: Spanish connective openers ---------------------------------------------------------------

def test_spanish_connective_opener() -> None:
    text = "The hall was packed. And is that, after years away, she came home. But is that enough?"
    assert spans("MT575", text, "en") == ["And is that"]
    assert spans("MT575", "And is that the right choice? It is that simple.", "en") == []


# -- MT576: negated quantifiers ----------------------------------------------------------------------

def test_negated_quantifier() -> None:
    assert spans("MT576", "Not few residents left the town after the flood.", "en") == ["Not few"]
    assert spans("MT576", "Not a few residents left, and not a little anger remained.", "en") == []


# -- the slot-pattern kind ---------------------------------------------------------------------------

def _rule(tmp_path: Path, params: str) -> object:
    from checker.rules import load_rules

    pack = tmp_path / "p"
    pack.mkdir()
    (pack / "pack.toml").write_text('lang = "en"\nversion = "0"\n', encoding="utf-8")
    (pack / "words.txt").write_text("# comment\nred\nlight blue\n", encoding="utf-8")
    (pack / "slotted.toml").write_text(
        'code = "XX901"\nname = "slotted"\ncategory = "calque"\nseverity = "minor"\nkind = "slot-pattern"\n'
        'message = "m"\nwhy = "w"\n[params]\n' + params,
        encoding="utf-8",
    )
    return load_rules([pack])


def test_slot_pattern_fills_slots_from_files_and_inline(tmp_path: Path) -> None:
    from checker.document import Document
    from checker.engine import Engine

    rs = _rule(tmp_path, "pattern = '''\\b{{colour}} {{thing}}\\b'''\nslot_files = { colour = \"words.txt\" }\n"
                         "slots = { thing = [\"car\", \"door\"] }\n")
    text = "A red car, a light  blue door, a green car."
    result = Engine(rs.rules, rs.packs).check(Document(text, "<t>", "en"))  # type: ignore[attr-defined]
    assert [f.text for f in result.findings] == ["red car", "light  blue door"]


@pytest.mark.parametrize(
    ("params", "problem"),
    [
        ("pattern = '''{{missing}}'''\n", "has no words"),
        ("pattern = '''{{a}}'''\nslots = { a = [\"x\"], b = [\"y\"] }\n", "never used"),
        ("pattern = '''{{a}}'''\nslot_files = { a = \"nowhere.txt\" }\n", "does not exist"),
        ("pattern = '''{{a}}'''\nslots = { a = [\"\"] }\n", "non-empty strings"),
        ("pattern = '''({{a}}'''\nslots = { a = [\"x\"] }\n", "missing \\)"),
        ("pattern = '''{{a}}'''\ngroup = \"g\"\nslots = { a = [\"x\"] }\n", "does not exist"),
        ("pattern = '''{{a}}'''\nby_lang = { fr = { slots = { b = [\"y\"] } } }\nslots = { a = [\"x\"] }\n",
         "never used"),
    ],
)
def test_slot_pattern_rejects_bad_slots(tmp_path: Path, params: str, problem: str) -> None:
    from checker.errors import RulePackError

    with pytest.raises(RulePackError, match=problem):
        _rule(tmp_path, params)


# -- MT577: "of all time" after a superlative --------------------------------------------------------

@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Per molti è il miglior batterista italiano di tutto il tempo.", "it", ["di tutto il tempo"]),
        ("Fue la película más taquillera de todo el tiempo y ganó tres premios.", "es", ["de todo el tiempo"]),
        ("É a melhor série de todo o tempo, dizem os fãs.", "pt", ["de todo o tempo"]),
        ("Il reste le meilleur buteur du club de tout le temps.", "fr", ["de tout le temps"]),
    ],
)
def test_of_all_time(text: str, lang: str, expected: list[str]) -> None:
    assert spans("MT577", text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Ha avuto bisogno di tutto il tempo necessario, più o meno.", "it"),
        ("Il più bello di tutto il tempo passato insieme resta il viaggio.", "it"),
        ("Durante todo el tiempo habló más que nadie; de todo el tiempo libre que tiene, poco.", "es"),
        ("Il se plaint de tout le temps perdu ; plus personne ne parle de tout le temps qu'il a fallu.", "fr"),
    ],
)
def test_of_all_time_clean(text: str, lang: str) -> None:
    assert spans("MT577", text, lang) == []


# -- MT578: role noun before an acronym --------------------------------------------------------------

def test_role_before_acronym() -> None:
    found = check_rules("MT578", "The band split, said Rudi, guitarist QX9, on Monday.", "en")
    assert [f.text for f in found] == ["guitarist QX9"]
    assert "the QX9 guitarist" in found[0].message
    clean = (
        "The QX9 guitarist said so; guitarist Rudi Hart agreed. Members of QX9 and a UN official spoke. "
        "Bring your student ID; the player MVP award went to her."
    )
    assert spans("MT578", clean, "en") == []


# -- MT579: Spanish constructions kept in English ----------------------------------------------------

def test_spanish_structure_calque() -> None:
    text = "The wedding has given what to talk about. Among those we can mention the dress."
    assert spans("MT579", text, "en") == ["given what to talk about", "Among those we can mention"]
    clean = "The wedding gave everyone something to talk about. Among them we saw the dress; what to say?"
    assert spans("MT579", clean, "en") == []


# -- MT570 in Spanish, Italian and Portuguese (one rule, a list per language) ------------------------

@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Mañana llega el estadounidense actor a Sevilla.", "es", ["el estadounidense actor"]),
        ("Las sociales redes se llenaron de mensajes.", "es", ["Las sociales redes"]),
        ("Domani arriva il francese cantante a Roma.", "it", ["il francese cantante"]),
        ("Ha lodato l'economica strategia del governo.", "it", ["l'economica strategia"]),
        ("O japonês fabricante lançou o aparelho.", "pt", ["O japonês fabricante"]),
    ],
)
def test_adjective_order_other_languages(text: str, lang: str, expected: list[str]) -> None:
    assert spans("MT570", text, lang) == expected


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        # Evaluative adjectives before the noun are good Spanish, Italian and Portuguese.
        ("La popular serie y la famosa cantante; el argentino Lionel Messi llegó.", "es"),
        ("Los españoles cuentan los votos; el inglés medio lo entiende.", "es"),
        ("La popolare serie e la celebre cantante; la Nazionale italiana gioca; gli italiani votano.", "it"),
        ("A popular série e a famosa cantora; o brasileiro Neymar marcou; os ingleses marca registrada.", "pt"),
        # The French list does not leak into English or German text.
        ("The numérique plateforme is a French phrase; die numérique plateforme auch.", "en"),
    ],
)
def test_adjective_order_other_languages_clean(text: str, lang: str) -> None:
    assert spans("MT570", text, lang) == []
