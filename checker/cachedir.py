"""Where mtlint keeps what it builds once (rule data, word lists, patterns): one small module
without imports of its own, so that every cache can ask without import cycles."""

from __future__ import annotations

import contextlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any


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


def publish(path: Path, write: Callable[[str], object]) -> None:
    """Put a cache file in place atomically: ``write(tmp)`` fills a temporary file beside ``path``,
    which then replaces ``path``, readable like the other cache files (``mkstemp`` makes it private).
    Concurrent runs see the old file or the new one, never half of one. Errors propagate (the
    temporary file is removed); callers decide whether a cache they cannot write matters."""
    import tempfile

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=path.parent)
    os.close(fd)
    try:
        write(tmp)
        os.chmod(tmp, 0o644)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def publish_pickle(path: Path, value: Any) -> None:
    """``publish`` a pickle of ``value``."""
    import pickle

    def write(tmp: str) -> None:
        with open(tmp, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)

    publish(path, write)
