"""Stage `continuations`: which earlier event a sentence with no candidate of its own goes on with.

A casualty sentence after an event ("The attack killed 12.") or a source sentence ("An
activist told the BBC the city was in IS hands.") has no candidate of its own; it continues
the nearest fitting event of the sentences before it. ``fatalities`` and ``attribution``
read these links (the ``continuations`` layer); the links do not decide them.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

import regex as re

from conflictscope.document import AnalyzedArticle, Sentence, declare_layer
from conflictscope.pipeline.deathcount import Figure, find_figures
from conflictscope.pipeline.registry import stage

#: A sentence that opens another occurrence ("Separately, ...", "In 2019, ...").
NEW_EVENT = re.compile(
    r"(?i)^\W*(?:separately|elsewhere|meanwhile|in\s+(?:a\s+separate|another)|earlier|last\s+"
    r"(?:week|month|year)|on\s+(?:a\s+)?separate|in\s+(?:19|20)\d\d)\b"
)
#: A toll over a span of time, not of one event: "an insurgency since 2015 that has killed thousands".
CUMULATIVE = re.compile(
    r"(?i)\bsince\s+(?:(?:19|20)\d\d|the\s+(?:start|beginning|outbreak)|it\s+(?:began|started))\b"
    r"|\b(?:over|in|during)\s+the\s+(?:past|last)\s+(?:\w+\s+)?(?:years?|months|decades?)\b"
    r"|\bso\s+far\s+this\s+year\b|\bin\s+recent\s+years\b"
)
#: How many sentences back a casualty sentence with no candidate looks for its event.
CONTINUATION_WINDOW = 3
_TERRITORY = ("Non-state actor overtakes territory", "Government regains territory")
#: ACLED records no deaths for strategic developments: their sentences' deaths go elsewhere.
_NO_DEATHS = "Strategic developments"
_VIOLENT = ("Battles", "Explosions/Remote violence", "Violence against civilians", "Riots")


@dataclass(frozen=True, slots=True)
class Continuations:
    """The event each sentence with no candidate of its own continues, by sentence position:
    ``deaths`` for the deaths it tells ("The attack killed 12."), ``sources`` for the named
    source it adds ("An activist told the BBC the city was in IS hands.")."""

    deaths: Mapping[int, int] = field(default_factory=dict)
    sources: Mapping[int, int] = field(default_factory=dict)


#: The continuation links of a report's sentences (candidate indices).
CONTINUATIONS = declare_layer(
    "continuations", Continuations, "the event each sentence with no candidate of its own continues"
)


@stage("continuations", requires=("sentences", "candidates"), provides=("continuations",))
def continuations(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Link each sentence that goes on with an earlier event to that event's candidate."""
    warnings = list(analyzed.warnings)
    links = find_continuations(analyzed, warnings)
    return replace(analyzed, warnings=tuple(dict.fromkeys(warnings))).with_layer(CONTINUATIONS, links)


def find_continuations(analyzed: AnalyzedArticle, warnings: list[str] | None = None) -> Continuations:
    """The continuation links of a report (see :class:`Continuations`).

    A sentence within ``CONTINUATION_WINDOW`` sentences after a candidate's, that does not
    open another event ("Separately, ...", "In 2019, ...") and, for deaths, tells no toll
    over a span of time, continues the event :func:`continued_event` picks.
    """
    sentences = analyzed.sentences
    noted = [] if warnings is None else warnings
    by_sentence: dict[int, list[int]] = {}
    for index, candidate in enumerate(analyzed.candidates):
        pos = analyzed.sentence_position(candidate.trigger.start)
        if pos >= 0:
            by_sentence.setdefault(pos, []).append(index)
    following = {p + k for p in by_sentence for k in range(1, CONTINUATION_WINDOW + 1) if p + k < len(sentences)}
    cache: dict[int, list[Figure]] = {}
    deaths: dict[int, int] = {}
    for pos in sorted(set(by_sentence) | following):
        text = sentences[pos].text
        if not figures_of(sentences, pos, cache, noted) or NEW_EVENT.search(text) or CUMULATIVE.search(text):
            continue
        target = continued_event(analyzed, sentences, pos, by_sentence, cache, noted)
        if target is not None:
            deaths[pos] = target
    sources: dict[int, int] = {}
    scratch: list[str] = []
    for pos in sorted(following - set(by_sentence)):
        if NEW_EVENT.search(sentences[pos].text):
            continue
        target = continued_event(analyzed, sentences, pos, by_sentence, cache, scratch, deaths=False)
        if target is not None:
            sources[pos] = target
    return Continuations(deaths, sources)


def continued_event(
    analyzed: AnalyzedArticle,
    sentences: tuple[Sentence, ...],
    pos: int,
    by_sentence: dict[int, list[int]],
    cache: dict[int, list[Figure]],
    warnings: list[str],
    deaths: bool = True,
) -> int | None:
    """The event a sentence with no candidate of its own continues, if any.

    The candidates of the ``CONTINUATION_WINDOW`` sentences before it count, up to a
    sentence with figures of its own. Violent, asserted, current candidates come
    first; the nearest wins, except that a territory change wins over an armed clash
    (ACLED folds the fighting into the takeover).
    """
    window: list[int] = []
    for back in range(pos - 1, max(-1, pos - 1 - CONTINUATION_WINDOW), -1):
        window.extend(reversed(by_sentence.get(back, [])))
        if back != pos - 1 and figures_of(sentences, back, cache, warnings):
            break
    if not window:
        return None
    pool = preferred(analyzed, window, deaths)
    pool = [i for i in pool if not analyzed.candidates[i].is_background] or pool
    violent_pool = violent(analyzed, pool)
    if not pool:
        return None
    if not violent_pool:
        return pool[0] if pos - 1 in by_sentence else None
    nearest = violent_pool[0]
    territory = [i for i in violent_pool if analyzed.candidates[i].sub_event_type in _TERRITORY]
    if territory and analyzed.candidates[nearest].sub_event_type == "Armed clash":
        return territory[0]
    return nearest


def preferred(analyzed: AnalyzedArticle, indices: list[int], deaths: bool = True) -> list[int]:
    """Asserted candidates if any; for deaths, never a strategic development."""
    able = [i for i in indices if not deaths or analyzed.candidates[i].event_type != _NO_DEATHS]
    asserted = [i for i in able if analyzed.candidates[i].modality == "asserted"]
    return asserted or able


def violent(analyzed: AnalyzedArticle, indices: list[int]) -> list[int]:
    """The candidates among ``indices`` of a violent event type (riots included)."""
    return [i for i in indices if analyzed.candidates[i].event_type in _VIOLENT]


def figures_of(
    sentences: tuple[Sentence, ...], pos: int, cache: dict[int, list[Figure]], warnings: list[str]
) -> list[Figure]:
    """The death figures of sentence ``pos`` (read once per run: ``cache``; warnings added)."""
    if pos not in cache:
        found, problems = find_figures(sentences[pos].text, sentences[pos].doc)
        cache[pos] = found
        warnings.extend(problems)
    return cache[pos]
