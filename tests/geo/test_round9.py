"""Round 9: a place in a clause of contrast ("while ... focused on Aleppo, they struck") is not the event's."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from conflictscope.gazetteer.index import Gazetteer
from conflictscope.models import EventCandidate
from conflictscope.pipeline.base import AnalyzedArticle
from conflictscope.pipeline.places import places


@pytest.mark.parametrize(
    ("sentence", "trigger", "expected"),
    [
        # the attack on Palmyra was placed in Aleppo, where the world was looking
        ("And, while the eyes of the world were focused on Aleppo, the militants struck.", "struck", "Tadmur"),
        ("Although the army had massed its forces against Aleppo, the militants struck.", "struck", "Tadmur"),
        # a clause of time that says where the victim was does place the event
        ("The reporter was abducted while he was in Mosul investigating a story.", "abducted", "Mosul"),
        ("The militants struck in Aleppo while the army was busy elsewhere.", "struck", "Aleppo"),
    ],
)
def test_a_place_in_a_clause_of_contrast_is_not_the_events(
        candidate_at: Callable[..., EventCandidate], parse: Callable[..., AnalyzedArticle],
        use_tiny: Gazetteer, sentence: str, trigger: str, expected: str) -> None:
    text = ("Militants entered Palmyra on Sunday, nine months after losing it.\n\n"
            f"{sentence}\n\nResidents of Palmyra said the town was quiet again.")
    analyzed = parse(text)
    candidate = candidate_at(analyzed, trigger, event_type="Battles", sub_event_type="Armed clash")
    (event,) = places(replace(analyzed, candidates=(candidate,))).candidates
    assert event.place is not None and event.place.place.name == expected


def test_the_seed_scorer_knows_a_place_by_its_other_names(use_tiny: Gazetteer) -> None:
    # "Palmyra" in the gold and "Tadmur" in the event are one gazetteer entry; "Palmyra countryside"
    # names the same place at precision 2, which is scored on its own
    from conflictscope.evaluation.expected import score_fields
    from conflictscope.models import Event

    tadmur = use_tiny.lookup("Tadmur", fuzzy=False)[0].entry
    event = Event(event_id="e1", article_id="a1", pipeline_version="test", event_type="Violence against civilians",
                  sub_event_type="Attack", disorder_type="Political violence", civilian_targeting=True,
                  confidence=0.5, actor1="Unidentified Armed Group", inter1=3, location="Tadmur",
                  admin1="Homs", gazetteer_id=tadmur.gid)
    assert score_fields({"location": "Palmyra"}, event) == {"location": True}
    assert score_fields({"location": "Palmyra countryside, Homs, Syria"}, event) == {"location": True}
    assert score_fields({"location": "Palmyra (Tadmur), Homs, Syria"}, event) == {"location": True}
    assert score_fields({"location": "Mosul"}, event) == {"location": False}
