"""CLI: `conflictscope timex REPORT --published DATE` lists a report's time expressions."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date

import click

from conflictscope.cli.common import friendly_errors, parse_date_option, warn
from conflictscope.ingest.readers import InputProblem, read_inputs
from conflictscope.models import Article
from conflictscope.timex import ArticleTimes


@click.command()
@click.argument("inputs", nargs=-1, required=True)
@click.option("--published", callback=parse_date_option,
              help="Publication date (YYYY-MM-DD) the expressions are resolved against.")
@click.option("--format", "output_format", type=click.Choice(["table", "jsonl"]), default="table",
              show_default=True, help="A readable table or JSON Lines (one expression per line).")
@click.option("--spacy/--no-spacy", "use_spacy", default=False, show_default=True,
              help="Also read spaCy DATE entities (loads the model; slower).")
@friendly_errors
def timex(inputs: tuple[str, ...], published: date | None, output_format: str, use_spacy: bool) -> None:
    """List the time expressions of INPUTS with their TIMEX3 values.

    Values: 2016-12-11 (day), 2016-W49 (week), 2016-03 (month), 2016 (year),
    P10M (duration), PAST_REF/PRESENT_REF/FUTURE_REF. Without a publication date
    (and no dateline) relative expressions are listed unresolved (XXXX).
    """
    articles: list[Article] = []
    for item in read_inputs(inputs, published=published):
        if isinstance(item, InputProblem):
            if item.fatal:
                raise click.ClickException(item.message)
            warn(item.message)
            continue
        articles.append(item if item.published or published is None else _with_date(item, published))
    for article, times in _times(articles, use_spacy):
        if times.base is None:
            warn(f"{article.id}: no publication date: relative expressions are not resolved")
        if output_format == "jsonl":
            for t in times.timexes:
                click.echo(json.dumps(_record(article, t)))
        else:
            click.echo(f"# {article.id}  base {times.base or 'unknown'}")
            click.echo(f"{'start':>6} {'end':>6}  {'type':<8} {'value':<24} {'range':<23} text")
            for t in times.timexes:
                span = f"{t.interval.start}..{t.interval.end}" if t.interval else ""
                click.echo(f"{t.start:>6} {t.end:>6}  {t.type:<8} {t.value:<24} {span:<23} {t.text}")


def _with_date(article: Article, published: date) -> Article:
    from dataclasses import replace

    return replace(article, published=published)


def _times(articles: list[Article], use_spacy: bool) -> Iterator[tuple[Article, ArticleTimes]]:
    from conflictscope.pipeline.dates import analyzed_times
    from conflictscope.pipeline.nlp import analyze_many, unparsed

    analyses = analyze_many(articles) if use_spacy else (unparsed(a) for a in articles)
    for article, analyzed in zip(articles, analyses, strict=True):
        yield article, analyzed_times(analyzed)


def _record(article: Article, t: object) -> dict[str, object]:
    from conflictscope.timex import Timex

    assert isinstance(t, Timex)
    return {
        "article": article.id,
        "start": t.start,
        "end": t.end,
        "text": t.text,
        "type": t.type,
        "value": t.value,
        "date_start": t.interval.start.isoformat() if t.interval else None,
        "date_end": t.interval.end.isoformat() if t.interval else None,
        "granularity": t.interval.granularity if t.interval else None,
        "kind": t.kind,
    }


COMMANDS: list[click.Command] = [timex]
