"""The spaCy stage: sentence splitting, selection, offsets."""

from __future__ import annotations

import pytest

from conflictscope.ingest.text import looks_english
from conflictscope.pipeline.nlp import split_sentences


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mr. Smith left. He came back.", ["Mr. Smith left.", "He came back."]),
        ('He said "no." Then he left.', ['He said "no."', "Then he left."]),
        ("U.S. forces left the base. Rebels moved in.", ["U.S. forces left the base.", "Rebels moved in."]),
        ("Headline here\n\nBody text starts.", ["Headline here", "Body text starts."]),
        ("   ", []),
    ],
)
def test_split_sentences(text: str, expected: list[str]) -> None:
    assert [text[s:e] for s, e in split_sentences(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("He was led by the speaker Nora Pell.In a fit of fury, she left.",
         ["He was led by the speaker Nora Pell.", "In a fit of fury, she left."]),
        ("It ended in 2008.The war went on.", ["It ended in 2008.", "The war went on."]),
        ("Mrs.Smith said so. Visit al.com today.", ["Mrs.Smith said so.", "Visit al.com today."]),
        ("The U.S.Army said.", ["The U.S.Army said."]),
    ],
)
def test_split_sentences_where_scraped_text_lost_the_space_after_the_stop(text: str, expected: list[str]) -> None:
    # "... Nancy Pelosi.In a movement of fury ..." ran two sentences into one, and the
    # classifier read "fights an impeachment hearing" of the first with the next as an armed clash
    assert [text[s:e] for s, e in split_sentences(text)] == expected


def test_split_sentences_cuts_run_on_text() -> None:
    text = "word " * 2000
    bounds = split_sentences(text)
    assert len(bounds) > 1
    assert all(e - s <= 1500 for s, e in bounds)


def test_offsets_point_into_article(parse) -> None:  # type: ignore[no-untyped-def]
    text = "Quiet day.\n\nGunmen killed five villagers in Borno on Sunday, police said."
    analyzed = parse(text)
    assert analyzed.sentences[1].doc is not None
    for mention in analyzed.mentions:
        assert text[mention.start : mention.end] == mention.text


def test_non_english_text_is_not_parsed(parse) -> None:  # type: ignore[no-untyped-def]
    text = "Les combattants ont attaqué la ville de Palmyre dimanche, selon des militants."
    analyzed = parse(text)
    assert all(s.doc is None for s in analyzed.sentences)
    assert analyzed.warnings


@pytest.mark.parametrize(("text", "english"), [
    # a short English report with no function word was skipped as not English: no event at all
    ("Report\n\nRussian forces shelled Avdiivka, killing two civilians.", True),
    ("Les combattants ont attaqué la ville de Palmyre dimanche, selon des militants.", False),
    ("Los combatientes atacaron la ciudad de Palmira el domingo, según activistas.", False),
    ("Die Kämpfer griffen die Stadt Palmyra am Sonntag an, sagten Aktivisten vor Ort.", False),
    ("Pasukan menyerang kota itu pada hari Minggu menurut aktivis setempat kemarin.", False),
    # one such word is a name's particle or an acronym: "El Fasher", "the UN"
    ("RSF fighters shelled El Fasher, killing twelve civilians.", True),
    ("UN peacekeepers attacked near Kidal, killing two soldiers overnight.", True),
])
def test_short_texts_are_judged_by_the_language_of_their_function_words(text: str, english: bool) -> None:
    assert looks_english(text) is english
