"""Edge cases of the quote-mix kind (MT227 French, MT228 English) beyond the rule examples."""

from __future__ import annotations

from types import SimpleNamespace

import pytest
from conftest import check_rules

from checker.kinds import quote_mix

NBSP = "\u00a0"


def _find(code: str, text: str, lang: str = "fr") -> list[tuple[str, tuple[str, ...]]]:
    return [(f.text, f.suggestions) for f in check_rules(code, text, lang)]


GUILLEMETS = (
    "Le maire parle d’« un été difficile ».\n\n"
    "Son adjoint évoque « des choix douloureux ».\n\n"
    "Le préfet promet « un soutien rapide ».\n\n"
)


def test_minority_straight_pair_is_reported_whole_with_the_majority_style() -> None:
    text = GUILLEMETS + "L’opposition dénonce \"une gestion à courte vue\" et s’en va.\n"
    assert _find("MT227", text) == [
        ("\"une gestion à courte vue\"", (f"«{NBSP}une gestion à courte vue{NBSP}»",))
    ]


def test_curly_pair_is_a_minority_too_and_inner_spaces_are_not_doubled() -> None:
    text = GUILLEMETS + "Le syndicat parle d’“ un texte creux ”.\n"
    assert _find("MT227", text) == [("“ un texte creux ”", (f"«{NBSP}un texte creux{NBSP}»",))]


def test_reverse_majority_suggests_straight_quotes_without_the_spaces() -> None:
    text = (
        "Le collectif parle de \"mépris\".\n\nLe maire de \"caricature\".\n\n"
        "Le préfet d'\"apaisement\".\n\nL'élu évoque « une occasion manquée ».\n"
    )
    assert _find("MT227", text) == [("« une occasion manquée »", ("\"une occasion manquée\"",))]


@pytest.mark.parametrize(
    "extra",
    [
        # Second level inside « »: the French convention, never a mix.
        "Il cite « le “choc de simplification” promis » et « un \"pacte\" ».",
        # A quotation running over two paragraphs: what follows the unclosed « is inside it.
        "« Nous avons attendu trois ans, et le \"plan\" n’est jamais venu.\n\n« Rien », conclut-elle.",
        # Inch marks and lone straight quotes never pair.
        "L’écran de 27\" et le 32\" sont en rayon ; un \" traîne dans le texte.",
        # Inline code.
        "Il tape `print(\"bonjour\")` puis `echo \"fin\"` dans la console.",
        # No letters inside: symbols, not a quotation.
        "Le code \"123\" s’affiche puis \"--\".",
        # A quotation in English, kept in its own marks by an editorial choice.
        "Son slogan, “Make America Great Again”, est repris tel quel.",
    ],
)
def test_legitimate_marks_in_a_guillemet_article_are_not_reported(extra: str) -> None:
    assert _find("MT227", GUILLEMETS + extra + "\n") == []


def test_a_french_quotation_in_english_marks_is_still_reported() -> None:
    text = GUILLEMETS + "Il répond “nous verrons bien demain”, sans plus.\n"
    assert [t for t, _ in _find("MT227", text)] == ["“nous verrons bien demain”"]


def test_even_mix_or_too_few_quotations_is_not_reported() -> None:
    # Without guillemets, neither style is the reference.
    even = "Il dit “oui”, “non” et “peut-être”, puis \"jamais\", \"toujours\" et \"demain\".\n"
    assert _find("MT227", even) == []
    few = "Il dit \"oui\" et \"non\", puis “jamais”.\n"
    assert _find("MT227", few) == []


def test_without_a_clear_majority_guillemets_are_the_reference() -> None:
    even = "Il dit « oui », « non » et « peut-être », puis \"jamais\", \"toujours\" et \"demain\".\n"
    assert [t for t, _ in _find("MT227", even)] == ["\"jamais\"", "\"toujours\"", "\"demain\""]
    three = "Le titre « Love Island » revient. \"Love Island\" a été renouvelé. “Love Island” plaît.\n"
    assert [t for t, _ in _find("MT227", three)] == ["\"Love Island\"", "“Love Island”"]


def test_english_rule_reports_a_straight_pair_among_curly_ones() -> None:
    text = (
        "The mayor called it “a hard summer”.\n\nHer deputy spoke of “painful choices”.\n\n"
        "The governor promised “quick support”.\n\nThe opposition saw \"short-term thinking\".\n"
    )
    assert _find("MT228", text, "en") == [("\"short-term thinking\"", ("“short-term thinking”",))]


def test_english_rule_ignores_apostrophes_and_single_quotes() -> None:
    text = (
        "The mayor’s office called it “a hard summer”, “a test” and “a lesson”; "
        "the deputy's word was 'painful'.\n"
    )
    assert _find("MT228", text, "en") == []


@pytest.mark.parametrize(
    "params",
    [
        {"styles": ["«»"]},
        {"styles": ["«»", "«»"]},
        {"styles": ["«»", "abc"]},
        {"padded": ["“”"], "styles": ["«»", '""']},
        {"max_share": 0.5},
    ],
)
def test_bad_params_are_rejected(params: dict) -> None:
    base = {"styles": ["«»", "“”", '""'], "padded": ["«»"], "min_majority": 3, "max_share": 0.3,
            "skip_foreign": True}
    with pytest.raises(ValueError):
        quote_mix.build(SimpleNamespace(params={**base, **params}))
