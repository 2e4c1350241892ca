"""Discovery with gitignore semantics: anchored, nested, ** and negated patterns, ignore files, --force-exclude."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from checker import Linter
from checker.cli import main
from checker.globs import Patterns, matches


def make(root: Path, *names: str) -> None:
    for name in names:
        p = root / name
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_text("Le ministre a présenté le projet.\n", encoding="utf-8")


def shown(root: Path, *argv: str) -> list[str]:
    out, err = io.StringIO(), io.StringIO()
    main(["check", "--show-files", *argv], out, err)
    assert "Traceback" not in err.getvalue()
    return sorted((Path.cwd() / line).relative_to(root).as_posix() for line in out.getvalue().splitlines())


@pytest.fixture
def repo(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    make(tmp_path, "a.txt", "archive/old.md", "archive/old.txt", "news/archive/x.md", "news/b.md",
         "news/drafts/d.md", "keep.md", "deep/er/drafts/e.md")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_the_matcher() -> None:
    p = Patterns(["/archive", "drafts/", "**/tmp/*.md", "*.md", "!keep.md"])
    assert p.matches("archive/x.txt") and not p.matches("news/archive/x.txt")
    assert p.matches("a/drafts", is_dir=True) and not p.matches("a/drafts")  # a file named drafts
    assert p.matches("x/y/tmp/z.md") and not p.matches("keep.md") and p.matches("sub/z.md")
    assert not matches("a.txt", [])


def test_anchored_pattern(repo: Path) -> None:
    # Before: '/archive' matched nothing. Now it is the top-level archive only.
    assert shown(repo, "--exclude", "/archive", str(repo)) == [
        "a.txt", "deep/er/drafts/e.md", "keep.md", "news/archive/x.md", "news/b.md", "news/drafts/d.md"]


def test_pattern_with_a_slash_is_anchored_not_nested(repo: Path) -> None:
    # Before: 'archive/*.md' also skipped news/archive/x.md. Now only archive/old.md.
    files = shown(repo, "--exclude", "archive/*.md", str(repo))
    assert "archive/old.md" not in files and "news/archive/x.md" in files and "archive/old.txt" in files


def test_double_star_and_names_at_any_depth(repo: Path) -> None:
    assert "deep/er/drafts/e.md" not in shown(repo, "--exclude", "**/er/**", str(repo))
    files = shown(repo, "--exclude", "drafts", str(repo))
    assert "news/drafts/d.md" not in files and "deep/er/drafts/e.md" not in files and "news/b.md" in files


def test_negation(repo: Path) -> None:
    assert shown(repo, "--exclude", "*.md", "--exclude", "!keep.md", str(repo)) == ["a.txt", "archive/old.txt", "keep.md"]


def test_gitignore_and_mtlintignore_are_honoured(repo: Path) -> None:
    (repo / ".git").mkdir()
    (repo / ".gitignore").write_text("# generated\n/archive/\n", encoding="utf-8")
    (repo / "news" / ".mtlintignore").write_text("drafts/\n", encoding="utf-8")
    (repo / "deep" / ".gitignore").write_text("*.md\n!e.md\n", encoding="utf-8")
    files = shown(repo, str(repo))
    assert files == ["a.txt", "deep/er/drafts/e.md", "keep.md", "news/archive/x.md", "news/b.md"]
    # Searching a subdirectory still reads the ignore files above it, up to the repository root.
    (repo / "news" / ".gitignore").write_text("b.md\n", encoding="utf-8")
    (repo / ".gitignore").write_text("/archive/\nx.md\n", encoding="utf-8")
    out, err = io.StringIO(), io.StringIO()
    main(["check", "--show-files", str(repo / "news")], out, err)
    assert out.getvalue() == "" and "no file matching" in err.getvalue()
    # --no-ignore-files turns all of them off.
    assert len(shown(repo, "--no-ignore-files", str(repo))) == 8
    # The library does the same (RunOptions.ignore_files, on by default).
    from checker import RunOptions

    assert len(list(Linter(select="MT211").check_many([repo]))) == 3
    assert len(list(Linter(select="MT211", options=RunOptions(ignore_files=False)).check_many([repo]))) == 8


def test_force_exclude_applies_to_files_given_by_name(repo: Path) -> None:
    (repo / ".mtlint.toml").write_text('exclude = ["/archive"]\n', encoding="utf-8")
    (repo / ".git").mkdir()
    (repo / ".gitignore").write_text("drafts/\n", encoding="utf-8")
    named = ["archive/old.md", "news/drafts/d.md", "news/b.md"]
    # A file given by name is checked, whatever the excludes (as before)…
    assert shown(repo, *named) == sorted(named)
    # …unless --force-exclude, as the pre-commit hook passes it.
    assert shown(repo, "--force-exclude", *named) == ["news/b.md"]
    out = io.StringIO()
    code = main(["check", "--force-exclude", "--lang", "fr", "archive/old.md"], out, io.StringIO())
    assert code == 0 and "No issues in 0 files" in out.getvalue()


def test_overrides_use_the_same_rules(tmp_path: Path) -> None:
    (tmp_path / ".mtlint.toml").write_text(
        'lang = "fr"\n[[overrides]]\npaths = ["/en"]\nlang = "en"\n', encoding="utf-8")
    make(tmp_path, "en/a.txt", "fr/en/b.txt")
    linter = Linter(tmp_path / ".mtlint.toml")
    assert linter.settings_for(tmp_path / "en" / "a.txt")["lang"] == "en"
    assert linter.settings_for(tmp_path / "fr" / "en" / "b.txt")["lang"] == "fr"
