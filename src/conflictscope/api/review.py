"""Routes that write (the review loop): merge two canonical events, split mentions off one.

Thin over ``Store.merge_events`` / ``Store.split_event`` (audited analyst overrides that hold
through re-clustering and re-ingest: docs/store.md). Every write needs the server's token
(``Authorization: Bearer TOKEN``); a server started ``--read-only`` or without a token refuses
all writes.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from conflictscope.api.events import pool
from conflictscope.api.models import ErrorRecord, MergeRequest, SplitRequest, WriteResult
from conflictscope.errors import StoreError
from conflictscope.store.base import Override

router = APIRouter(prefix="/api", tags=["review"])
bearer = HTTPBearer(auto_error=False, description="The server's write token.")
REFUSED: dict[int | str, dict[str, Any]] = {
    401: {"model": ErrorRecord, "description": "No token, or not the server's token."},
    403: {"model": ErrorRecord, "description": "Writes are disabled (read-only, or no token set)."},
    404: {"model": ErrorRecord, "description": "No such event."},
    409: {"model": ErrorRecord, "description": "The override does not apply (already one event, "
                                               "not its mentions, ...)."},
}


class Refused(Exception):
    """A write refused: HTTP status and message."""

    def __init__(self, status: int, message: str) -> None:
        super().__init__(message)
        self.status = status


def require_token(request: Request,
                  credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)]) -> None:
    """FastAPI dependency: the request may write (writes enabled, and the right token)."""
    config = pool(request).config
    if config.read_only:
        raise Refused(403, "this server is read-only: writes are refused")
    if not config.token:
        raise Refused(403, "writes are disabled: the server was started without a token")
    if credentials is None or not config.token_matches(credentials.credentials):
        raise Refused(401, "a write needs the server's token (Authorization: Bearer TOKEN)")


def _result(done: Override, event_id: str | None) -> JSONResponse:
    record = asdict(done)
    record["mention_ids"] = list(done.mention_ids)
    return JSONResponse({"override": record, "event_id": event_id})


def _write_error(exc: StoreError) -> Refused:
    message = str(exc)
    return Refused(404 if message.startswith("no event") else 409, message)


@router.post("/events/merge", response_model=WriteResult, responses=REFUSED,
             dependencies=[Depends(require_token)], summary="Merge two events (analyst override)")
def merge(request: Request, body: MergeRequest) -> Any:
    """The canonical events ``first`` and ``second`` (or those holding these mentions) are one
    event; kept as an audit record (who, when, why) that survives re-clustering and re-ingest."""
    try:
        with pool(request).writer() as store:
            done = store.merge_events(body.first, body.second, reason=body.reason,
                                      author=body.author or "api")
            merged = store.cluster_name(body.first)
    except StoreError as exc:
        raise _write_error(exc) from None
    request.app.state.grids.clear()
    return _result(done, merged)


@router.post("/events/{event_id}/split", response_model=WriteResult, responses=REFUSED,
             dependencies=[Depends(require_token)], summary="Split mentions off an event")
def split(request: Request, event_id: str, body: SplitRequest) -> Any:
    """The named mentions leave the canonical event ``event_id`` (together); an audit record
    that survives re-clustering and re-ingest."""
    try:
        with pool(request).writer() as store:
            done = store.split_event(event_id, body.mentions, reason=body.reason,
                                     author=body.author or "api")
            left = store.cluster_name(event_id)
    except StoreError as exc:
        raise _write_error(exc) from None
    request.app.state.grids.clear()
    return _result(done, left)
