"""Who said it and how sure: the attribution stage on hand-written sentences."""

from __future__ import annotations

import pytest

from conflictscope.pipeline.attribution import attribution
from conflictscope.pipeline.sourcing import clean_source, regex_frames, resolve

from .helpers import candidate, with_candidates

CASES = [
    ("The Syrian Observatory for Human Rights said rebels shelled the airport.", "shelled",
     "Syrian Observatory for Human Rights", "reported"),
    ("An activist told the BBC that militants had captured the dam.", "captured", "an activist", "reported"),
    ("State media reported that troops recaptured the village.", "recaptured", "state media", "reported"),
    ("According to the IS-linked Amaq agency, its fighters destroyed three tanks.", "destroyed",
     "IS-linked Amaq agency", "claimed"),
    ("Reports from Raqqa say warplanes struck a bakery in the old city.", "struck", "reports from Raqqa", "reported"),
    ("Monitoring groups say dozens of fighters were killed near the border.", "killed", "monitoring groups", "reported"),
    ("There was an unconfirmed report that the garrison had surrendered.", "surrendered", None, "unconfirmed"),
    ("IS claimed responsibility for the bombing in the market.", "bombing", "IS", "claimed"),
    ("The army denied that its troops had withdrawn from the town.", "withdrawn", "the army", "denied"),
    ("Militants attacked a checkpoint overnight, the interior ministry said.", "attacked",
     "the interior ministry", "reported"),
    ("Police confirmed that two officers were shot dead at the checkpoint.", "shot", "police", "confirmed"),
    ("Gunmen reportedly abducted ten schoolgirls from the village.", "abducted", None, "reported"),
    ("Gunmen allegedly abducted ten schoolgirls from the village.", "abducted", None, "unconfirmed"),
    ("Rebels shelled the airport on Monday.", "shelled", None, "reported"),
    ("The Taliban said its fighters overran a police post in the district.", "overran", "Taliban", "claimed"),
    ("It was reported that soldiers looted the shops in the market.", "looted", None, "reported"),
    ("Heavy fighting raged in the city centre, said the Observatory.", "fighting", "Observatory", "reported"),
    ("A local official said airstrikes hit a market in the town, killing 12 people.", "hit",
     "a local official", "reported"),
    ("Troops are believed to have killed the rebel commander near the border.", "killed", None, "unconfirmed"),
    ("Military sources said soldiers killed 20 insurgents in the raid.", "killed", "military sources", "reported"),
    ("The British-based Syrian Observatory for Human Rights said IS fighters had reached the hospital.",
     "reached", "Syrian Observatory for Human Rights", "reported"),
    ("The activist-run Raqqa Media Centre said militants had seized the silos.", "seized",
     "Raqqa Media Centre", "reported"),
    ("Witnesses said soldiers opened fire on the crowd.", "opened fire", "witnesses", "reported"),
    ("Fighters from the group may have killed the hostages.", "killed", None, "unconfirmed"),
    ("An activist there told reporters that the town was now in rebel hands.", "hands", "an activist", "reported"),
    ("Unconfirmed reports say the rebels shot down a helicopter.", "shot", "unconfirmed reports", "unconfirmed"),
]


@pytest.mark.parametrize(("text", "trigger", "source", "certainty"), CASES)
def test_attribution(parse, text: str, trigger: str, source: str | None, certainty: str) -> None:  # type: ignore[no-untyped-def]
    analyzed = parse(text)
    result = attribution(with_candidates(analyzed, candidate(analyzed, trigger)))
    found = result.candidates[0].attribution
    assert found is not None
    assert (found.attributed_to, found.certainty) == (source, certainty)
    assert "sources" in result.candidates[0].evidence


@pytest.mark.parametrize(("text", "trigger", "source", "certainty"), CASES)
def test_attribution_without_parse(text: str, trigger: str, source: str | None, certainty: str) -> None:
    """Regex frames alone (unparsed sentences) agree on the cases they can read."""
    start = text.index(trigger)
    found_source, found_certainty, _ = resolve(regex_frames(text), start)
    if found_source is not None:
        assert found_source == source
    if source is None:
        assert found_certainty == certainty


