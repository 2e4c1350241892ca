"""--jobs: what the parent loads before forking (checker.parallel.prepare_fork), and when."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from checker import Linter, parallel


@pytest.fixture(scope="module")
def linter() -> Linter:
    return Linter(lang="fr")


def _files(tmp_path: Path, n: int) -> list[str]:
    out = []
    for i in range(n):
        p = tmp_path / f"a{i}.txt"
        p.write_text(f"Le conseil municipal se réunit mardi {i + 2} mars pour voter le budget.\n", encoding="utf-8")
        out.append(str(p))
    return out


@pytest.mark.parametrize(("files", "prepared"), [(2, False), (3, True)])
def test_prepared_only_when_two_workers_may_load_twice(linter: Linter, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                       files: int, prepared: bool) -> None:
    calls: list[int] = []
    monkeypatch.setattr(parallel, "prepare_fork", lambda: calls.append(1))
    reports = list(linter.check_many(_files(tmp_path, files), jobs=2))
    assert [Path(r.path).name for r in reports] == [f"a{i}.txt" for i in range(files)]
    assert bool(calls) is prepared


def test_the_parent_collects_again_after_forking(linter: Linter, tmp_path: Path) -> None:
    """The heap is frozen for the workers only: after the run the parent's collector sees everything."""
    reports = list(linter.check_many(_files(tmp_path, 4), jobs=2))
    assert len(reports) == 4 and not any(r.error for r in reports)
    assert gc.get_freeze_count() == 0
