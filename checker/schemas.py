"""The JSON Schemas shipped in ``checker/schema/``: rule files, the configuration, the JSON report.

Editors use them to validate and complete ``.mtlint.toml`` and rule files (Even Better
TOML and Taplo read a ``#:schema`` comment or a schema association); ``mtlint schema
rule|config|report`` prints them.
"""

from __future__ import annotations

import json
from typing import Any

FILES = {"rule": "rule.schema.json", "config": "config.schema.json", "report": "report.schema.json"}


def schema_text(which: str) -> str:
    """The text of a shipped schema (``rule``, ``config`` or ``report``)."""
    from importlib.resources import files

    return files("checker").joinpath("schema", FILES[which]).read_text(encoding="utf-8")


def schema(which: str) -> dict[str, Any]:
    """A shipped schema, parsed."""
    data: dict[str, Any] = json.loads(schema_text(which))
    return data
