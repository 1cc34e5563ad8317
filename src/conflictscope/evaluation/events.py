"""Task `events`: every row the pipeline returns, scored against an all-events gold.

Two gold formats (one JSON object per line):

* an all-events gold (``shared/data/dev/EVENTS_GOLD.md``): ``{id, published, title,
  text, events: [...], not_events: [...]}``, each event with its ACLED fields and
  the ``evidence`` sentences that state it;
* ACLED event notes (``{event_id_cnty, event_date, time_precision, event_type,
  sub_event_type, actor1, actor2, country, admin1, location, latitude, longitude,
  fatalities, notes, published?}``): each note is a report whose one gold event is
  the note's own coding (:func:`note_to_report`).

Rows are paired with gold events by :func:`conflictscope.evaluation.matching.fit_kind`
(evidence first, then family, date and place), greedily and one to one
(:func:`pair_rows`). The figures: row precision, recall of current and background
events, duplicate share, fully-right share, per-field accuracy on pairs, precision
of confident rows, the share of no-event reports that got rows, rows per report; and,
for ``--errors``, each false row and each missed gold event with its cause
(:func:`error_rows`). See ``docs/evaluation.md``, "Counting every row".
"""

from __future__ import annotations

import sys
from collections import Counter
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import TYPE_CHECKING, Any

import regex as re

from conflictscope.errors import EvaluationError
from conflictscope.evaluation.gold import (
    _lines,
    is_id,
    is_list,
    is_str,
    is_text,
    open_gold,
    read_jsonl,
)
from conflictscope.evaluation.matching import (
    RIGHT_KM,
    actors_match,
    date_in_range,
    family,
    fit_kind,
    km_between,
    row_spans,
    span_inside,
)
from conflictscope.evaluation.metrics import ratio
from conflictscope.evaluation.normalize import countries_match, is_empty
from conflictscope.evaluation.split import select_half
from conflictscope.models import Article, Event
from conflictscope.textcase import lower_keeping_offsets

if TYPE_CHECKING:
    from conflictscope.evaluation.event import Analyzer

#: Rows at or above this confidence are "confident".
CONFIDENT = 0.8
#: Fields compared on each pair, in report order.
PAIR_FIELDS = ("event_type", "sub_event_type", "actor1", "actor2", "country", "location", "date",
               "fatalities")
#: Formats of a gold file.
EVENTS_GOLD, ACLED_NOTES = "events-gold", "acled-notes"
_GOLD_FIELDS = {"id": is_id, "text": is_text, "events": is_list}
_NOTE_FIELDS = {"event_id_cnty": is_id, "notes": is_str, "event_type": is_str,
                "sub_event_type": is_str, "event_date": is_str}
#: ACLED time precision -> days either side of the note's date that its range covers.
_NOTE_RANGE_DAYS = {1: 0, 2: 3, 3: 15}


@dataclass(frozen=True)
class GoldEvent:
    """One gold event, with its evidence located in the report's text."""

    index: int
    event_type: str
    sub_event_type: str
    actor1: str | None = None
    actor2: str | None = None
    location: str | None = None
    admin1: str | None = None
    country: str | None = None
    lat: float | None = None
    lon: float | None = None
    date_start: date | None = None
    date_end: date | None = None
    is_background: bool = False
    fatalities: int | None = None
    evidence: tuple[str, ...] = ()
    #: The evidence sentences as (start, end) offsets in the report's text.
    sentences: tuple[tuple[int, int], ...] = ()

    def brief(self) -> dict[str, Any]:
        """The gold event in a few fields (for error listings)."""
        return {"index": self.index, "sub_event_type": self.sub_event_type, "actor1": self.actor1,
                "actor2": self.actor2, "location": self.location, "country": self.country,
                "date": _range_text(self.date_start, self.date_end), "is_background": self.is_background,
                "fatalities": self.fatalities, "evidence": " ... ".join(self.evidence)[:300]}


@dataclass(frozen=True)
class GoldReport:
    """One report of the gold file and its gold events."""

    id: str
    text: str
    events: tuple[GoldEvent, ...]
    published: date | None = None
    title: str = ""
    source: str = ""
    #: ((start, end), reason) of each located ``not_events`` quote.
    not_events: tuple[tuple[tuple[int, int], str], ...] = ()

    def article(self) -> Article:
        """The report as the pipeline's input."""
        return Article.from_text(self.text, published=self.published, id=self.id, title=self.title)


