"""The pre-commit hook: the real ``pre-commit`` on a copy of this checkout's tracked files.

A project's ``.pre-commit-config.yaml`` names that copy (a git repository) at its commit, as a
content repository names mtlint's; ``pre-commit run --files`` runs the hook. pre-commit builds
the hook's environment from PyPI once (a few dependencies, about a minute) in a PRE_COMMIT_HOME
shared by the module's tests, and every later run reuses it. (``pre-commit try-repo``, the
hook author's shortcut, builds a new environment at every call: 40 s each.)
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from conftest import ROOT

pytestmark = pytest.mark.slow

PRE_COMMIT = Path(sys.executable).with_name("pre-commit")


def _git(*args: str, cwd: Path) -> None:
    subprocess.run(["git", "-c", "user.name=t", "-c", "user.email=t@example.org", *args],
                   cwd=cwd, check=True, capture_output=True)


@pytest.fixture(scope="module")
def hook_repo(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, str, Path]:
    """The checkout's tracked files (as they are in the working tree), committed in a fresh
    repository: that repository, its commit and the PRE_COMMIT_HOME of the module's runs."""
    if not PRE_COMMIT.exists() and shutil.which("pre-commit") is None:
        pytest.skip("pre-commit is not installed")
    repo = tmp_path_factory.mktemp("hookrepo")
    listed = subprocess.run(["git", "ls-files", "-z"], cwd=ROOT, capture_output=True, check=True).stdout
    for name in filter(None, listed.decode().split("\0")):
        src = ROOT / name
        if src.is_file():
            dest = repo / name
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(src, dest)
    _git("init", "-q", cwd=repo)
    _git("add", ".", cwd=repo)
    _git("commit", "-q", "-m", "snapshot", cwd=repo)
    rev = subprocess.run(["git", "rev-parse", "HEAD"], cwd=repo, capture_output=True, text=True, check=True).stdout.strip()
    return repo, rev, tmp_path_factory.mktemp("pre-commit-home")


def _run_hook(hook_repo: tuple[Path, str, Path], project: Path, article: str, extra_env: dict[str, str] | None = None,
              hook: str = "mtlint") -> subprocess.CompletedProcess[str]:
    repo, rev, home = hook_repo
    exe = str(PRE_COMMIT) if PRE_COMMIT.exists() else "pre-commit"
    # The hook's result cache is the project's .mtlint_cache unless MTLINT_CACHE_DIR moves every
    # cache elsewhere (a developer's setting): the test reads the project's, so it drops that one.
    env = {**{k: v for k, v in os.environ.items() if k != "MTLINT_CACHE_DIR"}, "NO_COLOR": "1",
           "PRE_COMMIT_HOME": str(home), **(extra_env or {})}
    return subprocess.run([exe, "run", hook, "--files", article, "--color", "never"],
                          cwd=project, capture_output=True, text=True, timeout=900, env=env)


@pytest.fixture
def project(tmp_path: Path, hook_repo: tuple[Path, str, Path]) -> Path:
    repo, rev, _ = hook_repo
    _git("init", "-q", cwd=tmp_path)
    (tmp_path / ".pre-commit-config.yaml").write_text(
        f"repos:\n  - repo: {repo.as_posix()}\n    rev: {rev}\n    hooks:\n      - id: mtlint\n", encoding="utf-8")
    (tmp_path / ".mtlint.toml").write_text('lang = "fr"\n', encoding="utf-8")
    (tmp_path / "bad.md").write_text("# Titre\n\nLe maire a dit que le le projet avance.\n", encoding="utf-8")
    (tmp_path / "clean.md").write_text("# Titre\n\nLe maire a dit que le projet avance bien.\n", encoding="utf-8")
    _git("add", ".", cwd=tmp_path)
    return tmp_path


def test_hook_fails_on_an_article_with_findings(hook_repo: tuple[Path, str, Path], project: Path) -> None:
    proc = _run_hook(hook_repo, project, "bad.md")
    assert proc.returncode == 1, proc.stdout + proc.stderr
    assert "bad.md:3:" in proc.stdout and "MT211" in proc.stdout


