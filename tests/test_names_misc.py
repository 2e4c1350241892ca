"""Clean traps and cases for the name rules MT117, MT171-MT174 (near misses, lowercase starts, names as
phrases, half-translated titles, misspelt well-known names)."""

from __future__ import annotations

import pytest

from checker.document import Document
from checker.engine import Engine
from checker.rules import builtin_rules_dir, load_rules

RULESET = load_rules([builtin_rules_dir()])
CODES = ("MT117", "MT171", "MT172", "MT173", "MT174")
RULES = [r for r in RULESET.rules if r.code in CODES]


def _found(text: str, lang: str = "fr") -> list[tuple[str, str]]:
    result = Engine(RULES, RULESET.packs).check(Document(text, "<t>", lang))
    assert not result.failures
    for f in result.findings:
        assert text[f.start:f.end] == f.text
    return [(f.code, f.text) for f in result.findings]


def test_phrase_written_once_as_a_name() -> None:
    text = (
        "Le Verger de lune a rempli la salle. Les fans du Verger de lune chantent. Le Verger de lune revient ; "
        "le verger de lune jouera à Nantes."
    )
    assert _found(text) == [("MT172", "verger de lune")]


def test_scrambled_name_and_shuffled_acronym() -> None:
    text = "Le ministre Hadi Putra Santoso a parlé.\n\nPlus tard, Santoso Putra Hadi a signé. Le cours du BTC monte ; la CTB recule."
    assert ("MT117", "Santoso Putra Hadi") in _found(text)
    assert ("MT117", "CTB") in _found(text)


@pytest.mark.parametrize(
    "text, lang",
    [
        ("Le FC Barcelone a battu le Bayern Munich ; Green Bay a gagné, Green Day a chanté.", "fr"),
        ("Marie Curie, Pierre Curie et Irène Joliot-Curie ; Jean Dupont, de Gaulle, van Gogh et al-Assad.", "fr"),
        ("« Je ne sais pas, dit-il, ce que tu veux. » Elle a chanté « La Vie en rose » et « Despacito ».", "fr"),
        ("Il a joué au Paris FC puis au Red Star FC (National), contre le FC Nantes.", "fr"),
        ("La Coupe du monde commence. La Coupe du monde féminine suivra. La coupe est pleine.", "fr"),
        ("The UN and the EU met; NATO and the OSCE, then the USA and the US Senate.", "en"),
        ("Kylian Mbappé, Mbappé's mother, and Marcus Thuram, son of Lilian Thuram, were there.", "en"),
        ("Macron a parlé à Lyon, puis Macronie et macronistes ont réagi ; Picardie et Picards aussi.", "fr"),
    ],
)
def test_clean_traps(text: str, lang: str) -> None:
    assert _found(text, lang) == []


def test_moved_apostrophe_in_a_known_name() -> None:
    assert _found("Taeyeon, de Girls ‘Generation, a chanté.") == [("MT174", "Girls ‘Generation")]
    assert _found("Taeyeon, de Girls’ Generation, a chanté.") == []
