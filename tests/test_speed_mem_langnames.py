"""Language names printed in messages are remembered in the cache directory, so that a run whose
names were all asked before never imports langcodes and its name tables (about 30 MiB)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

_ASK = r"""
import sys
from checker.lang import display_name
from checker.messages import _language_name
print(display_name("es"), "|", display_name("de", "fr"), "|", _language_name("Spanish", "fr"), "|",
      _language_name("Qwertyuiop", "fr"), "|", "langcodes" in sys.modules)
"""


def _ask(env: dict[str, str]) -> list[str]:
    out = subprocess.run([sys.executable, "-c", _ASK], cwd=ROOT, env=env, capture_output=True, text=True, check=True)
    return [part.strip() for part in out.stdout.strip().split("|")]


def test_names_are_langcodes_answers_and_read_back_without_it(tmp_path: Path) -> None:
    env = {**os.environ, "MTLINT_CACHE_DIR": str(tmp_path)}
    env.pop("MTLINT_NO_CACHE", None)
    first = _ask(env)
    assert first == ["Spanish", "allemand", "espagnol", "Qwertyuiop", "True"]
    stored = json.loads(next(tmp_path.glob("langnames-*.json")).read_text(encoding="utf-8"))
    assert stored["name es en"] == "Spanish" and stored["find Spanish fr"] == "espagnol"
    # An unknown name is remembered as unknown (given back as written).
    assert stored["find Qwertyuiop fr"] == ""
    second = _ask(env)
    assert second == ["Spanish", "allemand", "espagnol", "Qwertyuiop", "False"]


def test_without_a_cache_directory_langcodes_answers(tmp_path: Path) -> None:
    env = {**os.environ, "MTLINT_NO_CACHE": "1", "MTLINT_CACHE_DIR": str(tmp_path)}
    assert _ask(env) == ["Spanish", "allemand", "espagnol", "Qwertyuiop", "True"]
    assert not list(tmp_path.glob("langnames-*.json"))


def test_a_damaged_file_is_ignored(tmp_path: Path) -> None:
    env = {**os.environ, "MTLINT_CACHE_DIR": str(tmp_path)}
    env.pop("MTLINT_NO_CACHE", None)
    _ask(env)
    path = next(tmp_path.glob("langnames-*.json"))
    path.write_text("{not json", encoding="utf-8")
    assert _ask(env)[:4] == ["Spanish", "allemand", "espagnol", "Qwertyuiop"]
    assert json.loads(path.read_text(encoding="utf-8"))["name es en"] == "Spanish"
