"""Glued function words and locale formats the detectors used to miss (MT525, MT302, MT314, MT315,
MT326, MT328, MT331, MT656, MT668): a preposition glued to an article or a noun, an article glued after
a German noun, counts written with the English thousands comma, the article's own decimal convention
(Spanish, English), Spanish « AM », French dotted times, dotted dates in short prose lines, « Fuß »."""

from __future__ import annotations

import pytest

from checker.finding import Severity
from conftest import check_rules

CODES = {"MT525", "MT302", "MT314", "MT315", "MT326", "MT328", "MT331", "MT656", "MT668", "MT336"}


def _findings(text: str, lang: str) -> list:
    return [f for f in check_rules(CODES, text, lang) if f.severity is not Severity.INFO]


BAD = [
    ("fr", "La finale se dispute surpiste couverte depuis deux ans.", "MT525", "surpiste"),
    ("fr", "Le club a recruté des attaquants etdes défenseurs cet été.", "MT525", "etdes"),
    ("fr", "Les visiteurs pourront choisir un billet simple avecle guide ou sans.", "MT525", "avecle"),
    ("es", "Los precios suben cadaaño en la capital.", "MT525", "cadaaño"),
    ("es", "La filtración afectó a la base dedatos del ministerio.", "MT525", "dedatos"),
    ("es", "Los vecinos protestaron conla alcaldesa durante la sesión.", "MT525", "conla"),
    ("de", "Die Polizei sperrte die Straße vor dem Rathausder Stadt ab.", "MT525", "Rathausder"),
    ("de", "Rund 2,450 Besucher kamen zum Stadtfest.", "MT326", "2,450"),
    ("it", "Allo stadio c'erano 3,700 tifosi.", "MT326", "3,700"),
    ("pt", "A marcha reuniu 6,300 manifestantes no centro.", "MT326", "6,300"),
    ("fr", "Le billet coûte 12,500 yens à Tokyo.", "MT326", "12,500"),
    ("fr", "Près de 1,250 manifestants ont défilé.", "MT326", "1,250"),
    ("es", "Con una inflación del 3,2% y 450.000 personas en paro, la región perdió 12,500 empleos.", "MT326", "12,500"),
    ("es", "El paro afecta a 450.000 personas, un 3,2% más; el déficit llega a 2.5 millones.", "MT314", "2.5"),
    ("en", "The index gained 0,8% on the day and closed at 11.320 points.", "MT315", "11.320"),
    ("es", "Actualizado el 16 de abril a las 9:40 AM.", "MT328", "9:40 AM"),
    ("fr", "La séance a été levée vers 16.45.\nLe verdict est attendu demain.", "MT331", "16.45"),
    ("fr", "Notes\n1. Lettre du compositeur à son éditeur, 03.11.1962.\n2. Voir le catalogue.", "MT668", "03.11.1962"),
    ("pt", "Referências\nCarta do pintor ao irmão, 21.06.1978.\nArquivo da família.", "MT668", "21.06.1978"),
    ("de", "Die Flutwelle stieg an der Küste auf bis zu 9 Fuß an.", "MT656", "9 Fuß"),
]


@pytest.mark.parametrize(("lang", "text", "code", "span"), BAD)
def test_reported(lang: str, text: str, code: str, span: str) -> None:
    found = [(f.code, f.text) for f in _findings(text, lang)]
    assert (code, span) in found, found


