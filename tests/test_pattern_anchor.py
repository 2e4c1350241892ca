"""Kind ``pattern``, two speed readings of a pattern's source that must never change a finding:
the look-ahead on a pattern's first characters (``first_class``, ``anchored``) finds exactly
the matches of the pattern, and the strict literal requirements (``literal_requirements(…,
strict=True)``, white space literal, small sets as their strings) hold in every match."""

from __future__ import annotations


import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import pattern_rule_files

from checker.kinds.pattern import anchored, branch_sources, first_class, fold_literals, required_literals
from checker.prefilter import literal_requirements


def _pattern_rules() -> list[tuple[str, str, int, list[str]]]:
    """(code, pattern, flags, example texts) of every rule of kind ``pattern``."""
    out = []
    for _path, data, flags in pattern_rule_files():
        params = data["params"]
        texts = [str(e.get(k, "")).replace("[[", "").replace("]]", "")
                 for e in data.get("examples", []) for k in ("bad", "good")]
        out.append((data["code"], params["pattern"], flags, texts))
    return out


RULES = _pattern_rules()
#: The rules' patterns and their split branches that get a look-ahead.
ANCHORED = [(code, source, flags, texts) for code, pattern, flags, texts in RULES
            for source in [pattern, *(branch_sources(pattern, flags) or [])] if first_class(source)]

_ALPHABET = st.sampled_from(list("0123456789aeAZ é-–/.,;:!?'’\"«»()%$°  \u202f\n\u0660١"))
_WORDS = st.sampled_from(["12", "19.30", "2004 - 2008", "1,234.5", "3.5 millions", "à ", "vers ", "dès ",
                          " WIB", " heures", "12 mai 2011", "de 1.9 à ", " euros", " - ", "Dakar -Selon"])
_TEXT = st.lists(st.one_of(_ALPHABET, _WORDS), max_size=50).map("".join)


def _found(pattern: regex.Pattern[str], text: str) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in pattern.finditer(text)]


def test_some_rules_have_an_anchor() -> None:
    codes = {code for code, *_ in ANCHORED}
    assert {"MT302", "MT331"} <= codes


@pytest.mark.parametrize("source", [
    r"(?<![\p{N}.,])(?:\p{N}{1,3}(?:,\p{N}{3})+|[1-9]\p{N}{0,2},000)",
    r"(?:(?<=à )(?P<h>[1-9]|1\d)\.(?P<m>[0-5]\d)|(?<![\p{N}])(?P<h>[01]?\d)\.(?P<m>[0-5]\d)(?= WIB))",
    r"(?<!x)(?:[-.]|[+-]|\$)\d",
])
def test_anchor_members(source: str) -> None:
    first = first_class(source)
    assert first is not None and first.startswith("[") and first.endswith("]")
    assert regex.compile(first).fullmatch("a") is None  # the members joined form no range


def test_joined_members_keep_their_hyphens() -> None:
    assert first_class(r"(?<!x)(?:[-.]|[+-]|\$)\d") == r"[\-.+\-\$]"


@pytest.mark.parametrize("source", [
    r"\p{L}+ - \p{L}+", r"(?:\d+)?x", r"\d*", r"(?i:\d)", r"(\d)\1", r"(?x) \d", r"[^a]\d", r"\d|\w",
    r"(?<=\d)", r"a\d", r"(?(1)\d|x)", r"\d{e<=1}",
])
def test_no_anchor(source: str) -> None:
    # letters, white space, anything, an empty match, scoped flags, references, verbose mode…
    assert first_class(source) is None


@pytest.mark.parametrize("code,source,flags,texts", ANCHORED, ids=[f"{c}-{i}" for i, (c, *_) in enumerate(ANCHORED)])
@settings(max_examples=80, deadline=None)
@given(text=_TEXT)
def test_anchored_pattern_finds_the_same_matches(code: str, source: str, flags: int, texts: list[str], text: str) -> None:
    plain, fast = regex.compile(source, flags), regex.compile(anchored(source), flags)
    for t in [text, *texts]:
        assert _found(fast, t) == _found(plain, t)


@pytest.mark.parametrize("code,pattern,flags,texts", RULES, ids=[c for c, *_ in RULES])
@settings(max_examples=40, deadline=None)
@given(text=_TEXT)
def test_strict_requirements_hold_in_every_match(code: str, pattern: str, flags: int, texts: list[str], text: str) -> None:
    compiled = regex.compile(pattern, flags)
    sources = [pattern, *(branch_sources(pattern, flags) or [])]
    for t in [text, *texts]:
        if compiled.search(t) is None:
            continue
        folded = fold_literals(t)
        for source in sources:
            if regex.compile(source, flags).search(t) is None:
                continue
            for req in required_literals(source, strict=True):
                assert any(k in folded for k in req), (source, req, t)