# --- reading -------------------------------------------------------------------------------------


def gold_format(path: str | Path) -> str:
    """``events-gold`` or ``acled-notes``, from the file's first record."""
    gold = open_gold(path)
    for number, record in _lines(gold):
        if not isinstance(record, dict):
            raise EvaluationError(f"{gold}:{number}: a record must be a JSON object")
        if "events" in record:
            return EVENTS_GOLD
        if "notes" in record and "event_id_cnty" in record:
            return ACLED_NOTES
        raise EvaluationError(
            f"{gold}:{number}: neither an all-events gold record (id, text, events) nor an ACLED "
            "note (event_id_cnty, notes, event_type, ...)")
    raise EvaluationError(f"{gold}: no records (expected JSON Lines)")


def read_events_gold(path: str | Path, *, limit: int | None = None,
                     half: str | int | None = None) -> tuple[str, list[GoldReport]]:
    """The gold file's format and its reports (one half of them by id, or all)."""
    kind = gold_format(path)
    if kind == EVENTS_GOLD:
        records = read_jsonl(path, _GOLD_FIELDS, extra=_check_report)
        reports = [_report(record) for _, record in records]
    else:
        records = read_jsonl(path, _NOTE_FIELDS, extra=_check_note)
        reports = [note_to_report(record) for _, record in records]
    chosen = select_half(reports, half, key=lambda report: report.id)
    return kind, chosen[:limit] if limit else chosen


def _check_report(record: dict[str, Any]) -> str | None:
    if record.get("published") is not None and _date(record["published"]) is None:
        return "field 'published' must be a YYYY-MM-DD date or null"
    for index, event in enumerate(record["events"]):
        where = f"events[{index}]"
        if not isinstance(event, dict):
            return f"{where} must be a JSON object"
        for key in ("event_type", "sub_event_type"):
            if not isinstance(event.get(key), str) or not event[key].strip():
                return f"{where}: missing field {key!r}"
        evidence = event.get("evidence")
        if not (isinstance(evidence, str) or (isinstance(evidence, list)
                                              and all(isinstance(q, str) for q in evidence))):
            return f"{where}: 'evidence' must be a string or a list of strings"
        for key in ("date_start", "date_end"):
            if event.get(key) is not None and _date(event[key]) is None:
                return f"{where}: {key!r} must be a YYYY-MM-DD date or null"
        for key in ("lat", "lon", "fatalities"):
            value = event.get(key)
            if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
                return f"{where}: {key!r} must be a number or null"
    if not isinstance(record.get("not_events", []), list):
        return "field 'not_events' must be a JSON array"
    return None


def _check_note(record: dict[str, Any]) -> str | None:
    if _date(record["event_date"]) is None:
        return "field 'event_date' must be a YYYY-MM-DD date"
    for key in ("latitude", "longitude", "fatalities"):
        value = record.get(key)
        if value is not None and (isinstance(value, bool) or not isinstance(value, (int, float))):
            return f"field {key!r} must be a number or null"
    return None


def _date(value: Any) -> date | None:
    if not isinstance(value, str):
        return None
    try:
        return date.fromisoformat(value[:10])
    except ValueError:
        return None


def _report(record: dict[str, Any]) -> GoldReport:
    text = record["text"]
    events = []
    for index, raw in enumerate(record["events"]):
        quotes = [raw["evidence"]] if isinstance(raw["evidence"], str) else list(raw["evidence"])
        sentences = tuple(s for quote in quotes for s in locate_sentences(quote, text))
        start = _date(raw.get("date_start"))
        events.append(GoldEvent(
            index=index, event_type=raw["event_type"], sub_event_type=raw["sub_event_type"],
            actor1=raw.get("actor1"), actor2=raw.get("actor2"), location=raw.get("location"),
            admin1=raw.get("admin1"), country=raw.get("country"), lat=raw.get("lat"), lon=raw.get("lon"),
            date_start=start, date_end=_date(raw.get("date_end")) or start,
            is_background=bool(raw.get("is_background")), fatalities=raw.get("fatalities"),
            evidence=tuple(quotes), sentences=sentences,
        ))
    not_events = []
    for entry in record.get("not_events") or []:
        quote, reason = _split_reason(str(entry))
        not_events += [(span, reason) for span in locate_sentences(quote, text)]
    return GoldReport(id=str(record["id"]), text=text, events=tuple(events),
                      published=_date(record.get("published")), title=str(record.get("title") or ""),
                      source=str(record.get("source") or ""), not_events=tuple(not_events))


