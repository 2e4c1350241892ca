"""Encoding residue (MT234–MT239) and headless sentences (MT534): traps that must stay silent."""

from __future__ import annotations

import pytest

from checker.document import Document
from checker.engine import Engine
from checker.rules import builtin_rules_dir, load_rules
from conftest import assert_linear

CODES = ("MT234", "MT235", "MT236", "MT237", "MT238", "MT239", "MT534")


@pytest.fixture(scope="module")
def ruleset():  # noqa: ANN201
    """The built-in rules, loaded once."""
    return load_rules([builtin_rules_dir()])


def run(ruleset, text: str, lang: str = "fr", codes: tuple[str, ...] = CODES, markdown: bool = False) -> list:  # noqa: ANN001
    rules = [r for r in ruleset.rules if r.code in codes]
    doc = Document(text, "x.md" if markdown else "x.txt", lang, markdown=markdown)
    found = Engine(rules, ruleset.packs).check(doc).findings
    for f in found:
        assert text[f.start:f.end] == f.text
    return found


CLEAN = [
    "AT&T, R&D, Q&A et M&S ; Procter & Gamble ; 3 < 5 et 7 > 2 ; « oui » > « non ».",
    "Le fichier est dans C:\\Users\\Public\\nouveau ; le smiley ¯\\_(ツ)_/¯ circule.",
    "Vraiment ?? Quoi ?! What??? Oui.",
    "Voir https://example.com/page.php?id=42&lang=fr pour les détails.",
    "Le drapeau 🏳️‍🌈, le cœur ❤️, le soleil ☀️ et la touche 1️⃣ sont des emoji corrects.",
    "Il a acheté des pommes, etc. et il est rentré le 3 sept. à Genève avec M. Dupont.",
    "Suivez-nous sur pic.twitter.com/AbCdEf ou sur example.com. Merci.",
    "Le 1er janvier, J.R.R. Tolkien et J.-C. Decaux ; l'iPhone et l'eBay de 2.5 versions.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_clean_text_stays_silent(ruleset, text: str) -> None:  # noqa: ANN001
    assert run(ruleset, text) == []


def test_escapes(ruleset) -> None:  # noqa: ANN001
    found = run(ruleset, "Il n\\'est pas venu, l\\'arbitre a dit \\u00e9t\\u00e9.", codes=("MT234",))
    assert [f.text for f in found] == ["\\'", "\\'", "\\u00e9", "\\u00e9"]
    assert [f.suggestions for f in found][:1] == [("'",)]


def test_entities(ruleset) -> None:  # noqa: ANN001
    found = run(ruleset, "Tom &amp; Jerry, l&#8217;été, caf&eacute; et &amp;#8217;", codes=("MT235",))
    assert [f.suggestions[0] for f in found] == ["&", "’", "é", "’"]


def test_entities_in_markdown_are_markup(ruleset) -> None:  # noqa: ANN001
    assert run(ruleset, "Tom &amp; Jerry sont là.\n", codes=("MT235",), markdown=True) == []


def test_markup_fragment(ruleset) -> None:  # noqa: ANN001
    found = run(ruleset, "Le texte\n問\">\nsuite du texte<br>fin", codes=("MT236",))
    assert [f.text for f in found] == ['">', "<br>"]


def test_lost_emoji_and_selector(ruleset) -> None:  # noqa: ANN001
    text = "She is back ???? \ufe0f see you ??????"
    found = run(ruleset, text, "en", codes=("MT237", "MT239"))
    assert sorted(f.code for f in found) == ["MT237", "MT237", "MT239"]


def test_lost_letters(ruleset) -> None:  # noqa: ANN001
    found = run(ruleset, "Fran?ois a vu le caf\ufffd et r?sum? le texte.", codes=("MT238",))
    assert [f.text for f in found] == ["Fran?ois", "caf\ufffd", "r?sum?"]


def test_headless_sentence(ruleset) -> None:  # noqa: ANN001
    found = run(ruleset, "Il a parlé aux journalistes. fonction utile pour tous.", codes=("MT534",))
    assert [f.text for f in found] == ["fonction"]


def test_long_lines_are_linear(ruleset) -> None:  # noqa: ANN001
    def make(n: int) -> str:
        return "\\" * 2 * n + "&" * 2 * n + "?" * 2 * n + "a?" * n + " " * 2 * n + "x." * n

    assert_linear(lambda text: run(ruleset, text), make, 12_500)


def test_ftfy_mojibake(ruleset) -> None:  # noqa: ANN001
    found = run(ruleset, "Le slogan ÐŸÑ€Ð¸Ð²ÐµÑ‚ Ð¼Ð¸Ñ€ et le cafÃ© ; Düsseldorf, Ærø.", codes=("MT230", "MT231"))
    assert [(f.code, f.suggestions[0]) for f in found] == [("MT230", "Привет мир"), ("MT231", "café")]


def test_cut_word(ruleset) -> None:  # noqa: ANN001
    text = "Le budget a été adopté.\n\nLes députés ont débattu du portefeui\n\nPar Jean Dupon\n\nLVII\n\nLa suite."
    assert [f.text for f in run(ruleset, text, codes=("MT535",))] == ["portefeui"]


def test_cut_word_known_to_the_lists_at_the_end_of_a_long_line(ruleset) -> None:  # noqa: ANN001
    # « commu » is in the web-scale list (an abbreviation), but a long line that stops on it with no
    # punctuation was cut: « communiqué » is far more frequent. A short line (a heading) is not judged.
    long_line = ("Les syndicats jugent la mesure du gouvernement insuffisante et appellent à une nouvelle "
                 "journée de mobilisation nationale la semaine prochaine, selon un commu")
    assert [f.text for f in run(ruleset, long_line + "\n\nLa suite.", codes=("MT535",))] == ["commu"]
    assert run(ruleset, "Forum de la commu\n\nLa suite du texte.", codes=("MT535",)) == []
    # punctuation after it: a finished sentence, whatever the word
    assert run(ruleset, long_line + ".\n\nLa suite.", codes=("MT535",)) == []