def test_hook_passes_on_a_clean_article(hook_repo: tuple[Path, str, Path], project: Path) -> None:
    proc = _run_hook(hook_repo, project, "clean.md")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "Passed" in proc.stdout


def test_hook_skips_an_excluded_file_passed_by_name(hook_repo: tuple[Path, str, Path], project: Path) -> None:
    (project / ".mtlint.toml").write_text('lang = "fr"\nexclude = ["/archive"]\n', encoding="utf-8")
    (project / "archive").mkdir()
    (project / "archive" / "old.md").write_text("# Titre\n\nLe le vieux texte.\n", encoding="utf-8")
    _git("add", ".", cwd=project)
    proc = _run_hook(hook_repo, project, "archive/old.md")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert "MT211" not in proc.stdout and "Passed" in proc.stdout
    # The same file, not excluded, fails: the exclusion is what made it pass.
    (project / ".mtlint.toml").write_text('lang = "fr"\n', encoding="utf-8")
    proc = _run_hook(hook_repo, project, "archive/old.md")
    assert proc.returncode == 1 and "MT211" in proc.stdout


def test_hook_answers_an_unchanged_file_from_the_cache(hook_repo: tuple[Path, str, Path], project: Path) -> None:
    import json

    assert _run_hook(hook_repo, project, "bad.md").returncode == 1
    entries = list((project / ".mtlint_cache" / "results-v1").glob("*/*.json"))
    assert len(entries) == 1
    assert (project / ".mtlint_cache" / ".gitignore").is_file()
    # Mark the cached finding: a second run that prints the mark read the cache.
    data = json.loads(entries[0].read_text(encoding="utf-8"))
    data["findings"][0]["message"] = "CACHED-MARK"
    entries[0].write_text(json.dumps(data), encoding="utf-8")
    proc = _run_hook(hook_repo, project, "bad.md")
    assert proc.returncode == 1 and "CACHED-MARK" in proc.stdout
    # An edit of the article is a miss: checked again.
    (project / "bad.md").write_text("# Titre\n\nLe maire a dit que le le projet avance vite.\n", encoding="utf-8")
    proc = _run_hook(hook_repo, project, "bad.md")
    assert proc.returncode == 1 and "CACHED-MARK" not in proc.stdout and "MT211" in proc.stdout


def test_daemon_hook_reports_the_same(hook_repo: tuple[Path, str, Path], project: Path) -> None:
    """The mtlint-daemon hook: the first run starts the resident process and is checked as usual;
    once it listens, the hook's runs go through it and report the same."""
    import signal
    import tempfile
    import time

    (project / ".pre-commit-config.yaml").write_text(
        (project / ".pre-commit-config.yaml").read_text(encoding="utf-8").replace("id: mtlint\n", "id: mtlint-daemon\n"),
        encoding="utf-8")
    where = tempfile.mkdtemp(prefix="mtd", dir="/tmp")  # a short, private socket directory
    os.chmod(where, 0o700)
    sockets = Path(where) / f"mtlint-{os.getuid()}"
    try:
        env = {"XDG_RUNTIME_DIR": where, "MTLINT_DAEMON_IDLE": "120"}
        first = _run_hook(hook_repo, project, "bad.md", env, hook="mtlint-daemon")
        assert first.returncode == 1 and "MT211" in first.stdout, first.stdout + first.stderr
        end = time.monotonic() + 240
        while time.monotonic() < end and not list(sockets.glob("*.sock")):
            time.sleep(0.5)
        assert list(sockets.glob("*.sock")), "the resident process did not start listening"
        (project / "bad.md").write_text("# Titre\n\nLe maire a dit que le le projet avance vite.\n", encoding="utf-8")
        second = _run_hook(hook_repo, project, "bad.md", env, hook="mtlint-daemon")
        assert second.returncode == 1 and "bad.md:3:" in second.stdout and "MT211" in second.stdout
        assert _run_hook(hook_repo, project, "clean.md", env, hook="mtlint-daemon").returncode == 0
    finally:
        for lock in sockets.glob("*.lock"):
            try:
                os.kill(int(lock.read_text(encoding="ascii") or 0), signal.SIGTERM)
            except (OSError, ValueError):
                pass
        shutil.rmtree(where, ignore_errors=True)
