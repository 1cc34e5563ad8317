"""CLI: `conflictscope serve` runs the REST API and the web page; `bench-serve` measures it."""

from __future__ import annotations

import click

from conflictscope.cli.common import friendly_errors
from conflictscope.cli.ingest import DB_OPTION


@click.command()
@DB_OPTION
@click.option("--host", default="127.0.0.1", show_default=True,
              help="Address to listen on (loopback by default: the API has no TLS).")
@click.option("--port", type=click.IntRange(0, 65535), default=8000, show_default=True,
              help="Port to listen on.")
@click.option("--read-only", is_flag=True, help="Refuse every write (and open the store read-only).")
@click.option("--token", envvar="CONFLICTSCOPE_TOKEN", default=None, show_envvar=True,
              help="Token that writes must carry (Authorization: Bearer TOKEN); without one, "
                   "writes are disabled.")
@click.option("--query-seconds", type=click.FloatRange(min=0.001), default=10.0, show_default=True,
              help="Time limit of one request's queries (HTTP 503 past it).")
@click.option("--workers", type=click.IntRange(min=1, max=16), default=1, show_default=True,
              help="Server processes sharing the port (one per core serves the most requests).")
@friendly_errors
def serve(db: str, host: str, port: int, read_only: bool, token: str | None,
          query_seconds: float, workers: int) -> None:
    """Serve the store: the REST API under /api (OpenAPI at /openapi.json) and the web page at /."""
    from conflictscope.api import ServeConfig
    from conflictscope.api.server import run, writes_banner

    config = ServeConfig(db=db, read_only=read_only, token=token or None, query_seconds=query_seconds)
    click.echo(f"conflictscope serve: {db} at http://{host}:{port}/ ; {writes_banner(config)}"
               + (f" ; {workers} worker processes" if workers > 1 else ""), err=True)
    run(config, host, port, workers=workers)


COMMANDS: list[click.Command] = [serve]


@click.command("bench-serve")
@click.option("--db", "db", default="bench-serve.db", show_default=True,
              help="The synthetic store (built when missing or of another size).")
@click.option("--events", "count", type=click.IntRange(min=1), default=1_000_000, show_default=True,
              help="Synthetic canonical events in the store.")
@click.option("--requests", type=click.IntRange(min=1, max=1_000_000), default=4000, show_default=True,
              help="Requests to send (half event lists, half clusters).")
@click.option("--concurrency", type=click.IntRange(min=1, max=64), default=8, show_default=True,
              help="Client connections at once.")
@click.option("--workers", type=click.IntRange(min=1, max=16), default=1, show_default=True,
              help="Server processes (uvicorn workers).")
@friendly_errors
def bench_serve(db: str, count: int, requests: int, concurrency: int, workers: int) -> None:
    """Requests/s and p50/p99 latency of event-list and cluster queries against a real
    `conflictscope serve` on loopback (targets: >= 500 requests/s, p99 <= 200 ms)."""
    import json
    import subprocess
    import sys
    import time
    import urllib.request
    from pathlib import Path

    from conflictscope.api.bench import describe, run_load
    from conflictscope.api.server import free_port
    from conflictscope.store import open_store
    from conflictscope.store.bench import fill_serve_bench

    path = Path(db)
    if path.exists():
        with open_store(db) as store:
            have = store.count_events()
        if have != count:
            for suffix in ("", "-wal", "-shm"):
                Path(db + suffix).unlink(missing_ok=True)
    if not path.exists():
        started = time.perf_counter()
        with open_store(db) as store:
            fill_serve_bench(store, count)
        click.echo(f"bench-serve: built {db} with {count:,} events in {time.perf_counter() - started:.0f} s",
                   err=True)
    port = free_port()
    command = [sys.executable, "-c", "from conflictscope.cli import main; main()", "serve", "--db", db,
               "--port", str(port), "--read-only", "--workers", str(workers)]
    server = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        deadline = time.monotonic() + 300
        warm = 0  # the server's start-up summaries built (every worker: several answers in a row)
        while warm < 4 * workers:
            try:
                with urllib.request.urlopen(f"{base}/api/health", timeout=30) as response:
                    warm = warm + 1 if json.loads(response.read()).get("warm", True) else 0
            except OSError:
                pass
            if server.poll() is not None or time.monotonic() > deadline:
                raise click.ClickException("the server did not start (or warm up)")
            time.sleep(0.3)
        run_load(base, requests=min(200, requests), concurrency=concurrency, seed=99)  # warm-up
        result = run_load(base, requests=requests, concurrency=concurrency)
    finally:
        server.terminate()
        server.wait(timeout=30)
    click.echo(f"bench-serve: {count:,} canonical events, {workers} server process(es)")
    for line in describe(result):
        click.echo(line)


COMMANDS.append(bench_serve)
