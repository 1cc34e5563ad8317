"""HTML pages to articles with trafilatura: main text, title, date and URL, offline."""

from __future__ import annotations

import json
from datetime import date

from conflictscope.errors import InputError
from conflictscope.ingest.text import DEFAULT_MAX_CHARS, clean_text, decode_bytes, parse_date
from conflictscope.models import Article

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
#: Fewer words than this in the main text: the page holds no article (menus, errors).
MIN_WORDS = 8


def article_from_html(
    data: bytes,
    *,
    name: str,
    article_id: str | None = None,
    published: date | None = None,
    default_published: date | None = None,
    url: str = "",
    max_chars: int = DEFAULT_MAX_CHARS,
) -> tuple[Article, tuple[str, ...]]:
    """The article in an HTML page, with warnings; InputError when it holds no article.

    The date is ``published`` (e.g. from a sidecar), else the page's own date,
    else ``default_published`` (e.g. ``--published``).
    """
    import trafilatura

    page = decode_bytes(data, name=name).text
    try:
        raw = trafilatura.extract(
            page, output_format="json", with_metadata=True, include_comments=False,
            include_tables=False, url=url or None, favor_precision=True,
        )
    except Exception as exc:  # trafilatura raises assorted errors on odd markup
        raise InputError(f"{name}: the HTML could not be parsed ({type(exc).__name__})") from None
    if not raw:
        raise InputError(f"{name}: no article text found in the HTML page")
    meta = json.loads(raw)
    body = (meta.get("text") or meta.get("raw_text") or "").strip()
    if len(body.split()) < MIN_WORDS:
        raise InputError(f"{name}: no article text found in the HTML page")
    cleaned = clean_text(body, name=name, max_chars=max_chars)
    try:
        when = parse_date(meta.get("date"), name=f"{name}: page date")
    except InputError:
        when = None
    article = Article.from_text(
        cleaned.text,
        published=published or when or default_published,
        id=article_id,
        title=str(meta.get("title") or ""),
        url=url or str(meta.get("source") or meta.get("url") or ""),
        publisher=str(meta.get("sitename") or meta.get("hostname") or ""),
    )
    return article, cleaned.warnings
