"""A checking process that has grown past ``worker-memory`` is replaced by a fresh copy
(checker.parallel): a one-job run of many files checks them in a worker, and the reports
are the same as in one process."""

from __future__ import annotations

import gc
import mmap
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from proc_util import alive, children

from checker import Linter, parallel
from checker.errors import UsageError

ROOT = Path(__file__).resolve().parent.parent

TEXTS = (
    "Le conseil municipal se réunit mardi {n} mars pour voter le budget de la ville.\n",
    "Selon le rapport, Al a transformé le secteur des médias en {n} ans.\n",
    "Partager sur Facebook\nLa ministre a annoncé {n} nouvelles mesures ,hier soir.\n",
    "Le club a signé un contrat de {n} ans avec le joueur , a-t-il annoncé.\n",
)


def _files(tmp_path: Path, n: int) -> list[str]:
    out = []
    for i in range(n):
        p = tmp_path / f"a{i:03d}.txt"
        p.write_text(TEXTS[i % len(TEXTS)].format(n=i + 2), encoding="utf-8")
        out.append(str(p))
    return out


def _pids(log: Path) -> list[int]:
    return [int(x) for x in log.read_text().split()] if log.exists() else []


@pytest.fixture()
def logged(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Each checked file appends the checking process's pid to a log (workers inherit the patch),
    and a process "grows" by 1 MiB per file it checks."""
    log = tmp_path / "pids.log"
    original = parallel._check_one
    grown = {"files": 0}

    def check_one(*args: object, **kw: object) -> object:
        with open(log, "a") as f:
            f.write(f"{os.getpid()}\n")
        grown["files"] += 1
        return original(*args, **kw)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "_check_one", check_one)
    monkeypatch.setattr(parallel, "resident_bytes", lambda: (100 + grown["files"]) << 20)
    return log


def _findings(reports: list) -> list[tuple[str, list[tuple[str, int, int]]]]:  # type: ignore[type-arg]
    return [(Path(r.path).name, [(f.rule, f.start, f.end) for f in r.findings]) for r in reports]


@pytest.mark.parametrize("jobs", [1, 2])
def test_grown_workers_are_replaced_and_reports_unchanged(tmp_path: Path, logged: Path, monkeypatch: pytest.MonkeyPatch,
                                                          jobs: int) -> None:
    monkeypatch.setattr(parallel, "WORKER_MIN_FILES", 3)
    monkeypatch.setattr(parallel, "RECYCLED_FROM", 8)
    monkeypatch.setattr(parallel, "WARM_FILES", 2)
    (tmp_path / "in").mkdir()
    files = _files(tmp_path / "in", 24)
    replaced = list(Linter(lang="fr", worker_memory=2).check_many(files, jobs=jobs))
    assert gc.get_freeze_count() == 0  # the heap was frozen for the forks only
    pids = _pids(logged)
    logged.unlink()
    alone = list(Linter(lang="fr", worker_memory=0).check_many(files, jobs=1))
    assert _findings(replaced) == _findings(alone)
    assert sum(len(r.findings) for r in alone) > 10  # the articles do hold findings
    assert not any(r.error for r in replaced)
    # The first WARM_FILES files are checked here, so that the workers start from what they
    # loaded; then each worker retires after 3 files (grown by 3 MiB > 2).
    assert pids[:2] == [os.getpid()] * 2 and os.getpid() not in pids[2:]
    workers = set(pids[2:])
    assert len(workers) >= 22 // 3
    assert all(pids[2:].count(p) <= 3 for p in workers)
    assert set(_pids(logged)) == {os.getpid()}  # worker-memory 0: one process


def test_a_short_run_stays_in_this_process(tmp_path: Path, logged: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "RECYCLED_FROM", 8)
    monkeypatch.setattr(parallel, "WARM_FILES", 1)
    list(Linter(lang="fr", worker_memory=1).check_many(_files(tmp_path, 7), jobs=1))
    assert set(_pids(logged)) == {os.getpid()}
    list(Linter(lang="fr", worker_memory=1).check_many(_files(tmp_path, 8), jobs=1))
    assert len(set(_pids(logged))) > 1


def test_a_worker_below_its_budget_is_kept(tmp_path: Path, logged: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(parallel, "WORKER_MIN_FILES", 1)
    monkeypatch.setattr(parallel, "RECYCLED_FROM", 4)
    monkeypatch.setattr(parallel, "WARM_FILES", 1)
    list(Linter(lang="fr", worker_memory=64).check_many(_files(tmp_path, 12), jobs=1))
    pids = _pids(logged)
    assert len(set(pids[1:])) == 1 and pids[1] != os.getpid()


def test_resident_bytes_reads_this_process() -> None:
    before = parallel.resident_bytes()
    if not before:
        pytest.skip("no /proc here")
    # Fresh pages from the kernel (a bytearray may reuse heap pages that are already resident,
    # as it did after 14,000 tests in one process), each touched once.
    block = mmap.mmap(-1, 32 << 20)
    for at in range(0, len(block), 4096):
        block[at] = 1
    try:
        assert parallel.resident_bytes() - before >= 24 << 20
    finally:
        block.close()


def test_bad_values_are_usage_errors() -> None:
    for bad in (-1, 1.5, True, "64"):
        with pytest.raises(UsageError, match="worker_memory"):
            Linter(worker_memory=bad)  # type: ignore[arg-type]
    proc = subprocess.run([sys.executable, "-m", "checker", "check", "--worker-memory", "-3", "x.txt"],
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert proc.returncode == 2 and "--worker-memory" in proc.stderr


def test_settings_show_it(tmp_path: Path) -> None:
    (tmp_path / ".mtlint.toml").write_text("worker-memory = 0\n", encoding="utf-8")
    assert Linter(tmp_path / ".mtlint.toml").settings_for(tmp_path)["worker_memory"] == 0
    assert Linter().settings_for(tmp_path)["worker_memory"] == parallel.DEFAULT_WORKER_MEMORY


def test_profiling_keeps_one_job_here(tmp_path: Path, logged: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """--profile times this process's rules: a one-job run is not moved to a worker."""
    monkeypatch.setattr(parallel, "RECYCLED_FROM", 4)
    monkeypatch.setattr(parallel.PROFILE, "enabled", True)
    list(Linter(lang="fr", worker_memory=1).check_many(_files(tmp_path, 8), jobs=1))
    assert set(_pids(logged)) == {os.getpid()}


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_workers_leave_when_the_main_process_is_killed(tmp_path: Path, jobs: str) -> None:
    """A worker sees end-of-file on its pipe once the main process is gone (it holds no copy of
    the main process's ends), so nothing is left running, or holding the output's pipes."""
    import signal
    import time

    if not Path("/proc/self/task").is_dir():
        pytest.skip("needs /proc")
    listing = tmp_path / "list.txt"
    listing.write_text("\n".join(_files(tmp_path, 400)) + "\n", encoding="utf-8")
    proc = subprocess.Popen([sys.executable, "-m", "checker", "check", "--no-cache", "--jobs", jobs, "--format", "jsonl",
                             "--lang", "fr", "--files-from", str(listing)], cwd=ROOT,
                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while proc.poll() is None and time.monotonic() < deadline and len(workers) < int(jobs):
        time.sleep(0.02)
        workers = children(proc.pid)
    assert proc.poll() is None and workers, "the workers never started"
    proc.send_signal(signal.SIGKILL)
    try:
        proc.communicate(timeout=60)  # returns only once every worker has closed the inherited stderr
        for pid in workers:
            for _ in range(500):
                if not alive(pid):
                    break
                time.sleep(0.02)
            else:
                pytest.fail(f"worker {pid} outlived the main process")
    finally:
        for pid in workers:  # a failing run leaves nothing behind
            if alive(pid):
                os.kill(pid, signal.SIGKILL)


def _run_in_daemonic(files: list[str], jobs: int, out: Any) -> None:
    reports = list(Linter(lang="fr", worker_memory=1).check_many(files, jobs=jobs))
    out.put([(Path(r.path).name, bool(r.error), len(r.findings)) for r in reports])


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_daemonic_process_checks_in_itself(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, jobs: int) -> None:
    """In a daemonic process (a Dask or multiprocessing worker), which may not have children,
    the files are checked in that process."""
    import multiprocessing

    monkeypatch.setattr(parallel, "RECYCLED_FROM", 4)
    files = _files(tmp_path, 8)
    ctx = multiprocessing.get_context("fork")
    queue = ctx.Queue()
    child = ctx.Process(target=_run_in_daemonic, args=(files, jobs, queue), daemon=True)
    child.start()
    child.join(timeout=120)  # (the result is a few small tuples: the queue does not hold the exit up)
    assert child.exitcode == 0
    got = queue.get(timeout=10)
    assert [name for name, _, _ in got] == [Path(f).name for f in files]
    assert not any(error for _, error, _ in got)


def test_without_proc_one_job_stays_here(tmp_path: Path, logged: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Where the resident set cannot be read (no /proc: macOS), a worker could never be replaced,
    so a one-job run is not moved to one."""
    monkeypatch.setattr(parallel, "RECYCLED_FROM", 4)
    monkeypatch.setattr(parallel, "resident_bytes", lambda: 0)
    list(Linter(lang="fr", worker_memory=64).check_many(_files(tmp_path, 8), jobs=1))
    assert set(_pids(logged)) == {os.getpid()}


@pytest.mark.parametrize("jobs", [1, 2])
def test_a_long_run_warms_up_here_before_forking(tmp_path: Path, logged: Path, monkeypatch: pytest.MonkeyPatch,
                                                 jobs: int) -> None:
    """A run whose workers may be replaced checks its first WARM_FILES files in this process: the
    workers forked after them share what those files loaded instead of each loading it again."""
    monkeypatch.setattr(parallel, "RECYCLED_FROM", 8)
    monkeypatch.setattr(parallel, "WARM_FILES", 4)
    list(Linter(lang="fr", worker_memory=64).check_many(_files(tmp_path, 12), jobs=jobs))
    pids = _pids(logged)
    assert pids[:4] == [os.getpid()] * 4 and os.getpid() not in pids[4:]
    # Without replacement (worker-memory 0) the warm-up is not needed: one job stays here.
    logged.unlink()
    list(Linter(lang="fr", worker_memory=0).check_many(_files(tmp_path, 12), jobs=1))
    assert set(_pids(logged)) == {os.getpid()}



def test_the_help_names_the_default() -> None:
    """`mtlint check --help` gives the default the configuration applies."""
    from checker.cli import build_parser

    sub = next(a for a in build_parser()._actions if a.dest == "command" or getattr(a, "choices", None))
    check = sub.choices["check"]  # type: ignore[index]
    text = next(a.help for a in check._actions if "--worker-memory" in a.option_strings)
    assert f"default {parallel.DEFAULT_WORKER_MEMORY};" in text
