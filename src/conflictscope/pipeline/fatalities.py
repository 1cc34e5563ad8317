"""Stage `fatalities`: Fatality ranges per candidate. Owner: fatalities/attribution work.

PLACEHOLDER: passes the article through unchanged until the stage is written.
"""

from __future__ import annotations

from conflictscope.pipeline.base import AnalyzedArticle
from conflictscope.pipeline.registry import stage


@stage("fatalities", requires=('sentences', 'candidates',), provides=('candidates.fatalities',))
def fatalities(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Placeholder: returns the article unchanged."""
    return analyzed
