"""Shared test helpers."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = Path(os.environ.get("MTLINT_SHARED", ROOT.parent / "shared"))


@pytest.fixture(scope="session")
def ruleset():
    """The built-in rules, loaded once."""
    from checker.rules import builtin_rules_dir, load_rules

    return load_rules([builtin_rules_dir()])


def run_cli(*args: str, stdin: bytes | None = None, cwd: Path | None = None, env: dict | None = None):
    """Run ``python -m checker`` in a subprocess; returns CompletedProcess with text output."""
    import subprocess

    full_env = {**os.environ, "NO_COLOR": "1", **(env or {})}
    return subprocess.run(
        [sys.executable, "-m", "checker", *args],
        input=stdin,
        capture_output=True,
        cwd=cwd or ROOT,
        env=full_env,
        timeout=300,
    )
