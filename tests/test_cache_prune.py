"""Old versions of what the cache converts (word lists, the language model, rule sets) do not
pile up: a new environment, a new wordfreq or an edited rule file converts them again under a
new name, and the copies no run uses any more go when the next one is made
(``cachedir.prune_versions``), while the recent and the recently used ones stay."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from checker import cachedir
from checker.cachedir import KEEP_VERSIONS, STALE_AFTER, USED_REFRESH, mark_used, prune_versions

DAY = 24 * 3600


def _aged(path: Path, seconds: float) -> Path:
    when = time.time() - seconds
    os.utime(path, (when, when))
    return path


def test_keeps_the_newest_the_current_and_the_recently_used(tmp_path: Path) -> None:
    versions = []
    for i in range(KEEP_VERSIONS + 4):
        d = tmp_path / f"model-{i}"
        d.mkdir()
        (d / "a.npy").write_bytes(b"x")
        versions.append(d)
    # ages: 0, 1 … days: the last ones are stale, but one of them is the current one
    for i, d in enumerate(versions):
        _aged(d, (i * 3 + 1) * DAY if i >= KEEP_VERSIONS else i * 60)
    recent_but_beyond = versions[KEEP_VERSIONS]
    _aged(recent_but_beyond, STALE_AFTER / 2)  # beyond the newest few, but used this week
    current = versions[-1]
    removed = prune_versions(((d, [d]) for d in versions), current=current)
    left = sorted(p.name for p in tmp_path.iterdir())
    assert removed == 2
    assert left == sorted([*(d.name for d in versions[:KEEP_VERSIONS + 1]), current.name])


def _file(path: Path, age: float) -> Path:
    path.write_bytes(b"old")
    return _aged(path, age)


def test_a_missing_marker_or_part_is_no_error(tmp_path: Path) -> None:
    gone = tmp_path / "gone"
    recent = [_file(tmp_path / f"{i}.pickle", i) for i in range(KEEP_VERSIONS)]
    old = _file(tmp_path / "old.pickle", 30 * DAY)
    entries = [(gone, [gone]), *((p, [p]) for p in recent), (old, [old, tmp_path / "never-made"])]
    assert prune_versions(entries) == 1
    assert not old.exists() and all(p.exists() for p in recent)


def test_mark_used_writes_at_most_once_a_day(tmp_path: Path) -> None:
    f = tmp_path / "entry"
    f.write_bytes(b"")
    _aged(f, USED_REFRESH / 2)
    before = f.stat().st_mtime
    mark_used(f)
    assert f.stat().st_mtime == before  # used recently enough: no write
    _aged(f, USED_REFRESH * 2)
    mark_used(f)
    assert time.time() - f.stat().st_mtime < 60
    mark_used(tmp_path / "missing")  # no error


def test_converting_a_word_list_removes_its_stale_copies(fresh_cache: Path) -> None:
    from checker import lexicon, lexstore

    source = lexicon._files("small").get("fr")
    if source is None:
        pytest.skip("wordfreq has no small French list here")
    name = source.name.split(".")[0]
    folder = fresh_cache / "lexicon"
    folder.mkdir(parents=True)
    stale = []
    for i in range(KEEP_VERSIONS + 1):
        head = f"{name}-{i:020d}"
        parts = [folder / f"{head}.{ext}" for ext in ("marisa", "ids", "ord", "words", "del1-80000-v1.marisa")]
        for part in parts:
            part.write_bytes(b"old")
        _aged(parts[0], STALE_AFTER + (i + 1) * DAY)
        stale.append(parts)
    other = folder / f"large_xx-{0:020d}.marisa"  # another list: never touched
    other.write_bytes(b"old")
    _aged(other, 100 * DAY)

    mapped = lexstore.open_list(source)
    assert mapped is not None and len(mapped) > 1000
    kept = [parts for parts in stale if parts[0].exists()]
    assert len(kept) == KEEP_VERSIONS - 1  # with the new conversion: the newest versions
    assert all(not part.exists() for parts in stale if parts not in kept for part in parts)
    assert other.exists()
    assert sorted(kept, key=lambda parts: parts[0].stat().st_mtime) == sorted(stale[: KEEP_VERSIONS - 1], key=lambda parts: parts[0].stat().st_mtime)


def test_rule_sets_of_old_edits_go(fresh_cache: Path) -> None:
    from checker.rules import builtin_rules_dir, load_rules

    folder = fresh_cache / "rules-data"
    folder.mkdir(parents=True)
    old = [_file(folder / f"{i:064x}.v1.pickle", STALE_AFTER + (i + 1) * DAY) for i in range(KEEP_VERSIONS + 2)]
    load_rules([builtin_rules_dir()])  # validates and stores the rule set: the second load reads it
    load_rules([builtin_rules_dir()])
    assert len(list(folder.glob("*.pickle"))) == KEEP_VERSIONS
    assert sum(p.exists() for p in old) == KEEP_VERSIONS - 1
    assert cachedir.KEEP_VERSIONS == KEEP_VERSIONS


def test_converting_the_language_model_removes_its_stale_copies(fresh_cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from checker import langid

    folder = fresh_cache / "langid"
    stale = []
    for i in range(KEEP_VERSIONS + 1):
        d = folder / f"model-{i:020d}"
        d.mkdir(parents=True)
        (d / "ptc.npy").write_bytes(b"old")
        stale.append(_aged(d, STALE_AFTER + (i + 1) * DAY))
    made: list[Path] = []

    def convert(source: Path, target: Path) -> bool:
        made.append(target)
        target.mkdir(parents=True, exist_ok=True)
        return False  # as a model of another layout: the process goes on without the cache

    monkeypatch.setattr(langid, "_convert_model", convert)
    monkeypatch.setattr(cachedir, "APART", [False])  # the stand-in converts here, not in a new interpreter
    langid._mapped_model.cache_clear()
    try:
        assert langid._mapped_model() is None
    finally:
        langid._mapped_model.cache_clear()
    assert made and all(d.exists() for d in stale)  # a failed conversion removes nothing

    def convert_ok(source: Path, target: Path) -> bool:
        convert(source, target)
        (target / "ready").write_text("2")
        return True

    monkeypatch.setattr(langid, "_convert_model", convert_ok)
    try:
        langid._mapped_model()  # its arrays are missing here: None, after the pruning
    finally:
        langid._mapped_model.cache_clear()
    assert sum(d.exists() for d in stale) == KEEP_VERSIONS - 1
    assert made[-1].exists()
