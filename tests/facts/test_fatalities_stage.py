"""The fatalities stage: figures placed on the right event, with their sources."""

from __future__ import annotations

import pytest

from conflictscope.pipeline.fatalities import fatalities

from .helpers import candidate, with_candidates


@pytest.mark.parametrize(
    ("text", "trigger", "expected", "source"),
    [
        ("Reports from the town say about 40 soldiers were killed in the assault.", "assault",
         (36, 40, 44, "soldiers"), "reports from the town"),
        ("Gunmen attacked a bus near the town on Sunday. At least 12 people were killed, including three children.",
         "attacked", (12, 12, None, None), None),
        ("A suicide bomber struck a mosque, killing 6 worshippers. The death toll later rose to 31, officials said.",
         "struck", (31, 31, 31, None), "officials"),
        ("Airstrikes hit a market in the town, killing at least 20 civilians, according to the Syrian Observatory.",
         "hit", (20, 20, None, "civilians"), "Syrian Observatory"),
        ("Police said 12 people died in the attack, while activists said 20 were killed.", "attack",
         (12, 12, 20, None), "police; activists"),
        ("Militants overran an army post, killing two soldiers and an unknown number of their own fighters.",
         "overran", (2, None, None, None), None),
    ],
)
def test_stage_fatalities(parse, text: str, trigger: str, expected: tuple, source: str | None) -> None:  # type: ignore[no-untyped-def,type-arg]
    analyzed = parse(text)
    result = fatalities(with_candidates(analyzed, candidate(analyzed, trigger)))
    deaths = result.candidates[0].fatalities
    assert deaths is not None
    assert (deaths.low, deaths.best, deaths.high, deaths.side) == expected
    assert deaths.attributed_to == source
    spans = result.candidates[0].evidence["fatalities"]
    assert spans and all(result.text[s.start : s.end] == s.text for s in spans)


def test_new_event_marker_stops_continuation(parse) -> None:  # type: ignore[no-untyped-def]
    analyzed = parse("Gunmen attacked a bus on Sunday. Separately, five soldiers were killed by a roadside bomb.")
    result = fatalities(with_candidates(analyzed, candidate(analyzed, "attacked")))
    assert result.candidates[0].fatalities is None


def test_two_events_in_one_sentence_do_not_share_a_figure(parse) -> None:  # type: ignore[no-untyped-def]
    analyzed = parse("Militants stormed the village, killing 5 civilians, and troops later shelled the hills.")
    result = fatalities(with_candidates(
        analyzed, candidate(analyzed, "stormed"), candidate(analyzed, "shelled")
    ))
    stormed, shelled = result.candidates
    assert stormed.fatalities is not None and stormed.fatalities.best == 5
    assert shelled.fatalities is None


def test_a_figure_is_counted_once_across_sentences(parse) -> None:  # type: ignore[no-untyped-def]
    analyzed = parse("Troops attacked the town at dawn. Airstrikes killed 9 people in the port.")
    result = fatalities(with_candidates(
        analyzed, candidate(analyzed, "attacked"), candidate(analyzed, "Airstrikes", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike")
    ))
    attacked, strikes = result.candidates
    assert attacked.fatalities is None
    assert strikes.fatalities is not None and strikes.fatalities.best == 9


def test_deaths_go_to_the_violent_event_not_a_development(parse) -> None:  # type: ignore[no-untyped-def]
    analyzed = parse("Militants captured the hill after heavy fighting. About 30 soldiers were killed and the rest fled.")
    result = fatalities(with_candidates(
        analyzed,
        candidate(analyzed, "captured", sub_event_type="Non-state actor overtakes territory"),
        candidate(analyzed, "fled", event_type="Strategic developments", sub_event_type="Other"),
    ))
    captured, fled = result.candidates
    assert captured.fatalities is not None and captured.fatalities.best == 30
    assert captured.fatalities.side == "soldiers"
    assert fled.fatalities is None


def test_absurd_number_is_rejected_and_flagged(parse) -> None:  # type: ignore[no-untyped-def]
    analyzed = parse("Gunmen attacked the village and 1000000000 people were killed.")
    result = fatalities(with_candidates(analyzed, candidate(analyzed, "attacked")))
    assert result.candidates[0].fatalities is None
    assert any("implausible" in w for w in result.warnings)


def test_acled_figure_is_the_stated_number(parse) -> None:  # type: ignore[no-untyped-def]
    analyzed = parse("Reports say about 50 soldiers were killed in the attack.")
    result = fatalities(with_candidates(analyzed, candidate(analyzed, "attack")))
    stored = result.layers["fatalities.figures"]
    (entry,) = stored.values()
    assert entry["acled"] == 50
    assert entry["figures"][0]["text"] == "about 50 soldiers were killed"


@pytest.mark.parametrize("text", ["", "💥 killed 💥", "Лорем ипсум убит.", "killed " * 300])
def test_odd_input_never_crashes(parse, text: str) -> None:  # type: ignore[no-untyped-def]
    analyzed = parse(text)
    assert fatalities(analyzed) == analyzed
    if analyzed.sentences and "killed" in text:
        fatalities(with_candidates(analyzed, candidate(analyzed, "killed")))


def test_casualty_sentence_goes_to_the_takeover_not_the_clash(parse) -> None:  # type: ignore[no-untyped-def]
    analyzed = parse(
        "Rebels have retaken the town of Example after a week of fighting. "
        "Witnesses say rebels and soldiers fought in the streets. "
        "A resident said the town was quiet now. "
        "About 20 soldiers were killed, according to local sources."
    )
    result = fatalities(with_candidates(
        analyzed,
        candidate(analyzed, "retaken", sub_event_type="Non-state actor overtakes territory"),
        candidate(analyzed, "fought"),
    ))
    retaken, fought = result.candidates
    assert retaken.fatalities is not None and retaken.fatalities.best == 20
    assert retaken.fatalities.attributed_to == "local sources"
    assert fought.fatalities is None


def test_casualty_sentence_goes_to_the_nearest_strike(parse) -> None:  # type: ignore[no-untyped-def]
    analyzed = parse(
        "Militants seized the village on Monday. Warplanes then bombed the market. "
        "Twelve people were killed."
    )
    result = fatalities(with_candidates(
        analyzed,
        candidate(analyzed, "seized", sub_event_type="Non-state actor overtakes territory"),
        candidate(analyzed, "bombed", event_type="Explosions/Remote violence", sub_event_type="Air/drone strike"),
    ))
    seized, bombed = result.candidates
    assert seized.fatalities is None
    assert bombed.fatalities is not None and bombed.fatalities.best == 12


def test_strategic_developments_get_no_deaths(parse) -> None:  # type: ignore[no-untyped-def]
    analyzed = parse("The group destroyed a shrine and beheaded its guardian.")
    result = fatalities(with_candidates(
        analyzed,
        candidate(analyzed, "destroyed", event_type="Strategic developments", sub_event_type="Looting/property destruction"),
    ))
    assert result.candidates[0].fatalities is None
