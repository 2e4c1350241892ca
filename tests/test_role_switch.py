"""role-switch (MT688 fr, MT689 es, MT690 it, MT691 pt): a performer or athlete introduced with a
role noun and a name, taken up later by the role in the other gender, is reported; a second
named person of the role, someone else's role (« du groupe »), an address, a quotation and a
sentence that names someone else stay silent."""

from __future__ import annotations

import pytest
from conftest import check_rules

BAD = [
    ("fr", "MT688", "La chanteuse Ayu Lestari a présenté son album. Elle y a travaillé trois ans. Le chanteur partira en tournée.", "Le chanteur"),
    ("fr", "MT688", "Le nageur Budi Santoso a battu le record. Il a salué son entraîneur. La nageuse a ensuite quitté le bassin.", "La nageuse"),
    ("fr", "MT688", "L'actrice Han Ji-woo a reçu le prix. Sur scène, l'acteur a remercié sa mère.", "l'acteur"),
    ("es", "MT689", "La cantante Ayu Lestari presentó su disco. Ella dijo que tardó tres años. El cantante anunció una gira.", "El cantante"),
    ("it", "MT690", "La cantante Ayu Lestari ha presentato il disco. Lei ha detto che è il suo migliore. Il cantante partirà in tour.", "Il cantante"),
    ("pt", "MT691", "A cantora Ayu Lestari apresentou o disco. Ela disse que levou três anos. O cantor anunciou uma turnê.", "O cantor"),
]

CLEAN = [
    ("fr", "MT688", "La chanteuse Ayu Lestari a présenté son album. Le chanteur Budi Santoso l'accompagnait. Le chanteur a repris un titre."),
    ("fr", "MT688", "La chanteuse Ayu Lestari a présenté son album. Le chanteur du groupe invité est monté sur scène."),
    ("fr", "MT688", "L'actrice Han Ji-woo a reçu le prix. Son compagnon Kim Do-yun était là. L'acteur a applaudi."),
    ("fr", "MT688", "La joueuse Ana Costa a marqué deux buts. Elle a été élue meilleure joueuse. « Le joueur qui m'a inspirée, c'est mon père », dit-elle."),
    ("fr", "MT688", "La présidente Ana Costa a ouvert la séance. Monsieur le Président, je vous remercie."),
    ("es", "MT689", "La cantante Ayu Lestari presentó su disco. El cantante del grupo invitado subió al escenario."),
    ("it", "MT690", "La cantante Ayu Lestari ha presentato il disco. Il cantante Marco Bassi l'ha accompagnata. Il cantante ha chiuso."),
    ("pt", "MT691", "A cantora Ayu Lestari apresentou o disco. O cantor da banda convidada subiu ao palco."),
]


@pytest.mark.parametrize(("lang", "code", "text", "span"), BAD)
def test_role_taken_up_in_the_other_gender_is_found(lang: str, code: str, text: str, span: str) -> None:
    found = check_rules(code, text, lang)
    assert [f.text for f in found] == [span]
    assert found[0].related is not None


@pytest.mark.parametrize(("lang", "code", "text"), CLEAN)
def test_other_people_and_other_roles_stay_silent(lang: str, code: str, text: str) -> None:
    assert check_rules(code, text, lang) == []
