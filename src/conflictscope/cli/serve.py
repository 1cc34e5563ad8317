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
@click.option("--query-seconds", type=click.FloatRange(min=0.1), default=10.0, show_default=True,
              help="Time limit of one request's queries.")
@friendly_errors
def serve(db: str, host: str, port: int, read_only: bool, token: str | None,
          query_seconds: float) -> None:
    """Serve the store: the REST API under /api (OpenAPI at /openapi.json) and the web page at /."""
    import uvicorn

    from conflictscope.api import ServeConfig, create_app

    config = ServeConfig(db=db, read_only=read_only, token=token or None, query_seconds=query_seconds)
    app = create_app(config)
    if config.writes_enabled:
        writes = "writes ENABLED (token required)"
    elif read_only:
        writes = "read-only: writes refused"
    else:
        writes = "writes disabled (no token: set --token or CONFLICTSCOPE_TOKEN)"
    click.echo(f"conflictscope serve: {db} on http://{host}:{port}/ ; {writes}", err=True)
    uvicorn.run(app, host=host, port=port, log_level="info", limit_concurrency=128,
                timeout_keep_alive=5, server_header=False)


COMMANDS: list[click.Command] = [serve]
