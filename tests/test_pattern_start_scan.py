"""Kind ``pattern`` tried only where a match can begin (``prefilter.match_start_keys``,
``kinds.pattern.StartScan``): the matches must be exactly those of ``finditer``, whatever the text."""

from __future__ import annotations

import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import pattern_rule_files

from checker.document import Document
from checker.kinds.pattern import StartScan, start_scan_keys
from checker.prefilter import fold_text, match_start_keys


def _examples(data: dict) -> list[str]:
    return [str(e.get(k, "")).replace("[[", "").replace("]]", "")
            for e in data.get("examples", []) for k in ("bad", "good")]


#: (code, compiled pattern, keys, example texts) of every built-in ``pattern`` rule with start keys.
KEYED = [(data["code"], regex.compile(data["params"]["pattern"], flags), keys, _examples(data))
         for _path, data, flags in pattern_rule_files()
         for keys in [match_start_keys(data["params"]["pattern"])] if keys is not None]


class _Always(StartScan):
    """A ``StartScan`` that never falls back to a whole scan for a crowded text."""

    CROWDED = 10**9


def _spans(found: object) -> list[tuple[tuple[int, int], tuple[str | None, ...]]]:
    return [(m.span(), m.groups()) for m in found]  # type: ignore[attr-defined]


def test_many_rules_have_keys() -> None:
    # look-behinds, boundaries and inline flags no longer hide what a match begins with
    assert len(KEYED) >= 40
    codes = {code for code, *_ in KEYED}
    assert {"MT672", "MT543", "MT686"} <= codes


@pytest.mark.parametrize("source,keys", [
    (r"(?<![\p{L}])(?:Nisan|Mart)\b", {"nis", "mar"}),
    (r"(?i)\bfoo", {"foo"}),
    (r"(?<=\d )(?i:km)(?=\W)", {"km"}),
    (r"(?<=[^a-z])ab|cd(?!e)", {"ab", "cd"}),
    (r"(?>abc|abd)x", {"abc", "abd"}),
    (r"(?x) a b c  # comment", {"abc"}),
])
def test_keys(source: str, keys: set[str]) -> None:
    got = match_start_keys(source)
    assert got is not None and keys <= got
    # the others are case variants of these (dotless i, long s: what regex finds equal ignoring case)
    assert {k.replace("ı", "i").replace("ſ", "s") for k in got} == keys


@pytest.mark.parametrize("source", [
    r"\Gab", r"ab\Kcd", r"(\w)\1", r"\w+ab", r"[^x]ab", r".ab", r"(?r)ab", r"(?f)ab", r"(?V1)ab",
    r"a?", r"(?:)", r"\L<words>", r"ab{e<=1}", r"(?(1)a|b)",
])
def test_no_keys(source: str) -> None:
    # a position that moves (\G, \K), a broad first character, an empty match, flags that change
    # literals (full case folding, reverse, version 1), named lists, fuzzy parts, conditionals
    assert match_start_keys(source) is None


def test_possessive_and_atomic_read_as_greedy() -> None:
    assert match_start_keys(r"(?<![\p{L}])ab*+c") == match_start_keys(r"(?<![\p{L}])ab*c")


_ALPHABET = st.sampled_from(list("aeioulnrstmd AEIOUMD.,;:!?'’«»\"()\n\u00a0\u202f0123456789-–İıßſéÉ%$€"))
_WORDS = st.sampled_from(["Mart", "Nisan", "12 ", "2024", "de ", "Il ", "il ", "the ", "He ", "font size", "http://",
                          "www.", "M. ", "Dr. ", "jusqu’à ", "Mai", "MAI", "Şubat", "İzmir", "  ", "\n\n"])
_TEXT = st.lists(st.one_of(_ALPHABET, _WORDS), max_size=60).map("".join)


@pytest.mark.parametrize("code,pattern,keys,texts", KEYED, ids=[c for c, *_ in KEYED])
@settings(max_examples=60, deadline=None)
@given(text=_TEXT)
def test_start_scan_finds_what_finditer_finds(code: str, pattern: regex.Pattern[str], keys: frozenset[str],
                                               texts: list[str], text: str) -> None:
    scan = _Always(pattern, keys)
    for t in [text, *texts]:
        assert _spans(scan.matches_folded(t, fold_text(t))) == _spans(pattern.finditer(t)), (code, t)