@pytest.mark.parametrize(
    ("certainty_text", "factor"),
    [
        ("Rebels shelled the airport on Monday.", 1.0),
        ("There was an unconfirmed report that rebels shelled the airport.", 0.7),
        ("IS said its fighters shelled the airport.", 0.85),
        ("The army denied that rebels shelled the airport.", 0.4),
        ("Officials confirmed that rebels shelled the airport.", 1.0),
    ],
)
def test_hedges_lower_confidence(parse, certainty_text: str, factor: float) -> None:  # type: ignore[no-untyped-def]
    analyzed = parse(certainty_text)
    result = attribution(with_candidates(analyzed, candidate(analyzed, "shelled", confidence=0.8)))
    assert result.candidates[0].confidence == pytest.approx(0.8 * factor)


def test_pronoun_source_is_the_last_named_one(parse) -> None:  # type: ignore[no-untyped-def]
    analyzed = parse(
        "The Syrian Observatory for Human Rights reported heavy clashes in the east. "
        "It said rebels had seized two villages."
    )
    result = attribution(with_candidates(analyzed, candidate(analyzed, "seized")))
    assert result.candidates[0].attribution.attributed_to == "Syrian Observatory for Human Rights"


def test_disclaimer_sentence_makes_the_claim_unconfirmed(parse) -> None:  # type: ignore[no-untyped-def]
    analyzed = parse(
        "IS said its fighters killed 30 soldiers near the base. "
        "The claim could not be independently verified."
    )
    result = attribution(with_candidates(analyzed, candidate(analyzed, "killed")))
    found = result.candidates[0].attribution
    assert (found.attributed_to, found.certainty) == ("IS", "unconfirmed")
    assert any("verified" in span.text for span in result.candidates[0].evidence["sources"])


def test_two_clauses_two_sources(parse) -> None:  # type: ignore[no-untyped-def]
    analyzed = parse(
        "The Observatory said rebels shelled the airport, while state media said troops repelled an attack."
    )
    result = attribution(with_candidates(
        analyzed, candidate(analyzed, "shelled"), candidate(analyzed, "repelled")
    ))
    sources = [c.attribution.attributed_to for c in result.candidates]
    assert sources == ["Observatory", "state media"]


@pytest.mark.parametrize(
    ("raw", "clean"),
    [
        ("An activist there", "an activist"),
        ("The activist-run Palmyra Co-ordination Collective", "Palmyra Co-ordination Collective"),
        ("Reports from Palmyra", "reports from Palmyra"),
        ("the UK-based Syrian Observatory for Human Rights", "Syrian Observatory for Human Rights"),
        ("Rami Abdulrahman, who heads the monitor", "Rami Abdulrahman"),
    ],
)
def test_clean_source(raw: str, clean: str) -> None:
    assert clean_source(raw) == clean


@pytest.mark.parametrize("text", ["", "   ", "💥💥💥", "Лорем ипсум.", "said said said , , according to"])
def test_odd_input_never_crashes(parse, text: str) -> None:  # type: ignore[no-untyped-def]
    analyzed = parse(text)
    assert attribution(analyzed) == analyzed
    assert regex_frames(text) is not None


def test_continuing_sentence_adds_its_source(parse) -> None:  # type: ignore[no-untyped-def]
    analyzed = parse(
        "Rebel fighters have captured the town of Example. "
        "A resident told reporters that the town was now under rebel control."
    )
    result = attribution(with_candidates(
        analyzed, candidate(analyzed, "captured", sub_event_type="Non-state actor overtakes territory")
    ))
    (entry,) = result.layers["attribution.supporting"].values()
    assert [e["attributed_to"] for e in entry] == ["a resident"]
    assert any(s.text.startswith("A resident") for s in result.candidates[0].evidence["sources"])
