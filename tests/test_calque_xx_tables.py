"""Domain calques (MT590–MT594) and literal infobox labels (MT409): their context conditions.

The row examples (tests/test_calque_row_examples.py) show each row once; these tests
check properties every row of the new tables must keep, and run whole clean articles in
our own words, full of the same words used correctly, through the new rules.
"""

from __future__ import annotations

import re

import pytest

from checker.document import Document
from checker.engine import Engine
from checker.kinds.glossary import row_examples
from checker.rules import builtin_rules_dir, load_rules
from checker.wordlists import read_table

RULESET = load_rules([builtin_rules_dir()])
DOMAIN_CODES = ("MT590", "MT591", "MT592", "MT593", "MT594")
_MARK = re.compile(r"\[\[(.+?)\]\]")
_CONDITION = re.compile(r"^(?:left|right|notleft|notright|doc|notdoc)=")


def _rule(code: str):
    return next(r for r in RULESET.rules if r.code == code)


def _findings(codes: tuple[str, ...], text: str, lang: str) -> list[tuple[str, str]]:
    rules = [_rule(c) for c in codes]
    result = Engine(rules, RULESET.packs).check(Document(text, "<trap>", lang))
    assert not result.failures, result.failures
    for f in result.findings:
        assert text[f.start:f.end] == f.text
    return [(f.code, f.text) for f in result.findings]


def _cell(text: str) -> str:
    return text.replace("\\n", "\n").replace("\\t", "\t")


def test_the_domain_rules_are_calque_rules() -> None:
    for code in DOMAIN_CODES:
        rule = _rule(code)
        assert rule.category == "calque" and rule.kind == "sense-table"
        assert len(read_table(rule.resolve(rule.params["table"]))) >= 40


@pytest.mark.parametrize("code", DOMAIN_CODES)
def test_every_domain_row_has_a_context(code: str) -> None:
    """A row is a phrase of several words (or a hyphenated compound), a word with a condition on
    its surroundings, or a coinage that the language's word list does not know (German compounds
    such as « Titelspur »): a bare common word would fire on clean text."""
    from wordfreq import zipf_frequency

    rule = _rule(code)
    lang = rule.pack.lang
    bare = []
    for row in read_table(rule.resolve(rule.params["table"])):
        conditions = [c for c in row[3:] if _CONDITION.match(c)]
        bad, _ = row_examples(row)
        m = _MARK.search(bad[0])
        assert m is not None, row[1]
        span = m.group(1)
        if conditions or " " in span or "-" in span:
            continue
        if zipf_frequency(span, lang) >= 1.0:
            bare.append(span)
    assert not bare, f"common single words without a context condition: {bare}"


def _label_rows() -> list:
    rule = _rule("MT409")
    rows = []
    for n, row in enumerate(read_table(rule.resolve(rule.params["table"]))):
        bad, _ = row_examples(row)
        if bad and any(c.startswith("left=\\n") for c in row[3:]):
            lang = next(c.split("=", 1)[1] for c in row if c.startswith("lang="))
            rows.append(pytest.param(_cell(bad[0]), lang, id=f"row{n}"))
    return rows


@pytest.mark.parametrize(("bad", "lang"), _label_rows())
def test_a_label_is_only_a_label_at_the_start_of_its_line(bad: str, lang: str) -> None:
    """The same words after other words on their line (prose, a caption) are not a label."""
    m = _MARK.search(bad)
    assert m is not None
    line_start = bad.rfind("\n", 0, m.start()) + 1
    prose = bad[:line_start] + "Lire aussi " + bad[line_start:m.start()] + m.group(1) + bad[m.end():]
    plain = bad[: m.start()] + m.group(1) + bad[m.end():]
    assert ("MT409", m.group(1)) in _findings(("MT409",), plain, lang)
    assert _findings(("MT409",), prose, lang) == []


