"""CLI: `conflictscope bench`: pipeline throughput beside plain spaCy."""

from __future__ import annotations

import json
import os
from pathlib import Path

import click

from conflictscope.cli.common import friendly_errors

DEFAULT_CORPUS = Path("../shared/data/bench/news_bench.jsonl")


@click.command()
@click.option("--corpus", type=click.Path(dir_okay=False),
              help=f"JSON Lines of {{id, published, title, text}} or a text file [default: {DEFAULT_CORPUS}].")
@click.option("--limit", type=click.IntRange(min=1), help="Use only the first N articles.")
@click.option("--processes", type=click.IntRange(min=1), default=os.cpu_count() or 1,
              show_default="the number of CPUs", help="Worker processes per mode.")
@click.option("--batch-size", type=click.IntRange(min=1), default=64, show_default=True,
              help="spaCy batch size (both modes).")
@click.option("--only", type=click.Choice(["pipeline", "spacy"]), help="Run one mode only.")
@click.option("--json", "as_json", is_flag=True, help="Print the figures as one JSON object.")
@friendly_errors
def bench(corpus: str | None, limit: int | None, processes: int, batch_size: int,
          only: str | None, as_json: bool) -> None:
    """Throughput (articles/s, words/s), time per stage and peak memory of the pipeline,
    beside plain spaCy (full en_core_web_sm) on the same texts in the same run."""
    from conflictscope.evaluation.bench import MODES, load_corpus, render, run_bench

    path = Path(corpus) if corpus else DEFAULT_CORPUS
    if not corpus and not path.exists():
        raise click.ClickException(f"no corpus given and {DEFAULT_CORPUS} does not exist (pass --corpus)")
    articles = load_corpus(path, limit=limit)
    report = run_bench(articles, processes=processes, batch_size=batch_size,
                       modes=(only,) if only else MODES)
    report["corpus"] = str(path)
    click.echo(json.dumps(report) if as_json else render(report))


COMMANDS: list[click.Command] = [bench]
