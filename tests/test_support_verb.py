"""Kind ``support-verb`` (MT338 fr, MT339 en): a noun with the support verb of the source language.

Forms and slots, the suggestion that keeps tense and person, the gap (``det``), the order of
noun and verb, conditions, validation of bad rows and paradigms, offsets."""

from __future__ import annotations

import itertools
from pathlib import Path

import pytest
from conftest import assert_linear, check_rules
from hypothesis import given, settings
from hypothesis import strategies as st

from checker.document import Document
from checker.engine import Engine
from checker.kinds.support_verb import compile_paradigms
from checker.rules import builtin_rules_dir, load_rules

RULESET = load_rules([builtin_rules_dir()])
BY_CODE = {r.code: r for r in RULESET.rules}


def found(code: str, text: str, lang: str) -> list[tuple[str, tuple[str, ...]]]:
    doc = Document(text, "<test>", lang)
    result = Engine([BY_CODE[code]], RULESET.packs).check(doc)
    assert not result.failures, result.failures
    for f in result.findings:
        assert doc.text[f.start : f.end] == f.text
    return [(f.text, tuple(f.suggestions)) for f in result.findings if f.code == code]


# --- a small rule of its own, built from files written here ----------------------------------

FORMS = """\
faire\tinf\tfaire
faire\tpres-3s\tfait
faire\tpp\tfait
faire\tpast\tfit
prendre\tinf\tprendre
prendre\tpres-3s\tprend
prendre\tpp\tpris
prendre\tpast\tprit
machen\tinf\tmachen
machen\tpres-3s\tmacht
machen\tpp\tgemacht
machen\tpast\tmachte
treffen\tinf\ttreffen
treffen\tpres-3s\ttrifft
treffen\tpp\tgetroffen
treffen\tpast\ttraf
"""


RULE = """code = "MT999"
name = "support-verb"
category = "calque"
severity = "minor"
kind = "support-verb"
message = "{{text}} -> {{suggestion}}"
why = "A test rule."

[params]
{params}
"""


_RUNS = itertools.count()


def run(tmp_path: Path, rows: str, text: str, forms: str = FORMS, params: str = 'det = "(?:une |la |l\' ?)?"',
        lang: str = "fr") -> list[tuple[str, tuple[str, ...]]]:
    """The findings of a support-verb rule made of `rows` and `forms` on `text`: (text, suggestions)."""
    root = tmp_path / f"r{next(_RUNS)}"  # a fresh root per call: rule sets are kept per directory
    pack = root / lang
    pack.mkdir(parents=True)
    (pack / "pack.toml").write_text(f'lang = "{lang}"\nversion = "0.0.1"\n', encoding="utf-8")
    (pack / "support-verb.toml").write_text(RULE.format(params=params), encoding="utf-8")
    (pack / "support-verbs.tsv").write_text(rows, encoding="utf-8")
    (pack / "verb-forms.tsv").write_text(forms, encoding="utf-8")
    ruleset = load_rules([root])
    doc = Document(text, "<test>", lang)
    result = Engine(list(ruleset.rules), ruleset.packs).check(doc)
    assert not result.failures, result.failures
    for f in result.findings:
        assert doc.text[f.start : f.end] == f.text
    return [(f.text, tuple(f.suggestions)) for f in result.findings]


EX = "bad=x [[fait une décision]]\tgood=prendre une décision"
ROW = f"en\tdécisions?\tfaire\tprendre\t{EX}\n"


def test_every_form_and_the_same_slot(tmp_path: Path) -> None:
    text = "Il fait une décision. Il a fait la décision. Elle fit une décision. Faire une décision."
    assert run(tmp_path, ROW, text) == [
        ("fait une décision", ("prend une décision",)),  # « fait »: pres-3s, first in the file
        ("fait la décision", ("prend la décision",)),  # no slot_left: the auxiliary is not read
        ("fit une décision", ("prit une décision",)),
        ("Faire une décision", ("Prendre une décision",)),
    ]


