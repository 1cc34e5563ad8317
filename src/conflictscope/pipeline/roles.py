"""Stage `roles`: actor1, actor2 and associated actors of every event candidate.

The rules live in :mod:`conflictscope.actors.roles` (dependency parse of the
trigger's sentence, with fallbacks); each role's span is recorded as evidence.
"""

from __future__ import annotations

from dataclasses import replace

from conflictscope.actors.roles import assign_roles
from conflictscope.pipeline.base import AnalyzedArticle
from conflictscope.pipeline.registry import stage


@stage("roles", requires=("candidates", "actors"), provides=("candidates.actors",))
def roles(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Fill the actors of each candidate from the sentence structure."""
    if not analyzed.candidates:
        return analyzed
    candidates = tuple(assign_roles(analyzed, c) for c in analyzed.candidates)
    return replace(analyzed, candidates=candidates)
