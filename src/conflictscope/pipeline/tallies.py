"""Stage `tallies`: a clause that spreads its action over a whole year and several places sums
occurrences; it reports no event.

An occurrence happens at one place on one occasion. "In 2018, expatriates were kidnapped in
Kaduna, Sokoto, Zamfara, Rivers, Edo and Kogi states" tells a year's kidnappings across six
states, a tally that no coder codes as one event (ACLED codes each kidnapping on its day and at
its place; a report that gives them, "on August 30, a foreigner was kidnapped at Woji", gives
them separately). The event decision (`eventness`) cannot see this: the time and the places of a
candidate are read later (`places`, `dates`). So this stage, run after `dates`, takes the
decision back from a candidate whose stated time is no finer than a year (UCDP date precision
5 or more) and whose sentence names two or more different places. A year-dated occurrence at
one place ("the 2008 kidnapping of a journalist near Mogadishu") stays an event, and so does
a day-dated one in several places (one protest in two towns is two events, `places` copies it).
Both decisions (the learned model and the rules) pass through it.
"""

from __future__ import annotations

from dataclasses import replace

from conflictscope.document import AnalyzedArticle
from conflictscope.models import EventCandidate
from conflictscope.pipeline.registry import stage

#: UCDP's date precision of a year (5) or coarser: no occasion.
YEAR_PRECISION = 5
#: A clause naming this many different places spreads its action over them.
SEVERAL_PLACES = 2


def is_tally(analyzed: AnalyzedArticle, candidate: EventCandidate) -> bool:
    """Whether the candidate's stated time is a year or coarser and its sentence names several places."""
    time = candidate.time
    if time is None or not time.stated or time.date_prec < YEAR_PRECISION:
        return False
    start, end = candidate.sentence.start, candidate.sentence.end
    places = {m.place.gazetteer_id for m in analyzed.places if start <= m.span.start < end}
    return len(places) >= SEVERAL_PLACES


@stage("tallies", requires=("sentences", "places", "candidates", "candidates.time", "candidates.eventness"),
       provides=("candidates.eventness",))
def tallies(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """No event of a candidate that sums a year's occurrences over several places."""
    if not any(c.is_event and is_tally(analyzed, c) for c in analyzed.candidates):
        return analyzed
    decided = tuple(replace(c, eventness=0.0, is_event=False) if c.is_event and is_tally(analyzed, c) else c
                    for c in analyzed.candidates)
    return replace(analyzed, candidates=decided)
