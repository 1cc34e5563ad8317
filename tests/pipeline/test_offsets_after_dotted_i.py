"""A trigger found in lower-cased text must point at its own word in the report, also after a
Turkish dotted capital I, which ``str.lower`` turns into two characters (written for this suite)."""

from __future__ import annotations

from collections.abc import Callable

from hypothesis import given
from hypothesis import strategies as st

from conflictscope.document import AnalyzedArticle
from conflictscope.textcase import lower_keeping_offsets
from conflictscope.timex.rules import gate_hits


@given(st.text())
def test_lowering_keeps_the_length_of_any_text(text: str) -> None:
    lowered = lower_keeping_offsets(text)
    assert len(lowered) == len(text)
    assert lowered == text.replace("\u0130", "i").lower()


def test_trigger_after_a_dotted_capital_i_is_the_word_itself(analyze: Callable[..., AnalyzedArticle]) -> None:
    text = ("Supporters of İstanbul mayor Ekrem İmamoğlu said police arrested 40 students in "
            "Ankara on Friday.")
    events = analyze(text, published="2025-03-21").events
    assert events
    for event in events:
        for span in event.evidence["event_type"]:
            assert text[span.start:span.end] == span.text
            assert span.text.strip() in {"arrested", "arrest"}


def test_date_gate_offsets_after_a_dotted_capital_i() -> None:
    text = "İmamoğlu was detained on Wednesday."
    offsets = [offset for offset, _ in gate_hits(text)]
    assert any(text[offset:].startswith("Wednesday") for offset in offsets)