def note_to_report(record: dict[str, Any]) -> GoldReport:
    """An ACLED note as a report whose one gold event is the note's coding (its whole text the evidence).

    The note's date range is its ``event_date`` widened by its time precision (2: three days
    either side, 3: fifteen); it is published on its ``published`` date when the record gives
    one, else on the event date. Its event is current (not background).
    """
    text = str(record["notes"])
    day = _date(record["event_date"])
    assert day is not None
    precision = record.get("time_precision")
    reach = timedelta(days=_NOTE_RANGE_DAYS.get(precision if isinstance(precision, int) else 1, 0))
    event = GoldEvent(
        index=0, event_type=str(record["event_type"]), sub_event_type=str(record["sub_event_type"]),
        actor1=record.get("actor1"), actor2=record.get("actor2"), location=record.get("location"),
        admin1=record.get("admin1"), country=record.get("country"), lat=record.get("latitude"),
        lon=record.get("longitude"), date_start=day - reach, date_end=day + reach, is_background=False,
        fatalities=record.get("fatalities"), evidence=(text,), sentences=((0, len(text)),),
    )
    return GoldReport(id=str(record["event_id_cnty"]), text=text, events=(event,),
                      published=_date(record.get("published")) or day, source="acled")


_REASON = re.compile(r"\s*\(([^()]*)\)\s*$")


def _split_reason(entry: str) -> tuple[str, str]:
    """'quote (plan: why)' -> ('quote', 'plan')."""
    found = _REASON.search(entry)
    if not found:
        return entry, "unspecified"
    reason = re.split(r"[:;,]", found.group(1), maxsplit=1)[0].strip().casefold() or "unspecified"
    return entry[: found.start()], reason


# --- finding quotes in the text --------------------------------------------------------------------

_FOLD = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u00a0": " "})
_ELLIPSIS = re.compile(r"\.\.\.|\u2026")
_SENTENCE_END = re.compile(r"[.!?][\"')\u201d\u2019]*\s+|\n\s*")


def _folded(text: str) -> tuple[str, list[int]]:
    """The text with quotes folded and each run of whitespace one space, and each character's offset."""
    chars: list[str] = []
    offsets: list[int] = []
    for index, char in enumerate(text.translate(_FOLD)):
        if char.isspace():
            if chars and chars[-1] == " ":
                continue
            char = " "
        chars.append(char)
        offsets.append(index)
    return "".join(chars), offsets


