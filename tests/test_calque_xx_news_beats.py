"""The news-beat rows of the domain tables (MT590-MT594, section "(2026, s6)"): families of calques.

Machine translation of entertainment, biography, football and society news into it, es, pt,
de and en (and Turkish speech into German) copies the source's stock phrases word for word.
The rows of the s6 sections are written as families of surface variants (tense, person,
article, a word between). Each row carries its own examples (tests/test_calque_row_examples.py);
here: every language has at least 40 such rows, each with a context, and articles of our own
are checked as a whole: a machine-translated digest (every calque found, exact offsets, in
several frames) and a clean article that uses the same words rightly (silent).
"""

from __future__ import annotations

import re

import pytest
from conftest import builtin_ruleset, check_rules

from checker.kinds.glossary import row_examples

CODES = {"en": "MT590", "es": "MT591", "de": "MT592", "it": "MT593", "pt": "MT594"}
_SECTION = re.compile(r"^# --- \(2026, s6\)")
_MARK = re.compile(r"\[\[(.+?)\]\]")
_CONDITION_KEYS = ("left", "right", "notleft", "notright", "doc", "notdoc", "topic", "notopic")


def _rule(lang: str):
    return next(r for r in builtin_ruleset().rules if r.code == CODES[lang])


def _s6_rows(lang: str) -> list[list[str]]:
    rule = _rule(lang)
    rows, inside = [], False
    for line in rule.resolve(rule.params["table"]).read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            inside = inside or bool(_SECTION.match(line))
            continue
        if inside and line.strip():
            rows.append([c.strip() for c in line.split("\t")])
    return rows


def _found(lang: str, text: str) -> list[str]:
    found = check_rules(CODES[lang], text, lang, path="<beat>")
    for f in found:
        assert f.suggestions, f.text
    return [f.text for f in found]


@pytest.mark.parametrize("lang", sorted(CODES))
def test_each_language_has_forty_beat_rows_with_context_and_examples(lang: str) -> None:
    rows = _s6_rows(lang)
    assert len(rows) >= 40, (lang, len(rows))
    from wordfreq import zipf_frequency

    for row in rows:
        bad, good = row_examples(tuple(row))
        assert bad and good, (lang, row[1])
        conditions = [c for c in row[3:] if c.partition("=")[0] in _CONDITION_KEYS]
        span = _MARK.search(bad[0])
        assert span is not None, (lang, row[1])
        # A bare word would fire on its right use: a phrase, a condition, or a coinage no word list knows.
        assert conditions or " " in span.group(1) or zipf_frequency(span.group(1), lang) < 1.0, (lang, row[1])


@pytest.mark.parametrize("lang", sorted(CODES))
def test_no_beat_row_is_written_twice(lang: str) -> None:
    patterns = [row[1] for row in _s6_rows(lang)]
    assert len(patterns) == len(set(patterns))


