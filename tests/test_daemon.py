"""``mtlint check --daemon``: the resident process gives what a fresh process gives.

Every test talks to a real resident process through ``python -m checker`` in a subprocess,
with a private socket directory (``XDG_RUNTIME_DIR``) so that nothing is shared with the
user's own resident process or another test run.
"""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from proc_util import alive, children

from checker import launch, resident

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "fixtures" / "seeds"

pytestmark = pytest.mark.skipif(not resident.available(), reason="needs Unix sockets and fork")


def _run(env: dict[str, str], *args: str, stdin: bytes | None = None, cwd: Path | None = None,
         timeout: float = 300) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([sys.executable, "-m", "checker", *args], input=stdin, capture_output=True,
                          cwd=cwd or ROOT, env=env, timeout=timeout)


def _status(env: dict[str, str]) -> str:
    return _run(env, "daemon", "status").stdout.decode()


def _wait_for(env: dict[str, str], state: str, limit: float = 240) -> None:
    """Poll ``mtlint daemon status`` until it says `state` ("process running", "not running")."""
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if state in _status(env):
            return
        time.sleep(0.3)
    pytest.fail(f"the resident process is not {state!r}: {_status(env)}")


def _wait_running(env: dict[str, str], limit: float = 240) -> None:
    _wait_for(env, "process running", limit)


def _wait_stopped(env: dict[str, str], limit: float = 240) -> None:
    _wait_for(env, "not running", limit)


def _env(where: str, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in (launch.VARIABLE, "MTLINT_DAEMON_IDLE")}
    return {**env, "XDG_RUNTIME_DIR": where, "NO_COLOR": "1", "MTLINT_DAEMON_IDLE": "300", **extra}


def _short_dir() -> str:
    # A socket's path is limited to about 100 bytes: pytest's tmp_path can be longer.
    where = tempfile.mkdtemp(prefix="mtd", dir="/tmp")
    os.chmod(where, 0o700)
    return where


@pytest.fixture(scope="module")
def daemon_env() -> Iterator[dict[str, str]]:
    """A resident process of this module's own, started by a first --daemon run and running."""
    where = _short_dir()
    env = _env(where)
    first = _run(env, "check", "--daemon", "--lang", "fr", "--no-cache", str(SEEDS))
    assert first.returncode in (0, 1), first.stderr
    _wait_running(env)
    yield env
    _run(env, "daemon", "stop")
    _wait_stopped(env, 60)
    shutil.rmtree(where, ignore_errors=True)


@pytest.mark.parametrize(("fmt", "where"), [("text", "fixtures"), ("json", "fixtures"), ("jsonl", "fixtures/seeds"),
                                             ("sarif", "fixtures/seeds"), ("github", "fixtures/seeds")])
def test_same_report_as_a_fresh_process(daemon_env: dict[str, str], fmt: str, where: str) -> None:
    args = ("check", "--no-cache", "--format", fmt, where)
    fresh = _run({k: v for k, v in daemon_env.items() if k != "XDG_RUNTIME_DIR"}, *args)
    resident = _run(daemon_env, *args[:1], "--daemon", *args[1:])
    assert "process running" in _status(daemon_env)  # the run above went through it
    assert resident.returncode == fresh.returncode
    assert resident.stdout == fresh.stdout
    assert resident.stderr == fresh.stderr


def test_the_run_goes_through_the_resident_process(daemon_env: dict[str, str], monkeypatch: pytest.MonkeyPatch,
                                                  capfd: pytest.CaptureFixture[str]) -> None:
    """The client in this process: `run` answers (None would mean "check it yourself") and the
    report arrives on this process's own standard output, written there by the resident copy."""
    seed = str(next(SEEDS.glob("*.txt")))
    fresh = _run({k: v for k, v in daemon_env.items() if k != "XDG_RUNTIME_DIR"},
                 "check", "--no-cache", "--format", "json", seed)
    for key, value in daemon_env.items():
        monkeypatch.setenv(key, value)
    monkeypatch.chdir(ROOT)
    capfd.readouterr()
    code = resident.run(["check", "--no-cache", "--format", "json", seed])
    assert code == fresh.returncode == 1
    assert capfd.readouterr().out == fresh.stdout.decode()


