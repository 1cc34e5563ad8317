"""A town outside the first-level region a report is anchored in needs support there
(:mod:`conflictscope.gazetteer.regional`): the region's namesake, or no place, for an ambiguous
small town; a big city or a town with a name of its own stays where it is."""

from __future__ import annotations

from collections.abc import Callable

from conflictscope.document import AnalyzedArticle
from conflictscope.gazetteer.geoparse import geoparse
from conflictscope.gazetteer.index import ALTERNATE, FUZZY, MAIN, Entry, Gazetteer, Match
from conflictscope.gazetteer.regional import anchor_region, in_anchor_region, region_votes
from conflictscope.gazetteer.resolve import Resolution, Toponym
from conflictscope.models import Span

TEXAS, OREGON, OHIO = 10, 20, 30
_STATES = {TEXAS: "Texas", OREGON: "Oregon", OHIO: "Ohio"}
_ids = iter(range(100, 10_000))


def _town(name: str, state: int, *, lat: float, lon: float, population: int = 3000) -> Entry:
    return Entry(next(_ids), "t", name, "city", "US", "USA", "United States", _STATES[state], "", state, 0,
                 lat, lon, population)


def _resolved(name: str, at: int, entry: Entry, kind: int = MAIN, runners_up: tuple[Match, ...] = ()) -> Resolution:
    return Resolution(Toponym(Span(at, at + len(name), name), name), Match(entry, kind), 0.9, len(runners_up),
                      runners_up)


# a Texas report: its dateline town, a second Texas town, and a name resolved to an Oregon namesake
_DATELINE = _resolved("Waco", 0, _town("Waco", TEXAS, lat=31.55, lon=-97.15, population=138_000))
_SECOND = _resolved("Hewitt", 200, _town("Hewitt", TEXAS, lat=31.46, lon=-97.20))
_OREGON_NAMESAKE = _town("Riverbend", OREGON, lat=44.0, lon=-123.0)


def test_a_dateline_anchors_the_report_in_its_region_alone() -> None:
    votes = region_votes([_DATELINE], anchored_at=0)
    assert anchor_region(votes) == ("US", TEXAS)
    assert anchor_region(region_votes([_DATELINE])) is None  # one name that is no dateline anchors nothing


def test_a_report_split_between_regions_has_no_anchor() -> None:
    ohio = _resolved("Lima", 300, _town("Lima", OHIO, lat=40.74, lon=-84.1, population=37_000))
    dayton = _resolved("Dayton", 400, _town("Dayton", OHIO, lat=39.76, lon=-84.19, population=140_000))
    xenia = _resolved("Xenia", 450, _town("Xenia", OHIO, lat=39.68, lon=-83.93, population=26_000))
    # Texas has 3 of the 6 votes (the dateline counts twice): under the share an anchor needs
    assert anchor_region(region_votes([_DATELINE, _SECOND, ohio, dayton, xenia], anchored_at=0)) is None


def test_an_ambiguous_town_in_another_region_is_no_place_of_the_report() -> None:
    namesake = Match(_town("Riverbend", OHIO, lat=40.0, lon=-83.0), MAIN)
    stray = _resolved("Riverbend", 500, _OREGON_NAMESAKE, runners_up=(namesake,))
    votes = region_votes([_DATELINE, _SECOND, stray], anchored_at=0)
    assert in_anchor_region(stray, votes, [_DATELINE, _SECOND, stray]) is None


def test_a_loose_spelling_or_another_name_chosen_among_namesakes_is_no_place_of_the_report() -> None:
    loose = _resolved("Rivrbend", 500, _OREGON_NAMESAKE, kind=FUZZY)
    namesake = Match(_town("Riverbend", OHIO, lat=40.0, lon=-83.0), MAIN)
    other_name = _resolved("Old Riverbend", 500, _OREGON_NAMESAKE, kind=ALTERNATE, runners_up=(namesake,))
    for stray in (loose, other_name):
        votes = region_votes([_DATELINE, _SECOND, stray], anchored_at=0)
        assert in_anchor_region(stray, votes, [_DATELINE, _SECOND, stray]) is None


def test_a_dateline_at_the_capital_anchors_little() -> None:
    # agencies file reports on the whole country from the capital: its dateline counts as one name
    capital = _resolved("Washington", 0, _town("Washington", TEXAS, lat=38.9, lon=-77.0, population=700_000))
    assert anchor_region(region_votes([capital], anchored_at=0)) is None


def test_a_namesake_in_the_anchor_region_is_read_there() -> None:
    in_texas = Match(_town("Riverbend", TEXAS, lat=31.0, lon=-97.0), MAIN)
    stray = _resolved("Riverbend", 500, _OREGON_NAMESAKE, runners_up=(in_texas,))
    votes = region_votes([_DATELINE, _SECOND, stray], anchored_at=0)
    read = in_anchor_region(stray, votes, [_DATELINE, _SECOND, stray])
    assert read is not None and read.match is in_texas
    assert read.toponym.within == "Texas"  # the container the final resolution keeps


def test_a_town_unique_in_its_country_or_a_big_city_stays_elsewhere() -> None:
    abroad = Entry(next(_ids), "t", "Riverbend", "city", "CA", "CAN", "Canada", "Ontario", "", 99, 0, 43.0, -81.0, 900)
    unique = _resolved("Riverbend", 500, _OREGON_NAMESAKE, runners_up=(Match(abroad, MAIN),))  # namesake abroad only
    big = _resolved("Portland", 600, _town("Portland", OREGON, lat=45.5, lon=-122.7, population=650_000),
                    kind=ALTERNATE, runners_up=(Match(_town("Portland", TEXAS, lat=27.9, lon=-97.3), MAIN),))
    others = [_DATELINE, _SECOND, unique, big]
    votes = region_votes(others, anchored_at=0)
    assert in_anchor_region(unique, votes, others) is unique
    assert in_anchor_region(big, votes, others) is big


def test_a_town_another_name_supports_stays_in_its_region() -> None:
    namesake = Match(_town("Riverbend", OHIO, lat=40.0, lon=-83.0), MAIN)
    stray = _resolved("Riverbend", 500, _OREGON_NAMESAKE, runners_up=(namesake,))
    near = _resolved("Eugene", 700, _town("Eugene", TEXAS, lat=44.05, lon=-123.09))  # 10 km away (a stub in Texas)
    in_oregon = _resolved("Salem", 800, _town("Salem", OREGON, lat=44.94, lon=-123.03))
    for other in (near, in_oregon):
        others = [_DATELINE, _SECOND, stray, other]
        votes = region_votes(others, anchored_at=0)
        assert in_anchor_region(stray, votes, others) is stray


_LOCAL_REPORT = (
    "AUSTIN, Texas (Hill Country Wire) — A man was shot dead outside a feed store in Plymouth on Friday "
    "night, the county sheriff said.\n\nPlymouth is a small settlement of ranches near Round Rock. "
    "The suspect was arrested two days later in Atlanta, deputies said."
)


def test_a_local_report_keeps_its_towns_in_its_state(parse: Callable[..., AnalyzedArticle],
                                                      real_gazetteer: Gazetteer) -> None:
    places = geoparse(parse(_LOCAL_REPORT), real_gazetteer).places
    found = {(m.span.text, m.place.admin1) for m in places}
    assert not any(name == "Plymouth" and state != "Texas" for name, state in found), found
    assert ("Round Rock", "Texas") in found
    assert ("Atlanta", "Georgia") in found  # a big city elsewhere stays where it is
