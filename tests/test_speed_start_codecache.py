"""Dataclass methods compiled from the cache (``checker._codecache``) are the ones Python compiles itself."""

from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
from pathlib import Path
from typing import Any, ClassVar

import pytest

from checker import _codecache

ROOT = Path(__file__).resolve().parent.parent

needs_install = pytest.mark.skipif(
    sys.implementation.name != "cpython" or sys.version_info[:2] not in ((3, 11), (3, 12)),
    reason="the cache follows CPython 3.11/3.12's dataclasses",
)


def _shapes() -> list[type]:
    """Dataclasses of many shapes, defined anew at each call (with whatever _create_fn is in force)."""

    @dataclasses.dataclass
    class Plain:
        a: int
        b: str = "x"
        c: list[int] = dataclasses.field(default_factory=list)

    @dataclasses.dataclass(frozen=True)
    class Frozen:
        code: str
        weight: float = 1.0
        tags: tuple[str, ...] = ()
        counter: ClassVar[int] = 0

    @dataclasses.dataclass(frozen=True, slots=True, order=True)
    class Ordered:
        start: int
        end: int

    @dataclasses.dataclass(eq=False, repr=False)
    class Bare:
        value: Any = None

    @dataclasses.dataclass(kw_only=True)
    class Keywords:
        name: str
        size: int = 0

        def __post_init__(self) -> None:
            self.size = max(self.size, len(self.name))

    @dataclasses.dataclass(unsafe_hash=True)
    class Hashed:
        x: int
        y: int = dataclasses.field(default=2, compare=False)

    return [Plain, Frozen, Ordered, Bare, Keywords, Hashed]


def _code_facts(code: Any) -> tuple[Any, ...]:
    consts = tuple(_code_facts(c) if isinstance(c, type(code)) else c for c in code.co_consts)
    return (code.co_code, consts, code.co_names, code.co_varnames, code.co_freevars, code.co_filename,
            code.co_name, code.co_flags, code.co_argcount, code.co_kwonlyargcount)


def _methods(cls: type) -> dict[str, tuple[Any, ...]]:
    out = {}
    for name in ("__init__", "__repr__", "__eq__", "__lt__", "__hash__", "__setattr__", "__delattr__"):
        fn = cls.__dict__.get(name)
        fn = getattr(fn, "__wrapped__", fn)
        if fn is None or not hasattr(fn, "__code__"):
            continue
        out[name] = (_code_facts(fn.__code__), fn.__qualname__, repr(fn.__annotations__), fn.__defaults__,
                     fn.__kwdefaults__)
    return out


@needs_install
def test_methods_are_those_python_compiles(monkeypatch: pytest.MonkeyPatch) -> None:
    if _codecache._original is None:
        pytest.skip("the cache is not installed in this process (MTLINT_NO_CACHE)")
    ours = _shapes()
    ours_again = _shapes()  # the second time every text comes from the cache
    monkeypatch.setattr(dataclasses, "_create_fn", _codecache._original)
    theirs = _shapes()
    for a, b, c in zip(ours, ours_again, theirs, strict=True):
        assert _methods(a) == _methods(c) == _methods(b), a.__name__
        assert _methods(a)  # the comparison is not between empty tables


def test_instances_behave_the_same() -> None:
    plain, frozen, ordered, _bare, keywords, hashed = _shapes()
    assert plain(1) == plain(1, "x", []) and repr(plain(1)).endswith("Plain(a=1, b='x', c=[])")
    with pytest.raises(dataclasses.FrozenInstanceError):
        frozen("MT1").code = "MT2"  # type: ignore[misc]
    assert hash(frozen("MT1")) == hash(frozen("MT1", 1.0, ()))
    assert ordered(1, 2) < ordered(1, 3) and sorted([ordered(2, 0), ordered(1, 9)])[0] == ordered(1, 9)
    assert keywords(name="abcd").size == 4
    assert hashed(1, 5) == hashed(1, 7) and hash(hashed(1, 5)) == hash(hashed(1, 7))


def _run(env: dict[str, str], code: str) -> str:
    return subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True,
                          cwd=ROOT).stdout.strip()


@needs_install
def test_file_is_written_once_and_read_back(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k != "MTLINT_NO_CACHE"}
    env["MTLINT_CACHE_DIR"] = str(tmp_path)
    probe = "import checker.cli, checker._codecache as c; print(len(c._codes), c._added)"
    first = _run(env, probe)
    files = list(tmp_path.glob("dataclass-code-*.marshal"))
    assert len(files) == 1 and first.split()[1] == "True"
    stamp = files[0].stat().st_mtime_ns
    second = _run(env, probe)
    assert second.split() == [first.split()[0], "False"]  # every text came from the file: nothing new
    assert files[0].stat().st_mtime_ns == stamp


def test_no_cache_leaves_dataclasses_alone(tmp_path: Path) -> None:
    env = dict(os.environ, MTLINT_NO_CACHE="1", MTLINT_CACHE_DIR=str(tmp_path))
    out = _run(env, "import dataclasses, checker.cli, checker._codecache as c; "
                    "print(c._original is None, dataclasses._create_fn.__module__)")
    assert out == "True dataclasses"
    assert not list(tmp_path.iterdir())


def test_damaged_file_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "x.marshal"
    path.write_bytes(b"\x00not marshal")
    assert _codecache._read(path) == {}
    path.write_bytes(__import__("marshal").dumps({"text": 3}))
    assert _codecache._read(path) == {}
