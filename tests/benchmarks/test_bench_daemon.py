"""``mtlint check --daemon`` on one article (issue #11's pre-commit case), never asserted as a limit.

``python -m pytest tests/benchmarks/test_bench_daemon.py --benchmark-enable -s`` runs, in
interleaved rounds, ``python -c pass``, a whole ``mtlint check`` process, the same check
through the resident process and (when ``MTLINT_PROSELINT`` names its command) proselint,
all on the same ~4 KB French article. The resident run's CPU is the client's (a child of
this process) plus the resident process's: its own time and that of the copies it forked
and reaped, read from ``/proc/PID/stat`` before and after each run (Linux). Wall times and
the ratios are printed and kept in the benchmark's extra info; docs/scaling.md holds them.
"""

from __future__ import annotations

import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest

from checker import launch, resident

ROOT = Path(__file__).resolve().parents[2]
CORPUS = Path(os.environ.get("MTLINT_SHARED", ROOT.parent / "shared")) / "corpus"

pytestmark = pytest.mark.skipif(not resident.available() or not Path("/proc/self/stat").exists(),
                                reason="needs Unix sockets, fork and /proc")


def _article() -> Path:
    listing = CORPUS / "subsets" / "small.txt"
    if not listing.is_file():
        pytest.skip("../shared/corpus is absent")
    return CORPUS / listing.read_text(encoding="utf-8").split()[0]


def _resident_cpu(pid: int) -> float:
    """User + system time of `pid` and of the children it has reaped, in seconds."""
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return sum(int(x) for x in fields[11:15]) / os.sysconf("SC_CLK_TCK")


def _holder(where: str) -> int:
    locks = list(Path(where, f"mtlint-{os.getuid()}").glob("*.lock"))
    assert locks, "no resident process"
    return int(locks[0].read_text(encoding="ascii"))


def test_daemon_article_cpu(benchmark) -> None:
    article = _article()
    where = tempfile.mkdtemp(prefix="mtd", dir="/tmp")
    os.chmod(where, 0o700)
    env = {**os.environ, "NO_COLOR": "1", "XDG_RUNTIME_DIR": where, "MTLINT_DAEMON_IDLE": "600"}
    env.pop(launch.VARIABLE, None)
    # An installed mtlint has its bytecode compiled; the first runs below write it if needed.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    check = [sys.executable, "-m", "checker", "check", "--no-cache", "--quiet", "--lang", "fr"]
    commands = {"python -c pass": [sys.executable, "-c", "pass"], "process": [*check, str(article)],
                "resident": [*check, "--daemon", str(article)]}
    proselint = os.environ.get("MTLINT_PROSELINT")
    if proselint:
        commands["proselint"] = [proselint, "check", str(article)]
    try:
        subprocess.run(commands["resident"], env=env, capture_output=True, check=False)  # starts it
        end = time.monotonic() + 240
        while time.monotonic() < end and not list(Path(where, f"mtlint-{os.getuid()}").glob("*.sock")):
            time.sleep(0.3)
        pid = _holder(where)
        for argv in commands.values():
            subprocess.run(argv, env=env, capture_output=True, check=False)
        cpu: dict[str, list[float]] = {k: [] for k in commands}
        wall: dict[str, list[float]] = {k: [] for k in commands}
        count = 1 if getattr(benchmark, "disabled", False) else 15

        def rounds() -> None:
            for _ in range(count):
                for name, argv in commands.items():
                    resident = _resident_cpu(pid)
                    before = resource.getrusage(resource.RUSAGE_CHILDREN)
                    start = time.perf_counter()
                    subprocess.run(argv, env=env, capture_output=True, check=False)
                    wall[name].append(time.perf_counter() - start)
                    after = resource.getrusage(resource.RUSAGE_CHILDREN)
                    used = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
                    if name == "resident":
                        time.sleep(0.05)  # the copy is reaped at the next accept or idle check
                        used += _resident_cpu(pid) - resident
                    cpu[name].append(used)

        benchmark.pedantic(rounds, rounds=1, iterations=1)
    finally:
        subprocess.run([sys.executable, "-m", "checker", "daemon", "stop"], env=env, capture_output=True, check=False)
        shutil.rmtree(where, ignore_errors=True)
    med = {k: statistics.median(v) for k, v in cpu.items()}
    info = {f"cpu_median_s[{k}]": v for k, v in med.items()}
    info.update({f"wall_median_s[{k}]": statistics.median(v) for k, v in wall.items()})
    info["resident_over_process_cpu"] = med["resident"] / med["process"]
    if "proselint" in med:
        info["resident_over_proselint_cpu"] = med["resident"] / med["proselint"]
        info["resident_over_proselint_wall"] = info["wall_median_s[resident]"] / info["wall_median_s[proselint]"]
    benchmark.extra_info.update(info)
    for key, value in info.items():
        print(f"{key}: {value:.3f}")
    assert med["resident"] > 0 and med["process"] > 0
