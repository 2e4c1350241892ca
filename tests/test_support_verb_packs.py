"""Kind ``support-verb`` in the es, it, pt and de packs (MT340, MT341, MT347, MT348): complete
paradigms, the suggestion that keeps tense and person, the German verb-final order, and the
correct uses that stay silent."""

from __future__ import annotations

import pytest

from checker.document import Document
from checker.engine import Engine
from checker.kinds.support_verb import compile_paradigms
from checker.rules import builtin_rules_dir, load_rules
from checker.wordlists import read_table

RULESET = load_rules([builtin_rules_dir()])
BY_CODE = {r.code: r for r in RULESET.rules}
CODES = {"es": "MT340", "it": "MT341", "pt": "MT347", "de": "MT348"}


def found(lang: str, text: str) -> list[tuple[str, str]]:
    doc = Document(text, "<test>", lang)
    result = Engine([BY_CODE[CODES[lang]]], RULESET.packs).check(doc)
    assert not result.failures, result.failures
    return [(f.text, f.suggestions[0] if f.suggestions else "") for f in result.findings]


@pytest.mark.parametrize("lang", sorted(CODES))
def test_paradigms_are_complete(lang: str) -> None:
    forms = compile_paradigms(read_table(builtin_rules_dir() / lang / "verb-forms.tsv"), lang)
    assert len(forms.forms) >= 20
    assert {"inf"} <= set(forms.slots)


@pytest.mark.parametrize(("lang", "text", "span", "suggestion"), [
    ("es", "Habían pagado poca atención a las señales.", "pagado poca atención", "prestado poca atención"),
    ("es", "Les pido que paguen más atención.", "paguen más atención", "presten más atención"),
    ("es", "Si tomáramos un paso atrás, perderíamos.", "tomáramos un paso", "diéramos un paso"),
    ("it", "L'incontro ha preso posto a Milano.", "preso posto", "avuto luogo"),
    ("it", "Ha chiesto troppe domande al ministro.", "chiesto troppe domande", "fatto troppe domande"),
    ("pt", "Ela tinha pago pouca atenção aos avisos.", "pago pouca atenção", "prestado pouca atenção"),
    ("pt", "Ela paga pouca atenção aos avisos.", "paga pouca atenção", "presta pouca atenção"),
    ("de", "Sie haben viele Fotos genommen.", "Fotos genommen", "Fotos gemacht"),
    ("de", "Er sagte, dass er eine Frage fragen wolle.", "Frage fragen", "Frage stellen"),
    ("de", "Die Reporterin fragte eine Frage.", "fragte eine Frage", "stellte eine Frage"),
])
def test_tense_and_person_are_kept(lang: str, text: str, span: str, suggestion: str) -> None:
    assert found(lang, text) == [(span, suggestion)]


@pytest.mark.parametrize(("lang", "text"), [
    ("es", "La ceremonia tuvo lugar en Madrid; cada invitado tomó su lugar en la mesa."),
    ("es", "Los rebeldes tomaron el paso tras duros combates; el seguro paga la atención médica."),
    ("it", "Al concerto hanno preso posto migliaia di persone, e a molti fa senso vedere i topi."),
    ("pt", "Os deputados tomaram lugar no hemiciclo e o plano faz sentido."),
    ("de", "Entscheidungen machen Mut, und die Krise macht die Entscheidung schwerer."),
    ("de", "Die nächsten Schritte nehmen Zeit; der Minister schlug ein Abkommen vor."),
    ("de", "Diese Frage fragen sich viele, und Aufmerksamkeit zahlt sich aus."),
])
def test_correct_uses_stay_silent(lang: str, text: str) -> None:
    assert found(lang, text) == []
