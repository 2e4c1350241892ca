"""Which files a run checks: explicit files, directories searched recursively, or ``-`` for stdin."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from typing import Any

from checker.config import DEFAULT_EXCLUDE
from checker.dataclass import dataclass


@dataclass(frozen=True)
class Target:
    """One input: a path to read, or standard input; or a problem found while looking for files."""

    display: str
    path: Path | None  # None for standard input
    problem: tuple[str, str] | None = None  # (code, message) when the target cannot be checked
    #: For standard input: the path it stands for (``--stdin-filename``): its name, Markdown, overrides.
    stdin_name: Path | None = None


class _Filter:
    """Which paths a run skips: the excludes (with the built-in ones) as gitignore patterns anchored
    at `base`, and, unless turned off, the ``.gitignore``/``.mtlintignore`` files met on the way."""

    def __init__(self, include: Sequence[str], exclude: Sequence[str], base: Path | None, ignore_files: bool) -> None:
        from checker.globs import Patterns

        self.include = Patterns(include)
        self.exclude = Patterns((*DEFAULT_EXCLUDE, *exclude))
        self.base = _resolved(base or Path.cwd())
        self.ignore_files = ignore_files

    def _rel(self, path: Path, root: Path) -> str:
        for anchor in (self.base, root):
            try:
                return path.relative_to(anchor).as_posix()
            except ValueError:
                continue
        return path.name

    def excluded(self, path: Path, root: Path, is_dir: bool, ignores: Sequence[tuple[Path, Any]]) -> bool:
        """True when an absolute `path` found under `root` is excluded or ignored."""
        from checker.globs import ignored

        if self.exclude.matches(self._rel(path, root), is_dir):
            return True
        return self.ignore_files and ignored(path, is_dir, ignores)

    def named_excluded(self, path: Path) -> bool:
        """--force-exclude: True when a file given by name is excluded or ignored."""
        from checker.globs import ancestor_ignores

        absolute = _resolved(path)
        ignores = ancestor_ignores(absolute) if self.ignore_files else []
        parent = absolute.parent
        # Every directory between the base (or the file's repository) and the file counts.
        for anchor in (self.base, *(d for d, _ in ignores[:1])):
            try:
                rel_parts = parent.relative_to(anchor).parts
            except ValueError:
                continue
            d = anchor
            for part in rel_parts:
                d = d / part
                if self.excluded(d, anchor, True, ignores):
                    return True
            break
        return self.excluded(absolute, parent, False, ignores)


def _resolved(path: Path) -> Path:
    try:
        return path.resolve()
    except (OSError, RuntimeError):
        return path.absolute()


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


def discover(
    paths: Iterable[str],
    include: Sequence[str],
    exclude: Sequence[str],
    *,
    base: Path | None = None,
    ignore_files: bool = True,
    force_exclude: bool = False,
) -> Iterator[Target]:
    """Targets for the given command-line paths, in order; directories sorted, searched recursively.

    `include`, `exclude` and the ``.gitignore``/``.mtlintignore`` files (unless
    `ignore_files` is false) follow gitignore rules (``checker.globs``); excludes are
    anchored at `base` (the configuration's directory; the current one by default).
    A file given by name is always checked, unless `force_exclude` is true and it is
    excluded or ignored (pre-commit passes every changed file by name).

    A path that cannot be looked at (a symbolic link loop, a name too long, no
    permission) or is not a regular file (a FIFO, a device) becomes a Target with a
    problem, so that it gets an error entry and the other paths are still checked.
    """
    filt = _Filter(include, exclude, base, ignore_files)
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
            yield from _walk(raw, path, filt)
        elif kind == "file":
            if force_exclude and filt.named_excluded(path):
                continue
            yield Target(raw, path)
        elif kind == "other":
            yield Target(raw, path, ("special", "not a regular file (a FIFO, socket or device), not read"))
        else:
            yield Target(raw, path, ("missing", "no such file or directory"))


def _walk(raw: str, root: Path, filt: _Filter) -> Iterator[Target]:
    """The matching regular files under a directory, in sorted order; excluded and ignored
    directories are not entered. The listing is made first, so that a file deleted before
    its turn is still named (its read fails with an error entry)."""
    from checker.globs import ancestor_ignores, directory_ignores

    found: list[Path] = []
    problems: list[Target] = []
    top = _resolved(root)
    ignores = ancestor_ignores(top) if filt.ignore_files else []

    def visit(shown: Path, real: Path, ignores: list[tuple[Path, Any]]) -> None:
        try:
            with os.scandir(real) as it:
                entries = sorted(it, key=lambda e: e.name)
        except OSError as exc:
            if real == top:
                raise
            problems.append(Target(str(shown), shown, _problem(exc)))
            return
        if filt.ignore_files:
            ignores = ignores + directory_ignores(real)
        for entry in entries:
            child, child_real = shown / entry.name, real / entry.name
            try:
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                is_dir = False
            if filt.excluded(child_real, top, is_dir, ignores):
                continue
            if is_dir:
                visit(child, child_real, ignores)
                continue
            if not filt.include.matches(entry.name) and not filt.include.matches(filt._rel(child_real, top)):
                continue
            try:
                if _kind(child) != "file":
                    continue
            except (OSError, RuntimeError):
                pass  # a broken entry that matches: reading it gives its error entry
            found.append(child)

    try:
        visit(root, top, ignores)
    except (OSError, RuntimeError) as exc:
        yield Target(raw, root, _problem(exc))
        return
    yield from problems
    if not found and not problems:
        globs = ", ".join(filt.include.patterns)
        yield Target(raw, root, ("empty", f"no file matching {globs} in this directory"))
    for candidate in found:
        yield Target(str(candidate), candidate)
