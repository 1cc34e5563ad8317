"""The `conflictscope` command line: a thin shell over the library.

Each command lives in its own module and only parses options, calls the core and
formats the result.
"""

from __future__ import annotations

import click

from conflictscope import __version__
from conflictscope.cli import (
    bench,
    cluster,
    corrections,
    evaluate,
    events,
    export,
    extract,
    geo,
    ingest,
    serve,
    timex,
)


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="conflictscope")
def main() -> None:
    """Turn news reports about armed conflict into ACLED-coded, geocoded, sourced events."""


for _module in (extract, ingest, events, export, cluster, corrections, evaluate, bench, geo, timex, serve):
    for _command in _module.COMMANDS:
        main.add_command(_command)

__all__ = ["main"]
