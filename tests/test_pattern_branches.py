"""Kind ``pattern`` scanning an alternation branch by branch (``branch_sources``, ``branch_matches``,
``Scan``): the merged matches must be exactly those of the whole pattern, whatever the text."""

from __future__ import annotations


import pytest
import regex
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import ROOT, pattern_rule_files

from checker.document import Document
from checker.kinds.pattern import Branches, Scan, branch_matches, branch_sources



def split_branches(pattern: str, flags: int = 0) -> list[regex.Pattern[str]] | None:
    """``branch_sources`` compiled (None when the pattern is left whole)."""
    sources = branch_sources(pattern, flags)
    return [regex.compile(s, flags) for s in sources] if sources else None


def _rule(data: dict) -> tuple[regex.Pattern[str], list[regex.Pattern[str]], int | str, str | None]:
    """A split rule's whole pattern, its branches, reported group and replacement."""
    params = data["params"]
    flags = regex.IGNORECASE if params.get("ignore_case") else 0
    branches = split_branches(params["pattern"], flags)
    assert branches
    return regex.compile(params["pattern"], flags), branches, params.get("group", 0), params.get("replacement")


def _split_rules() -> list[tuple[str, dict]]:
    out = []
    for path, data, flags in pattern_rule_files():
        params = data["params"]
        if split_branches(params["pattern"], flags):
            out.append((path.relative_to(ROOT).as_posix(), data))
    return out


SPLIT_RULES = _split_rules()


def _spans(pattern: regex.Pattern[str], branches: list[regex.Pattern[str]], group: int | str,
           replacement: str | None, text: str) -> tuple[list, list | None]:
    whole = [(m.span(group), m.expand(replacement) if replacement else None) for m in pattern.finditer(text)]
    merged = branch_matches(branches, text)
    if merged is None:
        return whole, None
    return whole, [(m.span(group), m.expand(replacement) if replacement else None) for m in merged]


def test_some_built_in_rules_split() -> None:
    # the optimisation is in use (the units, dates and placeholders rules are such alternations)
    assert len(SPLIT_RULES) >= 5


# Characters the split rules care about: digits, letters of several scripts, quotes,
# brackets, dashes, spaces of every kind, dots, slashes, degree and prime signs.
_ALPHABET = st.sampled_from(list("0123456789aeiouAZ éèÉçßü-–—/.,;:!?'’\"«»“”()[]{}%$<>_°′″  \u202f\n\tmphFuB年月،"))
_WORDS = st.sampled_from(["12", "2567", "mph", "miles", "Fuß", "5'11\"", "(", " )", " - ", "B.E.", "[edit]",
                          "{{name}}", "${x}", "12/25/2024", "mars", "janvier", "Dr.", "Prof.", "« ", " »", "'"])
_TEXT = st.lists(st.one_of(_ALPHABET, _WORDS), max_size=60).map("".join)


@pytest.mark.parametrize("name,data", SPLIT_RULES, ids=[n for n, _ in SPLIT_RULES])
@settings(max_examples=60, deadline=None)
@given(text=_TEXT)
def test_merged_branches_find_what_the_whole_pattern_finds(name: str, data: dict, text: str) -> None:
    whole, merged = _spans(*_rule(data), text)
    if merged is not None:
        assert merged == whole


@pytest.mark.parametrize("name,data", SPLIT_RULES, ids=[n for n, _ in SPLIT_RULES])
def test_merged_branches_on_the_rule_examples(name: str, data: dict) -> None:
    rule = _rule(data)
    texts = [e.get(k, "").replace("[[", "").replace("]]", "") for e in data.get("examples", []) for k in ("bad", "good")]
    for text in [*texts, " ".join(texts), "\n".join(reversed(texts))]:
        whole, merged = _spans(*rule, text)
        if merged is not None:
            assert merged == whole


@pytest.mark.parametrize("pattern", [
    r"(?<!x)(a)\1|(?<=y)b",          # a numbered back reference
    r"(?<!x)a|(?i)b",                # a global flag inside
    r"(?x)(?<!x) a | b",             # verbose mode
    r"\Ga|(?<=y)b",                  # \G: the previous match's end
    r"(?<!x)(?P<n>a)|(?<=y)(?P=n)",  # a named back reference to another branch
    r"(?<!x)a|(?<=y)b)",             # unbalanced
    r"abc|def",                      # no branch starts with a look-around: nothing to gain
    r"(?<!x)(?:a|b)",                # one top-level branch
    r"(?(1)a|b)|(?<=y)c",            # a conditional
])
def test_patterns_left_whole(pattern: str) -> None:
    assert split_branches(pattern) is None


