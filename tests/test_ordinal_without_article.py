"""MT621 ordinal-without-article: « pour 8e jour », the article lost by MT from article-less languages."""

from __future__ import annotations

import pytest
from conftest import check_rules


@pytest.mark.parametrize(("text", "span"), [
    ("L'indice recule pour 4e séance d'affilée à la Bourse de Paris.", "pour 4e séance"),
    ("Le pilote s'impose pour deuxième année consécutive au Mans.", "pour deuxième année"),
    ("Le tournoi se tient à Jakarta depuis 5e édition.", "depuis 5e édition"),
    ("Le champion a chuté après troisième tour, battu en quatre sets.", "après troisième tour"),
    ("Il a marqué pendant 2e mi-temps, sur un centre de la gauche.", "pendant 2e mi-temps"),
    ("Le maire a été réélu pour dernier mandat avant sa retraite.", "pour dernier mandat"),
    ("Lors de 10e journée, le club a perdu à domicile.", "Lors de 10e journée"),
])
def test_bare_ordinal_after_a_preposition(text: str, span: str) -> None:
    assert [f.text for f in check_rules("MT621", text, "fr")] == [span]


@pytest.mark.parametrize("text", [
    "L'indice recule pour la 4e séance d'affilée ; il termine en 2e position.",
    "Le pilote s'impose pour la deuxième année consécutive, et pour la première fois sous la pluie.",
    "À première vue, c'est une décision de dernière minute.",
    "Le match de 5e journée est reporté ; l'avant dernière journée aura lieu à huis clos.",
    "Son fils entre en classe de 6e et il a fini 3e du classement général.",
    "Le 1er janvier, à 2 heures, la mairie a publié le résultat du 2e tour.",
    "Elle a terminé à la 2e place, derrière la tenante du titre, au terme de la 3e manche.",
])
def test_ordinals_with_their_article_or_in_idioms_stay_silent(text: str) -> None:
    assert check_rules("MT621", text, "fr") == []
