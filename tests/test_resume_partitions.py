"""Per-partition resume (checker.dask.write_part, python -m checker.cluster): a partition written by two
tasks at once (a stopped run's task still going) holds each record once; a cluster run killed with
SIGKILL (driver, scheduler and workers at once) at random points and run again leaves every record once."""

from __future__ import annotations

import json
import os
import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from conftest import lines_written

ROOT = Path(__file__).resolve().parent.parent
WORDS = ["le", "la", "maire", "projet", "conseil", "ville", "budget", "route", "habitants", "réunion", "mardi"]


def archive(path: Path, n: int, seed: int = 9) -> Path:
    rnd = random.Random(seed)
    path.write_text("".join(
        json.dumps({"id": f"p{i:04d}", "lang": "fr",
                    "text": " ".join(rnd.choice(WORDS) for _ in range(rnd.randint(4, 50))).capitalize() + "."},
                   ensure_ascii=False) + "\n" for i in range(n)), encoding="utf-8")
    return path


def ids_in(directory: Path) -> list[str]:
    return [json.loads(line)["id"] for p in sorted(directory.glob("part-*.jsonl"))
            for line in p.read_text(encoding="utf-8").splitlines()]



@pytest.mark.skipif(not hasattr(os, "fork"), reason="flock is POSIX")
def test_two_tasks_on_one_partition_write_each_record_once(tmp_path: Path) -> None:
    import checker.dask as cd

    src = archive(tmp_path / "in.jsonl", 30)
    (part,) = cd.partitions([str(src)], 1 << 30)
    settings = cd._settings(None, {"lang": "fr"})
    out = tmp_path / "out"
    out.mkdir()
    counts: list[int] = []
    threads = [threading.Thread(target=lambda: counts.append(cd.write_part(part, settings, cd.DEFAULT_FIELDS, str(out))))
               for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=300)
    assert sorted(counts) == [0, 30]  # the second task waited for the first, then found everything done
    assert sorted(ids_in(out)) == [f"p{i:04d}" for i in range(30)]


@pytest.mark.slow
def test_cluster_run_killed_at_random_points_resumes_every_partition(tmp_path: Path) -> None:
    pytest.importorskip("distributed")
    src = archive(tmp_path / "in.jsonl", 240)
    out = tmp_path / "out"
    cmd = [sys.executable, "-m", "checker.cluster", "local", str(src), "-o", str(out), "--workers", "2",
           "--lang", "fr", "--blocksize", "4000"]
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    rnd = random.Random(41)
    kills, progress = 0, []
    for _ in range(10):
        # A session of its own: SIGKILL to the group stops the driver, the scheduler and the workers at once.
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, start_new_session=True)
        if kills < 3:
            # Kill at a random point of the progress, not of the clock: a fast machine (warm caches)
            # may finish a run before any fixed delay.
            target = rnd.randint(min(lines_written(out.glob("part-*.jsonl")) + 1, 239), 239)
            while proc.poll() is None and lines_written(out.glob("part-*.jsonl")) < target:
                time.sleep(0.02)
            if proc.poll() is None:
                os.killpg(proc.pid, signal.SIGKILL)
                kills += 1
        stdout, _ = proc.communicate(timeout=600)
        progress.append(len(ids_in(out)) if out.exists() else 0)
        if proc.returncode == 0:
            break
        assert proc.returncode == -signal.SIGKILL, proc.returncode
    else:
        pytest.fail("the run never completed")
    assert kills >= 1, progress
    ids = ids_in(out)
    assert sorted(ids) == [f"p{i:04d}" for i in range(240)], progress  # each record exactly once
    lines = [line for p in out.glob("part-*.jsonl") for line in p.read_text(encoding="utf-8").splitlines()]
    assert all(json.loads(line)["error"] is None for line in lines)
