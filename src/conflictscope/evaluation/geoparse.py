"""Geoparsing evaluation on GeoWebNews-style JSON Lines.

Each line: ``{"text": str, "toponyms": [{"start", "end", "phrase", "lat", "lon", ...}]}``.
Gold toponyms with coordinates are the target. Reported:

- recognition P/R/F1 (a prediction matches a gold toponym when the spans overlap;
  demonyms count as predictions, as GeoWebNews annotates "French" as a toponym);
- resolution given the gold spans (each gold phrase resolved in its report's
  context): accuracy within 161 km, mean and median error, and the AUC of the
  log error curve (0 best, 1 worst, as in Gritta et al. 2018);
- end-to-end resolution on the recognised gold toponyms.
"""

from __future__ import annotations

import json
import math
import statistics
from pathlib import Path
from typing import Any

from conflictscope.errors import EvaluationError
from conflictscope.evaluation.metrics import PRF
from conflictscope.gazetteer.containers import link_containers
from conflictscope.gazetteer.demonyms import demonym_country
from conflictscope.gazetteer.geoparse import known_name
from conflictscope.gazetteer.hosts import embedded_name, seat_name
from conflictscope.gazetteer.index import FUZZY, Gazetteer, get_gazetteer
from conflictscope.gazetteer.recognize import _clean, _lower_words
from conflictscope.gazetteer.resolve import Resolver, Toponym, distance_km
from conflictscope.models import Article, Span

#: Half the Earth's circumference: the error of a toponym left unresolved.
MAX_ERROR_KM = 20038.0
ACCURACY_KM = 161.0


def _read(path: str, limit: int | None) -> list[dict[str, Any]]:
    """Validated records; EvaluationError names the first bad line."""
    source = Path(path)
    if not source.is_file():
        raise EvaluationError(f"{path}: no such gold file")
    records: list[dict[str, Any]] = []
    with source.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as exc:
                raise EvaluationError(f"{path}:{number}: not JSON ({exc.msg})") from None
            problem = _problem(record)
            if problem:
                raise EvaluationError(f"{path}:{number}: {problem}")
            records.append(record)
            if limit is not None and len(records) >= limit:
                break
    if not records:
        raise EvaluationError(f"{path}: no gold records")
    return records


def _problem(record: Any) -> str | None:
    if not isinstance(record, dict):
        return "a record must be a JSON object"
    text = record.get("text")
    if not isinstance(text, str):
        return "'text' must be a string"
    toponyms = record.get("toponyms")
    if not isinstance(toponyms, list):
        return "'toponyms' must be a list"
    for i, toponym in enumerate(toponyms):
        if not isinstance(toponym, dict):
            return f"toponym {i} must be an object"
        start, end = toponym.get("start"), toponym.get("end")
        if not (isinstance(start, int) and isinstance(end, int)):
            return f"toponym {i} needs integer 'start' and 'end'"
        if toponym.get("offset_status", "ok") == "ok" and not 0 <= start <= end <= len(text):
            return f"toponym {i} has offsets outside the text"
        lat, lon = toponym.get("lat"), toponym.get("lon")
        if (lat is None) != (lon is None):
            return f"toponym {i} has only one coordinate"
        if lat is not None and not (isinstance(lat, int | float) and isinstance(lon, int | float)
                                    and -90 <= lat <= 90 and -180 <= lon <= 180):
            return f"toponym {i} has bad coordinates"
    return None


def _gold(record: dict[str, Any]) -> list[dict[str, Any]]:
    return [t for t in record["toponyms"] if t.get("lat") is not None
            and t.get("offset_status", "ok") == "ok" and t["end"] > t["start"]]


def _error_stats(errors: list[float]) -> dict[str, float | int]:
    if not errors:
        return {"n": 0}
    auc = sum(math.log(1 + e) for e in errors) / (len(errors) * math.log(1 + MAX_ERROR_KM))
    return {
        "n": len(errors),
        "accuracy_161km": round(sum(e <= ACCURACY_KM for e in errors) / len(errors), 4),
        "mean_error_km": round(statistics.fmean(errors), 1),
        "median_error_km": round(statistics.median(errors), 1),
        "auc": round(auc, 4),
    }


