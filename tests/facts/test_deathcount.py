"""Death figures read from single hand-written sentences (rules only, no parse)."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conflictscope.document import Sentence
from conflictscope.models import Fatalities
from conflictscope.pipeline.deathcount import find_figures
from conflictscope.pipeline.fatalities import Reading, combine

Expected = tuple[int | None, int | None, int | None, str | None] | None


def read(text: str) -> Fatalities | None:
    """The fatalities one candidate of this sentence would get."""
    figures, _ = find_figures(text)
    sentence = Sentence(0, 0, len(text), text)
    result = combine([Reading(f, sentence, None) for f in figures]) if figures else None
    return result[0] if result else None


CASES: list[tuple[str, Expected]] = [
    ("Reports from the town say about 50 government soldiers were killed.", (45, 50, 55, "government soldiers")),
    ("The blast left at least 12 dead, including three children.", (12, 12, None, None)),
    ("Dozens killed as fighting spreads to the port city.", (24, None, 99, None)),
    ("Gunmen stormed a wedding party, killing 6 civilians.", (6, 6, 6, "civilians")),
    # the killer among the dead: he is one of the event's deaths
    ("The gunman killed three shoppers and himself at the mall.", (4, 4, 4, None)),
    ("The man shot dead two neighbours and then himself.", (3, 3, 3, None)),
    # killing "to death" with a verb of its manner was no death
    ("ADF rebels hacked 22 people to death overnight in the village.", (22, 22, 22, None)),
    ("The attackers stabbed two guards and fled.", None),
    # an aside on who the victims were hid the toll
    ("At least 100 people, most of them women and children, died when the camp was shelled.", (100, 100, None, None)),
    # the trailing source was read as a third victim of the list
    ("Russian forces shelled the town, killing two civilians, the regional governor said.", (2, 2, 2, "civilians")),
    ("The death toll rose to 31 by Tuesday evening.", (31, 31, 31, None)),
    ("Fifty-three people were killed and 30 wounded in the raids.", (53, 53, 53, None)),
    ("The rebels killed 12 soldiers and wounded five others.", (12, 12, 12, "soldiers")),
    ("Eight militants killed 3 policemen at a checkpoint.", (3, 3, 3, "policemen")),
    ("The group beheaded a local journalist last week.", (1, 1, 1, "local journalist")),
    ("A soldier was killed and two civilians were wounded.", (1, 1, 1, "soldier")),
    ("No one was killed in the explosion.", (0, 0, 0, None)),
    ("Nobody was hurt in the attack.", (0, 0, 0, None)),
    ("Between 30 and 40 villagers were killed in the massacre.", (30, 30, 40, "villagers")),
    ("Airstrikes killed 20 to 25 civilians in the town.", (20, 20, 25, "civilians")),
    ("Twelve people, including three children, were killed.", (12, 12, 12, None)),
    ("At least seven people are feared dead after the strike.", (7, 7, None, None)),
    ("The bombing claimed 14 lives.", (14, 14, 14, None)),
    ("Some 200 fighters died in the battle for the airport.", (180, 200, 220, "fighters")),
    ("Nearly 40 people were killed.", (36, 40, 40, None)),
    ("More than 100 protesters have been killed since March.", (100, 100, None, "protesters")),
    ("Up to 20 people died in the shelling.", (None, 20, 20, None)),
    ("Hundreds of civilians have been killed in the siege.", (200, None, 999, "civilians")),
    ("Several policemen were killed in the ambush.", (3, None, 9, "policemen")),
    ("Commander Abu Omar was killed in a drone strike.", (1, 1, 1, "Commander Abu Omar")),
    ("The soldiers shot dead two protesters.", (2, 2, 2, "protesters")),
    ("A 12-year-old boy was killed by a stray bullet.", (1, 1, 1, "12-year-old boy")),
    ("The blast killed at least 15 people and wounded 40.", (15, 15, None, None)),
    ("The clashes left scores of people dead.", (40, None, 199, None)),
    ("A dozen soldiers were killed at the checkpoint.", (12, 12, 12, "soldiers")),
    ("He was shot dead outside his home.", (1, 1, 1, None)),
    ("The 2016 attack killed 86 people.", (86, 86, 86, None)),
    ("Eleven miners were rescued and 3 were found dead.", (3, 3, 3, None)),
    ("In 2015 militants killed 40 villagers.", (40, 40, 40, "villagers")),
    ("2000 people were killed in the massacre.", (2000, 2000, 2000, None)),
    # "fatally" makes any harm a killing (regression: "were fatally shot" gave no toll)
    ("Three people were fatally shot outside the bar.", (3, 3, 3, None)),
    ("Two people were fatally stabbed at the market.", (2, 2, 2, None)),
    # not fatalities: injured only, casualties, unrelated causes, hypothetical, unknown
    ("Twelve people were wounded in the blast.", None),
    ("The attack caused 40 casualties, a doctor said.", None),
    ("Five people were killed or wounded in the clashes.", None),
    ("Three prisoners died of cholera in the jail.", None),
    ("Two people died in a car accident on the highway.", None),
    ("At least 1,200 people died in the floods.", None),
    ("The bomb could have killed hundreds of people.", None),
    ("IS threatened to kill 20 hostages.", None),
    ("There were no immediate reports of casualties.", None),
    ("Several buildings were destroyed in the shelling.", None),
    ("Many people were killed in the fighting.", None),
    ("The 2019 shooting deaths shocked the city.", None),
    ("She killed the engine and left.", None),
    ("Thousands of people ISIS executed were buried here.", None),  # relative clause: not read
    # absurd numbers are rejected (and flagged, see test_absurd_numbers_are_flagged)
    ("1000000000 killed in the raid.", None),
    ("Two million people were killed in the clashes.", None),
]


@pytest.mark.parametrize(("text", "expected"), CASES)
def test_sentence_deaths(text: str, expected: Expected) -> None:
    deaths = read(text)
    if expected is None:
        assert deaths is None
    else:
        assert deaths is not None
        assert (deaths.low, deaths.best, deaths.high, deaths.side) == expected


@pytest.mark.parametrize(
    ("text", "total", "by_side"),
    [
        ("The ambush killed two soldiers and an unknown number of militants.", (2, None, None), (("soldiers", 2),)),
        ("Two soldiers and five militants were killed in the clashes.", (7, 7, 7), (("soldiers", 2), ("militants", 5))),
        ("The militants killed twenty-three villagers and a policeman.", (24, 24, 24), (("villagers", 23), ("policeman", 1))),
        ("The army said it killed 35 militants, while the rebels said 12 soldiers died.", (47, 47, 47), (("militants", 35), ("soldiers", 12))),
    ],
)
def test_deaths_per_side(
    text: str, total: tuple[int | None, int | None, int | None], by_side: tuple[tuple[str, int], ...]
) -> None:
    deaths = read(text)
    assert deaths is not None
    assert (deaths.low, deaths.best, deaths.high) == total
    assert deaths.by_side == by_side
    assert deaths.side is None


def test_conflicting_figures_make_a_range() -> None:
    deaths = read("Police said 12 people died, but residents put the death toll at 20.")
    assert deaths is not None
    assert (deaths.low, deaths.best, deaths.high) == (12, 12, 20)


def test_update_supersedes_first_figure() -> None:
    figures, _ = find_figures("A bomber struck a mosque, killing 6 worshippers; the death toll later rose to 31.")
    text = "x" * 200
    sentence = Sentence(0, 0, len(text), text)
    result = combine([Reading(f, sentence, None) for f in figures])
    assert result is not None
    deaths, acled = result
    assert (deaths.low, deaths.best, deaths.high) == (31, 31, 31)
    assert deaths.side is None
    assert acled == 31


@pytest.mark.parametrize("text", ["1000000000 killed in the raid.", "The strikes killed 250,000 people."])
def test_absurd_numbers_are_flagged(text: str) -> None:
    figures, warnings = find_figures(text)
    assert figures == []
    assert warnings and "implausible" in warnings[0]


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=300))
def test_any_text_never_crashes(text: str) -> None:
    figures, _ = find_figures(text)
    for figure in figures:
        assert 0 <= figure.start <= figure.end <= len(text)


@settings(max_examples=100, deadline=None)
@given(st.lists(st.sampled_from(
    ["about", "at least", "12", "dozens", "of", "people", "soldiers", "were", "killed", "and",
     "killing", "dead", "the", "toll", "rose", "to", "wounded", ",", "no", "one", "9" * 30]
), max_size=25))
def test_death_words_in_any_order_never_crash(words: list[str]) -> None:
    text = " ".join(words)
    figures, _ = find_figures(text)
    sentence = Sentence(0, 0, len(text), text)
    if figures:
        combine([Reading(f, sentence, None) for f in figures])
