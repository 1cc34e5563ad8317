"""Role assignment on hand-written sentences: candidates are built by hand (trigger = verb)."""

from __future__ import annotations

import pytest

from builders import candidate_at
from conflictscope.actors.roles import FALLBACK_FACTOR, assign_roles
from conflictscope.document import AnalyzedArticle
from conflictscope.models import EventCandidate
from conflictscope.pipeline.actors import actors
from conflictscope.pipeline.roles import roles


def candidate(
    analyzed: AnalyzedArticle,
    trigger: str,
    event_type: str = "Battles",
    sub_event_type: str = "Armed clash",
    occurrence: int = 0,
) -> EventCandidate:
    """A candidate whose trigger is the ``occurrence``-th ``trigger`` of the text."""
    return candidate_at(analyzed, trigger, event_type=event_type, sub_event_type=sub_event_type,
                        confidence=0.8, occurrence=occurrence)


@pytest.fixture
def run(parse):  # type: ignore[no-untyped-def]
    def go(
        text: str,
        trigger: str,
        event_type: str = "Battles",
        sub_event_type: str = "Armed clash",
        occurrence: int = 0,
    ) -> EventCandidate:
        analyzed = actors(parse(text))
        return assign_roles(
            analyzed, candidate(analyzed, trigger, event_type, sub_event_type, occurrence)
        )

    return go


def name(mention) -> str:  # type: ignore[no-untyped-def]
    return mention.actor.name if mention is not None else ""


@pytest.mark.parametrize(
    ("text", "trigger", "actor1", "actor2"),
    [
        # active voice
        (
            "Boko Haram fighters attacked Nigerian soldiers near Maiduguri on Monday.",
            "attacked",
            "Boko Haram",
            "Military Forces of Nigeria",
        ),
        (
            "Somali troops ambushed al-Shabaab militants in Somalia on Tuesday.",
            "ambushed",
            "Military Forces of Somalia",
            "Al Shabaab",
        ),
        # passive voice with an agent
        (
            "The Malian soldiers were ambushed by JNIM fighters near Mopti.",
            "ambushed",
            "Jama'at Nasr al-Islam wal Muslimin",
            "Military Forces of Mali",
        ),
        (
            "The town was recaptured by Iraqi troops from ISIS on Friday.",
            "recaptured",
            "Military Forces of Iraq",
            "Islamic State",
        ),
        # "against X"
        (
            "The Taliban launched an assault against Afghan police in Kunduz.",
            "launched",
            "Taliban",
            "Police Forces of Afghanistan",
        ),
        # reciprocal verb with conjoined subjects
        (
            "Houthi rebels and Yemeni government forces clashed in Marib.",
            "clashed",
            "Houthi Movement",
            "Military Forces of Yemen",
        ),
        # "clashes between X and Y"
        (
            "Clashes between the RSF and the Sudanese army left 12 dead in Khartoum.",
            "Clashes",
            "Rapid Support Forces",
            "Military Forces of Sudan",
        ),
        # a country name acts through its state forces
        (
            "Russia launched air strikes on rebel positions in Idlib, Syria.",
            "launched",
            "Military Forces of Russia",
            "Opposition Rebels (Syria)",
        ),
        (
            "The armed militants killed a policeman during the raid in Kenya.",
            "killed",
            "Unidentified Armed Group (Kenya)",
            "Police Forces of Kenya",
        ),
        # misparsed acronym subject ("IS" read as an auxiliary)
        (
            "IS destroyed the shrine and beheaded a local teacher in Syria.",
            "beheaded",
            "Islamic State",
            "Civilians (Syria)",
        ),
    ],
)
def test_actor1_and_actor2(run, text, trigger, actor1, actor2) -> None:  # type: ignore[no-untyped-def]
    event_type = "Violence against civilians" if trigger == "beheaded" else "Battles"
    result = run(text, trigger, event_type)
    assert name(result.actor1).startswith(actor1)
    assert name(result.actor2).startswith(actor2)
    assert result.evidence["actor1"] == (result.actor1.span,)


def test_victims_become_civilians_of_the_report_country(run) -> None:  # type: ignore[no-untyped-def]
    text = "Gunmen stormed a market in Zamfara state, Nigeria, killing 6 civilians."
    result = run(text, "stormed", "Violence against civilians", "Attack")
    assert name(result.actor1) == "Unidentified Armed Group (Nigeria)"
    assert name(result.actor2) == "Civilians (Nigeria)"
    assert result.actor2.span.text == "civilians"


def test_object_of_violence_against_civilians_is_civilian(run) -> None:  # type: ignore[no-untyped-def]
    text = "Al-Shabaab militants abducted two aid workers in Somalia's Gedo region."
    result = run(text, "abducted", "Violence against civilians", "Abduction/forced disappearance")
    assert name(result.actor1).startswith("Al Shabaab")
    assert name(result.actor2) == "Civilians (Somalia)"


