"""Reading reports from files: plain text, JSON Lines records, standard input.

``read_inputs`` yields :class:`Article` records or :class:`InputProblem` records,
one problem per unreadable input or record, so a batch goes on past bad lines.
"""

from __future__ import annotations

import json
import sys
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from conflictscope.errors import InputError
from conflictscope.ingest.text import DEFAULT_MAX_CHARS, clean_text, decode_bytes, parse_date
from conflictscope.models import Article

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".json")


@dataclass(frozen=True, slots=True)
class InputProblem:
    """An input (or one record of it) that could not be read, and why."""

    source: str
    message: str
    fatal: bool = True  # False: a warning, the input was still read


def read_inputs(
    paths: Iterable[str],
    *,
    published: date | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Article | InputProblem]:
    """Articles from each path (``-`` is standard input), with problems in between."""
    for path in paths:
        try:
            if path == "-":
                data = sys.stdin.buffer.read()
                yield from _read_text_or_jsonl(data, "<stdin>", published, max_chars)
            else:
                yield from _read_path(Path(path), published, max_chars)
        except InputError as exc:
            yield InputProblem(path, str(exc))


def _read_path(path: Path, published: date | None, max_chars: int) -> Iterator[Article | InputProblem]:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder (use `conflictscope ingest` for folders)")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
    yield from _read_text_or_jsonl(data, str(path), published, max_chars)


def _read_text_or_jsonl(
    data: bytes, name: str, published: date | None, max_chars: int
) -> Iterator[Article | InputProblem]:
    if name.endswith(JSONL_SUFFIXES) or (name == "<stdin>" and data.lstrip()[:1] == b"{"):
        yield from read_jsonl_records(data, name=name, published=published, max_chars=max_chars)
        return
    decoded = decode_bytes(data, name=name, max_chars=max_chars)
    for warning in decoded.warnings:
        yield InputProblem(name, warning, fatal=False)
    article_id = None if name == "<stdin>" else Path(name).stem
    yield Article.from_text(decoded.text, published=published, id=article_id)


def read_jsonl_records(
    data: bytes,
    *,
    name: str,
    published: date | None = None,
    max_chars: int = DEFAULT_MAX_CHARS,
) -> Iterator[Article | InputProblem]:
    """Articles from JSON Lines ``{id, published, title, text, url, publisher}`` records."""
    decoded = decode_bytes(data, name=name, check_language=False)
    for warning in decoded.warnings:
        yield InputProblem(name, warning, fatal=False)
    for number, line in enumerate(decoded.text.splitlines(), start=1):
        if not line.strip():
            continue
        where = f"{name}:{number}"
        try:
            record = json.loads(line)
            yield from _article_from_record(record, where, published, max_chars)
        except json.JSONDecodeError as exc:
            yield InputProblem(where, f"{where}: not valid JSON ({exc.msg})")
        except InputError as exc:
            yield InputProblem(where, str(exc))


def _article_from_record(
    record: Any, where: str, published: date | None, max_chars: int
) -> Iterator[Article | InputProblem]:
    if not isinstance(record, dict):
        raise InputError(f"{where}: a record must be a JSON object")
    text = record.get("text")
    if not isinstance(text, str):
        raise InputError(f"{where}: the record has no text")
    cleaned = clean_text(text, name=where, max_chars=max_chars)
    for warning in cleaned.warnings:
        yield InputProblem(where, warning, fatal=False)
    try:
        when = parse_date(
            record.get("published") or record.get("publish_date"), name=f"{where}: published"
        )
    except InputError as exc:
        yield InputProblem(where, f"{exc}; the record is read without it", fatal=False)
        when = None
    record_id = record.get("id")
    yield Article.from_text(
        cleaned.text,
        published=when or published,
        id=str(record_id) if record_id not in (None, "") else None,
        title=str(record.get("title") or ""),
        url=str(record.get("url") or ""),
        publisher=str(record.get("publisher") or ""),
    )
