"""Task `merge`: reports of one incident clustered into one event, scored against gold incidents.

The pipeline (coding scope ``all-violence``) reads every report; a report's main event (its
first) becomes a mention, a report without any event stays alone. The mentions are clustered
(:mod:`conflictscope.merge`) and each cluster's canonical event is built. The figures
(docs/merge.md):

- B3 and pairwise precision, recall and F1 of reports clustered into incidents;
- incident-count accuracy per (state, month): the share of the gold (state, month) cells whose
  count of predicted events (by the canonical place's region and date) is exactly right;
- the merged fields against the gold incident the cluster's reports mostly tell: date within
  a day, city, killed exact;
- B3 on two slices: incidents that share city and date with another one, and reports published
  more than 7 days after their incident;
- baselines in the same run: every report alone; same city and same day; same sub-event type
  within 5 km and 2 days.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Mapping, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from conflictscope.evaluation.clusters import b_cubed, components, pairwise
from conflictscope.evaluation.merge_data import (
    Extractor,
    Incident,
    Report,
    extract_events,
    pipeline_extractor,
    read_incidents,
    read_reports,
)
from conflictscope.evaluation.metrics import ratio
from conflictscope.merge import (
    DEFAULT_RULES,
    CanonicalEvent,
    Mention,
    Rules,
    canonical,
    cluster,
    mention_of,
)
from conflictscope.merge.compare import km_between

#: Reports published this many days after their incident or later form the "late" slice.
LATE_DAYS = 7


def main_mentions(reports: Sequence[Report], events: Mapping[str, Sequence[Any]]) -> dict[str, Mention]:
    """Each report's main event (its first) as a mention, by report id (reports without events left out)."""
    found: dict[str, Mention] = {}
    for report in reports:
        told = events.get(report.article.id) or ()
        if told:
            found[report.article.id] = mention_of(told[0], report.article)
    return found


def _labels(reports: Sequence[Report], groups: Mapping[str, str]) -> dict[str, str]:
    """Each report's predicted cluster: its mention's group, else a cluster of its own."""
    return {r.article.id: groups.get(r.article.id, f"alone:{r.article.id}") for r in reports}


def system_groups(mentions: Mapping[str, Mention], rules: Rules) -> tuple[dict[str, str], list[CanonicalEvent]]:
    """The clustering's group of each report, and the canonical events."""
    clustering = cluster(mentions.values(), rules)
    report_of = {m.mention_id: report_id for report_id, m in mentions.items()}
    groups = {report_of[mid]: name for mid, name in clustering.cluster_of.items()}
    return groups, [canonical(members) for members in clustering.clusters()]


def _pair_groups(mentions: Mapping[str, Mention], same: Callable[[Mention, Mention], bool]) -> dict[str, str]:
    ids = sorted(mentions)
    edges = [(a, b) for i, a in enumerate(ids) for b in ids[i + 1:] if same(mentions[a], mentions[b])]
    return components(ids, edges)


def _cities(gold: str) -> set[str]:
    """The names a gold city stands for: "Chicago (Englewood)" is Chicago and its Englewood."""
    head, _, inner = gold.partition("(")
    names = {_city(head), _city(inner.rstrip(")"))} if inner else {_city(gold)}
    return names - {""}


def _city(name: str) -> str:
    """A city's name folded for comparison: case, "County", "Saint", a leading "The" and hyphens aside
    ("The Bronx" is Bronx, "Opa-locka" Opa Locka)."""
    lowered = name.casefold().replace("(county)", "").replace(" county", "").strip()
    lowered = lowered.removeprefix("the ").replace("-", " ")
    return " ".join(lowered.replace("saint ", "st. ").split())


def same_city_day(a: Mention, b: Mention) -> bool:
    """Baseline: the same place name and the same day."""
    return bool(a.location) and _city(a.location) == _city(b.location) and a.admin1 == b.admin1 \
        and a.event_date is not None and a.event_date == b.event_date


def same_type_near(a: Mention, b: Mention) -> bool:
    """Baseline: the same sub-event type, within 5 km and 2 days."""
    km = km_between(a, b)
    return (a.sub_event_type == b.sub_event_type and km is not None and km <= 5.0
            and a.event_date is not None and b.event_date is not None
            and abs((a.event_date - b.event_date).days) <= 2)


def _count_accuracy(reports: Sequence[Report], incidents: Mapping[str, Incident],
                    events: Sequence[tuple[str, date | None]]) -> float:
    """Share of the gold (state, month) cells whose predicted event count is exact."""
    dated = [incidents[i] for i in {r.incident_id for r in reports if r.incident_id in incidents}]
    gold = Counter((i.state, i.date.strftime("%Y-%m")) for i in dated if i.date is not None and i.state)
    said = Counter((state, when.strftime("%Y-%m")) for state, when in events if when is not None)
    return ratio(sum(1 for cell, n in gold.items() if said.get(cell, 0) == n), len(gold))


def _scores(reports: Sequence[Report], incidents: Mapping[str, Incident], labels: Mapping[str, str],
            events: Sequence[tuple[str, date | None]]) -> dict[str, Any]:
    gold = {r.article.id: r.incident_id for r in reports}
    return {"b3": b_cubed(labels, gold), "pairwise": pairwise(labels, gold),
            "predicted_events": len(set(labels.values())), "count_accuracy": _count_accuracy(reports, incidents, events)}


