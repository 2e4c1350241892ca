"""Red-team cases on unseen English articles: each fixes a miss or a false alarm found there."""

from __future__ import annotations

from checker.document import Document
from checker.engine import Engine
from checker.rules import builtin_rules_dir, load_rules

RULESET = load_rules([builtin_rules_dir()])


def _find(code: str, text: str, lang: str = "en") -> list[str]:
    rule = next(r for r in RULESET.rules if r.code == code)
    result = Engine([rule], RULESET.packs).check(Document(text, "<t>", lang))
    assert not result.failures
    for f in result.findings:
        assert text[f.start:f.end] == f.text
    return [f.text for f in result.findings]


FRENCH = "Nous ne pouvons pas accepter cette décision sans un vrai débat"


def test_quoted_foreign_sentence_with_a_parenthesised_translation_is_not_reported() -> None:
    glossed = f"He said in French, « {FRENCH} » (we cannot accept this decision without a real debate)."
    assert _find("MT120", glossed) == []


def test_translation_before_the_parenthesised_original_is_not_reported() -> None:
    text = f'He said "we cannot accept this decision without a real debate" (« {FRENCH} ») and left.'
    assert _find("MT120", text) == []


def test_quoted_foreign_sentence_without_translation_is_still_reported() -> None:
    assert _find("MT120", f"He said in French, « {FRENCH} », and left.") == [FRENCH]


def test_a_foreign_source_in_parentheses_is_not_a_translation() -> None:
    text = f"He said in French, « {FRENCH} » (Le Monde, le 12 mars), and left."
    assert _find("MT120", text) == [FRENCH]


def test_al_between_a_determiner_and_a_common_noun_is_the_acronym_without_ai_context() -> None:
    assert _find("MT101", "Tenants marched on Saturday. The city will use an Al system to find illegal lets.") == ["Al"]
    assert _find("MT101", "The council unveiled its new Al tool on Monday.") == ["Al"]


def test_al_as_a_first_name_after_a_determiner_is_not_reported() -> None:
    text = "The Al Horford block sealed it; the Al Gore campaign never returned, and Al said so."
    assert _find("MT101", text) == []


def test_mojibake_is_reported_once_not_as_a_quote_or_a_non_word() -> None:
    """A broken em dash (â€”) holds a ” and glues to words: only the encoding rule speaks."""
    from conftest import findings as check_text

    text = "The river rose overnight â€” residents said the warning came too late.\n\nShops windowâ€™s broke.\n"
    found = check_text(text, "en")
    assert {f.category for f in found} == {"encoding"}
    assert [f.text for f in found][0] == "â€”"
