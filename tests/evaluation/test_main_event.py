"""The report's main event (pipeline.mainevent): headline, lead, date and confidence cues."""

from __future__ import annotations

from typing import Any

import pytest

from conflictscope.document import AnalyzedArticle, Sentence
from conflictscope.lexicon.captions import is_photo_caption
from conflictscope.models import Article, Span
from conflictscope.pipeline.mainevent import (
    ReportFrame,
    article_main_event,
    commentary_at,
    frame_of,
    main_event,
    rank_events,
    status_at,
    title_names_kind,
    title_names_place,
)

from .helpers import make_event


def _event(sub_event_type: str, offset: int, confidence: float = 0.8, precision: int = 1,
           location: str = "", **fields: Any) -> Any:
    evidence: dict[str, tuple[Span, ...]] = {"event_type": (Span(offset, offset + 5, "word"),)}
    if location:
        evidence["location"] = (Span(offset + 20, offset + 20 + len(location), location),)
    return make_event(sub_event_type, confidence=confidence, time_precision=precision,
                      location=location, evidence=evidence, **fields)


@pytest.mark.parametrize(
    ("title", "sub_event_type", "expected"),
    [
        ("Journalist arrested after reporting on attacks", "Arrests", True),
        ("Gunmen kidnap dozens from school in central Nigeria", "Abduction/forced disappearance", True),
        ("Activist shot dead outside his home", "Attack", True),
        ("Police disperse rally with tear gas", "Protest with intervention", True),
        ("Parliament debates new budget", "Arrests", False),
        ("", "Attack", False),
        ("Journalist arrested", "Other", False),
    ],
)
def test_title_names_kind(title: str, sub_event_type: str, expected: bool) -> None:
    assert title_names_kind(make_event(sub_event_type), title) is expected


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Six persons kidnapped in Abuja", True),
        ("Six persons kidnapped in ABUJA", True),
        ("Six persons kidnapped in Abujaville", False),
        ("Six persons kidnapped", False),
    ],
)
def test_title_names_place(title: str, expected: bool) -> None:
    assert title_names_place(_event("Attack", 10, location="Abuja"), title) is expected


@pytest.mark.parametrize(
    ("frame", "expected"),
    [
        # the headline names the arrest: the later arrest beats the early protest
        (ReportFrame("Activist arrested in Harare", 100, 1000), "Arrests"),
        # no headline: the event of the lead
        (ReportFrame("", 100, 1000), "Peaceful protest"),
    ],
)
def test_headline_kind_decides(frame: ReportFrame, expected: str) -> None:
    events = [_event("Peaceful protest", 30), _event("Arrests", 400)]
    assert main_event(events, frame).sub_event_type == expected  # type: ignore[union-attr]


def test_headline_place_decides() -> None:
    events = [_event("Attack", 300, location="Lagos"), _event("Attack", 320, location="Kano")]
    best = main_event(events, ReportFrame("Two dead in Kano attack", 0, 1000))
    assert best is not None and best.location == "Kano"


def test_lead_and_day_beat_a_late_coarse_mention() -> None:
    events = [_event("Arrests", 900, confidence=0.9, precision=3), _event("Arrests", 50, confidence=0.7)]
    ranked = rank_events(events, ReportFrame("", 200, 1000))
    assert [event.time_precision for event in ranked] == [1, 3]


def test_ties_go_to_the_earlier_event() -> None:
    first, second = _event("Attack", 100), _event("Attack", 100)
    assert rank_events([second, first])[0] is second  # same score and offset: stable order
    early, late = _event("Attack", 10, confidence=0.8), _event("Attack", 20, confidence=0.8)
    assert main_event([late, early], ReportFrame("", 0, 10**9)) is early


def test_no_events() -> None:
    assert main_event([]) is None
    assert rank_events([]) == []


def test_frame_and_article_main_event() -> None:
    text = "One. Two. Three. Four. Five."
    article = Article.from_text(text, title="Activist arrested")
    sentences = tuple(Sentence(index=n, start=i, end=i + 4, text=text[i:i + 4])
                      for n, i in enumerate((0, 5, 10, 17, 23)))
    events = (_event("Peaceful protest", 1, confidence=0.5), _event("Arrests", 24))
    analyzed = AnalyzedArticle(article=article, sentences=sentences, events=events)
    frame = frame_of(analyzed)
    assert (frame.title, frame.lead_end, frame.length) == ("Activist arrested", 14, len(text))
    assert frame.sentence_at(11) == "Thre" and frame.sentence_at(4) == "" and frame.sentence_at(-1) == ""
    best = article_main_event(analyzed)
    assert best is not None and best.sub_event_type == "Arrests"
    assert article_main_event(AnalyzedArticle(article=article)) is None


