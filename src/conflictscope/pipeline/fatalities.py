"""Stage `fatalities`: the deaths each event candidate reports, as a range.

Figures come from :mod:`conflictscope.pipeline.deathcount` (rules over the
sentence text). Each figure belongs to exactly one candidate, so a figure is never
counted for two events: the candidate whose trigger the figure's death word hangs
from in the parse (or the nearest trigger), or, for a casualty sentence with no
candidate of its own right after an event sentence, that sentence's event. The
figures of one candidate are then combined: different sides add up, a total and
its sides do not, an update ("the toll rose to 31") supersedes earlier figures,
and conflicting figures become a range with every source kept. The rules are in
docs/deaths-and-sources.md.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from typing import Any

from conflictscope.document import AnalyzedArticle, Sentence, declare_layer
from conflictscope.models import Fatalities, Span
from conflictscope.numbers import Count, add_counts
from conflictscope.pipeline.continuations import (
    CONTINUATION_WINDOW,
    CONTINUATIONS,
    find_continuations,
)
from conflictscope.pipeline.continuations import (
    figures_of as _figures,
)
from conflictscope.pipeline.continuations import (
    preferred as _preferred,
)
from conflictscope.pipeline.continuations import (
    violent as _violent,
)
from conflictscope.pipeline.deathcount import Figure
from conflictscope.pipeline.registry import stage
from conflictscope.pipeline.sourcing import ArticleSources

__all__ = ["FATALITY_FIGURES", "Reading", "combine", "fatalities"]

#: Every candidate's figures, by (trigger start, end, sub type) (for review/export).
FATALITY_FIGURES = declare_layer(
    "fatalities.figures", dict, "every candidate's death figures, by (trigger start, end, sub type)"
)


@dataclass(frozen=True, slots=True)
class Reading:
    """A figure placed in the article, with who the article says gave it."""

    figure: Figure
    sentence: Sentence
    source: str | None

    @property
    def span(self) -> Span:
        """The figure's article-level span."""
        return self.sentence.char_span(self.figure.start, self.figure.end)


