"""Stage `dates`: Normalise time expressions -> AnalyzedArticle.timexes; date each candidate (EventTime) and set is_background. Owner: dates work.

PLACEHOLDER: passes the article through unchanged until the stage is written.
"""

from __future__ import annotations

from conflictscope.pipeline.base import AnalyzedArticle
from conflictscope.pipeline.registry import stage


@stage("dates", requires=('sentences', 'candidates',), provides=('timexes', 'candidates.time',))
def dates(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Placeholder: returns the article unchanged."""
    return analyzed
