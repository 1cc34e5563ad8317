"""Stage `rowcheck`: keep the rows that the report, read as a whole, tells as real events.

The sentence-level decision (``eventness``) reads one candidate's sentence. Whether a row
is a real, distinct event also depends on the report around it (the inverted pyramid of
news writing):

- where the report tells it: the headline names its kind or place, the lead tells it,
  or only a late paragraph mentions it;
- how often it is told (coreferent mentions merged into the row) and how it is anchored:
  a date of the day written in the text, a named place, a death toll, a named target;
- what else the report holds: whether the report's lead tells an event
  at all (an opinion piece, a court story or a statement does not), how confident the row
  is beside the report's best row, and whether an earlier-ranked row of the same family
  already holds its place and day (a retelling of one event becomes a second row);
- what kind of row it is: a strategic development that happens to no one, a row in a
  quotation, a judgement on an event ("The arrest was the latest in ..."), a detention
  told as a lasting state;
- how its sentence reads on its own: the event-ness encoder's probability that the row's
  sentence tells one specific occurrence that happened (bucketed). The row's confidence
  mixes that reading with the class model's; apart, the model can weigh a sentence that
  reads as no event against a report that tells it often ("enc:none" when the encoder is
  off or missing, a feature the model never saw in training: it adds nothing).

A logistic regression over these binary features (:func:`row_features`), trained on
reports we wrote and annotated ourselves (``data/reports/reports_*.jsonl``, with
``scripts/train_rowcheck.py``), gives each row the probability that it is a real event;
rows under the model's threshold are dropped: by default the threshold that keeps 97% of the
real rows of each training style when it is held out (``Settings.rowcheck_mode`` "precision"),
or a looser one that keeps 99.5% ("recall", ``CONFLICTSCOPE_ROWCHECK=recall``), for users who
would rather read more false rows than lose events. The stage runs after ``rank`` (it reads the
ranking) and before ``calibrate``. Without the model file the stage keeps every row.

A text of fewer than :data:`REPORT_MIN_SENTENCES` sentences (an ACLED note, a snippet, a
brief: its lead and little more) has no report around its rows to read; its rows are left to
the sentence-level decision, and such texts are not in the model's training rows either.
A violent-crime row of the ``all-violence`` scope is kept too: the model learned ACLED's scope,
where ordinary crime is no event, and the user chose to keep crime.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

from conflictscope.classify.eventness import EventnessModel
from conflictscope.classify.eventness_encoder import EVENTNESS_ENCODER
from conflictscope.document import AnalyzedArticle
from conflictscope.lexicon.captions import is_photo_caption
from conflictscope.models import Event
from conflictscope.pipeline.coreference import ACTION_FAMILY
from conflictscope.pipeline.mainevent import (
    LEAD_SENTENCES,
    ReportFrame,
    commentary_at,
    context_kind,
    follow_up_arrest,
    frame_of,
    names_target,
    reported_at,
    status_at,
    title_names_kind,
    title_names_place,
    told_sentences,
)
from conflictscope.pipeline.registry import stage
from conflictscope.pipeline.scope import VIOLENT_CRIME_MARK
from conflictscope.resources import Resources, Settings, current, declare_resource, file_digest

ROWCHECK_RESOURCE = "reports/rowcheck.json"
_QUOTES = ('"', "“", "”")
#: Told sentences (``mainevent.told_sentences``) a text needs to be read as a report: its lead
#: and at least two sentences more.
REPORT_MIN_SENTENCES = LEAD_SENTENCES + 2


def _bucket(value: float, edges: tuple[float, ...]) -> int:
    """The index of the first edge above ``value`` (len(edges) when none is)."""
    return next((i for i, edge in enumerate(edges) if value < edge), len(edges))


def _retold(event: Event, before: list[Event]) -> bool:
    """Whether an earlier-ranked row of the same family has this row's day and place."""
    family = ACTION_FAMILY.get(event.event_type, event.event_type)
    return any(ACTION_FAMILY.get(o.event_type, o.event_type) == family and o.event_date == event.event_date
               and o.location == event.location for o in before)


#: Edges of the buckets of the row's sentence's event-ness (the encoder's probability).
EVENTNESS_EDGES = (0.1, 0.3, 0.5, 0.7, 0.9)
#: The probability that a sentence tells an event (the event-ness encoder's), or None when off.
SentenceEventness = Callable[[str], float] | None


