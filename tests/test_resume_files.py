"""--resume over plain files: path + content hash already in OUT are skipped, the rest appended,
the last line of a path wins, a torn last line is dropped, a SIGKILL at any moment loses nothing."""

from __future__ import annotations

import hashlib
import io
import json
import os
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import lines_written

from checker.cli import main
from checker.resume import FileResume

ROOT = Path(__file__).resolve().parent.parent
PHRASES = [
    "Le conseil municipal a voté le budget de la piscine mardi soir.",
    "Les travaux de la route commenceront au printemps, selon la mairie.",
    "Le maire a dit que le le chantier prendra du retard.",
    "Une réunion publique est prévue à la salle des fêtes jeudi.",
]


def make_tree(root: Path, n: int, seed: int = 3) -> list[Path]:
    rnd = random.Random(seed)
    root.mkdir(parents=True, exist_ok=True)
    paths = []
    for i in range(n):
        p = root / f"article-{i:03d}.txt"
        p.write_text(" ".join(rnd.choice(PHRASES) for _ in range(rnd.randint(1, 3))) + "\n", encoding="utf-8")
        paths.append(p)
    return paths


def cli(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    code = main(list(argv), stdout=out, stderr=err)
    return code, out.getvalue(), err.getvalue()


def read(out: Path) -> tuple[list[dict], dict]:
    lines = [json.loads(x) for x in out.read_text(encoding="utf-8").splitlines()]
    assert "summary" in lines[-1] and not any("summary" in e for e in lines[:-1])
    return lines[:-1], lines[-1]["summary"]


@pytest.fixture
def counted(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The displays of the files the runner actually checks (in this process: --jobs 1)."""
    from checker.runner import Runner

    seen: list[str] = []
    original = Runner.check_target

    def spy(self, target):  # noqa: ANN001, ANN202
        seen.append(target.display)
        return original(self, target)

    monkeypatch.setattr(Runner, "check_target", spy)
    return seen


def test_unchanged_skipped_changed_rechecked_new_appended(tmp_path: Path, counted: list[str],
                                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    paths = make_tree(tmp_path / "news", 6)
    args = ("check", "news", "--lang", "fr", "--format", "jsonl", "-o", "out.jsonl", "--resume")
    cli(*args)
    assert len(counted) == 6
    first, summary = read(tmp_path / "out.jsonl")
    assert summary["files"] == 6
    for e in first:
        assert e["sha256"] == hashlib.sha256((tmp_path / e["path"]).read_bytes()).hexdigest()
    # Nothing changed: nothing checked, same entries.
    counted.clear()
    code, out, _ = cli(*args)
    assert counted == [] and out == ""
    again, summary2 = read(tmp_path / "out.jsonl")
    assert again == first and summary2 == summary
    # One file edited, one added: only those two are checked; the edited file's older line is gone.
    paths[2].write_text("Le le maire a parlé.\n", encoding="utf-8")
    (tmp_path / "news" / "zz-new.txt").write_text("La mairie ouvre une nouvelle crèche.\n", encoding="utf-8")
    counted.clear()
    cli(*args)
    assert sorted(counted) == sorted([f"news/{paths[2].name}", "news/zz-new.txt"])
    final, summary3 = read(tmp_path / "out.jsonl")
    by_path = {e["path"]: e for e in final}
    assert len(by_path) == len(final) == 7 and summary3["files"] == 7
    edited = by_path[f"news/{paths[2].name}"]
    assert edited["sha256"] == hashlib.sha256(paths[2].read_bytes()).hexdigest()
    unchanged = [e for e in first if e["path"] != f"news/{paths[2].name}"]
    assert [e for e in final if e["path"] in {u["path"] for u in unchanged}] == unchanged
    assert summary3["issues"] == sum(len(e["issues"]) for e in final)


def test_torn_last_line_is_dropped_and_result_equals_a_fresh_run(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    make_tree(tmp_path / "news", 8)
    args = ("check", "news", "--lang", "fr", "--format", "jsonl", "--resume")
    cli(*args, "-o", "fresh.jsonl")
    fresh = (tmp_path / "fresh.jsonl").read_text(encoding="utf-8")
    lines = fresh.splitlines(keepends=True)
    (tmp_path / "half.jsonl").write_text("".join(lines[:3]) + lines[3][:30], encoding="utf-8")
    state = FileResume.load(tmp_path / "half.jsonl")
    assert state.dropped_torn and state.lines == 3 and len(state.latest) == 3
    assert (tmp_path / "half.jsonl").read_text(encoding="utf-8") == "".join(lines[:3])
    (tmp_path / "half.jsonl").write_text("".join(lines[:3]) + lines[3][:30], encoding="utf-8")
    code, _, err = cli(*args, "-o", "half.jsonl")
    assert "torn" in err
    assert (tmp_path / "half.jsonl").read_text(encoding="utf-8") == fresh  # same lines, same order, same summary


def test_last_line_of_a_path_wins(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counted: list[str]) -> None:
    """A run stopped after re-checking a changed file leaves two lines for it: the later one is kept."""
    monkeypatch.chdir(tmp_path)
    paths = make_tree(tmp_path / "news", 3)
    args = ("check", "news", "--lang", "fr", "--format", "jsonl", "-o", "out.jsonl", "--resume")
    cli(*args)
    lines = (tmp_path / "out.jsonl").read_text(encoding="utf-8").splitlines(keepends=True)
    stale = json.loads(lines[0])
    stale["sha256"] = "0" * 64
    stale["words"] = 999
    # The stale line first, then the current ones, as a stopped run leaves them (no summary).
    (tmp_path / "out.jsonl").write_text(json.dumps(stale) + "\n" + "".join(lines[:-1]), encoding="utf-8")
    state = FileResume.load(tmp_path / "out.jsonl")
    assert state.superseded == {0}
    counted.clear()
    cli(*args)
    assert counted == []
    final, summary = read(tmp_path / "out.jsonl")
    assert [e["path"] for e in final] == [f"news/{p.name}" for p in paths]
    assert all(e["words"] != 999 for e in final) and summary["files"] == 3


def test_entries_without_hash_are_checked_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, counted: list[str]) -> None:
    monkeypatch.chdir(tmp_path)
    make_tree(tmp_path / "news", 4)
    cli("check", "news", "--lang", "fr", "--format", "jsonl", "-o", "out.jsonl")  # no --resume: no hash
    before, _ = read(tmp_path / "out.jsonl")
    assert all("sha256" not in e for e in before)
    counted.clear()
    cli("check", "news", "--lang", "fr", "--format", "jsonl", "-o", "out.jsonl", "--resume")
    assert len(counted) == 4
    after, summary = read(tmp_path / "out.jsonl")
    assert [e["path"] for e in after] == [e["path"] for e in before] and summary["files"] == 4
    assert all(e["sha256"] for e in after)


def test_unreadable_file_error_entry_is_retried(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    make_tree(tmp_path / "news", 2)
    args = ("check", "news/article-000.txt", "news/missing.txt", "--lang", "fr", "--format", "jsonl",
            "-o", "out.jsonl", "--resume")
    code, _, _ = cli(*args)
    assert code == 2
    (tmp_path / "news" / "missing.txt").write_text("La mairie ouvre une crèche.\n", encoding="utf-8")
    code, _, _ = cli(*args)
    final, summary = read(tmp_path / "out.jsonl")
    assert [e["path"] for e in final] == ["news/article-000.txt", "news/missing.txt"]
    assert final[1]["error"] is None and summary["errors"] == 0 and code in (0, 1)


def test_resume_needs_jsonl_and_an_output(tmp_path: Path) -> None:
    make_tree(tmp_path / "news", 1)
    code, _, err = cli("check", str(tmp_path / "news"), "--format", "jsonl", "--resume")
    assert code == 2 and "-o OUT" in err
    code, _, err = cli("check", str(tmp_path / "news"), "--format", "json", "-o", str(tmp_path / "o"), "--resume")
    assert code == 2 and "--format jsonl" in err


@pytest.mark.slow
def test_sigkill_at_random_points_then_resume_gives_every_file_once(tmp_path: Path) -> None:
    paths = make_tree(tmp_path / "news", 120, seed=11)
    out = tmp_path / "out.jsonl"
    cmd = [sys.executable, "-m", "checker", "check", "news", "--format", "jsonl", "-o", str(out), "--lang", "fr",
           "--resume", "--no-cache"]
    env = {**os.environ, "PYTHONPATH": str(ROOT), "MTLINT_CACHE_DIR": str(tmp_path / "cache")}
    rnd = random.Random(14)
    kills = 0
    sizes = []
    for attempt in range(14):
        if attempt == 3:  # a file changes between two runs: it is checked again, its older line superseded
            paths[0].write_text("Le le conseil a voté.\n", encoding="utf-8")
        proc = subprocess.Popen(cmd, cwd=tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
        if kills < 6:
            # Kill at a random point of the progress, not of the clock: warm caches may finish a run
            # before any fixed delay.
            target = rnd.randint(min(lines_written([out]) + 1, 119), 119)
            while proc.poll() is None and lines_written([out]) < target:
                time.sleep(0.01)
            if proc.poll() is None:
                proc.send_signal(signal.SIGKILL)
                kills += 1
        proc.communicate(timeout=300)
        sizes.append(out.stat().st_size if out.exists() else 0)
        if proc.returncode in (0, 1):
            break
        assert proc.returncode == -signal.SIGKILL, proc.returncode
    else:
        pytest.fail("the run never completed")
    assert kills >= 1
    final, summary = read(out)  # every line whole, one summary at the end
    assert sorted(e["path"] for e in final) == sorted(f"news/{p.name}" for p in paths)  # each exactly once
    assert summary["files"] == len(paths)
    for e in final:
        assert e["sha256"] == hashlib.sha256((tmp_path / e["path"]).read_bytes()).hexdigest()

