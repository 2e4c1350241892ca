"""The echo rules (MT133 repeated words, MT134 repeated title line, MT135 repeated sentence)."""

from __future__ import annotations

import pytest
from conftest import check_rules

ECHO = {"MT133", "MT134", "MT135"}


def _run(ruleset, text: str, lang: str, codes: set[str] = ECHO):
    return check_rules(codes, text, lang, ruleset)


CLEAN = [
    ("fr", "Nous nous sommes vus. Vous vous trompez. Il est très très content ; Duran Duran joue."),
    ("fr", "Ils marchent côte à côte, face à face, petit à petit, jour après jour."),
    ("en", "She had had enough. It kept growing and kept growing. Step by step, one by one, again and again."),
    ("en", "New York, New York is a song; Talk Talk and Duran Duran played; bye bye."),
    ("es", "Poco a poco, cara a cara, mano a mano; el gol del Real Madrid, el Real Madrid ganó."),
    ("de", "Er sagte, dass das das Beste sei; die die Regeln kennen, schweigen."),
    ("pt", "Pouco a pouco, lado a lado, dia após dia."),
    ("it", "Piano piano, a poco a poco, faccia a faccia."),
    ("fr", "Non non non non, vraiment pas ; allez allez allez allez !"),
    ("fr", "Score : 2 - 2. Le trajet Paris - Lyon. Le match Lyon - Paris."),
    ("fr", "Lire aussi\n\nLe budget voté\n\nLire aussi\n\nLa réforme adoptée"),
    ("fr", "Par Jeanne Dupont\n\nLe conseil a voté.\n\nPar Jeanne Dupont, à Lyon"),
    ("fr", "Question 1\nOui\nQuestion 2\nOui\nQuestion 3\nNon"),
]


@pytest.mark.parametrize(("lang", "text"), CLEAN)
def test_clean_text_stays_silent(ruleset, lang: str, text: str) -> None:
    assert _run(ruleset, text, lang) == []


def test_group_of_words_twice(ruleset) -> None:
    text = "La France a gagné la Coupe du monde Coupe du monde en 2018."
    (f,) = _run(ruleset, text, "fr")
    assert f.text == "Coupe du monde"
    assert f.start == text.rindex("Coupe du monde")
    assert f.related == (text.index("Coupe du monde"), text.index("Coupe du monde") + 14)


def test_mirror_title(ruleset) -> None:
    text = "Ada Lovelace - Ada Lovelace\n\nAda Lovelace était une mathématicienne."
    (f,) = _run(ruleset, text, "fr")
    assert (f.start, f.end) == (15, 27)


def test_headline_three_times(ruleset) -> None:
    title = "Le maire de Lyon quitte ses fonctions"
    text = f"{title}\n\n{title}\n{title} (Photo : AFP)\n\nIl l'a annoncé lundi."
    found = _run(ruleset, text, "fr", {"MT134"})
    assert [f.start for f in found] == [len(title) + 2, 2 * len(title) + 3]


def test_sentence_inside_paragraph(ruleset) -> None:
    q = "« Nous ne céderons rien sur la réforme des retraites », a-t-il dit."
    text = f"Il est arrivé mardi. {q}\n\nLa réunion a duré trois heures. {q} Puis il est parti."
    (f,) = _run(ruleset, text, "fr", {"MT135"})
    assert f.start == text.rindex(q)


def test_long_repetitive_document_is_linear(ruleset) -> None:
    text = ("mot " * 20000 + "\n") + ("la la " * 5000) + "\n" + ("Titre répété ici\n\n" * 2000)
    _run(ruleset, text, "fr")


def test_repeated_paragraph_is_left_to_repeated_passage(ruleset) -> None:
    a = "Le maire a présenté le budget de la ville devant le conseil mardi soir."
    b = "Les élus de l'opposition ont quitté la salle avant le vote final du texte."
    text = f"{a} {b}\n\nAutre chose ici.\n\n{a} {b}\n"
    assert _run(ruleset, text, "fr", {"MT135"}) == []


def test_paragraph_opening_on_an_earlier_sentence_then_going_on(ruleset) -> None:
    # Most of the third paragraph is the repeated sentence, but it then adds a sentence of its own:
    # the repeated-passage rule does not report it, so the sentence rule does.
    s = "Le texte doit maintenant être examiné par la commission mixte paritaire du Parlement."
    text = (f"Le Sénat a adopté la réforme mardi soir. {s}\n\nLes syndicats protestent.\n\n"
            f"{s} La ministre s'est félicitée.\n")
    (f,) = _run(ruleset, text, "fr", {"MT135"})
    assert f.start == text.rindex(s)


def test_truncated_copy_of_a_paragraph_is_left_to_repeated_passage(ruleset) -> None:
    a = "Le Sénat a adopté mardi soir la réforme des retraites par 195 voix contre 112."
    b = "Le texte doit maintenant être examiné par la commission mixte paritaire."
    text = f"{a} {b}\n\nAutre chose ici.\n\n{a} Le texte doit maintenant\n"
    assert _run(ruleset, text, "fr", {"MT135"}) == []


def test_repeated_paragraph_with_a_short_first_sentence_is_left_to_repeated_passage(ruleset) -> None:
    # The short first sentence repeats too (below min_words): it is no sentence of the line's own.
    p = ("Les syndicats, eux, s'inquiètent. Une manifestation a réuni quelques centaines de personnes "
         "devant l'entrée du parc des expositions. Les organisateurs avaient promis un débat sur l'emploi, "
         "finalement relégué en fin de journée.")
    text = f"{p}\n\nAutre chose ici.\n\n{p}\n"
    assert _run(ruleset, text, "fr", {"MT135"}) == []
