"""Page chrome in every pack language: label lines, photo credits, notices, date bars,
placeholders, feed footers, embeds; and the clean journalism that must stay silent."""

from __future__ import annotations

import pytest
from conftest import assert_linear, check_rules

MINE = {"MT500", "MT508", "MT509", "MT510", "MT511", "MT512", "MT513", "MT514", "MT517", "MT518", "MT519",
        "MT540", "MT541", "MT542", "MT552", "MT553", "MT554", "MT555"}


def _run(ruleset, text: str, lang: str, codes: set[str] = MINE):
    return check_rules(codes, text, lang, ruleset)


@pytest.mark.parametrize(
    ("lang", "line", "code"),
    [
        ("fr", "Partager :", "MT508"),
        ("de", "Teilen", "MT508"),
        ("es", "Compartir", "MT508"),
        ("it", "Condividi su Facebook", "MT508"),
        ("pt", "Leia também: O time vence o clássico", "MT508"),
        ("es", "Kommentar (12)", "MT508"),
        ("en", "Comments (3)", "MT508"),
        ("fr", "La suite après cette publicité", "MT508"),
        ("de", "Zur Navigation springen Zur Suche springen", "MT508"),
        ("fr", "Accueil › Politique › Élections", "MT508"),
        ("en", "Share | Facebook | Twitter | Email", "MT508"),
        ("de", "Lesedauer: 3 Minuten", "MT508"),
        ("it", "Tempo di lettura: 4 minuti", "MT508"),
        ("fr", "Le ministre salue la foule – Photo : AFP", "MT509"),
        ("de", "Bild: dpa", "MT509"),
        ("en", "The singer waves to her fans in London. | Photo: AFP.", "MT509"),
        ("pt", "Fonte: Agência Estado", "MT509"),
        ("en", "Credit: John Smith/Reuters", "MT509"),
        ("fr", "Carte de la région (2019).svg", "MT510"),
        ("en", "[ad_3]", "MT511"),
        ("pt", "O post Bitcoin sobe de novo apareceu primeiro em Portal Cripto.", "MT512"),
        ("it", "L'articolo Il Milan vince ancora proviene da Calcio Oggi.", "MT512"),
        ("es", "Publicado el 14/01/2025 a las 09:30", "MT514"),
        ("it", "Aggiornato il 3 marzo 2024 alle 10:15", "MT514"),
        ("en", "#AI #Tech #Startups", "MT517"),
        ("it", "Argomenti: calcio, Serie A, Milan", "MT519"),
        ("fr", "Nous utilisons des cookies pour mesurer l'audience.", "MT500"),
        ("it", "Iscriviti alla nostra newsletter per ricevere le notizie.", "MT500"),
    ],
)
def test_chrome_line_found(ruleset, lang: str, line: str, code: str) -> None:
    text = f"Title of the page\n\nA first paragraph of the story, long enough to read as prose.\n\n{line}\n\nThe story goes on here.\n"
    found = _run(ruleset, text, lang)
    assert any(f.code == code and f.text.strip() == line for f in found), [(f.code, f.text) for f in found]


def test_notice_in_another_language_is_boilerplate_not_untranslated(ruleset) -> None:
    notice = "This article was machine translated from Indonesian."
    text = f"Titre\n\nLe concert aura lieu samedi à Jakarta.\n\n{notice}\n"
    (f,) = _run(ruleset, text, "fr", {"MT513"})
    assert f.text == notice and f.category == "boilerplate"


def test_credit_in_brackets_reports_its_sentence(ruleset) -> None:
    text = "Titel\n\nDas Team spielte stark (Foto: Anna Berg). Danach wurde es ruhiger.\n"
    (f,) = _run(ruleset, text, "de", {"MT509"})
    assert f.text == "Das Team spielte stark (Foto: Anna Berg)."


CLEAN = [
    ("fr", "Le ministre a refusé de partager ses notes, et les commentaires ont fusé sur les réseaux."),
    ("fr", "Partager le pouvoir n'a jamais été son fort, résume un proche."),
    ("fr", "Al Pacino, Al-Qaïda et de Gaulle : trois noms, trois époques, explique l'historien."),
    ("es", "Al igual que en 2019, la publicidad institucional creció un 12,5 %."),
    ("es", "Compartir piso se ha vuelto la norma en Madrid, según el informe."),
    ("de", "Ursula von der Leyen will Teilen der Industrie mehr Zeit geben."),
    ("de", "Werbung im Fernsehen ist für Parteien streng geregelt, sagt der Jurist."),
    ("it", "Condividi o no, la scelta spetta ai genitori, spiega la pedagogista."),
    ("pt", "Leia também o relatório do Banco Central, recomenda o economista."),
    ("en", "Photo: the company's iPhone sales rose 3.5% (BlueSky and Amazon.com fell)."),
    ("en", "J.R.R. Tolkien's letters were sold at auction on Tuesday, September 28, after a bidding war."),
    ("en", "Source: the ministry said the figures were provisional and would be revised."),
    ("fr", "Photo : le maire a posé devant la mairie avec les élus, puis il est reparti."),
    ("fr", "Le groupe AC/DC jouera à Paris ; le protocole TCP/IP n'a rien à voir."),
    ("fr", "Le 12/03/2024, le rapport publié à 14h05 a fait grand bruit."),
    ("en", "The post office appeared to close early, residents said on Monday."),
    ("de", "Die Übersetzung des Romans erschien 1999 bei Suhrkamp."),
    ("fr", "Le mot-dièse #MeToo a été repris par des millions de personnes."),
    ("es", "Aquí vivió el poeta durante veinte años, recuerdan sus vecinos."),
    ("it", "Qui visse il poeta per vent'anni, ricordano i vicini."),
    ("pt", "Aqui viveu o poeta durante vinte anos, lembram os vizinhos."),
    ("de", "Die Datenschutzbehörde prüft, ob Webseiten Cookies ohne Einwilligung setzen."),
    ("es", "La empresa usa la inteligencia artificial para traducir sus boletines, explicó."),
    ("en", "The figures were confirmed on Monday by a single source: Reuters"),
    ("en", "“Follow the money,” the senator said, quoting the film All the President's Men."),
]


@pytest.mark.parametrize(("lang", "sentence"), CLEAN)
def test_clean_journalism_stays_silent(ruleset, lang: str, sentence: str) -> None:
    text = f"A headline for the story\n\n{sentence}\n\nAnother paragraph of the article follows here.\n"
    assert _run(ruleset, text, lang) == []


def test_long_lines_and_repetition_stay_linear(ruleset) -> None:
    def make(n: int) -> str:
        return "Titre\n\n" + ("Photo " * 4 * n) + "\n\n" + ("a " * 10 * n) + ("\n" + " " * 6 * n) + "\n" + "#a " * 4 * n

    assert_linear(lambda text: _run(ruleset, text, "fr"), make, 1_250)
