"""checker.dataclass behaves as the standard dataclasses do for every option mtlint uses.

Each case defines the same class twice, once with each module, and compares what the two do."""

from __future__ import annotations

import copy
import dataclasses as std
import pickle
from typing import Any

import pytest

from checker import dataclass as ours


def _pair(frozen: bool = False, slots: bool = False) -> tuple[type, type]:
    def make(mod: Any) -> type:
        @mod.dataclass(frozen=frozen, slots=slots)
        class Item:
            """An item."""

            name: str
            count: int = 0
            tags: list[str] = mod.field(default_factory=list)
            note: Any = mod.field(default=None, compare=False, repr=False)

            def label(self) -> str:
                return f"{self.name}:{self.count}"

        return Item

    return make(std), make(ours)


CASES = [(False, False), (True, False), (True, True), (False, True)]


@pytest.mark.parametrize(("frozen", "slots"), CASES)
def test_construction_repr_and_equality_match_the_standard_module(frozen: bool, slots: bool) -> None:
    a_cls, b_cls = _pair(frozen, slots)
    for args, kwargs in [(("x",), {}), (("x", 3), {}), (("x",), {"tags": ["t"], "note": 1}), ((), {"name": "y"})]:
        a, b = a_cls(*args, **kwargs), b_cls(*args, **kwargs)
        assert repr(a) == repr(b)
        assert (a.name, a.count, a.tags, a.note) == (b.name, b.count, b.tags, b.note)
        assert b.label() == a.label()
    assert b_cls("x", note=1) == b_cls("x", note=2)  # compare=False
    assert b_cls("x", 1) != b_cls("x", 2)
    assert b_cls("x").__eq__(a_cls("x")) is NotImplemented  # another class
    assert b_cls("x").tags is not b_cls("x").tags  # a fresh default each time
    assert b_cls.__match_args__ == a_cls.__match_args__
    with pytest.raises(TypeError):
        b_cls()  # the field without a default is required
    with pytest.raises(TypeError):
        b_cls("x", 1, [], None, "extra")


@pytest.mark.parametrize(("frozen", "slots"), CASES)
def test_hashing_and_frozenness_match(frozen: bool, slots: bool) -> None:
    a_cls, b_cls = _pair(frozen, slots)
    assert (a_cls.__hash__ is None) == (b_cls.__hash__ is None)
    b = b_cls("x", 1, ("t",))  # type: ignore[arg-type]
    a = a_cls("x", 1, ("t",))
    if frozen:
        assert hash(b) == hash(a)
        with pytest.raises(ours.FrozenInstanceError):
            b.count = 2
        with pytest.raises(AttributeError):
            del b.name
    else:
        b.count = 2
        assert b.count == 2
    assert hasattr(b, "__dict__") == hasattr(a, "__dict__")


@pytest.mark.parametrize(("frozen", "slots"), CASES)
def test_pickle_copy_and_replace(frozen: bool, slots: bool) -> None:
    _, b_cls = _pair(frozen, slots)
    globals()["Item"] = b_cls  # pickle finds a class by its module and name
    b_cls.__qualname__ = "Item"
    try:
        b = b_cls("x", 2, ["t"], note="n")
        for protocol in range(2, pickle.HIGHEST_PROTOCOL + 1):
            back = pickle.loads(pickle.dumps(b, protocol=protocol))
            assert back == b and back.note == "n"
        assert copy.deepcopy(b) == b and copy.copy(b) == b
        changed = ours.replace(b, count=5)
        assert (changed.name, changed.count, changed.tags) == ("x", 5, ["t"]) and b.count == 2
        with pytest.raises(TypeError):
            ours.replace(b, nope=1)
        assert [f.name for f in ours.fields(b)] == ["name", "count", "tags", "note"]
    finally:
        del globals()["Item"]


def test_inheritance_puts_the_base_fields_first() -> None:
    @ours.dataclass(frozen=True)
    class Base:
        a: str
        b: int = 1

    @ours.dataclass(frozen=True)
    class Child(Base):
        c: str = "c"

    child = Child("x", c="y")
    assert (child.a, child.b, child.c) == ("x", 1, "y")
    assert repr(child) == "test_inheritance_puts_the_base_fields_first.<locals>.Child(a='x', b=1, c='y')"
    assert child != Base("x")
    assert isinstance(child, Base)


def test_a_method_the_class_writes_wins() -> None:
    @ours.dataclass
    class Own:
        x: int

        def __repr__(self) -> str:
            return "mine"

    assert repr(Own(1)) == "mine"


def test_what_it_does_not_do_is_refused() -> None:
    with pytest.raises(TypeError):
        @ours.dataclass
        class Post:
            x: int

            def __post_init__(self) -> None:
                pass

    with pytest.raises(TypeError):
        @ours.dataclass
        class Order:
            x: int = 0
            y: int  # type: ignore[misc]

    with pytest.raises(TypeError):
        ours.replace(object())


def test_the_slot_setters_exist_for_the_tokenizer() -> None:
    from checker.document import Token

    tok = object.__new__(Token)
    Token.start.__set__(tok, 3)  # type: ignore[attr-defined]
    assert tok.start == 3

