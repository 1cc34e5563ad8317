"""Scoring a seed's ``.expected.json`` (``must`` / ``may`` / ``must_not``).

Rules (also in ``docs/evaluation.md``):

* a ``must`` item is *found* when an unused predicted event has an accepted
  sub-event type (or, when the item gives none, its event type) and an actor1
  that matches the item's by prefix (folded; either may be the prefix);
  items are matched in file order, each taking the highest-confidence event left
  (the one matcher, :mod:`conflictscope.evaluation.matching`);
* ``may`` items then absorb events the same way (type, and actor1 when given);
  events left over are counted as ``unexpected_events``;
* a ``must_not`` statement is violated by an event matching no ``must`` item
  whose place (location, admin1 or country) is named in the statement, or whose
  sentence shares four consecutive words with it (``may`` items do not excuse it);
* a found item's fields (actor2, location, date, fatalities, background flag,
  precision codes) are each scored when the item gives them.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex as re

from conflictscope.errors import EvaluationError, InputError
from conflictscope.evaluation.gold import open_gold, read_json
from conflictscope.evaluation.matching import field_matches, match_items
from conflictscope.evaluation.metrics import ratio
from conflictscope.evaluation.normalize import (
    any_name_matches,
    dates_match,
    norm,
    parse_partial_date,
)
from conflictscope.ingest.text import parse_date
from conflictscope.models import Article, Event

if TYPE_CHECKING:
    from conflictscope.evaluation.event import Analyzer

FIELDS = ("actor2", "location", "date", "fatalities_best", "is_background",
          "geo_precision", "time_precision")


def score_fields(item: dict[str, Any], event: Event) -> dict[str, bool]:
    """Each field the item gives, scored on its matched event."""
    scored: dict[str, bool] = {}
    if item.get("actor2"):
        scored["actor2"] = field_matches("actor2", item["actor2"], event.actor2)
    if item.get("location"):
        from conflictscope.evaluation.event import place_names

        names = place_names(event)
        first = _QUALIFIER.sub("", str(item["location"]).split(",")[0]).strip()
        scored["location"] = any_name_matches(first, names) or _names_the_place(first, event.gazetteer_id)
    if item.get("date") or item.get("date_start"):
        scored["date"] = _date_ok(item, event.event_date)
    if item.get("fatalities_best") is not None:
        scored["fatalities_best"] = field_matches("fatalities_best", item["fatalities_best"],
                                                  event.fatalities_best)
    if item.get("is_background") is not None:
        scored["is_background"] = field_matches("is_background", bool(item["is_background"]),
                                                event.is_background)
    for key in ("geo_precision", "time_precision"):
        if item.get(key) is not None:
            scored[key] = field_matches(key, item[key], getattr(event, key))
    return scored


#: "Palmyra countryside", "Palmyra (Tadmur)": the place's name without the precision words a
#: gold writes in (precision is scored on its own) or a bracketed variant.
_QUALIFIER = re.compile(r"(?i)\s*\([^)]*\)|\s+(?:countryside|outskirts|area|environs|surroundings)\b")


def _names_the_place(name: str, gazetteer_id: str) -> bool:
    """The gold name is a main or alternate name of the predicted gazetteer entry ("Palmyra" of Tadmur)."""
    if not name or not gazetteer_id:
        return False
    from conflictscope.gazetteer.index import get_gazetteer

    try:
        matches = get_gazetteer().lookup(name, fuzzy=False)
    except Exception:  # no index: names only
        return False
    return any(match.entry.gid == gazetteer_id for match in matches)


def _date_ok(item: dict[str, Any], predicted: date | None) -> bool:
    if item.get("date"):
        return dates_match(parse_partial_date(str(item["date"])), predicted)
    start = parse_partial_date(str(item.get("date_start") or ""))
    end = parse_partial_date(str(item.get("date_end") or "")) or start
    if predicted is None or start is None or end is None:
        return False
    low = start[0]
    high = end[0] if end[1] == "day" else _period_end(end)
    return low <= predicted <= high


def _period_end(value: tuple[date, str]) -> date:
    day, precision = value
    if precision == "year":
        return date(day.year, 12, 31)
    following = date(day.year + (day.month == 12), day.month % 12 + 1, 1)
    return date.fromordinal(following.toordinal() - 1)


def violations(statements: Sequence[str], leftovers: Sequence[Event]) -> list[dict[str, str]]:
    """The must_not statements each unmatched event violates."""
    found: list[dict[str, str]] = []
    for event in leftovers:
        places = [p for p in (event.location, event.admin1, event.country) if norm(p)]
        sentence = _words(event.notes.split(": ", 1)[-1])
        for statement in statements:
            named = any(re.search(rf"\b{re.escape(p)}\b", statement, flags=re.I) for p in places)
            if named or _shares_ngram(sentence, _words(statement), 4):
                found.append({"statement": statement, "event": _describe(event)})
    return found


def _words(text: str) -> list[str]:
    return norm(text).split()


def _shares_ngram(first: list[str], second: list[str], size: int) -> bool:
    grams = {tuple(first[i : i + size]) for i in range(len(first) - size + 1)}
    return any(tuple(second[i : i + size]) in grams for i in range(len(second) - size + 1))


def _describe(event: Event) -> str:
    when = event.event_date.isoformat() if event.event_date else "?"
    return f"{event.sub_event_type} | {event.actor1} | {event.location or event.country} | {when}"


def score_expected(expected: dict[str, Any], events: Sequence[Event]) -> dict[str, Any]:
    """All metrics of one expected reading against the events read from its article."""
    pool = list(events)
    must = list(expected.get("must") or [])
    found = match_items(must, pool)
    broken = violations([str(s) for s in expected.get("must_not") or []], pool)
    match_items(list(expected.get("may") or []), pool)
    per_field: dict[str, dict[str, Any]] = {}
    items = []
    for item, event in zip(must, found, strict=True):
        scored = score_fields(item, event) if event else {}
        for name, ok in scored.items():
            entry = per_field.setdefault(name, {"n": 0, "correct": 0})
            entry["n"] += 1
            entry["correct"] += int(ok)
        items.append({"what": item.get("what", ""), "found": event is not None,
                      "event": _describe(event) if event else None, "fields": scored})
    for entry in per_field.values():
        entry["accuracy"] = ratio(entry["correct"], entry["n"])
    hits = sum(1 for event in found if event is not None)
    return {
        "task": "event",
        "format": "expected",
        "must_total": len(must),
        "must_found": hits,
        "must_recall": ratio(hits, len(must)),
        "must_not_violations": len(broken),
        "must_not_clean": _clean_share(expected.get("must_not") or [], broken),
        "unexpected_events": len(pool),
        "events": len(events),
        "fields": {name: per_field[name] for name in FIELDS if name in per_field},
        "items": items,
        "violations": broken,
    }


def _clean_share(statements: Sequence[Any], broken: Sequence[dict[str, str]]) -> float:
    """Share of must_not statements that no event violates (1.0 when there are none)."""
    if not statements:
        return 1.0
    violated = {entry["statement"] for entry in broken}
    return ratio(len(statements) - len(violated), len(statements))


def load_expected(path: str | Path) -> tuple[dict[str, Any], Article]:
    """The expected reading and its article (the text file its ``article`` key names)."""
    gold = open_gold(path)
    expected = read_json(gold)
    if not isinstance(expected, dict) or not isinstance(expected.get("must"), list):
        raise EvaluationError(f"{gold}: expected a JSON object with a 'must' list")
    for index, item in enumerate(expected["must"]):
        if not isinstance(item, dict) or not (item.get("event_type") or item.get("sub_event_type")):
            raise EvaluationError(f"{gold}: must[{index}] needs an event_type or sub_event_type")
    name = expected.get("article") or gold.name.replace(".expected.json", ".txt")
    text_path = gold.parent / str(name)
    if not text_path.is_file():
        raise EvaluationError(f"{gold}: its article {text_path} is missing")
    try:
        published = parse_date(expected.get("published"))
    except InputError:
        raise EvaluationError(f"{gold}: 'published' is not a date") from None
    text = text_path.read_text(encoding="utf-8", errors="replace")
    article = Article.from_text(text, published=published, id=text_path.stem,
                                publisher=str(expected.get("publisher") or ""))
    return expected, article


def evaluate_expected(path: str | Path, *, analyzer: Analyzer | None = None) -> dict[str, Any]:
    """Run the pipeline on the seed article and score it against its expected reading."""
    from conflictscope.evaluation.event import pipeline_analyzer

    expected, article = load_expected(path)
    analyzed = next(iter((analyzer or pipeline_analyzer())([article])))
    result = score_expected(expected, analyzed.events)
    result["gold"] = str(path)
    return result
