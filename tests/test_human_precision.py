"""Conventions of careful human text stay quiet (issue #7, human-text precision).

Each case is a shape that human translators and authors write on purpose (a house
convention, a rare technical term, a remark closed after a paragraph break); the
matching defect next to it is still reported, so that none of these tests can pass
by silencing a rule.
"""

from __future__ import annotations

from checker import Linter
from checker.finding import Severity

LINTER = Linter()


def counted(text: str, lang: str, code: str) -> list[str]:
    """The findings of `code` that count (minor or worse), by text."""
    report = LINTER.check_text(text, lang=lang)
    for f in report.findings:
        assert text[f.start:f.end] == f.text
    return [f.text for f in report.findings if f.code == code and f.severity is not Severity.INFO]


def shown(text: str, lang: str, code: str) -> list[str]:
    report = LINTER.check_text(text, lang=lang)
    return [f.text for f in report.findings if f.code == code]


# --- non-word: a word far from every known word is weak evidence -----------------------------

def test_rare_technical_term_without_a_close_word_is_info() -> None:
    text = "Les patients atteints de cholangiolithiase ont été opérés en urgence."
    assert counted(text, "fr", "MT201") == []
    assert shown(text, "fr", "MT201") == ["cholangiolithiase"]


def test_misspelt_word_with_a_clear_neighbour_still_counts() -> None:
    text = "Les plateformes cherchent à dévalorier le travail des artistes."
    assert counted(text, "fr", "MT201") == ["dévalorier"]


def test_english_technical_term_is_info_and_a_typo_is_not() -> None:
    term = "The enzyme binds the xylotrophinase receptor of the cell wall."
    assert counted(term, "en", "MT202") == []
    typo = "The governmentt announced a new budget on Monday."
    assert counted(typo, "en", "MT202") == ["governmentt"]


# --- space before ; : ! ? in a language that does not space them ----------------------------

def test_consistent_french_spacing_in_english_is_a_house_convention() -> None:
    text = (
        "Hand hygiene in wards : a short review.\n\n"
        "Two products compete : soap and gel. Which one wins ? Both do.\n\n"
        "Advice : wash often."
    )
    assert counted(text, "en", "MT240") == []
    assert len(shown(text, "en", "MT240")) == 4


def test_an_odd_spaced_colon_in_unspaced_text_still_counts() -> None:
    text = (
        "Two products compete: soap and gel. Which one wins? Both do.\n\n"
        "The nurse said : wash often. Results: good."
    )
    assert counted(text, "en", "MT240") == ["said :"]


def test_house_convention_never_covers_commas_and_full_stops() -> None:
    text = "Products : soap , gel.\n\nChoice : yours. Doubt ? Ask ."
    assert sorted(counted(text, "en", "MT240")) == ["Ask .", "soap ,"]


def test_one_line_of_spaced_marks_is_no_house_convention() -> None:
    text = "Why ? Because : that is all.\n\nThe nurse said: wash often."
    assert counted(text, "en", "MT240") == ["Why ?", "Because :"]


# --- a parenthesis closed at the start of the next paragraph --------------------------------

def test_parenthesis_closed_after_a_paragraph_break_is_not_unclosed() -> None:
    text = "Delivery takes a week (two for islands\n\n) and returns are free.\n\nMore text here."
    assert counted(text, "en", "MT220") == []


def test_parenthesis_never_closed_still_counts() -> None:
    text = "The federation (PSSX in 1930 was founded in the north.\n\nThe league started later."
    assert counted(text, "en", "MT220") == ["(PSSX in"]


# --- scientific abbreviations before a lowercase word ---------------------------------------

def test_taxonomic_and_citation_abbreviations_do_not_end_a_sentence() -> None:
    text = "We found Rickettsia sp. in two colonies, as Moreau et al. reported for ticks."
    assert counted(text, "en", "MT259") == []


def test_a_sentence_split_by_a_full_stop_still_counts() -> None:
    text = "The minister spoke for an hour. but nobody listened to the speech."
    assert counted(text, "en", "MT259") == [". but"]


def test_a_short_unknown_word_without_a_close_word_still_counts() -> None:
    # short garbles are rarely learned terms: only long words without a neighbour are weak evidence
    text = "Le patient a reçu du grvakt pendant trois jours."
    assert counted(text, "fr", "MT201") == ["grvakt"]
