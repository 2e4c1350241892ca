"""Cache builders run in a forked copy of the process (``cachedir.fork_apart``).

What a first run builds from whole lists (the deletion index of a vocabulary, a rule's index
of its lists, a map derived from a word list) is built in a copy that publishes it into the
cache, so that the build's temporaries do not stay in the process that goes on checking (and
that ``--jobs`` workers are forked from). These tests check that the work really happens in
another process, that each builder's answer comes back, and that every way the copy can fail
leaves this process to build as before.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from checker import buildcache, cachedir

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="fork_apart needs fork")

ROOT = Path(__file__).resolve().parent.parent


def test_fork_apart_reports_the_builders_answer(tmp_path: Path, forks: None) -> None:
    marker = tmp_path / "built"

    def build() -> bool:
        marker.write_text(str(os.getpid()))
        return True

    assert cachedir.fork_apart(build) is True
    assert int(marker.read_text()) != os.getpid()
    assert cachedir.fork_apart(lambda: False) is False

    def fails() -> bool:
        raise OSError("read-only")

    assert cachedir.fork_apart(fails) is None


def test_no_copy_while_another_thread_runs(monkeypatch: pytest.MonkeyPatch) -> None:
    release = threading.Event()
    other = threading.Thread(target=release.wait)
    other.start()
    try:
        assert cachedir.fork_apart(lambda: True) is None
    finally:
        release.set()
        other.join()
    monkeypatch.setattr(cachedir, "APART", [False])
    assert cachedir.fork_apart(lambda: True) is None


def test_the_copy_runs_no_exit_handler_and_writes_no_buffered_output(tmp_path: Path) -> None:
    log = tmp_path / "exits"
    script = f"""
import atexit, sys
sys.path.insert(0, {str(ROOT)!r})
from checker import cachedir
atexit.register(lambda: open({str(log)!r}, "a").write("exit\\n"))
sys.stdout.write("buffered once\\n")  # still in the buffer when the copy is made
assert cachedir.fork_apart(lambda: True) is True
"""
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    assert done.stdout == "buffered once\n"
    assert log.read_text() == "exit\n"


def test_an_index_of_lists_is_built_in_a_copy_and_mapped_here(fresh_cache: Path, tmp_path: Path, forks: None) -> None:
    listed = tmp_path / "names.txt"
    listed.write_text("Ada Lovelace\n", encoding="utf-8")
    where = tmp_path / "pid"

    def build() -> tuple[dict[str, int], dict[str, set[str]]]:
        where.write_text(str(os.getpid()))
        return {"n": 1}, {"ada": {"Ada Lovelace"}, "été": {"ünï", "b"}}

    small, index = buildcache.indexed_from_files("test-apart 1", [listed], build)
    assert int(where.read_text()) != os.getpid()
    assert small == {"n": 1} and index.get("été") == ("b", "ünï") and index.get("ada") == ("Ada Lovelace",)
    assert index._dict is None  # mapped from the file the copy published, as a later run reads it


def test_an_index_whose_copy_fails_is_built_here(fresh_cache: Path, tmp_path: Path, forks: None,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(cachedir, "fork_apart", lambda work: None)  # as with threads running
    listed = tmp_path / "names.txt"
    listed.write_text("x\n", encoding="utf-8")
    small, index = buildcache.indexed_from_files("test-apart 2", [listed], lambda: ({"n": os.getpid()}, {"k": {"v"}}))
    assert small == {"n": os.getpid()} and index.get("k") == ("v",)


@pytest.mark.skipif(not hasattr(signal, "setitimer"), reason="needs setitimer")
def test_an_interrupted_wait_ends_the_copy(tmp_path: Path, forks: None) -> None:
    # A --timeout alarm (or Ctrl-C) while the copy builds: the error goes on, the copy goes too.
    where = tmp_path / "pid"
    target = tmp_path / "cache" / "built.bin"

    def write(tmp: str) -> None:
        where.write_text(str(os.getpid()))
        time.sleep(30)

    def slow() -> bool:
        cachedir.publish(target, write)  # its temporary file is in place while it sleeps
        return True

    def alarm(signum: int, frame: object) -> None:
        raise TimeoutError("took too long")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, 0.5)
    started = time.monotonic()
    try:
        with pytest.raises(TimeoutError):
            cachedir.fork_apart(slow)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)
    assert time.monotonic() - started < 10
    copy = int(where.read_text())
    with pytest.raises(ProcessLookupError):
        os.kill(copy, 0)  # ended and reaped: no such process
    assert list(target.parent.iterdir()) == []  # the copy removed its temporary file as it left
