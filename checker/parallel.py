"""Checking many files: in worker processes (``--jobs``), and streamed (``--format jsonl``).

Workers are plain processes fed one file at a time through a pipe, rather than a
``multiprocessing.Pool``: a pool never returns the task of a worker that died
(a segfault in a C extension, the out-of-memory killer), so the run would hang.
Here the parent watches each worker's sentinel; a worker that dies turns its file
into an error entry and is replaced. Results are yielded in input order, and at
most a window of files is in flight so that memory does not grow with the input.

Workers are forked, so each inherits the rules the parent loaded once (and builds a
lazily built rule once). Where ``fork`` is not available (Windows), files are checked
in the main process.

A checking process grows as it meets more of the rule tables and words: compiled table
rows, per-word memos (each bounded) and the allocator's fragmentation. Over an archive
that is tens of MiB above what one article needs. So a worker that has grown by more
than ``worker_memory`` MiB since it was forked is replaced after the file it is checking
(a fresh copy of the parent, which holds what the first file loaded), as Celery's
``--max-memory-per-child`` or gunicorn's ``max_requests`` do. For that reason a one-job
run of many files (``RECYCLED_FROM`` or more) also checks them in one worker process
instead of the main one; ``worker_memory=0`` keeps the main process (and never replaces
a worker). The reports are the same either way: every rule sees one file at a time.
"""

from __future__ import annotations

import contextlib
import io
import itertools
import json
import os
import signal
import sys
import threading
from collections import Counter
from collections.abc import Iterable, Iterator
from typing import TYPE_CHECKING, Any

from checker.cachedir import release_mapped
from checker.config import DEFAULT_WORKER_MEMORY
from checker.document import Document
from checker.files import Target
from checker.finding import Severity
from checker.heap import settle
from checker.profile import PROFILE
from checker.report import FileReport
from checker.runner import Runner

if TYPE_CHECKING:  # multiprocessing is imported by the --jobs path only (about 11 ms of start-up)
    from multiprocessing.connection import Connection

#: Files in flight per worker: enough to keep workers busy while one file is slow.
WINDOW_PER_JOB = 4

#: Least files a worker checks before it may be replaced (its first files load the most).
WORKER_MIN_FILES = 8

#: A one-job run of at least this many files checks them in a worker (see the module's notes).
RECYCLED_FROM = 64

#: Files this process checks before forking the workers of a run whose workers may be replaced:
#: an article's first files build most of the rules, table rows and word-list pages a run
#: needs (about 40 MiB over a run's first eight files), and a worker forked after them shares
#: them instead of loading its own copy. Forked after the first file only, every worker grew by
#: 40 MiB over its own first files and was replaced after eight of them, each fresh copy paying
#: the same loads again (the 1 MB subset: 21 replacements, 40 % more CPU than one process).
WARM_FILES = 8

#: Seconds an idle worker is given to leave at the end of a run: it saves what it compiled to
#: the pattern store first (``_keep_compiled``), and on a loaded machine a save that waits for
#: another worker's (they take turns on the store's lock) and then merges the store can take
#: several seconds; a worker killed before it is done loses its entries. A worker still on a
#: file (an interrupted run) gets ``BUSY_EXIT_SECONDS``.
IDLE_EXIT_SECONDS = 60.0
BUSY_EXIT_SECONDS = 5.0


def _can_fork() -> bool:
    """True when this process may fork workers: the platform has ``fork`` and this process is not
    itself a daemonic one (a Dask or multiprocessing worker), which multiprocessing forbids."""
    import multiprocessing

    return "fork" in multiprocessing.get_all_start_methods() and not multiprocessing.current_process().daemon


def job_count(jobs: int) -> int:
    """The number of workers for ``--jobs`` (0 means one per CPU)."""
    if jobs > 0:
        return jobs
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not on Linux
        return max(1, os.cpu_count() or 1)


