"""Stage `classify`: Detect and classify event clauses -> AnalyzedArticle.candidates (type, sub-type, confidence, modality, is_background). Owner: classifier work.

PLACEHOLDER: passes the article through unchanged until the stage is written.
"""

from __future__ import annotations

from conflictscope.pipeline.base import AnalyzedArticle
from conflictscope.pipeline.registry import stage


@stage("classify", requires=('sentences',), provides=('candidates',))
def classify(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Placeholder: returns the article unchanged."""
    return analyzed
