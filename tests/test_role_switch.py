"""role-switch (MT688 fr, MT689 es, MT690 it, MT691 pt): a performer or athlete introduced with a
masculine role noun and a name, taken up later by the role in the feminine, is reported; a
woman named with the role, someone else's role (« du groupe »), an address, a quotation and a
sentence that names someone else stay silent. The other direction (a woman taken up in the
masculine) is left to the masculine-title rules, so one error is never reported twice."""

from __future__ import annotations

import pytest
from conftest import check_rules

BAD = [
    ("fr", "MT688", "Le chanteur Budi Santoso a présenté son album. Il y a travaillé trois ans. La chanteuse partira en tournée.", "La chanteuse"),
    ("fr", "MT688", "Le nageur Budi Santoso a battu le record. Il a salué son entraîneur. La nageuse a ensuite quitté le bassin.", "La nageuse"),
    ("fr", "MT688", "L'acteur Kim Do-yun a reçu le prix. Sur scène, l'actrice a remercié sa mère.", "l'actrice"),
    ("es", "MT689", "El cantante Budi Santoso presentó su disco. Él dijo que tardó tres años. La cantante anunció una gira.", "La cantante"),
    ("it", "MT690", "Il cantante Budi Santoso ha presentato il disco. Lui ha detto che è il suo migliore. La cantante partirà in tour.", "La cantante"),
    ("pt", "MT691", "O cantor Budi Santoso apresentou o disco. Ele disse que levou três anos. A cantora anunciou uma turnê.", "A cantora"),
]

CLEAN = [
    ("fr", "MT688", "Le chanteur Budi Santoso a présenté son album. La chanteuse Ayu Lestari l'accompagnait. La chanteuse a repris un titre."),
    ("fr", "MT688", "Le chanteur Budi Santoso a présenté son album. La chanteuse du groupe invité est montée sur scène."),
    ("fr", "MT688", "L'acteur Kim Do-yun a reçu le prix. Sa compagne Han Ji-woo était là. L'actrice a applaudi."),
    ("fr", "MT688", "Le joueur Pedro Costa a marqué deux buts. Il a été élu meilleur joueur. « La joueuse qui m'a inspiré, c'est ma sœur », dit-il."),
    ("fr", "MT688", "Le président Pedro Costa a ouvert la séance. Madame la Présidente, je vous remercie."),
    # a woman taken up in the masculine: the masculine-title rules' (MT437), not this one's
    ("fr", "MT688", "La chanteuse Ayu Lestari a présenté son album. Elle y a travaillé trois ans. Le chanteur partira en tournée."),
    ("es", "MT689", "El cantante Budi Santoso presentó su disco. La cantante del grupo invitado subió al escenario."),
    ("it", "MT690", "Il cantante Budi Santoso ha presentato il disco. La cantante Ayu Lestari l'ha accompagnato. La cantante ha chiuso."),
    ("pt", "MT691", "O cantor Budi Santoso apresentou o disco. A cantora da banda convidada subiu ao palco."),
]


@pytest.mark.parametrize(("lang", "code", "text", "span"), BAD)
def test_man_taken_up_in_the_feminine_is_found(lang: str, code: str, text: str, span: str) -> None:
    found = check_rules(code, text, lang)
    assert [f.text for f in found] == [span]
    assert found[0].related is not None


@pytest.mark.parametrize(("lang", "code", "text"), CLEAN)
def test_other_people_and_other_roles_stay_silent(lang: str, code: str, text: str) -> None:
    assert check_rules(code, text, lang) == []