def test_a_document_whose_folding_changes_length_is_scanned_whole() -> None:
    pattern = regex.compile(r"(?<![\p{L}])Mart\b")
    text = "İstanbul, 5 Mart 2024."
    assert fold_text(text) is None
    scan = _Always(pattern, match_start_keys(pattern.pattern) or ())
    assert _spans(scan.matches(text, Document(text, "t.txt"))) == _spans(pattern.finditer(text))


def _counting(pattern: regex.Pattern[str]) -> tuple[StartScan, list[str]]:
    """A ``StartScan`` of `pattern` that lists the methods of the pattern it calls."""
    scan = StartScan(pattern, match_start_keys(pattern.pattern) or ())
    calls: list[str] = []

    class Counting:
        def __getattr__(self, name: str) -> object:
            calls.append(name)
            return getattr(pattern, name)

    scan.pattern = Counting()  # type: ignore[assignment]
    return scan, calls


def test_a_crowded_text_is_scanned_whole() -> None:
    # one key place per character: each would cost a call, the whole scan is taken instead
    pattern = regex.compile(r"(?<=[a-z]) {2,}(?=[a-z])")
    scan, calls = _counting(pattern)
    text = "a" + " " * 5000 + "b"
    assert _spans(scan.matches_folded(text, fold_text(text))) == _spans(pattern.finditer(text))
    assert calls == ["finditer"]


def test_sparse_places_are_tried_one_by_one() -> None:
    pattern = regex.compile(r"(?<![\p{L}])Mart\b")
    scan, calls = _counting(pattern)
    text = "Le 5 Mart, la rivière monte doucement vers la ville ; " * 20
    found = scan.matches_folded(text, fold_text(text))
    assert [m.start() for m in found] == [m.start() for m in pattern.finditer(text)]
    assert "finditer" not in calls


def test_the_choice_is_kept_only_when_faster() -> None:
    # a pattern regex scans fast already gets no start scan; a slow alternation behind a
    # look-behind does (timed on the sample prose, twice as fast at least)
    assert start_scan_keys(r"zq") is None
    words = ["".join(chr(97 + (i * 7 + j * 3 + i // 26) % 26) for j in range(6)) for i in range(300)]
    slow = r"(?i)(?<![\p{L}\p{N}])(?:" + "|".join(words) + r")(?![\p{L}])"
    assert start_scan_keys(slow) is not None


def _slot_keyed() -> list[tuple[str, regex.Pattern[str], frozenset[str], list[str]]]:
    """(rule code and language, filled pattern, keys, example texts) of every built-in
    ``slot-pattern`` rule whose filled pattern has start keys."""
    from checker.kinds.slot_pattern import expand
    from checker.rules import builtin_rules_dir, load_rules

    out = []
    for rule in load_rules([builtin_rules_dir()], build=False).rules:
        if rule.kind != "slot-pattern":
            continue
        flags = regex.IGNORECASE if rule.params["ignore_case"] else 0
        texts = [e.text for e in rule.examples]
        for lang in list(rule.params["by_lang"]) or [None]:
            source = expand(rule, lang)
            keys = match_start_keys(source)
            if keys is not None:
                out.append((f"{rule.code}-{lang}", regex.compile(source, flags), keys, texts))
    return out


SLOT_KEYED = _slot_keyed()


def test_slot_rules_have_keys() -> None:
    assert len(SLOT_KEYED) >= 20


@pytest.mark.parametrize("code,pattern,keys,texts", SLOT_KEYED, ids=[c for c, *_ in SLOT_KEYED])
@settings(max_examples=25, deadline=None)
@given(text=_TEXT)
def test_slot_start_scan_finds_what_finditer_finds(code: str, pattern: regex.Pattern[str], keys: frozenset[str],
                                                    texts: list[str], text: str) -> None:
    scan = _Always(pattern, keys)
    for t in [text, *texts]:
        assert _spans(scan.matches_folded(t, fold_text(t))) == _spans(pattern.finditer(t)), (code, t)
