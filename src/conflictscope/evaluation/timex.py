"""Evaluate time-expression recognition and normalisation on a MEANTIME-style gold file.

Gold format (JSON Lines): ``{"text": ..., "dct": {"value": "YYYY-MM-DD"} | null,
"timexes": [{"type", "value", "start", "end", "text"}, ...]}``; timexes whose
``start`` is null (implicit ones) are skipped. Reported: span precision, recall and
F1 (strict: same offsets; relaxed: overlap), value accuracy by type (gold span
found and value exactly equal), and the DATE value accuracy of plain dateparser
given the gold spans, as a baseline.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from conflictscope.errors import EvaluationError
from conflictscope.evaluation.metrics import PRF
from conflictscope.timex import Timex
from conflictscope.timex.fallback import dateparser_interval


@dataclass(frozen=True, slots=True)
class GoldTimex:
    """One gold time expression."""

    start: int
    end: int
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class GoldDoc:
    """One gold document."""

    line: int
    text: str
    dct: date | None
    timexes: tuple[GoldTimex, ...]


def read_gold(path: str, limit: int | None = None) -> Iterator[GoldDoc]:
    """Parse and validate the gold file; raise EvaluationError naming the first bad line."""
    source = Path(path)
    if not source.is_file():
        raise EvaluationError(f"{path}: no such gold file")
    count = 0
    with source.open(encoding="utf-8") as handle:
        for number, line in enumerate(handle, start=1):
            if not line.strip():
                continue
            if limit is not None and count >= limit:
                return
            yield _parse_line(path, number, line)
            count += 1


def _parse_line(path: str, number: int, line: str) -> GoldDoc:
    where = f"{path}:{number}"
    try:
        record = json.loads(line)
    except json.JSONDecodeError as exc:
        raise EvaluationError(f"{where}: not valid JSON ({exc.msg})") from None
    if not isinstance(record, dict) or not isinstance(record.get("text"), str):
        raise EvaluationError(f"{where}: expected an object with a string 'text'")
    raw_timexes = record.get("timexes", [])
    if not isinstance(raw_timexes, list):
        raise EvaluationError(f"{where}: 'timexes' must be a list")
    text: str = record["text"]
    timexes: list[GoldTimex] = []
    for item in raw_timexes:
        if not isinstance(item, dict) or "value" not in item or "type" not in item:
            raise EvaluationError(f"{where}: each timex needs 'type' and 'value'")
        start, end = item.get("start"), item.get("end")
        if start is None:
            continue
        if not isinstance(start, int) or not isinstance(end, int) or not 0 <= start < end <= len(text):
            raise EvaluationError(f"{where}: timex offsets {start!r}..{end!r} are not inside the text")
        timexes.append(GoldTimex(start, end, str(item["type"]), str(item["value"])))
    return GoldDoc(number, text, _dct(record.get("dct"), where), tuple(timexes))


def _dct(raw: Any, where: str) -> date | None:
    if raw is None:
        return None
    value = raw.get("value") if isinstance(raw, dict) else raw
    if value is None:
        return None
    if not isinstance(value, str):
        raise EvaluationError(f"{where}: 'dct' must hold a date string")
    for pattern in ("%Y-%m-%d", "%d-%m-%Y", "%m-%d-%Y"):
        try:
            return datetime.strptime(value[:10], pattern).date()
        except ValueError:
            continue
    return None  # an unreadable creation date: evaluated as an article without one


def _match(gold: list[GoldTimex], found: list[Timex], strict: bool) -> dict[int, int]:
    """One-to-one matches gold index -> prediction index: exact offsets first, then most overlap."""
    options: list[tuple[int, int, int, int]] = []
    for gi, g in enumerate(gold):
        for pi, p in enumerate(found):
            overlap = min(g.end, p.end) - max(g.start, p.start)
            exact = p.start == g.start and p.end == g.end
            if exact or (not strict and overlap > 0):
                same_type = p.type == g.type
                options.append((0 if exact else 1, 0 if same_type else 1, -overlap, gi * 100000 + pi))
    pairs: dict[int, int] = {}
    used: set[int] = set()
    for *_, key in sorted(options):
        gi, pi = divmod(key, 100000)
        if gi not in pairs and pi not in used:
            pairs[gi] = pi
            used.add(pi)
    return pairs


def dateparser_value(text: str, base: date | None) -> str | None:
    """The TIMEX value plain dateparser gives an expression (the baseline)."""
    interval = dateparser_interval(text, base)
    return interval.value if interval else None


def evaluate_timex(gold_path: str, *, limit: int | None = None, use_spacy: bool = False) -> dict[str, Any]:
    """Span P/R/F1 (strict, relaxed), value accuracy by type, and the dateparser baseline.

    ``use_spacy`` adds spaCy DATE/TIME entities of the parsed sentences as extra
    candidates, as the pipeline does (slower: loads the model).
    """
    strict, relaxed = Counter[str](), Counter[str]()
    by_type: dict[str, Counter[str]] = {}
    baseline = Counter[str]()
    documents = 0
    analyses = _analyses(list(read_gold(gold_path, limit)), use_spacy)
    for doc, found in analyses:
        documents += 1
        gold = list(doc.timexes)
        for name, counter in (("strict", strict), ("relaxed", relaxed)):
            pairs = _match(gold, found, strict=name == "strict")
            counter["tp"] += len(pairs)
            counter["fp"] += len(found) - len(pairs)
            counter["fn"] += len(gold) - len(pairs)
        pairs = _match(gold, found, strict=False)
        for gi, g in enumerate(gold):
            counts = by_type.setdefault(g.type, Counter())
            counts["gold"] += 1
            if gi in pairs and found[pairs[gi]].value == g.value:
                counts["correct"] += 1
            if g.type == "DATE":
                baseline["gold"] += 1
                if dateparser_value(doc.text[g.start : g.end], doc.dct) == g.value:
                    baseline["correct"] += 1
    accuracy = {
        kind: {"gold": c["gold"], "correct": c["correct"], "accuracy": _ratio(c["correct"], c["gold"])}
        for kind, c in sorted(by_type.items())
    }
    date_counts = by_type.get("DATE", Counter())
    return {
        "documents": documents,
        "span_strict": PRF(strict["tp"], strict["fp"], strict["fn"]).as_dict(),
        "span_relaxed": PRF(relaxed["tp"], relaxed["fp"], relaxed["fn"]).as_dict(),
        "value_accuracy": accuracy,
        "date_value_accuracy": _ratio(date_counts["correct"], date_counts["gold"]),
        "dateparser_date_value_accuracy": _ratio(baseline["correct"], baseline["gold"]),
        "use_spacy": use_spacy,
    }


def _analyses(docs: list[GoldDoc], use_spacy: bool) -> Iterator[tuple[GoldDoc, list[Timex]]]:
    from conflictscope.models import Article
    from conflictscope.pipeline.dates import analyzed_times
    from conflictscope.pipeline.nlp import analyze_many, unparsed

    articles = [Article.from_text(d.text, published=d.dct, id=f"gold-{d.line}") for d in docs]
    analyses = analyze_many(articles) if use_spacy else (unparsed(a) for a in articles)
    for doc, analyzed in zip(docs, analyses, strict=True):
        yield doc, list(analyzed_times(analyzed).timexes)


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 4) if whole else 0.0