# Clean journalism that must stay silent.
CLEAN = [
    ("fr", "La surexposition des enfants aux écrans inquiète ; un surdosage a été évité."),
    ("fr", "Le gouvernement a surestimé la croissance, et les ministres surjouaient l'optimisme."),
    ("fr", "Il ne surjouait pas son rôle ; ou de la sorte, ou pas du tout."),
    ("fr", "Les cardes et la sonde ; le monde entier parle du sursaut des Bleus."),
    ("fr", "Près de 1 500 invités, 1'500 selon la police genevoise, et 25 000 supporters."),
    ("fr", "Le litre de gazole coûte 1,859 euro ; 1,5 million de personnes ont voté."),
    ("fr", "L'échantillon pèse 2,125 kg ; le taux est de 2,5 % ; le PSG l'emporte 2-1."),
    ("fr", "Le train part à 14 h 30 et arrive à 18h45 ; rendez-vous à 9 heures."),
    ("fr", "Publié le 12.03.2024 à 08:15\nMis à jour le 13 mars."),
    ("fr", "La mise à jour iOS 17.2 corrige le Bluetooth 5.3 ; voir l'art. 14.3 du code."),
    ("fr", "Selon Jean 3.16, cité par le prêtre ; l'adresse IP 192.168.1.10 a été bloquée."),
    ("fr", "Elle a couru le 1.500 m en 4 min 02 ; l'ISBN 978-2-07-036822-8 du livre."),
    ("fr", "Le voilier de 60 pieds a quitté Les Sables-d'Olonne ; l'avion volait à 10 000 pieds."),
    ("fr", "Il a écrit à son frère le 3 novembre 1962 ; la lettre est conservée à Lyon."),
    ("en", "The sample weighed 1.500 kg; version 2.100 shipped; 1,500 people came."),
    ("en", "The gymnast scored 14.533 points; the index gained 0.8% to close at 11,320 points."),
    ("en", "Growth slowed to 2.5% and inflation to 3.1 per cent, the bank said on 12 May."),
    ("en", "The council met at 7.30pm; the motion passed 12-3 and took effect on 1 June."),
    ("en", "She was seen onstage, offside and underway; the fans stood overnight."),
    ("en", "Verse 3.16 of John; article 14.3 of the treaty; iOS 17.2 is out."),
    ("es", "En Monterrey, 12,500 personas asistieron y el boleto subió 2.5%."),
    ("es", "En México, el déficit llega a 2.5 millones y la inflación al 4.3%."),
    ("es", "La pantalla mide 6.1 pulgadas en México y 6,1 pulgadas en España."),
    ("es", "Más de 38.000 personas; el paro bajó al 12,5%; 3,5 millones de euros."),
    ("es", "Cada mes, cada año; el conde y la sede; una ola de calor; que se quede en casa."),
    ("es", "Abre a las 9:40 a. m. y cierra a las 8 p. m.; la sesión empieza a las 20:15."),
    ("es", "La desigualdad y la deforestación preocupan; los trabajadores decantaban el vino."),
    ("es", "El Real Madrid ganó 2-1 y el partido empezó a las 21.00 horas."),
    ("de", "Das Gebäudeteil wurde renoviert, der Reisender wartete, die Lernenden kamen."),
    ("de", "Die Melodie, der Bruder und das Leder; Schroeder und Alexander trafen sich."),
    ("de", "Der Liter Super kostet 1,859 Euro; 1,5 Millionen Menschen; die Strecke misst 1,250 km."),
    ("de", "Vor 10.000 Zuschauern sang sie am 12.05.2024; 1.500 Menschen warteten draußen."),
    ("de", "Das Flugzeug flog in 30.000 Fuß Höhe; ein 40-Fuß-Container; er ging zu Fuß."),
    ("de", "Die Yacht misst 60 Fuß; 3 Meter (10 Fuß); der Zug fährt um 14.30 Uhr."),
    ("de", "Die Firma setzt auf Rechenzentren, Landwirtschaftsbetriebe und Wasserkraftwerke."),
    ("it", "Oltre 38.000 persone; il pezzo pesa 1,250 kg; 3,5 milioni; 2,5%."),
    ("it", "12.03.2024 – 08:15\nIl compositore è nato il 12 marzo 1951 a Voronež."),
    ("it", "Lo spettacolo inizia alle 21 e finisce alle 23.30; il biglietto costa 25 euro."),
    ("pt", "Mais de 38.000 pessoas; a peça pesa 1,250 kg; 3,5 milhões; 2,5%."),
    ("pt", "O jogo começa às 16h30 e o Benfica venceu por 2-1 no dia 12 de maio."),
    ("pt", "A Polícia Militar (PM) chegou às 8h; o PIB cresceu 1,2%."),
    ("fr", "Le Real s'impose 3-1, Mbappé marque à la 14e minute ; 45 000 spectateurs."),
]


@pytest.mark.parametrize(("lang", "text"), CLEAN)
def test_clean(lang: str, text: str) -> None:
    assert [(f.code, f.text) for f in _findings(text, lang)] == []


def test_clean_count() -> None:
    assert len(CLEAN) >= 40


@pytest.mark.parametrize(("lang", "text", "code", "span"), BAD)
def test_offsets(lang: str, text: str, code: str, span: str) -> None:
    for f in _findings(text, lang):
        assert text[f.start:f.end] == f.text


def test_inflected_form_of_a_known_prefixed_word_is_not_split() -> None:
    """« surproduits » is the plural of « surproduit », a word the lists know: not « sur produits »."""
    text = "Le disque aligne des morceaux surproduits, mais le groupe joue surscène avec fougue."
    assert [f.text for f in check_rules("MT525", text, "fr")] == ["surscène"]
