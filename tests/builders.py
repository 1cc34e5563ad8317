"""Hand-built test records shared by every test folder (imported as ``builders``).

Stage tests build ``EventCandidate`` records at a word of a parsed text, so that
the stage under test does not depend on the classifier.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from types import ModuleType

from conflictscope.document import AnalyzedArticle
from conflictscope.models import EventCandidate, Span


def candidate_at(
    analyzed: AnalyzedArticle,
    trigger: str,
    *,
    event_type: str = "Battles",
    sub_event_type: str = "Armed clash",
    confidence: float = 0.9,
    occurrence: int = 0,
) -> EventCandidate:
    """An EventCandidate whose trigger is the ``occurrence``-th ``trigger`` of the text."""
    start = -1
    for _ in range(occurrence + 1):
        start = analyzed.text.index(trigger, start + 1)
    sentence = analyzed.sentence_at(start)
    assert sentence is not None, f"no sentence holds {trigger!r}"
    return EventCandidate(
        sentence=Span(sentence.start, sentence.end, sentence.text),
        trigger=Span(start, start + len(trigger), trigger),
        event_type=event_type,
        sub_event_type=sub_event_type,
        confidence=confidence,
    )


def with_candidates(analyzed: AnalyzedArticle, *candidates: EventCandidate) -> AnalyzedArticle:
    """The article with these candidates."""
    return replace(analyzed, candidates=tuple(candidates))


def dated_candidates(
    parse: Callable[..., AnalyzedArticle], text: str, triggers: list[tuple[str, int]], sub: str = "Attack"
) -> tuple[EventCandidate, ...]:
    """Violence-against-civilians candidates at ``(word, nth)`` triggers, through the dates stage.

    The text is published on Sunday 2016-12-11.
    """
    from conflictscope.pipeline.dates import dates

    analyzed = parse(text, "2016-12-11")
    candidates = tuple(
        candidate_at(analyzed, word, event_type="Violence against civilians", sub_event_type=sub,
                     confidence=0.8, occurrence=nth)
        for word, nth in triggers
    )
    return dates(with_candidates(analyzed, *candidates)).candidates


def load_script(name: str) -> ModuleType:
    """A script of ``scripts/`` (``name`` without ``.py``) loaded as a module, e.g. to ask a
    training script for the hash of the data its committed model must have been trained on."""
    path = Path(__file__).resolve().parents[1] / "scripts" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


#: A report filed from the capital (its dateline) about an attack elsewhere, ending with a claimed clash
#: the row model drops (a last-paragraph claim "last week"); our own text.
FILED_FROM_THE_CAPITAL = (
    "Gunmen kill 9 in Niger attack\n\n"
    "NIAMEY (AFP) - Gunmen killed nine people in an attack on a village in western Niger, security sources said "
    "on Sunday.\n\n"
    "The attack took place on Saturday in Tera, a town near the border, one source said.\n\n"
    "\"Armed men attacked the village, killing nine civilians,\" another source told AFP.\n\n"
    "Niger has been fighting a jihadist insurgency since 2015 that has killed thousands of people.\n\n"
    "The army said soldiers had killed 20 militants in the east of the country last week."
)
