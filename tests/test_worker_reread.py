"""A process forked from a parent that already read the pattern store sees what other processes
stored since, once it calls ``regexcache.reread`` (what each ``--jobs`` worker does first).

On an empty cache, a worker that retires stores what it compiled and computed; the next worker
is forked from the parent, whose view of the store and journal is as old as the run. Without
rereading, every new worker computed again what its predecessors had stored.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import CallLog

from checker import regexcache

ROOT = Path(__file__).resolve().parent.parent

_OTHER = """
import sys
sys.path.insert(0, sys.argv[1])
from checker import regexcache
with regexcache.active():
    assert regexcache.memo(("test-reread", "b"), lambda: {"made": "elsewhere"}) == {"made": "elsewhere"}
regexcache.save()
"""


def test_entries_stored_by_another_process_are_seen_after_reread(fresh_cache: Path) -> None:
    with regexcache.active():
        assert regexcache.memo(("test-reread", "a"), lambda: 1) == 1  # a miss: store and journal read
        regexcache.save()
        subprocess.run([sys.executable, "-c", _OTHER, str(ROOT)], check=True,
                       env=os.environ | {"MTLINT_CACHE_DIR": str(fresh_cache)})
        key = regexcache.memo_key(("test-reread", "b"))
        assert regexcache._get(key) is None  # the view of the store as this process first read it
        regexcache.reread()
        assert regexcache._get(key) is not None
        assert regexcache.memo(("test-reread", "b"), lambda: "computed here") == {"made": "elsewhere"}
        assert regexcache.memo(("test-reread", "a"), lambda: 2) == 1  # kept in this process


def test_each_worker_rereads_the_store(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, call_log: CallLog) -> None:
    from checker import Linter

    monkeypatch.setattr(regexcache, "reread", call_log.record)  # inherited by the forked workers
    paths = []
    for i in range(4):
        path = tmp_path / f"a{i}.txt"
        path.write_text(f"Article {i}. Le ministre a parlé mardi.\n", encoding="utf-8")
        paths.append(path)
    reports = list(Linter(lang="fr").check_many(paths, jobs=2))
    assert len(reports) == 4 and not any(r.error for r in reports)
    assert len(call_log) >= 1  # once per worker (the first file is checked in this process)


def test_unchanged_files_keep_what_was_read(fresh_cache: Path) -> None:
    with regexcache.active():
        regexcache.memo(("test-reread", "c"), lambda: 3)
        regexcache.save()  # a store file exists, newer than the one this process opened
        regexcache.reread()
        regexcache.memo(("test-reread", "d"), lambda: 4)  # a miss: the store and journal are read
        store, journal = regexcache._store, regexcache._journal
        assert store is not None and journal is not None
        regexcache.reread()  # nothing changed on disk: the copies read before (shared after a fork) stay
        assert regexcache._store is store and regexcache._journal is journal
