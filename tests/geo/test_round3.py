"""Round 3: containers, names inside longer names, split names, the focus, events abroad."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace

import pytest

from conflictscope.evaluation.geoparse import _medoid
from conflictscope.gazetteer.containers import link_containers
from conflictscope.gazetteer.geoparse import geoparse
from conflictscope.gazetteer.hosts import embedded_name
from conflictscope.gazetteer.index import Gazetteer
from conflictscope.gazetteer.resolve import Toponym
from conflictscope.models import EventCandidate, Span
from conflictscope.pipeline.base import AnalyzedArticle
from conflictscope.pipeline.places import places


def _toponym(text: str, name: str) -> Toponym:
    start = text.index(name)
    return Toponym(Span(start, start + len(name), name), name, 1.0)


def test_a_written_container_is_a_region() -> None:
    text = "She runs a bakery in Tacoma, Washington."
    linked = {t.name: t for t in link_containers(text, [_toponym(text, "Tacoma"),
                                                        _toponym(text, "Washington")])}
    assert linked["Tacoma"].within == "Washington"
    assert linked["Washington"].hint == "admin"


@pytest.mark.parametrize(
    ("name", "inner"),
    [("Aleppo University", "Aleppo"), ("Bank of Syria", "Syria"), ("University of Iraq", "Iraq"),
     ("Homs Central Prison", "Homs"), ("Central Prison", None), ("Aleppo", None), ("", None)],
)
def test_embedded_name(tiny_gazetteer: Gazetteer, name: str, inner: str | None) -> None:
    found = embedded_name(name, tiny_gazetteer)
    assert (found[0] if found else None) == inner
    if found:
        assert name[found[1]:found[1] + len(found[0])] == found[0]


def test_a_word_the_report_writes_in_lower_case_is_not_a_place(tiny_gazetteer: Gazetteer) -> None:
    assert embedded_name("Homs Road", tiny_gazetteer, frozenset({"homs"})) is None


def test_focus_prefers_a_cluster_then_the_largest_town() -> None:
    cluster = [(34.5, 38.3, 50_000), (34.7, 36.7, 775_000), (34.6, 37.0, 10_000), (43.1, -77.2, 3_000)]
    assert _medoid(cluster) in {(34.5, 38.3), (34.7, 36.7), (34.6, 37.0)}
    # scattered namesakes, one repeated: the largest town, not the repeated small one
    scattered = [(43.1, -77.2, 3_000), (43.1, -77.2, 3_000), (36.2, 37.2, 2_000_000), (-32.0, 115.8, 500)]
    assert _medoid(scattered) == (36.2, 37.2)
    assert _medoid([]) is None


REPORT = (
    "Fighters stormed Palmyra on Sunday, seizing the desert city.\n\n"
    "Palmyra lies in Homs province. Residents of Palmyra fled towards Homs.\n\n"
    "Officials met envoys from Iraq, where talks were held.\n\n"
    "The group also destroyed shrines in neighbouring Iraq."
)



def test_an_aside_abroad_defers_to_the_main_place(candidate_at: Callable[..., EventCandidate],
                                                  parse: Callable[..., AnalyzedArticle],
                                                  use_tiny: Gazetteer) -> None:
    analyzed = parse(REPORT)
    candidates = (candidate_at(analyzed, "met envoys"), candidate_at(analyzed, "destroyed shrines"))
    located = places(replace(analyzed, candidates=candidates))
    aside, explicit = located.candidates
    assert aside.place is not None and aside.place.place.iso3 == "SYR"  # "from Iraq": not there
    assert explicit.place is not None and explicit.place.place.name == "Iraq"  # "destroyed ... in Iraq"


@pytest.mark.slow
def test_split_names_are_joined(parse: Callable[..., AnalyzedArticle], real_gazetteer: Gazetteer) -> None:
    analyzed = parse("Police in Nizhny Novgorod arrested two activists on Friday.")
    parsed = geoparse(analyzed, real_gazetteer)
    assert [m.place.name for m in parsed.places] == ["Nizhniy Novgorod"]


@pytest.mark.slow
def test_a_given_name_is_not_a_place(parse: Callable[..., AnalyzedArticle],
                                     real_gazetteer: Gazetteer) -> None:
    analyzed = parse("Lawyers for Julian Assange spoke in London. Julian has been praised for his work.")
    parsed = geoparse(analyzed, real_gazetteer)
    assert "Julian" not in {m.span.text for m in parsed.places}
