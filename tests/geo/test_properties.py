"""Properties of the geoparser on any input: no crash, spans inside the text, confidences in range."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conflictscope.document import AnalyzedArticle
from conflictscope.gazetteer.geoparse import geoparse
from conflictscope.gazetteer.index import Gazetteer
from conflictscope.gazetteer.normalize import name_key
from conflictscope.gazetteer.resolve import Resolver, Toponym
from conflictscope.models import Span

_ANY_TEXT = st.text(st.characters(exclude_categories=["Cs"], exclude_characters="\x00"), max_size=60)
#: Words of the tiny gazetteer, other scripts and punctuation, mixed into sentences.
_WORDS = st.sampled_from([
    "Palmyra", "Homs", "Syria", "Aleppo", "Mosul", "New York", "U.S.", "the", "in", "near", "of",
    "city", "fighters", "seized", "Syrian", "British-based", "تدمر", "北京", "Москва", "Deir Ezzor",
    "St.", "Mr.", ",", ".", "—", "'s", "\n\n", "ALEPPO", "al-", "Xyzzyville", "12", "March",
])
_SENTENCES = st.lists(_WORDS, min_size=0, max_size=25).map(" ".join)
_SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])


@_SETTINGS
@given(name=_ANY_TEXT)
def test_lookup_of_any_string_never_raises(tiny_gazetteer: Gazetteer, name: str) -> None:
    for match in tiny_gazetteer.lookup(name):
        assert match.entry.name and match.entry.feature


@_SETTINGS
@given(name=_ANY_TEXT)
def test_name_key_is_idempotent(name: str) -> None:
    assert name_key(name_key(name)) == name_key(name)


@_SETTINGS
@given(names=st.lists(_ANY_TEXT, max_size=6))
def test_resolving_any_names_gives_one_answer_each_with_a_confidence_in_range(
        tiny_gazetteer: Gazetteer, names: list[str]) -> None:
    toponyms = [Toponym(Span(0, len(n), n), n) for n in names]
    resolved = Resolver(tiny_gazetteer).resolve(toponyms)
    assert len(resolved) == len(names)
    assert all(r is None or 0.0 <= r.confidence <= 1.0 for r in resolved)


@_SETTINGS
@given(text=_SENTENCES | _ANY_TEXT)
def test_geoparse_of_any_text_keeps_its_spans_inside_the_text(
        parse: Callable[..., AnalyzedArticle], tiny_gazetteer: Gazetteer, text: str) -> None:
    analyzed = parse(text)
    parsed = geoparse(analyzed, tiny_gazetteer)
    for mention in (*parsed.places, *parsed.in_names):
        assert analyzed.text[mention.span.start:mention.span.end] == mention.span.text
        assert 0.0 <= mention.confidence <= 1.0
        assert mention.place.latitude is None or -90 <= mention.place.latitude <= 90
    for demonym in parsed.demonyms:
        assert analyzed.text[demonym.span.start:demonym.span.end] == demonym.span.text


@pytest.mark.slow
@_SETTINGS
@given(text=_SENTENCES | _ANY_TEXT)
def test_geoparse_with_the_real_index_of_any_text_never_raises(
        parse: Callable[..., AnalyzedArticle], real_gazetteer: Gazetteer, text: str) -> None:
    parsed = geoparse(parse(text), real_gazetteer)
    assert all(0.0 <= m.confidence <= 1.0 for m in (*parsed.places, *parsed.in_names))


@given(text=st.text(alphabet="ab (),[]", min_size=1, max_size=30), data=st.data())
def test_name_spans_cut_at_brackets_and_commas_stay_inside_and_hold_none(text: str, data: st.DataObject) -> None:
    from conflictscope.gazetteer.recognize import _unbracketed

    begin = data.draw(st.integers(0, len(text) - 1))
    end = data.draw(st.integers(begin + 1, len(text)))
    pieces = list(_unbracketed(text, [(begin, end, "GPE", 1.0)]))
    if not set(text[begin:end]) & set("()[],"):
        assert pieces == [(begin, end, "GPE", 1.0)]  # a span with no bracket or comma passes as it is
        return
    for start, stop, label, strength in pieces:
        piece = text[start:stop]
        assert begin <= start < stop <= end and (label, strength) == ("GPE", 1.0)
        assert piece == piece.strip(" ,;") and not set(piece) & set("()[],")
