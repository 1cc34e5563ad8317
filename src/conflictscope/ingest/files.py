"""Walking ingest inputs: files, folders, sidecar metadata; one journal key per input.

Inputs are plain text (``.txt`` or any other text file), JSON Lines (``.jsonl``,
``.ndjson``, or ``.json`` holding records), and HTML pages (``.html``/``.htm``).
A folder is walked recursively in sorted order. ``REPORT.txt`` (or
``REPORT.html``) may have a sidecar ``REPORT.json`` with ``published``,
``title``, ``url``, ``publisher`` and ``id``. The date is the sidecar's, else
the HTML page's own, else ``--published`` (the default for inputs with none).

Each item is keyed for the ingest journal: the file path, or
``path#article-id`` for a record of a JSON Lines file.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path
from typing import Any

from conflictscope.errors import InputError
from conflictscope.ingest.html import HTML_SUFFIXES, article_from_html
from conflictscope.ingest.readers import JSONL_SUFFIXES, InputProblem, read_inputs
from conflictscope.ingest.text import DEFAULT_MAX_CHARS, parse_date
from conflictscope.models import Article

SKIP_NAMES = (".DS_Store",)


@dataclass(frozen=True, slots=True)
class InputItem:
    """One article (or one problem) read from an input, with its journal key."""

    key: str
    article: Article | None = None
    problem: InputProblem | None = None


def expand_paths(paths: Iterable[str]) -> Iterator[tuple[Path, str | None]]:
    """Files to read: ``(path, id_prefix)``; folder files get their relative path as id."""
    for raw in paths:
        path = Path(raw)
        if path.is_dir():
            for child in sorted(p for p in path.rglob("*") if p.is_file()):
                if child.name.startswith(".") or child.name in SKIP_NAMES:
                    continue
                if _is_sidecar(child):
                    continue
                yield child, child.relative_to(path).with_suffix("").as_posix()
        else:
            yield path, None


def _is_sidecar(path: Path) -> bool:
    if path.suffix.lower() != ".json":
        return False
    return any(path.with_suffix(s).exists() for s in (".txt", *HTML_SUFFIXES))


def read_sidecar(path: Path) -> dict[str, Any]:
    """The metadata of ``REPORT.json`` beside ``REPORT.txt`` (empty if none)."""
    sidecar = path.with_suffix(".json")
    if path.suffix.lower() == ".json" or not sidecar.exists():
        return {}
    try:
        data = json.loads(sidecar.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{sidecar}: the sidecar metadata is not valid JSON ({exc})") from None
    if not isinstance(data, dict):
        raise InputError(f"{sidecar}: the sidecar metadata must be a JSON object")
    return data


def iter_items(
    paths: Iterable[str], *, published: date | None = None, max_chars: int = DEFAULT_MAX_CHARS
) -> Iterator[InputItem]:
    """Every article and problem of the inputs, keyed for the journal."""
    for path, id_hint in expand_paths(paths):
        key = str(path)
        try:
            yield from _read_one(path, key, id_hint, published, max_chars)
        except InputError as exc:
            yield InputItem(key, problem=InputProblem(key, str(exc)))
        except OSError as exc:
            yield InputItem(key, problem=InputProblem(key, f"{key}: cannot be read ({exc.strerror})"))


def _read_one(
    path: Path, key: str, id_hint: str | None, published: date | None, max_chars: int
) -> Iterator[InputItem]:
    if not path.exists():
        raise InputError(f"{path}: no such file")
    suffix = path.suffix.lower()
    if suffix in JSONL_SUFFIXES:
        for item in read_inputs([str(path)], published=published, max_chars=max_chars):
            if isinstance(item, InputProblem):
                yield InputItem(item.source, problem=item)
            else:
                yield InputItem(f"{key}#{item.id}", article=item)
        return
    meta = read_sidecar(path)
    sidecar_date = parse_date(meta.get("published"), name=f"{path}: sidecar published")
    when = sidecar_date or published
    article_id = str(meta.get("id") or id_hint or path.stem)
    if suffix in HTML_SUFFIXES:
        try:
            data = path.read_bytes()
        except OSError as exc:
            raise InputError(f"{path}: cannot be read ({exc.strerror})") from None
        article, warnings = article_from_html(
            data, name=key, article_id=article_id, published=sidecar_date,
            default_published=published,
            url=str(meta.get("url") or ""), max_chars=max_chars,
        )
        for warning in warnings:
            yield InputItem(key, problem=InputProblem(key, warning, fatal=False))
    else:
        found: Article | None = None
        for item in read_inputs([str(path)], published=when, max_chars=max_chars):
            if isinstance(item, InputProblem):
                if item.fatal:
                    raise InputError(item.message)
                yield InputItem(key, problem=item)
            else:
                found = item
        if found is None:
            raise InputError(f"{path}: no text")
        article = replace(found, id=article_id)
    yield InputItem(key, article=_apply_meta(article, meta))


def _apply_meta(article: Article, meta: dict[str, Any]) -> Article:
    changes: dict[str, Any] = {k: str(meta[k]) for k in ("title", "url", "publisher") if meta.get(k)}
    return replace(article, **changes) if changes else article
