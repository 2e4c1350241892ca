"""The ``mtlint`` command's entry point: ``checker.cli`` in this process, or the resident one.

``mtlint check --daemon …`` (or ``MTLINT_DAEMON=1``) hands the run to a resident mtlint
process that keeps rules, word lists and compiled patterns loaded (``checker.daemon``
explains it; ``checker.resident`` is the client): what a pre-commit hook that runs mtlint
on one article many times a day wants. Deciding costs nothing but a look at the
arguments; every other command, and a check without the option, goes straight to
``checker.cli.main``.
"""

from __future__ import annotations

import os
import sys

from checker.resident import OPTION, VARIABLE

TYPE_CHECKING = False  # not typing's: importing it costs more than this whole module
if TYPE_CHECKING:  # pragma: no cover
    from collections.abc import Sequence


def wants_daemon(argv: Sequence[str]) -> bool:
    """True when this ``check`` run asks for the resident process (the option before ``--``, or the
    environment variable set to 1, true or yes)."""
    if not argv or argv[0] != "check":
        return False
    for arg in argv[1:]:
        if arg == "--":
            break
        if arg == OPTION:
            return True
    return os.environ.get(VARIABLE, "").strip().lower() in ("1", "true", "yes")


def main(argv: Sequence[str] | None = None) -> int:
    """Run mtlint; returns the exit code."""
    args = list(sys.argv[1:] if argv is None else argv)
    if wants_daemon(args):
        from checker.resident import run

        code = run(args)
        if code is not None:
            return code
    from checker.cli import main as cli_main
    from checker.cli import process_ends_after_check

    ends = argv is None and args[:1] == ["check"]
    if ends:
        process_ends_after_check()  # the paused collector is not resumed only to walk the heap at exit
    code = cli_main(args)
    if ends:
        _exit_now(code)
    return code


def _exit_now(code: int) -> None:
    """End the process at once after a finished ``check``: the exit handlers run (the pattern
    store is saved, multiprocessing's children are joined), standard output and error are
    flushed, then ``os._exit`` skips the interpreter's teardown. Freeing every rule, pattern
    and word-list object one by one cost a one-article run about a tenth of its time, to
    give back memory the operating system takes back anyway (Instagram's engineers did the
    same to their Python servers). Every output file of the command is closed before it
    returns. Not under a profiler or a debugger (they write their report at teardown), nor
    with threads other than the main one running; then, or when a flush fails, the process
    ends the ordinary way."""
    if sys.getprofile() is not None or sys.gettrace() is not None:
        return
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return
    import atexit

    try:
        atexit._run_exitfuncs()
        sys.stdout.flush()
        sys.stderr.flush()
    except BaseException:  # noqa: BLE001 - a broken pipe or a full disk: the ordinary exit reports it
        return
    os._exit(code)
