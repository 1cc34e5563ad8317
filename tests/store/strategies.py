"""Hypothesis strategies for every field of an Event (and small fixtures)."""

from __future__ import annotations

from datetime import date

from hypothesis import strategies as st

from conflictscope.models import Event, Source, Span, stable_id
from conflictscope.taxonomy import EVENT_TYPE_OF

# Text that survives CSV/JSON/SQL: any unicode except surrogates and NUL.
text = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"), max_size=30)
short = st.text(st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
                min_size=1, max_size=20)
dates = st.dates(min_value=date(1990, 1, 1), max_value=date(2030, 12, 31))
small_int = st.integers(min_value=0, max_value=10**9)
opt_int = st.none() | small_int
codes = st.none() | st.integers(min_value=1, max_value=7)
lat = st.none() | st.floats(min_value=-90, max_value=90, allow_nan=False)
lon = st.none() | st.floats(min_value=-180, max_value=180, allow_nan=False)
certainty = st.sampled_from(["confirmed", "reported", "unconfirmed", "claimed", "denied"])
spans = st.builds(Span, st.integers(0, 10**6), st.integers(0, 10**6), text)
sources = st.builds(
    Source, article_id=short, publisher=text, url=text, published=st.none() | dates,
    attributed_to=st.none() | text, certainty=certainty,
)
field_names = st.sampled_from(
    ["event_type", "actor1", "actor2", "location", "event_date", "fatalities", "sources", "notes"]
)


@st.composite
def events(draw: st.DrawFn, article_id: str | None = None) -> Event:
    """An Event with every field drawn (lat/lon both set or both None)."""
    sub = draw(st.sampled_from(sorted(EVENT_TYPE_OF)))
    aid = article_id or draw(short)
    la, lo = draw(lat), draw(lon)
    if (la is None) != (lo is None):
        la = lo = None
    return Event(
        event_id=stable_id("event", aid, draw(st.integers(0, 10**9))),
        article_id=aid,
        pipeline_version=draw(st.sampled_from(["conflictscope-0.1.0+aaaa", "conflictscope-0.2.0+b"])),
        event_type=EVENT_TYPE_OF[sub],
        sub_event_type=sub,
        disorder_type=draw(st.sampled_from(["Political violence", "Demonstrations",
                                            "Strategic developments", ""])),
        civilian_targeting=draw(st.booleans()),
        confidence=draw(st.floats(min_value=0, max_value=1, allow_nan=False)),
        actor1=draw(text),
        inter1=draw(st.integers(0, 8)),
        actor2=draw(text),
        inter2=draw(st.integers(0, 8)),
        assoc_actor_1=tuple(draw(st.lists(short, max_size=3))),
        assoc_actor_2=tuple(draw(st.lists(short, max_size=3))),
        interaction=draw(st.integers(0, 88)),
        country=draw(text),
        iso3=draw(st.sampled_from(["", "SYR", "IRQ", "NGA", "UKR", "MEX"])),
        admin1=draw(text),
        admin2=draw(text),
        location=draw(text),
        latitude=la,
        longitude=lo,
        geo_precision=draw(st.none() | st.integers(1, 3)),
        where_prec=draw(codes),
        gazetteer_id=draw(st.sampled_from(["", "163345", "geonames:1"])),
        event_date=draw(st.none() | dates),
        date_start=draw(st.none() | dates),
        date_end=draw(st.none() | dates),
        time_precision=draw(st.none() | st.integers(1, 3)),
        date_prec=draw(st.none() | st.integers(1, 5)),
        is_background=draw(st.booleans()),
        fatalities=draw(opt_int),
        fatalities_low=draw(opt_int),
        fatalities_best=draw(opt_int),
        fatalities_high=draw(opt_int),
        fatalities_by_side=tuple(draw(st.lists(st.tuples(short, small_int), max_size=2))),
        sources=tuple(draw(st.lists(sources, max_size=2))),
        evidence=draw(st.dictionaries(field_names, st.lists(spans, min_size=1, max_size=2).map(tuple),
                                      max_size=3)),
        notes=draw(text),
    )
