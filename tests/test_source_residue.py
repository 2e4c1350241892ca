"""Source-language residue of the eighteenth session: lowercase Cyrillic and Greek words (MT160),
Turkish endings after an apostrophe (MT640), honorifics (MT136), romanized fan words and words of
the closest Romance language (MT123, checker.kinds._close)."""

from __future__ import annotations

import pytest

from checker.kinds._close import close_word
from checker.linter import Linter

_CODES = ["MT123", "MT136", "MT160", "MT201", "MT202", "MT205", "MT206", "MT207", "MT640"]


def _found(text: str, lang: str) -> set[tuple[str, str]]:
    result = Linter(lang=lang, select=_CODES).check_text(text)
    return {(f.code, f.text) for f in result.findings}


@pytest.mark.parametrize(("lang", "text", "code", "span"), [
    ("fr", "Entre 2019 et 2021 гг. la récolte a doublé, selon le ministère.", "MT160", "гг."),
    ("en", "The plant produced 40 тыс. tonnes last year, the company said.", "MT160", "тыс."),
    ("fr", "Le rouble a chuté, т. е. les importations coûtent plus cher.", "MT160", "т. е."),
    ("fr", "Abonnez-vous : Подписаться на канал", "MT160", "Подписаться на канал"),
    ("en", "The ferry sank near Karaburun'da on Saturday, officials said.", "MT640", "Karaburun'da"),
    ("fr", "La police d'Ankara'nın a ouvert une enquête sur l'accident.", "MT640", "Ankara'nın"),
    ("es", "Los fans gritaban daebak cuando la banda salió del escenario en Seúl.", "MT123", "daebak"),
    ("es", "El goleiro del equipo paró dos penaltis en la final de la copa.", "MT123", "goleiro"),
    ("it", "Il concerto è stato un successo e el cantante ha ringraziato tutti.", "MT123", "el"),
])
def test_residue_is_reported(lang: str, text: str, code: str, span: str) -> None:
    assert (code, span) in _found(text, lang)


@pytest.mark.parametrize(("lang", "text"), [
    ("fr", "Vladimir Poutine (Путин) a reçu à Αθήνα le ministre grec ; В. В. Путин a parlé."),
    ("fr", "Le mot russe « дача » désigne une maison de campagne, et « Война и мир » (Guerre et Paix) est réédité."),
    ("en", "The γδ T cells and α-synuclein were studied by the lab in Boston."),
    ("fr", "Aujourd'hui, Lorsqu'un joueur arrive, Quelqu'un l'attend devant l'entrée du stade."),
    ("it", "Dell'Inter si parla molto. Quest'anno la squadra è forte. Nell'era moderna C'è chi vince."),
    ("en", "John's car, Shin'ya Yamanaka and Dar'ya Ivanova met in Xi'an and Hawai'i."),
    ("fr", "Le maknae, le plus jeune membre du groupe, a reçu un gâteau pour son anniversaire."),
    ("es", "El partido de ayer terminó con un golpe de efecto y la afición celebró en São Paulo."),
    ("pt", "O partido do governo perdeu a votação e a torcida festejou em Madrid, na Plaza de la Villa."),
])
def test_look_alikes_stay_silent(lang: str, text: str) -> None:
    assert not _found(text, lang)


def test_a_close_word_is_untranslated_not_a_non_word() -> None:
    found = _found("El club ganó 30 milhões de dólares con la venta del delantero al extranjero.", "es")
    assert ("MT123", "milhões") in found
    assert not [f for f in found if f[0] == "MT206"]


@pytest.mark.parametrize(("word", "doc", "close", "expected"), [
    ("goleiro", "es", "pt", True),
    ("ayer", "pt", "es", True),
    ("partido", "pt", "es", False),  # shared
    ("torcida", "es", "pt", False),  # a Spanish word too (torcido)
    ("golpe", "it", "es", False),  # Italian knows it
    ("de", "it", "es", False),  # too short: only in a phrase
])
def test_close_word(word: str, doc: str, close: str, expected: bool) -> None:
    assert close_word(word, doc, close) is expected
