"""Task `event`: whole-article event extraction scored per field.

Two gold formats:

* HRDsAttack JSON Lines (``{id, text, publish_date, event: {year, month, day,
  date_iso, city, region, country, perpetrator_type}}``): one gold event per
  article, compared with the article's *main event* (see :func:`main_event`). See :mod:`conflictscope.evaluation.normalize` for the
  matching rules.
* A seed's ``.expected.json`` (``must`` / ``may`` / ``must_not``) with the
  article text in the file its ``article`` key names, beside it: scored in
  :mod:`conflictscope.evaluation.expected`.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

from conflictscope.errors import EvaluationError, InputError
from conflictscope.evaluation.gold import is_dict, is_id, is_text, read_jsonl
from conflictscope.evaluation.metrics import ratio
from conflictscope.evaluation.normalize import (
    PERPETRATOR_KINDS,
    actor_kind,
    any_name_matches,
    countries_match,
    dates_match,
    gold_date,
    is_empty,
    repaired_gold_country,
)
from conflictscope.ingest.text import parse_date
from conflictscope.models import Article, Event
from conflictscope.pipeline.mainevent import ReportFrame, frame_of, reported_at
from conflictscope.pipeline.mainevent import main_event as rank_main_event

if TYPE_CHECKING:
    from conflictscope.document import AnalyzedArticle
    from conflictscope.pipeline.core import Pipeline

FIELDS = {"id": is_id, "text": is_text, "event": is_dict}
#: The fields scored on HRDsAttack, in report order.
HRDS_FIELDS = ("event_found", "date", "date_day", "date_month", "country", "country_repaired", "city",
               "region", "city_or_region", "actor")

#: Analyses articles (the pipeline by default).
Analyzer = Callable[[Sequence[Article]], Iterable["AnalyzedArticle"]]


def _valid_event(record: dict[str, Any]) -> str | None:
    event = record["event"]
    for key in ("country", "city", "region"):
        if key in event and event[key] is not None and not isinstance(event[key], str):
            return f"event.{key} must be a string or null"
    return None


def pipeline_analyzer(pipeline: Pipeline | None = None) -> Analyzer:
    """An analyzer running the conflictscope pipeline."""

    def analyze(articles: Sequence[Article]) -> Iterable[AnalyzedArticle]:
        from conflictscope.pipeline.core import default_pipeline

        return (pipeline or default_pipeline()).run_many(articles)

    return analyze


def main_event(events: Iterable[Event], frame: ReportFrame | None = None) -> Event | None:
    """The article's main event: the most salient one (see :mod:`conflictscope.pipeline.mainevent`).

    Salience adds up the cues of news writing: the headline names the event's kind
    and place, the lead tells it, the text dates it to the day, its confidence, and
    how early it is reported. Background events count: a report on a trial or an
    anniversary is about an attack that may be years old. None when there is no event.
    """
    return rank_main_event(list(events), frame)


def fallback_place(analyzed: AnalyzedArticle) -> Any:
    """The article's main place from the geo stage, when it offers one (else None)."""
    import importlib

    main_place = getattr(importlib.import_module("conflictscope.pipeline.places"), "main_place", None)
    if main_place is None:
        return None
    try:
        found = main_place(analyzed)
    except Exception:  # a stage helper failing must not sink the evaluation
        return None
    return getattr(found, "place", found)


def score_article(gold: dict[str, Any], event: Event | None, place: Any = None) -> dict[str, bool | None]:
    """Each field of one gold HRDsAttack event: True/False, or None when the gold lacks it.

    ``date_day`` / ``date_month`` score the date only where the gold gives a day /
    only a month; ``city_or_region`` is right when either gold name matches.

    ``place`` (a ``Place``-like object) stands in for the location of a missing event.
    """
    when = gold_date(gold.get("year"), gold.get("month"), gold.get("day"), gold.get("date_iso"))
    country = gold.get("country")
    country_name = event.country if event else str(getattr(place, "country", "") or "")
    iso3 = event.iso3 if event else str(getattr(place, "iso3", "") or "")
    names = place_names(event, place)
    kinds = PERPETRATOR_KINDS.get(str(gold.get("perpetrator_type") or "").strip().casefold())
    date_ok = None if when is None else dates_match(when, event.event_date if event else None)
    city = None if is_empty(gold.get("city")) else any_name_matches(gold["city"], names)
    region = None if is_empty(gold.get("region")) else any_name_matches(gold["region"], names)
    return {
        "event_found": event is not None,
        "date": date_ok,
        "date_day": date_ok if when is not None and when[1] == "day" else None,
        "date_month": date_ok if when is not None and when[1] == "month" else None,
        "country": None if is_empty(country) else countries_match(country, country_name, iso3),
        "country_repaired": None if is_empty(country) else countries_match(
            repaired_gold_country(gold), country_name, iso3),
        "city": city,
        "region": region,
        "city_or_region": None if city is None and region is None else bool(city or region),
        "actor": None if kinds is None else (event is not None and actor_kind(event.inter1) in kinds),
    }


def place_names(event: Event | None, place: Any = None) -> list[str]:
    """The names a gold place may match: the event's location, admin2, admin1 and the
    words its location evidence quotes (the text's "Palmyra" for a place named Tadmur)."""
    if event is not None:
        quoted = [span.text for span in event.evidence.get("location", ())]
        return [n for n in (event.location, event.admin2, event.admin1, *quoted) if n]
    if place is None:
        return []
    return [str(getattr(place, key, "") or "") for key in ("name", "admin2", "admin1")]