def test_exit_codes_and_errors(daemon_env: dict[str, str], tmp_path: Path) -> None:
    clean = tmp_path / "clean.txt"
    clean.write_text("Le conseil municipal a voté le budget mardi soir.\n", encoding="utf-8")
    assert _run(daemon_env, "check", "--daemon", "--lang", "fr", str(clean)).returncode == 0
    assert _run(daemon_env, "check", "--daemon", str(SEEDS)).returncode == 1
    missing = _run(daemon_env, "check", "--daemon", str(tmp_path / "nowhere.txt"))
    assert missing.returncode == 2
    assert b"nowhere.txt" in missing.stderr
    usage = _run(daemon_env, "check", "--daemon", "--no-such-option")
    assert usage.returncode == 2
    assert b"--no-such-option" in usage.stderr


def test_standard_input(daemon_env: dict[str, str]) -> None:
    text = next(SEEDS.glob("*.txt")).read_bytes()
    args = ("--no-cache", "--lang", "fr", "--format", "json", "-")
    fresh = _run({k: v for k, v in daemon_env.items() if k != "XDG_RUNTIME_DIR"}, "check", *args, stdin=text)
    resident = _run(daemon_env, "check", "--daemon", *args, stdin=text)
    assert resident.returncode == fresh.returncode == 1
    assert resident.stdout == fresh.stdout


