"""Which files a run checks: explicit files, directories searched recursively, or ``-`` for stdin."""

from __future__ import annotations

import fnmatch
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from checker.config import DEFAULT_EXCLUDE


@dataclass(frozen=True)
class Target:
    """One input: a path to read, or standard input; or a problem found while looking for files."""

    display: str
    path: Path | None  # None for standard input
    problem: tuple[str, str] | None = None  # (code, message) when the target cannot be checked


def _excluded(path: Path, root: Path, exclude: Sequence[str]) -> bool:
    try:
        rel = path.relative_to(root)
    except ValueError:
        rel = path
    parts = rel.parts
    for pattern in (*DEFAULT_EXCLUDE, *exclude):
        pattern = pattern.rstrip("/")
        if fnmatch.fnmatch(rel.as_posix(), pattern) or any(fnmatch.fnmatch(p, pattern) for p in parts):
            return True
    return False


def discover(paths: Sequence[str], include: Sequence[str], exclude: Sequence[str]) -> Iterator[Target]:
    """Targets for the given command-line paths, in order; directories sorted, searched recursively."""
    for raw in paths:
        if raw == "-":
            yield Target("<stdin>", None)
            continue
        path = Path(raw)
        if path.is_dir():
            found = False
            for candidate in sorted(path.rglob("*")):
                if not candidate.is_file() or _excluded(candidate, path, exclude):
                    continue
                if any(fnmatch.fnmatch(candidate.name, g) for g in include):
                    found = True
                    yield Target(str(candidate), candidate)
            if not found:
                globs = ", ".join(include)
                yield Target(raw, path, ("empty", f"no file matching {globs} in this directory"))
        elif path.exists() or path.is_symlink():
            yield Target(raw, path)
        else:
            yield Target(raw, path, ("missing", "no such file or directory"))
