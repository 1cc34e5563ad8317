"""Stage `attribution`: who the report says said each event, and how sure it is.

A candidate's trigger is looked up in its sentence's source frames
(:mod:`conflictscope.pipeline.sourcing`): the innermost frame with a source names
who said it ("the Syrian Observatory for Human Rights", "an activist", "reports
from Palmyra"), with the weakest certainty (confirmed, reported, unconfirmed, claimed,
denied) among the frames around it that name it or no one; each other named source
around the trigger is cited with its own ("..., witnesses said, a charge the army
denies"). A pronoun source ("it said") is the last named source before it; a
following sentence that says the claim "could not be independently verified" makes
the event unconfirmed. Unconfirmed, claimed and denied events (by any of their
sources) have their confidence lowered. Sentences
with no event of their own that continue an event ("An activist told the BBC the city
was in IS hands") add their named source to it (the layer ``attribution.supporting``).
"""

from __future__ import annotations

from dataclasses import replace
from typing import Any

from conflictscope.document import AnalyzedArticle, Sentence, declare_layer
from conflictscope.models import Attribution, Certainty, EventCandidate, Span
from conflictscope.pipeline.continuations import CONTINUATIONS, find_continuations
from conflictscope.pipeline.registry import stage
from conflictscope.pipeline.sourcing import (
    CONFIDENCE_FACTOR,
    RANK,
    ArticleSources,
    Frame,
    is_disclaimer,
    is_pronoun,
)

#: Further named sources of each candidate, from the sentences with no candidate that
#: continue it ({(trigger start, end, sub type): [{attributed_to, certainty, span...}]}).
SUPPORTING_SOURCES = declare_layer(
    "attribution.supporting", dict, "further named sources of each candidate, by (trigger start, end, sub type)"
)

#: ACLED inter codes of non-state armed groups: what they say of their own acts is a claim.
_ARMED_GROUP_INTER = (2, 3, 4)


@stage(
    "attribution",
    requires=("sentences", "actors", "candidates", "continuations"),
    provides=("candidates.attribution", "attribution.supporting"),
)
def attribution(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Set each candidate's attribution and certainty, and scale its confidence."""
    if not analyzed.candidates or not analyzed.sentences:
        return analyzed
    sentences = analyzed.sentences
    sources = ArticleSources(sentences)
    positions = [analyzed.sentence_position(c.trigger.start) for c in analyzed.candidates]
    with_candidates = set(positions)
    supporting = _supporting(analyzed, sources)
    updated = []
    stored: dict[tuple[int, int, str], list[dict[str, Any]]] = {}
    for index, (candidate, pos) in enumerate(zip(analyzed.candidates, positions, strict=True)):
        if pos < 0:
            updated.append(candidate)
            continue
        done, also_cited = _attribute(analyzed, sources, pos, candidate, with_candidates)
        extra = [*also_cited, *supporting.get(index, [])]
        if extra:
            spans = (*done.evidence.get("sources", ()), *(span for _, _, span in extra))
            done = done.with_evidence("sources", *_unique(list(spans)))
            key = (candidate.trigger.start, candidate.trigger.end, candidate.sub_event_type)
            stored[key] = [
                {"attributed_to": who, "certainty": how, "start": span.start, "end": span.end, "text": span.text}
                for who, how, span in extra
            ]
        updated.append(done)
    return replace(analyzed, candidates=tuple(updated)).with_layer(SUPPORTING_SOURCES, stored)


def _supporting(analyzed: AnalyzedArticle, sources: ArticleSources) -> dict[int, list[tuple[str, Certainty, Span]]]:
    """Named sources of the sentences with no candidate that continue an event.

    "IS fighters re-entered the city. An activist told the BBC the city was in IS
    hands." : the activist is a further source of the re-entry. Which event a sentence
    continues is the ``continuations`` layer's (:mod:`conflictscope.pipeline.continuations`).
    """
    sentences = analyzed.sentences
    out: dict[int, list[tuple[str, Certainty, Span]]] = {}
    links = analyzed.get(CONTINUATIONS) or find_continuations(analyzed)
    for pos, target in sorted(links.sources.items()):
        sentence = sentences[pos]
        if is_disclaimer(sentence.text):
            continue
        named = [f for f in sources.frames(pos) if f.source and not is_pronoun(f.source)]
        if not named:
            continue
        frame = min(named, key=lambda f: f.cue_start)
        assert frame.source is not None
        span = sentence.char_span(frame.cue_start, frame.cue_end)
        out.setdefault(target, []).append((frame.source, frame.certainty, span))
    return out




def _attribute(
    analyzed: AnalyzedArticle,
    sources: ArticleSources,
    pos: int,
    candidate: EventCandidate,
    with_candidates: set[int],
) -> tuple[EventCandidate, list[tuple[str, Certainty, Span]]]:
    """The candidate with its source, certainty and confidence, and the other named sources around its
    trigger, each with its own certainty ("..., witnesses said, a charge the army denies" cites the army
    as denying it)."""
    sentence = analyzed.sentences[pos]
    offset = candidate.trigger.start - sentence.start
    source, certainty, covering = sources.resolve(pos, offset)
    evidence = [sentence.char_span(f.cue_start, f.cue_end) for f in covering]
    doubt = certainty
    certainty = max((f.certainty for f in covering if not _other_source(f, source)),
                    key=RANK.__getitem__, default="reported")
    following = pos + 1
    if (
        following < len(analyzed.sentences)
        and following not in with_candidates
        and is_disclaimer(analyzed.sentences[following].text)
        and RANK[certainty] < RANK["unconfirmed"]
    ):
        certainty = "unconfirmed"
        evidence.append(analyzed.sentences[following].char_span(0, len(analyzed.sentences[following].text)))
    if certainty == "reported" and _armed_group_source(analyzed, sentence, covering, source):
        certainty = "claimed"
    if not evidence:
        evidence = [candidate.sentence]
    if RANK[certainty] > RANK[doubt]:
        doubt = certainty
    confidence = round(candidate.confidence * CONFIDENCE_FACTOR[doubt], 4)
    updated = replace(
        candidate, attribution=Attribution(source, certainty), confidence=confidence
    )
    also_cited = [(f.source, f.certainty, sentence.char_span(f.cue_start, f.cue_end))
                  for f in covering if _other_source(f, source) and f.source]
    return updated.with_evidence("sources", *_unique(evidence)), also_cited


def _other_source(frame: Frame, source: str | None) -> bool:
    return bool(frame.source) and frame.source != source and not is_pronoun(frame.source)


def _armed_group_source(
    analyzed: AnalyzedArticle, sentence: Sentence, covering: list[Frame], source: str | None
) -> bool:
    """Whether the named source is an actor mention of a non-state armed group."""
    if not source:
        return False
    frame = next((f for f in covering if f.source == source), None)
    if frame is None:
        return False
    start, end = sentence.start + frame.cue_start, sentence.start + frame.cue_end
    return any(
        start <= mention.span.start < end and mention.actor.inter in _ARMED_GROUP_INTER
        for mention in analyzed.actors
    )


def _unique(spans: list[Span]) -> list[Span]:
    return list(dict.fromkeys(spans))


def certainty_of(candidate: EventCandidate) -> Certainty:
    """The candidate's certainty (``reported`` when the stage has not run)."""
    return candidate.attribution.certainty if candidate.attribution else "reported"
