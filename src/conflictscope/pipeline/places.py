"""Stage `places`: Geoparse toponyms -> AnalyzedArticle.places; locate each candidate (place, geo_precision, where_prec). Owner: geo work.

PLACEHOLDER: passes the article through unchanged until the stage is written.
"""

from __future__ import annotations

from conflictscope.pipeline.base import AnalyzedArticle
from conflictscope.pipeline.registry import stage


@stage("places", requires=('sentences', 'mentions', 'candidates',), provides=('places', 'candidates.place',))
def places(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Placeholder: returns the article unchanged."""
    return analyzed
