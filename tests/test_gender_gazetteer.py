"""Given-name gazetteers of the gender kinds, the reporting clause after a quotation, the
masculine friend or relative before a woman's name: hits and clean-text traps (own words)."""

from __future__ import annotations

from pathlib import Path

import pytest

from checker.document import Document
from checker.engine import Engine
from checker.kinds._given_names import gazetteer, given_slot
from checker.rules import builtin_rules_dir, load_rules

RULESET = load_rules([builtin_rules_dir()])
COMMON = builtin_rules_dir() / "common"


def _found(text: str, lang: str, codes: set[str]) -> list[tuple[str, str]]:
    engine = Engine([r for r in RULESET.rules if r.code in codes], RULESET.packs)
    found = engine.check(Document(text, "x.txt", lang)).findings
    for f in found:
        assert text[f.start : f.end] == f.text
    return [(f.code, f.text) for f in found]


# --- the tables ----------------------------------------------------------------------------------


def test_gazetteer_tables_are_consistent() -> None:
    gen = gazetteer((COMMON / "given-names.tsv",))
    extra = gazetteer((COMMON / "given-names-extra.tsv",))
    assert len(gen) > 20000 and len(extra) > 400
    assert set(gen.values()) <= {"f", "m"} and set(extra.values()) <= {"f", "m"}
    # Curated tables win: the generated one repeats no name they decide.
    curated = {row.split("\t")[0].casefold() for row in (COMMON / "first-names.tsv").read_text().splitlines() if row and not row.startswith("#")}
    assert not curated & set(gen)
    # Common words and frequent surnames are left out of the generated table.
    for word in ("rose", "paris", "florence", "garcia", "martin", "victoria"):
        assert word not in gen


def test_first_table_decides() -> None:
    merged = gazetteer((COMMON / "given-names-extra.tsv", COMMON / "given-names.tsv"))
    assert merged["chae-won"] == "f" and merged["haeun"] == "f"
    assert merged["do-yoon"] == "m"


def test_given_slot() -> None:
    assert given_slot("sevim", True)
    assert not given_slot("sevim", False)
    assert given_slot("ji-eun", False)


# --- English pronouns: gazetteer names -----------------------------------------------------------


def test_english_pronoun_after_a_gazetteer_woman() -> None:
    text = "Sevim Aksoy opened the exhibition on Friday, and his paintings sold out within hours."
    assert ("MT260", "his") in _found(text, "en", {"MT260"})


def test_english_korean_given_name_after_the_family_name() -> None:
    text = "Lee Seo-yeon released a new single on Monday. Fans said his voice had never sounded better."
    assert ("MT436", "his") in _found(text, "en", {"MT436"}) or ("MT260", "his") in _found(text, "en", {"MT260"})


@pytest.mark.parametrize(
    "text",
    [
        # a family name that is also a man's given name elsewhere: never read in surname position
        "Ayşe Yılmaz won the race. Yılmaz said she had trained for two years.",
        # a woman and a man with the same surname
        "Sevim Aksoy and her brother Emre Aksoy run the gallery; he handles the sales.",
        # a bare capitalised word is not read from the gazetteer (it may be a surname)
        "The gallery of the Sevim family reopened on Friday, and he said the paintings sold out.",
        # a band whose name is a common noun
        "The Killers played after Sevim Aksoy. The band said it would return next year.",
    ],
)
def test_english_clean_with_gazetteer_names(text: str) -> None:
    assert _found(text, "en", {"MT260", "MT436"}) == []


# --- reporting clause after a quotation ----------------------------------------------------------


def test_german_reporting_clause_after_a_long_quotation() -> None:
    text = (
        "Die Trainerin Sevim Aksoy sprach mit Reportern. „Wir waren nicht bereit. Der Schiedsrichter "
        "hat alles richtig gesehen. Ich nehme das auf mich.“, sagte er."
    )
    assert _found(text, "de", {"MT443"}) == [("MT443", "er")]


def test_french_reporting_clause_after_a_long_quotation() -> None:
    text = (
        "La chanteuse Sevim Aksoy a parlé aux journalistes. « Mon père Paul m'a tout appris. "
        "Le public de Lyon est le meilleur. Je reviendrai », a-t-il ajouté."
    )
    assert _found(text, "fr", {"MT442"}) == [("MT442", "a-t-il")]


