"""A resident mtlint for many short runs: ``mtlint check --daemon``.

A pre-commit hook starts mtlint for one article many times a day, and most of such a run
is loading: the interpreter, the modules, the rule files, the word lists, the compiled
patterns. With ``--daemon`` the command is a small client. The first run starts a
resident process in the background (and is checked in its own process, as usual); that
process loads mtlint once, warms it on the rule packs' own examples in the languages
the run asked for, and listens on a Unix socket that only this user can open. Each later
run connects and sends its arguments, working directory, environment and its standard
input, output and error (the descriptors themselves, ``SCM_RIGHTS``) to a copy of the
resident process, forked ahead of the run; the copy runs ``checker.cli.main`` exactly as
a fresh process would (same options, configuration found from the same directory, output
written straight to the caller's terminal or pipe), sends back the exit code and exits,
and the resident process forks the next copy as soon as one takes a run. A waiting copy
primes itself on a short text (``_warm``), so that the pages it must copy from the
resident process are copied before the run rather than during it
(``MTLINT_DAEMON_PRIME=0`` skips that, for a run's CPU instead of its latency).
Forking per run keeps runs apart: nothing one run changes (``--add-word``, a rule
turned off by a timeout, memo tables) reaches the next, while everything loaded before
the fork is shared. This is the preloader design of Ruby's Spring and Android's
zygote; ``dmypy`` is mypy's resident equivalent.

What keeps it honest:

- A changed rule file, configuration or vocabulary is seen by the next run (the rule
  set is kept by its files' fingerprint, the configuration is read by every run).
- A changed mtlint (another version, an edited source file, another interpreter) is
  another socket name, so it gets its own resident process; the old one exits after
  ``MTLINT_DAEMON_IDLE`` seconds without a run (default 900).
- ``mtlint daemon stop`` stops it, ``mtlint daemon status`` tells whether it runs.
- Where Unix sockets or ``fork`` are missing (Windows), or the socket directory is not
  private, ``--daemon`` is ignored and the run is checked in its own process.
"""

from __future__ import annotations

import contextlib
import os
import socket
import sys
from collections.abc import Callable, Sequence
from typing import Any, NoReturn

from checker.resident import CODE_SIZE, EXIT_ERROR, HEADER_SIZE, decode_request, read_exactly

#: Seconds a resident process waits for a run before it exits (``MTLINT_DAEMON_IDLE``).
DEFAULT_IDLE = 900.0


def _idle() -> float:
    try:
        value = float(os.environ.get("MTLINT_DAEMON_IDLE", DEFAULT_IDLE))
    except ValueError:
        return DEFAULT_IDLE
    return value if value > 0 else DEFAULT_IDLE


def serve(path: str, argv: Sequence[str]) -> None:
    """Hold `path`'s lock, warm up, then keep one primed copy waiting for the next run until idle
    long enough."""
    import fcntl
    import gc
    import select
    import signal

    lock_path = path + ".lock"
    lock = os.open(lock_path, os.O_CREAT | os.O_RDWR, 0o600)
    try:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
        if os.stat(lock_path).st_ino != os.fstat(lock).st_ino:
            raise OSError("the lock file was replaced")  # its holder removed it as it exited
        os.ftruncate(lock, 0)
        os.write(lock, str(os.getpid()).encode("ascii"))  # for 'mtlint daemon status' and 'stop'
    except OSError:
        os.close(lock)
        return  # another one runs or is warming up
    try:
        prime = _warm(argv)
        os.chdir("/")  # hold no directory of the first run's (a copy moves to each run's own)
        gc.collect()
        gc.freeze()  # the copies share what is loaded: the collector neither walks nor copies it
        listener = _listen(path)
    except BaseException:
        os.close(lock)
        raise
    ours = os.stat(path).st_ino
    # A copy writes a byte to `taken` when it has accepted a run (then the next copy is forked);
    # each copy watches `alive` and leaves when it reads end of file there (this process is gone).
    taken_r, taken_w = os.pipe()
    alive_r, alive_w = os.pipe()
    live: set[int] = set()  # copies not yet reaped
    spare = [0]  # the copy waiting for the next run

    def stop(_signum: int, _frame: Any) -> None:
        raise SystemExit(0)

    def reap(_signum: int, _frame: Any) -> None:  # at once: no zombies, and their time is counted
        live.difference_update(_reap_pids())
        if spare[0] and spare[0] not in live:
            with contextlib.suppress(OSError):
                os.write(taken_w, b"x")  # the waiting copy died: wake the loop to make another

    def fork_spare() -> None:
        # SIGCHLD waits until the new copy is counted (one that died at once is reaped after)
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGCHLD})
        try:
            pid = os.fork()
            if pid == 0:
                os.close(lock)
                os.close(taken_r)
                os.close(alive_w)
                _spare(listener, prime, taken_w, alive_r)
            live.add(pid)
            spare[0] = pid
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    signal.signal(signal.SIGCHLD, reap)
    idle = _idle()
    try:
        fork_spare()
        while True:
            ready, _, _ = select.select([taken_r], [], [], idle)
            if ready:
                news = os.read(taken_r, 64)
                if b"!" in news or spare[0] not in live:
                    fork_spare()  # the waiting copy took a run, or died
                continue
            live.difference_update(_reap_pids())
            if spare[0] not in live:
                fork_spare()  # the waiting copy died (killed): keep one
            elif not live - {spare[0]}:
                break  # idle: no run for `idle` seconds and none still running
    finally:
        try:
            if os.stat(path).st_ino == ours:
                os.unlink(path)
        except OSError:
            pass
        listener.close()
        with contextlib.suppress(OSError):
            os.unlink(lock_path)  # still holding it: a starting process checks it locked this very file
        if spare[0]:
            with contextlib.suppress(OSError):
                os.kill(spare[0], signal.SIGTERM)
        os.close(alive_w)
        os.close(lock)


