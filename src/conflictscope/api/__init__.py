"""The HTTP interface: a REST API over the event store, and the web page (``conflictscope serve``).

Only this package imports the web framework (FastAPI, Starlette, uvicorn: the ``serve`` extra);
its routes are thin shells over the store library. ``create_app(ServeConfig(db=...))`` builds
the application (docs/serve.md).
"""

from __future__ import annotations

from conflictscope.api.app import create_app
from conflictscope.api.config import ServeConfig

__all__ = ["ServeConfig", "create_app"]