def test_configuration_is_read_from_the_callers_directory(daemon_env: dict[str, str], tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    shutil.copy(next(SEEDS.glob("*.txt")), article)
    before = _run(daemon_env, "check", "--daemon", "--no-cache", "--format", "json", "a.txt", cwd=tmp_path)
    (tmp_path / ".mtlint.toml").write_text('select = ["MT999"]\n', encoding="utf-8")
    bad = _run(daemon_env, "check", "--daemon", "--no-cache", "a.txt", cwd=tmp_path)
    assert bad.returncode == 2 and b"MT999" in bad.stderr  # the new configuration, read by this run
    (tmp_path / ".mtlint.toml").write_text('ignore = ["boilerplate", "punctuation"]\n', encoding="utf-8")
    after = _run(daemon_env, "check", "--daemon", "--no-cache", "--format", "json", "a.txt", cwd=tmp_path)
    fresh = _run({k: v for k, v in daemon_env.items() if k != "XDG_RUNTIME_DIR"},
                 "check", "--no-cache", "--format", "json", "a.txt", cwd=tmp_path)
    assert after.stdout == fresh.stdout
    assert after.stdout != before.stdout


def test_a_changed_rule_file_is_seen(daemon_env: dict[str, str], tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    pack.mkdir()
    (pack / "pack.toml").write_text('lang = "fr"\nversion = "1.0.0"\n', encoding="utf-8")
    rule = pack / "house-word.toml"

    def write(word: str) -> None:
        rule.write_text(
            'code = "HW001"\nname = "house-word"\ncategory = "mistranslation"\nseverity = "minor"\n'
            'kind = "pattern"\nmessage = "house word"\nwhy = "A word the house style avoids."\n'
            f"[params]\npattern = '''\\b{word}\\b'''\n"
            f'[[examples]]\nbad = "Le [[{word}]] est neuf."\n[[examples]]\ngood = "Le quai est neuf."\n',
            encoding="utf-8")

    article = tmp_path / "a.txt"
    article.write_text("Le maire a inauguré le pont et la gare.\n", encoding="utf-8")
    args = ("check", "--daemon", "--no-cache", "--lang", "fr", "--rules", str(pack), "--select", "HW001",
            "--format", "json", str(article))
    write("pont")
    first = _run(daemon_env, *args)
    assert first.returncode == 1, first.stderr
    assert b'"pont"' in first.stdout
    time.sleep(0.05)
    write("gare")
    second = _run(daemon_env, *args)
    assert second.returncode == 1, second.stderr
    assert b'"gare"' in second.stdout and b'"pont"' not in second.stdout


def test_runs_stay_apart(daemon_env: dict[str, str], tmp_path: Path) -> None:
    """What one run changes in its process (here: its selection) does not reach the next run."""
    article = next(SEEDS.glob("*.txt"))
    narrow = _run(daemon_env, "check", "--daemon", "--no-cache", "--select", "MT101", "--format", "json", str(article))
    full = _run(daemon_env, "check", "--daemon", "--no-cache", "--format", "json", str(article))
    fresh = _run({k: v for k, v in daemon_env.items() if k != "XDG_RUNTIME_DIR"},
                 "check", "--no-cache", "--format", "json", str(article))
    assert narrow.stdout != full.stdout
    assert full.stdout == fresh.stdout


def test_jobs_inside_a_resident_run(daemon_env: dict[str, str]) -> None:
    """--jobs workers are forked by the run's copy, which waits for them itself."""
    args = ("check", "--no-cache", "--jobs", "2", "--format", "json", "fixtures/seeds")
    fresh = _run({k: v for k, v in daemon_env.items() if k != "XDG_RUNTIME_DIR"}, *args)
    resident = _run(daemon_env, args[0], "--daemon", *args[1:])
    assert resident.returncode == fresh.returncode == 1
    assert resident.stdout == fresh.stdout


def test_parallel_runs(daemon_env: dict[str, str]) -> None:
    args = [sys.executable, "-m", "checker", "check", "--daemon", "--no-cache", "--format", "json", str(SEEDS)]
    procs = [subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=ROOT, env=daemon_env)
             for _ in range(4)]
    outs = [p.communicate(timeout=300) for p in procs]
    assert {p.returncode for p in procs} == {1}
    assert len({o for o, _ in outs}) == 1


def test_without_a_private_directory_the_run_is_checked_here(tmp_path: Path) -> None:
    where = _short_dir()
    try:
        shared = Path(where) / f"mtlint-{os.getuid()}"
        shared.mkdir(mode=0o755)
        shared.chmod(0o755)  # readable by others: not a place for the socket
        env = _env(where)
        out = _run(env, "check", "--daemon", "--no-cache", "--format", "json", str(SEEDS))
        fresh = _run(_env(where), "check", "--no-cache", "--format", "json", str(SEEDS))
        assert out.returncode == fresh.returncode == 1
        assert out.stdout == fresh.stdout
        assert list(shared.iterdir()) == []  # no socket, no lock: nothing was started
        assert "no private directory" in _run(env, "daemon", "status").stdout.decode()
        assert stat.S_IMODE(shared.stat().st_mode) == 0o755
    finally:
        shutil.rmtree(where, ignore_errors=True)


def test_idle_process_exits_and_stop_works() -> None:
    where = _short_dir()
    try:
        env = _env(where, MTLINT_DAEMON_IDLE="1")
        assert "not running" in _status(env)
        assert _run(env, "daemon", "start").returncode == 0
        _wait_running(env)
        _wait_stopped(env)  # a second without a run: it leaves, and removes its socket
        assert not list(Path(where, f"mtlint-{os.getuid()}").glob("*.sock"))
        env = _env(where)
        assert _run(env, "daemon", "start").returncode == 0
        _wait_running(env)
        stop = _run(env, "daemon", "stop")
        assert stop.returncode == 0 and b"stopped" in stop.stdout
        _wait_stopped(env, 60)
    finally:
        _run(_env(where), "daemon", "stop")
        shutil.rmtree(where, ignore_errors=True)


def _gone(pid: int, limit: float = 60) -> bool:
    end = time.monotonic() + limit
    while time.monotonic() < end:
        if not alive(pid):
            return True
        time.sleep(0.1)
    return False


def _one_child(pid: int, limit: float = 60) -> int:
    end = time.monotonic() + limit
    while time.monotonic() < end:
        kids = {kid for kid in children(pid) if alive(kid)}  # a killed copy not yet reaped is a zombie child
        if len(kids) == 1:
            return kids.pop()
        time.sleep(0.1)
    pytest.fail(f"the resident process has children {children(pid)}, not one waiting copy")


@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="reads /proc")
def test_a_copy_waits_for_the_next_run_and_is_replaced() -> None:
    """The resident process keeps one copy waiting for a run; the copy that takes a run is
    replaced by a new one, so is a copy that dies while it waits, and a waiting copy leaves
    when the resident process is killed."""
    where = _short_dir()
    try:
        env = _env(where)
        assert _run(env, "daemon", "start").returncode == 0
        _wait_running(env)
        lock = next(Path(where, f"mtlint-{os.getuid()}").glob("*.lock"))
        holder = int(lock.read_text(encoding="ascii"))
        first = _one_child(holder)
        fresh = _run(env, "check", "--no-cache", "--format", "json", str(SEEDS))
        out = _run(env, "check", "--daemon", "--no-cache", "--format", "json", str(SEEDS), timeout=120)
        assert out.returncode == fresh.returncode == 1 and out.stdout == fresh.stdout
        assert _gone(first)  # it took the run and left
        second = _one_child(holder)
        assert second != first
        os.kill(second, 9)
        assert _gone(second)
        third = _one_child(holder)
        assert third not in (first, second)
        out = _run(env, "check", "--daemon", "--no-cache", "--format", "json", str(SEEDS), timeout=120)
        assert out.stdout == fresh.stdout
        waiting = _one_child(holder)
        os.kill(holder, 9)
        assert _gone(waiting)  # no orphan left waiting on the socket
    finally:
        _run(_env(where), "daemon", "stop")
        shutil.rmtree(where, ignore_errors=True)