# Machine-translated digests, written for this test: one calque family in several frames.
MT = {
    "it": (
        "Il video della cantante è andato virale e i biglietti sono stati venduti fuori in un'ora. "
        "Il giorno dopo ha preso a Instagram per ringraziare i fan. Nel 2015 è stata indotta nella "
        "Rock and Roll Hall of Fame; l'anno prima era uscita come bisessuale. Il nuovo album è impostato per "
        "uscire a maggio. Nella partita, il portiere ha compiuto due salvataggi e l'attaccante ha segnato "
        "dentro la scatola.",
        ["è andato virale", "sono stati venduti fuori", "ha preso a Instagram", "indotta nella",
         "era uscita come bisessuale", "è impostato per", "compiuto due salvataggi", "dentro la scatola"],
    ),
    "es": (
        "El vídeo se fue viral y las entradas fueron vendidas fuera en una hora. La cantante tomó a Instagram "
        "para agradecer a sus fans. En 2015 fue inducida al Salón de la Fama; un año antes había salido como "
        "bisexual. El nuevo disco está configurado para lanzar en mayo. En el partido, el portero hizo dos "
        "salvamentos y el delantero marcó desde fuera de la caja.",
        ["se fue viral", "fueron vendidas fuera", "tomó a Instagram", "inducida al", "había salido como bisexual",
         "está configurado para", "hizo dos salvamentos", "desde fuera de la caja"],
    ),
    "pt": (
        "O vídeo foi viral nas redes e os ingressos foram vendidos fora em uma hora. A cantora levou ao Instagram "
        "para agradecer aos fãs. Em 2015 foi induzida ao Hall da Fama; um ano antes tinha saído como bissexual. "
        "O novo álbum está definido para lançar em maio. Na partida, o goleiro fez duas defesas e um salvamento, "
        "e o atacante marcou de dentro da caixa.",
        ["foi viral", "foram vendidos fora", "levou ao Instagram", "induzida ao", "tinha saído como bissexual",
         "está definido para", "de dentro da caixa"],
    ),
    "de": (
        "Die Sängerin nahm zu Instagram, um sich zu bedanken, und kam 2018 als bisexuell heraus. Der Film trifft "
        "die Kinos am Freitag. Unser Präsident Recep Tayyip Erdoğan befand sich in Bewertungen zur Lage und "
        "beendete seine Worte wie folgt: „Wir sind stark.“ In der 80. Minute lüftete Icardi die Netze, und "
        "Galatasaray schrieb die drei Punkte in sein Haus.",
        ["nahm zu Instagram", "als bisexuell heraus", "trifft die Kinos", "Unser Präsident",
         "befand sich in Bewertungen", "beendete seine Worte wie folgt", "lüftete Icardi die Netze",
         "schrieb die drei Punkte in sein Haus"],
    ),
    "en": (
        "Messi scored in the minute 23 and the Argentine crack added a second before Ramos got the goal of honor "
        "late in the match. The singer took out a new single and exhausted the tickets for both nights. "
        "Police said the delinquents assaulted a pharmacy with a white weapon. The two idols are in the stage "
        "of getting to know each other, and fans praised her appearance level.",
        ["in the minute 23", "Argentine crack", "goal of honor", "took out a new single", "exhausted the tickets",
         "the delinquents", "assaulted a pharmacy", "white weapon", "in the stage of getting to know each other",
         "her appearance level"],
    ),
}


@pytest.mark.parametrize("lang", sorted(MT))
def test_a_machine_translated_digest_is_caught_in_every_frame(lang: str) -> None:
    text, expected = MT[lang]
    assert _found(lang, text) == expected


# Clean journalism, written for this test: the same words where they are right.
CLEAN = {
    "it": (
        "Il video della cantante è diventato virale e i biglietti sono andati esauriti in un'ora; il vino è venduto "
        "fuori dall'Italia. La febbre è passata via in fretta. Nella partita il portiere ha fatto tre parate; il regalo "
        "era nella scatola. La crisi è dovuta a un guasto e il telefono è impostato per ricevere avvisi. Il club ha "
        "sostenuto la candidatura; un agente di polizia locale ha fermato l'auto. Il suo nome di battesimo è Anna."
    ),
    "es": (
        "El vídeo se hizo viral y las entradas se agotaron; el vino es vendido fuera de España. El retraso se debe a "
        "una avería y el teléfono está configurado para recibir avisos. El portero hizo tres paradas; el regalo "
        "estaba en la caja. La bala pasó lejos de él. Se abrió la tienda sobre la plaza. El disco es esperado "
        "para el verano y el avión aterrizó en Madrid."
    ),
    "pt": (
        "O vídeo viralizou e os ingressos esgotaram; o vinho é vendido fora do país. O atraso é devido a uma avaria "
        "e o telefone está configurado para receber alertas. O goleiro fez três defesas; o presente estava na caixa. "
        "O governo foi conduzido sob a influência de Keynes. O álbum é esperado para o verão e o avião aterrissou "
        "em Lisboa."
    ),
    "de": (
        "Die Rechnung ist fällig. Die Regel wurde 2015 eingeführt, und die Klausel wurde unwirksam gemacht. Die Luke "
        "öffnete sich über ihm. Die Polizei fand Spuren des Täters, die Partei erlebte einen großen Bruch. Er fuhr "
        "unter dem Einfluss von Drogen; sechs Monate auf Probe im neuen Job. In der 12. Woche der Schwangerschaft."
    ),
    "en": (
        "Wait a minute, 23 people came. The club disputed the referee's decision. Police found a Colombian crack "
        "house and used cadaver dogs. A juvenile delinquent assaulted a bus driver. The virus mutated quickly, and "
        "the left lateral ventricle was enlarged. Citizenship was granted in May. The long tour exhausted the crew, "
        "and she took out a loan."
    ),
}


@pytest.mark.parametrize("lang", sorted(CLEAN))
def test_the_same_words_in_clean_journalism_stay_silent(lang: str) -> None:
    assert _found(lang, CLEAN[lang]) == []
