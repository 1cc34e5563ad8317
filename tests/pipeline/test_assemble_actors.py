"""The generic actors the assemble stage gives events whose text names no agent."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conflictscope.document import AnalyzedArticle


@pytest.mark.parametrize(
    "text",
    [
        "Five activists were arrested in Manila on Friday.",
        "Two journalists were detained in Manila on Friday after covering the strike.",
    ],
)
def test_an_arrest_without_a_named_agent_is_made_by_the_police(
        analyze: Callable[..., AnalyzedArticle], text: str) -> None:
    # arrests were given "Unidentified Armed Group" (a non-state actor): ACLED's arrests are the state's
    arrests = [e for e in analyze(text, "2020-02-08").events if e.sub_event_type == "Arrests"]
    assert arrests
    assert arrests[0].actor1.startswith("Police Forces of the Philippines")
    assert arrests[0].inter1 == 1


def test_a_named_arresting_group_stays(analyze: Callable[..., AnalyzedArticle]) -> None:
    events = analyze("Taliban fighters detained two journalists in Kabul on Friday.", "2020-02-08").events
    arrests = [e for e in events if e.sub_event_type == "Arrests"]
    assert arrests and arrests[0].actor1.startswith("Taliban")


def test_an_arrest_takes_no_actor_from_another_sentence(analyze: Callable[..., AnalyzedArticle]) -> None:
    # the previous sentence's group was taken as the arresting agent (a fallback)
    text = ("Islamic State militants attacked the town last year. "
            "On Friday, two journalists were detained in Mosul.")
    arrests = [e for e in analyze(text, "2020-02-08").events if e.sub_event_type == "Arrests"]
    assert arrests and arrests[0].actor1.startswith("Police Forces of Iraq")


def test_let_is_no_acronym() -> None:
    # "Let" matched the alias "LeT" (Lashkar-e-Taiba) because its case rule only asked for a capital
    from conflictscope.actors.dictionary import load_dictionary
    from conflictscope.actors.matcher import match_sentence

    text = "Let us hope the talks succeed, but LeT militants attacked a post."
    matches, _ = match_sentence(load_dictionary(), text)
    groups = [text[m.start:m.end] for m in matches if m.kind == "group"]
    assert [g.split()[0] for g in groups] == ["LeT"]  # "Let" at the start is no group


def test_a_death_in_custody_is_the_states(analyze: Callable[..., AnalyzedArticle]) -> None:
    text = "The activist died in police custody in Lagos last week, his family said."
    attacks = [e for e in analyze(text, "2020-02-08").events if e.sub_event_type == "Attack"]
    assert attacks and attacks[0].actor1.startswith("Police Forces of Nigeria")


@pytest.mark.parametrize(
    "text",
    [
        "An unidentified group assassinated a policeman in the village of Founga near Djougou on Sunday.",
        "Gunmen killed two gendarmes near Djougou on Sunday.",
    ],
)
def test_an_armed_groups_attack_on_state_forces_is_an_armed_clash(
        analyze: Callable[..., AnalyzedArticle], text: str) -> None:
    # regression: read as an Attack (violence against civilians); ACLED's attacks target civilians,
    # and an armed group's violence on police or soldiers is a battle, both sides armed
    (event,) = analyze(text, "2024-06-20").events
    assert (event.event_type, event.sub_event_type) == ("Battles", "Armed clash"), event.sub_event_type
    assert event.actor2.startswith("Police Forces of Benin") and not event.civilian_targeting


def test_an_attack_on_civilians_stays_an_attack(analyze: Callable[..., AnalyzedArticle]) -> None:
    (event,) = analyze("Gunmen killed two farmers near Djougou on Sunday.", "2024-06-20").events
    assert event.sub_event_type == "Attack" and event.civilian_targeting
