"""The merge core: blocking, scoring, order-independent and incremental clustering, canonical fields."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, timedelta
from random import Random

from hypothesis import given, settings
from hypothesis import strategies as st

from conflictscope.merge import Mention, add, canonical, cluster, may_match, mention_of, pair_score
from conflictscope.merge.mention import text_features
from conflictscope.models import Article, Event, Span

#: Towns of our own choosing: (name, region, latitude, longitude).
TOWNS = (("Springfield", "Illinois", 39.80, -89.64), ("Decatur", "Illinois", 39.84, -88.95),
         ("Riverton", "Wyoming", 43.02, -108.38))
#: Evidence texts written for these tests: two of one shooting, one of another.
TEXTS = (
    "Gunman opens fire at Maple Avenue bakery; clerk Dana Whitfield wounded",
    "Bakery clerk Dana Whitfield hurt when a gunman fired into the Maple Avenue shop",
    "Teenager Arlo Brandt injured by stray bullet near Cedar Park basketball court",
)


def make_mention(number: int, *, town: int = 0, day: int = 0, text: int = 0, deaths: int | None = None,
                 publisher: str = "", sub_event_type: str = "Attack", stated: bool = True) -> Mention:
    """A mention of our own: article ``a<number>``, a town of :data:`TOWNS`, a day of March 2021."""
    name, region, lat, lon = TOWNS[town]
    when = date(2021, 3, 1) + timedelta(days=day)
    words, names, shingles = text_features(TEXTS[text])
    family = "Violence against civilians" if sub_event_type == "Attack" else "Strategic developments"
    return Mention(
        mention_id=f"m{number:03d}", article_id=f"a{number:03d}", publisher=publisher or f"outlet{number}",
        published=when + timedelta(days=1), event_type=family, sub_event_type=sub_event_type,
        actor1="Unidentified Armed Group (United States)", actor2="Civilians (United States)",
        country="United States", admin1=region, location=name, gazetteer_id=f"g:{name}", latitude=lat,
        longitude=lon, geo_precision=1, event_date=when, date_start=when, date_end=when, time_precision=1,
        date_stated=stated, fatalities=deaths, fatalities_low=deaths, fatalities_high=deaths,
        words=words, names=names, shingles=shingles,
    )


def test_two_reports_of_one_shooting_link_and_another_town_stays_apart() -> None:
    first, second = make_mention(1, text=0), make_mention(2, text=1, day=1)
    elsewhere = make_mention(3, town=2, text=0)
    assert may_match(first, second) and pair_score(first, second) >= 0.5
    assert not may_match(first, elsewhere)  # Riverton lies over 1,000 km away
    assert cluster([first, second, elsewhere]).partition() == {frozenset({"m001", "m002"}), frozenset({"m003"})}


def test_a_different_shooting_in_the_same_town_on_the_same_day_stays_apart() -> None:
    first, other = make_mention(1, text=0), make_mention(2, text=2)
    assert may_match(first, other) and pair_score(first, other) < 0.5


def test_another_family_is_never_compared() -> None:
    assert not may_match(make_mention(1), make_mention(2, sub_event_type="Arrests"))


def test_two_events_of_one_article_are_not_linked_directly() -> None:
    first = make_mention(1)
    assert pair_score(first, replace(first, mention_id="m002")) == 0.0


def test_canonical_fields_follow_the_sources() -> None:
    mentions = [make_mention(1, deaths=1), make_mention(2, text=1, deaths=1),
                make_mention(3, text=1, day=1, deaths=2), make_mention(4, deaths=1, publisher="outlet1")]
    event = canonical(mentions)
    assert event.source_count == 3  # outlet1 twice counts once
    assert event.event_date is not None and event.event_date.value == date(2021, 3, 1)
    assert event.event_date.support == 2  # outlet1 and outlet2; outlet3 says the next day
    assert event.fatalities.value == 1 and (event.fatalities_low, event.fatalities_best, event.fatalities_high) == (1, 1, 2)
    assert event.location is not None and event.location.value == "Springfield"
    assert event.event_clarity == 1
    assert event.fatalities.mention_id in {"m001", "m002", "m004"}


def test_canonical_deaths_are_the_most_sourced_figure_the_lower_on_a_tie() -> None:
    event = canonical([make_mention(1, deaths=3), make_mention(2, deaths=2)])
    assert event.fatalities.value == 2
    assert canonical([make_mention(1)]).fatalities.value == 0  # none reported: ACLED codes 0


def test_a_date_no_text_states_is_unclear() -> None:
    assert canonical([make_mention(1, stated=False)]).event_clarity == 2


def test_mention_of_an_event_takes_the_article_and_the_evidence() -> None:
    text = "A clerk was shot at a bakery on Maple Avenue in Springfield on Monday."
    article = Article.from_text(text, id="r1", published=date(2021, 3, 2), title="Bakery clerk shot",
                                publisher="example.org")
    event = Event(event_id="e1", article_id="r1", pipeline_version="v", event_type="Violence against civilians",
                  sub_event_type="Attack", disorder_type="Political violence", civilian_targeting=True,
                  confidence=0.5, actor1="Unidentified Armed Group (United States)", inter1=3,
                  event_date=date(2021, 3, 1), evidence={"event_date": (Span(62, 68, "Monday"),)}, notes=text)
    mention = mention_of(event, article)
    assert (mention.article_id, mention.publisher, mention.published) == ("r1", "example.org", date(2021, 3, 2))
    assert mention.date_stated and {"bakery", "maple", "clerk"} <= mention.words and "springfield" in mention.names


#: Mentions of a few shootings in a few towns over a few days, texts and tolls varied.
MENTIONS = st.lists(
    st.builds(make_mention, st.integers(0, 40), town=st.integers(0, 2), day=st.integers(0, 6),
              text=st.integers(0, 2), deaths=st.none() | st.integers(0, 3),
              publisher=st.sampled_from(["", "outlet1", "outlet2"])),
    max_size=14, unique_by=lambda m: m.mention_id,
)


@settings(max_examples=60, deadline=None)
@given(MENTIONS, st.randoms(use_true_random=False))
def test_clusters_do_not_depend_on_the_order(mentions: list[Mention], rng: Random) -> None:
    shuffled = list(mentions)
    rng.shuffle(shuffled)
    assert cluster(shuffled).partition() == cluster(mentions).partition()
    assert cluster(shuffled).cluster_of == cluster(mentions).cluster_of


@settings(max_examples=60, deadline=None)
@given(MENTIONS, st.integers(0, 14))
def test_adding_mentions_gives_the_batch_clustering(mentions: list[Mention], cut: int) -> None:
    grown = add(cluster(mentions[cut:]), mentions[:cut])
    assert grown.partition() == cluster(mentions).partition()
    one_by_one = cluster([])
    for mention in reversed(mentions):
        one_by_one = add(one_by_one, [mention])
    assert one_by_one.partition() == cluster(mentions).partition()


@settings(max_examples=40, deadline=None)
@given(MENTIONS)
def test_adding_the_same_mentions_again_changes_nothing(mentions: list[Mention]) -> None:
    once = cluster(mentions)
    again = add(once, mentions)
    assert again.partition() == once.partition() and again.cluster_of == once.cluster_of


@settings(max_examples=40, deadline=None)
@given(MENTIONS, st.randoms(use_true_random=False))
def test_canonical_fields_do_not_depend_on_the_order(mentions: list[Mention], rng: Random) -> None:
    for members in cluster(mentions).clusters():
        shuffled = list(members)
        rng.shuffle(shuffled)
        assert canonical(shuffled) == canonical(members)


@settings(max_examples=200, deadline=None)
@given(st.integers(0, 2), st.integers(-3, 3), st.integers(0, 2), st.sampled_from((None, 0, 1, 4)),
       st.booleans(), st.sampled_from(("Attack", "Headquarters or base established")),
       st.sampled_from(("both", "no-date", "no-place", "no-coordinates", "span", "outside", "generic")),
       st.booleans())
def test_the_canonical_event_of_one_mention_is_the_general_rule_s(
        town: int, day: int, text: int, deaths: int | None, stated: bool, sub: str, shape: str,
        background: bool) -> None:
    """``canonical`` of one mention takes a short path (the store computes one per new mention):
    it equals the votes of the general rule."""
    from conflictscope.merge.canonical import _canonical

    mention = replace(make_mention(1, town=town, day=day, text=text, deaths=deaths, stated=stated,
                                   sub_event_type=sub), background=background)
    when = mention.event_date
    assert when is not None
    if shape == "no-date":
        mention = replace(mention, event_date=None, date_start=None, date_end=None, time_precision=None)
    elif shape == "no-place":
        mention = replace(mention, location="", latitude=None, longitude=None, geo_precision=None,
                          gazetteer_id="", admin1="")
    elif shape == "no-coordinates":
        mention = replace(mention, latitude=None, longitude=None, geo_precision=3)
    elif shape == "span":
        mention = replace(mention, date_start=when - timedelta(days=3), date_end=when + timedelta(days=3),
                          time_precision=2)
    elif shape == "outside":  # an event date outside its own span: no support
        mention = replace(mention, date_start=when + timedelta(days=2), date_end=when + timedelta(days=4))
    elif shape == "generic":
        mention = replace(mention, actor1="", actor2="", publisher="")
    assert canonical([mention]) == _canonical([mention])
