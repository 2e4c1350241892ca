"""Which files a run checks: explicit files, directories searched recursively, or ``-`` for stdin."""

from __future__ import annotations

import errno
import fnmatch
import stat
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from checker.config import DEFAULT_EXCLUDE


@dataclass(frozen=True)
class Target:
    """One input: a path to read, or standard input; or a problem found while looking for files."""

    display: str
    path: Path | None  # None for standard input
    problem: tuple[str, str] | None = None  # (code, message) when the target cannot be checked
    #: For standard input: the path it stands for (``--stdin-filename``): its name, Markdown, overrides.
    stdin_name: Path | None = None


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


def _problem(exc: BaseException) -> tuple[str, str]:
    """A Target problem for an exception met while looking at a path (never a traceback)."""
    if isinstance(exc, RuntimeError) or getattr(exc, "errno", None) == errno.ELOOP:
        return ("unreadable", "symbolic link loop")
    if getattr(exc, "errno", None) == errno.ENAMETOOLONG:
        return ("unreadable", "file name too long")
    if isinstance(exc, OSError):
        return ("unreadable", exc.strerror or str(exc))
    return ("unreadable", str(exc))


def _kind(path: Path) -> str:
    """'dir', 'file', 'missing' or 'other' (a FIFO, socket or device); OSError when the path cannot be looked at."""
    try:
        mode = path.stat().st_mode
    except FileNotFoundError:
        # A dangling symbolic link is still "there": reading it reports the problem.
        return "missing" if not path.is_symlink() else "file"
    if stat.S_ISDIR(mode):
        return "dir"
    if stat.S_ISREG(mode):
        return "file"
    return "other"


def discover(paths: Iterable[str], include: Sequence[str], exclude: Sequence[str]) -> Iterator[Target]:
    """Targets for the given command-line paths, in order; directories sorted, searched recursively.

    A path that cannot be looked at (a symbolic link loop, a name too long, no
    permission) or is not a regular file (a FIFO, a device) becomes a Target with a
    problem, so that it gets an error entry and the other paths are still checked.
    """
    for raw in paths:
        if raw == "-":
            yield Target("<stdin>", None)
            continue
        path = Path(raw)
        try:
            kind = _kind(path)
        except (OSError, RuntimeError) as exc:
            yield Target(raw, path, _problem(exc))
            continue
        if kind == "dir":
            yield from _walk(raw, path, include, exclude)
        elif kind == "file":
            yield Target(raw, path)
        elif kind == "other":
            yield Target(raw, path, ("special", "not a regular file (a FIFO, socket or device), not read"))
        else:
            yield Target(raw, path, ("missing", "no such file or directory"))


def _walk(raw: str, root: Path, include: Sequence[str], exclude: Sequence[str]) -> Iterator[Target]:
    """The matching regular files under a directory. The listing is made first, so that a file
    deleted before its turn is still named (its read fails with an error entry)."""
    found: list[Path] = []
    try:
        candidates = sorted(root.rglob("*"))
    except (OSError, RuntimeError) as exc:
        yield Target(raw, root, _problem(exc))
        return
    for candidate in candidates:
        if _excluded(candidate, root, exclude) or not any(fnmatch.fnmatch(candidate.name, g) for g in include):
            continue
        try:
            if _kind(candidate) != "file":
                continue
        except (OSError, RuntimeError):
            pass  # a broken entry that matches: reading it gives its error entry
        found.append(candidate)
    if not found:
        globs = ", ".join(include)
        yield Target(raw, root, ("empty", f"no file matching {globs} in this directory"))
    for candidate in found:
        yield Target(str(candidate), candidate)
