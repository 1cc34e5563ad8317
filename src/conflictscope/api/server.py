"""Running the application with uvicorn: in the foreground (``conflictscope serve``) or on a
thread for tests and tools (:func:`running`)."""

from __future__ import annotations

import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager

import uvicorn

from conflictscope.api.app import create_app
from conflictscope.api.config import ServeConfig

#: Connections served at once; beyond it uvicorn answers 503.
LIMIT_CONCURRENCY = 128


def writes_banner(config: ServeConfig) -> str:
    """The line ``serve`` prints at start: whether this server accepts writes."""
    if config.writes_enabled:
        return "writes ENABLED (token required)"
    if config.read_only:
        return "read-only: writes refused"
    return "writes disabled (no token: set --token or CONFLICTSCOPE_TOKEN)"


def uvicorn_config(config: ServeConfig, host: str, port: int, *, log_level: str = "info") -> uvicorn.Config:
    """The uvicorn settings of a server of ``config`` on ``host:port``."""
    return uvicorn.Config(create_app(config), host=host, port=port, log_level=log_level,
                          limit_concurrency=LIMIT_CONCURRENCY, timeout_keep_alive=5,
                          server_header=False, h11_max_incomplete_event_size=16 * 1024)


def run(config: ServeConfig, host: str, port: int) -> None:
    """Serve in the foreground until interrupted."""
    uvicorn.Server(uvicorn_config(config, host, port)).run()


def free_port(host: str = "127.0.0.1") -> int:
    """A TCP port free on ``host`` now."""
    with socket.socket() as sock:
        sock.bind((host, 0))
        return int(sock.getsockname()[1])


@contextmanager
def running(config: ServeConfig, host: str = "127.0.0.1", port: int | None = None) -> Iterator[str]:
    """A real server on a thread (loopback by default); yields its base URL and stops it after."""
    port = port or free_port(host)
    server = uvicorn.Server(uvicorn_config(config, host, port, log_level="warning"))
    thread = threading.Thread(target=server.run, name="conflictscope-serve", daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if not thread.is_alive() or time.monotonic() > deadline:
            raise RuntimeError("the server did not start")
        time.sleep(0.02)
    try:
        yield f"http://{host}:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


def app_from_env() -> object:
    """An application of ``CONFLICTSCOPE_SERVE_DB`` (``CONFLICTSCOPE_SERVE_READ_ONLY=1``: read-only),
    for ``uvicorn --factory --workers N`` (``bench-serve --workers``)."""
    import os

    return create_app(ServeConfig(db=os.environ["CONFLICTSCOPE_SERVE_DB"],
                                  read_only=os.environ.get("CONFLICTSCOPE_SERVE_READ_ONLY") == "1",
                                  token=os.environ.get("CONFLICTSCOPE_TOKEN") or None))
