"""The web application: the REST API under ``/api``, ``/openapi.json``, and the page at ``/``.

``create_app(ServeConfig(db=...))`` builds it; ``conflictscope serve`` runs it with uvicorn.
Security model (docs/serve.md): only parametrised SQL (the store library); request bodies
are capped (413), queries are interrupted past a time limit (503), every error is a short
JSON object without a stack trace; responses carry ``nosniff``, a strict
Content-Security-Policy and no framing; writes need the token.
"""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI, Request
from fastapi.encoders import jsonable_encoder
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from conflictscope import __version__
from conflictscope.api import events, exports, page, review, summaries
from conflictscope.api.config import QueryTimeout, ServeConfig, StorePool
from conflictscope.api.models import Health, Version
from conflictscope.errors import StoreError

API_VERSION = "1"
log = logging.getLogger("conflictscope.api")
#: The page may load its own scripts, styles and data, and (when the user switches the
#: online layer on) tiles from OpenStreetMap; nothing else.
CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; "
       "img-src 'self' data: https://tile.openstreetmap.org; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'none'")
SECURITY_HEADERS = [(b"x-content-type-options", b"nosniff"), (b"x-frame-options", b"DENY"),
                    (b"referrer-policy", b"no-referrer"),
                    (b"content-security-policy", CSP.encode())]


def _error(status: int, message: str, detail: Any = None) -> JSONResponse:
    body: dict[str, Any] = {"error": message}
    if detail is not None:
        body["detail"] = detail
    return JSONResponse(body, status_code=status)


class _TooLarge(Exception):
    pass


class Guard:
    """ASGI middleware: caps the request body (HTTP 413) and adds the security headers."""

    def __init__(self, app: ASGIApp, max_body: int) -> None:
        self.app, self.max_body = app, max_body

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = False

        async def send_secured(message: Message) -> None:
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                message["headers"] = [*message.get("headers", []), *SECURITY_HEADERS]
            await send(message)

        length = dict(scope.get("headers", [])).get(b"content-length", b"0")
        if not length.isdigit() or int(length) > self.max_body:
            await _error(413, f"the request body is limited to {self.max_body} bytes")(
                scope, receive, send_secured)
            return
        seen = 0

        async def receive_capped() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_body:
                    raise _TooLarge
            return message

        try:
            await self.app(scope, receive_capped, send_secured)
        except _TooLarge:
            if not started:
                await _error(413, f"the request body is limited to {self.max_body} bytes")(
                    scope, receive, send_secured)


def create_app(config: ServeConfig) -> FastAPI:
    """The application serving the store ``config.db``."""
    store_pool = StorePool(config)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        warming = app.state.warming = summaries.warm(app) if config.warm_grid else None
        yield
        if warming is not None:
            warming.join(timeout=5)
        store_pool.close()

    app = FastAPI(title="conflictscope", version=__version__, lifespan=lifespan,
                  docs_url=None, redoc_url=None, openapi_url="/openapi.json",
                  description="Events of armed conflict extracted from news reports: query, "
                              "summarise, export and review them (docs/serve.md).")
    app.state.pool = store_pool
    app.state.grids, app.state.aggregates = summaries.caches(store_pool)
    app.state.config = config
    for module in (events, summaries, exports, review):
        app.include_router(module.router)
    _handlers(app)

    @app.get("/api/health", response_model=Health, tags=["meta"], summary="Health")
    def health(request: Request) -> Any:
        """Whether the store answers, how many canonical events it holds, whether this
        server accepts writes, and whether it has built its start-up summaries (``warm``)."""
        with store_pool.reader() as store:
            count = store.count_events()
        warming = getattr(request.app.state, "warming", None)
        return {"status": "ok", "events": count, "writes_enabled": config.writes_enabled,
                "warm": warming is None or not warming.is_alive()}

    @app.get("/api/version", response_model=Version, tags=["meta"], summary="Versions")
    def version(request: Request) -> Any:
        """The conflictscope version, the store's schema version and the API version."""
        with store_pool.reader() as store:
            schema = store.stats().schema_version
        return {"version": __version__, "schema_version": schema, "api": API_VERSION}

    page.mount(app)
    app.add_middleware(Guard, max_body=config.max_body_bytes)
    return app


def _handlers(app: FastAPI) -> None:
    @app.exception_handler(review.Refused)
    async def refused(request: Request, exc: review.Refused) -> JSONResponse:
        return _error(exc.status, str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError) -> JSONResponse:
        detail = [{"loc": list(e.get("loc", ())), "msg": str(e.get("msg", "")),
                   "type": str(e.get("type", ""))} for e in exc.errors()]
        return _error(422, "invalid request", jsonable_encoder(detail))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> JSONResponse:
        return _error(exc.status_code, str(exc.detail))

    @app.exception_handler(QueryTimeout)
    async def timeout(request: Request, exc: QueryTimeout) -> JSONResponse:
        return _error(503, str(exc))

    @app.exception_handler(StoreError)
    async def store_error(request: Request, exc: StoreError) -> JSONResponse:
        log.warning("store error on %s: %s", request.url.path, exc)
        return _error(503, "the store could not answer this request")

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception) -> JSONResponse:
        log.error("internal error on %s", request.url.path, exc_info=exc)
        return _error(500, "internal error")