def test_leading_flags_and_named_groups() -> None:
    pattern = r"(?i)(?<![a-z])(?P<a>mph)|(?<=\d )(?P<b>miles)"
    branches = split_branches(pattern)
    assert branches is not None and len(branches) == 2
    text = "60 MPH, 12 Miles, 3 miles"
    whole = regex.compile(pattern)
    for group in ("a", "b", 0):
        merged = branch_matches(branches, text)
        assert merged is not None
        assert [m.span(group) for m in merged] == [m.span(group) for m in whole.finditer(text)]


def test_first_branch_wins_at_one_position_and_matches_do_not_overlap() -> None:
    pattern = r"(?<![a-z])ab|(?<![a-z])abc|(?<=a)bcd"
    branches = split_branches(pattern)
    assert branches is not None
    text = "abcd abc xabcd"
    merged = branch_matches(branches, text)
    assert merged is not None
    assert [m.span() for m in merged] == [m.span() for m in regex.finditer(pattern, text)]


def test_an_empty_branch_match_gives_the_scan_back_to_the_whole_pattern() -> None:
    pattern = r"(?<=x)|(?<![a-z])ab"
    branches = split_branches(pattern)
    assert branches is not None
    assert branch_matches(branches, "xab ab") is None
    sources = branch_sources(pattern)
    assert sources is not None
    scan = Scan(regex.compile(pattern), Branches(sources))
    doc = Document("xab ab", "<t>", "fr")
    for _ in range(Scan.TRIALS + 2):
        assert [m.span() for m in scan.matches(doc.prose, doc)] == [m.span() for m in regex.finditer(pattern, "xab ab")]


def test_scan_settles_on_one_way_and_finds_the_same_either_way() -> None:
    pattern = r"(?<![\p{L}\p{N}])[0-9]+ ?mph|(?<![\p{L}\p{N}])[0-9]+ ?°F|(?<![\p{L}])[4-7]'(?:1[01]|[0-9])\""
    whole = regex.compile(pattern)
    sources = branch_sources(pattern)
    assert sources is not None
    scan = Scan(whole, Branches(sources))
    doc = Document("Il roulait à 80 mph par 95 °F ; il mesure 6'2\" et pèse 90 kg. " * 20, "<t>", "fr")
    expected = [m.span() for m in whole.finditer(doc.prose)]
    for _ in range(Scan.TRIALS + 3):
        assert [m.span() for m in scan.matches(doc.prose, doc)] == expected
    assert scan.split is not None


@pytest.mark.parametrize("name,data", SPLIT_RULES, ids=[n for n, _ in SPLIT_RULES])
@settings(max_examples=40, deadline=None)
@given(text=_TEXT)
def test_branches_gated_by_their_literals_find_the_same(name: str, data: dict, text: str) -> None:
    # a branch whose literals the document lacks is not scanned: what is found stays the same
    params = data["params"]
    flags = regex.IGNORECASE if params.get("ignore_case") else 0
    sources = branch_sources(params["pattern"], flags)
    assert sources
    whole = _rule(data)[0]
    doc = Document(text, "<t>", "fr")
    scan = Scan(whole, Branches(sources, flags))
    scan.split = True
    assert [m.span() for m in scan.matches(doc.prose, doc)] == [m.span() for m in whole.finditer(doc.prose)]


def test_notice_sentence_phrases_scanned_one_by_one_find_what_the_alternation_finds(monkeypatch) -> None:
    from checker.kinds import notice_sentence
    from checker.rules import builtin_rules_dir, load_rules

    rules = [r for r in load_rules([builtin_rules_dir()], build=False).rules if r.kind == "notice-sentence"]
    assert rules
    texts = [e.text for r in rules for e in r.examples]
    docs = [Document(t, "<t>", "fr") for t in [*texts, "\n".join(texts), " ".join(reversed(texts))]]
    for rule in rules:
        gated = notice_sentence.build(rule)
        with monkeypatch.context() as m:
            m.setattr(notice_sentence, "can_split", lambda _: False)  # the one alternation, as before
            whole = notice_sentence.build(rule)
        found = 0
        for doc in docs:
            expected = [(h.start, h.end) for h in whole(doc, None)]  # type: ignore[arg-type]
            assert [(h.start, h.end) for h in gated(doc, None)] == expected  # type: ignore[arg-type]
            found += len(expected)
        assert found  # the rule's examples hold notices


@settings(max_examples=300, deadline=None)
@given(text=st.lists(st.one_of(_ALPHABET, st.sampled_from(["«", "»", "“", "”", "„", "‘", "’", "'", '"', "http://", "www.",
                                                         "@", "#", "a@b.c", " x ", "\n"])), max_size=80).map("".join))
def test_leftover_words_quotation_spans_equal_the_alternation(text: str) -> None:
    from checker.kinds import leftover_words

    assert leftover_words._guarded(text) == [m.span() for m in leftover_words._GUARD.finditer(text)]