@pytest.mark.parametrize(
    ("date_text", "sentence", "expected"),
    [
        # an explicit date beats a relative one
        ("on 3 May", "Police raided the office.", "explicit"),
        ("Monday", "Police raided the office.", "relative"),
        # a person as target beats a thing
        ("Monday", "Police arrested the journalist.", "explicit"),
    ],
)
def test_explicit_date_and_person_target(date_text: str, sentence: str, expected: str) -> None:
    text = "Police raided the office. " + sentence
    second = len("Police raided the office. ")
    frame = ReportFrame("", 0, 10_000, text, ((0, second - 1), (second, len(text))))
    relative = make_event("Arrests", notes="relative", confidence=0.8, time_precision=1, evidence={
        "event_type": (Span(7, 13, "raided"),), "event_date": (Span(0, 6, "Friday"),)})
    other = make_event("Arrests", notes="explicit", confidence=0.8, time_precision=1, evidence={
        "event_type": (Span(second + 7, second + 13, "word"),),
        "event_date": (Span(0, len(date_text), date_text),)})
    best = main_event([relative, other], frame)
    assert best is not None and best.notes == expected


def test_odd_input_does_not_crash() -> None:
    weird = _event("Attack", 0, confidence=0.0, precision=3)
    assert main_event([weird], ReportFrame("\u202e\u0000 ☃ " * 50, 0, 0)) is weird


@pytest.mark.parametrize(
    ("context_kind", "expected"),
    [
        # a strategic development that happens to no one yields to the arrest told after it
        ("Change to group/activity", "Arrests"),
        ("Agreement", "Arrests"),
        ("Disrupted weapons use", "Arrests"),
        # an event done to someone keeps its place
        ("Attack", "Attack"),
    ],
)
def test_context_kinds_yield(context_kind: str, expected: str) -> None:
    events = [_event(context_kind, 50, confidence=0.8), _event("Arrests", 150, confidence=0.7)]
    best = main_event(events, ReportFrame("", 200, 1000))
    assert best is not None and best.sub_event_type == expected


@pytest.mark.parametrize(
    ("events", "cause"),
    [
        # another event has the gold day: the ranking missed it
        ([("Attack", "2020-07-01", 0.9, 10), ("Attack", "2020-07-04", 0.3, 900)], "ranking"),
        # no event has it and no expression of the text gives it
        ([("Attack", "2020-07-01", 0.9, 10)], "absent"),
        ([], "no event"),
    ],
)
def test_date_errors(tmp_path: Any, events: list[tuple[str, str, float, int]], cause: str) -> None:
    import json

    from conflictscope.evaluation.event import date_errors

    from .helpers import fake_analyzer

    gold = tmp_path / "h.jsonl"
    record = {"id": "a", "text": "text a", "publish_date": "2020-07-10",
              "event": {"year": "2020", "month": "07", "day": "4", "country": "Nigeria"}}
    right = {"id": "b", "text": "text b", "publish_date": "2020-07-10",
             "event": {"year": "2020", "month": "07", "day": "4", "country": "Nigeria"}}
    gold.write_text(json.dumps(record) + "\n" + json.dumps(right) + "\n")
    made = [_event(kind, offset, confidence=conf, event_date=day) for kind, day, conf, offset in events]
    analyzer = fake_analyzer({"text a": made, "text b": [_event("Attack", 5, event_date="2020-07-04")]})
    (row,) = date_errors(gold, analyzer=analyzer)
    assert (row["id"], row["gold"], row["precision"], row["cause"]) == ("a", "2020-07-04", "day", cause)
    assert ("main" in row) is bool(events)


def _main_of_two(text: str, second: str, *events: tuple[str, str, int]) -> Any:
    """The main event of a two-sentence report (all lead); ``events`` are (sub-event type,
    trigger word, occurrence offset) made at equal confidence and day precision."""
    cut = text.index(second)
    frame = ReportFrame("", len(text), 10_000, text, ((0, cut - 1), (cut, len(text))))
    made = []
    for sub_event_type, word, offset in events:
        start = text.index(word, offset)
        made.append(make_event(sub_event_type, confidence=0.8, time_precision=1,
                               evidence={"event_type": (Span(start, start + len(word), word),)}))
    return main_event(made, frame)


