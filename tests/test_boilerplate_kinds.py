"""Page chrome in every pack language: label lines, photo credits, notices, date bars,
placeholders, feed footers, embeds; and the clean journalism that must stay silent."""

from __future__ import annotations

import pytest
from conftest import assert_linear, check_rules

MINE = {"MT500", "MT508", "MT509", "MT510", "MT511", "MT512", "MT513", "MT514", "MT517", "MT518", "MT519",
        "MT540", "MT541", "MT542", "MT552", "MT553", "MT554", "MT555", "MT633", "MT634", "MT635", "MT636"}


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
        ("fr", "© 2024 Le Journal de Brévanne. Tous droits réservés.", "MT633"),
        ("en", "Copyright 2024 Harbour Gazette Media. All rights reserved.", "MT633"),
        ("de", "Nachdruck nur mit Genehmigung der Redaktion.", "MT633"),
        ("it", "Tutti i diritti riservati.", "MT633"),
        ("pt", "É proibida a reprodução total ou parcial deste conteúdo.", "MT633"),
        ("fr", "Portail du cinéma | Portail de la France", "MT634"),
        ("en", "This page was last edited on 3 May 2024, at 09:12 (UTC).", "MT634"),
        ("de", "Abgerufen von „https://de.wikipedia.org/w/index.php?title=Beispiel“", "MT634"),
        ("es", "Este artículo no constituye asesoramiento financiero.", "MT635"),
        ("de", "Dies ist keine Anlageberatung.", "MT635"),
        ("fr", "Cette actualité a été lue 1 245 fois", "MT636"),
        ("it", "Questo articolo è stato letto 1.245 volte", "MT636"),
        ("fr", "Signaler une erreur", "MT508"),
        ("pt", "Comentários estão fechados.", "MT508"),
        ("fr", "Lecture : 4 min", "MT508"),
        ("fr", "Abone ol", "MT508"),
        ("es", "Síguenos en Google News", "MT508"),
        ("it", "Segui Gazzetta del Lago su Google News", "MT500"),
        ("pt", "Receba as notícias da Folha do Vale no seu WhatsApp", "MT500"),
        ("fr", "Подписывайтесь на наш канал в Telegram", "MT500"),
        ("fr", "Traduire le post", "MT542"),
        ("es", "♬ sonido original - baile.ejemplo", "MT542"),
        ("en", "12:05 PM · May 21, 2024 · 2.4M Views", "MT541"),
        ("fr", "t.me/journal_exemple", "MT540"),
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


@pytest.mark.parametrize(
    ("lang", "heading", "link"),
    [
        ("fr", "Biographie ", "[modifier | modifier le code]"),
        ("fr", "Jeunesse", "[modifier]"),
        ("en", "Early life ", "[edit]"),
        ("en", "Career", "[edit source]"),
        ("es", "Carrera ", "[editar código]"),
        ("de", "Leben ", "[Bearbeiten | Quelltext bearbeiten]"),
        ("it", "Biografia ", "[modifica | modifica wikitesto]"),
        ("pt", "Biografia ", "[editar | editar código-fonte]"),
    ],
)
def test_wiki_edit_link_is_reported_alone(ruleset, lang: str, heading: str, link: str) -> None:
    text = f"Title of the page\n\n{heading}{link}\n\nThe story goes on here, with a sentence [edit] inside it.\n"
    (f,) = _run(ruleset, text, lang, {"MT634"})
    assert f.text == link and f.category == "boilerplate"


def test_x_footer_is_social_embed_not_date_bar(ruleset) -> None:
    line = "12:05 · 21 mai 2024 · 2,4 M vues"
    text = f"Titre\n\nLe club a salué l'exploit sur X.\n\n{line}\n\nLa finale aura lieu samedi.\n"
    (f,) = _run(ruleset, text, "fr", {"MT514", "MT541"})
    assert f.text == line and f.category == "social-embed"


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
    ("fr", "Le juge a rappelé que tous droits réservés ne signifie pas que toute citation est interdite."),
    ("en", "Copyright law has not kept pace with artificial intelligence, the senator argued."),
    ("fr", "Le portail de la mairie a été piraté mardi, a reconnu l'adjoint au numérique."),
    ("en", "She said the memo was not financial advice but a warning to her staff."),
    ("fr", "Le livre a été lu 3 000 fois à la bibliothèque l'an dernier, selon la directrice."),
    ("fr", "Le train part à 12:05 · 21 mai 2024 : la date est affichée en gare."),
    ("fr", "Le service t.me/ de Telegram permet de partager un lien vers un canal, explique l'ingénieur."),
]


@pytest.mark.parametrize(("lang", "sentence"), CLEAN)
def test_clean_journalism_stays_silent(ruleset, lang: str, sentence: str) -> None:
    text = f"A headline for the story\n\n{sentence}\n\nAnother paragraph of the article follows here.\n"
    assert _run(ruleset, text, lang) == []


def test_long_lines_and_repetition_stay_linear(ruleset) -> None:
    def make(n: int) -> str:
        return "Titre\n\n" + ("Photo " * 4 * n) + "\n\n" + ("a " * 10 * n) + ("\n" + " " * 6 * n) + "\n" + "#a " * 4 * n

    assert_linear(lambda text: _run(ruleset, text, "fr"), make, 1_250)
