"""Stage `attribution`: Who said so and certainty per candidate. Owner: fatalities/attribution work.

PLACEHOLDER: passes the article through unchanged until the stage is written.
"""

from __future__ import annotations

from conflictscope.pipeline.base import AnalyzedArticle
from conflictscope.pipeline.registry import stage


@stage("attribution", requires=('sentences', 'candidates',), provides=('candidates.attribution',))
def attribution(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Placeholder: returns the article unchanged."""
    return analyzed
