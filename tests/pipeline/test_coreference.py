"""Within-report coreference: one action told twice is one event; two actions stay two."""

from __future__ import annotations

from collections.abc import Callable

from conflictscope.document import AnalyzedArticle

CROWD = (
    "Police fire on protesters in Lusaka\n\n"
    "LUSAKA - Police opened fire on protesters in Lusaka on Sunday, wounding several people. "
    "Clashes broke out in Lusaka on Sunday as demonstrators threw stones at officers."
)
SEQUENCE = (
    "Gunmen killed 12 villagers in an attack on Kawuri, near Maiduguri, on Sunday, residents said. "
    "Nigerian troops later clashed with the attackers on the outskirts of the village."
)


def test_one_demonstration_read_under_two_sub_types_is_one_event(
    analyze: Callable[..., AnalyzedArticle],
) -> None:
    events = analyze(CROWD, published="2024-03-04").events
    crowd = [e for e in events if e.event_type in ("Protests", "Riots")]
    assert len(crowd) == 1, [(e.sub_event_type, e.location, e.event_date) for e in crowd]


def test_an_attack_and_the_clash_that_followed_stay_two_events(
    analyze: Callable[..., AnalyzedArticle],
) -> None:
    events = analyze(SEQUENCE, published="2024-03-04").events
    kinds = {e.sub_event_type for e in events}
    assert {"Attack", "Armed clash"} <= kinds, kinds
