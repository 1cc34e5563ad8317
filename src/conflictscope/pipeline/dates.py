"""Stage `dates`: time expressions -> AnalyzedArticle.timexes; date every candidate.

Every sentence is read by the rules of :mod:`conflictscope.timex` (spaCy DATE and
TIME entities of parsed sentences are extra candidates, normalised by a cached
dateparser). Each EventCandidate gets an :class:`EventTime` from the expression
that governs its clause (see :mod:`conflictscope.timex.attach`), with evidence
``event_date``; an event that ended more than 30 days before publication is
marked background. Without any expression the event takes the date of another
mention of the same event, else the article's salient day (the first past day
of a sentence that tells an event), else the dateline or the publication date
with ``stated=False``; with no publication date and no
dateline, relative expressions stay unresolved and undated candidates keep
``time=None`` (a warning says so).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from datetime import date, timedelta

import regex as re

from conflictscope.document import AnalyzedArticle, declare_layer
from conflictscope.lexicon.events import in_comparison
from conflictscope.models import EventCandidate, EventTime, Span
from conflictscope.pipeline.registry import stage
from conflictscope.timex import ArticleTimes, analyze_times
from conflictscope.timex.attach import BACKGROUND_DAYS, date_clause, event_time, is_background
from conflictscope.timex.clauses import clause_roles
from conflictscope.timex.event_anchor import (
    EventAfter,
    event_after,
    held_since,
    moved_by,
    served_from,
    time_served,
)
from conflictscope.timex.record import Timex
from conflictscope.timex.salient import salient_day

#: The article's time expressions with their resolution base and dateline.
ARTICLE_TIMES = declare_layer(
    "times", ArticleTimes, "the article's time expressions, their base date and its dateline"
)
NO_BASE_WARNING = "no publication date: relative time expressions were not resolved"


@stage("dates", requires=("sentences", "mentions", "candidates", "candidates.place"),
       provides=("timexes", "times", "candidates.time"))
def dates(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Find the article's time expressions and date each candidate."""
    times = analyzed_times(analyzed)
    dated = tuple(_date_candidate(analyzed, times, candidate) for candidate in analyzed.candidates)
    candidates = _refine(_inherit(_after_named_events(analyzed, times, _time_served(analyzed, times, dated))))
    candidates = _from_salient_day(analyzed, times, candidates)
    warnings = analyzed.warnings
    if times.base is None and any(t.interval is None and t.kind != "ref" for t in times.timexes):
        warnings = (*warnings, NO_BASE_WARNING)
    return replace(
        analyzed,
        timexes=tuple(t.to_expression() for t in times.timexes),
        candidates=candidates,
        warnings=warnings,
    ).with_layer(ARTICLE_TIMES, times)


def analyzed_times(analyzed: AnalyzedArticle) -> ArticleTimes:
    """The article's time expressions, with their base date and dateline (the layer
    :data:`ARTICLE_TIMES` when the ``dates`` stage has run, else read now)."""
    known = analyzed.get(ARTICLE_TIMES)
    if known is not None:
        return known
    bounds = [(s.start, s.end) for s in analyzed.sentences] or None
    entities = [(m.start, m.end, m.label) for m in analyzed.mentions if m.label in ("DATE", "TIME")]
    return analyze_times(analyzed.text, analyzed.article.published, sentences=bounds, entities=entities)


def _date_candidate(
    analyzed: AnalyzedArticle, times: ArticleTimes, candidate: EventCandidate, *, skip: Timex | None = None
) -> EventCandidate:
    sentence = analyzed.sentence_at(candidate.trigger.start)
    bounds = _sentence_bounds(analyzed, candidate)
    text = analyzed.text[bounds[0]:bounds[1]]
    # a date of the comparison a sentence opens with ("Not unlike Hitler's attack on August 31,
    # 1939, Moscow felt obliged ...") is not the date of its main clause
    outside = not in_comparison(text, candidate.trigger.start - bounds[0])
    timexes = [t for t in times.timexes if t is not skip
               and not (outside and bounds[0] <= t.start < bounds[1] and in_comparison(text, t.start - bounds[0]))]
    local = _within(timexes, bounds)
    roles = clause_roles(
        analyzed.text, bounds[0], sentence.doc if sentence else None, candidate.trigger, local
    )
    dating = date_clause(
        candidate.trigger, bounds, timexes, analyzed.text, times.base,
        attached=roles.attached, reporting=roles.reporting, other=roles.other, outer=roles.outer,
        prior=roles.prior, dateline=times.dateline,
    )
    if dating.time is None:
        return candidate
    published = analyzed.article.published or times.base
    if candidate.modality == "asserted" and published is not None and (dating.time.date_start - published).days > 1:
        return candidate  # what happened cannot start after the report: the date is another clause's ("sentencing Dec. 2")
    background = is_background(dating.time, published)
    if not background and candidate.is_background:
        # a history phrase ("the 2024 Women's March") yields to a recent day the clause states
        background = not _recent_stated_day(dating.time, published)
    updated = replace(candidate, time=dating.time, is_background=background)
    return updated.with_evidence("event_date", *dating.evidence) if dating.evidence else updated


