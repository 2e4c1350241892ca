"""The resident process's client side and its wire format (standard library only).

``checker.launch`` (the ``mtlint`` entry point) calls ``run`` for ``mtlint check --daemon``;
``checker.daemon`` is the resident process; ``checker.cli`` calls ``command`` for
``mtlint daemon start|stop|status``. This module imports only what the interpreter has
already loaded plus ``_socket`` and ``zlib`` (not ``socket``, ``json``, ``typing`` or
``argparse``: each costs more than the rest of the client), because its start-up is what
a run through the resident process costs.

The request is one message: a length, then NUL-separated fields (directory, umask, the
output's encoding and error handler, the operation, the arguments, the environment)
encoded in UTF-8 with ``surrogateescape``; the caller's standard input, output and error
travel with the length as ``SCM_RIGHTS`` descriptors. The answer is four bytes with the
process id of the copy that runs the check (Ctrl-C in the client interrupts it), then four
bytes with its exit code.
"""

from __future__ import annotations

import os
import sys

TYPE_CHECKING = False  # not typing's: see above
if TYPE_CHECKING:  # pragma: no cover
    import _socket
    import socket
    from collections.abc import Sequence
    from typing import Any

#: The option (and environment variable) that sends ``mtlint check`` to the resident process.
OPTION, VARIABLE = "--daemon", "MTLINT_DAEMON"
HEADER_SIZE, CODE_SIZE = 8, 4
EXIT_ERROR = 2


def available() -> bool:
    """True when this platform can pass descriptors over a Unix socket and fork."""
    if os.name != "posix" or not hasattr(os, "fork"):
        return False
    import _socket

    return hasattr(_socket, "AF_UNIX") and hasattr(_socket, "SCM_RIGHTS")


def code_stamp() -> str:
    """What identifies this mtlint: its environment (``sys.prefix``), package directory, version and
    the modification times of its source files (an edited checkout gets a new resident process)."""
    import zlib

    from checker._version import __version__

    here = os.path.dirname(os.path.abspath(__file__))
    newest, count = 0, 0
    stack = [here]
    while stack:
        with os.scandir(stack.pop()) as entries:
            for entry in entries:
                if entry.name.endswith(".py"):
                    newest = max(newest, entry.stat().st_mtime_ns)
                    count += 1
                elif entry.name != "__pycache__" and entry.is_dir():
                    stack.append(entry.path)
    data = "\0".join((sys.prefix, here, __version__, str(newest), str(count))).encode("utf-8", "surrogateescape")
    return f"{zlib.crc32(data):08x}{zlib.adler32(data):08x}"


def socket_dir() -> str | None:
    """The private directory that holds the sockets (created 0700), or None when it is not ours
    alone. ``$XDG_RUNTIME_DIR`` when it is set and short (a socket's path is limited to about 100
    bytes), else ``/tmp``."""
    base = os.environ.get("XDG_RUNTIME_DIR") or ""
    if not base or len(base) > 60 or not os.path.isdir(base):
        base = "/tmp"
    where = os.path.join(base, f"mtlint-{os.getuid()}")
    try:
        os.mkdir(where, 0o700)
    except FileExistsError:
        pass
    except OSError:
        return None
    try:
        st = os.lstat(where)
    except OSError:
        return None
    is_dir = (st.st_mode & 0o170000) == 0o040000
    if not is_dir or st.st_uid != os.getuid() or st.st_mode & 0o077:
        return None
    return where


def socket_path() -> str | None:
    """This mtlint's socket, or None when there is no private place for one."""
    where = socket_dir()
    return None if where is None else os.path.join(where, f"d-{code_stamp()}.sock")


def connect(path: str) -> _socket.socket | None:
    """A connection to the resident process listening at `path`, or None when nobody listens."""
    import _socket

    conn = _socket.socket(_socket.AF_UNIX, _socket.SOCK_STREAM)
    try:
        conn.connect(path)
    except OSError:
        conn.close()
        return None
    return conn


def run(argv: Sequence[str]) -> int | None:
    """Run ``mtlint`` with `argv` in the resident process: its exit code, or None when the caller
    should check in its own process (no resident process yet: one is started for the next run)."""
    if not available():
        return None
    path = socket_path()
    if path is None:
        return None
    try:
        payload = encode_request("check", argv)
    except OSError:  # no working directory (removed under us): the run says so in its own process
        return None
    conn = connect(path)
    if conn is None:
        start(path, argv)
        return None
    try:
        return send(conn, payload)
    finally:
        conn.close()


def encode_request(op: str, argv: Sequence[str]) -> bytes:
    """The request's fields (see the module's documentation)."""
    out = sys.stdout
    mask = os.umask(0o022)
    os.umask(mask)
    fields = [os.getcwd(), str(mask), getattr(out, "encoding", None) or "utf-8",
              getattr(out, "errors", None) or "strict", op, str(len(argv)), *argv]
    fields += [f"{k}={v}" for k, v in os.environ.items()]
    return "\0".join(fields).encode("utf-8", "surrogateescape")


