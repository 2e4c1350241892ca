"""Per-article cost of the table kinds (issue #11): the wide reading of a row's start keys.

``start_keys(..., wide=True)`` (what ``start_index`` reads) no longer gives up at a class of
many characters (``\\p{L}``, ``\\w``, ``.``, a negated set): the key ends there as a prefix key
(``WILD``). Rows such as « (?:a|ont) (?:\\p{L}+ment )?claqué » or « élev\\p{L}* (?:\\d…|des
fonds) » are then answered by the index instead of one partial match per key of every article. Nothing found may change: the keys read must
cover every beginning a partial match allows, on random rows and texts as on the shipped ones
(``test_speed_start_index`` checks the shipped tables with the wide index).
"""

from __future__ import annotations

import random

import pytest
import regex

from checker import prefilter
from checker.kinds.glossary import StartMemo, is_plain
from checker.prefilter import KEY_LEN, LONG_LEN, WILD, mask_indices, start_keys


def _shown(keys: frozenset[str] | None) -> set[str] | None:
    return None if keys is None else {k.replace(WILD, "*") for k in keys}


def test_wide_reading_of_classes() -> None:
    ws = "[\\s\\u00a0\\u202f]+"
    got = _shown(start_keys(f"(?:a|ont){ws}(?:\\p{{L}}+ment{ws}|très{ws})?claqu", wide=True))
    assert got is not None and {"a *", "ont", "a c"} <= got
    assert _shown(start_keys("élev\\p{L}* des", wide=True)) == {"éle"}
    assert _shown(start_keys("(?:tu\\p{L}*|fai\\p{L}*) x", wide=True)) == {"tu*", "tu ", "fai", "faı"}
    assert _shown(start_keys("ab.", wide=True)) == {"ab*"}
    assert _shown(start_keys("a[^b]c", wide=True)) == {"a*"}
    assert _shown(start_keys("a[\\d,]c", wide=True)) == {"a*"}
    assert _shown(start_keys("(?:1[89]|20)\\d\\d", wide=True)) == {"18*", "19*", "20*"}
    assert _shown(start_keys("le \\d+ ans", wide=True)) == {"le "}
    assert _shown(start_keys("le \\d+ ans", 6, wide=True)) == {"le *"}
    # Too many keys (an alternation of 54 after one of 54): they end where the second begins.
    words = "|".join(f"{a}{b}" for a in "abcdefghj" for b in "lmnopq")
    assert _shown(start_keys(f"(?:{words})(?:{words})x", 6, wide=True)) == {w + "*" for w in words.split("|")}
    assert start_keys(f"(?:{words})(?:{words})x", 6) is None
    # Without `wide`, as before: a class gives no key.
    assert start_keys("é\\p{L}* des") is None
    assert start_keys("\\d+e") is None


@pytest.mark.parametrize("source", [
    "\\p{L}+ment",              # a class at the start: every word start would be a prefix
    "(?-i:\\p{Lu})\\p{L}+ yeux",
    ".bc",
    "[^a]bc",
    "ab\uffff",                 # the sentinel itself, written in a row: no key
    "ab\\uffff",
    "x?\\w",                    # may begin with the class
    "\\d+e",                    # digits: a class of many characters
])
def test_wide_reading_still_refuses(source: str) -> None:
    assert start_keys(source, wide=True) is None


_ATOMS = ["a", "b", "é", "s", "ſ", "k", "K", " ", "'", "1", "٣", "\\d", "\\p{L}", "\\w", ".", "[^a]",
          "[ab\\d]", "[\\s]", "(?:a|\\d)", "(?:\\p{L}+ment )", "(?:tu\\p{L}*|fai\\p{L}*)", "[0-2]"]
_QUANT = ["", "", "", "?", "*", "+", "{1,2}", "{2}"]
_TEXT = "ab é s ſ kK K1 ٣٤ 12 a1b tument faire ffa x-y 'a ab1 ſab a b  ment 9 ẞ ß İi ǅ \u00a0b a\u2009c"


def _random_pattern(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(1, 5)):
        parts.append(rng.choice(_ATOMS) + rng.choice(_QUANT))
    body = "".join(parts)
    if rng.random() < 0.3:
        body += "|" + "".join(rng.choice(_ATOMS) + rng.choice(_QUANT) for _ in range(rng.randint(1, 3)))
    return body


def _covered(keys: frozenset[str], folded: str) -> bool:
    """Is `folded` (a text's first characters, folded as keys) named by `keys` (keys and prefix keys)?"""
    return any(folded.startswith(k[:-1]) if k.endswith(WILD) else (k == folded[: len(k)]) for k in keys)


@pytest.mark.parametrize("length", [KEY_LEN, LONG_LEN])
def test_wide_keys_cover_every_partial_match(length: int) -> None:
    """On random rows and every position of a text: where a partial match of the row on the next
    `length` characters succeeds, the keys read name those characters (or a prefix of them)."""
    rng = random.Random(11)
    texts = [_TEXT, _TEXT.upper(), "".join(rng.choice(_TEXT) for _ in range(400))]
    read = checked = 0
    for _ in range(600):
        source = _random_pattern(rng)
        keys = start_keys(source, length, wide=True)
        if keys is None:
            continue
        read += 1
        compiled = regex.compile(source, regex.IGNORECASE)
        for text in texts:
            for pos in range(len(text)):
                piece = text[pos : pos + length]
                folded = prefilter.fold_text(piece)
                if folded is None or len(folded) < length:
                    continue
                if compiled.match(piece, partial=True) is None:
                    continue
                checked += 1
                assert _covered(keys, folded), (source, piece, sorted(keys)[:20])
    assert read > 150 and checked > 3_000


def test_the_wide_index_names_every_row_a_partial_match_names() -> None:
    """The index of random rows names, for every key of a text, every row a partial match names."""
    rng = random.Random(5)
    sources = [_random_pattern(rng) for _ in range(300)]
    index = prefilter._start_index_of(sources, is_plain)
    assert index.static.bit_count() > 100
    compiled = [regex.compile(s, regex.IGNORECASE) for s in sources]
    memo = StartMemo()
    text = _TEXT + " " + _TEXT.upper()
    for pos in range(len(text) - KEY_LEN):
        key = text[pos : pos + KEY_LEN]
        found = index.lookup(key)
        if found is None:
            continue
        asked = memo.entries(key, index.static, compiled.__getitem__)
        missing = asked & ~found
        assert not missing, (key, [sources[i] for i in mask_indices(missing)])
        long_key = text[pos : pos + 8]
        if len(long_key) == 8:
            narrowed = index.narrow(long_key, index.static)
            asked = memo.entries(long_key, index.static, compiled.__getitem__)
            assert not asked & ~narrowed, (long_key, [sources[i] for i in mask_indices(asked & ~narrowed)])
