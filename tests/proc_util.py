"""Processes seen through Linux's /proc, for the tests of worker and resident-process lifetimes."""

from __future__ import annotations

from pathlib import Path


def _stat_fields(pid: int | str) -> list[bytes]:
    """The fields of /proc/PID/stat after the command name (state first); OSError when gone."""
    return Path(f"/proc/{pid}/stat").read_bytes().rsplit(b")", 1)[1].split()


def alive(pid: int) -> bool:
    """True while `pid` runs (a zombie, ended but not yet reaped, counts as gone)."""
    try:
        return _stat_fields(pid)[0] != b"Z"
    except OSError:
        return False


def children(pid: int) -> set[int]:
    """The processes whose parent is `pid`."""
    out = set()
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parent = int(_stat_fields(entry.name)[1])
            except (OSError, IndexError, ValueError):
                continue
            if parent == pid:
                out.add(int(entry.name))
    return out
