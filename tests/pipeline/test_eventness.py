"""The event decision: the learned event-ness model keeps occurrences and drops tempting non-events."""

from __future__ import annotations

import json
from datetime import date
from importlib import resources as package_files

import pytest

from builders import load_script
from conflictscope.classify.eventness import EVENTNESS_MODEL
from conflictscope.classify.eventness_encoder import EVENTNESS_ENCODER
from conflictscope.models import Article
from conflictscope.pipeline.core import Pipeline
from conflictscope.resources import Settings

#: Sentences written for this test (not in the training files): each with whether it tells an event.
CASES = [
    ("Gunmen stormed a police post in Dikwa on Tuesday night and killed four officers.", True),
    ("Soldiers arrested the opposition leader at his home in Harare on 3 June.", True),
    ("Troops are preparing to launch an assault on the rebel-held town of Dikwa.", False),
    ("The rebels have not attacked the town since the truce was signed.", False),
    ("If the talks collapse, fighting could quickly spread to Dikwa and beyond.", False),
]


@pytest.fixture(scope="module")
def pipelines() -> tuple[Pipeline, Pipeline]:
    return Pipeline(strict=True), Pipeline(settings=Settings(eventness=False), strict=True)


@pytest.mark.parametrize(("text", "is_event"), CASES)
def test_the_learned_decision(text: str, is_event: bool, pipelines: tuple[Pipeline, Pipeline]) -> None:
    learned, _rules = pipelines
    analyzed = learned(Article.from_text(text, published=date(2024, 6, 5)))
    assert bool(analyzed.events) is is_event, [(c.sub_event_type, c.eventness) for c in analyzed.candidates]
    threshold = _threshold(learned)
    for candidate in analyzed.candidates:
        assert candidate.eventness is not None and 0.0 <= candidate.eventness <= 1.0
        assert candidate.is_event is (candidate.eventness >= threshold)


def _threshold(pipeline: Pipeline) -> float:
    """The threshold that decides: the blend's when the event-ness encoder is used, else the model's."""
    encoder = pipeline.resources.get(EVENTNESS_ENCODER)
    if encoder is not None and encoder.active:
        return encoder.threshold
    model = pipeline.resources.get(EVENTNESS_MODEL)
    assert model is not None
    return model.threshold


def test_the_switch_gives_the_rule_decision_and_another_version(pipelines: tuple[Pipeline, Pipeline]) -> None:
    learned, rules = pipelines
    assert learned.version != rules.version
    text = "Troops are preparing to launch an assault on the rebel-held town of Dikwa."
    analyzed = rules(Article.from_text(text, published=date(2024, 6, 5)))
    assert all(c.eventness in (0.0, 1.0) for c in analyzed.candidates)


def test_the_model_was_trained_on_the_current_sentences() -> None:
    trainer = load_script("train_eventness")
    model = json.loads(package_files.files("conflictscope.data").joinpath("eventness/model.json").read_text("utf-8"))
    assert model["meta"]["data_sha256"] == trainer.data_hash(), (
        "the event-ness model is stale: run `make train-eventness` and commit data/eventness/model.json"
    )


#: ACLED codes a demonstration only where people gather: a strike alone is none (sentences written here).
STRIKES = [
    ("Care workers at a nursing home in Leeds held a one-day strike on Saturday, their third strike day.", False),
    ("Airport ground staff in Lyon began a 48-hour stoppage on Monday over pay.", False),
    ("Striking nurses rallied outside the health ministry in Nairobi on Monday.", True),
    ("Teachers on strike marched through the centre of Kisumu on Tuesday to demand back pay.", True),
]


@pytest.mark.parametrize(("text", "is_event"), STRIKES)
def test_a_strike_with_no_gathering_is_no_demonstration(text: str, is_event: bool,
                                                        pipelines: tuple[Pipeline, Pipeline]) -> None:
    for pipeline in pipelines:
        analyzed = pipeline(Article.from_text(text, published=date(2024, 6, 5)))
        assert any(e.event_type == "Protests" for e in analyzed.events) is is_event, [
            (c.sub_event_type, c.trigger.text, c.eventness) for c in analyzed.candidates]


#: ACLED's strategic developments record what conflict actors do (sentences written here).
DEVELOPMENTS = [
    ("The teachers' union wrote to the education minister on Monday about the new grading structure.", False),
    ("In a joint statement on Friday, forty rights groups called on the president to end the campaign.", False),
    ("The company moved its regional headquarters from Leeds to York in March.", False),
    ("Rebels set up a new base in the village of Kibati on Monday.", True),
    ("Soldiers seized a cache of rifles and grenades in a forest near Beni on Tuesday.", True),
    # an agreement too: ACLED's are ceasefires and deals between conflict actors, not a labour deal
    ("After two days of talks, the nurses' union and the hospital trust reached an agreement on Friday to end "
     "the pay dispute.", False),
    ("The city council and the bus operator agreed on Tuesday to extend the night service until 2030.", False),
    ("The army and the rebels agreed on a ceasefire in Kidal on Sunday.", True),
]


@pytest.mark.parametrize(("text", "is_event"), DEVELOPMENTS)
def test_a_strategic_development_needs_a_conflict_actor(text: str, is_event: bool,
                                                         pipelines: tuple[Pipeline, Pipeline]) -> None:
    learned, _rules = pipelines
    analyzed = learned(Article.from_text(text, published=date(2024, 6, 5)))
    developments = [e for e in analyzed.events if e.event_type == "Strategic developments"]
    assert bool(developments) is is_event, [(c.sub_event_type, c.trigger.text, c.eventness)
                                            for c in analyzed.candidates]


def test_a_verb_of_saying_is_no_events_trigger(pipelines: tuple[Pipeline, Pipeline]) -> None:
    # written here: the class model reads a militia in the quote, but only "wrote" could tell it
    text = ("\"Even the state's sparse assertions against Miller show that he was not part of any militia or "
            "anti-government movement,\" the lawyer wrote.")
    learned, _rules = pipelines
    analyzed = learned(Article.from_text(text, published=date(2024, 6, 5)))
    assert analyzed.events == (), [(c.sub_event_type, c.trigger.text, c.eventness) for c in analyzed.candidates]
