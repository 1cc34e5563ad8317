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
from conflictscope.api.config import ServeConfig, StorePool

#: Connections served at once; beyond it uvicorn answers 503.
LIMIT_CONCURRENCY = 128


def writes_banner(config: ServeConfig) -> str:
    """The line ``serve`` prints at start: whether this server accepts writes."""
    if config.writes_enabled:
        return "writes ENABLED (token required)"
    if config.read_only:
        return "read-only: writes refused"
    return "writes disabled (no token: set --token or CONFLICTSCOPE_TOKEN)"


#: uvicorn settings of every server (per worker process). The HTTP parser and event loop are
#: uvicorn's "auto" choice: httptools and uvloop, pinned in the ``serve`` extra, where installed.
SETTINGS = {"limit_concurrency": LIMIT_CONCURRENCY, "timeout_keep_alive": 5, "server_header": False,
            "h11_max_incomplete_event_size": 16 * 1024}
#: What ``app_from_env`` reads: the settings handed to each worker process.
ENV_DB, ENV_READ_ONLY, ENV_QUERY_SECONDS = ("CONFLICTSCOPE_SERVE_DB", "CONFLICTSCOPE_SERVE_READ_ONLY",
                                            "CONFLICTSCOPE_SERVE_QUERY_SECONDS")


def uvicorn_config(config: ServeConfig, host: str, port: int, *, log_level: str = "info") -> uvicorn.Config:
    """The uvicorn settings of a server of ``config`` on ``host:port``."""
    return uvicorn.Config(create_app(config), host=host, port=port, log_level=log_level,
                          **SETTINGS)  # type: ignore[arg-type]


def run(config: ServeConfig, host: str, port: int, *, workers: int = 1) -> None:
    """Serve in the foreground until interrupted; ``workers`` > 1: that many processes on one
    socket (uvicorn's workers), each with its own connections and grid cache."""
    if workers <= 1:
        uvicorn.Server(uvicorn_config(config, host, port)).run()
        return
    import os

    os.environ.update({ENV_DB: config.db, ENV_READ_ONLY: "1" if config.read_only else "0",
                       ENV_QUERY_SECONDS: repr(config.query_seconds)})
    if config.token:
        os.environ["CONFLICTSCOPE_TOKEN"] = config.token
    StorePool(config).close()  # create and migrate the store once, before the workers open it
    uvicorn.run("conflictscope.api.server:app_from_env", factory=True, host=host, port=port,
                workers=workers, **SETTINGS)  # type: ignore[arg-type]


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
    """An application of ``CONFLICTSCOPE_SERVE_DB`` (``CONFLICTSCOPE_SERVE_READ_ONLY=1``: read-only;
    ``CONFLICTSCOPE_SERVE_QUERY_SECONDS``: the query time limit), for each worker process of
    ``serve --workers N`` (or ``uvicorn --factory``)."""
    import os

    return create_app(ServeConfig(db=os.environ[ENV_DB], read_only=os.environ.get(ENV_READ_ONLY) == "1",
                                  token=os.environ.get("CONFLICTSCOPE_TOKEN") or None,
                                  query_seconds=float(os.environ.get(ENV_QUERY_SECONDS) or 10.0)))
