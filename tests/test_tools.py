"""The measurement scripts in tools/ run, and skip politely without ../shared."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
EVAL = ROOT.parent / "shared" / "eval"


def _run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=ROOT, timeout=600)


def test_gold_tool_reports_recall_and_passes() -> None:
    out = _run("tools/gold.py")
    assert out.returncode == 0, out.stdout + out.stderr
    assert "required found" in out.stdout
    assert "false positives on guarded spans 0" in out.stdout


def test_clean_tool_reports_no_finding() -> None:
    out = _run("tools/clean.py")
    assert out.returncode == 0, out.stdout
    assert out.stdout.strip().endswith("0 finding(s) of severity minor or above")


@pytest.mark.parametrize("script", ["tools/eval_precision.py", "tools/eval_source.py"])
def test_eval_scripts_skip_without_shared(script: str, tmp_path: Path) -> None:
    out = _run(script, "--eval", str(tmp_path / "absent"))
    assert out.returncode == 0
    assert "skipped" in out.stdout or "absent" in out.stdout


@pytest.mark.shared
@pytest.mark.skipif(not EVAL.is_dir(), reason="../shared/eval is absent")
def test_eval_precision_on_a_few_documents() -> None:
    out = _run("tools/eval_precision.py", "--limit", "3", "--json", "--files", "wmt22chat_en-fr.jsonl")
    assert out.returncode == 0, out.stderr
    data = json.loads(out.stdout)
    assert data["human"]["en"]["words"] > 0
    for figures in data["mt"].values():
        assert 0.0 <= figures["p_any"] <= 1.0
