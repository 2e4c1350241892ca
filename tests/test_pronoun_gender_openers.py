"""Pronoun gender (MT442 fr, MT443 de, MT444 it): a feminine role noun after a common word that
opens the sentence (German « Auch Vereinspräsidentin … »), French « Il » before a person's verb
read from the pack's list (« Il a annoncé »), Italian subject « Lui » before a verb; look-alikes
where the masculine is a man, a thing or an object pronoun stay silent."""

from __future__ import annotations

import pytest
from conftest import check_rules

BAD = [
    ("de", "MT443", "Auch Vereinspräsidentin Ayla Korkmaz zeigte sich zufrieden. Er kündigte neue Investitionen an.", "Er"),
    ("de", "MT443", "Doch Cheftrainerin Ayla Korkmaz war zufrieden. Er sagte, die Mannschaft habe gekämpft.", "Er"),
    ("fr", "MT442", "La présidente du club, Ayla Korkmaz, a assisté au match. Il a annoncé que le stade serait rénové.", "Il"),
    ("fr", "MT442", "La chanteuse Mira Santoso a quitté son label. Il a ensuite remercié ses fans sur Instagram.", "Il"),
    ("it", "MT444", "La band è guidata dalla cantante Ratna Wulandari. Lui è anche autore dei testi.", "Lui"),
    ("it", "MT444", "La regista Ratna Wulandari ha presentato il film a Venezia. Lui ha detto che il set è stato difficile.", "Lui"),
]

CLEAN = [
    ("de", "MT443", "Auch Vereinspräsidentin Ayla Korkmaz zeigte sich zufrieden. Trainer Jonas Brandt lobte das Team. Er kündigte Neuzugänge an."),
    ("de", "MT443", "Auch Vereinspräsidentin Ayla Korkmaz zeigte sich zufrieden. Sie kündigte Investitionen an."),
    ("fr", "MT442", "La présidente du club, Ayla Korkmaz, a assisté au match. Le rapport a été publié lundi. Il affirme que la dette a baissé."),
    ("fr", "MT442", "La présidente du club, Ayla Korkmaz, a assisté au match. Elle a annoncé que le stade serait rénové."),
    ("fr", "MT442", "La ministre Claire Dubois a reçu le maire Paul Girard. Il a annoncé des travaux dans sa commune."),
    ("it", "MT444", "La cantante Ratna Wulandari ha presentato l'album. Il produttore era con lei; con lui è nata un'amicizia."),
    ("it", "MT444", "La cantante Ratna Wulandari ha presentato l'album. Secondo lui è il disco migliore, dice il produttore Marco Bassi."),
    ("it", "MT444", "La cantante Ratna Wulandari ha presentato l'album. Lei è anche autrice dei testi."),
]


@pytest.mark.parametrize(("lang", "code", "text", "span"), BAD)
def test_masculine_pronoun_for_a_woman_is_found(lang: str, code: str, text: str, span: str) -> None:
    assert [f.text for f in check_rules(code, text, lang)] == [span]


@pytest.mark.parametrize(("lang", "code", "text"), CLEAN)
def test_look_alikes_stay_silent(lang: str, code: str, text: str) -> None:
    assert check_rules(code, text, lang) == []