def _recent_stated_day(time: EventTime, published: date | None) -> bool:
    """A day the text states, within the background window before publication."""
    if not time.stated or time.date_prec != 1 or published is None:
        return False
    return published - timedelta(days=BACKGROUND_DAYS) <= time.event_date <= published


def _sentence_bounds(analyzed: AnalyzedArticle, candidate: EventCandidate) -> tuple[int, int]:
    """Where the sentence of the candidate's trigger starts and ends."""
    sentence = analyzed.sentence_at(candidate.trigger.start)
    return (sentence.start, sentence.end) if sentence else (candidate.sentence.start, candidate.sentence.end)


def _within(timexes: Sequence[Timex], bounds: tuple[int, int]) -> list[Timex]:
    """The expressions that start inside ``bounds``."""
    return [t for t in timexes if bounds[0] <= t.start < bounds[1]]


def _after_named_events(
    analyzed: AnalyzedArticle, times: ArticleTimes, candidates: tuple[EventCandidate, ...]
) -> tuple[EventCandidate, ...]:
    """Date "N units after <an event the report names>" from that event (see :mod:`~conflictscope.timex.event_anchor`).

    The named event is the nearest earlier dated mention of a matching kind (else the
    nearest later one): the clause is its date moved by N, and the named mention
    itself ("after his *arrest*") is that event. Without one, a mention the bare
    duration dated from the publication date is dated again without it.
    """
    published = analyzed.article.published or times.base
    counting = {Span(t.start, t.end, t.text) for t in times.timexes if t.type == "DURATION" and t.signal == "after"}
    if not counting:
        return candidates
    anchors = tuple(c for c in candidates if not counting.intersection(c.evidence.get("event_date", ())))
    result: list[EventCandidate] = []
    for candidate in candidates:
        bounds = _sentence_bounds(analyzed, candidate)
        found = event_after(analyzed.text, candidate.trigger, _within(times.timexes, bounds))
        if found is None or (found.inside and candidate.sub_event_type not in found.kinds):
            result.append(candidate)
            continue
        counted = Span(found.duration.start, found.duration.end, found.duration.text)
        anchor = _named_event(anchors, candidate, found)
        if anchor is not None and anchor.time is not None and found.inside:
            candidate = replace(candidate, time=anchor.time, is_background=anchor.is_background)
            result.append(candidate.with_evidence("event_date", *anchor.evidence.get("event_date", ())))
            continue
        moved = moved_by(anchor.time, found.duration, published) if anchor and anchor.time else None
        if anchor is not None and moved is not None and not found.inside:
            time = event_time(moved, published)
            background = candidate.is_background or is_background(time, published)
            candidate = replace(candidate, time=time, is_background=background)
            candidate = candidate.with_evidence("event_date", counted, *anchor.evidence.get("event_date", ()))
        elif counted in candidate.evidence.get("event_date", ()) and _from_publication(found.duration, published):
            undated = replace(candidate, time=None).with_evidence("event_date")
            candidate = _date_candidate(analyzed, times, undated, skip=found.duration)
        result.append(candidate)
    return tuple(result)


