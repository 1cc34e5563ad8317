"""Stage `dates`: time expressions -> AnalyzedArticle.timexes; date every candidate.

Every sentence is read by the rules of :mod:`conflictscope.timex` (spaCy DATE and
TIME entities of parsed sentences are extra candidates, normalised by a cached
dateparser). Each EventCandidate gets an :class:`EventTime` from the expression
that governs its clause (see :mod:`conflictscope.timex.attach`), with evidence
``event_date``; an event that ended more than 30 days before publication is
marked background. Without any expression the event is dated by the dateline or
the publication date with ``stated=False``; with no publication date and no
dateline, relative expressions stay unresolved and undated candidates keep
``time=None`` (a warning says so).
"""

from __future__ import annotations

from dataclasses import replace

from conflictscope.models import EventCandidate, Span
from conflictscope.pipeline.base import AnalyzedArticle, Sentence
from conflictscope.pipeline.registry import stage
from conflictscope.timex import ArticleTimes, Timex, analyze_times
from conflictscope.timex.attach import date_clause, is_background

NO_BASE_WARNING = "no publication date: relative time expressions were not resolved"


@stage("dates", requires=("sentences", "candidates"), provides=("timexes", "candidates.time"))
def dates(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Find the article's time expressions and date each candidate."""
    times = analyzed_times(analyzed)
    candidates = _inherit(
        tuple(_date_candidate(analyzed, times, candidate) for candidate in analyzed.candidates)
    )
    warnings = analyzed.warnings
    if times.base is None and any(t.interval is None and t.kind != "ref" for t in times.timexes):
        warnings = (*warnings, NO_BASE_WARNING)
    extras = {**analyzed.extras, "timex_base": times.base, "dateline": times.dateline}
    return replace(
        analyzed,
        timexes=tuple(t.to_expression() for t in times.timexes),
        candidates=candidates,
        warnings=warnings,
        extras=extras,
    )


def analyzed_times(analyzed: AnalyzedArticle) -> ArticleTimes:
    """The article's time expressions (cached in ``extras['timex']`` within one run)."""
    cached = analyzed.extras.get("timex")
    if isinstance(cached, ArticleTimes):
        return cached
    bounds = [(s.start, s.end) for s in analyzed.sentences] or None
    entities = [(m.start, m.end, m.label) for m in analyzed.mentions if m.label in ("DATE", "TIME")]
    times = analyze_times(analyzed.text, analyzed.article.published, sentences=bounds, entities=entities)
    analyzed.extras["timex"] = times
    return times


def _date_candidate(analyzed: AnalyzedArticle, times: ArticleTimes, candidate: EventCandidate) -> EventCandidate:
    sentence = analyzed.sentence_at(candidate.trigger.start)
    bounds = (sentence.start, sentence.end) if sentence else (candidate.sentence.start, candidate.sentence.end)
    attached = _attached(sentence, candidate.trigger, times.timexes) if sentence else ()
    dating = date_clause(
        candidate.trigger, bounds, times.timexes, analyzed.text, times.base,
        attached=attached, dateline=times.dateline,
    )
    if dating.time is None:
        return candidate
    background = candidate.is_background or is_background(dating.time, analyzed.article.published or times.base)
    updated = replace(candidate, time=dating.time, is_background=background)
    return updated.with_evidence("event_date", *dating.evidence) if dating.evidence else updated


def _inherit(candidates: tuple[EventCandidate, ...]) -> tuple[EventCandidate, ...]:
    """An undated later mention of an event type takes the date of the last dated one of that type.

    "IS was driven out in March ... when they recaptured Palmyra" (no date of its own)
    is the same March recapture, not a new event on the publication date.
    """
    result: list[EventCandidate] = []
    for candidate in candidates:
        time = candidate.time
        if time is not None and not time.stated:
            earlier = next(
                (
                    c for c in reversed(result)
                    if c.sub_event_type == candidate.sub_event_type and c.time is not None and c.time.stated
                    and c.trigger.start < candidate.trigger.start and _same_place(c, candidate)
                ),
                None,
            )
            if earlier is not None:
                candidate = replace(
                    candidate, time=earlier.time, is_background=candidate.is_background or earlier.is_background
                ).with_evidence("event_date", *earlier.evidence.get("event_date", ()))
        result.append(candidate)
    return tuple(result)


def _same_place(first: EventCandidate, second: EventCandidate) -> bool:
    """Not known to be in different places."""
    if first.place is None or second.place is None:
        return True
    return first.place.place.gazetteer_id == second.place.place.gazetteer_id and (
        first.place.place.name == second.place.place.name
    )


def _attached(sentence: Sentence, trigger: Span, timexes: tuple[Timex, ...]) -> tuple[Timex, ...]:
    """Expressions of the sentence whose syntactic head hangs off the trigger (parsed only)."""
    doc = sentence.doc
    if doc is None:
        return ()
    head = doc.char_span(trigger.start - sentence.start, trigger.end - sentence.start, alignment_mode="expand")
    if head is None or len(head) == 0:
        return ()
    trigger_token = head.root
    result = []
    for timex in timexes:
        if not sentence.start <= timex.start < sentence.end:
            continue
        span = doc.char_span(timex.start - sentence.start, timex.end - sentence.start, alignment_mode="expand")
        if span is None or len(span) == 0:
            continue
        root = span.root
        chain = list(root.ancestors)
        # attached only if no other verb sits between the expression and the trigger
        if trigger_token in chain and not any(
            t.pos_ in ("VERB", "AUX") for t in chain[: chain.index(trigger_token)]
        ):
            result.append(timex)
    return tuple(result)