def _spare(listener: socket.socket, prime: Callable[[], None], taken: int, alive: int) -> NoReturn:
    """A copy made ahead of the next run: it primes itself (see ``_warm``), waits for a run, tells
    the resident process it took one (so that the next copy is made), runs it and exits."""
    import select
    import signal

    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGCHLD})
        prime()
        while True:
            ready, _, _ = select.select([listener.fileno(), alive], [], [])
            if alive in ready:
                os._exit(0)  # the resident process is gone
            try:
                conn, _ = listener.accept()
            except (BlockingIOError, InterruptedError):  # another caller's connection went first, or a signal
                continue
            if _same_user(conn):
                break
            conn.close()
        os.write(taken, b"!")
        os.close(taken)
        os.close(alive)
        listener.close()
        conn.settimeout(None)
    except BaseException:  # noqa: BLE001 - a copy never returns into the resident process's loop
        os._exit(EXIT_ERROR)
    _child(conn)


def _listen(path: str) -> socket.socket:
    """A socket at `path` that only this user can open (non-blocking: the waiting copy selects on it)."""
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
    listener = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    mask = os.umask(0o177)
    try:
        listener.bind(path)
    finally:
        os.umask(mask)
    listener.listen(32)
    listener.setblocking(False)
    return listener


def _reap_pids() -> list[int]:
    """Collect the copies that have ended; their process ids."""
    pids: list[int] = []
    while True:
        try:
            pid, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            return pids
        if pid == 0:
            return pids
        pids.append(pid)


def _same_user(conn: socket.socket) -> bool:
    """True when the peer runs as this user (Linux's SO_PEERCRED; elsewhere the 0600 socket in a
    0700 directory is the guard)."""
    import struct

    peercred = getattr(socket, "SO_PEERCRED", None)
    if peercred is None:
        return True
    try:
        creds = conn.getsockopt(socket.SOL_SOCKET, peercred, struct.calcsize("3i"))
    except OSError:
        return False
    _pid, uid, _gid = struct.unpack("3i", creds)
    return bool(uid == os.getuid())


#: Options of the first run that the warm-up copies: those that choose the configuration and rules.
_WARM_OPTIONS = ("select", "ignore", "extend_select", "rules", "config", "message_lang")


#: Characters of the packs' examples a waiting copy checks to prime itself (``_warm``).
PRIME_CHARS = 1500


def _nothing() -> None:
    return None


