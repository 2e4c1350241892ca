"""The name-families kind (MT413): one name written two ways, and the clean traps that must stay silent."""

from __future__ import annotations

import pytest

from checker.document import Document
from checker.engine import Engine
from checker.rules import builtin_rules_dir, load_rules

RULESET = load_rules([builtin_rules_dir()])
RULE = next(r for r in RULESET.rules if r.code == "MT413")


def _texts(text: str, lang: str = "fr") -> list[str]:
    result = Engine([RULE], RULESET.packs).check(Document(text, "<t>", lang))
    assert not result.failures
    for f in result.findings:
        assert text[f.start:f.end] == f.text
    return [f.text for f in result.findings]


def test_two_established_spellings_report_the_minority() -> None:
    text = (
        "Le ministre Soekarno a parlé lundi. Soekarno a ensuite quitté la salle. Soekarno reviendra. "
        "Mardi, Sukarno a annoncé une réforme. Les opposants de Sukarno protestent."
    )
    assert _texts(text) == ["Sukarno", "Sukarno"]


def test_accent_wins_a_tie() -> None:
    text = "L'entraîneuse Selin Yıldız a parlé. Plus tard, l'attaquante a rejoint le club d'Ayşe Yildiz."
    assert _texts(text) == []  # two first names that never agree: two people
    text = "L'entraîneuse Selin Yildiz a parlé après le match.\n\nLe club soutient Selin Yıldız, a dit le président."
    assert _texts(text) == ["Yildiz"]


def test_inner_capital_variant() -> None:
    text = "Le groupe StarLight a joué. Les fans de Starlight sont venus nombreux. Starlight reviendra."
    assert _texts(text, "fr") == ["StarLight"]


def test_spaced_and_hyphenated_place() -> None:
    text = "Il est né à Aix-en-Provence en 1970.\n\nIl a étudié à Aix en Provence puis à Paris."
    assert _texts(text) == ["Aix en Provence"]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Sarah Martin et Sara Lopez ont signé. Plus tard, Sarah a dit que Sara viendrait.", "fr"),
        ("Thomas Müller a marqué. Tomas Rosicky, lui, a raté. Müller a salué Rosicky.", "de"),
        ("COVID-19 : la France confinée. Le Covid circule encore, dit Santé publique France.", "fr"),
        ("LIVERPOOL WINS AGAIN\nLiverpool beat Everton. Liverpool lead the table.", "en"),
        ("Charles de Gaulle est parti. De Gaulle reviendra, a dit le général de Gaulle.", "fr"),
        ("Virgil van Dijk a marqué. Van Dijk a ensuite salué le public.", "fr"),
        ("Kylian Mbappé a marqué. Mbappé a remercié ses coéquipiers ; les parents de Mbappé étaient là.", "fr"),
        ("Jean-Pierre Bacri et Jean Pierre, un autre acteur, ont joué ensemble.", "fr"),
        ("Le Rhône et la Saône se rejoignent. La Marne et la Sarthe votent.", "fr"),
        ("Marie Dupont et Mario Dupond ont signé le même jour ; Dupont et Dupond sont voisins.", "fr"),
        ("L'iPhone et l'IPhone sont dans le texte? Non : Apple vend l'iPhone.", "fr"),
        ("Le Pays basque et le pays Basque : deux graphies, mais Bayonne reste Bayonne.", "fr"),
    ],
)
def test_clean_traps(text: str, lang: str) -> None:
    assert _texts(text, lang) == []


@pytest.mark.parametrize(("a", "b"), [
    ("Arkadiy", "Arkadi"), ("Dmitriy", "Dmitry"), ("Vasiliy", "Vassili"), ("Aleksandr", "Alexandr"),
    ("Yuriy", "Yurii"), ("Sergeyev", "Sergeev"), ("Romanow", "Romanov"),
])
def test_slavic_transliterations_are_one_name(a: str, b: str) -> None:
    text = (f"Le chef d'orchestre {b} Voronov a dirigé la création en 1978. Pour {b} Voronov, "
            f"l'œuvre reste difficile.\n\nEn 1985, {a} Voronov a quitté Leningrad pour Moscou.")
    assert _texts(text) == [a]


def test_different_names_with_close_skeletons_stay_apart() -> None:
    # « Mary » is too short to lose its final y; « Maria » and « Mario » keep their vowels.
    text = ("Mary Stone a parlé lundi. Maria Costa a répondu mardi.\n\nMario Rossi a conclu. "
            "Le Yémen et le Yemen Times.")
    assert _texts(text) == []