def decode_request(data: bytes) -> dict[str, object]:
    """The fields of `encode_request`, by name."""
    fields = data.decode("utf-8", "surrogateescape").split("\0")
    n = int(fields[5])
    argv = fields[6:6 + n]
    env = dict(f.split("=", 1) for f in fields[6 + n:] if "=" in f)
    return {"cwd": fields[0], "umask": int(fields[1]), "encoding": fields[2], "errors": fields[3],
            "op": fields[4], "argv": argv, "env": env}


def send(conn: _socket.socket, payload: bytes) -> int:
    """Send a request (``encode_request``) with this process's standard descriptors; the exit code
    that comes back."""
    import _socket

    fds, opened = [], []
    for fd in (0, 1, 2):
        try:
            os.fstat(fd)
        except OSError:  # a closed descriptor: the run gets /dev/null in its place
            fd = os.open(os.devnull, os.O_RDWR)
            opened.append(fd)
        fds.append(fd)
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
        rights = b"".join(fd.to_bytes(4, sys.byteorder, signed=True) for fd in fds)
        conn.sendmsg([len(payload).to_bytes(HEADER_SIZE, "big")], [(_socket.SOL_SOCKET, _socket.SCM_RIGHTS, rights)])
        conn.sendall(payload)
        pid = int.from_bytes(read_exactly(conn, CODE_SIZE) or b"\0", "big")
        reply = _wait(conn, pid)
    except OSError as exc:
        sys.stderr.write(f"mtlint: cannot talk to the resident process: {exc}\n")
        return EXIT_ERROR
    finally:
        for fd in opened:
            os.close(fd)
    if len(reply) < CODE_SIZE:
        sys.stderr.write("mtlint: the resident process stopped before the run ended (see 'mtlint daemon status')\n")
        return EXIT_ERROR
    return int.from_bytes(reply, "big", signed=True)


def _wait(conn: _socket.socket, pid: int) -> bytes:
    """The exit code's bytes. Ctrl-C here interrupts the run (the copy `pid` that the resident process
    started for it), which then ends as an interrupted run does; a second Ctrl-C leaves at once."""
    try:
        return read_exactly(conn, CODE_SIZE)
    except KeyboardInterrupt:
        if pid > 0:
            import signal

            try:  # noqa: SIM105 - contextlib is not imported by the client (see above)
                os.kill(pid, signal.SIGINT)
            except OSError:
                pass
        return read_exactly(conn, CODE_SIZE)


def read_exactly(conn: _socket.socket | socket.socket, size: int) -> bytes:
    """`size` bytes from `conn`, or fewer when it closes first."""
    data = b""
    while len(data) < size:
        chunk = conn.recv(size - len(data))
        if not chunk:
            break
        data += chunk
    return data


def start(path: str, argv: Sequence[str]) -> None:
    """Start the resident process for `path` in the background, unless one holds its lock (it is
    warming up). It inherits this run's directory and environment, and warms up on the languages
    and rule options `argv` asks for."""
    if locked(path + ".lock"):
        return
    import subprocess

    try:  # noqa: SIM105 - contextlib is not imported by the client (see above)
        subprocess.Popen(
            [sys.executable, "-m", "checker.daemon", path, *argv],
            stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            close_fds=True, start_new_session=True,
        )
    except OSError:
        pass


def locked(lock: str) -> bool:
    """True when a resident process holds `lock` (it is running or warming up)."""
    import fcntl

    try:
        fd = os.open(lock, os.O_RDWR)
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except OSError:
        return True
    finally:
        os.close(fd)
    return False


def command(action: str, out: Any) -> int:
    """``mtlint daemon start|stop|status``: exit 0, or 1 for a status that is not "running"."""
    if not available():
        out.write("mtlint: no resident process on this platform (Unix sockets and fork are needed)\n")
        return EXIT_ERROR
    path = socket_path()
    if path is None:
        out.write("mtlint: no private directory for the resident process's socket\n")
        return EXIT_ERROR
    pid = holder(path)
    state = "not running" if pid is None else "running" if os.path.exists(path) else "warming up"
    if action == "start":
        if pid is None:
            start(path, ["check"])
            state = "starting"
        out.write(f"mtlint: resident process {state} ({path})\n")
        return 0
    if action == "stop":
        if pid is not None:
            import contextlib
            import signal

            with contextlib.suppress(OSError):
                os.kill(pid, signal.SIGTERM)
            out.write(f"mtlint: resident process {pid} stopped\n")
        else:
            out.write("mtlint: resident process not running\n")
        return 0
    out.write(f"mtlint: resident process {state}{'' if pid is None else f', pid {pid}'} ({path})\n")
    return 0 if state == "running" else 1


def holder(path: str) -> int | None:
    """The process id of the resident process that holds `path`'s lock, or None."""
    if not locked(path + ".lock"):
        return None
    try:
        with open(path + ".lock", encoding="ascii") as fh:
            return int(fh.read().strip() or 0) or None
    except (OSError, ValueError):
        return None
