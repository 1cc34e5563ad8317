"""Check a file of our own annotated training reports (the events-gold format).

    python scripts/check_report_gold.py src/conflictscope/data/reports/reports_*.jsonl

Each line: {"id", "published", "title", "text", "style", "events": [...], "not_events": [...]}.
Prints one line per problem (a bad field, an evidence quote not found word for word in the
text, an unknown sub-event type) and a summary; exits 1 when a problem was found.
"""

from __future__ import annotations

import json
import sys
from datetime import date
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from conflictscope.taxonomy import EVENT_TYPE_OF  # noqa: E402

_EVENT_KEYS = {"event_type", "sub_event_type", "evidence", "is_background", "date_start", "date_end",
               "location", "country", "fatalities", "actor1", "actor2"}


def _is_date(value: object) -> bool:
    try:
        date.fromisoformat(str(value))
    except ValueError:
        return False
    return True


def problems(record: dict, seen: set[str]) -> list[str]:
    """Every problem of one report record."""
    found = []
    for key in ("id", "published", "title", "text", "style", "events", "not_events"):
        if key not in record:
            found.append(f"missing field {key!r}")
    if found:
        return found
    if record["id"] in seen:
        found.append("duplicate id")
    seen.add(record["id"])
    text = record["text"]
    if not _is_date(record["published"]):
        found.append("published is not YYYY-MM-DD")
    for index, event in enumerate(record["events"]):
        where = f"events[{index}]"
        missing = _EVENT_KEYS - set(event)
        if missing:
            found.append(f"{where}: missing {sorted(missing)}")
            continue
        sub = event["sub_event_type"]
        if EVENT_TYPE_OF.get(sub) != event["event_type"]:
            found.append(f"{where}: {sub!r} is not a sub-event type of {event['event_type']!r}")
        quotes = [event["evidence"]] if isinstance(event["evidence"], str) else event["evidence"]
        for quote in quotes:
            if not quote or quote not in text:
                found.append(f"{where}: evidence not found word for word: {quote[:60]!r}")
        for key in ("date_start", "date_end"):
            if event[key] is not None and not _is_date(event[key]):
                found.append(f"{where}: {key} is not YYYY-MM-DD or null")
        if event["fatalities"] is not None and not isinstance(event["fatalities"], int):
            found.append(f"{where}: fatalities must be an integer or null")
    for entry in record["not_events"]:
        quote = str(entry).rsplit(" (", 1)[0]
        if quote not in text:
            found.append(f"not_events: quote not found word for word: {quote[:60]!r}")
    return found


def main(paths: list[str]) -> int:
    """Check every file; 0 when all are clean."""
    bad = total = events = empty = 0
    seen: set[str] = set()
    for path in paths:
        for number, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
            if not line.strip():
                continue
            try:
                record = json.loads(line)
            except json.JSONDecodeError as error:
                print(f"{path}:{number}: not JSON: {error}")
                bad += 1
                continue
            total += 1
            events += len(record.get("events", []))
            empty += not record.get("events")
            for problem in problems(record, seen):
                print(f"{path}:{number} ({record.get('id')}): {problem}")
                bad += 1
    print(f"{total} reports, {events} events, {empty} reports with no event, {bad} problems")
    return 1 if bad else 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
