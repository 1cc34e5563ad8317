"""The stage contract: every stage reads only the layers it declares (``requires`` or ``provides``).

Each stage of the default pipeline runs on real reports of our own with a record that
notes which layers it reads: the record's fields (``sentences``, ``actors``, ...), the
declared layers read through ``get`` (``actor_context``, ``geoparse``, ...), and on
each candidate the fields that later stages fill in (``candidates.place``, ...). A read
of a layer the stage did not declare fails the test, naming the stage and the layer.
"""

from __future__ import annotations

import json
import sys
from dataclasses import fields, replace
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conflictscope.document import AnalyzedArticle, Layer, declare_layer, declared_layers
from conflictscope.errors import PipelineError
from conflictscope.models import Article, EventCandidate
from conflictscope.pipeline.base import INITIAL_LAYERS
from conflictscope.pipeline.core import Pipeline
from conflictscope.pipeline.registry import DEFAULT_STAGES, get_stage, resolve, stage

ROOT = Path(__file__).resolve().parents[2]

#: The record's fields that are layers.
FIELD_LAYERS = frozenset({"sentences", "mentions", "actors", "places", "timexes", "candidates", "events"})
#: Candidate fields that a later stage fills in, by the layer that holds them.
CANDIDATE_LAYERS = {
    "actor1": "candidates.actors", "actor2": "candidates.actors",
    "assoc_actor_1": "candidates.actors", "assoc_actor_2": "candidates.actors",
    "place": "candidates.place", "geo_precision": "candidates.place", "where_prec": "candidates.place",
    "time": "candidates.time", "fatalities": "candidates.fatalities",
    "attribution": "candidates.attribution", "eventness": "candidates.eventness",
}
_READS: list[set[str]] = []


def _noted(name: str) -> None:
    # dataclasses.replace reads every field to copy it: that is no read by the stage
    if _READS and not sys._getframe(2).f_code.co_filename.endswith("dataclasses.py"):
        _READS[-1].add(name)


class TracingCandidate(EventCandidate):
    __slots__ = ()

    def __getattribute__(self, name: str) -> Any:
        if name in CANDIDATE_LAYERS:
            _noted(CANDIDATE_LAYERS[name])
        return super().__getattribute__(name)


class TracingArticle(AnalyzedArticle):
    __slots__ = ()

    def __getattribute__(self, name: str) -> Any:
        if name in FIELD_LAYERS:
            _noted(name)
        elif name == "layers" and not sys._getframe(1).f_code.co_filename.endswith(("document.py", "dataclasses.py")):
            _noted("layers (read directly, not through get)")
        return super().__getattribute__(name)

    def get(self, layer: Layer[Any], default: Any = None) -> Any:
        _noted(layer.name)
        return super().get(layer, default)


def _traced(analyzed: AnalyzedArticle) -> TracingArticle:
    values = {f.name: getattr(analyzed, f.name) for f in fields(AnalyzedArticle)}
    values["candidates"] = tuple(
        TracingCandidate(**{f.name: getattr(c, f.name) for f in fields(EventCandidate)})
        for c in analyzed.candidates
    )
    return TracingArticle(**values)


def _reports() -> list[Article]:
    """The sample reports and the snapshot's composed reports (our own text)."""
    lines = (ROOT / "tests" / "snapshot" / "inputs.jsonl").read_text("utf-8").splitlines()
    records = [json.loads(line) for line in lines if line.strip()][:25]
    return [Article.from_text(r["text"], id=r["id"], published=date.fromisoformat(r["published"]),
                              title=r.get("title", "")) for r in records]


def _reads_per_stage(pipeline: Pipeline, articles: list[Article]) -> dict[str, set[str]]:
    from conflictscope.pipeline.nlp import analyze_many
    from conflictscope.resources import active

    reads: dict[str, set[str]] = {s.name: set() for s in pipeline.stages}
    with active(pipeline.resources):
        for analyzed in analyze_many(articles, nlp=pipeline.nlp, wants_parse=pipeline.wants_parse):
            from conflictscope.pipeline.base import PIPELINE_VERSION

            analyzed = analyzed.with_layer(PIPELINE_VERSION, pipeline.version)
            for current in pipeline.stages:
                traced = _traced(analyzed)
                _READS.append(set())
                try:
                    analyzed = current(traced)
                finally:
                    reads[current.name] |= _READS.pop()
                analyzed = AnalyzedArticle(**{f.name: getattr(analyzed, f.name) for f in fields(AnalyzedArticle)})
    return reads


@pytest.fixture(scope="module")
def default_reads() -> dict[str, set[str]]:
    return _reads_per_stage(Pipeline(strict=True), _reports())


@pytest.mark.parametrize("name", DEFAULT_STAGES)
def test_stage_reads_only_declared_layers(name: str, default_reads: dict[str, set[str]]) -> None:
    declared = {*get_stage(name).requires, *get_stage(name).provides}
    undeclared = default_reads[name] - declared
    assert not undeclared, f"stage {name!r} reads layers it does not declare: {sorted(undeclared)}"


def test_the_tracer_catches_an_undeclared_read() -> None:
    @stage("test-sneaky", requires=("sentences",), provides=("candidates",))
    def sneaky(analyzed: AnalyzedArticle) -> AnalyzedArticle:
        _ = analyzed.actors  # not declared
        return analyzed

    pipeline = Pipeline(("test-sneaky",), strict=True)
    reads = _reads_per_stage(pipeline, _reports()[:1])
    assert reads["test-sneaky"] - {"sentences", "candidates"} == {"actors"}


def test_a_stage_requiring_what_no_earlier_stage_provides_fails_at_build_time() -> None:
    with pytest.raises(PipelineError, match="requires candidates"):
        resolve(["assemble"])
    assert set(INITIAL_LAYERS) == {"sentences", "mentions", "pipeline_version"}


def test_layers_are_declared_with_a_type_and_checked() -> None:
    layer = declare_layer("test.note", str, "a layer a test declares")
    assert declared_layers()["test.note"].type is str
    with pytest.raises(PipelineError, match="already declared"):
        declare_layer("test.note", int, "the same name with another type")
    record = AnalyzedArticle(article=Article.from_text("Nothing happened."))
    assert record.get(layer) is None
    noted = record.with_layer(layer, "kept")
    assert noted.get(layer) == "kept" and record.get(layer) is None
    with pytest.raises(TypeError):
        noted.layers["test.note"] = "changed"  # type: ignore[index]
    with pytest.raises(PipelineError, match="unknown layer"):
        stage("test-bad", requires=("no-such-layer",))
    assert replace(noted).get(layer) == "kept"