def row_features(event: Event, frame: ReportFrame, ranked: list[Event], index: int, *,
                 best: float, lead_event: bool, eventness: SentenceEventness = None) -> list[str]:
    """The binary features of one row (``ranked[index]``) in its report (rows most salient first);
    ``best`` is the report's highest confidence, ``lead_event`` whether its lead tells a row,
    ``eventness`` reads a sentence's event-ness (None: the encoder is off)."""
    start = reported_at(event)
    begin, end = frame.sentence_bounds(start)
    sentence, at = frame.text[begin:end], start - begin
    size = max(1, frame.length)
    told = len(event.evidence.get("event_type") or ())
    told_text = sentence.strip()
    read = _bucket(eventness(told_text), EVENTNESS_EDGES) if eventness and told_text else "none"
    names = [
        f"enc:{read}",
        f"conf:{_bucket(event.confidence, (0.2, 0.35, 0.5, 0.65, 0.8))}",
        f"relconf:{_bucket(event.confidence / best, (0.5, 0.75, 0.95))}",
        f"type:{event.event_type}",
        f"pos:{_bucket(start / size, (0.15, 0.4, 0.7))}",
        f"told:{min(told, 3)}",
        f"geo:{event.geo_precision or 0}",
        f"time:{event.time_precision or 0}",
    ]
    flags = {
        "top": index == 0,
        "background": event.is_background,
        "title_kind": title_names_kind(event, frame.title),
        "title_place": title_names_place(event, frame.title),
        "lead": start < frame.lead_end,
        "report_lead_event": lead_event,
        "dated_in_text": bool(event.evidence.get("event_date")),
        "placed_in_text": bool(event.evidence.get("location")),
        "deaths": event.fatalities is not None,
        "actor2": bool(event.actor2),
        "unidentified_actor": event.actor1.startswith("Unidentified"),
        "context_kind": context_kind(event),
        "quoted": any(q in sentence for q in _QUOTES),
        "commentary": commentary_at(sentence, at),
        "status": event.sub_event_type == "Arrests" and status_at(sentence, at),
        "follow_up": event.sub_event_type == "Arrests" and follow_up_arrest(sentence),
        "target_named": names_target(sentence),
        "caption": is_photo_caption(sentence),
        "retold": _retold(event, ranked[:index]),
    }
    names += [name for name, on in flags.items() if on]
    if event.is_background:
        names += [f"background&time:{event.time_precision or 0}"]
    return names


def _path(settings: Settings) -> Path:
    return settings.classifier_file("rowcheck.json", ROWCHECK_RESOURCE)


def _load(loaded: Resources) -> EventnessModel | None:
    path = _path(loaded.settings)
    return EventnessModel.load(path) if loaded.settings.rowcheck and path.is_file() else None


#: The row model (None when switched off or absent: every row is kept).
ROWCHECK_MODEL = declare_resource(
    "rowcheck", _load, lambda s: f"{file_digest(_path(s))}:{s.rowcheck_mode}" if s.rowcheck else "off"
)


def threshold_of(model: EventnessModel, mode: str) -> float:
    """The model's threshold at an operating point of ``Settings.ROWCHECK_MODES`` (its default
    threshold when the file names no other)."""
    thresholds = model.meta.get("thresholds")
    if isinstance(thresholds, dict) and mode in thresholds:
        return float(thresholds[mode])
    return model.threshold


def is_report(analyzed: AnalyzedArticle) -> bool:
    """Whether the text is long enough to be read as a report (see :data:`REPORT_MIN_SENTENCES`)."""
    return len(told_sentences(analyzed)) >= REPORT_MIN_SENTENCES


def sentence_eventness(resources: Resources) -> SentenceEventness:
    """The event-ness encoder's reading of a sentence, from ``resources`` (None when it is off)."""
    encoder = resources.get(EVENTNESS_ENCODER)
    return encoder.probability if encoder is not None else None


def report_rows(analyzed: AnalyzedArticle, eventness: SentenceEventness = None) -> list[tuple[Event, list[str]]]:
    """Every row of an analysed article with its features (the rows as ``rank`` ordered them)."""
    frame = frame_of(analyzed)
    ranked = list(analyzed.events)
    best = max((e.confidence for e in ranked), default=0.0) or 1.0
    lead_event = any(reported_at(e) < frame.lead_end for e in ranked)
    return [(event, row_features(event, frame, ranked, i, best=best, lead_event=lead_event, eventness=eventness))
            for i, event in enumerate(ranked)]


@stage("rowcheck", requires=("sentences", "events"), provides=("events",))
def rowcheck(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Drop the rows the report-context model does not read as real events."""
    resources = current()
    model = resources.get(ROWCHECK_MODEL)
    if model is None or not analyzed.events or not is_report(analyzed):
        return analyzed
    threshold = threshold_of(model, resources.settings.rowcheck_mode)
    kept = tuple(event for event, names in report_rows(analyzed, sentence_eventness(resources))
                 if event.scope == VIOLENT_CRIME_MARK or model.probability(names) >= threshold)
    return replace(analyzed, events=kept)