def test_backed_by_gives_an_associated_actor(run) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Ukrainian forces were backed by Polish volunteers when they retook the village. "
        "Iraqi troops, backed by the US military, recaptured Mosul from ISIS."
    )
    result = run(text, "recaptured", "Battles", "Government regains territory")
    assert name(result.actor1).startswith("Military Forces of Iraq")
    assert [name(m) for m in result.assoc_actor_1] == [
        "Military Forces of the United States (2009-2017)"
    ]
    assert name(result.actor2).startswith("Islamic State")
    assert "assoc_actor_1" in result.evidence


def test_country_pronoun_subject(run) -> None:  # type: ignore[no-untyped-def]
    text = "Ethiopia said on Monday it had bombed rebel camps in Tigray."
    result = run(text, "bombed", "Explosions/Remote violence", "Air/drone strike")
    assert name(result.actor1).startswith("Military Forces of Ethiopia")
    assert result.actor1.span.text == "it"


def test_pronoun_subject_in_backed_clause(run) -> None:  # type: ignore[no-untyped-def]
    text = "Malian soldiers were supported by French commandos after they retook Kidal from JNIM."
    result = run(text, "retook", "Battles", "Government regains territory")
    assert name(result.actor1).startswith("Military Forces of Mali")
    assert result.actor1.generic and result.actor1.span.text == "they"
    assert [name(m) for m in result.assoc_actor_1] == ["Military Forces of France"]
    assert name(result.actor2).startswith("Jama'at Nasr")


def test_hyphen_backed_gives_an_associated_actor(run) -> None:  # type: ignore[no-untyped-def]
    text = "Iranian-backed Houthi fighters seized a district in Yemen."
    result = run(text, "seized", "Battles", "Non-state actor overtakes territory")
    assert name(result.actor1).startswith("Houthi Movement")
    assert [name(m) for m in result.assoc_actor_1] == ["Military Forces of Iran (1989-)"]


def test_conjoined_attackers_are_associated(run) -> None:  # type: ignore[no-untyped-def]
    text = "ADF and CODECO fighters attacked a camp for displaced people in Ituri, DR Congo."
    result = run(text, "attacked", "Violence against civilians", "Attack")
    assert name(result.actor1) == "Allied Democratic Forces (Democratic Republic of Congo)"
    assert [name(m) for m in result.assoc_actor_1] == ["CODECO"]


def test_support_of_air_strikes(run) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Iraqi troops have battled ISIS fighters around Hawija for a month. "
        "On Sunday the district fell back under state control with the help of drone strikes "
        "by the US military."
    )
    result = run(text, "fell", "Battles", "Government regains territory")
    assert name(result.actor1).startswith("Military Forces of Iraq")
    assert [name(m) for m in result.assoc_actor_1] == [
        "Military Forces of the United States (2009-2017)"
    ]
    assert name(result.actor2).startswith("Islamic State")


def test_fallback_to_previous_sentence_lowers_confidence(run) -> None:  # type: ignore[no-untyped-def]
    text = (
        "Boko Haram fighters overran a base in Borno state, Nigeria. "
        "Dozens of soldiers were killed in the raid on Sunday."
    )
    result = run(text, "killed")
    assert name(result.actor1).startswith("Boko Haram")
    assert result.actor1.generic
    assert result.confidence == pytest.approx(0.8 * FALLBACK_FACTOR)
    assert name(result.actor2).startswith("Military Forces of Nigeria")


def test_no_actor_anywhere_leaves_roles_empty(run) -> None:  # type: ignore[no-untyped-def]
    result = run(
        "A loud blast was heard near the port on Sunday.",
        "blast",
        "Explosions/Remote violence",
        "Remote explosive/landmine/IED",
    )
    assert result.actor1 is None and result.actor2 is None
    assert result.confidence == 0.8


def test_stage_fills_every_candidate(parse) -> None:  # type: ignore[no-untyped-def]
    from dataclasses import replace

    analyzed = actors(
        parse("Taliban fighters attacked Afghan soldiers in Helmand. Police arrested two men.")
    )
    cands = (
        candidate(analyzed, "attacked"),
        candidate(analyzed, "arrested", "Strategic developments", "Arrests"),
    )
    done = roles(replace(analyzed, candidates=cands))
    assert name(done.candidates[0].actor1).startswith("Taliban")
    assert name(done.candidates[0].actor2).startswith("Military Forces of Afghanistan")
    assert name(done.candidates[1].actor1).startswith("Police Forces of Afghanistan")


def test_conjoined_passives_share_their_agent(run) -> None:  # type: ignore[no-untyped-def]
    # "tortured and killed by police": the agent hangs on "killed" only
    result = run("Two men had been tortured and killed by police in Grozny.", "tortured",
                 "Violence against civilians", "Attack")
    assert name(result.actor1).startswith("Police Forces")


def test_police_of_no_named_country_take_the_events_country() -> None:
    # "by police" in a report placed in Russia was coded "Police Forces", with no country
    from conflictscope.actors.dictionary import load_dictionary, localize

    police = load_dictionary().state_actor(None, "police", None)
    assert localize(police, "RUS").name.startswith("Police Forces of Russia")
    assert localize(police, None).name == "Police Forces"
