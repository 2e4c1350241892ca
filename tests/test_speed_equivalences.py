"""Functions rewritten for speed (issue #11) against the straightforward versions they replaced,
kept here as oracles: the same answers on random input and on real words."""

from __future__ import annotations

import tomllib
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from checker import lexicon
from checker.kinds import pronoun_gender, unknown_word

ROOT = Path(__file__).resolve().parent.parent


def _quoted_oracle(text: str, start: int, end: int) -> list[bool]:
    """pronoun-gender's quotation map, one character at a time (the version before the speed work)."""
    pg = pronoun_gender
    inside = [False] * (end - start)
    stack: list[str] = []
    straight = False
    dash = False
    for i in range(start, end):
        ch = text[i]
        if ch in "\n\r":
            dash = False
        elif ch in "—–" and text[i + 1 : i + 2] in (" ", "\u00a0", "\u202f") and pg._line_start(text, i):
            dash = True
        if ch == "“" and stack and stack[-1] == "„":
            stack.pop()
        elif ch == "“" and pg._closes(text, i):
            if stack:
                stack.pop()
        elif ch in pg._QUOTES_OPEN:
            stack.append(ch)
        elif ch in pg._QUOTES_CLOSE:
            if stack:
                stack.pop()
        elif ch == '"':
            straight = not straight
        elif ch in "\n\r" and i + 1 < end and text[i + 1] in "\n\r":
            stack, straight = [], False
        inside[i - start] = bool(stack) or straight or dash
    return inside


_QUOTE_TEXT = st.lists(st.sampled_from(list("ab cD.,\n\r\"«»“”„‘’'—–\u00a0\u202f") + [" elle ", "Il ", "\n— ", " — "]),
                       max_size=120).map("".join)


@settings(max_examples=600, deadline=None)
@given(text=_QUOTE_TEXT, cut=st.tuples(st.integers(0, 40), st.integers(0, 40)))
def test_quotation_map_equals_the_per_character_walk(text: str, cut: tuple[int, int]) -> None:
    start = min(cut[0], len(text))
    end = max(start, len(text) - cut[1])
    assert pronoun_gender._quoted(text, start, end) == _quoted_oracle(text, start, end)


def _inflected_oracle(word: str, ordered: list[str], endings: dict[str, list[tuple[str, ...]]],
                      lang: str, min_zipf: float) -> bool:
    """non-word's ending test trying every ending of the table (the version before the speed work)."""
    for end in ordered:
        if not word.endswith(end) or len(word) - len(end) < 3:
            continue
        stem = word[: len(word) - len(end)]
        for group in endings[end]:
            for other in group:
                if other != end and lexicon.zipf(stem + other, lang) >= min_zipf:
                    return True
    return False


def _tables(path: Path) -> tuple[list[str], dict[str, list[tuple[str, ...]]]]:
    params = tomllib.loads(path.read_text(encoding="utf-8"))["params"]
    endings: dict[str, list[tuple[str, ...]]] = {}
    for g in params["inflections"]:
        for e in g:
            endings.setdefault(str(e), []).append(tuple(str(x) for x in g))
    return sorted(endings, key=len, reverse=True), endings


def test_inflected_equals_trying_every_ending() -> None:
    # With a cache directory (the tests' default) the lists are the memory-mapped tries: has_prefix is tried.
    checked = 0
    for lang, rel in (("fr", "rules/fr/non-word.toml"), ("es", "rules/es/non-word-es.toml")):
        path = ROOT / rel
        if not path.is_file():
            continue
        ordered, endings = _tables(path)
        paradigms = unknown_word._Paradigms(
            [tuple(str(e) for e in g) for g in tomllib.loads(path.read_text(encoding="utf-8"))["params"]["inflections"]]
        )
        words = ["chanteuses", "amicalement", "joueurs", "présidentes", "mangeait", "partirent", "xylophonistes",
                 "cantantes", "jugadoras", "hablaban", "nacionales", "felizmente", "abc", "ab", "", "ée", "sss",
                 "réformistes", "déclarations", "entraîneurs", "tournées", "quisieron", "canciones"]
        # and every ending of the table with stems of several lengths
        words += [stem + e for e in ordered for stem in ("", "ch", "chan", "parl")]
        # and forms that are no listed word's beginning (the trie step skips their stems), elided ones too
        words += ["l'" + w for w in words[:30]] + ["zzqx" + e for e in ordered] + [w + "zq" for w in words[:30]]
        for word in words:
            for min_zipf in (3.0, 1.0, 0.0):
                assert paradigms.inflected(word, lang, min_zipf) == \
                    _inflected_oracle(word, ordered, endings, lang, min_zipf), (lang, word, min_zipf)
            checked += 1
    assert checked > 100


