"""The composite GitHub Action (action.yml): its shell step is action/run.sh, run here as GitHub would."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from conftest import ROOT

SCRIPT = ROOT / "action" / "run.sh"


def test_action_definition() -> None:
    action = yaml.safe_load((ROOT / "action.yml").read_text(encoding="utf-8"))
    assert action["runs"]["using"] == "composite"
    steps = action["runs"]["steps"]
    run = next(s for s in steps if s.get("id") == "run")
    assert run["run"] == 'bash "$GITHUB_ACTION_PATH/action/run.sh"'
    assert set(run["env"]) == {"MTLINT_ARGS", "MTLINT_SARIF", "MTLINT_INSTALL"}
    upload = next(s for s in steps if "upload-sarif" in s.get("uses", ""))
    assert upload["with"]["sarif_file"] == "${{ inputs.sarif-file }}"
    assert "always()" in upload["if"]
    assert steps[-1]["run"] == 'exit "${{ steps.run.outputs.exit-code }}"'  # the job fails after the upload
    assert set(action["inputs"]) >= {"args", "sarif-file", "upload-sarif", "install"}


def _run(project: Path, tmp_path: Path, args: str, **env: str) -> tuple[subprocess.CompletedProcess[str], dict[str, str]]:
    output = tmp_path / "github_output"
    output.write_text("", encoding="utf-8")
    full = {**os.environ, "GITHUB_ACTION_PATH": str(ROOT), "GITHUB_OUTPUT": str(output),
            "GITHUB_STEP_SUMMARY": str(tmp_path / "summary.md"), "MTLINT_ARGS": args,
            "MTLINT_SARIF": "report.sarif", "MTLINT_CACHE_DIR": str(tmp_path / "cache"), "NO_COLOR": "1", **env}
    proc = subprocess.run(["bash", str(SCRIPT)], cwd=project, env=full, capture_output=True, text=True, timeout=900)
    outputs = dict(line.split("=", 1) for line in output.read_text(encoding="utf-8").splitlines())
    return proc, outputs


@pytest.fixture
def project(tmp_path: Path) -> Path:
    news = tmp_path / "repo" / "news"
    news.mkdir(parents=True)
    (news / "a.md").write_text("# Titre\n\nLe maire a dit que le le projet avance.\n", encoding="utf-8")
    (news / "b.txt").write_text("Le port rouvre lundi, annonce la mairie.\n", encoding="utf-8")
    return tmp_path / "repo"


def test_script_writes_sarif_annotations_summary_and_exit_code(project: Path, tmp_path: Path) -> None:
    proc, outputs = _run(project, tmp_path, "--lang fr news", MTLINT_PYTHON=sys.executable)
    assert proc.returncode == 0, proc.stderr  # the job fails in the last step, after the upload
    assert outputs == {"sarif-written": "true", "exit-code": "1"}
    sarif = json.loads((project / "report.sarif").read_text(encoding="utf-8"))
    results = sarif["runs"][0]["results"]
    assert [r["ruleId"] for r in results] == ["MT211"]
    assert results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "news/a.md"
    assert "::warning file=news/a.md,line=3," in proc.stdout
    assert "## mtlint" in (tmp_path / "summary.md").read_text(encoding="utf-8")
    # The annotations run was answered from the cache the SARIF run filled.
    entries = list((tmp_path / "cache").glob("results-v1/*/*.json"))
    assert len(entries) == 2
    # A clean run: exit code 0.
    proc, outputs = _run(project, tmp_path, "--lang fr news/b.txt", MTLINT_PYTHON=sys.executable)
    assert outputs["exit-code"] == "0" and "::" not in proc.stdout.replace("::notice", "")
    # A usage error: exit code 2, still no failure of the step itself.
    proc, outputs = _run(project, tmp_path, "--lang xx news", MTLINT_PYTHON=sys.executable)
    assert proc.returncode == 0 and outputs["exit-code"] == "2"
    assert proc.stderr.count("mtlint: unknown language 'xx'") == 1  # said once, not once per run
    assert outputs["sarif-written"] == "false"


@pytest.mark.slow
def test_script_installs_mtlint_from_the_action_directory(project: Path, tmp_path: Path) -> None:
    runner_temp = tmp_path / "runner"
    runner_temp.mkdir()
    proc, outputs = _run(project, tmp_path, "--lang fr news", RUNNER_TEMP=str(runner_temp))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert (runner_temp / "mtlint-venv" / "bin" / "mtlint").exists()
    assert outputs["exit-code"] == "1" and proc.stdout.startswith("mtlint ")
