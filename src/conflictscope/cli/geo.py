"""CLI: `geocode NAME`, `places REPORT`, `gazetteer build|info`, `bench-geo`."""

from __future__ import annotations

import json
import resource
import statistics
import sys
import time
from typing import Any

import click

from conflictscope.cli.common import friendly_errors


def _place_dict(place: object, **extra: object) -> dict[str, object]:
    from dataclasses import asdict

    return {**asdict(place), **extra}  # type: ignore[call-overload]


@click.command()
@click.argument("name")
@click.option("--context", "-c", multiple=True, help="Another place of the report (repeatable).")
@click.option("--limit", default=5, show_default=True, type=click.IntRange(min=1))
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@friendly_errors
def geocode(name: str, context: tuple[str, ...], limit: int, as_json: bool) -> None:
    """Resolve a place NAME (with optional context places) and list its candidates."""
    from conflictscope.gazetteer.index import get_gazetteer
    from conflictscope.gazetteer.resolve import Resolver, Toponym, namesakes, prior
    from conflictscope.models import Span

    if not name.strip():
        raise click.BadParameter("give a place name, e.g. conflictscope geocode Palmyra", param_hint="NAME")
    gazetteer = get_gazetteer()
    toponyms = [Toponym(Span(0, len(n), n), n) for n in (name, *context)]
    resolved = Resolver(gazetteer).resolve(toponyms)[0]
    found = gazetteer.lookup(name)
    candidates, (named, namesake) = found[:limit], namesakes(found)
    best = resolved.match.entry.to_place() if resolved else None
    result = {
        "name": name,
        "best": _place_dict(best, confidence=resolved.confidence) if best and resolved else None,
        "candidates": [_place_dict(m.entry.to_place(), match=("main", "alternate", "fuzzy")[m.kind],
                                   prior=round(prior(m, name=name, named=named, namesake=namesake), 2)) for m in candidates],
    }
    if as_json:
        click.echo(json.dumps(result, ensure_ascii=False))
        return
    if best is None or resolved is None:
        click.echo(f"{name}: no place found")
        return
    click.echo(f"{name} -> {best.name} [{best.feature}] {best.admin2 or '-'}, {best.admin1 or '-'}, "
               f"{best.country} ({best.latitude}, {best.longitude}) {best.gazetteer_id} "
               f"confidence {resolved.confidence:.2f}")
    rows: list[dict[str, Any]] = result["candidates"]  # type: ignore[assignment]
    for item in rows:
        click.echo(f"  {item['name']} [{item['feature']}] {item['admin1']}, {item['country']} "
                   f"({item['latitude']}, {item['longitude']}) {item['match']} prior {item['prior']}")


@click.command()
@click.argument("report", type=click.Path(exists=True, dir_okay=False))
@click.option("--published", help="Publication date YYYY-MM-DD.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON Lines.")
@friendly_errors
def places(report: str, published: str | None, as_json: bool) -> None:
    """Geoparse REPORT (a text file): every place it names, and its main place.

    With --json, one object per line: each place, demonym and place inside a name, then
    ``{"main_place": ...}`` (the place of the report's main event when it names none itself).
    """
    from datetime import date

    from conflictscope.errors import InputError
    from conflictscope.gazetteer.geoparse import GEOPARSE
    from conflictscope.ingest.readers import InputProblem, read_inputs
    from conflictscope.pipeline.nlp import analyze_many
    from conflictscope.pipeline.places import geoparse_article, main_place

    when = date.fromisoformat(published) if published else None
    article = None
    for item in read_inputs([report], published=when):
        if isinstance(item, InputProblem):
            if item.fatal:
                raise InputError(item.message)
            click.echo(f"warning: {item.message}", err=True)  # "does not look like English", cut short
            continue
        article = item
        break
    if article is None:
        raise InputError(f"{report}: no report in it")
    analyzed = geoparse_article(next(analyze_many([article])))
    parsed = analyzed.get(GEOPARSE)
    assert parsed is not None
    focus = main_place(analyzed)
    for mention in parsed.places:
        place = mention.place
        if as_json:
            click.echo(json.dumps({"span": mention.span.to_dict(), "confidence": mention.confidence,
                                   "place": _place_dict(place)}, ensure_ascii=False))
        else:
            click.echo(f"{mention.span.start:>6} {mention.span.text!r:30} -> {place.name} "
                       f"[{place.feature}] {place.admin1 or '-'}, {place.country} "
                       f"({place.latitude}, {place.longitude}) {mention.confidence:.2f}")
    for demonym in parsed.demonyms:
        if as_json:
            click.echo(json.dumps({"span": demonym.span.to_dict(), "demonym_of": demonym.cc,
                                   "context_only": True}, ensure_ascii=False))
        else:
            click.echo(f"{demonym.span.start:>6} {demonym.span.text!r:30} (demonym of {demonym.cc}: "
                       "context only)")
    for mention in parsed.in_names:
        place = mention.place
        if as_json:
            click.echo(json.dumps({"span": mention.span.to_dict(), "confidence": mention.confidence,
                                   "place": _place_dict(place), "context_only": True}, ensure_ascii=False))
        else:
            click.echo(f"{mention.span.start:>6} {mention.span.text!r:30} (inside a name: {place.name}, "
                       f"{place.country}: context only)")
    if focus is not None and as_json:
        click.echo(json.dumps({"main_place": _place_dict(focus.place), "span": focus.span.to_dict()},
                              ensure_ascii=False))
    elif focus is not None:
        click.echo(f"main place: {focus.place.name}, {focus.place.admin1}, {focus.place.country}")
    elif not (parsed.places or parsed.demonyms or parsed.in_names):
        click.echo(f"{report}: no place names found", err=True)