class Totals:
    """The run summary, accumulated file by file (the same numbers as ``RunReport.summary``).
    (A plain class, not a dataclass: making one costs about 0.5 ms of start-up.)"""

    __slots__ = ("files", "failed", "errors", "by_sev", "by_cat", "score_sum", "scored", "worst")

    def __init__(self) -> None:
        self.files = 0
        self.failed = 0
        self.errors = 0
        self.by_sev: Counter[str] = Counter()
        self.by_cat: Counter[str] = Counter()
        self.score_sum = 0.0
        self.scored = 0
        self.worst: tuple[float, str] | None = None

    def add(self, f: FileReport) -> None:
        """Count one finished file."""
        self.files += 1
        self.failed += not f.passed
        self.errors += bool(f.error or f.failures)
        for x in f.findings:
            self.by_sev[x.severity.value] += 1
            self.by_cat[x.category] += 1
        if f.score is not None:
            self.score_sum += f.score
            self.scored += 1
            if self.worst is None or (f.score, f.path) < self.worst:
                self.worst = (f.score, f.path)

    def summary(self) -> dict[str, Any]:
        """The report's ``summary`` object."""
        out: dict[str, Any] = {
            "files": self.files,
            "failed_files": self.failed,
            "errors": self.errors,
            "issues": sum(self.by_sev.values()),
            "by_severity": {s.value: self.by_sev[s.value] for s in Severity if self.by_sev[s.value]},
            "by_category": dict(sorted(self.by_cat.items())),
        }
        if self.worst is not None:
            out["mean_score"] = round(self.score_sum / self.scored, 1)
            out["worst_file"] = {"path": self.worst[1], "score": self.worst[0]}
        return out

    @property
    def exit_code(self) -> int:
        """0 clean, 1 a failing file, 2 a file that could not be checked (as ``RunReport.exit_code``)."""
        if self.errors:
            return 2
        return 1 if self.failed else 0


def slim(report: FileReport, complete: bool = True) -> FileReport:
    """The report with a Document reduced to what formatters read, so it pickles small and fast.

    Formatters need positions, passages and the word count; those are cached properties, so
    copying their values spares the parent from parsing the text again. Where the report stays
    in this process (not `complete`), only the values already computed are copied: a result
    read from the cache computed none, and a formatter that needs one computes it then."""
    doc = report.document
    if doc is None:
        return report
    light = Document(doc.text, doc.path, doc.lang, markdown=doc.markdown)
    known = doc.__dict__
    for name in ("excluded", "prose", "passages", "word_count"):
        if complete or name in known:
            light.__dict__[name] = getattr(doc, name)
    report.document = light
    return report


def jsonl_line(report: FileReport) -> str:
    """One file's entry of the JSON report, as one line."""
    from checker.formats.json import file_dict

    return json.dumps(file_dict(report), ensure_ascii=False)


def _error_report(target: Target, code: str, message: str) -> FileReport:
    return FileReport(target.display, error=(code, message), passed=False)


# ------------------------------------------------------------------ workers

_RUNNER: Runner | None = None


class FileTimeout(BaseException):
    """Raised by the alarm when one file exceeds its time budget (a BaseException, so that no
    rule's ``except Exception`` swallows it)."""


def _on_alarm(signum: int, frame: Any) -> None:
    raise FileTimeout


