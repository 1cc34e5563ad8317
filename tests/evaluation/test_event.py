"""The event task on HRDsAttack-style gold: matching rules and per-field accuracy."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conflictscope.errors import EvaluationError
from conflictscope.evaluation.event import evaluate_event, main_event, score_article
from conflictscope.evaluation.normalize import (
    countries_match,
    country_codes,
    dates_match,
    gold_date,
    names_match,
    repaired_gold_country,
)
from conflictscope.models import Place, Span

from .helpers import fake_analyzer, make_event


def gold_event(**fields: Any) -> dict[str, Any]:
    base = {"year": "2020.0", "month": "07", "day": "4.0", "date_iso": "2020-07-04",
            "city": "Maiduguri", "region": "Borno", "country": "Nigeria",
            "perpetrator_type": "other non-state actors"}
    base.update(fields)
    return base


@pytest.mark.parametrize(
    ("year", "month", "day", "iso", "expected"),
    [
        ("2020.0", "07", "4.0", "2020-07-04", (date(2020, 7, 4), "day")),
        ("2020", "Ocober", None, None, (date(2020, 10, 1), "month")),
        ("2021", "February", None, "2021-02", (date(2021, 2, 1), "month")),
        ("2019.0", None, None, "2019", (date(2019, 1, 1), "year")),
        (None, None, None, "2018-04", (date(2018, 4, 1), "month")),
        ("unknown", "unknown", "unknown", None, None),
        (None, None, None, None, None),
        ("2021", "02", "31", None, (date(2021, 2, 1), "month")),
    ],
)
def test_gold_dates(year: Any, month: Any, day: Any, iso: Any, expected: Any) -> None:
    assert gold_date(year, month, day, iso) == expected


@pytest.mark.parametrize(
    ("gold", "predicted", "ok"),
    [
        ((date(2020, 7, 4), "day"), date(2020, 7, 4), True),
        ((date(2020, 7, 4), "day"), date(2020, 7, 5), False),
        ((date(2020, 7, 1), "month"), date(2020, 7, 28), True),
        ((date(2020, 7, 1), "month"), date(2020, 8, 1), False),
        ((date(2020, 1, 1), "year"), date(2020, 12, 31), True),
        ((date(2020, 1, 1), "year"), None, False),
    ],
)
def test_date_matching_at_gold_precision(gold: Any, predicted: Any, ok: bool) -> None:
    assert dates_match(gold, predicted) is ok


@pytest.mark.parametrize(
    ("gold", "codes"),
    [
        ("USA", {"USA"}), ("United States of America", {"USA"}), ("Unites States of America", {"USA"}),
        ("England", {"GBR"}), ("People's Republic of China", {"CHN"}), ("Hong Kong", {"CHN"}),
        ("Nigeia", {"NGA"}), ("Yemeni", {"YEM"}), ("Myanmar and Iran", {"MMR", "IRN"}),
        ("the Netherlands", {"NLD"}), ("None", set()), ("unknown", set()), ("Africa", set()),
        ("Asia", set()),
    ],
)
def test_country_codes(gold: str, codes: set[str]) -> None:
    assert country_codes(gold) == codes


def test_countries_match_by_code_or_name() -> None:
    assert countries_match("USA", "United States", "USA")
    assert countries_match("China", "Hong Kong", "HKG")
    assert countries_match("Syria", "Syria", "")
    assert not countries_match("Syria", "Iraq", "IRQ")
    assert not countries_match("Texas", "United States", "USA")  # unresolvable gold: by name only


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        ({"country": "Texas", "city": "Jasper"}, "United States"),  # a US state
        ({"country": "Africa", "city": "Ethiopia", "region": "Addis Ababa"}, "Ethiopia"),
        ({"country": "Asia", "city": "None", "region": "Myanmar"}, "Myanmar"),
        ({"country": "Africa", "city": "Cape Town"}, "Africa"),  # a town is no country: as written
        ({"country": "Syria", "city": "Iraq"}, "Syria"),  # a real country stays
        ({"country": "None"}, None),
    ],
)
def test_repaired_gold_country(record: dict[str, Any], expected: str | None) -> None:
    assert repaired_gold_country(record) == expected


@pytest.mark.parametrize(
    ("a", "b", "ok"),
    [("Ogun State", "Ogun", True), ("São Paulo", "Sao Paulo", True), ("Mosul", "Mosul city", True),
     ("Kiev", "Kyiv", False), ("Aleppo", "Idlib", False), ("None", "None", False), ("", "", False)],
)
def test_names_match(a: str, b: str, ok: bool) -> None:
    assert names_match(a, b) is ok


def test_score_article_all_fields_right() -> None:
    event = make_event("Attack", event_date="2020-07-04", country="Nigeria", iso3="NGA",
                       location="Maiduguri", admin1="Borno", inter1=2)
    assert score_article(gold_event(), event) == {
        "event_found": True, "date": True, "date_day": True, "date_month": None,
        "country": True, "country_repaired": True, "city": True, "region": True, "city_or_region": True, "actor": True,
    }


def test_score_article_wrong_and_unscored_fields() -> None:
    event = make_event("Attack", event_date="2020-07-05", country="Niger", iso3="NER",
                       location="Niamey", inter1=1)
    gold = gold_event(region="None", perpetrator_type="insufficient info")
    assert score_article(gold, event) == {
        "event_found": True, "date": False, "date_day": False, "date_month": None,
        "country": False, "country_repaired": False, "city": False, "region": None, "city_or_region": False, "actor": None,
    }


def test_no_event_scores_place_from_fallback() -> None:
    place = Place(name="Maiduguri", country="Nigeria", iso3="NGA", admin1="Borno")
    scored = score_article(gold_event(), None, place)
    assert scored == {"event_found": False, "date": False, "date_day": False, "date_month": None,
                      "country": True, "country_repaired": True, "city": True, "region": True, "city_or_region": True,
                      "actor": False}
    assert score_article(gold_event(), None)["country"] is False


@pytest.mark.parametrize(
    ("perpetrator", "inter1", "ok"),
    [("state actor", 1, True), ("state actor", 3, False), ("other state actors", 8, True),
     ("other actors with permissions", 3, True), ("other non-state actors", 1, False),
     ("regional orgs", 8, True)],
)
def test_actor_kinds(perpetrator: str, inter1: int, ok: bool) -> None:
    event = make_event("Attack", inter1=inter1)
    assert score_article(gold_event(perpetrator_type=perpetrator), event)["actor"] is ok


def _at(sub_event_type: str, offset: int, confidence: float, dated: bool = True,
        background: bool = False, precision: int = 1) -> Any:
    trigger = Span(offset, offset + 4, "word")
    evidence = {"event_type": (trigger,)}
    if dated:
        evidence["event_date"] = (Span(offset + 10, offset + 16, "Monday"),)
    return make_event(sub_event_type, confidence=confidence, is_background=background,
                      evidence=evidence, time_precision=precision)


@pytest.mark.parametrize(
    ("events", "expected"),
    [
        # an early, day-dated event beats a late one, even a more confident one
        ([_at("Arrests", 900, 0.99), _at("Attack", 40, 0.7)], "Attack"),
        # an event the text dates to the day beats an earlier one dated to the month
        ([_at("Arrests", 20, 0.8, precision=3), _at("Attack", 200, 0.8)], "Attack"),
        # background events count: the old attack a trial report is about
        ([_at("Attack", 50, 0.9, background=True), _at("Arrests", 400, 0.9)], "Attack"),
        # low confidence weighs: a clear later event beats an unsure early one
        ([_at("Attack", 10, 0.3, precision=3), _at("Arrests", 500, 0.9)], "Arrests"),
        # only unsure events: the earlier one
        ([_at("Attack", 10, 0.4), _at("Arrests", 500, 0.3)], "Attack"),
        # no dated event: the first good one
        ([_at("Arrests", 90, 0.8, dated=False), _at("Attack", 30, 0.8, dated=False)], "Attack"),
    ],
)
def test_main_event_is_the_most_salient(events: list[Any], expected: str) -> None:
    assert main_event(events).sub_event_type == expected  # type: ignore[union-attr]


def test_main_event_of_nothing_is_none() -> None:
    assert main_event([]) is None


def write_hrds(path: Path, events: list[dict[str, Any]]) -> Path:
    with path.open("w", encoding="utf-8") as handle:
        for i, event in enumerate(events):
            handle.write(json.dumps({"id": f"h{i}", "title": "t", "text": f"text {i}",
                                     "publish_date": "2020-07-10 00:00:00", "event": event}) + "\n")
    return path


def test_evaluate_hrds_known_answers(tmp_path: Path) -> None:
    gold = write_hrds(tmp_path / "h.jsonl", [
        gold_event(),
        gold_event(city="None", region="None", year="2020", month="July", day=None),
        gold_event(country="Syria", city="Aleppo", region="None"),
    ])
    analyzer = fake_analyzer({
        "text 0": [make_event("Attack", event_date="2020-07-04", country="Nigeria", iso3="NGA",
                              location="Maiduguri", admin1="Borno", inter1=2)],
        "text 1": [make_event("Attack", event_date="2020-07-20", country="Niger", iso3="NER",
                              inter1=1)],
    })
    result = evaluate_event(gold, analyzer=analyzer)
    fields = result["fields"]
    assert result["n"] == 3
    assert fields["event_found"] == {"n": 3, "correct": 2, "accuracy": 0.6667,
                                     "accuracy_when_found": 1.0}
    assert (fields["date"]["correct"], fields["date"]["n"]) == (2, 3)
    assert (fields["country"]["correct"], fields["country"]["n"]) == (1, 3)
    assert (fields["city"]["correct"], fields["city"]["n"]) == (1, 2)
    assert (fields["region"]["correct"], fields["region"]["n"]) == (1, 1)
    assert fields["actor"]["accuracy"] == 0.3333
    assert fields["actor"]["accuracy_when_found"] == 0.5


def test_hrds_bad_line_is_named(tmp_path: Path) -> None:
    gold = write_hrds(tmp_path / "h.jsonl", [gold_event()])
    with gold.open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"id": "x", "text": "t", "event": "Nigeria"}) + "\n")
    with pytest.raises(EvaluationError, match=r"h\.jsonl:2: field 'event' must be a JSON object"):
        evaluate_event(gold, analyzer=fake_analyzer({}))


def test_hrds_bad_publish_date_is_named(tmp_path: Path) -> None:
    gold = tmp_path / "h.jsonl"
    gold.write_text(json.dumps({"id": "x", "text": "t", "publish_date": "yesterday",
                                "event": gold_event()}) + "\n", encoding="utf-8")
    with pytest.raises(EvaluationError, match=r"h\.jsonl:1: publish_date"):
        evaluate_event(gold, analyzer=fake_analyzer({}))


def test_place_matches_the_quoted_evidence() -> None:
    from conflictscope.models import Span

    event = make_event("Attack", location="Tadmur", evidence={"location": (Span(0, 7, "Palmyra"),)})
    assert score_article(gold_event(city="Palmyra", country="None"), event)["city"] is True
    assert score_article(gold_event(city="Aleppo", country="None"), event)["city"] is False