def test_strict_reading() -> None:
    assert literal_requirements(r"\p{L}[ \u00a0]-[ \u00a0]\p{L}", strict=True) == ((" - ", " -\xa0", "\xa0- ", "\xa0-\xa0"),)
    assert literal_requirements(r"\p{L}[ \u00a0]-[ \u00a0]\p{L}") == (("-",),)  # the tables' loose reading
    assert literal_requirements(r"x[0-3]", strict=True) == (("x0", "x1", "x2", "x3"),)
    for broad in (r"x[^a]", r"x[\d]", r"x[a-z]", r"x[\s]"):
        assert literal_requirements(broad, strict=True) == (("x",),)
    assert required_literals(r"\p{L}[ \u00a0]-[ \u00a0]?\p{L}", strict=True) == ((" -", "\xa0-"),)


_LOCALE = ["_TWELVE_MINUTES", "_TWELVE_BARE", "_TWELVE_ENGLISH", "_THOUSANDS_COMMA"]
_CLOCK_TEXT = st.lists(st.one_of(_ALPHABET, st.sampled_from(
    ["3 PM", "8:30 a.m.", "11.45 AM", " p. m.", "12,400,000", "1,234.5", "38,000 coureurs", "am Montag"])),
    max_size=40).map("".join)


@pytest.mark.parametrize("name", _LOCALE)
@settings(max_examples=150, deadline=None)
@given(text=_CLOCK_TEXT)
def test_locale_number_anchored_patterns(name: str, text: str) -> None:
    # kind locale-number compiles these with a look-ahead anchor; without it, the same matches
    from checker.kinds import locale_number

    fast = getattr(locale_number, name)
    assert fast.pattern.startswith("(?=[")
    plain = regex.compile(regex.sub(r"^\(\?=\[[^\]]*\]\)", "", fast.pattern))
    assert plain.pattern != fast.pattern
    assert _found(fast, text) == _found(plain, text)


def _slot_rules() -> list[tuple[str, str | None, str, int, list[str]]]:
    """(code, language key, expanded pattern, flags, example texts) of every slot-pattern rule."""
    from checker.kinds.slot_pattern import expand
    from checker.linter import Linter

    out = []
    for rule in Linter().ruleset.rules:
        if rule.kind != "slot-pattern":
            continue
        flags = regex.IGNORECASE if rule.params.get("ignore_case") else 0
        texts = [e.text for e in rule.examples]
        for key in rule.params.get("by_lang") or [None]:
            out.append((rule.code, key, expand(rule, key), flags, texts))
    return out


SLOT_RULES = _slot_rules()


@pytest.mark.parametrize("code,key,source,flags,texts", SLOT_RULES, ids=[f"{c}-{k}" for c, k, *_ in SLOT_RULES])
def test_slot_requirements_hold_in_every_match(code: str, key: str | None, source: str, flags: int, texts: list[str]) -> None:
    # kind slot-pattern skips an article that lacks a word of a slot (``Requirements``)
    from checker.document import Document
    from checker.kinds.pattern import Requirements
    from checker.kinds.slot_pattern import _SLOT_SET

    compiled = regex.compile(source, flags)
    needs = Requirements(required_literals(source, strict=True, max_set=_SLOT_SET))
    matched = 0
    for text in texts:
        doc = Document(text, "example.txt")
        if compiled.search(doc.prose) is not None:
            matched += 1
            assert needs.held(doc), (code, key, text)
    if source.startswith("(?x)"):  # read without its white space and comments: the same pattern
        from checker.prefilter import _unverbose

        plain = regex.compile(_unverbose(source[4:]), flags)
        for text in texts:
            assert _found(plain, text) == _found(compiled, text)


def test_some_slot_rules_have_requirements() -> None:
    from checker.kinds.slot_pattern import _SLOT_SET

    got = {code for code, _, source, _, _ in SLOT_RULES if required_literals(source, strict=True, max_set=_SLOT_SET)}
    assert {"MT570", "MT299"} <= got


def test_unverbose() -> None:
    from checker.prefilter import _unverbose

    assert _unverbose("a b  # comment\n [ #]\\ c\\#d") == "ab[ #]\\ c\\#d"
    assert _unverbose("[]# ] x") == "[]# ]x"


def test_a_brace_of_other_digits_is_text_not_a_count() -> None:
    """``regex`` reads « {²} » as literal text: the readers give up on it instead of failing."""
    for source in (r"(?<!x)(?:1|2){²}", r"(?<!x)(?:1|2){٣}", "x{²}"):
        assert regex.compile(source).search(source.replace("(?<!x)(?:1|2)", "1")) is not None
        assert first_class(source) is None
        assert literal_requirements(source, strict=True) == ()
