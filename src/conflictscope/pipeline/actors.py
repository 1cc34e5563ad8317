"""Stage `actors`: Resolve actor mentions (dictionary + generic mentions) -> AnalyzedArticle.actors. Owner: actors work.

PLACEHOLDER: passes the article through unchanged until the stage is written.
"""

from __future__ import annotations

from conflictscope.pipeline.base import AnalyzedArticle
from conflictscope.pipeline.registry import stage


@stage("actors", requires=('sentences', 'mentions',), provides=('actors',))
def actors(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Placeholder: returns the article unchanged."""
    return analyzed
