"""Where mtlint keeps what it builds once (rule data, word lists, patterns): one small module
without imports of its own, so that every cache can ask without import cycles."""

from __future__ import annotations

import os
from pathlib import Path


def cache_dir() -> Path | None:
    """``$MTLINT_CACHE_DIR``, else ``$XDG_CACHE_HOME/mtlint``, else ``~/.cache/mtlint``; None with
    ``MTLINT_NO_CACHE`` set."""
    if os.environ.get("MTLINT_NO_CACHE"):
        return None
    explicit = os.environ.get("MTLINT_CACHE_DIR")
    if explicit:
        return Path(explicit)
    base = os.environ.get("XDG_CACHE_HOME")
    return (Path(base) if base else Path.home() / ".cache") / "mtlint"
