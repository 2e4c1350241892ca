"""Short untranslated text: a caption, a credit or copyright line, a short post, a fan's cheer, a
close language's particle (MT120 short passages, MT161 short passages, MT123 credit labels, emoji
clauses, romanized greetings and cheers, MT342/MT343 Spanish particles in Italian and Portuguese)."""

from __future__ import annotations

import pytest

from conftest import check_rules

CODES = ("MT120", "MT123", "MT161", "MT342", "MT343")


def run(ruleset, text: str, lang: str, codes: tuple[str, ...] = CODES) -> list:  # noqa: ANN001
    """Findings of the given rules on `text` (``check_rules`` checks their offsets); `ruleset` is
    conftest's session fixture."""
    return check_rules(set(codes), text, lang, ruleset)


FR_LEAD = "Le club a confirmé mardi l'arrivée de son nouvel attaquant, selon plusieurs sources proches du dossier.\n\n"
FR_TAIL = "\n\nLe joueur doit passer sa visite médicale jeudi avant de signer un contrat de cinq ans."
ES_LEAD = "El ayuntamiento aprobó el martes el nuevo plan de movilidad para el centro de la ciudad.\n\n"

BAD = [
    # An English caption on a line of its own, between French paragraphs (MT120).
    ("fr", FR_LEAD + "Jonas Whitfield reacts after missing a penalty against Redbridge Rovers." + FR_TAIL,
     "MT120", "Jonas Whitfield reacts after missing a penalty against Redbridge Rovers."),
    ("fr", FR_LEAD + "Fans wait outside the stadium before kick-off." + FR_TAIL,
     "MT120", "Fans wait outside the stadium before kick-off."),
    # A copyright line: the rights sentence, not the owner's name before it.
    ("es", ES_LEAD + "Copyright 2023 Radio Norte. All rights reserved.", "MT120", "All rights reserved."),
    ("fr", FR_LEAD + "© 2022 Harbour Gazette Ltd. All rights reserved." + FR_TAIL, "MT120", "All rights reserved."),
    # A post of two short Indonesian sentences (MT161, judged whole).
    ("fr", FR_LEAD + "Kita juara lagi! Terima kasih semuanya pic.twitter.com/Ab12Cd34Ef" + FR_TAIL,
     "MT161", "Kita juara lagi! Terima kasih semuanya"),
    # An Indonesian clause before an emoji, French after it (MT123).
    ("fr", FR_LEAD + "Kita bertemu lagi tahun depan ✨ Merci à tous pour votre soutien" + FR_TAIL,
     "MT123", "Kita bertemu lagi tahun depan"),
    # A Vietnamese credit label opening its line.
    ("fr", FR_LEAD + "Ảnh: VNX" + FR_TAIL, "MT123", "Ảnh"),
    ("fr", FR_LEAD + "Nguồn : Thanh Niên" + FR_TAIL, "MT123", "Nguồn"),
    # A Korean cheer in English letters, as an exclamation of its own.
    ("fr", "Nous souhaitons un prompt rétablissement à la chanteuse. Fighting !", "MT123", "Fighting"),
    ("es", "Le deseamos una pronta recuperación al cantante. ¡Fighting!", "MT123", "Fighting"),
    # Japanese greetings that English news translates, even where its press keeps fan nouns.
    ("en", 'Fans reacted within minutes. "Arigatou! We will wait for you," one fan wrote.', "MT123", "Arigatou"),
    ("en", "The fans shouted gamsahamnida as the band left the stage in Seoul.", "MT123", "gamsahamnida"),
    # Spanish particles in Italian and Portuguese.
    ("it", "Lucía Ortega (Sevilla, 4 de luglio 1979) è una ballerina spagnola.", "MT342", "de"),
    ("it", "Lo ha detto il portavoce de la Guardia Urbana di Valencia.", "MT342", "de la"),
    ("pt", "A prisão foi anunciada pelo porta-voz de la Polícia Local, segundo a imprensa.", "MT343", "de la"),
    ("pt", "O presidente del Conselho Regional falou aos jornalistas.", "MT343", "del"),
]


@pytest.mark.parametrize(("lang", "text", "code", "span"), BAD)
def test_short_untranslated_is_reported(ruleset, lang: str, text: str, code: str, span: str) -> None:  # noqa: ANN001
    found = [(f.code, f.text) for f in run(ruleset, text, lang)]
    # The span is the foreign text, or the line that holds it (« © 2022 X Ltd. All rights reserved. »).
    assert any(c == code and span in t and len(t) <= len(span) + 30 for c, t in found), found


