"""The one path matcher of mtlint: gitignore rules, through ``pathspec``.

``include``, ``exclude``, the ``paths`` of per-path overrides, ``.gitignore`` and
``.mtlintignore`` files all follow the rules of a ``.gitignore``: a pattern
without a slash (``drafts``, ``*.md``) matches a name at any depth; a pattern
with a slash at the start or in the middle (``/archive``, ``archive/*.md``) is
anchored at the directory the patterns belong to; ``**`` crosses directories;
a trailing ``/`` matches directories only; ``!`` re-includes what an earlier
pattern excluded; the last matching pattern wins. ``pathspec`` is imported on
first use, so importing this module costs nothing.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

#: Files read in every searched directory (and its parents up to the repository root).
IGNORE_FILES = (".gitignore", ".mtlintignore")


class Patterns:
    """A list of gitignore patterns, compiled once on first use."""

    __slots__ = ("_negated", "_spec", "patterns")

    def __init__(self, patterns: Iterable[str]) -> None:
        self.patterns: tuple[str, ...] = tuple(patterns)
        self._spec: Any = None
        self._negated: Patterns | None = None

    def reincludes(self, relpath: str, is_dir: bool = False) -> bool:
        """True when one of the ``!`` patterns names the path."""
        if self._negated is None:
            self._negated = Patterns(p[1:] for p in self.patterns if p.startswith("!"))
        return self._negated.matches(relpath, is_dir)

    def __bool__(self) -> bool:
        return bool(self.patterns)

    def __repr__(self) -> str:
        return f"Patterns({list(self.patterns)!r})"

    def matches(self, relpath: str, is_dir: bool = False) -> bool:
        """True when `relpath` (relative to the patterns' directory, with /) is matched (and not
        re-included by a later ``!`` pattern). A directory is matched with its trailing slash."""
        if not self.patterns:
            return False
        if self._spec is None:
            import pathspec

            self._spec = pathspec.GitIgnoreSpec.from_lines(self.patterns)
        path = relpath.strip("/")
        if not path or path == ".":
            return False
        return bool(self._spec.match_file(path + "/" if is_dir else path))


def matches(relpath: str, patterns: Iterable[str], is_dir: bool = False) -> bool:
    """One-off match of a relative path against gitignore patterns."""
    return Patterns(patterns).matches(relpath, is_dir)


def read_ignore_file(path: Path) -> Patterns | None:
    """The patterns of an ignore file, or None when there is none (an unreadable one counts as none)."""
    try:
        text = path.read_text(encoding="utf-8", errors="replace")
    except OSError:
        return None
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    return Patterns(lines) if lines else None


def directory_ignores(directory: Path) -> list[tuple[Path, Patterns]]:
    """The ignore files of one directory, as (directory, patterns)."""
    out = []
    for name in IGNORE_FILES:
        found = read_ignore_file(directory / name)
        if found is not None:
            out.append((directory, found))
    return out


def ancestor_ignores(start: Path) -> list[tuple[Path, Patterns]]:
    """The ignore files of the directories above `start`, up to the repository root (the first
    directory with a ``.git``), outermost first. Outside a repository, none."""
    try:
        here = start.resolve()
    except (OSError, RuntimeError):
        return []
    chain = []
    for parent in here.parents:
        chain.append(parent)
        if (parent / ".git").exists():
            break
    else:
        return []
    out: list[tuple[Path, Patterns]] = []
    for directory in reversed(chain):
        out.extend(directory_ignores(directory))
    return out


def ignored(path: Path, is_dir: bool, ignores: Iterable[tuple[Path, Patterns]]) -> bool:
    """True when a path (absolute, resolved) is ignored by the given ignore files; a deeper
    file's verdict wins over a shallower one's, as in git."""
    verdict = False
    for directory, patterns in ignores:
        try:
            rel = path.relative_to(directory).as_posix()
        except ValueError:
            continue
        spec_hit = patterns.matches(rel, is_dir)
        if spec_hit:
            verdict = True
        elif patterns.reincludes(rel, is_dir):
            verdict = False  # a deeper file's ``!`` pattern undoes a parent's exclusion
    return verdict