@pytest.mark.parametrize(
    "text",
    [
        # a woman quoted about a man: « il » in her quotation is him
        "Sevim Aksoy a salué son entraîneur. « Il m'a tout appris », a-t-elle dit.",
        # a male and a female speaker alternating in dash dialogue
        "Sevim Aksoy entra dans la pièce.\n\n— Vous êtes en retard, dit-elle.\n\n— Le train, reprit-il, était bloqué.",
        # a man with a feminine title noun in a quotation
        "« La star de la soirée, c'est lui », a dit Paul Martin. Il a salué la foule, a-t-il raconté.",
        # impersonal inversions
        "Sevim Aksoy est arrivée tôt. Aussi semble-t-il que tout était prêt ; y a-t-il une explication ?",
    ],
)
def test_french_clean_reporting_clauses(text: str) -> None:
    assert _found(text, "fr", {"MT442"}) == []


def test_spanish_and_portuguese_reporting_clause() -> None:
    es = "La cantante Sevim Aksoy presentó su disco. «Lo escribí en un año», dijo él."
    pt = "A cantora Sevim Aksoy lançou o disco. “Escrevi em um ano”, disse ele."
    assert _found(es, "es", {"MT603"}) == [("MT603", "él")]
    assert _found(pt, "pt", {"MT604"}) == [("MT604", "ele")]


@pytest.mark.parametrize(
    ("text", "lang", "code"),
    [
        ("La cantante Sevim Aksoy cantó con su productor. «Es un genio», dijo él.", "es", "MT603"),
        ("Sevim Aksoy saludó. «Gracias», dijo ella. El batería Pablo Ruiz añadió: «Volveremos», dijo él.", "es", "MT603"),
        ("A cantora Sevim Aksoy cantou com o produtor. “É um gênio”, disse ele.", "pt", "MT604"),
    ],
)
def test_spanish_portuguese_clean(text: str, lang: str, code: str) -> None:
    assert _found(text, lang, {code}) == []


# --- masculine friend or relative before a woman's name ------------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("Elle a chanté avec son ami d'enfance Sevim Aksoy.", "fr", ("MT448", "son ami d'enfance")),
        ("Cantó con su amigo de la infancia Sevim Aksoy.", "es", ("MT449", "su amigo de la infancia")),
        ("Ha cantato con il suo amico d'infanzia Sevim Aksoy.", "it", ("MT600", "il suo amico d'infanzia")),
        ("Cantou com seu amigo de infância Sevim Aksoy.", "pt", ("MT601", "seu amigo de infância")),
        ("Sie sang mit ihrem Jugendfreund Sevim Aksoy.", "de", ("MT602", "ihrem Jugendfreund")),
    ],
)
def test_masculine_relative_before_a_gazetteer_woman(text: str, lang: str, expected: tuple[str, str]) -> None:
    assert _found(text, lang, {"MT448", "MT449", "MT600", "MT601", "MT602"}) == [expected]


@pytest.mark.parametrize(
    ("text", "lang"),
    [
        ("Elle a chanté avec son amie d'enfance Sevim Aksoy et son ami Emre Aksoy.", "fr"),
        ("Il a dîné avec son ami Charles de Gaulle, neveu du général.", "fr"),
        ("Cantó con su amiga Sevim Aksoy y con su amigo Emre Aksoy.", "es"),
        ("Ha cantato con la sua amica Sevim Aksoy e con il suo amico Emre Aksoy.", "it"),
        ("Cantou com sua amiga Sevim Aksoy e com seu amigo Emre Aksoy.", "pt"),
        ("Sie sang mit ihrer Freundin Sevim Aksoy und ihrem Freund Emre Aksoy.", "de"),
        ("Er spielte mit seinem Freund Emre von Aksoy.", "de"),
    ],
)
def test_masculine_relative_clean(text: str, lang: str) -> None:
    assert _found(text, lang, {"MT448", "MT449", "MT600", "MT601", "MT602"}) == []