@click.group()
def gazetteer() -> None:
    """Build or inspect the offline gazetteer index."""


@gazetteer.command("build")
@click.option("--force", is_flag=True, help="Rebuild even if the index exists.")
@friendly_errors
def gazetteer_build(force: bool) -> None:
    """Build the index from the installed packages (once per source version)."""
    from conflictscope.gazetteer.build import build_index, default_index_path

    target = default_index_path()
    if target.exists() and not force:
        click.echo(f"gazetteer index up to date: {target}")
        return
    build_index(target)
    click.echo(str(target))


@gazetteer.command("info")
@friendly_errors
def gazetteer_info() -> None:
    """Where the index is, its source versions and counts."""
    from conflictscope.gazetteer.index import get_gazetteer

    click.echo(json.dumps(get_gazetteer().info(), indent=2, ensure_ascii=False))


@gazetteer.command("prune")
@friendly_errors
def gazetteer_prune() -> None:
    """Delete the indexes built for other source versions or build rules."""
    from conflictscope.gazetteer.build import default_index_path, remove_stale_indexes

    removed = remove_stale_indexes(default_index_path())
    for path in removed:
        click.echo(f"removed {path}")
    click.echo(f"{len(removed)} stale index(es) removed; the current one is {default_index_path()}")


@click.command("bench-geo")
@click.option("--lookups", default=50000, show_default=True, type=click.IntRange(min=100))
@click.option("--passes", default=5, show_default=True, type=click.IntRange(min=1),
              help="Cold passes over the sample; the median is reported.")
@click.option("--json", "as_json", is_flag=True, help="Print JSON.")
@friendly_errors
def bench_geo(lookups: int, passes: int, as_json: bool) -> None:
    """Toponyms resolved per second, and resident memory with the gazetteer index open.

    Cold look-ups start each pass with an empty look-up cache, so every name is
    read from the index; the median pass is reported beside the slowest.
    """
    from conflictscope.errors import GazetteerError
    from conflictscope.gazetteer.index import get_gazetteer
    from conflictscope.gazetteer.resolve import Resolver, Toponym
    from conflictscope.models import Span

    gazetteer = get_gazetteer()
    rows = gazetteer._query(  # a sample of real names, from small towns to capitals
        "SELECT name FROM places WHERE id % 53 = 0 LIMIT ?", (max(1000, lookups // 10),))
    names = [str(r[0]) for r in rows]
    if len(names) < 20:
        raise GazetteerError(f"the gazetteer index {gazetteer.path} has too few places to benchmark")
    rates = []
    for _ in range(passes):
        gazetteer.lookup.cache_clear()
        started = time.perf_counter()
        for name in names:
            gazetteer.lookup(name)
        rates.append(len(names) / (time.perf_counter() - started))
    resolver = Resolver(gazetteer)
    batch = [Toponym(Span(0, len(n), n), n) for n in names[:20]]
    started = time.perf_counter()
    done = 0
    while done < lookups:  # warm: reports resolved 20 toponyms at a time, in context
        resolver.resolve(batch[done % 20:] + batch[: done % 20])
        done += len(batch)
    warm = done / (time.perf_counter() - started)
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result = {"cold_lookups_per_s": round(statistics.median(rates)),
              "slowest_cold_pass_per_s": round(min(rates)), "cold_names": len(names),
              "resolved_toponyms_per_s": round(warm),
              "max_rss_mb": round(rss_mb, 1), "index": str(gazetteer.path)}
    click.echo(json.dumps(result) if as_json else "\n".join(f"{k}: {v}" for k, v in result.items()),
               file=sys.stdout)


COMMANDS: list[click.Command] = [geocode, places, gazetteer, bench_geo]