def locate(quote: str, text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets in ``text`` of each part of a quote (parts split at '...'),
    tolerant of whitespace, curly quotes and case; parts not found are left out."""
    folded, offsets = _folded(text)
    lowered = lower_keeping_offsets(folded)
    found: list[tuple[int, int]] = []
    for part in _ELLIPSIS.split(quote):
        piece = _folded(part)[0].strip(" .,;:")
        if len(piece) < 3:
            continue
        at = folded.find(piece)
        if at < 0:
            at = lowered.find(lower_keeping_offsets(piece))
        if at < 0 and len(piece) > 60:  # a quote edited at its end: its first 60 characters
            piece = piece[:60]
            at = folded.find(piece)
        if at >= 0:
            found.append((offsets[at], offsets[at + len(piece) - 1] + 1))
    return found


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The (start, end) of the sentence(s) holding text[start:end] (split at . ! ? and line breaks)."""
    low = 0
    for found in _SENTENCE_END.finditer(text, 0, start):
        low = found.end()
    after = _SENTENCE_END.search(text, max(end, low))
    high = after.start() + 1 if after else len(text)
    return low, max(high, end)


def locate_sentences(quote: str, text: str) -> list[tuple[int, int]]:
    """The sentences of ``text`` that hold each part of ``quote``."""
    return [sentence_around(text, start, end) for start, end in locate(quote, text)]


# --- pairing and scoring ---------------------------------------------------------------------------


@dataclass
class Pairing:
    """One report's rows paired with its gold events."""

    report: GoldReport
    rows: list[Event]
    #: row index -> gold index
    pairs: dict[int, int] = field(default_factory=dict)
    #: row index -> the gold indexes it fits (evidence or date-place)
    fits: dict[int, list[int]] = field(default_factory=dict)

    @property
    def duplicates(self) -> list[int]:
        """Rows left over that fit an already-paired gold event."""
        return [i for i in range(len(self.rows)) if i not in self.pairs and self.fits.get(i)]


def pair_rows(report: GoldReport, rows: Sequence[Event]) -> Pairing:
    """Pair rows with gold events greedily, best first, one to one.

    Best first: an evidence fit before a date-place fit; then the right sub-type, the right
    family, the nearer place, the nearer date and the higher confidence.
    """
    pairing = Pairing(report, list(rows))
    candidates = []
    for i, row in enumerate(pairing.rows):
        for gold in report.events:
            kind = fit_kind(row, gold)
            if kind is None:
                continue
            pairing.fits.setdefault(i, []).append(gold.index)
            km = km_between(row, gold.lat, gold.lon)
            candidates.append(((kind == "evidence", row.sub_event_type == gold.sub_event_type,
                                family(row.event_type) == family(gold.event_type),
                                -(km if km is not None else 1e9), -_days_off(row, gold), row.confidence,
                                -i, -gold.index), i, gold.index))
    taken: set[int] = set()
    for _, i, j in sorted(candidates, reverse=True):
        if i in pairing.pairs or j in taken:
            continue
        pairing.pairs[i] = j
        taken.add(j)
    return pairing


def _days_off(row: Event, gold: GoldEvent) -> int:
    if row.event_date is None or gold.date_start is None:
        return 10**6
    end = gold.date_end or gold.date_start
    day = row.event_date.toordinal()
    return max(0, gold.date_start.toordinal() - day, day - end.toordinal())


def _place_right(row: Event, gold: GoldEvent) -> bool | None:
    """Within RIGHT_KM of the gold place (None when the gold gives no coordinates)."""
    if gold.lat is None or gold.lon is None:
        return None
    km = km_between(row, gold.lat, gold.lon)
    return km is not None and km <= RIGHT_KM


def score_pair(row: Event, gold: GoldEvent) -> dict[str, bool | None]:
    """Each field of a pair: right, wrong, or None when the gold leaves it out."""
    return {
        "event_type": row.event_type == gold.event_type,
        "sub_event_type": row.sub_event_type == gold.sub_event_type,
        "actor1": None if is_empty(gold.actor1) else actors_match(gold.actor1, row.actor1),
        "actor2": actors_match(None if is_empty(gold.actor2) else gold.actor2, row.actor2),
        "country": None if is_empty(gold.country) else countries_match(gold.country, row.country, row.iso3),
        "location": _place_right(row, gold),
        "date": None if gold.date_start is None else date_in_range(row.event_date, gold.date_start, gold.date_end),
        "fatalities": (row.fatalities or 0) == (gold.fatalities or 0),
    }


def fully_right(row: Event, gold: GoldEvent) -> bool:
    """A real event of the right sub-type at the right place (the gold place unknown: sub-type alone)."""
    return row.sub_event_type == gold.sub_event_type and _place_right(row, gold) is not False


def summarize(pairings: Sequence[Pairing], *, kind: str = EVENTS_GOLD) -> dict[str, Any]:
    """Every figure of the ``events`` task over the reports' pairings."""
    rows = sum(len(p.rows) for p in pairings)
    paired = sum(len(p.pairs) for p in pairings)
    duplicates = sum(len(p.duplicates) for p in pairings)
    right = sum(1 for p in pairings for i, j in p.pairs.items() if fully_right(p.rows[i], p.report.events[j]))
    gold_events = [(p, g) for p in pairings for g in p.report.events]
    found = {(p.report.id, j) for p in pairings for j in p.pairs.values()}
    current = [(p, g) for p, g in gold_events if not g.is_background]
    background = [(p, g) for p, g in gold_events if g.is_background]
    fields: dict[str, dict[str, Any]] = {name: {"n": 0, "correct": 0} for name in PAIR_FIELDS}
    for p in pairings:
        for i, j in p.pairs.items():
            for name, ok in score_pair(p.rows[i], p.report.events[j]).items():
                if ok is not None:
                    fields[name]["n"] += 1
                    fields[name]["correct"] += int(ok)
    for entry in fields.values():
        entry["accuracy"] = ratio(entry["correct"], entry["n"])
    confident = [(p, i) for p in pairings for i, row in enumerate(p.rows) if row.confidence >= CONFIDENT]
    confident_paired = sum(1 for p, i in confident if i in p.pairs)
    empty = [p for p in pairings if not p.report.events]
    empty_with_rows = sum(1 for p in empty if p.rows)
    errors = error_rows(pairings)
    causes = Counter(row["cause"] for row in errors if row["kind"] == "false-row")
    missed = Counter(row["cause"] for row in errors if row["kind"] == "missed")
    result: dict[str, Any] = {
        "task": "events",
        "format": kind,
        "reports": len(pairings),
        "gold_events": len(gold_events),
        "gold_current": len(current),
        "gold_background": len(background),
        "rows": rows,
        "paired_rows": paired,
        "row_precision": ratio(paired, rows),
        "recall": ratio(len(found), len(gold_events)),
        "recall_current": _share(sum(1 for p, g in current if (p.report.id, g.index) in found), len(current)),
        "recall_background": _share(sum(1 for p, g in background if (p.report.id, g.index) in found),
                                    len(background)),
        "duplicates": duplicates,
        "duplicate_share": ratio(duplicates, rows),
        "fully_right": right,
        "fully_right_share": ratio(right, rows),
        "fields": fields,
        "confident": {"threshold": CONFIDENT, "rows": len(confident), "paired": confident_paired,
                      "precision": ratio(confident_paired, len(confident))},
        "no_event_reports": {"n": len(empty), "with_rows": empty_with_rows,
                             "with_rows_share": _share(empty_with_rows, len(empty))},
        "rows_per_report": round(rows / len(pairings), 4) if pairings else 0.0,
        "reports_with_rows": sum(1 for p in pairings if p.rows),
        "reliability": reliability(pairings),
        "false_rows_by_cause": dict(causes.most_common()),
        "missed_by_cause": dict(missed.most_common()),
    }
    sources = sorted({p.report.source for p in pairings if p.report.source})
    if len(sources) > 1:
        result["by_source"] = {
            source: _source_figures([p for p in pairings if p.report.source == source]) for source in sources
        }
    if kind == ACLED_NOTES:
        result["rows_per_note"] = result["rows_per_report"]
        result["notes_with_one_row"] = sum(1 for p in pairings if len(p.rows) == 1)
    result["headline"] = headline_of(result)
    return result


#: Upper bounds of the confidence bins of the reliability table.
RELIABILITY_BINS = (0.2, 0.4, 0.6, 0.8, 1.0)


def reliability(pairings: Sequence[Pairing]) -> dict[str, Any]:
    """How well a row's confidence says it is a real event of its sub-type: per confidence bin, the
    rows, their mean confidence and the share that pair with a gold event of their sub-type; and the
    expected calibration error (the bins' gap weighted by their rows)."""
    scored = scored_rows(pairings)
    bins = [{"bin": label, "rows": len(inside), "mean_confidence": round(mean, 4), "right_share": round(right, 4)}
            for label, inside, mean, right in _bins(scored)]
    return {"bins": bins, "ece": round(calibration_error(scored), 4) if scored else None}


def scored_rows(pairings: Sequence[Pairing]) -> list[tuple[float, bool]]:
    """(confidence, whether the row pairs with a gold event of its sub-type) of every row."""
    scored: list[tuple[float, bool]] = []
    for p in pairings:
        for i, row in enumerate(p.rows):
            j = p.pairs.get(i)
            scored.append((row.confidence, j is not None and row.sub_event_type == p.report.events[j].sub_event_type))
    return scored


def calibration_error(scored: Sequence[tuple[float, bool]]) -> float:
    """The expected calibration error of (confidence, right) pairs over :data:`RELIABILITY_BINS`."""
    gap = sum(len(inside) * abs(mean - right) for _, inside, mean, right in _bins(scored))
    return gap / len(scored) if scored else 0.0


def _bins(scored: Sequence[tuple[float, bool]]) -> Iterator[tuple[str, list[tuple[float, bool]], float, float]]:
    """Each non-empty confidence bin: its label, its pairs, their mean confidence and right share."""
    low = 0.0
    for high in RELIABILITY_BINS:
        inside = [(c, ok) for c, ok in scored if low <= c < high or (high == 1.0 and c == 1.0)]
        if inside:
            yield (f"{low:.1f}-{high:.1f}", inside, sum(c for c, _ in inside) / len(inside),
                   sum(ok for _, ok in inside) / len(inside))
        low = high


def _share(part: int, whole: int) -> float | None:
    """part / whole, or None when there is nothing to count."""
    return ratio(part, whole) if whole else None


def _source_figures(pairings: Sequence[Pairing]) -> dict[str, Any]:
    rows = sum(len(p.rows) for p in pairings)
    current = [(p, g) for p in pairings for g in p.report.events if not g.is_background]
    empty = [p for p in pairings if not p.report.events]
    return {
        "reports": len(pairings), "rows": rows,
        "row_precision": ratio(sum(len(p.pairs) for p in pairings), rows),
        "recall_current": _share(sum(1 for p, g in current if g.index in p.pairs.values()), len(current)),
        "gold_current": len(current),
        "no_event_reports": len(empty),
        "no_event_reports_with_rows": sum(1 for p in empty if p.rows),
    }


def headline_of(result: dict[str, Any]) -> dict[str, float]:
    """The figures the regression gate watches."""
    fields = result["fields"]
    if result["format"] == ACLED_NOTES:
        # one row per note is right: the gate watches the distance from it (lower is better)
        return {
            "rows_per_note_off_one": round(abs(result["rows_per_report"] - 1.0), 4),
            "event_type_accuracy": fields["event_type"]["accuracy"],
            "sub_event_type_accuracy": fields["sub_event_type"]["accuracy"],
        }
    return {
        "row_precision": result["row_precision"],
        "recall_current": result["recall_current"],
        "duplicate_share": result["duplicate_share"],
        "fully_right_share": result["fully_right_share"],
        "no_event_reports_with_rows_share": result["no_event_reports"]["with_rows_share"],
    }


# --- errors ----------------------------------------------------------------------------------------


def error_rows(pairings: Iterable[Pairing]) -> list[dict[str, Any]]:
    """Each false row and each missed gold event, with its cause.

    A false row is a ``duplicate`` (it fits a gold event already paired), ``wrong-family``
    (a gold event of another family fits its date and place), ``not-event`` (its sentence is
    one the gold lists as a tempting non-event; ``detail`` gives the reason) or
    ``no-matching-gold`` (``detail``: "date off from gold N" or "place off from gold N" when a
    gold event of its family fits all but that). A missed gold event has ``no rows`` in its report, a row in its
    sentence ``paired with another gold event``, a row of its family that fits no gold event
    ``elsewhere`` (its date or place off), or ``no row in its sentence``.
    """
    errors: list[dict[str, Any]] = []
    for p in pairings:
        report = p.report
        for i, row in enumerate(p.rows):
            if i in p.pairs:
                continue
            entry: dict[str, Any] = {"kind": "false-row", "report": report.id}
            if p.fits.get(i):
                entry["cause"] = "duplicate"
                entry["of"] = report.events[p.fits[i][0]].brief()
                also = _false_row_cause(row, report)
                if also["cause"] == "not-event":  # fits by date and place, told in a listed non-event
                    entry["detail"] = f"not-event: {also['detail']}"
            else:
                entry.update(_false_row_cause(row, report))
            if not report.events:
                entry["detail"] = " ".join(x for x in ("no-event report", entry.get("detail", "")) if x)
            entry["row"] = _row_brief(row, report.text)
            errors.append(entry)
        paired_golds = set(p.pairs.values())
        for gold in report.events:
            if gold.index in paired_golds:
                continue
            errors.append({"kind": "missed", "report": report.id, **_missed_cause(gold, p),
                           "gold": gold.brief()})
    return errors


def _false_row_cause(row: Event, report: GoldReport) -> dict[str, Any]:
    spans = row_spans(row)
    for sentence, reason in report.not_events:
        if any(span_inside(span, [sentence]) for span in spans):
            return {"cause": "not-event", "detail": reason}
    for gold in report.events:
        if family(gold.event_type) == family(row.event_type):
            continue
        km = km_between(row, gold.lat, gold.lon)
        if (km is not None and km <= 100 and date_in_range(row.event_date, gold.date_start, gold.date_end,
                                                           slack_days=1)):
            return {"cause": "wrong-family", "detail": f"gold {gold.index}: {gold.sub_event_type}"}
    for gold in report.events:  # a gold event of its family that it misses on one count only
        if family(gold.event_type) != family(row.event_type):
            continue
        km = km_between(row, gold.lat, gold.lon)
        dated = date_in_range(row.event_date, gold.date_start, gold.date_end, slack_days=1)
        if km is not None and km <= 100 and not dated:
            return {"cause": "no-matching-gold", "detail": f"date off from gold {gold.index}"}
        if dated and (km is None or km > 100):
            where = "no place" if km is None else f"{km:.0f} km"
            return {"cause": "no-matching-gold", "detail": f"place off from gold {gold.index} ({where})"}
    return {"cause": "no-matching-gold"}


def _missed_cause(gold: GoldEvent, p: Pairing) -> dict[str, Any]:
    if not p.rows:
        return {"cause": "no rows"}
    inside = [i for i, row in enumerate(p.rows) if any(span_inside(s, gold.sentences) for s in row_spans(row))]
    if inside:
        return {"cause": "row in its sentence paired with another gold event",
                "detail": f"gold {p.pairs.get(inside[0])}"}
    if not gold.sentences:
        return {"cause": "evidence not found in the text"}
    kin = [row for i, row in enumerate(p.rows)
           if not p.fits.get(i) and family(row.event_type) == family(gold.event_type)]
    if kin:
        row = kin[0]
        km = km_between(row, gold.lat, gold.lon)
        off = []
        if not date_in_range(row.event_date, gold.date_start, gold.date_end, slack_days=1):
            off.append(f"date {row.event_date.isoformat() if row.event_date else None}")
        if km is None or km > 100:
            off.append("place " + ("unknown" if km is None else f"{km:.0f} km off"))
        return {"cause": "row elsewhere", "detail": ", ".join(off)}
    return {"cause": "no row in its sentence"}


def _row_brief(row: Event, text: str) -> dict[str, Any]:
    spans = row_spans(row)
    sentence = ""
    if spans:
        low, high = sentence_around(text, *spans[0])
        sentence = " ".join(text[low:high].split())[:300]
    return {
        "sub_event_type": row.sub_event_type, "actor1": row.actor1, "actor2": row.actor2,
        "location": row.location, "country": row.country,
        "date": row.event_date.isoformat() if row.event_date else None,
        "is_background": row.is_background, "fatalities": row.fatalities,
        "confidence": round(row.confidence, 3),
        "trigger": [text[s:e] for s, e in spans][:3], "sentence": sentence,
    }


def _range_text(start: date | None, end: date | None) -> str | None:
    if start is None:
        return None
    return start.isoformat() if end in (None, start) else f"{start.isoformat()}..{end.isoformat()}"


# --- running -----------------------------------------------------------------------------------------


def run_pairings(
    gold_path: str | Path, *, limit: int | None = None, half: str | int | None = None,
    analyzer: Analyzer | None = None, progress: bool = False, min_confidence: float = 0.0,
) -> tuple[str, list[Pairing]]:
    """Read the gold, run the pipeline on its reports and pair every row (those at least
    ``min_confidence`` confident)."""
    from conflictscope.evaluation.event import pipeline_analyzer

    kind, reports = read_events_gold(gold_path, limit=limit, half=half)
    analyzed = (analyzer or pipeline_analyzer())([report.article() for report in reports])
    if progress:
        from tqdm import tqdm

        analyzed = tqdm(analyzed, total=len(reports), desc="events", unit="report", file=sys.stderr,
                        leave=False)
    pairings = [pair_rows(report, [e for e in result.events if e.confidence >= min_confidence])
                for report, result in zip(reports, analyzed, strict=True)]
    return kind, pairings


def evaluate_events(
    gold_path: str | Path, *, limit: int | None = None, half: str | int | None = None,
    analyzer: Analyzer | None = None, progress: bool = False, min_confidence: float = 0.0,
) -> dict[str, Any]:
    """Run the pipeline on every report of an all-events gold (or ACLED notes) and score every row
    (every row at least ``min_confidence`` confident)."""
    kind, pairings = run_pairings(gold_path, limit=limit, half=half, analyzer=analyzer, progress=progress,
                                  min_confidence=min_confidence)
    result = summarize(pairings, kind=kind)
    result["gold"] = str(gold_path)
    result["half"] = "all" if half is None else str(half)
    if min_confidence:
        result["min_confidence"] = min_confidence
    return result


def events_errors(
    gold_path: str | Path, *, limit: int | None = None, half: str | int | None = None,
    analyzer: Analyzer | None = None, progress: bool = False, min_confidence: float = 0.0,
) -> list[dict[str, Any]]:
    """Each false row and missed gold event of a run, with its cause (see :func:`error_rows`)."""
    _, pairings = run_pairings(gold_path, limit=limit, half=half, analyzer=analyzer, progress=progress,
                               min_confidence=min_confidence)
    return error_rows(pairings)