def _time_served(
    analyzed: AnalyzedArticle, times: ArticleTimes, candidates: tuple[EventCandidate, ...]
) -> tuple[EventCandidate, ...]:
    """An arrest is dated from the detention it ends or continues.

    "Released on bail yesterday after spending five months in detention": the
    stated day is the release's; the arrest began five months earlier (a month).
    "Arrested on April 2 after being detained since March 14": it began on 14 March.
    """
    published = analyzed.article.published or times.base
    result: list[EventCandidate] = []
    for candidate in candidates:
        time = candidate.time
        if candidate.sub_event_type != "Arrests" or time is None or not time.stated:
            result.append(candidate)
            continue
        bounds = _sentence_bounds(analyzed, candidate)
        local = _within(times.timexes, bounds)
        served = time_served(analyzed.text, bounds, local)
        start = served_from(time, served) if served is not None else None
        since = held_since(analyzed.text, bounds, local)
        if served is not None and start is not None:
            began = event_time(start, published)
            candidate = replace(candidate, time=began, is_background=is_background(began, published))
            spans = (Span(served.start, served.end, served.text), *candidate.evidence.get("event_date", ()))
            candidate = candidate.with_evidence("event_date", *spans)
        elif since is not None and since.interval is not None and since.interval.start < time.date_start:
            # "arrested on April 2 after being detained since March 14": the detention began on 14 March
            began = event_time(since.interval, published)
            candidate = replace(candidate, time=began, is_background=is_background(began, published))
            candidate = candidate.with_evidence("event_date", Span(since.start, since.end, since.text))
        result.append(candidate)
    return tuple(result)


def _named_event(
    candidates: tuple[EventCandidate, ...], candidate: EventCandidate, found: EventAfter
) -> EventCandidate | None:
    """The dated mention "after the <noun>" refers to: the nearest earlier one, else the nearest later one.

    ``candidates`` are those not dated by any "N units after" (whose date may be the one in question).
    """
    anchors = [
        c for c in candidates
        if c is not candidate and c.sub_event_type in found.kinds and c.modality == "asserted"
        and c.time is not None and c.time.stated
    ]
    earlier = [c for c in anchors if c.trigger.start < found.named.start]
    later = [c for c in anchors if c.trigger.start >= found.named.end]
    if earlier:
        return max(earlier, key=lambda c: c.trigger.start)
    return min(later, key=lambda c: c.trigger.start) if later else None


def _from_publication(duration: Timex, published: date | None) -> bool:
    """The duration was counted back from the publication date (the sentence gives no day of its own)."""
    return duration.interval is None or published is None or duration.interval.end == published


def _inherit(candidates: tuple[EventCandidate, ...]) -> tuple[EventCandidate, ...]:
    """An undated mention of an event takes the date of a dated mention of the same event.

    "IS was driven out in March ... when they recaptured Palmyra" (no date of its own)
    is the same March recapture, not a new event on the publication date; and
    "the activist, who was arrested during the protests, ..." in the lead is the
    arrest a later sentence dates "on January 12". A mention is the same event
    when it has the same sub-event type and is not known to be elsewhere; the
    nearest earlier dated mention wins, else the nearest later one. A long period
    dated by its end ("in the past two months, ... have jailed") is not passed on.
    """
    result: list[EventCandidate] = []
    for candidate in candidates:
        time = candidate.time
        if time is not None and not time.stated:
            earlier = [
                c for c in candidates
                if c.trigger.start < candidate.trigger.start and _coreferent(c, candidate)
            ]
            later = [
                c for c in candidates
                if c.trigger.start > candidate.trigger.start and _coreferent(c, candidate)
            ]
            source = (
                max(earlier, key=lambda c: c.trigger.start) if earlier
                else min(later, key=lambda c: c.trigger.start) if later else None
            )
            # never later than the latest possible day the sentence gives ("reported in April")
            if (source is not None and source.time is not None and source.time.event_date <= time.date_end
                    and not _only_a_bound(source.time)):
                candidate = replace(
                    candidate, time=source.time, is_background=candidate.is_background or source.is_background
                ).with_evidence("event_date", *source.evidence.get("event_date", ()))
        result.append(candidate)
    return tuple(result)


#: A stated date spanning at most this many days may be narrowed to a day inside it,
#: by a mention at most this many characters away (a long list of incidents is no one event).
REFINE_MAX_DAYS, REFINE_MAX_CHARS = 31, 2000


def _only_a_bound(time: EventTime) -> bool:
    """A long period dated by its last day ("In the past two months, Morocco has arrested,
    jailed ..."): it says by when, not when, so another mention learns nothing from it."""
    return (time.date_end - time.date_start).days > REFINE_MAX_DAYS and time.event_date == time.date_end


