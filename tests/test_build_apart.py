"""Word lists and the language model converted by another process on first use.

A large word list is converted by a forked copy of the process (``cachedir.fork_apart``) and
py3langid's model by a fresh interpreter (``cachedir.build_apart``), so that what the
conversion allocates never stays in the process that asked (the parent of ``--jobs`` workers,
a long archive run). These tests check that the other process really does the work, that
the asking process falls back to converting itself when no other process can, and that a
list the converter refuses is not converted twice.
"""

from __future__ import annotations

import gzip
import os
import sys
from pathlib import Path

import msgpack
import pytest

from checker import cachedir, lexicon, lexstore


def _wordfreq_file(path: Path, buckets: list[list[str]]) -> Path:
    """A list in wordfreq's format: gzip-compressed msgpack, a header then one bucket per centibel."""
    path.write_bytes(gzip.compress(msgpack.packb([{"format": "cB", "version": 1}, *buckets])))
    return path


def _spy(monkeypatch: pytest.MonkeyPatch, log: Path) -> None:
    """``lexstore._convert`` noting the process it runs in (a forked copy inherits the spy)."""
    real = lexstore._convert

    def spy(source: Path, base: Path) -> bool:
        with open(log, "a", encoding="utf-8") as fh:
            fh.write(f"{os.getpid()}\n")
        return real(source, base)

    monkeypatch.setattr(lexstore, "_convert", spy)


def _pids(log: Path) -> list[int]:
    return [int(line) for line in log.read_text(encoding="utf-8").split()] if log.exists() else []


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_large_list_is_converted_by_a_copy(fresh_cache: Path, tmp_path: Path, forks: None,
                                             monkeypatch: pytest.MonkeyPatch) -> None:
    _spy(monkeypatch, tmp_path / "pids")
    monkeypatch.setattr(lexstore, "APART_BYTES", 0)  # the small French list counts as large here
    source = lexicon._files("small")["fr"]
    mapped = lexstore.open_list(source)
    assert isinstance(mapped, lexstore.FrequencyMap)
    assert list(mapped.items()) == list(lexstore.read_dict(source).items())
    pids = _pids(tmp_path / "pids")
    assert len(pids) == 1 and pids[0] != os.getpid()


def test_a_small_list_is_converted_here(fresh_cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _spy(monkeypatch, tmp_path / "pids")
    source = _wordfreq_file(tmp_path / "small_xx.msgpack.gz", [["le", "de"], [], ["maison"]])
    assert source.stat().st_size < lexstore.APART_BYTES
    mapped = lexstore.open_list(source)
    assert _pids(tmp_path / "pids") == [os.getpid()]
    assert isinstance(mapped, lexstore.FrequencyMap)
    assert dict(mapped) == lexstore.read_dict(source) and "maison" in mapped


def test_without_a_copy_a_large_list_is_converted_here(fresh_cache: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    _spy(monkeypatch, tmp_path / "pids")
    monkeypatch.setattr(lexstore, "APART_BYTES", 0)
    monkeypatch.setattr(lexstore, "fork_apart", lambda work: None)  # as with threads running, or no fork
    source = _wordfreq_file(tmp_path / "large_xx.msgpack.gz", [["un"], ["deux"]])
    mapped = lexstore.open_list(source)
    assert _pids(tmp_path / "pids") == [os.getpid()]
    assert isinstance(mapped, lexstore.FrequencyMap) and list(mapped) == ["un", "deux"]


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_list_the_copy_refuses_is_not_converted_again_here(fresh_cache: Path, tmp_path: Path, forks: None,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    _spy(monkeypatch, tmp_path / "pids")
    monkeypatch.setattr(lexstore, "APART_BYTES", 0)
    source = _wordfreq_file(tmp_path / "large_yy.msgpack.gz", [["un", "deux\ntrois"]])  # a word with a newline
    assert lexstore.open_list(source) is None  # refused: the dict is read instead
    pids = _pids(tmp_path / "pids")
    assert len(pids) == 1 and pids[0] != os.getpid()
    assert not list((fresh_cache / "lexicon").glob("*.marisa"))


def test_build_apart_runs_a_builder_in_a_fresh_interpreter(tmp_path: Path) -> None:
    source = _wordfreq_file(tmp_path / "small_ww.msgpack.gz", [["a", "b"]])
    base = tmp_path / "out" / "ww"
    assert cachedir.build_apart("checker.lexstore", "_convert", source, base) is True
    assert base.with_suffix(".marisa").is_file() and base.with_suffix(".words").read_text(encoding="utf-8") == "a\nb"
    refused = _wordfreq_file(tmp_path / "small_vv.msgpack.gz", [["a\nb"]])
    assert cachedir.build_apart("checker.lexstore", "_convert", refused, tmp_path / "out" / "vv") is False


def test_a_builder_that_fails_is_reported_as_not_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The other interpreter's error (a missing file here) is no answer: the caller builds itself.
    assert cachedir.build_apart("checker.lexstore", "_convert", tmp_path / "missing.msgpack.gz", tmp_path / "x") is None
    assert cachedir.build_apart("checker.no_such_module", "f") is None
    monkeypatch.setattr(sys, "executable", str(tmp_path / "no-such-python"))
    assert cachedir.build_apart("checker.lexstore", "_convert", tmp_path / "a", tmp_path / "b") is None


def test_apart_can_be_turned_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cachedir, "APART", [False])
    source = _wordfreq_file(tmp_path / "small_zz.msgpack.gz", [["a"]])
    assert cachedir.build_apart("checker.lexstore", "_convert", source, tmp_path / "out" / "zz") is None
    assert cachedir.fork_apart(lambda: True) is None
    assert not (tmp_path / "out").exists()