@contextlib.contextmanager
def _time_budget(seconds: float) -> Iterator[None]:
    """Raise FileTimeout in this thread after `seconds` (no limit for 0, off the main thread or
    where the platform has no interval timer)."""
    usable = seconds > 0 and hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable:
        yield
        return
    previous = signal.signal(signal.SIGALRM, _on_alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


#: Whether this process has checked a file already (see ``_check_one``).
_first_done = False
#: True in a ``--jobs`` worker, whose reports are pickled to the parent (``slim``).
_IN_WORKER = [False]


def _check_one(target: Target, stdin: bytes | None, as_line: bool) -> tuple[FileReport, str | None, tuple[str, ...]]:
    """Check one target in this process; any exception, or running out of time, becomes the file's error entry."""
    assert _RUNNER is not None
    saved = sys.stdin
    budget = _RUNNER.config.timeout
    try:
        if stdin is not None:
            sys.stdin = io.TextIOWrapper(io.BytesIO(stdin))
        with _time_budget(budget):
            report = _RUNNER.check_target(target)
    except FileTimeout:
        rule = _RUNNER.running_rule()
        where = f" (rule {rule} was running)" if rule else ""
        report = _error_report(target, "timeout", f"took longer than {budget:g} s{where}; not checked (see --timeout)")
    except Exception as exc:  # noqa: BLE001 - one bad file must not stop the run
        report = _error_report(target, "internal", f"{type(exc).__name__}: {exc}")
    finally:
        sys.stdin = saved
        # The mapped pages this file touched leave the resident set (checker/cachedir.py). Not
        # after a process's first file: a run on one article would pay for it (ctypes, the
        # process's map) just before it exits; the second file releases both files' pages.
        global _first_done
        if _first_done:
            release_mapped()
        _first_done = True
    line = None
    if as_line:
        try:
            line = jsonl_line(report)
        except Exception as exc:  # noqa: BLE001
            report = _error_report(target, "internal", f"{type(exc).__name__}: {exc}")
            line = jsonl_line(report)
        report.document = None  # the line says it all; do not ship the text back
    else:
        slim(report, complete=_IN_WORKER[0])
    return report, line, tuple(sorted(_RUNNER.selected_codes))


def resident_bytes() -> int:
    """This process's resident set in bytes (0 where ``/proc`` does not tell it)."""
    try:
        with open("/proc/self/statm", "rb") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


def _worker(conn: Connection, as_line: bool, memory: int = 0, inherited: tuple[Connection, ...] = ()) -> None:
    """Worker loop: receive (index, target, stdin), send back (index, result, retiring) until
    None arrives. ``retiring`` is true when the worker has grown by more than ``memory`` MiB
    since it started (0: never) and leaves after this file; the parent starts another one.
    ``inherited``: the parent's ends of the workers' pipes, which the fork copied here.
    """
    # Closed at once: while this process held a copy of the parent's end of a pipe, a worker
    # (this one or another) would never see end-of-file if the parent were killed, and live on.
    for end in inherited:
        end.close()
    _IN_WORKER[0] = True
    # Ctrl-C is the parent's to handle: it asks the workers to stop after their file.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    settle()  # the parent froze its heap before forking; this sets the young threshold (checker/heap.py)
    from checker import regexcache

    regexcache.reread()  # what the workers that ended before this one stored
    limit = memory << 20
    start = resident_bytes() if limit else 0
    try:
        _serve(conn, as_line, limit, start)
    finally:
        _keep_compiled()


def _keep_compiled() -> None:
    """Add what this worker compiled to the pattern store (``checker.regexcache.save``). A worker
    leaves through ``os._exit``, which skips the exit handlers where a process normally does it:
    without this, a run whose files are all checked by workers added nothing to the store, and
    every later such run (each of its workers, and a worker is replaced every few tens of
    files) compiled the same patterns again: a 1 MB archive cost twice its CPU until a
    one-process run filled the store."""
    from checker import regexcache

    with contextlib.suppress(Exception):  # a cache that cannot be written costs speed, never a result
        regexcache.save()


def _serve(conn: Connection, as_line: bool, limit: int, start: int) -> None:
    """``_worker``'s loop, until None, the end of the pipe or retirement."""
    done = 0
    while True:
        try:
            task = conn.recv()
        except EOFError:
            return
        if task is None:
            return
        index, target, stdin = task
        result = _check_one(target, stdin, as_line)
        done += 1
        retiring = bool(limit and start and done >= WORKER_MIN_FILES and resident_bytes() - start > limit)
        try:
            conn.send((index, result, retiring))
        except Exception as exc:  # noqa: BLE001 - e.g. something in the report does not pickle
            report = _error_report(target, "internal", f"cannot return the result: {type(exc).__name__}: {exc}")
            conn.send((index, (report, jsonl_line(report) if as_line else None, result[2]), retiring))
        if retiring:
            return


class _Slot:
    """A worker process, its end of the pipe and the file it is checking (a plain class: a dataclass
    costs about 0.5 ms of start-up, on runs that start no worker too)."""

    __slots__ = ("process", "conn", "task")

    def __init__(self, process: Any, conn: Connection) -> None:
        self.process = process
        self.conn = conn
        self.task: tuple[int, Target] | None = None


class Checked:
    """Results of a run in input order; ``codes`` collects the rules that ran."""

    def __init__(self) -> None:
        self.codes: set[str] = set()


def check_all(
    runner: Runner,
    targets: Iterable[Target],
    *,
    jobs: int = 1,
    as_lines: bool = False,
    checked: Checked | None = None,
    worker_memory: int | None = None,
) -> Iterator[tuple[FileReport, str | None]]:
    """(report, jsonl line or None) for each target, in input order.

    With ``as_lines`` the report carries no Document (the line holds everything).
    ``worker_memory``: MiB a worker may grow before it is replaced (None: the runner's
    configuration, ``worker-memory``; 0: never, and a one-job run stays in this process).
    """
    global _RUNNER
    checked = checked if checked is not None else Checked()
    if worker_memory is None:
        worker_memory = getattr(getattr(runner, "config", None), "worker_memory", DEFAULT_WORKER_MEMORY)
    memory = max(0, worker_memory)
    if jobs <= 1 and PROFILE.enabled:
        memory = 0  # --profile counts the time of this process: keep one job here
    _RUNNER = runner
    iterator = iter(targets)
    first = next(iterator, None)
    if first is None:
        return
    # The first file is checked here, before forking: the workers then inherit the
    # rules it built and the word lists it loaded instead of each loading its own.
    report, line, codes = _check_one(first, _read_stdin(first), as_lines)
    checked.codes.update(codes)
    yield report, line
    del report, line
    ahead = list(itertools.islice(iterator, 2 if jobs > 1 else RECYCLED_FROM - 1))
    # (_can_fork imports multiprocessing, which a short one-job run never needs)
    # One job moves to a worker only where its growth can be read (/proc: Linux).
    if (jobs <= 1 and (not memory or len(ahead) < RECYCLED_FROM - 1 or not resident_bytes())) or not _can_fork():
        if ahead:
            settle()  # after the first file: what it loaded is the long-lived heap (checker/heap.py)
        for target in itertools.chain(ahead, iterator):
            report, line, codes = _check_one(target, _read_stdin(target), as_lines)
            checked.codes.update(codes)
            yield report, line
        return
    if jobs > 1 and memory:
        ahead += itertools.islice(iterator, RECYCLED_FROM - 1 - len(ahead))
    if memory and len(ahead) >= RECYCLED_FROM - 1:
        # In a long run, workers that may be replaced start from a warm copy (WARM_FILES): the
        # first files are checked here, before forking.
        warm, ahead = ahead[: WARM_FILES - 1], ahead[WARM_FILES - 1 :]
        for target in warm:
            report, line, codes = _check_one(target, _read_stdin(target), as_lines)
            checked.codes.update(codes)
            yield report, line
        del warm
    if len(ahead) > 1:  # one file left is checked by one worker: nothing would be loaded twice
        prepare_fork()
    yield from _check_parallel(runner, itertools.chain(ahead, iterator), max(1, jobs), as_lines, checked, memory)


def prepare_fork() -> None:
    """Before forking workers: load what a run of many files needs sooner or later and the first
    file may not have, so that each worker does not load its own copy, then freeze the heap.

    - py3langid's n-gram model (about 0.5 s of CPU), which the first foreign-looking sentence
      or an undecided language vote needs; in a run of many files some file always does.
    - ``gc.freeze()``: everything loaded so far (rules, word lists, the model) moves to the
      permanent generation, so the workers' collections neither walk it again nor write to its
      pages (which would copy them, page by page, into every worker). The parent unfreezes
      once the workers are started.

    First the mapped pages the first file touched leave the resident set, as after any later
    file (``_check_one`` does not release them after a process's first file, for the one-file
    run's sake): the workers start from the same resident set as they did before that.
    """
    import gc

    from checker import langid

    release_mapped()

    model = getattr(langid, "_ngram_model", None)  # private: the module loads it lazily and caches it
    if callable(model):
        with contextlib.suppress(Exception):  # a missing model is the first rule's error to report
            model()
    gc.collect()
    gc.freeze()


def _read_stdin(target: Target) -> bytes | None:
    if target.path is None and target.problem is None:
        return sys.stdin.buffer.read()
    return None


def _check_parallel(
    runner: Runner,
    targets: Iterable[Target],
    jobs: int,
    as_lines: bool,
    checked: Checked,
    memory: int = 0,
) -> Iterator[tuple[FileReport, str | None]]:
    global _RUNNER
    import multiprocessing
    from multiprocessing.connection import wait

    ctx = multiprocessing.get_context("fork")
    _RUNNER = runner  # inherited by the forked workers

    import gc

    slots: list[_Slot] = []

    def start() -> _Slot:
        parent, child = ctx.Pipe()
        inherited = (parent, *(s.conn for s in slots))
        process = ctx.Process(target=_worker, args=(child, as_lines, memory, inherited), daemon=True)
        # Forked with the heap frozen (as prepare_fork leaves it for the first workers): the
        # worker's collections then never walk the parent's objects nor copy their pages.
        gc.freeze()
        try:
            process.start()
        finally:
            gc.unfreeze()  # this process collects as before
        child.close()
        return _Slot(process, parent)

    for _ in range(jobs):
        slots.append(start())
    pending: dict[int, tuple[FileReport, str | None]] = {}
    source = enumerate(targets)
    exhausted = False
    next_out = 0
    sent = 0
    window = jobs * WINDOW_PER_JOB
    try:
        while True:
            # Feed idle workers, never running more than `window` files ahead of the output.
            for slot in slots:
                if slot.task is None and not exhausted and sent - next_out < window:
                    item = next(source, None)
                    if item is None:
                        exhausted = True
                        break
                    index, target = item
                    slot.task = (index, target)
                    slot.conn.send((index, target, _read_stdin(target)))
                    sent += 1
            while next_out in pending:
                yield pending.pop(next_out)
                next_out += 1
            busy = [s for s in slots if s.task is not None]
            if not busy:
                if exhausted:
                    return
                continue
            ready = wait([s.conn for s in busy] + [s.process.sentinel for s in busy])
            for i, slot in enumerate(slots):
                if slot.task is None:
                    continue
                broken = False
                if slot.conn in ready:
                    try:
                        index, (report, line, codes), retiring = slot.conn.recv()
                    except (EOFError, OSError):
                        # The worker is gone. A pipe at end-of-file still polls as readable,
                        # so this must go straight to the crash path, never wait for data.
                        broken = True
                    else:
                        checked.codes.update(codes)
                        pending[index] = (report, line)
                        slot.task = None
                        if retiring:  # it has grown past `memory`: a fresh copy takes its place
                            slot.process.join()
                            slot.conn.close()
                            slots[i] = start()
                        continue
                if broken or slot.process.sentinel in ready:
                    if not broken and slot.conn.poll():
                        continue  # the result arrived just before the exit: read it next round
                    slot.process.join(timeout=1)
                    index, target = slot.task
                    code = slot.process.exitcode
                    report = _error_report(target, "crash", f"the worker checking this file stopped (exit code {code})")
                    pending[index] = (report, jsonl_line(report) if as_lines else None)
                    slot.conn.close()
                    slots[i] = start()
    finally:
        for slot in slots:
            with contextlib.suppress(OSError, ValueError):
                slot.conn.send(None)
        for slot in slots:
            slot.process.join(timeout=IDLE_EXIT_SECONDS if slot.task is None else BUSY_EXIT_SECONDS)
            if slot.process.is_alive():
                slot.process.kill()
                slot.process.join()
            slot.conn.close()

