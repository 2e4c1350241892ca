"""The built wheel installs, runs outside the checkout, and ships its rules; the sdist ships rules/."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tarfile
import venv
from pathlib import Path

import pytest

from conftest import ROOT

pytestmark = pytest.mark.slow


def _run(*cmd: str | Path, cwd: Path, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(c) for c in cmd], cwd=cwd, capture_output=True, text=True, timeout=600,
                          env={**os.environ, "NO_COLOR": "1", **(env or {})})


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("dist")
    proc = _run(sys.executable, "-m", "build", "--wheel", "--sdist", "--outdir", out, ROOT, cwd=out)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return out


@pytest.fixture(scope="module")
def installed(dist: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A fresh venv with the wheel; dependencies come from this interpreter's site-packages (no network)."""
    env_dir = tmp_path_factory.mktemp("venv") / "env"
    # system_site_packages exposes the base interpreter's packages, not this venv's: add ours with a .pth.
    venv.create(env_dir, with_pip=True, system_site_packages=True)
    py = env_dir / "bin" / "python"
    site = _run(py, "-c", "import sysconfig; print(sysconfig.get_paths()['purelib'])", cwd=env_dir).stdout.strip()
    ours = [p for p in sys.path if p.endswith("site-packages") and Path(p).is_dir()]
    (Path(site) / "_outer_site.pth").write_text("\n".join(ours) + "\n", encoding="utf-8")
    (wheel,) = dist.glob("mtlint-*.whl")
    proc = _run(py, "-m", "pip", "install", "--no-deps", "--no-index", "-q", wheel, cwd=env_dir)
    assert proc.returncode == 0, proc.stderr[-3000:]
    return env_dir


@pytest.fixture
def outside(tmp_path: Path) -> Path:
    (tmp_path / "article.txt").write_text("Le maire a dit que le le projet avance.\n", encoding="utf-8")
    return tmp_path


def test_installed_package_is_the_wheel_not_the_checkout(installed: Path, outside: Path) -> None:
    proc = _run(installed / "bin" / "python", "-c", "import checker, checker.rules as r; print(checker.__file__); print(r.builtin_rules_dir())", cwd=outside)
    assert proc.returncode == 0, proc.stderr
    module, rules = proc.stdout.split()
    assert str(installed) in module and not module.startswith(str(ROOT))
    assert rules.endswith("checker/_rules") and str(installed) in rules


def test_installed_rules_match_the_checkout(installed: Path, outside: Path, ruleset) -> None:
    proc = _run(installed / "bin" / "mtlint", "rules", "--format", "json", cwd=outside)
    assert proc.returncode == 0, proc.stderr
    assert [r["code"] for r in json.loads(proc.stdout)] == [r.code for r in ruleset.rules]


def test_installed_check_runs(installed: Path, outside: Path) -> None:
    proc = _run(installed / "bin" / "mtlint", "check", "--lang", "fr", "--format", "json", "article.txt", cwd=outside)
    assert proc.returncode == 1, proc.stderr
    report = json.loads(proc.stdout)
    assert "MT211" in {i["code"] for i in report["files"][0]["issues"]}
    from checker.report import report_schema

    import jsonschema

    jsonschema.validate(report, report_schema())


def test_installed_schema_resource(installed: Path, outside: Path) -> None:
    proc = _run(installed / "bin" / "python", "-c",
                "from checker.report import report_schema; print(report_schema()['properties']['schema']['const'])",
                cwd=outside)
    assert (proc.returncode, proc.stdout.strip()) == (0, "mtlint-report/1"), proc.stderr


def test_python_m_checker_version(installed: Path, outside: Path) -> None:
    from checker import __version__

    proc = _run(installed / "bin" / "python", "-m", "checker", "--version", cwd=outside)
    assert (proc.returncode, proc.stdout.strip()) == (0, f"mtlint {__version__}"), proc.stderr


def test_sdist_contains_rules_and_hooks(dist: Path) -> None:
    (sdist,) = dist.glob("mtlint-*.tar.gz")
    with tarfile.open(sdist) as tar:
        names = {n.split("/", 1)[1] for n in tar.getnames() if "/" in n}
    tracked_rules = subprocess.run(["git", "ls-files", "rules"], cwd=ROOT, capture_output=True, text=True).stdout.split()
    assert tracked_rules and set(tracked_rules) <= names
    assert {"pyproject.toml", "checker/schema/report.schema.json", ".pre-commit-hooks.yaml"} <= names


def test_installed_rules_carry_a_current_stamp(installed: Path, outside: Path) -> None:
    # rules/VALIDATED travels with the rules into the wheel (checker/_rules) and still names them
    # there: the first run after `pip install` builds the rules on first use (rulecache.shipped_validated)
    code = ("from checker import rulecache; from checker.rules import builtin_rules_dir, pack_dirs; "
            "r = builtin_rules_dir(); print(rulecache.shipped_validated(r, pack_dirs(r)))")
    proc = _run(installed / "bin" / "python", "-c", code, cwd=outside)
    assert (proc.returncode, proc.stdout.strip()) == (0, "True"), proc.stderr