_TOKEN_TEXT = st.lists(st.one_of(st.sampled_from(list("aéZ9 0.,\u00a0\u202f'’-_:;!?()«»\n") + ["www", "http", "e-mail", "x.y", "3,5", "1 000"]),
                                 st.text(max_size=3)), max_size=60).map("".join)


@settings(max_examples=500, deadline=None)
@given(text=_TOKEN_TEXT)
def test_word_or_number_scan_equals_the_full_token_scan_without_url_marks(text: str) -> None:
    # Document.tokens takes the shorter scan when the prose holds none of / www. @ #
    from checker import document

    if "/" in text or "www." in text or "@" in text or "#" in text:
        return
    full = [(m.span(), m.lastgroup) for m in document._TOKEN.finditer(text)]
    assert [(m.span(), m.lastgroup) for m in document._WORD_OR_NUMBER_TOKEN.finditer(text)] == full


def _after_opener_oracle(text: str, start: int, openers: str) -> bool:
    """The name kinds' walk back from a word (the version before ``_names.after_openers``)."""
    i = start - 1
    while i >= 0 and text[i] in " \t\u00a0\u202f":
        i -= 1
    return i < 0 or text[i] in "\r\n" or text[i] in openers


_OPENER_TEXT = st.text(alphabet=st.sampled_from(list("ab Y.,\t\u00a0\u202f\r\n«“\"‘'(—–-:[•*]")), max_size=40)


@settings(max_examples=500, deadline=None)
@given(text=_OPENER_TEXT)
def test_after_openers_equals_the_walk_back(text: str) -> None:
    from checker.document import Document
    from checker.kinds import _names, name_families

    doc = Document(text, "x")
    prose = doc.prose
    for openers in (name_families._OPENER_CHARS, "«“\"‘'(—–-:["):
        found = _names.after_openers(doc, openers)
        for s in range(len(prose)):
            if prose[s].isalpha():
                assert (s in found) == _after_opener_oracle(prose, s, openers), (prose, s, openers)


def test_known_names_plain_ascii_path_equals_the_decomposition() -> None:
    """known-names' ASCII short cut (one translate) against NFD, casefold and the per-character filter."""
    import random
    import unicodedata

    from checker.kinds import known_names

    def oracle(text: str) -> str:
        decomposed = unicodedata.normalize("NFD", text.casefold())
        return "".join(c for c in decomposed if c.isalnum() and not unicodedata.combining(c))

    rng = random.Random(11)
    samples = [chr(i) for i in range(128)] + ["Manchester United", "Girls 'Generation", "FC Barcelone", "Émile Zola"]
    samples += ["".join(chr(rng.randrange(128)) for _ in range(rng.randrange(16))) for _ in range(3000)]
    for text in samples:
        assert known_names._plain.__wrapped__(text) == oracle(text), text


def test_translated_names_first_runs_hold_every_run_that_may_start() -> None:
    """translated-names skips a run outside ``_StartKeys.firsts`` that ends in no glued particle:
    ``may_start`` is False for it, whatever follows."""
    import itertools

    from checker.kinds import translated_names as tn

    keys = tn._start_keys(["Maison Blanche", "Paris", "Nations unies", "Union", "Saint-Siège"])
    assert keys is not None
    runs = ["maison", "paris", "parisde", "unionof", "union", "nations", "saint", "blanche", "de", "x", "maisonde"]
    for run, after in itertools.product(runs, ["", "b", "u", "s", "x"]):
        if keys.may_start(run, after):
            assert run in keys.firsts or run.endswith(tn._GLUED), (run, after)