def test_no_working_directory_means_checking_here(monkeypatch: pytest.MonkeyPatch) -> None:
    """A caller whose directory was removed is not sent anywhere, and starts nothing: its own
    process reports the problem as a run without --daemon would."""
    where = _short_dir()
    try:
        monkeypatch.setenv("XDG_RUNTIME_DIR", where)

        def gone() -> str:
            raise FileNotFoundError(2, "No such file or directory")

        monkeypatch.setattr(os, "getcwd", gone)
        assert resident.run(["check", "a.txt"]) is None
        assert list(Path(where, f"mtlint-{os.getuid()}").iterdir()) == []
    finally:
        shutil.rmtree(where, ignore_errors=True)


def test_wants_daemon() -> None:
    assert launch.wants_daemon(["check", "--daemon", "a.txt"])
    assert not launch.wants_daemon(["check", "--", "--daemon"])
    assert not launch.wants_daemon(["rules", "--daemon"])
    assert not launch.wants_daemon([])


def test_wants_daemon_from_the_environment(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(launch.VARIABLE, "1")
    assert launch.wants_daemon(["check", "a.txt"])
    assert not launch.wants_daemon(["explain", "MT101"])
    monkeypatch.setenv(launch.VARIABLE, "0")
    assert not launch.wants_daemon(["check", "a.txt"])


_text = st.text(st.characters(blacklist_characters="\0", blacklist_categories=("Cs",)), max_size=20)


@given(argv=st.lists(_text, max_size=5))
def test_request_round_trip(argv: list[str]) -> None:
    request = resident.decode_request(resident.encode_request("check", argv))
    assert request["argv"] == argv
    assert request["cwd"] == os.getcwd()
    assert request["op"] == "check"
    assert request["env"] == dict(os.environ)