@stage("fatalities", requires=("sentences", "candidates", "continuations"), provides=("candidates.fatalities", "fatalities.figures"))
def fatalities(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Set each candidate's fatality range from the figures its sentence(s) state."""
    if not analyzed.candidates or not analyzed.sentences:
        return analyzed
    sentences = analyzed.sentences
    positions = [analyzed.sentence_position(c.trigger.start) for c in analyzed.candidates]
    warnings = list(analyzed.warnings)
    figures_by_sentence: dict[int, list[Figure]] = {}
    owners = _assign(analyzed, positions, figures_by_sentence, warnings)
    sources = ArticleSources(sentences)
    readings: dict[int, list[Reading]] = {}
    for (pos, number), owner in sorted(owners.items()):
        figure = _figures(sentences, pos, figures_by_sentence, warnings)[number]
        source, _, _ = sources.resolve(pos, figure.pred)
        readings.setdefault(owner, []).append(Reading(figure, sentences[pos], source))
    candidates = list(analyzed.candidates)
    stored: dict[tuple[int, int, str], Any] = {}
    for index, items in readings.items():
        result = combine(items)
        if result is None:
            continue
        deaths, acled = result
        candidate = candidates[index]
        deaths = replace(deaths, acled=acled)
        candidate = replace(candidate, fatalities=deaths)
        candidates[index] = candidate.with_evidence("fatalities", *(r.span for r in items))
        key = (candidate.trigger.start, candidate.trigger.end, candidate.sub_event_type)
        stored[key] = {"acled": acled, "figures": [_describe(r) for r in items]}
    return replace(analyzed, candidates=tuple(candidates), warnings=tuple(dict.fromkeys(warnings))).with_layer(
        FATALITY_FIGURES, stored
    )


def _assign(
    analyzed: AnalyzedArticle,
    positions: list[int],
    cache: dict[int, list[Figure]],
    warnings: list[str],
) -> dict[tuple[int, int], int]:
    """Owner candidate of each figure: {(sentence position, figure number): candidate index}.

    A figure of a sentence with no candidate that can own it goes to the event the sentence
    continues (the ``continuations`` layer of :mod:`conflictscope.pipeline.continuations`)."""
    sentences = analyzed.sentences
    links = analyzed.get(CONTINUATIONS) or find_continuations(analyzed)
    by_sentence: dict[int, list[int]] = {}
    for index, pos in enumerate(positions):
        if pos >= 0:
            by_sentence.setdefault(pos, []).append(index)
    owners: dict[tuple[int, int], int] = {}
    following = {
        p + k for p in by_sentence for k in range(1, CONTINUATION_WINDOW + 1) if p + k < len(sentences)
    }
    for pos in sorted(set(by_sentence) | following):
        figures = _figures(sentences, pos, cache, warnings)
        if not figures:
            continue
        pool = _preferred(analyzed, by_sentence.get(pos, []))
        if pool and not _violent(analyzed, pool) and _violent(analyzed, by_sentence.get(pos - 1, [])):
            pool = []  # deaths belong to the violent event just before, not to a development
        if pool:
            for number, figure in enumerate(figures):
                owners[(pos, number)] = _owner(analyzed, sentences[pos], figure, pool)
        elif (target := links.deaths.get(pos)) is not None:
            for number in range(len(figures)):
                owners[(pos, number)] = target
    return owners


def _owner(analyzed: AnalyzedArticle, sentence: Sentence, figure: Figure, pool: list[int]) -> int:
    """The candidate a figure in its own sentence belongs to."""
    if len(pool) == 1:
        return pool[0]
    triggers = {
        i: (analyzed.candidates[i].trigger.start - sentence.start, analyzed.candidates[i].trigger.end - sentence.start)
        for i in pool
    }
    doc = sentence.doc
    if doc is not None:
        token = next((t for t in doc if t.idx <= figure.pred < t.idx + len(t)), None)
        for _ in range(12):
            if token is None:
                break
            for index, (start, end) in triggers.items():
                if start <= token.idx < end:
                    return index
            if token.head is token:
                break
            token = token.head

    def distance(index: int) -> tuple[int, int]:
        start, end = triggers[index]
        gap = figure.pred - end if figure.pred >= end else start - figure.pred + 1
        return abs(gap), start

    return min(pool, key=distance)


def combine(readings: list[Reading]) -> tuple[Fatalities, int | None] | None:
    """One candidate's fatalities from its readings, and ACLED's conservative figure."""
    items = [r for r in readings if not r.figure.subset] or list(readings)
    nonzero = [r for r in items if r.figure.kind != "zero"]
    if not nonzero:
        zero = items[0]
        return Fatalities(0, 0, 0, attributed_to=zero.source), 0
    items = nonzero
    updates = [r for r in items if r.figure.update]
    if updates:
        items = [updates[-1]] + [r for r in items if r.figure.by_side and not r.figure.update]
    sided = [r for r in items if r.figure.by_side and len(r.figure.by_side) == r.figure.groups]
    generic = [r for r in items if r not in sided]
    labels = [label.lower() for r in sided for label, _ in r.figure.by_side]
    if not generic and len(labels) == len(set(labels)):
        total = add_counts([r.figure.count for r in sided])
        totals, acled = [total], total.nominal if total.nominal is not None else total.low
    else:
        totals_from = generic or sided
        totals = [r.figure.count for r in totals_from]
        nominals = [c.nominal for c in totals if c.nominal is not None]
        acled = min(nominals) if nominals else None
    by_side = _by_side(sided, totals)
    low_values = [c.low for c in totals if c.low is not None]
    low = min(low_values) if low_values else None
    high = None if any(c.high is None for c in totals) else max(c.high for c in totals if c.high is not None)
    best = totals[0].best
    if best is not None and (low is not None and best < low or high is not None and best > high):
        best = None
    if low is None and best is None and high is None and not by_side:
        return None  # "many were killed": no number, never a guess
    distinct = list(dict.fromkeys(r.source for r in items if r.source))
    side = sided[0].figure.by_side[0][0] if not generic and len(set(labels)) == 1 else None
    deaths = Fatalities(
        low=low, best=best, high=high, side=side, by_side=by_side,
        attributed_to="; ".join(distinct) if distinct else None,
    )
    return deaths, acled


def _by_side(sided: list[Reading], totals: list[Count]) -> tuple[tuple[str, int], ...]:
    """Per-side deaths: each side's best (or low) figure, first mention kept."""
    out: dict[str, tuple[str, int]] = {}
    for reading in sided:
        for label, count in reading.figure.by_side:
            value = count.best if count.best is not None else count.low
            if value is not None and label.lower() not in out:
                out[label.lower()] = (label, value)
    result = tuple(out.values())
    ceiling = max((c.high for c in totals if c.high is not None), default=None)
    if ceiling is not None and all(c.high is not None for c in totals) and sum(v for _, v in result) > ceiling:
        return ()
    return result


def _describe(reading: Reading) -> dict[str, Any]:
    figure = reading.figure
    return {
        "text": reading.span.text,
        "start": reading.span.start,
        "end": reading.span.end,
        "low": figure.count.low,
        "best": figure.count.best,
        "high": figure.count.high,
        "side": figure.side,
        "kind": figure.kind,
        "update": figure.update,
        "source": reading.source,
    }
