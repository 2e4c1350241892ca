"""Punctuation rules (MT220, MT229, MT240-MT259 and the quote/apostrophe rules): clean-text traps
that must stay silent, the cases they must report, and linear time on hostile input."""

from __future__ import annotations

import pytest

from checker.document import Document
from checker.engine import Engine
from checker.rules import builtin_rules_dir, load_rules
from conftest import assert_linear

RULESET = load_rules([builtin_rules_dir()])
# Punctuation rules, and MT242 (a missing space after a mark, filed under glued-words: two words
# joined by extraction), whose traps are the same.
PUNCT = [r for r in RULESET.rules if r.category == "punctuation" or r.code == "MT242"]


def _findings(text: str, lang: str, codes: set[str] | None = None) -> list[tuple[str, str]]:
    rules = [r for r in PUNCT if (codes is None or r.code in codes) and r.applies_to(lang)]
    result = Engine(rules, RULESET.packs).check(Document(text, "<t>", lang))
    assert not result.failures, result.failures
    for f in result.findings:
        assert text[f.start:f.end] == f.text
    return [(f.code, f.text) for f in result.findings if f.severity.value != "info"]


CLEAN = [
    ("fr", "Al Pacino et Al-Qaïda ; le général de Gaulle et Ursula von der Leyen. Le site Amazon.com "
           "et l’iPhone 15, BlueSky, J.R.R. Tolkien, la version 2.5.1, le fichier rapport.pdf, 3,5 %."),
    ("fr", "« C’est fini », a-t-il dit. Le Pen, Le Monde et La Rochelle ; selon Le Figaro, l’affaire "
           "continue. Voir https://exemple.fr/article.html?id=3 ou écrire à contact@exemple.fr."),
    ("fr", "«On attend la suite», a déclaré la ministre (Québec). «Rien n’est joué», dit-il."),
    ("fr", "PARIS – Le gouvernement a présenté son budget. PSG - OM : 2 - 1. Vidéo - Un camion."),
    ("en", "I think, I said, that The Guardian and The Beatles are British. Shares of Amazon.com rose; "
           "the U.S. economy grew 2.5 percent, e.g. in Q3. Mr. Smith (the CEO) agreed."),
    ("en", "“It’s over,” she said. “We’re done.” The players’ union met the owners’ lawyers."),
    ("en", "Rock 'n' roll and the ’90s were fun; the 27\" screen costs $349."),
    ("de", "Der Trainer sagte, Sie hätten gut gespielt. Laut Der Spiegel und Die Zeit war er zufrieden. "
           "„Wir sind bereit“, sagte er. Am 3. und 4. Mai spielt die Mannschaft in der 2. Liga."),
    ("es", "Al igual que el año pasado, El País publicó: «Es un día histórico». ¡Qué alegría! ¿Vendrá?"),
    ("it", "Un po' di pazienza: l’allenatore dell’Inter, Il Sole 24 Ore e «La Gazzetta» ne parlano."),
    ("pt", "“Não queremos desistir”, disse o técnico. O Globo e A Bola publicaram a notícia."),
]


@pytest.mark.parametrize(("lang", "text"), CLEAN)
def test_clean_journalism_is_silent(lang: str, text: str) -> None:
    assert _findings(text, lang) == []


@pytest.mark.parametrize(
    ("lang", "text", "code", "span"),
    [
        ("fr", "Le concert a eu lieu à Hanoï . Il a duré deux heures.", "MT240", "Hanoï ."),
        ("de", "Das Stadion in Phu Tho ( Vietnam ) war voll.", "MT241", "( Vietnam )"),
        ("fr", "Le ministre a parlé mardi.Selon lui, tout va bien.", "MT242", "mardi.Selon"),
        ("fr", "Le club a confirmé le transfert,. Le joueur arrive.", "MT243", ",."),
        ("fr", "Son absence n\\'est pas liée à une blessure.", "MT244", "n\\'est"),
        ("fr", "Une infrastructure numérique - une sorte d’autoroute.", "MT245", "numérique - une"),
        ("fr", "Il est arrivé dans nos cœurs ; Il nous accompagnera.", "MT246", "; Il"),
        ("en", "The tour starts in Madrid The singer said so.", "MT247", "Madrid The"),
        ("de", "Er sagte, es müsse die Partitur sein“ Heute denke ich anders.", "MT247", "sein“ Heute"),
        ("en", "She wrote: “See you tonight ! ” and left.", "MT248", "! ”"),
        ("es", "El grupo habló. Os hemos echado de menos! Volvemos pronto.", "MT249", "Os hemos echado de menos!"),
        ("it", "È nota con il nome d' arte Vina.", "MT254", "d' arte"),
        ("fr", "La police est allée chez son ex-femme. où l’arme a été trouvée.", "MT259", ". où"),
        ("fr", "Le quotidien 'Al-Yom' affirme que le joueur restera.", "MT229", "'Al-Yom'"),
        ("en", "The federation (PSSI in 1930 was founded in Yogyakarta.\n\nThe league came later.", "MT220",
         "(PSSI in"),
    ],
)
def test_reported(lang: str, text: str, code: str, span: str) -> None:
    assert (code, span) in _findings(text, lang, {code})


