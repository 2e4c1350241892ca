"""``prefilter._concat`` (start keys of one node followed by another), written out for speed,
against its definition: every key of `head` that is not complete is extended by every key of
`tail` and cut to `n` characters; complete keys (`n` characters, or ended by ``WILD``) stay."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from checker.prefilter import _MAX_STARTS, WILD, _concat


def _reference(head: frozenset[str] | None, tail: frozenset[str] | None, n: int) -> frozenset[str] | None:
    def done(key: str) -> bool:
        return len(key) >= n or key[-1:] == WILD

    if head is None:
        return None
    if all(done(h) for h in head):
        return head
    if tail is None:
        return None
    out = {h if done(h) else (h + t)[:n] for h in head for t in tail}
    return frozenset(out) if len(out) <= _MAX_STARTS else None


_KEY = st.text(alphabet=st.sampled_from(["a", "b", "é", " ", "'", WILD]), max_size=5)
_SET = st.one_of(st.none(), st.frozensets(_KEY, max_size=8))


@given(_SET, _SET, st.integers(min_value=1, max_value=5))
def test_concat_is_its_definition(head: frozenset[str] | None, tail: frozenset[str] | None, n: int) -> None:
    assert _concat(head, tail, n) == _reference(head, tail, n)


def test_concat_edges() -> None:
    assert _concat(frozenset({"a"}), frozenset(), 4) == frozenset()  # nothing can follow: no match
    assert _concat(frozenset({"abcd", "a"}), frozenset(), 4) == frozenset()
    assert _concat(frozenset({"abcd"}), None, 4) == frozenset({"abcd"})  # complete: the tail is not read
    assert _concat(frozenset({"a" + WILD, "b"}), frozenset({"cde"}), 4) == frozenset({"a" + WILD, "bcde"})
    wide = frozenset(f"{i:04d}" for i in range(60))
    assert _concat(frozenset({""}), wide, 4) == wide
    pairs = frozenset(f"{i:02d}" for i in range(60))
    assert _concat(pairs, pairs, 4) is None  # 3,600 keys: over _MAX_STARTS
