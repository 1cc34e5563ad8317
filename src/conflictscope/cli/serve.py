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
@friendly_errors
def serve(db: str, host: str, port: int, read_only: bool, token: str | None,
          query_seconds: float) -> None:
    """Serve the store: the REST API under /api (OpenAPI at /openapi.json) and the web page at /."""
    from conflictscope.api import ServeConfig
    from conflictscope.api.server import run, writes_banner

    config = ServeConfig(db=db, read_only=read_only, token=token or None, query_seconds=query_seconds)
    click.echo(f"conflictscope serve: {db} at http://{host}:{port}/ ; {writes_banner(config)}", err=True)
    run(config, host, port)


COMMANDS: list[click.Command] = [serve]
