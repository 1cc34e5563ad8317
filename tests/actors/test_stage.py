"""The `actors` and `roles` stages on whole (hand-written) reports, and bad input."""

from __future__ import annotations

from dataclasses import replace

import pytest

from conflictscope.actors.resolve import ActorContext
from conflictscope.models import EventCandidate, Span
from conflictscope.pipeline.actors import actors
from conflictscope.pipeline.roles import roles

REPORT = """Jihadists retake desert town in Mali

Militants of the JNIM coalition have retaken the town of Boulkessi, a year after losing it.

Local sources say the militants and Malian soldiers fought for hours near the army camp.

The jihadist group seized the camp and its armoury, residents said, and about 20 soldiers were killed.

Malian troops, backed by Wagner mercenaries, had recaptured the town from JNIM last year.

The group also abducted a village chief during its first occupation of the town.
"""


@pytest.fixture(scope="module")
def report(parse):  # type: ignore[no-untyped-def]
    return actors(parse(REPORT, "2024-06-02"))


def test_report_context(report) -> None:  # type: ignore[no-untyped-def]
    context = report.layers["actor_context"]
    assert isinstance(context, ActorContext)
    assert context.country == "ML"
    assert context.main_actor is not None and context.main_actor.name.startswith(
        "Jama'at Nasr al-Islam"
    )
    assert (
        context.main_state is not None
        and context.main_state.name == "Military Forces of Mali (2021-)"
    )


def test_report_generic_mentions(report) -> None:  # type: ignore[no-untyped-def]
    generic = [(m.span.text, m.actor.name) for m in report.actors if m.generic]
    assert ("The jihadist group", report.layers["actor_context"].main_actor.name) in generic
    assert all(report.text[m.span.start : m.span.end] == m.span.text for m in report.actors)


def _candidate(analyzed, trigger: str, event_type: str, sub: str) -> EventCandidate:  # type: ignore[no-untyped-def]
    start = analyzed.text.index(trigger)
    sentence = analyzed.sentence_at(start)
    return EventCandidate(
        Span(sentence.start, sentence.end, sentence.text),
        Span(start, start + len(trigger), trigger),
        event_type,
        sub,
        0.9,
    )


@pytest.mark.parametrize(
    ("trigger", "event_type", "sub", "actor1", "actor2", "assoc1"),
    [
        (
            "have retaken",
            "Battles",
            "Non-state actor overtakes territory",
            "Jama'at Nasr",
            "Military Forces of Mali",
            [],
        ),
        ("fought", "Battles", "Armed clash", "Jama'at Nasr", "Military Forces of Mali", []),
        (
            "seized",
            "Battles",
            "Non-state actor overtakes territory",
            "Jama'at Nasr",
            "Military Forces of Mali",
            [],
        ),
        (
            "had recaptured",
            "Battles",
            "Government regains territory",
            "Military Forces of Mali",
            "Jama'at Nasr",
            ["Wagner Group (Mali)"],
        ),
        (
            "abducted",
            "Violence against civilians",
            "Abduction/forced disappearance",
            "Jama'at Nasr",
            "Civilians (Mali)",
            [],
        ),
    ],
)
def test_report_roles(report, trigger, event_type, sub, actor1, actor2, assoc1) -> None:  # type: ignore[no-untyped-def]
    done = roles(replace(report, candidates=(_candidate(report, trigger, event_type, sub),)))
    result = done.candidates[0]
    assert result.actor1 is not None and result.actor1.actor.name.startswith(actor1)
    assert result.actor2 is not None and result.actor2.actor.name.startswith(actor2)
    assert [m.actor.name for m in result.assoc_actor_1] == assoc1
    assert result.evidence["actor1"][0] == result.actor1.span


def test_unlisted_armed_group_from_ner(parse) -> None:  # type: ignore[no-untyped-def]
    analyzed = actors(
        parse("Fighters of the Kivu Liberation Front attacked a village in DR Congo on Monday.")
    )
    found = {m.actor.name: m.actor for m in analyzed.actors}
    assert "Kivu Liberation Front" in found
    assert found["Kivu Liberation Front"].inter == 2
    assert found["Kivu Liberation Front"].country == "Democratic Republic of Congo"


@pytest.mark.parametrize(
    "text",
    [
        "",
        "   \n\n  ",
        "\u202e\u200b💥 ¿¡ \x00 \ufffd",
        "Les soldats maliens ont attaqué le camp. Die Soldaten griffen an.",
        "IS " * 2000,
        "9" * 5000 + " soldiers were killed.",
        "Islamic State Islamic State-backed-backed Syrian-Syrian's 's army army",
    ],
)
def test_bad_input_never_crashes(parse, text: str) -> None:  # type: ignore[no-untyped-def]
    analyzed = actors(parse(text))
    cands: tuple[EventCandidate, ...] = ()
    if analyzed.sentences:
        first = analyzed.sentences[0]
        span = Span(first.start, first.end, first.text)
        cands = (EventCandidate(span, span, "Battles", "Armed clash", 0.5),)
    done = roles(replace(analyzed, candidates=cands))
    assert len(done.candidates) == len(cands)


def test_roles_without_actor_context(parse) -> None:  # type: ignore[no-untyped-def]
    analyzed = parse("Rebels attacked the base.")
    start = analyzed.text.index("attacked")
    sentence = analyzed.sentences[0]
    cand = EventCandidate(
        Span(sentence.start, sentence.end, sentence.text),
        Span(start, start + 8, "attacked"),
        "Battles",
        "Armed clash",
        0.5,
    )
    done = roles(replace(analyzed, candidates=(cand,)))
    assert done.candidates[0].actor1 is None


def test_control_changes_share_allies(parse) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Al-Shabaab held Baidoa for a year before it was recaptured by Somali troops in May. "
        "Somali troops were backed by Kenyan soldiers when they recaptured Baidoa from al-Shabaab."
    )
    analyzed = actors(parse(text))
    sub = "Government regains territory"
    first = _candidate(analyzed, "recaptured by", "Battles", sub)
    first = replace(
        first, trigger=Span(first.trigger.start, first.trigger.start + 10, "recaptured")
    )
    second = _candidate(analyzed, "recaptured Baidoa", "Battles", sub)
    second = replace(
        second, trigger=Span(second.trigger.start, second.trigger.start + 10, "recaptured")
    )
    done = roles(replace(analyzed, candidates=(first, second)))
    for c in done.candidates:
        assert c.actor1 is not None and c.actor1.actor.name.startswith("Military Forces of Somalia")
        assert c.actor2 is not None and c.actor2.actor.name.startswith("Al Shabaab")
        assert [m.actor.name for m in c.assoc_actor_1] == ["Military Forces of Kenya (2013-2022)"]