def _baseline_events(mentions: Mapping[str, Mention], groups: Mapping[str, str]) -> list[tuple[str, date | None]]:
    firsts: dict[str, Mention] = {}
    for report_id in sorted(groups):
        firsts.setdefault(groups[report_id], mentions[report_id])
    return [(m.admin1, m.event_date) for m in firsts.values()]


def _fields(reports: Sequence[Report], incidents: Mapping[str, Incident], groups: Mapping[str, str],
            events: Sequence[CanonicalEvent]) -> dict[str, Any]:
    """Canonical date, city and killed against the incident most of each cluster's reports tell."""
    incident_of = {r.article.id: r.incident_id for r in reports}
    members: dict[str, list[str]] = {}
    for report_id, name in groups.items():
        members.setdefault(name, []).append(report_id)
    right, scored = Counter[str](), Counter[str]()
    for event in events:
        told = Counter(incident_of[r] for r in members[event.event_id])
        incident = incidents.get(min(told, key=lambda i: (-told[i], i)))
        if incident is None:
            continue
        when = event.event_date.value if event.event_date else None
        if incident.date is not None:
            scored["date"] += 1
            right["date"] += when is not None and abs((when - incident.date).days) <= 1
            right["date_exact"] += when == incident.date
        if incident.city:
            scored["city"] += 1
            right["city"] += event.location is not None and _city(event.location.value) in _cities(incident.city)
        if incident.killed is not None:
            scored["killed"] += 1
            right["killed"] += event.fatalities.value == incident.killed
    scored["date_exact"] = scored["date"]
    return {"events": scored["date"], **{name: ratio(right[name], scored[name])
                                         for name in ("date", "date_exact", "city", "killed")}}


def _slices(reports: Sequence[Report], incidents: Mapping[str, Incident]) -> dict[str, list[str]]:
    told = {r.incident_id for r in reports if r.incident_id in incidents and incidents[r.incident_id].date}
    cells = Counter((_city(incidents[i].city), incidents[i].state, incidents[i].date) for i in told)
    crowded = {i for i in told if cells[(_city(incidents[i].city), incidents[i].state, incidents[i].date)] > 1}
    late = [r.article.id for r in reports if r.incident_id in told and r.article.published is not None
            and (r.article.published - (incidents[r.incident_id].date or r.article.published)).days > LATE_DAYS]
    return {"shared_city_and_date": [r.article.id for r in reports if r.incident_id in crowded], "late": late}


def score_merge(reports: Sequence[Report], incidents: Mapping[str, Incident],
                events: Mapping[str, Sequence[Any]], rules: Rules = DEFAULT_RULES) -> dict[str, Any]:
    """Every figure of the task from each report's extracted events (no extraction here)."""
    mentions = main_mentions(reports, events)
    groups, canonical_events = system_groups(mentions, rules)
    labels = _labels(reports, groups)
    gold = {r.article.id: r.incident_id for r in reports}
    result: dict[str, Any] = {
        "task": "merge", "n": len(reports), "gold_incidents": len(set(gold.values())),
        "reports_without_event": len(reports) - len(mentions),
        "system": _scores(reports, incidents, labels,
                          [(e.admin1, e.event_date.value if e.event_date else None) for e in canonical_events]),
        "fields": _fields(reports, incidents, groups, canonical_events),
        "slices": {name: {"reports": len(ids), "b3": b_cubed(labels, gold, only=ids)}
                   for name, ids in _slices(reports, incidents).items()},
    }
    baselines = {"singletons": {rid: rid for rid in mentions}, "same_city_same_day": _pair_groups(mentions, same_city_day),
                 "same_type_5km_2days": _pair_groups(mentions, same_type_near)}
    result["baselines"] = {}
    for name, found in baselines.items():
        result["baselines"][name] = _scores(reports, incidents, _labels(reports, found),
                                            _baseline_events(mentions, found))
    best = max(b["b3"]["f1"] for b in result["baselines"].values())
    result["b3_f1_over_best_baseline"] = round(result["system"]["b3"]["f1"] - best, 4)
    system, fields = result["system"], result["fields"]
    result["headline"] = {
        "b3_precision": system["b3"]["precision"], "b3_recall": system["b3"]["recall"],
        "b3_f1": system["b3"]["f1"], "pairwise_f1": system["pairwise"]["f1"],
        "count_accuracy": system["count_accuracy"], "best_baseline_b3_f1": best,
        "date_within_1_day": fields["date"], "city": fields["city"], "killed_exact": fields["killed"],
    }
    return result


def evaluate_merge(docs: str | Path, incidents: str | Path, *, half: str | None = None, limit: int | None = None,
                   cache: str | Path | None = None, progress: bool = False, extractor: Extractor | None = None,
                   version: str | None = None, rules: Rules = DEFAULT_RULES) -> dict[str, Any]:
    """Run the pipeline on the reports (cached by report id and pipeline version) and score the merge."""
    reports = read_reports(docs, half=half, limit=limit)
    gold = read_incidents(incidents)
    if extractor is None:
        extractor, version = pipeline_extractor("all-violence")
    events = extract_events(reports, extractor, version or "unversioned", cache=cache, progress=progress)
    result = score_merge(reports, gold, events, rules)
    result.update({"gold": str(docs), "half": half or "all"})
    return result