CLEAN = [
    # Quoted English titles, names, brands, hashtags, links in French.
    ("fr", FR_LEAD + "Le public a repris en chœur « Shape of You » pendant le rappel."),
    ("fr", FR_LEAD + "Al Pacino a présenté « The Irishman » au festival de New York."),
    ("fr", FR_LEAD + "Elle a quitté X pour BlueSky et publie depuis son iPhone."),
    ("fr", FR_LEAD + "Charles de Gaulle et Ursula von der Leyen sont cités dans le livre."),
    ("fr", FR_LEAD + "Le mot-dièse #GameOver a été repris des milliers de fois sur https://example.com/live."),
    ("fr", FR_LEAD + "Le chanteur a sorti « Love Me Tender » en single."),
    ("fr", FR_LEAD + "The Dark Side of the Moon"),
    ("fr", FR_LEAD + "Rolling Stones, Arctic Monkeys et Coldplay."),
    ("fr", FR_LEAD + "Photo : AFP."),
    ("fr", FR_LEAD + "Crédit photo : Getty Images."),
    # Loanwords and Latin phrases French uses.
    ("fr", FR_LEAD + "Un week-end de fair-play."),
    ("fr", FR_LEAD + "La start-up est leader du marché."),
    ("fr", FR_LEAD + "Un accord de facto, a priori."),
    ("fr", FR_LEAD + "Le best of est sorti."),
    ("fr", FR_LEAD + "Le live a duré deux heures."),
    ("fr", FR_LEAD + "Merci pour tout !"),
    ("fr", FR_LEAD + "Bon courage à tous."),
    ("fr", FR_LEAD + "Vive le sport !"),
    ("fr", FR_LEAD + "— Oui, monsieur."),
    ("fr", FR_LEAD + "Le film Fighting ! sort en mai."),
    ("fr", FR_LEAD + "Le public criait « Fighting ! » pendant tout le concert."),
    ("fr", FR_LEAD + "Le groupe a publié un message sur Instagram ✨ Merci à tous pour votre soutien."),
    ("fr", FR_LEAD + "Nguyễn Văn Minh : « Nous allons gagner. »"),
    ("fr", FR_LEAD + "Lire aussi : le mercato d'hiver."),
    # Spanish.
    ("es", ES_LEAD + "Al igual que el año pasado, los precios no dan tregua."),
    ("es", ES_LEAD + "Foto: EFE."),
    ("es", ES_LEAD + "El delantero João Pedro Gonçalves marcó el gol del empate."),
    ("es", ES_LEAD + "Todos los derechos reservados."),
    ("es", ES_LEAD + "¡Vamos, equipo!"),
    ("es", ES_LEAD + "La canción «Happy Together» sonó en el descanso."),
    # English: the fan nouns its press keeps, an English cheer.
    ("en", "The idol thanked her sunbae and the maknae of the group during the broadcast."),
    ("en", 'Fans waved banners that read "Hwaiting!" outside the venue.'),
    ("en", "She has been my oshi since the first single, one fan wrote."),
    ("en", "Keep fighting! the coach told his players at half-time."),
    ("en", "The word omedetou, congratulations in Japanese, trended all night."),
    ("en", "All rights reserved."),
    # Italian and Portuguese names and phrases.
    ("it", "Il presidente Fernando de la Rúa lasciò il paese il 20 dicembre 2001."),
    ("it", "Per la critica il disco è la crème de la crème del jazz europeo."),
    ("it", "Robert De Niro ha ricevuto il premio il 3 marzo a Roma."),
    ("it", "Il Ponte de la Libertà collega Venezia alla terraferma."),
    ("pt", "Lana Del Rey cantou antes da final da Copa del Rey em Madrid."),
    ("pt", "O ator Benicio del Toro e a cantora Ana de la Vega chegaram a Lisboa."),
    ("pt", "O jogo foi marcado para 15 de março, informou a federação."),
    ("pt", "Para a crítica, o disco é a crème de la crème do rock nacional."),
    ("pt", "O cartaz dizia «bienvenidos a la casa de la Abuela» e o público aplaudiu."),
    # German.
    ("de", "Die Bundesregierung hat am Dienstag in Berlin neue Regeln beschlossen.\n\nAlles Gute!"),
]


@pytest.mark.parametrize(("lang", "text"), CLEAN)
def test_clean_text_stays_silent(ruleset, lang: str, text: str) -> None:  # noqa: ANN001
    assert [(f.code, f.text) for f in run(ruleset, text, lang)] == []


def test_offsets_match_the_text(ruleset) -> None:  # noqa: ANN001
    text = (FR_LEAD + "Jonas Whitfield reacts after missing a penalty against Redbridge Rovers.\n\n"
            "Ảnh : VNX\n\nKita bertemu lagi tahun depan ✨ Merci à tous pour votre soutien\n\n"
            "Kita juara lagi! Terima kasih semuanya\n\nFighting !" + FR_TAIL)
    found = run(ruleset, text, "fr")
    assert len(found) >= 5
    for f in found:
        assert text[f.start:f.end] == f.text
