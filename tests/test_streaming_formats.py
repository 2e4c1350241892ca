"""Formats written file by file (checker/formats/stream.py) give exactly the bytes of the whole report.

Every comparison runs the command line twice on the same inputs: once streamed (the default
for text, full, json and github) and once through the whole-report path (``_streams``
patched to say no), which renders a RunReport holding every file. The result cache makes
the second and later runs cheap; both paths read the same cached findings.
"""

from __future__ import annotations

import gc
import io
import json
import shutil
import weakref
from pathlib import Path
from typing import Any

import pytest

from checker import cli
from checker.cli import main

ROOT = Path(__file__).resolve().parents[1]
ARTICLES = ROOT / "fixtures" / "articles"
STREAMED = ("text", "full", "json", "github")
FILES = sorted(p for p in ARTICLES.rglob("*") if p.suffix in (".txt", ".md"))


@pytest.fixture(scope="module")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A result cache warmed once with every fixture article."""
    where = tmp_path_factory.mktemp("cache")
    assert main(["check", "--quiet", "--cache-dir", str(where), str(ARTICLES)], io.StringIO(), io.StringIO()) == 1
    return where


def _run(argv: list[str], cache: Path, *, whole: bool, monkeypatch: pytest.MonkeyPatch) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with monkeypatch.context() as m:
        if whole:
            m.setattr(cli, "_streams", lambda args: False)
        code = main(["check", "--cache-dir", str(cache), *argv], out, err)
    return code, out.getvalue(), err.getvalue()


def _both(argv: list[str], cache: Path, monkeypatch: pytest.MonkeyPatch) -> tuple[tuple[int, str, str], tuple[int, str, str]]:
    return (_run(argv, cache, whole=False, monkeypatch=monkeypatch),
            _run(argv, cache, whole=True, monkeypatch=monkeypatch))


@pytest.mark.parametrize("fmt", STREAMED)
def test_streamed_output_is_the_whole_report(fmt: str, cache: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    # A missing file first (the JSON header waits for a file whose rules are known) and one in the middle.
    names = FILES
    argv = ["--format", fmt, str(tmp_path / "missing-first.txt"), *map(str, names[:5]),
            str(tmp_path / "missing-middle.txt"), *map(str, names[5:])]
    streamed, whole = _both(argv, cache, monkeypatch)
    assert streamed[1] == whole[1]
    assert streamed[0] == whole[0] == 2
    # stderr names the same problems in the same order (written as files come instead of at the end)
    assert streamed[2] == whole[2]
    assert "missing-middle.txt" in streamed[1]


@pytest.mark.parametrize("fmt", ("text", "json"))
def test_streamed_with_two_jobs(fmt: str, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    streamed, whole = _both(["--format", fmt, "--jobs", "2", str(ARTICLES)], cache, monkeypatch)
    assert streamed == whole


def test_json_is_one_valid_document(cache: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    code, text, _ = _run(["--format", "json", str(ARTICLES), str(tmp_path / "gone.txt")], cache, whole=False,
                         monkeypatch=monkeypatch)
    data = json.loads(text)
    assert list(data) == ["schema", "tool", "settings", "files", "summary"]
    assert len(data["files"]) == len(FILES) + 1
    assert data["summary"]["files"] == len(data["files"])
    assert data["settings"]["rules"] and code == 2


@pytest.mark.parametrize("fmt", ("json", "text"))
def test_nothing_checked(fmt: str, cache: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Only unreadable files: no rule ran, so the JSON header names none (as the whole report does)."""
    streamed, whole = _both(["--format", fmt, str(tmp_path / "a.txt"), str(tmp_path / "b.txt")], cache, monkeypatch)
    assert streamed == whole
    if fmt == "json":
        assert json.loads(streamed[1])["settings"]["rules"] == []


def test_output_file_and_quiet(cache: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    target = tmp_path / "report.json"
    code, text, _ = _run(["--format", "json", "-o", str(target), str(ARTICLES)], cache, whole=False, monkeypatch=monkeypatch)
    assert text == ""
    _, whole, _ = _run(["--format", "json", str(ARTICLES)], cache, whole=True, monkeypatch=monkeypatch)
    assert target.read_text(encoding="utf-8") == whole
    assert not list(tmp_path.glob(".report.json.*"))  # the temporary file was renamed
    quiet = _run(["--format", "json", "--quiet", str(ARTICLES)], cache, whole=False, monkeypatch=monkeypatch)
    assert quiet == (code, "", "")


def test_overrides_that_change_the_selection(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Per-path overrides select other rules: settings.rules is the union, known only at the end."""
    project = tmp_path / "project"
    (project / "sport").mkdir(parents=True)
    names = [p for p in FILES if p.suffix == ".txt"][:4]
    for i, p in enumerate(names):
        shutil.copy(p, (project / "sport" if i % 2 else project) / p.name)
    (project / ".mtlint.toml").write_text(
        '[[overrides]]\npaths = ["sport/**"]\nselect = ["MT5"]\n', encoding="utf-8")
    cache = tmp_path / "cache"
    streamed, whole = _both(["--format", "json", str(project)], cache, monkeypatch)
    assert streamed == whole
    rules = json.loads(streamed[1])["settings"]["rules"]
    assert any(not r.startswith("MT5") for r in rules) and any(r.startswith("MT5") for r in rules)


def test_github_order_and_step_summary(cache: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Many annotations (most severe first, after a notice) and a step summary cut to a few files and passages."""
    from checker.formats import github

    monkeypatch.setattr(github, "MAX_FILES", 3)
    monkeypatch.setattr(github, "WORST_PASSAGES", 2)
    summaries = []
    outputs = []
    for whole in (False, True):
        summary = tmp_path / f"summary-{whole}.md"
        monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
        outputs.append(_run(["--format", "github", str(ARTICLES), str(tmp_path / "x.txt")], cache, whole=whole,
                            monkeypatch=monkeypatch))
        summaries.append(summary.read_text(encoding="utf-8"))
    assert outputs[0] == outputs[1]
    assert outputs[0][1].startswith("::notice ")  # more than GitHub shows: sorted by severity
    assert summaries[0] == summaries[1]
    assert "more files, with higher scores" in summaries[0]
    # quiet still writes the step summary
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(tmp_path / "quiet.md"))
    _run(["--format", "github", "--quiet", str(ARTICLES), str(tmp_path / "x.txt")], cache, whole=False, monkeypatch=monkeypatch)
    assert (tmp_path / "quiet.md").read_text(encoding="utf-8") == summaries[0]


def test_checked_documents_are_released(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """When the last file is written, the Documents of the files before it are gone."""
    from checker import parallel
    from checker.formats import stream

    refs: list[weakref.ReferenceType[Any]] = []
    alive_at_close: list[int] = []
    original_check_all = parallel.check_all
    original_close = stream.TextWriter.close

    def spying_check_all(*args: Any, **kwargs: Any) -> Any:
        for report, line in original_check_all(*args, **kwargs):
            if report.document is not None:
                refs.append(weakref.ref(report.document))
            yield report, line

    def counting_close(self: Any, *args: Any) -> None:
        gc.collect()
        alive_at_close.append(sum(r() is not None for r in refs))
        original_close(self, *args)

    monkeypatch.setattr(parallel, "check_all", spying_check_all)
    monkeypatch.setattr(stream.TextWriter, "close", counting_close)
    code, text, _ = _run(["--format", "text", str(ARTICLES)], cache, whole=False, monkeypatch=monkeypatch)
    assert len(refs) == len(FILES) > 10
    assert alive_at_close == [0]
    assert text.startswith(str(ARTICLES)) and code == 1
