"""The output snapshot: every row and every field that ``extract`` gives on a fixed input set.

A refactor must leave the output as it was; a change of behaviour must show in the
snapshot's diff and be named in the commit. The input set (``tests/snapshot/inputs.jsonl``)
is our own text: the sample reports and reports composed from the classifier's example
sentences (written for this project). Usage::

    python scripts/snapshot.py inputs            # rebuild tests/snapshot/inputs.jsonl
    python scripts/snapshot.py update            # re-extract, write tests/snapshot/expected.jsonl
    python scripts/snapshot.py diff A.jsonl B.jsonl   # compare two `conflictscope extract` outputs

``diff`` also compares the outputs of ``conflictscope extract`` on the dev sets before and
after a change (those outputs hold third-party text: keep them out of the repository).
"""

from __future__ import annotations

import argparse
import json
import sys
from datetime import date, timedelta
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
SNAPSHOT = ROOT / "tests" / "snapshot"
#: Fields left out of the comparison: the version names the code, not the output.
IGNORED = ("pipeline_version",)
#: Sentences per composed report, and how many composed reports.
PER_REPORT = 6
REPORTS = 60


def build_inputs() -> list[dict[str, Any]]:
    """The fixed input records: the samples, then reports composed from example sentences."""
    sys.path.insert(0, str(ROOT / "src"))
    from conflictscope.classify.examples import load_examples_with_source

    records: list[dict[str, Any]] = []
    for path in sorted((ROOT / "samples").glob("*.txt")):
        meta = json.loads(path.with_suffix(".json").read_text(encoding="utf-8"))
        records.append({**meta, "text": path.read_text(encoding="utf-8")})
    examples = load_examples_with_source()
    # every k-th example, so each file and label contributes, in a fixed order
    step = max(1, len(examples) // (PER_REPORT * REPORTS))
    picked = [sentence for _, sentence, _ in examples[::step]][: PER_REPORT * REPORTS]
    start = date(2021, 1, 4)
    for number in range(REPORTS):
        chunk = picked[number * PER_REPORT:(number + 1) * PER_REPORT]
        if not chunk:
            break
        title, *body = chunk
        records.append({
            "id": f"composed-{number:03d}",
            "published": (start + timedelta(days=37 * number)).isoformat(),
            "title": title,
            "publisher": "conflictscope snapshot",
            "text": title + "\n\n" + " ".join(body),
        })
    return records


def extract_rows(records: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every event of the records as JSON-ready dicts, in record and event order."""
    from conflictscope.ingest.text import parse_date
    from conflictscope.models import Article
    from conflictscope.pipeline.core import Pipeline
    from conflictscope.serialize import event_to_dict

    pipeline = Pipeline(strict=True)
    articles = [
        Article.from_text(r["text"], id=r["id"], published=parse_date(r["published"]),
                          title=r.get("title", ""), url=r.get("url", ""),
                          publisher=r.get("publisher", ""))
        for r in records
    ]
    rows: list[dict[str, Any]] = []
    for analyzed in pipeline.run_many(articles):
        rows.extend(comparable(event_to_dict(e)) for e in analyzed.events)
    return rows


def comparable(row: dict[str, Any]) -> dict[str, Any]:
    """A row without the fields that name the code rather than the output."""
    return {k: v for k, v in row.items() if k not in IGNORED}


def read_rows(path: Path) -> list[dict[str, Any]]:
    """The rows of a JSON Lines file of events."""
    lines = path.read_text(encoding="utf-8").splitlines()
    return [comparable(json.loads(line)) for line in lines if line.strip()]


def diff_rows(before: list[dict[str, Any]], after: list[dict[str, Any]]) -> list[str]:
    """Human-readable differences, keyed by event id: rows lost, rows gained, fields changed."""
    old = {r["event_id"]: r for r in before}
    new = {r["event_id"]: r for r in after}
    out: list[str] = []
    for key in old.keys() - new.keys():
        row = old[key]
        out.append(f"- {row['article_id']} {row['sub_event_type']} @ {row['location']}: {row['notes'][:90]}")
    for key in new.keys() - old.keys():
        row = new[key]
        out.append(f"+ {row['article_id']} {row['sub_event_type']} @ {row['location']}: {row['notes'][:90]}")
    for key in sorted(old.keys() & new.keys()):
        for name in sorted(old[key].keys() | new[key].keys()):
            if old[key].get(name) != new[key].get(name):
                out.append(f"~ {old[key]['article_id']} {key} {name}: "
                           f"{json.dumps(old[key].get(name))[:120]} -> {json.dumps(new[key].get(name))[:120]}")
    if not out and [r["event_id"] for r in before] != [r["event_id"] for r in after]:
        out.append("~ same rows, another order")
    return sorted(out)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("inputs", help="rebuild tests/snapshot/inputs.jsonl")
    sub.add_parser("update", help="re-extract and write tests/snapshot/expected.jsonl")
    compare = sub.add_parser("diff", help="compare two JSON Lines files of events")
    compare.add_argument("before", type=Path)
    compare.add_argument("after", type=Path)
    args = parser.parse_args(argv)
    if args.command == "inputs":
        SNAPSHOT.mkdir(parents=True, exist_ok=True)
        lines = [json.dumps(r, ensure_ascii=False) for r in build_inputs()]
        (SNAPSHOT / "inputs.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
        print(f"{len(lines)} input records")
    elif args.command == "update":
        records = [json.loads(line) for line in
                   (SNAPSHOT / "inputs.jsonl").read_text(encoding="utf-8").splitlines() if line]
        rows = extract_rows(records)
        text = "\n".join(json.dumps(r, ensure_ascii=False, sort_keys=True) for r in rows)
        (SNAPSHOT / "expected.jsonl").write_text(text + "\n", encoding="utf-8")
        print(f"{len(rows)} events from {len(records)} records")
    else:
        changes = diff_rows(read_rows(args.before), read_rows(args.after))
        print("\n".join(changes) if changes else "identical")
        print(f"{len(changes)} difference(s)", file=sys.stderr)
        return 1 if changes else 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
