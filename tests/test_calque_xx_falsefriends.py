"""False friends and calques of news MT into it, es, pt, de and en (MT590-MT594), in every frame.

The rows of the domain tables are written for the frames machine translation produces
(any tense, a passive, a participle alone after its noun, any determiner). These tests run
small articles of our own: one with the calque in several frames (each frame found), one
where the same words are used correctly (silent).
"""

from __future__ import annotations

import pytest

from checker.document import Document
from checker.engine import Engine
from checker.rules import builtin_rules_dir, load_rules

RULESET = load_rules([builtin_rules_dir()])
CODES = {"en": "MT590", "es": "MT591", "de": "MT592", "it": "MT593", "pt": "MT594"}


def _found(text: str, lang: str) -> list[str]:
    rule = next(r for r in RULESET.rules if r.code == CODES[lang])
    result = Engine([rule], RULESET.packs).check(Document(text, "<ff>", lang))
    assert not result.failures, result.failures
    for f in result.findings:
        assert text[f.start:f.end] == f.text
    return [f.text for f in result.findings]


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("it", "La cantante rilascia oggi il suo secondo album. Il disco, registrato a Londra, è stato rilasciato "
           "in tutto il mondo. Nel 2019 aveva rilasciato un EP.",
     ["rilascia", "è stato rilasciato", "rilasciato"]),
    ("it", "Il singolo, uscito a marzo e poi rilasciato in vinile, ha tracciato al numero 5.",
     ["rilasciato", "tracciato"]),
    ("es", "El grupo liberará su nuevo disco en junio. El primer sencillo fue liberado ayer y trazó en el número 8.",
     ["liberará", "fue liberado", "trazó"]),
    ("pt", "A banda liberou um EP em 2020; o álbum, gravado no Rio, será liberado em maio.",
     ["liberou", "será liberado"]),
    ("de", "Das Debütalbum der Band wurde im März freigegeben, und die zweite Single kartierte auf Platz 9.",
     ["freigegeben", "kartierte"]),
])
def test_a_calque_in_several_frames(lang: str, text: str, expected: list[str]) -> None:
    assert _found(text, lang) == expected


CLEAN = {
    "it": """Il ministro ha rilasciato un'intervista al Corriere e il giudice ha rilasciato il permesso.
Gli ostaggi sono stati rilasciati all'alba; il documento viene rilasciato dal comune.
La band pubblicherà il nuovo album a maggio: il disco uscirà anche in vinile.
Il rigore ha caratterizzato la sua carriera; i tecnici hanno tracciato il confine.
L'allenatore è stato esonerato e il negozio è stato saccheggiato durante la rivolta.
Il primo atto dell'opera è breve. Ha atteso la sentenza in silenzio.
Il giudice ha sentenziato che il ricorso era inammissibile. Il marinaio ha legato la cima al molo.""",
    "es": """La policía liberó a los rehenes y el periodista fue liberado tras tres días.
La cantante lanzó su nuevo álbum en mayo y el sencillo salió el viernes.
Un sonido oscuro caracteriza el disco. El arquitecto trazó en el plano la nueva calle.
La tienda fue saqueada durante los disturbios. El marinero ató el nudo del cabo.
El contrato de grabación se firmó en Madrid. Se declaró culpable ante el juez.
La película, protagonizada por Tom Hanks, recaudó veinte millones en taquilla.
El técnico colocó una abrazadera en la tubería del vestuario.""",
    "pt": """A polícia liberou os reféns; o jornalista foi liberado ontem e a verba foi liberada.
A cantora lançou o novo álbum em maio. Um som sombrio caracteriza o disco.
O capitão recebeu a braçadeira antes do jogo. O médico atendeu a paciente.
A loja foi saqueada durante o tumulto. O celular topo de linha chega em março.
O contrato de registro do imóvel foi assinado no cartório.""",
    "de": """Der Gefangene wurde freigelassen; die Straße wurde für den Verkehr freigegeben.
Der Song wurde zum Download freigegeben. Das Album erschien am 12. Mai.
Der Laden wurde während der Unruhen geplündert. Die Klammer hält das Blatt.
Er markierte das 1:0 in der zehnten Minute. Das Vermögen des Sängers ist groß.
Die Wanderer kartierten die Route im Gebirge.""",
    "en": """The minister assured the public that the bridge is safe; rest assured that it is.
For your information, the bridge was built in 1980. The matter was discussed by the council.
The famous actress shared a photo from the beach. The police held an awareness campaign.
Socialization of puppies matters. The photo drew a lot of attention online.""",
}


@pytest.mark.parametrize("lang", sorted(CLEAN))
def test_the_same_words_used_correctly_stay_silent(lang: str) -> None:
    assert _found(CLEAN[lang], lang) == []
