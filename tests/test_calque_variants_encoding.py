"""Edge cases of the glossary, variant-consistency and character-anomaly kinds beyond the rule examples."""

from __future__ import annotations

import pytest

from conftest import findings as check_text


def _hits(text: str, lang: str, code: str) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.text, f.suggestions) for f in check_text(text, lang) if f.code == code]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Le gouvernement doit adresser les enjeux climatiques.", [("adresser les enjeux", ("traiter les enjeux",))]),
        ("Ils adressent ces défis sans attendre.", [("adressent ces défis", ("traitent ces défis",))]),
        ("Elle adresse ses vœux au maire et adresse le problème au préfet.", []),
        ("La réunion a pris place hier soir à Lyon.", [("pris place", ("avoir lieu", "se tenir", "se dérouler"))]),
        ("Les ministres ont pris place dans l'hémicycle.", []),
        ("Il a fait une différence entre les deux textes.", []),
    ],
)
def test_glossary_contexts_and_group_expansion(text: str, expected: list) -> None:
    assert _hits(text, "fr", "MT401") == expected


def test_glossary_offsets_follow_the_text_with_no_break_spaces() -> None:
    text = "Selon lui, cela fait\u00a0du sens."
    findings = check_text(text, "fr")
    found = [f for f in findings if f.code == "MT401"]
    assert len(found) == 1
    assert text[found[0].start : found[0].end] == "fait\u00a0du sens"


def test_variant_majority_wins_and_related_points_to_it() -> None:
    text = "Le weekend dernier, puis le week-end suivant et encore un week-end en mai, le parc a fermé."
    findings = check_text(text, "fr")
    found = [f for f in findings if f.code == "MT411"]
    assert [f.text for f in found] == ["weekend"]
    assert found[0].suggestions == ("week-end",)
    assert found[0].related is not None and text[found[0].related[0] : found[0].related[1]] == "week-end"


def test_variant_tie_reports_the_later_spelling() -> None:
    found = _hits("Les plateformes et les plates-formes.", "fr", "MT411")
    assert found == [("plates-formes", ("plateformes",))]


@pytest.mark.parametrize(
    "text",
    [
        "Est-elle partie ? Estelle ne le sait pas.",
        "Cette voix-là, voilà ce qu'il entendait.",
        "Pierre La-Thon a rencontré M. Lathon.",
        "Le plateau et la plate-forme sont prêts.",
    ],
)
def test_variant_ignores_clitics_names_and_different_words(text: str) -> None:
    assert _hits(text, "fr", "MT411") == []


def test_english_suffix_pairs_need_both_spellings_known() -> None:
    assert _hits("They organise the vote; we organize the count.", "en", "MT412") == [("organize", ("organise",))]
    assert _hits("The prize was a prise de fer.", "en", "MT412") == []


@pytest.mark.parametrize(
    ("text", "bad"),
    [
        ("Un cafÃ© et un thÃ©.", ["cafÃ©", "thÃ©"]),
        ("« L’ÉTÉ… » et « CAFÉ » en capitales.", []),
        ("Prix : 12 € ; température : 12 °C ; « À bientôt ».", []),
    ],
)
def test_mojibake(text: str, bad: list[str]) -> None:
    assert [t for t, _ in _hits(text, "fr", "MT231")] == bad


def test_mojibake_fix_restores_the_word() -> None:
    assert _hits("Il dit lâ€™Ã©tÃ© chaud.", "fr", "MT231") == [("lâ€™Ã©tÃ©", ("l’été",))]


def test_invisible_characters_spare_scripts_emoji_and_no_break_spaces() -> None:
    assert _hits("Le 1\u202f234\u00a0€ ; 👩\u200d💻 ; می\u200cخواهم.", "fr", "MT232") == []
    assert _hits("d\u200baccès", "fr", "MT232") == [("\u200b", ("",))]
    assert _hits("quelques\u00adunes", "fr", "MT232") == [("\u00ad", ("-",))]


def test_mixed_script_reports_lookalikes_only() -> None:
    assert _hits("La cоmmune et Москва, 5 μm.", "fr", "MT233") == [("cоmmune", ("commune",))]