def summarize(rows: Sequence[dict[str, bool | None]]) -> dict[str, Any]:
    """Per-field accuracy over the articles whose gold has the field.

    ``accuracy`` counts a missing event as wrong; ``accuracy_when_found`` only
    looks at articles where an event was found.
    """
    fields: dict[str, Any] = {}
    for name in HRDS_FIELDS:
        scored = [row for row in rows if row[name] is not None]
        found = [row for row in scored if row["event_found"]]
        correct = sum(1 for row in scored if row[name])
        fields[name] = {
            "n": len(scored),
            "correct": correct,
            "accuracy": ratio(correct, len(scored)),
            "accuracy_when_found": ratio(sum(1 for row in found if row[name]), len(found)),
        }
    return {"task": "event", "format": "hrdsattack", "n": len(rows), "fields": fields}


def _hrds_articles(
    gold_path: str | Path, limit: int | None
) -> tuple[list[tuple[int, dict[str, Any]]], list[Article]]:
    """The gold records of an HRDsAttack file and their articles."""
    records = read_jsonl(gold_path, FIELDS, limit=limit, extra=_valid_event)
    articles = []
    for number, record in records:
        try:
            published = parse_date(str(record.get("publish_date") or "")[:10] or None)
        except InputError:
            raise EvaluationError(f"{gold_path}:{number}: publish_date is not a date") from None
        articles.append(
            Article.from_text(record["text"], published=published, id=str(record["id"]),
                              title=str(record.get("title") or ""))
        )
    return records, articles


def evaluate_hrds(
    gold_path: str | Path, *, limit: int | None = None, analyzer: Analyzer | None = None
) -> dict[str, Any]:
    """Run the pipeline on HRDsAttack articles and score the main event per field."""
    records, articles = _hrds_articles(gold_path, limit)
    analyze = analyzer or pipeline_analyzer()
    rows: list[dict[str, bool | None]] = []
    for (_, record), analyzed in zip(records, analyze(articles), strict=True):
        event = analyzed.events[0] if analyzed.events else None  # the rank stage put the main event first
        place = fallback_place(analyzed) if event is None else None
        rows.append(score_article(record["event"], event, place))
    result = summarize(rows)
    result["gold"] = str(gold_path)
    return result


def date_errors(
    gold_path: str | Path, *, limit: int | None = None, analyzer: Analyzer | None = None
) -> list[dict[str, Any]]:
    """The HRDsAttack articles whose main event's date misses the gold date, and why.

    Each row gives the gold date and precision, the main event (date, sub-event type,
    the expressions that date it, its trigger sentence), the dates of the other events
    (most salient first) and a ``cause``: ``no event``; ``ranking`` (another event has
    the gold date); ``attach`` (an event of a sentence that states the gold date is dated
    otherwise); ``unread`` (no event is read in a sentence that states it); ``absent``
    (no expression of the text resolves to it).
    """
    records, articles = _hrds_articles(gold_path, limit)
    rows: list[dict[str, Any]] = []
    for (_, record), analyzed in zip(records, (analyzer or pipeline_analyzer())(articles), strict=True):
        gold = record["event"]
        when = gold_date(gold.get("year"), gold.get("month"), gold.get("day"), gold.get("date_iso"))
        frame = frame_of(analyzed)
        ranked = list(analyzed.events)  # most salient first: the rank stage's order
        event = ranked[0] if ranked else None
        if when is None or (event is not None and dates_match(when, event.event_date)):
            continue
        row: dict[str, Any] = {"id": record["id"], "gold": when[0].isoformat(), "precision": when[1],
                               "cause": _date_miss_cause(when, ranked, analyzed, frame)}
        if event is not None:
            row["main"] = {
                "date": event.event_date.isoformat() if event.event_date else None,
                "sub_event_type": event.sub_event_type,
                "dated_by": [span.text for span in event.evidence.get("event_date", ())],
                "sentence": " ".join(frame.sentence_at(reported_at(event)).split()),
            }
            row["others"] = [
                f"{e.sub_event_type}: {e.event_date.isoformat() if e.event_date else None}" for e in ranked[1:]
            ]
        rows.append(row)
    return rows


def _date_miss_cause(
    when: tuple[date, str], ranked: Sequence[Event], analyzed: AnalyzedArticle, frame: ReportFrame
) -> str:
    if not ranked:
        return "no event"
    if any(dates_match(when, e.event_date) for e in ranked):
        return "ranking"
    stating = {
        frame.sentence_at(t.span.start) for t in analyzed.timexes
        if t.start is not None and t.end is not None and t.start <= when[0] <= t.end
        and (when[1] != "day" or t.granularity == "day")
    }
    if not stating:
        return "absent"
    return "attach" if any(frame.sentence_at(reported_at(e)) in stating for e in ranked) else "unread"


def evaluate_event(
    gold_path: str | Path, *, limit: int | None = None, analyzer: Analyzer | None = None
) -> dict[str, Any]:
    """Score whole-article extraction on HRDsAttack JSON Lines or a seed ``.expected.json``.

    A ``.json`` file is read as an expected reading; anything else as JSON Lines.
    """
    path = Path(gold_path)
    if path.suffix == ".json":
        from conflictscope.evaluation.expected import evaluate_expected

        return evaluate_expected(path, analyzer=analyzer)
    return evaluate_hrds(path, limit=limit, analyzer=analyzer)
