"""Run ``checker.server`` under uvicorn in a background thread, on a free loopback port."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import pytest


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@contextmanager
def running_server(linter, **settings) -> Iterator[str]:  # noqa: ANN001
    """The base URL of a live server; stopped on exit."""
    uvicorn = pytest.importorskip("uvicorn", reason="the server extra is not installed (pip install -e '.[test]')")
    from checker.server import ServerSettings, create_app

    port = free_port()
    config = uvicorn.Config(create_app(linter, ServerSettings(**settings)), host="127.0.0.1", port=port,
                            log_level="warning", access_log=False)
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the server did not start")
        time.sleep(0.02)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(10)
