"""Stage `roles`: Fill actor1/actor2/assoc actors of each candidate from sentence structure. Owner: actors work.

PLACEHOLDER: passes the article through unchanged until the stage is written.
"""

from __future__ import annotations

from conflictscope.pipeline.base import AnalyzedArticle
from conflictscope.pipeline.registry import stage


@stage("roles", requires=('candidates', 'actors',), provides=('candidates.actors',))
def roles(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Placeholder: returns the article unchanged."""
    return analyzed