def test_an_arrest_over_a_killing_follows_the_killing() -> None:
    # "arrested in connection with the killing of" is the follow-up; the killing is the news
    text = ("Police on Monday arrested two men in connection with the killing of an activist. "
            "The activist was shot dead outside her home.")
    best = _main_of_two(text, "The activist", ("Arrests", "arrested", 0), ("Attack", "shot dead", 0))
    assert best is not None and best.sub_event_type == "Attack"


@pytest.mark.parametrize(
    ("sentence", "caption"),
    [
        ("Girls who were kidnapped walk in line after their release in Zamfara, Nigeria March 2, 2021.", True),
        ("A protester stands atop a police structure in Ikeja during protests on October 11, 2020.", True),
        ("Journalists sit on the rubble of the tower, 15 May 2021, NAME/AFP via Getty Images", True),
        ("Police arrested the activist on October 11, 2020.", False),
        ("Gunmen stormed the school on Friday and kidnapped 42 pupils.", False),
        # "Pictured, ...", "(pictured)": a caption's own words
        ("Pictured, riot police try to disperse protesters near the harbour on July 1, 2019", True),
        ("Lu (pictured) and Ren said they had received letters on Monday", True),
        ("He was pictured leaving the court on Monday.", False),
    ],
)
def test_photo_captions(sentence: str, caption: bool) -> None:
    assert is_photo_caption(sentence) is caption


def test_a_photo_caption_is_not_the_main_event() -> None:
    # an archive photo's caption ("... walk in line ..., March 2, 2021.") outranked the kidnapping
    text = ("Girls who were kidnapped walk in line after their release in Zamfara, Nigeria March 2, 2021. "
            "Gunmen kidnapped 279 girls from a boarding school on Friday.")
    best = _main_of_two(text, "Gunmen", ("Peaceful protest", "walk", 0),
                        ("Abduction/forced disappearance", "kidnapped", text.index("Gunmen")))
    assert best is not None and best.sub_event_type == "Abduction/forced disappearance"



@pytest.mark.parametrize(
    ("text", "second", "first_event", "news"),
    [
        # "The strike is further testament to ..." outranked the sentence telling the strike
        ("The strike is further testament to the growing radicalization of the workers. "
         "Workers began the strike on October 5 across the state.", "Workers",
         ("Peaceful protest", "strike"), ("Protest with intervention", "strike")),
        # "Thousands of people remain in detention" outranked the dated abduction of the report
        ("Thousands of people remain in detention on politically motivated charges. "
         "He was kidnapped from southern Kazakhstan on November 24, 2005.", "He was",
         ("Arrests", "detention"), ("Abduction/forced disappearance", "kidnapped")),
    ],
)
def test_a_judgement_or_a_lasting_state_is_not_the_news(
        text: str, second: str, first_event: tuple[str, str], news: tuple[str, str]) -> None:
    best = _main_of_two(text, second, (*first_event, 0), (*news, text.index(second)))
    assert best is not None and best.sub_event_type == news[0]


@pytest.mark.parametrize(
    ("predicate", "sentence", "trigger", "expected"),
    [
        (commentary_at, "The strike is further testament to the growing radicalization.", "strike", True),
        (commentary_at, "The attack was the deadliest in the city this year.", "attack", True),
        (commentary_at, "This is the same force that launched an attack on protesters.", "attack", False),
        (commentary_at, "The protesters were arrested on Monday.", "arrested", False),
        (commentary_at, "Police said the arrest was a mistake.", "arrest", False),
        (status_at, "Thousands of people remain in detention on politically motivated charges.", "detention", True),
        (status_at, "She is still held at an undisclosed location.", "held", True),
        (status_at, "He continues to be detained without charge.", "detained", True),
        (status_at, "Police detained him on Friday; he remains in custody.", "detained", False),
    ],
)
def test_commentary_and_lasting_detention(predicate: Any, sentence: str, trigger: str, expected: bool) -> None:
    assert predicate(sentence, sentence.index(trigger)) is expected

def test_a_dateline_and_stray_lines_are_not_lead_sentences() -> None:
    # "Beijing (AFP) –" and "Advertising Read more" filled two of the three lead sentences
    text = ("Beijing (AFP) –\n\nAdvertising Read more\n\nA critic was charged with subversion, activists said. "
            "He has been detained since February 15 after his posts.")
    starts = [0, text.index("Advertising"), text.index("A critic"), text.index("He has")]
    ends = [*starts[1:], len(text)]
    sentences = tuple(Sentence(index=n, start=b, end=e, text=text[b:e])
                      for n, (b, e) in enumerate(zip(starts, ends, strict=True)))
    frame = frame_of(AnalyzedArticle(article=Article.from_text(text), sentences=sentences))
    assert frame.lead_end == len(text)
