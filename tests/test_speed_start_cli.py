"""The one-article path of ``mtlint check`` (issue #11): what start-up leaves out or pauses must come back.

The cyclic garbage collector is paused until the first file is checked
(``cli._StartupCollector``): it must be running again when the second file is checked
(so long runs stay flat), after the command, and never be turned on when the
embedding program had turned it off.
"""

from __future__ import annotations

import gc
import io
from collections.abc import Iterator
from pathlib import Path

import pytest

from checker import cli


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if not was:
        gc.disable()


def test_collector_resumes_when_the_second_file_is_asked_for(collector_on: None) -> None:
    startup = cli._StartupCollector()
    seen = []
    for target in startup.after_first(["a", "b", "c"]):  # type: ignore[list-item]
        seen.append((target, gc.isenabled()))
    assert seen == [("a", False), ("b", True), ("c", True)]


def test_collector_resumes_after_one_file_and_once_only(collector_on: None) -> None:
    startup = cli._StartupCollector()
    assert not gc.isenabled()
    assert list(startup.after_first(["a"])) == ["a"]  # type: ignore[list-item]
    assert not gc.isenabled()  # one file: nothing resumes it until the command ends
    startup.resume()
    assert gc.isenabled()
    gc.disable()
    startup.resume()  # a second resume does not undo what happened since
    assert not gc.isenabled()
    gc.enable()


def test_a_collector_turned_off_by_the_caller_stays_off() -> None:
    was = gc.isenabled()
    gc.disable()
    try:
        startup = cli._StartupCollector()
        list(startup.after_first(["a", "b"]))  # type: ignore[list-item]
        startup.resume()
        assert not gc.isenabled()
    finally:
        if was:
            gc.enable()


def test_check_runs_with_the_collector_on_from_the_second_file(tmp_path: Path, collector_on: None,
                                                              monkeypatch: pytest.MonkeyPatch) -> None:
    from checker import runner as runner_module

    states: list[bool] = []
    real = runner_module.Runner.check_target

    def spy(self, *args, **kwargs):  # noqa: ANN001, ANN002, ANN003, ANN202
        states.append(gc.isenabled())
        return real(self, *args, **kwargs)

    monkeypatch.setattr(runner_module.Runner, "check_target", spy)
    for name in ("un.txt", "deux.txt", "trois.txt"):
        (tmp_path / name).write_text("Le conseil municipal se réunit mardi soir.\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    code = cli.main(["check", "--no-cache", "--lang", "fr", str(tmp_path)], out, err)
    assert code in (0, 1), err.getvalue()
    assert states == [False, True, True]
    assert gc.isenabled()


@pytest.mark.parametrize("argv", [["check", "--show-files", "."], ["check", "--no-cache", "/nonexistent/x.txt"],
                                  ["check", "--records", "x.jsonl"]])
def test_every_way_out_of_check_resumes_the_collector(argv: list[str], collector_on: None) -> None:
    cli.main(argv, io.StringIO(), io.StringIO())
    assert gc.isenabled()
