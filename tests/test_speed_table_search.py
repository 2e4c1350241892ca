"""The table kinds' shortcuts find what the slower ways find (issue #11): word starts read from
the runs of word characters, and short keys searched one by one beside the automaton."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from checker import prefilter
from checker.kinds.glossary import _WORD_START, word_start_positions

_CHARS = st.sampled_from(list("ab É1_ \u0301'’-\n\u00a0x9é"))


@settings(max_examples=300, deadline=None)
@given(st.text(_CHARS, max_size=40))
def test_word_start_positions_are_the_word_starts(text: str) -> None:
    assert word_start_positions(text) == [m.start() for m in _WORD_START.finditer(text)]


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text("abde ", min_size=1, max_size=4), min_size=1, max_size=12, unique=True),
       st.text("abde ", max_size=30))
def test_search_finds_every_key_that_occurs(keys: list[str], text: str) -> None:
    assert set(prefilter._Search(keys).find(text)) == {k for k in keys if k in text}