def _refine(candidates: tuple[EventCandidate, ...]) -> tuple[EventCandidate, ...]:
    """A mention dated to a week or month takes the day of another mention of the same event in it.

    "seven activists arrested in December 2020" and, further down, "Velasco was
    arrested on Dec. 10, 2020": the first mention is the same arrest, on 10 December.
    The nearest such day-dated mention wins, if it is near (``REFINE_MAX_CHARS``).
    """
    result: list[EventCandidate] = []
    for candidate in candidates:
        time = candidate.time
        if time is not None and time.stated and time.time_precision > 1 and (
            (time.date_end - time.date_start).days < REFINE_MAX_DAYS
        ):
            days = [
                c for c in candidates
                if c is not candidate and _coreferent(c, candidate) and c.time is not None
                and abs(c.trigger.start - candidate.trigger.start) <= REFINE_MAX_CHARS
                and c.time.time_precision == 1 and time.date_start <= c.time.event_date <= time.date_end
            ]
            if days:
                source = min(days, key=lambda c: abs(c.trigger.start - candidate.trigger.start))
                assert source.time is not None
                candidate = replace(candidate, time=source.time).with_evidence(
                    "event_date", *source.evidence.get("event_date", ())
                )
        result.append(candidate)
    return tuple(result)


#: A present perfect right before the trigger ("has been arrested", "have fled").
_PRESENT_PERFECT = re.compile(r"\b(?:has|have)\s+(?:(?:now|just|also|since|reportedly|allegedly)\s+)?(?:been\s+)?$",
                              re.IGNORECASE)


def _from_salient_day(
    analyzed: AnalyzedArticle, times: ArticleTimes, candidates: tuple[EventCandidate, ...]
) -> tuple[EventCandidate, ...]:
    """Events still without a stated date take the article's salient day (rule 8).

    "Mr X was arrested on 3 May." followed by "He was beaten in custody." with
    no date: the beating is dated 3 May rather than the publication date.
    """
    if not any(c.time is not None and not c.time.stated for c in candidates):
        return candidates
    bounds = [(s.start, s.end) for s in analyzed.sentences]
    day = salient_day(analyzed.text, bounds, times.timexes, times.base, dateline=times.dateline)
    if day is None or day.interval is None:
        return candidates
    published = analyzed.article.published or times.base
    time = event_time(day.interval, published)
    evidence = Span(day.start, day.end, day.text)
    result = []
    for candidate in candidates:
        if _PRESENT_PERFECT.search(analyzed.text, max(0, candidate.trigger.start - 30), candidate.trigger.start):
            result.append(candidate)  # "has been arrested in Greece": the news itself, not an old event
            continue
        if candidate.time is not None and not candidate.time.stated and time.event_date <= candidate.time.date_end:
            background = candidate.is_background or is_background(time, published)
            candidate = replace(candidate, time=time, is_background=background)
            candidate = candidate.with_evidence("event_date", evidence)
        result.append(candidate)
    return tuple(result)


def _coreferent(dated: EventCandidate, undated: EventCandidate) -> bool:
    """``dated`` has a stated date and may be the same event as ``undated``."""
    return (
        dated.time is not None and dated.time.stated and dated.sub_event_type == undated.sub_event_type
        and dated.modality == "asserted" and _same_place(dated, undated)
        and not in_comparison(dated.sentence.text, dated.trigger.start - dated.sentence.start)
    )


def _placed_in_sentence(candidate: EventCandidate) -> bool:
    """The candidate's place is named in its own sentence."""
    mention = candidate.place
    return mention is not None and candidate.sentence.start <= mention.span.start < candidate.sentence.end


def _same_place(first: EventCandidate, second: EventCandidate) -> bool:
    """Not known to be in different places: the same place, or one inside the other's region.

    "arrested in Haryana" and "arrested at Kundli in Haryana" may be one event;
    places in different countries or different first-level regions are not. A place
    named outside the mention's sentence (the report's main place, given to a clause
    that names none) is not known to be the mention's.
    """
    if not (_placed_in_sentence(first) and _placed_in_sentence(second)):
        return True
    assert first.place is not None and second.place is not None
    one, two = first.place.place, second.place.place
    if (one.gazetteer_id, one.name) == (two.gazetteer_id, two.name):
        return True
    if one.iso3 and two.iso3 and one.iso3 != two.iso3:
        return False
    if "country" in (one.feature, two.feature):
        return True
    regions = {one.admin1 or (one.name if one.feature == "admin1" else ""),
               two.admin1 or (two.name if two.feature == "admin1" else "")}
    return len(regions) == 1 and "" not in regions
