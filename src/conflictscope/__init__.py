"""conflictscope: news reports in, ACLED-coded, geocoded, sourced conflict events out."""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING

__version__ = "0.1.0"

if TYPE_CHECKING:
    from conflictscope.models import Event
    from conflictscope.store.base import Store


def extract(
    text: str,
    *,
    published: date | str | None = None,
    title: str = "",
    url: str = "",
    publisher: str = "",
    article_id: str | None = None,
) -> list[Event]:
    """The conflict events one news report describes, as typed ``Event`` records.

    ``published`` (a date or ISO ``YYYY-MM-DD`` string) anchors relative dates
    such as "yesterday" or "in March".
    """
    from conflictscope.ingest.text import parse_date
    from conflictscope.models import Article
    from conflictscope.pipeline.core import default_pipeline

    when = parse_date(published) if isinstance(published, str) else published
    article = Article.from_text(
        text, published=when, id=article_id, title=title, url=url, publisher=publisher
    )
    return list(default_pipeline()(article).events)


def open_store(url: str = "conflictscope.db") -> Store:
    """Open an event store: a SQLite path/``sqlite:///`` URL or ``postgresql://`` URL."""
    from conflictscope.store import open_store as _open_store

    return _open_store(url)


__all__ = ["__version__", "extract", "open_store"]
