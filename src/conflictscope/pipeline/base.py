"""The stage protocol.

A stage is a pure function ``AnalyzedArticle -> AnalyzedArticle`` (the working
record of :mod:`conflictscope.document`) that declares the layers it reads
(``requires``) and adds (``provides``). :mod:`conflictscope.pipeline.registry`
checks those declarations when a pipeline is built, so a bad pipeline fails at
build time and not mid-run; ``tests/pipeline/test_stage_contract.py`` runs every
stage on real reports and fails when one reads a layer it did not declare.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from conflictscope.document import AnalyzedArticle, declare_layer

StageFunc = Callable[[AnalyzedArticle], AnalyzedArticle]

#: What the pipeline itself gives every article before its stages run (no stage provides it).
PIPELINE_VERSION = declare_layer(
    "pipeline_version", str, "the version of the pipeline run on the article (stored on every event)"
)
#: Layers every pipeline has before its first stage: the spaCy stage's, and the pipeline's own.
INITIAL_LAYERS = frozenset({"sentences", "mentions", PIPELINE_VERSION.name})


@dataclass(frozen=True, slots=True)
class Stage:
    """A registered pipeline stage.

    ``parse_hint``, when given, tells the spaCy stage which sentences this stage
    needs parsed: a sentence is parsed when any stage of the pipeline wants it, so
    the parse gate never drops a sentence a stage would read.
    """

    name: str
    func: StageFunc
    requires: tuple[str, ...]
    provides: tuple[str, ...]
    parse_hint: Callable[[str], bool] | None = None

    def __call__(self, analyzed: AnalyzedArticle) -> AnalyzedArticle:
        return self.func(analyzed)
