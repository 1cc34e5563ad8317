"""Reading gold-standard files: JSON Lines with per-line validation.

Every reader raises :class:`~conflictscope.errors.EvaluationError` naming the
file and the first bad line (``path:LINE: what is wrong``), so a malformed gold
file never produces silently wrong numbers.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterator, Mapping
from pathlib import Path
from typing import Any

from conflictscope.errors import EvaluationError

#: A field check: returns an error message, or None when the value is fine.
Check = Callable[[Any], str | None]


def is_str(value: Any) -> str | None:
    """A non-empty string."""
    return None if isinstance(value, str) and value.strip() else "must be a non-empty string"


def is_text(value: Any) -> str | None:
    """A string (may be empty)."""
    return None if isinstance(value, str) else "must be a string"


def is_bool(value: Any) -> str | None:
    """true or false."""
    return None if isinstance(value, bool) else "must be true or false"


def is_optional_str(value: Any) -> str | None:
    """A string or null."""
    return None if value is None or isinstance(value, str) else "must be a string or null"


def is_dict(value: Any) -> str | None:
    """A JSON object."""
    return None if isinstance(value, dict) else "must be a JSON object"


def is_list(value: Any) -> str | None:
    """A JSON array."""
    return None if isinstance(value, list) else "must be a JSON array"


def is_id(value: Any) -> str | None:
    """A string or an integer id."""
    ok = isinstance(value, (str, int)) and not isinstance(value, bool) and str(value).strip()
    return None if ok else "must be a string or integer id"


def open_gold(path: str | Path) -> Path:
    """The gold file as a Path, or an EvaluationError when it cannot be read."""
    gold = Path(path)
    if not gold.exists():
        raise EvaluationError(f"{gold}: no such file")
    if gold.is_dir():
        raise EvaluationError(f"{gold}: is a folder, expected a file")
    return gold


def read_jsonl(
    path: str | Path,
    fields: Mapping[str, Check],
    *,
    limit: int | None = None,
    extra: Callable[[dict[str, Any]], str | None] | None = None,
) -> list[tuple[int, dict[str, Any]]]:
    """``(line number, record)`` of each non-blank line, every record validated.

    ``fields`` maps each required key to its check; ``extra`` checks the whole
    record. Reading stops after ``limit`` records. An empty file is an error.
    """
    gold = open_gold(path)
    records: list[tuple[int, dict[str, Any]]] = []
    for number, record in _lines(gold):
        problem = _check(record, fields, extra)
        if problem:
            raise EvaluationError(f"{gold}:{number}: {problem}")
        records.append((number, record))
        if limit is not None and len(records) >= limit:
            break
    if not records:
        raise EvaluationError(f"{gold}: no records (expected JSON Lines)")
    return records


def read_json(path: str | Path) -> Any:
    """A whole JSON document, or an EvaluationError naming the line of the syntax error."""
    gold = open_gold(path)
    try:
        return json.loads(gold.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise EvaluationError(f"{gold}: not UTF-8 text ({exc.reason})") from None
    except json.JSONDecodeError as exc:
        raise EvaluationError(f"{gold}:{exc.lineno}: not valid JSON ({exc.msg})") from None


def _lines(path: Path) -> Iterator[tuple[int, Any]]:
    try:
        handle = path.open(encoding="utf-8")
    except OSError as exc:
        raise EvaluationError(f"{path}: cannot be read ({exc.strerror})") from None
    with handle:
        number = 0
        try:
            for number, line in enumerate(handle, start=1):  # noqa: B007
                if not line.strip():
                    continue
                try:
                    yield number, json.loads(line)
                except json.JSONDecodeError as exc:
                    raise EvaluationError(
                        f"{path}:{number}: not valid JSON ({exc.msg})"
                    ) from None
        except UnicodeDecodeError as exc:
            raise EvaluationError(f"{path}:{number + 1}: not UTF-8 text ({exc.reason})") from None


def _check(
    record: Any,
    fields: Mapping[str, Check],
    extra: Callable[[dict[str, Any]], str | None] | None,
) -> str | None:
    if not isinstance(record, dict):
        return "a record must be a JSON object"
    for key, check in fields.items():
        if key not in record:
            return f"missing field {key!r}"
        problem = check(record[key])
        if problem:
            return f"field {key!r} {problem}"
    return extra(record) if extra else None
