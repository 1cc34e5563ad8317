"""Stage `actors`: every actor mention of the article, resolved to a canonical actor.

Dictionary phrase matching (:mod:`conflictscope.actors.matcher`) over every
sentence, parsed or not, plus NER ORG spans that look like unlisted armed groups;
generic mentions resolve to the report's main actor or country
(:mod:`conflictscope.actors.resolve`). What the ``roles`` stage needs besides the
mentions (country context, main actor, "X-backed" pairs) goes to
the ``actor_context`` layer.
"""

from __future__ import annotations

from dataclasses import replace

from conflictscope.actors.dictionary import load_dictionary
from conflictscope.actors.resolve import ACTOR_CONTEXT, resolve_article
from conflictscope.document import AnalyzedArticle
from conflictscope.pipeline.registry import stage


@stage("actors", requires=("sentences", "mentions"), provides=("actors", "actor_context"))
def actors(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Find and resolve the article's actor mentions."""
    dictionary = load_dictionary()
    sentences = [(s.start, s.end, s.text) for s in analyzed.sentences]
    if not sentences and analyzed.text.strip():
        sentences = [(0, len(analyzed.text), analyzed.text)]
    mentions, context = resolve_article(
        dictionary, sentences, published=analyzed.article.published, entities=analyzed.mentions
    )
    return replace(analyzed, actors=mentions).with_layer(ACTOR_CONTEXT, context)