def test_high_marks_take_a_space_in_french_only() -> None:
    assert _findings("Pourquoi ? Parce que : voilà ; enfin !", "fr", {"MT240"}) == []
    assert _findings("Why ? Because : that ; there !", "en", {"MT240"}) == [
        ("MT240", "Why ?"), ("MT240", "Because :"), ("MT240", "that ;"), ("MT240", "there !")]
    assert _findings("Smile : ) or ;-) or see http://example.org/a ; fine.", "en", {"MT240"}) == []


def test_mixed_apostrophes_group_one_sentence() -> None:
    text = ("L’usine d’Amiens, l’équipe d’ici, l’an dernier et l’été ; l’hiver, c’est l’avenir.\n\n"
            "Le ministre de l'Économie, de l'Innovation et de l'Énergie a parlé.")
    assert _findings(text, "fr", {"MT224"}) == [("MT224", "l'Économie, de l'Innovation et de l'Énergie")]


def test_mixed_apostrophes_even_mix_is_silent() -> None:
    text = "L’usine d’Amiens, l’équipe d’ici. L'an dernier, l'été et l'hiver, c'est fini."
    assert _findings(text, "fr", {"MT224"}) == []


def test_quote_left_open_at_a_cut_end_is_not_reported() -> None:
    text = "Il a dit : « Nous verrons ».\n\nLa suite : « On pense d’abord que ça prend un dialogue"
    assert _findings(text, "fr", {"MT222"}) == []


def test_new_quotation_while_one_is_open_reports_the_new_mark() -> None:
    text = "Il a dit : « Nous verrons. « Bonjour », a-t-il ajouté.\n\nFin."
    assert _findings(text, "fr", {"MT222"}) == [("MT222", "« Bonjour")]
    nested = "Il cite « des œuvres telles que « Bana Sor » et « Yeter » ».\n\nFin."
    assert _findings(nested, "fr", {"MT222"}) == []


def test_single_quote_closed_by_double_mark() -> None:
    text = "“I was like, ‘It is good right?” and then I saw more of it,” he said.\n\nEnd."
    assert _findings(text, "en", {"MT223"}) == [("MT223", "‘It is good right?”")]


def test_french_guillemets_are_the_reference_without_a_clear_majority() -> None:
    text = "La star de « Love Island » est là.\n\nLa star de \"Love Island\" est là.\n\nFin."
    assert _findings(text, "fr", {"MT227"}) == [("MT227", "\"Love Island\"")]


HOSTILE = {
    "spaces": lambda n: " " * (4 * n) + ".",
    "words-comma": lambda n: ("a " * (2 * n)) + ",",
    "open-parens": lambda n: "mot " + "( " * n,
    "guillemets": lambda n: "« " * n,
    "capital-pronouns": lambda n: "Le Il " * n,
    "dash-between-tokens": lambda n: "x" * (4 * n) + " - " + "y" * (4 * n),
    "elisions": lambda n: "d' " * n,
    "quote-then-token": lambda n: "'" + "a" * (2 * n),
    "elided-token": lambda n: "Voir " + "l'" * n + "x",
    "hyphenated-token": lambda n: "Voir " + "a-" * n + "b",
}


@pytest.mark.parametrize("shape", sorted(HOSTILE))
def test_linear_time_on_hostile_input(shape: str) -> None:
    assert_linear(lambda text: _findings(text, "fr"), HOSTILE[shape], 8_000)


def test_an_article_before_a_verb_ends_a_name_not_a_sentence() -> None:
    # « Un » before « a » or « s'est » cannot be an article opening a sentence: it ends the name.
    text = "Selon l'agence, Kim Jong Un s'est dit satisfait, puis Kim Jong Un a quitté le site."
    assert _findings(text, "fr", {"MT247"}) == []
    # a pronoun before a verb still marks the lost full stop
    assert _findings("Le concert aura lieu à Lyon Il a annoncé la date.", "fr", {"MT247"}) == [("MT247", "Lyon Il")]
