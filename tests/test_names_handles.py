"""The handle-name kind (MT116): a display name translated while its @handle keeps the original."""

from __future__ import annotations

import pytest

from checker.document import Document
from checker.engine import Engine
from checker.rules import builtin_rules_dir, load_rules

RULESET = load_rules([builtin_rules_dir()])
RULE = next(r for r in RULESET.rules if r.code == "MT116")


def _found(text: str, lang: str = "fr") -> list[tuple[str, tuple[str, ...]]]:
    result = Engine([RULE], RULESET.packs).check(Document(text, "<t>", lang))
    assert not result.failures
    return [(f.text, f.suggestions) for f in result.findings]


def test_translated_display_name_with_the_original_elsewhere() -> None:
    text = "— Alerte météo (@weather_alert) 3 mai 2024\n\nSelon Weather Alert, la tempête arrive."
    assert _found(text) == [("Alerte météo", ("Weather Alert",))]


@pytest.mark.parametrize(
    "text, lang",
    [
        ("— Weather Alert (@weather_alert) 3 mai 2024", "fr"),
        ("— Ministère des Armées (@Armees_Gouv) 5 mai 2024", "fr"),
        ("— Marie Dupont (@marie_dupont) 5 mai 2024", "fr"),
        ("— Space News (@space_news) May 3, 2024", "en"),
        ("— the weather office (@weather_office) May 3, 2024", "en"),
        ("Il a écrit (@jean_pierre) puis il est parti.", "fr"),
    ],
)
def test_clean_traps(text: str, lang: str) -> None:
    assert _found(text, lang) == []