TRAPS = {
    "es": """El Gobierno mantuvo su postura ante la crisis y la aldea sigue bajo fuego enemigo.
El puerto de Valencia y la construcción del nuevo estadio avanzan; el intercambio de prisioneros se aplazó.
La corrida de toros de San Isidro llenó Las Ventas. La etiqueta del vino indica su origen.
Dirigida por Pedro Almodóvar, la película se estrenó en Madrid. Escrita por dos hermanas, la novela ganó un premio.
El primer cuarto del siglo dejó crisis encadenadas; el cuarto de baño estaba inundado.
El delantero del Real Madrid marcó dos goles y celebró con su hoja de ruta cumplida.
Tiene una apariencia especial, dijo su madre, que le recordó su vida en el campo.
Una película basada en hechos reales y una dieta basada en legumbres.
Nacimiento: 4 de mayo de 1971
Ocupación: periodista
Hijos: 2""",
    "it": """Il villaggio è sotto il fuoco nemico; il governo resta fermo di fronte alla crisi.
Il porto di Genova e la costruzione del ponte vanno avanti; lo scambio di prigionieri è rinviato.
La rock band inglese e la pop star americana hanno suonato a Milano; il lato di Guardiola che nessuno conosce.
Diretto da un giovane maestro, il coro ha vinto. Scritto da due sorelle, il romanzo ha vinto un premio.
L'avviso è stato pubblicato attraverso Instagram. Un fondo di copertura dei rischi sanitari.
Il primo quarto del secolo è stato duro. L'apparizione come ospite del cantante è piaciuta.
Nascita: 4 maggio 1971
Professione: giornalista
Figli: 2""",
    "pt": """A aldeia está sob fogo inimigo; o governo manteve-se firme diante da crise.
O porto de Santos e a construção do estádio avançam; a troca de prisioneiros foi adiada.
A corrida de touros em Vila Franca encheu a praça. A etiqueta do vinho indica a origem.
Dirigido por uma jovem cineasta, o filme estreou em Lisboa. Escrito por duas irmãs, o romance venceu.
O primeiro quarto do século foi duro. Tem uma aparência especial, disse a mãe.
O ato de abertura dos Jogos foi longo; o quadro de diretores da empresa mudou.
Um filme baseado em fatos reais. Segurava o copo na outra mão.
Nascimento: 4 de maio de 1971
Ocupação: jornalista
Filhos: 2""",
    "de": """Das Dorf liegt unter Feuer der Artillerie; die Regierung blieb angesichts der Krise standhaft.
Der Hafen von Kiel und der Bau des Stadions gehen voran; er stand an Tuchels Seite.
Der Eröffnungsakt des Festivals war kurz. Der Sicherungsfonds der Banken greift.
Geschrieben von zwei Schwestern, gewann der Roman einen Preis. Das Etikett der Flasche ist neu.
Das erste Viertel des Jahrhunderts war hart. Sie sucht frühen Zugang zu Bildung für Kinder.
Ein Cloud-basiertes System; eine Schießerei in der Innenstadt.
Geboren: 4. Mai 1971
Beruf: Journalistin
Kinder: 2""",
    "en": """The couple's son, a singer and also an actor, posted on social media.
He scored the goal of the tie, then the club celebrated a league and cup double.
The subject of the talks was trade; the detained man was released on bail.
The strategist of the campaign resigned. Declarations to Congress were filed on Monday.
The police number 300 officers in the district; traffic police stopped the car.
Born: 4 May 1971
Occupation: journalist
Children: 2
Genres: pop
Gender: female""",
}


@pytest.mark.parametrize("lang", sorted(TRAPS))
def test_clean_journalism_stays_silent(lang: str) -> None:
    codes = ("MT409",) + tuple(c for c in DOMAIN_CODES if _rule(c).pack.lang in (lang, None) or _rule(c).lang == lang)
    assert _findings(codes, TRAPS[lang], lang) == []


@pytest.mark.parametrize(("lang", "text", "expected"), [
    ("es", "La cantante firmó con la etiqueta Universal y grabó la pista de título en Miami.",
     [("MT591", "etiqueta"), ("MT591", "pista de título")]),
    ("it", "Il gestore del Chelsea ha lodato la squadra dopo il tempo di infortunio della partita.",
     [("MT593", "gestore"), ("MT593", "tempo di infortunio")]),
    ("pt", "O gerente do Arsenal elogiou o grevista norueguês, autor de dois gols.",
     [("MT594", "gerente"), ("MT594", "grevista")]),
    ("de", "Der Verein verhandelt nach der Leihe über einen permanenten Deal mit dem Spieler.",
     [("MT592", "permanenten Deal")]),
    ("en", "The also singer gave to know that she will tour Europe.",
     [("MT590", "The also singer"), ("MT590", "gave to know")]),
])
def test_domain_calques_in_an_article(lang: str, text: str, expected: list[tuple[str, str]]) -> None:
    codes = tuple(c for c in DOMAIN_CODES if _rule(c).pack.lang == lang)
    assert _findings(codes, text, lang) == expected
