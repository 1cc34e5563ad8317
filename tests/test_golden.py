"""Golden expectations for our own sample reports (samples/*.txt).

Each ``tests/golden/NAME.expected.json`` was written by hand from the sample text:
every ``must`` event has to be found, and no event may match a ``must_not`` pattern.
An event matches a pattern by the project's one matcher
(:func:`conflictscope.evaluation.matching.accepts`): every listed field equals the
expected value; actor names match when one, folded, is a prefix of the other, so "Boko
Haram" matches "Boko Haram - Jamaatu Ahli is-Sunnah lid-Dawati wal-Jihad"; a list allows any
of its values; a value starting with ``!`` means "not equal".
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from conflictscope.evaluation.matching import accepts as matches
from conflictscope.models import Article
from conflictscope.serialize import event_to_dict

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = sorted((ROOT / "samples").glob("*.txt"))


def load_sample(path: Path) -> Article:
    meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
    return Article.from_text(
        path.read_text(encoding="utf-8"),
        id=meta["id"],
        published=date.fromisoformat(meta["published"]),
        title=meta.get("title", ""),
        url=meta.get("url", ""),
        publisher=meta.get("publisher", ""),
    )


@pytest.mark.parametrize("sample", SAMPLES, ids=[p.stem for p in SAMPLES])
def test_sample_report_reads_as_expected(sample: Path, pipeline) -> None:  # type: ignore[no-untyped-def]
    expected = json.loads(
        (ROOT / "tests" / "golden" / f"{sample.stem}.expected.json").read_text(encoding="utf-8")
    )
    events = [event_to_dict(e) for e in pipeline(load_sample(sample)).events]
    for pattern in expected["must"]:
        assert any(matches(pattern, event) for event in events), (
            f"no event matches {pattern}; got {[_brief(e) for e in events]}"
        )
    for pattern in expected["must_not"]:
        offending = [_brief(e) for e in events if matches(pattern, e)]
        assert not offending, f"events match must_not {pattern}: {offending}"


def test_every_sample_has_expectations() -> None:
    for sample in SAMPLES:
        assert (ROOT / "tests" / "golden" / f"{sample.stem}.expected.json").exists()


def _brief(event: dict[str, Any]) -> dict[str, Any]:
    keys = ("sub_event_type", "actor1", "actor2", "location", "country", "event_date",
            "fatalities_low", "is_background")
    return {k: event.get(k) for k in keys}