def test_slot_left_picks_the_participle_after_an_auxiliary(tmp_path: Path) -> None:
    params = 'det = "(?:une |la )?"\n[params.slot_left]\npp = "(?:a|ont|avait)(?: (?:déjà|pas))?"'
    text = "Il a fait une décision. Il fait une décision. Ils ont déjà fait la décision. La fait une décision."
    assert run(tmp_path, ROW, text, params=params) == [
        ("fait une décision", ("pris une décision",)),
        ("fait une décision", ("prend une décision",)),
        ("fait la décision", ("pris la décision",)),
        ("fait une décision", ("prend une décision",)),  # « La » ends in « a » but is not « a »
    ]


def test_gap_det_override_and_empty_det(tmp_path: Path) -> None:
    rows = ROW + f"en\tsens\tfaire\tprendre\tdet=\t{EX}\n"
    assert run(tmp_path, rows, "Cela fait sens.") == [("fait sens", ("prend sens",))]
    assert run(tmp_path, rows, "Cela fait un sens.") == []  # det= : nothing between
    assert run(tmp_path, rows, "Il fait l'décision.") == [("fait l'décision", ("prend l'décision",))]
    assert run(tmp_path, rows, "Il fait cette décision.") == []  # not in the rule's det
    rows = f"en\tdécisions?\tfaire\tprendre\tdet=(?:cette )?\t{EX}\n"
    assert run(tmp_path, rows, "Il fait cette décision.") == [("fait cette décision", ("prend cette décision",))]
    assert run(tmp_path, rows, "Il fait une décision.") == []


def test_whole_words_only(tmp_path: Path) -> None:
    assert run(tmp_path, ROW, "Il défait une décision ; il fait une décisionnaire.") == []


def test_noun_verb_and_both_orders(tmp_path: Path) -> None:
    rows = f"en\tEntscheidung(?:en)?\tmachen\ttreffen\tdet=(?:eine |die )?\t{EX}\n"
    assert run(tmp_path, rows, "Er macht eine Entscheidung.", params='order = "both"', lang="de") == [
        ("macht eine Entscheidung", ("trifft eine Entscheidung",))]
    assert run(tmp_path, rows, "Er hat die Entscheidung gemacht.", params='order = "both"', lang="de") == [
        ("Entscheidung gemacht", ("Entscheidung getroffen",))]
    assert run(tmp_path, rows, "Er macht eine Entscheidung.", params='order = "noun-verb"', lang="de") == []


def test_suggest_cell_and_several_right_verbs(tmp_path: Path) -> None:
    rows = f"en\tdécisions?\tfaire\tprendre|faire\t{EX}\n"
    with pytest.raises(Exception, match="both wrong and right"):
        run(tmp_path, rows, "x")
    rows = f"en\tvisites?\tprendre\tfaire\tsuggest={{}} \\g<n>|rendre visite\t{EX}\n"
    assert run(tmp_path, rows, "Il prit une visite.") == [("prit une visite", ("fit visite", "rendre visite"))]


def test_conditions_of_sense_table(tmp_path: Path) -> None:
    rows = f"en\tdécisions?\tfaire\tprendre\tnotright=de justice\tdoc=conseil\t{EX}\n"
    assert run(tmp_path, rows, "Le conseil fait une décision.") == [("fait une décision", ("prend une décision",))]
    assert run(tmp_path, rows, "Le juge fait une décision.") == []
    assert run(tmp_path, rows, "Le conseil fait une décision de justice.") == []
    rows = f"en\tdécisions?\tfaire\tprendre\tslots=pres,inf\t{EX}\n"
    assert run(tmp_path, rows, "Il fit une décision. Il fait une décision.") == [
        ("fait une décision", ("prend une décision",))]


@pytest.mark.parametrize(("rows", "forms", "message"), [
    ("en\tdécisions?\tfare\tprendre\t" + EX + "\n", FORMS, "fare missing in the verb forms"),
    ("en\tdécisions?\tfaire\tprendre\tbad=[[fait une décision]]\n", FORMS, "bad= and a good="),
    ("en\tdécisions?\tfaire\tprendre\tgood=prendre\n", FORMS, "bad= and a good="),
    ("en\tdécisions?(\tfaire\tprendre\t" + EX + "\n", FORMS, "décisions"),
    ("en\tdécisions?\tfaire\tprendre\tdet=(?:une\t" + EX + "\n", FORMS, "décisions"),
    ("en\tdécisions?\tfaire\tprendre\tweird=1\t" + EX + "\n", FORMS, "bad cell"),
    ("en\tdécisions?\tfaire\n", FORMS, "a row is source"),
    ("en\tdécisions?\tfaire\tprendre\tslots=futur\t" + EX + "\n", FORMS, "slots= names no slot"),
    (ROW, FORMS.replace("prendre\tpast\tprit\n", ""), "prendre: missing slot"),
    (ROW, FORMS + "faire\tpp\tfaite\n", "slot given twice"),
    (ROW, FORMS + "faire\tcond\tFerait\n", "bad form"),
])
def test_bad_rows_are_rule_errors(tmp_path: Path, rows: str, forms: str, message: str) -> None:
    with pytest.raises(Exception, match=message):
        run(tmp_path, rows, "Il fait une décision.", forms=forms)


