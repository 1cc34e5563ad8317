"""The one matcher: an event (or its dict form) against an expectation."""

from __future__ import annotations

from conflictscope.evaluation.matching import accepts, any_accepts, field_matches, match_items
from conflictscope.serialize import event_to_dict

from .helpers import make_event


def test_actor_names_match_by_folded_prefix_either_way() -> None:
    assert field_matches("actor1", "Boko Haram", "Boko Haram - Jamaatu Ahli is-Sunnah")
    assert field_matches("actor1", "Rebels (Testland)", "rebels")
    assert not field_matches("actor1", "Rebels", "Military Forces of Testland")
    assert not field_matches("actor2", "Civilians", "")


def test_negation_and_lists() -> None:
    assert field_matches("country", "!Nigeria", "Niger")
    assert not field_matches("country", "!Nigeria", "Nigeria")
    assert field_matches("time_precision", [1, 2], 2)
    assert not field_matches("time_precision", [1, 2], 3)
    assert field_matches("event_date", "2021-06-06", make_event(event_date="2021-06-06").event_date)


def test_sub_type_decides_over_event_type() -> None:
    event = make_event("Armed clash", actor1="Rebels (Testland)")
    assert accepts({"sub_event_type": ["Armed clash", "Attack"], "event_type": "Battles"}, event)
    assert not accepts({"sub_event_type": "Attack"}, event)
    assert accepts({"event_type": "Battles", "actor1": "Rebels"}, event)
    assert not accepts({"event_type": "Riots"}, event)
    # only the keys asked for decide
    assert accepts({"sub_event_type": "Armed clash", "location": "Karo"}, event, ["sub_event_type"])
    assert not accepts({"sub_event_type": "Armed clash", "location": "Karo"}, event)


def test_event_and_its_dict_form_match_alike() -> None:
    event = make_event("Attack", actor1="Unidentified Armed Group (Testland)", event_date="2021-06-06",
                       is_background=False, fatalities_low=3)
    pattern = {"what": "ignored", "sub_event_type": "Attack", "actor1": "Unidentified Armed Group",
               "event_date": "2021-06-06", "is_background": False, "fatalities_low": 3}
    assert accepts(pattern, event)
    assert accepts(pattern, event_to_dict(event))
    assert not accepts({**pattern, "fatalities_low": 4}, event_to_dict(event))
    assert accepts({}, event)  # an empty pattern matches every event
    assert any_accepts({"sub_event_type": "Attack"}, [make_event("Armed clash"), event])


def test_match_items_takes_the_most_confident_event_once() -> None:
    low, high = make_event(confidence=0.3, event_id="low"), make_event(confidence=0.9, event_id="high")
    pool = [low, high]
    found = match_items([{"sub_event_type": "Armed clash"}, {"sub_event_type": "Armed clash"},
                         {"sub_event_type": "Armed clash"}], pool)
    assert [e.event_id if e else None for e in found] == ["high", "low", None]
    assert pool == []
