"""Small helpers shared by CLI commands: errors, dates, progress."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from functools import wraps
from typing import Any, TypeVar

import click

from conflictscope.errors import ConflictscopeError

F = TypeVar("F", bound=Callable[..., Any])


def friendly_errors(func: F) -> F:
    """Turn conflictscope errors into a clean one-line message and exit code 1."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except ConflictscopeError as exc:
            raise click.ClickException(str(exc)) from None

    return wrapper  # type: ignore[return-value]


def parse_date_option(ctx: click.Context, param: click.Parameter, value: str | None) -> date | None:
    """Click callback: a YYYY-MM-DD option value as a date."""
    if value is None:
        return None
    try:
        return date.fromisoformat(value)
    except ValueError:
        raise click.BadParameter(f"{value!r} is not a date (expected YYYY-MM-DD)") from None


def warn(message: str) -> None:
    """Print a warning to standard error."""
    click.echo(f"warning: {message}", err=True)


def scope_option(func: Any) -> Any:
    """The ``--scope`` option: the coding scope (default: ``CONFLICTSCOPE_SCOPE``, else ``acled``)."""
    from conflictscope.resources import SCOPES

    return click.option(
        "--scope", type=click.Choice(SCOPES), default=None,
        help="Coding scope: acled (default, or $CONFLICTSCOPE_SCOPE), or all-violence, which also "
             "keeps violent crime as events marked scope=violent-crime (docs/merge.md).",
    )(func)


#: ``--rows`` choices: the row model's two operating points, or every row (no row model).
ROW_CHOICES = ("precision", "recall", "all")


def rows_option(func: Any) -> Any:
    """The ``--rows`` option: which rows the report-context row model keeps."""
    return click.option(
        "--rows", type=click.Choice(ROW_CHOICES), default=None,
        help="Rows the report-context row model keeps: precision (default, or $CONFLICTSCOPE_ROWCHECK), "
             "recall (loses fewer events, keeps more false rows), or all (no row model; docs/pipeline.md).",
    )(func)


def scoped_pipeline(scope: str | None, rows: str | None = None) -> Any:
    """The default pipeline, or one of the same settings in another coding scope or row mode."""
    from conflictscope.pipeline.core import Pipeline, default_pipeline
    from conflictscope.resources import Settings

    if scope is None and rows is None:
        return default_pipeline()
    settings = Settings.from_env()
    if scope is not None:
        settings = settings.but(scope=scope)
    if rows == "all":
        settings = settings.but(rowcheck=False)
    elif rows is not None:
        settings = settings.but(rowcheck=True, rowcheck_mode=rows)
    return Pipeline(settings=settings)
