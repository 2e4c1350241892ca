"""The translated-names kind (MT115): a gazetteer name rendered as common words, and its clean traps."""

from __future__ import annotations

import pytest

from checker.document import Document
from checker.engine import Engine
from checker.rules import builtin_rules_dir, load_rules

RULESET = load_rules([builtin_rules_dir()])
RULE = next(r for r in RULESET.rules if r.code == "MT115")


def _found(text: str, lang: str = "fr") -> list[tuple[str, tuple[str, ...]]]:
    result = Engine([RULE], RULESET.packs).check(Document(text, "<t>", lang))
    assert not result.failures
    for f in result.findings:
        assert text[f.start:f.end] == f.text
    return [(f.text, f.suggestions) for f in result.findings]


def test_original_elsewhere_makes_a_lowercase_rendering_a_name() -> None:
    text = "Les Red Sox ont gagné. Le lanceur des chaussettes rouges a brillé."
    assert _found(text) == [("chaussettes rouges", ("Red Sox",))]


def test_capitalised_strong_rendering_inside_a_sentence() -> None:
    assert _found("Il a confié au magazine Pierre qui roule qu'il arrêtait.") == [("Pierre qui roule", ("Rolling Stone",))]


def test_capitals_as_a_name_in_a_mixed_case_line() -> None:
    assert _found("Joy, membre de VELOURS ROUGE, a parlé.") == [("VELOURS ROUGE", ("Red Velvet",))]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Selon Le Soleil de Québec, le maire démissionne.", "fr"),
        ("La Voix du Nord rapporte que la grève continue.", "fr"),
        ("Robin des Bois vole aux riches. Apple a présenté un téléphone ; la firme à la pomme innove.", "fr"),
        ("IL A MARQUÉ DEUX FOIS EN FINALE", "fr"),
        ("Il a marqué deux fois. Les anges du portail ont été restaurés.", "fr"),
        ("La Fédération française d'Athlétisme a publié son calendrier.", "fr"),
        ("Die Engel im Dom wurden restauriert. Die Leute sagen, die Zeit drängt.", "de"),
        ("Le Parlement a créé une Direction générale de la santé.", "fr"),
        ("Les Gémeaux et le Cercle Bruges : horoscope et football.", "fr"),
        ("El Mundo y El País publicaron la noticia el mismo día.", "es"),
    ],
)
def test_clean_traps(text: str, lang: str) -> None:
    assert _found(text, lang) == []
