"""Edge cases of the untranslated detectors: foreign-language (MT120) and foreign-date (MT121, MT122)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from checker.document import Document
from checker.engine import Engine
from checker.finding import Severity
from checker.rules import builtin_rules_dir, load_rules

ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture(scope="module")
def ruleset():  # noqa: ANN201
    """The built-in rules, loaded once."""
    return load_rules([builtin_rules_dir()])


def run(ruleset, text: str, lang: str = "fr", code: str = "MT120", markdown: bool = False) -> list:  # noqa: ANN001
    """Findings of one rule on `text`, checked for consistent offsets."""
    rules = [r for r in ruleset.rules if r.code == code]
    doc = Document(text, "x.md" if markdown else "x.txt", lang, markdown=markdown)
    found = Engine(rules, ruleset.packs).check(doc).findings
    for f in found:
        assert text[f.start:f.end] == f.text
    return found


FRENCH = (
    "Le conseil municipal a adopté mardi soir le budget de la ville, après un débat de plusieurs heures. "
    "La maire a défendu une hausse modérée des impôts locaux pour financer les écoles."
)


def test_consecutive_foreign_sentences_are_one_finding(ruleset) -> None:  # noqa: ANN001
    english = ("The council approved the budget after a long debate on Tuesday night. "
               "Residents said they were worried about the cuts to the library hours.")
    text = f"{FRENCH}\n\n{english}\n\n{FRENCH}\n"
    found = run(ruleset, text)
    assert [(f.text, f.severity) for f in found] == [(english, Severity.MAJOR)]
    assert "English" in found[0].message and "French" in found[0].message


def test_trailing_links_are_left_out_of_the_span(ruleset) -> None:  # noqa: ANN001
    english = "We are so proud of everyone who worked on this project for the last three years."
    text = f"{FRENCH}\n\n{english} https://t.co/AbCdEf123 pic.twitter.com/XyZ987\n"
    found = run(ruleset, text)
    assert [f.text for f in found] == [english]


def test_names_brands_and_loanwords_stay_french(ruleset) -> None:  # noqa: ANN001
    text = ("Al Pacino et Robert De Niro ont posté une story sur Instagram, Facebook et BlueSky "
            "pendant le live du Festival Lumière, avant un talk-show sur Netflix.\n")
    assert run(ruleset, text) == []


def test_short_quoted_title_is_fine_long_quoted_sentence_is_minor(ruleset) -> None:  # noqa: ANN001
    title = "Le réalisateur présentera « The Shape of Water » et « Running Up That Hill » au public lyonnais.\n"
    assert run(ruleset, title) == []
    quote = ("Le porte-parole a répondu sèchement : « We will not comment on the ongoing investigation "
             "until the court has ruled », avant de quitter la salle.\n")
    found = run(ruleset, quote)
    assert [(f.text, f.severity) for f in found] == [
        ("We will not comment on the ongoing investigation until the court has ruled", Severity.MINOR)]


def test_lone_short_foreign_sentence_inside_a_french_passage_is_minor(ruleset) -> None:  # noqa: ANN001
    text = f"{FRENCH} Nobody saw this coming at all. La séance a été levée à minuit.\n"
    found = run(ruleset, text)
    assert [(f.text, f.severity) for f in found] == [("Nobody saw this coming at all.", Severity.MINOR)]


def test_multi_line_blockquote_is_reported_sentence_by_sentence(ruleset) -> None:  # noqa: ANN001
    text = (f"{FRENCH}\n\n"
            "> The council approved the budget after a long debate on Tuesday night.\n"
            "> Residents said they were worried about the cuts to the library hours.\n")
    found = run(ruleset, text, markdown=True)
    assert len(found) == 2
    assert all(not f.text.startswith(">") for f in found)


def test_any_supported_document_language(ruleset) -> None:  # noqa: ANN001
    text = ("Der Stadtrat hat am Dienstag den Haushalt nach einer langen Debatte verabschiedet.\n\n"
            "The council approved the budget after a long debate on Tuesday night, residents said.\n")
    found = run(ruleset, text, lang="de")
    assert len(found) == 1 and found[0].text.startswith("The council")
    assert run(ruleset, "東京で会議が開かれた。The council approved the budget after a long debate.\n", lang="ja") == []


def test_clean_french_article_does_not_load_the_ngram_model() -> None:
    code = (
        "import sys\n"
        "from checker import Linter\n"
        f"Linter().check_text({FRENCH!r} * 5, lang='fr')\n"
        "from checker import langid\n"
        "print('py3langid' in sys.modules, langid._ngram_model.cache_info().currsize)\n"
    )
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True)
    # (py3langid is not imported either way once the cache holds its model: the count says it)
    assert out.stdout.strip().splitlines()[-1] == "False 0"


@pytest.mark.parametrize(("text", "span", "fix"), [
    ("Signé le April 1, 2024 à Paris.", "April 1, 2024", "1er avril 2024"),
    ("Rendez-vous le March 05 au stade.", "March 05", "5 mars"),
    ("Publié le 3rd of May 2022 par la mairie.", "3rd of May 2022", "3 mai 2022"),
    ("Adopté le Sept. 14, 2021 par le conseil.", "Sept. 14, 2021", "14 septembre 2021"),
])
def test_foreign_date_suggestions(ruleset, text: str, span: str, fix: str) -> None:  # noqa: ANN001
    found = run(ruleset, text, code="MT121")
    assert [(f.text, f.suggestions) for f in found] == [(span, (fix,))]


@pytest.mark.parametrize("text", [
    "Theresa May 2019 reste un sujet sensible à Londres.",
    "L'acteur August Diehl jouera le rôle principal.",
    "Le 2 avril 2024, June Carter a été célébrée à Nashville.",
    "Le film « Seven Days in May » ressort en salles.",
    "Le festival se tient du 14 au 25 mai 2024.",
])
def test_foreign_date_leaves_names_alone(ruleset, text: str) -> None:  # noqa: ANN001
    assert run(ruleset, text, code="MT121") == []