# --- the article's own evidence: a feminine role noun right before a name ------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("L'actrice Qarimelle Dastov a présenté son film. « C'est mon plus beau rôle », a-t-il confié.", "fr", ("MT442", "a-t-il")),
        ("La cantante Qarimelle Dastov presentó su disco. «Es mi mejor trabajo», dijo él.", "es", ("MT603", "él")),
        ("A cantora Qarimelle Dastov lançou o disco. “É o meu melhor trabalho”, disse ele.", "pt", ("MT604", "ele")),
        ("The actress Qarimelle Dastov thanked her crew. On Friday, his new film closed the festival.", "en", ("MT436", "his")),
    ],
)
def test_feminine_role_noun_marks_an_unknown_name(text: str, lang: str, expected: tuple[str, str]) -> None:
    assert _found(text, lang, {expected[0]}) == [expected]


@pytest.mark.parametrize(
    ("text", "lang", "code"),
    [
        # a man and his daughter share the surname; he speaks
        ("Jean-Marc Dastov décrit sa fille, Qarimelle Dastov, comme « travailleuse ». « Je suis fier », explique-t-il.", "fr", "MT442"),
        # a feminine noun that men carry too (« la star »): no evidence
        ("La star Qarimel Dastov a chanté. « Merci à tous », a-t-il dit.", "fr", "MT442"),
        # the same, in Spanish
        ("La estrella Qarimel Dastov cantó. «Gracias a todos», dijo él.", "es", "MT603"),
    ],
)
def test_feminine_role_noun_traps(text: str, lang: str, code: str) -> None:
    assert _found(text, lang, {code}) == []


# --- two job nouns of opposite genders after one « to be » ---------------------------------------


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("« Je suis chanteur et autrice », a-t-elle dit.", "fr", ("MT605", "chanteur et autrice")),
        ("«Soy escritora y productor», dijo ella.", "es", ("MT446", "escritora y productor")),
        ("“Sou cantor e compositora”, disse ela.", "pt", ("MT447", "cantor e compositora")),
    ],
)
def test_role_pair_gender(text: str, lang: str, expected: tuple[str, str]) -> None:
    assert _found(text, lang, {expected[0]}) == [expected]


@pytest.mark.parametrize(
    ("text", "lang", "code"),
    [
        ("Il est chanteur et compositeur, elle est danseuse et chorégraphe.", "fr", "MT605"),
        ("Elle est bien et heureuse à Lyon.", "fr", "MT605"),
        ("Il est meilleur et plus rapide.", "fr", "MT605"),
        ("Es profesor y colabora con la radio.", "es", "MT446"),
        ("É ator e adora o teatro.", "pt", "MT447"),
    ],
)
def test_role_pair_gender_clean(text: str, lang: str, code: str) -> None:
    assert _found(text, lang, {code}) == []


def test_masculine_title_before_a_hyphenated_korean_given_name() -> None:
    assert _found("Le jeune chanteur Chae-won a ouvert le concert.", "fr", {"MT437"}) == [("MT437", "Le jeune chanteur")]
    assert _found("Le jeune chanteur Min-jun a ouvert le concert.", "fr", {"MT437"}) == []


def test_german_feminine_noun_marks_an_unknown_name() -> None:
    text = "Die Regisseurin Qarimelle Dastov stellte ihren Film vor. „Es war ein langer Weg“, sagte er."
    assert _found(text, "de", {"MT443"}) == [("MT443", "er")]
    clean = "Die Regisseurin Qarimelle Dastov und ihr Produzent Emre Aksoy kamen. „Es war ein langer Weg“, sagte er."
    assert _found(clean, "de", {"MT443"}) == []


def test_mapped_gazetteer_equals_the_tables(fresh_cache: Path) -> None:
    from checker.buildcache import StringMap
    from checker.kinds import _given_names

    paths = (COMMON / "given-names-extra.tsv", COMMON / "given-names.tsv")
    read = _given_names._read(paths)
    _given_names._merged.cache_clear()
    first = gazetteer(paths)  # builds the trie in the cache
    assert list(fresh_cache.glob("derived/*.map.marisa"))
    _given_names._merged.cache_clear()
    mapped = gazetteer(paths)  # a new process: memory-mapped
    assert isinstance(mapped, StringMap)
    assert len(mapped) == len(first) == len(read)
    assert dict(zip(sorted(mapped), [mapped[k] for k in sorted(mapped)])) == read
    assert "chae-won" in mapped and mapped.get("zzqx") is None and "zzqx" not in mapped
    _given_names._merged.cache_clear()