def resolve_gold_spans(
    text: str, gold: list[dict[str, Any]], context: list[str], fallback: tuple[float, float] | None,
    gazetteer: Gazetteer,
) -> list[tuple[float, float] | None]:
    """Coordinates for each gold toponym phrase, resolved together in context.

    A name the gazetteer lacks stands for a place named inside it ("Bank of England"), or
    for the place it is said to be in ("the Palais des Nations in Geneva"), else takes the report's focus (its confidently resolved towns), else ``fallback``.
    """
    toponyms: list[Toponym] = []
    known = known_name(gazetteer)
    common = _lower_words(text)
    for item in gold:
        phrase = text[item["start"]:item["end"]]
        name, start, hint = _clean(phrase, item["start"], known)
        span = Span(start, start + len(name), name)
        if not gazetteer.has_name(name):
            inner = embedded_name(name, gazetteer, common)  # "Arizona State University" -> Arizona
            seat = seat_name(text, item["end"], gazetteer) if inner is None else None
            if inner is not None:
                name, start = inner[0], start + inner[1]
                span = Span(start, start + len(name), name)
            elif seat is not None:
                name = seat[0]  # "the Palais des Nations in Geneva" -> Geneva
        toponyms.append(Toponym(span, name or phrase, 1.0, hint))
    order = sorted(range(len(toponyms)), key=lambda i: toponyms[i].span.start)
    linked = {t.span.start: t for t in link_containers(text, [toponyms[i] for i in order])}
    toponyms = [linked.get(t.span.start, t) for t in toponyms]
    # demonyms ("Canadian") are context, not names to resolve: they stand for their country
    adjectives = [demonym_country(t.name) for t in toponyms]
    context = context + [cc for cc in adjectives if cc]
    places = [t for t, cc in zip(toponyms, adjectives, strict=True) if not cc]
    found = iter(Resolver(gazetteer).resolve(places, context_countries=context))
    resolved = [None if cc else next(found) for cc in adjectives]
    towns = [(r.match.entry.lat, r.match.entry.lon, r.match.entry.population) for r in resolved
             if r is not None and r.match.kind != FUZZY and r.match.entry.feature == "city"
             and r.confidence >= 0.6 and r.match.entry.lat is not None]
    fallback = _medoid(towns) or fallback  # type: ignore[arg-type]
    points: list[tuple[float, float] | None] = []
    for toponym, resolution in zip(toponyms, resolved, strict=True):
        entry = resolution.match.entry if resolution else None
        if (resolution is not None and resolution.match.kind == FUZZY and fallback is not None
                and resolution.confidence < 0.6):
            entry = None  # a loose spelling match: likely a site the gazetteer lacks
        cc = demonym_country(toponym.name)
        if cc and (entry is None or entry.feature != "country"):
            nation = next((m.entry for m in gazetteer.lookup(toponym.name, False)
                           if m.entry.feature == "region" and m.entry.cc == cc), None)
            entry = nation or gazetteer.country(cc) or entry  # "English": England, else the UK
        if entry is not None and entry.lat is not None and entry.lon is not None:
            points.append((entry.lat, entry.lon))
        else:
            points.append(fallback)
    return points


def _medoid(points: list[tuple[float, float, int]]) -> tuple[float, float] | None:
    """The report's geographic focus: the town with the most others nearby, the larger on a tie.

    Distances are capped (a far outlier counts like any other far town), so a report
    of scattered namesakes falls back on its largest town. None for no points.
    """
    if not points:
        return None
    sample = list(dict.fromkeys(points))[:60]  # each town once: a repeated namesake is no focus
    best = min(sample, key=lambda p: (
        sum(min(distance_km(p[0], p[1], q[0], q[1]), MEDOID_CAP_KM) for q in sample)
        - 50.0 * math.log10(p[2] + 10)))
    return best[0], best[1]


#: Distance beyond which another town of the report counts as simply "far" for the focus.
MEDOID_CAP_KM = 500.0


def evaluate_geoparse(gold_path: str, *, limit: int | None = None) -> dict[str, Any]:
    """Recognition and resolution scores of the geoparser on a GeoWebNews-style file."""
    from conflictscope.gazetteer.geoparse import GEOPARSE
    from conflictscope.pipeline.nlp import analyze_many
    from conflictscope.pipeline.places import geoparse_article, main_place

    records = _read(gold_path, limit)
    gazetteer = get_gazetteer()
    articles = [Article.from_text(r["text"], id=str(r.get("docid", i))) for i, r in enumerate(records)]
    tp = fp = fn = 0
    span_errors: list[float] = []
    e2e_errors: list[float] = []
    for record, unplaced in zip(records, analyze_many(articles), strict=True):
        analyzed = geoparse_article(unplaced, gazetteer)
        parsed = analyzed.get(GEOPARSE)
        assert parsed is not None
        gold = _gold(record)
        predicted = [(m.span, m.place.latitude, m.place.longitude) for m in (*parsed.places, *parsed.in_names)]
        for demonym in parsed.demonyms:
            country = gazetteer.country(demonym.cc)
            if country is not None:
                predicted.append((demonym.span, country.lat, country.lon))
        used: set[int] = set()
        for item in gold:
            hit = next((i for i, (span, _la, _lo) in enumerate(predicted)
                        if i not in used and span.start < item["end"] and item["start"] < span.end), None)
            if hit is None:
                fn += 1
                continue
            used.add(hit)
            tp += 1
            _span, lat, lon = predicted[hit]
            e2e_errors.append(MAX_ERROR_KM if lat is None or lon is None
                              else distance_km(lat, lon, item["lat"], item["lon"]))
        fp += sum(1 for i, (span, _la, _lo) in enumerate(predicted) if i not in used and not any(
            span.start < t["end"] and t["start"] < span.end for t in record["toponyms"]
            if t.get("offset_status", "ok") == "ok"))
        focus = main_place(analyzed)
        fallback = ((focus.place.latitude, focus.place.longitude)
                    if focus and focus.place.latitude is not None and focus.place.longitude is not None
                    else None)
        points = resolve_gold_spans(record["text"], gold, [d.cc for d in parsed.demonyms], fallback,
                                    gazetteer)
        for item, point in zip(gold, points, strict=True):
            span_errors.append(MAX_ERROR_KM if point is None
                               else distance_km(point[0], point[1], item["lat"], item["lon"]))
    return {
        "task": "geoparse",
        "documents": len(records),
        "gold_toponyms": sum(len(_gold(r)) for r in records),
        "recognition": PRF(tp, fp, fn).as_dict(),
        "resolution_gold_spans": _error_stats(span_errors),
        "resolution_end_to_end": _error_stats(e2e_errors),
    }

