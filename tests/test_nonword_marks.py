"""Lost apostrophes and accents (MT203, MT204) and the non-word rule's English and naming guards."""

from __future__ import annotations

import pytest
from conftest import check_rules


def _run(ruleset, codes: set[str], text: str, lang: str):
    return check_rules(codes, text, lang, ruleset)


CLEAN = [
    ("fr", "Les Etats-Unis, le Mexique et Jose Luis ; un cafe ; le resume anglais ; les étés sont chauds."),
    ("fr", "La selle du cheval, le lavoir, un savant, la session ; il dit que c’est sûr."),
    ("fr", "Il l’a vu d’abord ; qu’il vienne ; s’il pleut ; c’est l’heure ; j’ai dit."),
    ("fr", "Le sénateur DUPONT et l’équipe SANTE+ ; le projet Sesame ; le club Medecins Unis."),
    ("es", "Yo realizo el trabajo; el título; se tituló; el papa y el papá; esta casa está aquí."),
    ("pt", "Os pais dos alunos e o país; ele pode e ele pôde; a política."),
    ("it", "La città e il papa; perché no; è vero."),
]


@pytest.mark.parametrize(("lang", "text"), CLEAN)
def test_clean_text_stays_silent(ruleset, lang: str, text: str) -> None:
    assert _run(ruleset, {"MT203", "MT204"}, text, lang) == []


def test_stripped_apostrophes_in_a_batch(ruleset) -> None:
    text = "Il refuse dêtre candidat, dit-il : « Lhomme est las »."
    found = _run(ruleset, {"MT203"}, text, "fr")
    assert [f.text for f in found] == ["dêtre", "Lhomme"]
    assert found[0].suggestions == ("d’être",)


def test_missing_accent_keeps_case(ruleset) -> None:
    (f,) = _run(ruleset, {"MT204"}, "Troisieme acte : la police arrive.", "fr")
    assert f.suggestions == ("Troisième",)


def test_rare_english_word_alone_in_french(ruleset) -> None:
    text = "Le médecin a observé une keloid sur la cicatrice du patient."
    assert [f.text for f in _run(ruleset, {"MT201"}, text, "fr")] == ["keloid"]
    quoted = "Le médecin parle de “keloid”, un terme anglais."
    assert _run(ruleset, {"MT201"}, quoted, "fr") == []
    named = "La start-up, appelée keloid, lève des fonds."
    assert _run(ruleset, {"MT201"}, named, "fr") == []


def test_caps_misspelling_skips_acronyms_and_repeated_names(ruleset) -> None:
    text = "« TOUTES NOS FÉLICITATONS » ; le CNRS, l’UNESCO ; KORGAVIN et KORGAVIN Music."
    found = _run(ruleset, {"MT208"}, text, "fr")
    assert [f.text for f in found] == ["FÉLICITATONS"]
    assert found[0].suggestions == ("FÉLICITATIONS",)


def test_english_words_are_not_stripped_elisions(ruleset) -> None:
    text = "Le groupe chante « let it be » et « ten years after » en rappel."
    assert _run(ruleset, {"MT203"}, text, "fr") == []
