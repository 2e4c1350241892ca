"""Where mtlint keeps what it builds once (rule data, word lists, patterns): one small module
without imports of its own, so that every cache can ask without import cycles."""

from __future__ import annotations

import contextlib
import os
import signal
import sys
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TypeVar

T = TypeVar("T")


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


def make_temp(directory: Path, prefix: str, suffix: str = "") -> tuple[int, str]:
    """``tempfile.mkstemp(suffix, prefix, directory)`` (a new private file, opened for writing, and
    its path) without importing ``tempfile``, which imports ``shutil``, ``random`` and the bz2
    and lzma modules: 3-8 ms of a one-article run that writes one cache entry."""
    for _ in range(100):
        name = os.path.join(directory, f"{prefix}{os.urandom(6).hex()}{suffix}")
        try:
            return os.open(name, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600), name
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {directory}")


#: How often a cache entry's "last used" time (its mtime) is refreshed: once a day is enough to
#: tell the entries of a virtual environment in use from those of one deleted months ago.
USED_REFRESH = 24 * 3600
#: How many versions of one converted resource (a word list, the language model, a rule set)
#: are kept whatever their age: a new environment, a new wordfreq or an edited rule file
#: converts it again under a new name, and the old copies (up to 90 MB each) would stay for good.
KEEP_VERSIONS = 4
#: An entry beyond those is removed only when unused for this long (seconds).
STALE_AFTER = 7 * 24 * 3600


def mark_used(path: Path) -> None:
    """Note that the cache entry at `path` (file or directory) is in use: its mtime, refreshed at
    most once per ``USED_REFRESH`` (a stat per call, a write once a day)."""
    import time

    try:
        if time.time() - os.stat(path).st_mtime > USED_REFRESH:
            os.utime(path)
    except OSError:
        pass


def prune_versions(entries: Iterable[tuple[Path, Iterable[Path]]], current: Path | None = None) -> int:
    """Remove old versions of one converted resource. `entries` gives, per version, the path whose
    mtime says when it was last used (``mark_used``) and every file or directory it is made of;
    the ``KEEP_VERSIONS`` most recently used, `current`, and any used within ``STALE_AFTER`` stay.
    Returns how many versions went. Another process may still map a removed file: on POSIX it
    keeps its pages; one that opens it later converts the resource again (never a wrong value)."""
    import time

    dated = []
    for marker, parts in entries:
        try:
            dated.append((os.stat(marker).st_mtime, marker, list(parts)))
        except OSError:
            continue
    dated.sort(key=lambda item: item[0], reverse=True)
    now = time.time()
    removed = 0
    for mtime, marker, parts in dated[KEEP_VERSIONS:]:
        if marker == current or now - mtime < STALE_AFTER:
            continue
        for part in parts:
            with contextlib.suppress(OSError):
                if part.is_dir() and not part.is_symlink():
                    for child in part.iterdir():
                        with contextlib.suppress(OSError):
                            child.unlink()
                    part.rmdir()
                else:
                    part.unlink()
        removed += 1
    return removed


def publish(path: Path, write: Callable[[str], object]) -> None:
    """Put a cache file in place atomically: ``write(tmp)`` fills a temporary file beside ``path``,
    which then replaces ``path``, readable like the other cache files (``make_temp`` makes it private).
    Concurrent runs see the old file or the new one, never half of one. Errors propagate (the
    temporary file is removed); callers decide whether a cache they cannot write matters."""
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = make_temp(path.parent, ".tmp-")
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


#: What ``build_apart``'s interpreter runs: the package's parent directory first on its path, then
#: ``module.function(*paths)``; exit status 0 when it returned true, 3 when it returned false.
_APART = (
    "import sys, importlib, pathlib\n"
    "sys.path.insert(0, sys.argv[1])\n"
    "build = getattr(importlib.import_module(sys.argv[2]), sys.argv[3])\n"
    "sys.exit(0 if build(*map(pathlib.Path, sys.argv[4:])) else 3)\n"
)
#: Set to False by a test (or a caller that must not start processes) to build in this process.
APART: list[bool] = [True]


def build_apart(module: str, function: str, *paths: Path, timeout: float = 600.0) -> bool | None:
    """Run ``module.function(*paths)``, a builder that writes converted data into the cache, in a
    fresh interpreter: True when it returned true, False when it returned false, None when no
    such interpreter could run it (the caller then builds in its own process).

    What a builder allocates while it reads a compressed word list or model (tens of MiB of
    temporary dicts and arrays) would otherwise stay in this process: CPython's allocator keeps
    most freed memory, so the process (a long archive run, the parent of ``--jobs`` workers,
    the resident process) would carry it to the end and its forks would start from it. The
    fresh interpreter imports only the builder's module and hands back nothing but the files it
    published, which this process then maps as it maps them on a warm cache. It costs a process
    start (about 30 ms) once per cache."""
    if not APART[0] or not sys.executable:
        return None
    import subprocess

    package_parent = str(Path(__file__).resolve().parent.parent)
    try:
        done = subprocess.run(
            [sys.executable, "-c", _APART, package_parent, module, function, *map(str, paths)],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            timeout=timeout, check=False,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    return True if done.returncode == 0 else False if done.returncode == 3 else None


def _may_fork() -> bool:
    """Whether ``fork_apart`` may fork: not turned off, ``fork`` exists, and this process runs one
    thread only (another thread might hold a lock the copy would wait for)."""
    if not APART[0] or not hasattr(os, "fork"):
        return False
    threading = sys.modules.get("threading")
    return threading is None or threading.active_count() == 1


def _leave(signum: int, frame: object) -> None:  # pragma: no cover - runs in the copy
    raise SystemExit(1)  # through the builder's own clean-up (``publish`` removes its temporary file)


def _stop(pid: int) -> None:
    """End the copy `pid`: asked first (it removes its temporary files on the way out), killed if
    it has not ended within two seconds; reaped either way."""
    import time

    with contextlib.suppress(OSError):
        os.kill(pid, signal.SIGTERM)
        for _ in range(100):
            if os.waitpid(pid, os.WNOHANG)[0]:
                return
            time.sleep(0.02)
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)