def test_paradigms_of_the_packs_are_complete() -> None:
    from checker.wordlists import read_table

    for lang in ("fr", "en"):
        forms = compile_paradigms(read_table(builtin_rules_dir() / lang / "verb-forms.tsv"), lang)
        assert len(forms.forms) >= 5
        assert {"inf"} <= set(forms.slots)


# --- the French and English packs ---------------------------------------------------------------


@pytest.mark.parametrize(("text", "span", "suggestion"), [
    ("Un élu a demandé une question au ministre.", "demandé une question", "posé une question"),
    ("Demandez une question !", "Demandez une question", "Posez une question"),
    ("Les deux pays atteindront un accord.", "atteindront un accord", "concluront un accord"),
    ("Le maire n'a pas gardé sa promesse.", "gardé sa promesse", "tenu sa promesse"),
    ("Les élèves prenaient l'examen.", "prenaient l'examen", "passaient l'examen"),
    ("Il a fait un crime.", "fait un crime", "commis un crime"),  # « fait » after « a »: the participle
    ("Il fait un crime.", "fait un crime", "commet un crime"),
])
def test_french_pack_keeps_tense_and_person(text: str, span: str, suggestion: str) -> None:
    [(got, suggestions)] = found("MT338", text, "fr")
    assert (got, suggestions[0]) == (span, suggestion)


@pytest.mark.parametrize(("text", "span", "suggestion"), [
    ("Tourists made photos of the cathedral.", "made photos", "took photos"),
    ("Tourists have made photos of the cathedral.", "made photos", "taken photos"),
    ("They've already made photos of the cathedral.", "made photos", "taken photos"),
    ("Tourists are making photos of the cathedral.", "making photos", "taking photos"),
    ("The club did a final decision.", "did a final decision", "made a final decision"),
])
def test_english_pack_keeps_tense(text: str, span: str, suggestion: str) -> None:
    assert found("MT339", text, "en") == [(span, (suggestion,))]


def test_english_complements_stay_silent() -> None:
    assert found("MT339", "The school made homework optional, and did the decision matter?", "en") == []


# --- offsets and cost ------------------------------------------------------------------------------

PHRASES = ["a demandé une question", "Demandez\u00a0une question", "atteint un\u202faccord", "fait un crime",
           "a fait\r\nun crime", "made photos", "has made a photo", "did a  mistake", "gave positive for", "ÉTÉ",
           "l'examen", "prennent l’examen", "célébrera des élections"]
AWKWARD = ["😀", "e\u0301", "\u00a0", "\u202f", "\u200b", "\r\n", "\n", "\t", "İ", "ß", "’", "«", "»"]
texts = st.lists(st.one_of(st.sampled_from(PHRASES), st.sampled_from(AWKWARD), st.text(max_size=3), st.just(" ")),
                 max_size=30).map("".join)


@settings(max_examples=150, deadline=None)
@given(texts)
def test_offsets_give_back_the_reported_text(text: str) -> None:
    for lang, code in (("fr", "MT338"), ("en", "MT339")):
        for f in check_rules(code, text, lang):  # check_rules asserts text[start:end] == f.text
            assert f.suggestions


def test_linear_on_repeated_verbs_and_gaps() -> None:
    make = lambda n: "Il a fait une " * n + "décision. " + "Ils ont demandé la la la " * n + "question."  # noqa: E731
    assert_linear(lambda text: check_rules("MT338", text, "fr"), make, 2_000)
    make_en = lambda n: "they made the the " * n + "photos and did a " * n + "mistake."  # noqa: E731
    assert_linear(lambda text: check_rules("MT339", text, "en"), make_en, 2_000)