def _warm(argv: Sequence[str]) -> Callable[[], None]:
    """Load what runs will need: the modules, the rule set of this directory's configuration (with
    the options of `argv` that choose rules), the word lists and the compiled patterns, by checking
    the rule packs' own examples once in each language asked for (French and English when the run
    does not say), in the format asked for. Best effort: a run reports its own errors.

    Returns how a copy primes itself while it waits for a run: it checks a short text of the
    examples, output discarded. Every object a run uses is touched then, so the pages a fresh
    copy must copy from the resident process (it shares them until it writes to them, and
    reference counts are writes) are copied before the run arrives rather than during it: most
    of a run's page faults, some 40 ms of a 4 KB article's run, move off the caller's time."""
    import io

    from checker.rules import keep_loaded

    keep_loaded()
    try:
        from checker.cli import build_parser, main

        args, _ = build_parser().parse_known_args(list(argv) or ["check"])
    except (Exception, SystemExit):  # noqa: BLE001
        return _nothing
    keep: list[str] = []
    for option in _WARM_OPTIONS:
        value = getattr(args, option, None)
        for v in value if isinstance(value, list) else [value] if value else []:
            keep += ["--" + option.replace("_", "-"), v]
    if getattr(args, "no_inline_config", False):
        keep.append("--no-inline-config")
    langs = [args.lang] if getattr(args, "lang", None) else ["fr", "en"]
    fmt_asked = getattr(args, "format", None) or "text"

    def check(lang: str, text: str, fmt: str) -> None:
        saved = sys.stdin
        sys.stdin = io.TextIOWrapper(io.BytesIO(text.encode("utf-8")), encoding="utf-8")
        try:
            main(["check", "--no-cache", "--exit-zero", "--lang", lang, "--format", fmt, *keep, "-"],
                 io.StringIO(), io.StringIO())
        except (Exception, SystemExit):  # noqa: BLE001, S110
            pass
        finally:
            sys.stdin = saved

    for lang in langs:
        text = _examples(lang)
        for fmt in dict.fromkeys(("json", fmt_asked)):
            check(lang, text, fmt)
    if os.environ.get("MTLINT_DAEMON_PRIME", "1") == "0":
        return _nothing
    short = _examples(langs[0], PRIME_CHARS)

    def prime() -> None:
        check(langs[0], short, fmt_asked)

    return prime


def _examples(lang: str, limit: int = 100_000) -> str:
    """The built-in rules' own examples in `lang`, as one text of at most about `limit` characters."""
    from checker.rules import builtin_rules_dir, load_rules

    try:
        rules = load_rules([builtin_rules_dir()]).rules
    except Exception:  # noqa: BLE001
        return ""
    parts: list[str] = []
    size = 0
    for rule in rules:
        if not rule.applies_to(lang):
            continue
        for example in rule.examples:
            if example.source is not None or (example.lang and example.lang != lang):
                continue
            parts.append(example.text)
            size += len(example.text) + 2
            if size > limit:
                return "\n\n".join(parts)
    return "\n\n".join(parts)


def _child(conn: socket.socket) -> NoReturn:
    """One run, in a fresh copy of the resident process; never returns."""
    import signal

    code = EXIT_ERROR
    try:
        signal.signal(signal.SIGCHLD, signal.SIG_DFL)  # the run's own subprocesses (--jobs) are its own to wait for
        signal.signal(signal.SIGTERM, signal.SIG_DFL)
        signal.signal(signal.SIGINT, signal.default_int_handler)
        msg, fds, _flags, _addr = socket.recv_fds(conn, HEADER_SIZE, 3)
        if len(msg) < HEADER_SIZE or len(fds) != 3:
            os._exit(EXIT_ERROR)
        request = decode_request(read_exactly(conn, int.from_bytes(msg, "big")))
        conn.sendall(os.getpid().to_bytes(CODE_SIZE, "big"))
        for target, fd in zip((0, 1, 2), fds, strict=True):
            if fd != target:
                os.dup2(fd, target)
                os.close(fd)
        code = _run(request)
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else EXIT_ERROR
    except BaseException as exc:  # noqa: BLE001 - reported to the caller, who exits 2
        with contextlib.suppress(BaseException):
            sys.stderr.write(f"mtlint: the resident process failed: {type(exc).__name__}: {exc}\n")
    finally:
        for stream in (sys.stdout, sys.stderr):
            with contextlib.suppress(BaseException):
                stream.flush()
        with contextlib.suppress(OSError, OverflowError):
            conn.sendall(code.to_bytes(CODE_SIZE, "big", signed=True))
        os._exit(0)


def _run(request: dict[str, Any]) -> int:
    """Become the caller's process (directory, environment, umask, standard streams), then run."""
    import io

    os.chdir(request["cwd"])
    os.environ.clear()
    os.environ.update(request["env"])
    os.umask(request["umask"])
    encoding, errors = request["encoding"], request["errors"]
    sys.stdin = io.TextIOWrapper(io.BufferedReader(io.FileIO(0, "r", closefd=False)), encoding=encoding, errors=errors)
    sys.stdout = io.TextIOWrapper(io.BufferedWriter(io.FileIO(1, "w", closefd=False)), encoding=encoding,
                                  errors=errors, line_buffering=os.isatty(1))
    sys.stderr = io.TextIOWrapper(io.BufferedWriter(io.FileIO(2, "w", closefd=False)), encoding=encoding,
                                  errors="backslashreplace", line_buffering=True)
    argv = list(request["argv"])
    sys.argv = ["mtlint", *argv]
    from checker.cli import main

    return main(argv)


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.stderr.write("usage: python -m checker.daemon SOCKET [ARGUMENTS OF THE FIRST RUN]\n")
        raise SystemExit(EXIT_ERROR)
    serve(sys.argv[1], sys.argv[2:])