def fork_apart(work: Callable[[], bool]) -> bool | None:
    """Run ``work()``, which builds a value and publishes it into the cache, in a forked copy of
    this process: True when it returned true, False when it returned false, None when it could
    not run there (no ``fork``, other threads running, the copy failed or was lost); the caller
    then reads what was published, or builds in its own process.

    ``build_apart`` for builders that are closures (a rule's index of its own lists, a value
    derived from a whole word list): the copy shares this process's memory and leaves behind
    only the files it wrote, which this process then maps or loads as on a warm cache. Only when
    this process runs a single thread (another thread might hold a lock the copy would wait for
    forever); the copy ends with ``os._exit``, so no exit handler of this process runs twice
    (the pattern store is saved by this process only) and no buffered output is written twice."""
    if not _may_fork():
        return None
    try:
        pid = os.fork()
    except OSError:
        return None
    if pid == 0:  # pragma: no cover - the copy's coverage is not collected
        code = 1
        try:
            signal.signal(signal.SIGTERM, _leave)  # asked to stop: its temporary files removed first
            code = 0 if work() else 3
        finally:
            os._exit(code)
    try:
        _, status = os.waitpid(pid, 0)
    except ChildProcessError:  # reaped by a SIGCHLD handler (the resident process's): read the cache
        return None
    except BaseException:  # Ctrl-C or a --timeout alarm while waiting: the copy goes too
        _stop(pid)
        raise
    code = os.waitstatus_to_exitcode(status)
    return True if code == 0 else False if code == 3 else None


def read_or_build(load: Callable[[], T], build_apart: Callable[[], bool], build_here: Callable[[], T],
                  errors: tuple[type[BaseException], ...] = (Exception,)) -> T:
    """What a cache file holds: ``load()`` (which raises one of `errors` when the file is missing
    or damaged); else ``build_apart()`` builds and publishes it in a forked copy (``fork_apart``)
    and ``load()`` reads it as a later run would; else (no copy, or what it published cannot be
    read) ``build_here()``, which builds in this process and publishes what it can."""
    with contextlib.suppress(*errors):
        return load()
    if fork_apart(build_apart):  # the build's temporaries stay in the copy
        with contextlib.suppress(*errors):
            return load()
    return build_here()


#: Set once the resident pages of the cache's mappings cannot be released here (not Linux, no libc).
_release: list[Any] = []


def release_mapped() -> None:
    """Drop from this process's resident set the pages of the cache's read-only memory-mapped
    files (word lists, indexes, the pattern store, py3langid's arrays) that it has touched.

    A mapped page counts in the resident set from its first touch to the end of the process,
    so over an archive every page any article ever reached stays counted (about 50 MiB of the
    peak). Called after each file of a run: the pages stay in the kernel's page cache, shared
    by every process, and the next file that needs one maps it again without reading the disk
    (a minor fault). Only read-only mappings of files under the cache directory are touched,
    so no data can be lost; elsewhere than on Linux this does nothing."""
    if _release == [None]:
        return
    root = cache_dir()
    if root is None:
        return
    if not _release:
        import sys

        madvise = None
        if sys.platform.startswith("linux"):
            try:
                import ctypes
                import mmap

                libc = ctypes.CDLL(None, use_errno=True)
                madvise = libc.madvise
                madvise.argtypes = (ctypes.c_void_p, ctypes.c_size_t, ctypes.c_int)
                madvise.restype = ctypes.c_int
                madvise = (madvise, int(getattr(mmap, "MADV_DONTNEED", 4)))
            except (OSError, AttributeError, ImportError):
                madvise = None
        _release.append(madvise)
        if madvise is None:
            return
    call, advice = _release[0]
    prefix = os.path.realpath(root) + os.sep
    try:
        with open("/proc/self/maps", encoding="utf-8", errors="replace") as fh:
            lines = fh.read().splitlines()
    except OSError:
        return
    for line in lines:
        parts = line.split(None, 5)
        if len(parts) < 6 or not parts[5].startswith(prefix) or "w" in parts[1]:
            continue
        start, _, end = parts[0].partition("-")
        with contextlib.suppress(ValueError):
            low, high = int(start, 16), int(end, 16)
            call(low, high - low, advice)
