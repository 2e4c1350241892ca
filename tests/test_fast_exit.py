"""A finished ``mtlint check`` ends with ``os._exit`` after its exit handlers and a flush
(``checker.launch._exit_now``): nothing it writes may be lost, its exit code is kept, and a
profiler, a debugger or another thread gets the ordinary exit."""

from __future__ import annotations

import json
import sys
import threading
from pathlib import Path

import pytest
from conftest import run_cli

from checker import launch

BAD = "Le maire a dit que le le projet avance.\n"  # one doubled word


def test_every_output_and_the_exit_code_survive(tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    files = []
    for i in range(3):
        f = tmp_path / f"a{i}.txt"
        f.write_text(BAD, encoding="utf-8")
        files.append(str(f))
    out = tmp_path / "out.jsonl"
    env = {"MTLINT_CACHE_DIR": str(cache)}
    proc = run_cli("check", "--lang", "fr", "--format", "jsonl", "-o", str(out), *files, env=env)
    assert proc.returncode == 1  # findings: the code of the check, not os._exit's default
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    per_file = [r for r in records if "path" in r]
    assert len(per_file) == 3 and all(r["issues"] for r in per_file)
    assert len(records) == 4  # and the summary line, written last
    # the exit handlers ran: the pattern store this run compiled into was written
    assert list(cache.glob("regex-*"))

    proc = run_cli("check", "--lang", "fr", "--format", "json", *files, env=env)
    assert proc.returncode == 1
    report = json.loads(proc.stdout)  # the whole document reached the pipe
    assert len(report["files"]) == 3


def test_a_missing_file_keeps_its_error_and_code(tmp_path: Path) -> None:
    proc = run_cli("check", str(tmp_path / "nowhere.txt"))
    assert proc.returncode == 2
    assert b"nowhere.txt" in proc.stderr


def test_not_under_a_profiler_nor_with_other_threads(monkeypatch: pytest.MonkeyPatch) -> None:
    ended: list[int] = []
    monkeypatch.setattr(launch.os, "_exit", ended.append)
    monkeypatch.setattr("atexit._run_exitfuncs", lambda: None)  # this test process's handlers stay
    monkeypatch.setattr(sys, "gettrace", lambda: None)  # as in a plain process (not under coverage)
    monkeypatch.setattr(threading, "active_count", lambda: 1)  # (other tests may leave threads)

    sys.setprofile(lambda *args: None)
    try:
        launch._exit_now(0)
    finally:
        sys.setprofile(None)
    assert ended == []

    monkeypatch.setattr(threading, "active_count", lambda: 2)  # another thread alive
    launch._exit_now(0)
    assert ended == []

    monkeypatch.setattr(sys, "gettrace", lambda: print)  # a debugger's or coverage's tracer
    monkeypatch.setattr(threading, "active_count", lambda: 1)
    launch._exit_now(0)
    assert ended == []

    monkeypatch.setattr(sys, "gettrace", lambda: None)
    launch._exit_now(3)
    assert ended == [3]  # the counterpart: nothing in the way, the process would end here


def test_an_in_process_call_returns(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """``main([...])`` (the API and the tests) returns its code; only the command line ends the process."""
    f = tmp_path / "a.txt"
    f.write_text(BAD, encoding="utf-8")
    assert launch.main(["check", "--lang", "fr", "--no-cache", str(f)]) == 1
    assert "le le" in capsys.readouterr().out


def _collector_at_exit(tmp_path: Path, argv: str, files: list[str]) -> dict[str, object]:
    """Run `argv` in a new interpreter and report, from an exit handler, whether the cyclic
    collector ran after the check and whether it is enabled."""
    import subprocess

    script = (
        "import atexit, gc, json, sys\n"
        "seen = []\n"
        "gc.callbacks.append(lambda phase, info: seen.append(phase) if phase == 'stop' and done else None)\n"
        "done = False\n"
        "from checker import cli, launch\n"
        "real = cli.main\n"
        "def main(args):\n"
        "    global done\n"
        "    try:\n"
        "        return real(args)\n"
        "    finally:\n"
        "        done = True\n"
        "cli.main = main\n"
        "atexit.register(lambda: print(json.dumps({'after': len(seen), 'enabled': gc.isenabled()}), flush=True))\n"
        f"sys.argv = ['mtlint', *{argv!r}.split(), *{files!r}]\n"
        "launch.main()\n"
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True, cwd=Path(__file__).parent.parent,
                          env={**__import__("os").environ, "MTLINT_CACHE_DIR": str(tmp_path / "cache")}, timeout=600)
    return json.loads(proc.stdout.decode().strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_a_one_file_check_does_not_collect_its_heap_at_exit(tmp_path: Path) -> None:
    """The collector paused for the first file is not resumed when the process ends with the
    check: resumed, it would walk every object of the run at the next allocation (about 20 ms of
    a one-article run) to free nothing."""
    f = tmp_path / "a.txt"
    f.write_text(BAD, encoding="utf-8")
    got = _collector_at_exit(tmp_path, "check --lang fr --quiet", [str(f)])
    assert got == {"after": 0, "enabled": False}


def test_a_check_called_as_a_library_gives_the_collector_back(tmp_path: Path) -> None:
    import gc

    from checker import cli

    f = tmp_path / "a.txt"
    f.write_text(BAD, encoding="utf-8")
    assert gc.isenabled()
    cli.main(["check", "--lang", "fr", "--quiet", str(f)])
    assert gc.isenabled()
