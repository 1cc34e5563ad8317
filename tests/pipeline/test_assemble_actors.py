"""The generic actors the assemble stage gives events whose text names no agent."""

from __future__ import annotations

from collections.abc import Callable

import pytest

from conflictscope.pipeline.base import AnalyzedArticle


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
