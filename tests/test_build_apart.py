"""Cache data converted by a separate interpreter (``checker.cachedir.build_apart``).

A word list or the language model converted on first use is built by a new interpreter, so
that what the conversion allocates never stays in the process that asked (the parent of
``--jobs`` workers, a long archive run). These tests check that the other interpreter really
does the work, that the asking process falls back to converting itself when no other
interpreter can run, and that a list the converter refuses is not converted twice.
"""

from __future__ import annotations

import gzip
import sys
from pathlib import Path

import msgpack
import pytest

from checker import cachedir, lexicon, lexstore


def _wordfreq_file(path: Path, buckets: list[list[str]]) -> Path:
    """A list in wordfreq's format: gzip-compressed msgpack, a header then one bucket per centibel."""
    path.write_bytes(gzip.compress(msgpack.packb([{"format": "cB", "version": 1}, *buckets])))
    return path


def test_a_list_is_converted_by_another_interpreter(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def not_here(source: Path, base: Path) -> bool:
        raise AssertionError("converted in the asking process")

    monkeypatch.setattr(lexstore, "_convert", not_here)  # this process's copy only
    source = lexicon._files("small")["fr"]
    mapped = lexstore.open_list(source)
    assert isinstance(mapped, lexstore.FrequencyMap)
    assert list(mapped.items()) == list(lexstore.read_dict(source).items())


def test_without_another_interpreter_the_list_is_converted_here(fresh_cache: Path, tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Path] = []
    real = lexstore._convert

    def spy(source: Path, base: Path) -> bool:
        calls.append(source)
        return real(source, base)

    monkeypatch.setattr(lexstore, "_convert", spy)
    monkeypatch.setattr(sys, "executable", str(tmp_path / "no-such-python"))
    assert cachedir.build_apart("checker.lexstore", "_convert", tmp_path / "a", tmp_path / "b") is None
    source = _wordfreq_file(tmp_path / "small_xx.msgpack.gz", [["le", "de"], [], ["maison"]])
    mapped = lexstore.open_list(source)
    assert calls == [source]
    assert isinstance(mapped, lexstore.FrequencyMap)
    assert dict(mapped) == lexstore.read_dict(source) and "maison" in mapped


def test_a_list_the_converter_refuses_is_not_converted_again_here(fresh_cache: Path, tmp_path: Path,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Path] = []
    monkeypatch.setattr(lexstore, "_convert", lambda source, base: calls.append(source) or True)
    source = _wordfreq_file(tmp_path / "small_yy.msgpack.gz", [["un", "deux\ntrois"]])  # a word with a newline
    assert lexstore.open_list(source) is None  # the other interpreter said no: the dict is read instead
    assert calls == []
    assert not list((fresh_cache / "lexicon").glob("*.marisa"))


def test_a_builder_that_fails_is_reported_as_not_run(tmp_path: Path) -> None:
    # The other interpreter's error (a missing file here) is no answer: the caller builds itself.
    assert cachedir.build_apart("checker.lexstore", "_convert", tmp_path / "missing.msgpack.gz", tmp_path / "x") is None
    assert cachedir.build_apart("checker.no_such_module", "f") is None


def test_apart_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cachedir, "APART", [False])
    source = _wordfreq_file(tmp_path / "small_zz.msgpack.gz", [["a"]])
    assert cachedir.build_apart("checker.lexstore", "_convert", source, tmp_path / "out" / "zz") is None
    assert not (tmp_path / "out").exists()
