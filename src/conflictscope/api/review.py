"""Routes that write (the review loop): merge two canonical events, split mentions off one,
correct a field of an event or mark it not an event.

Thin over ``Store.merge_events`` / ``Store.split_event`` (audited analyst overrides that hold
through re-clustering and re-ingest: docs/store.md) and ``Store.correct_event`` (audited
corrections, re-applied on top of every later extraction). Every write needs the server's token
(``Authorization: Bearer TOKEN``); a server started ``--read-only`` or without a token refuses
all writes.
"""

from __future__ import annotations

from dataclasses import asdict
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer

from conflictscope.api import summaries
from conflictscope.api.events import pool
from conflictscope.api.models import (
    CorrectionRequest,
    CorrectionResult,
    ErrorRecord,
    MergeRequest,
    SplitRequest,
    WriteResult,
)
from conflictscope.errors import StoreError
from conflictscope.serialize import event_to_dict
from conflictscope.store.base import Correction, Override
from conflictscope.store.corrections import InvalidCorrection

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
    summaries.forget(request.app)
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
    summaries.forget(request.app)
    return _result(done, left)


CORRECTION_REFUSED: dict[int | str, dict[str, Any]] = {
    **REFUSED,
    409: {"model": ErrorRecord, "description": "The field already has that value."},
    422: {"model": ErrorRecord, "description": "Unknown field or invalid value (the message says why)."},
}


def correction_record(done: Correction) -> dict[str, Any]:
    """A correction as JSON-ready data (``CorrectionRecord``)."""
    return asdict(done)


@router.post("/events/{event_id}/corrections", response_model=CorrectionResult,
             responses=CORRECTION_REFUSED, dependencies=[Depends(require_token)],
             summary="Correct a field of an event, or mark it not an event")
def correct(request: Request, event_id: str, body: CorrectionRequest) -> Any:
    """Set ``field`` of the canonical event ``event_id`` (or of the mention ``event_id``) to
    ``value``; ``field`` ``not_an_event`` with ``true`` hides the event from queries and exports
    (``false`` takes it back). Validated (422 with the reason), audited (who, when, old and new
    value, why) and re-applied after re-ingest, re-extraction and re-clustering."""
    try:
        with pool(request).writer() as store:
            done = store.correct_event(event_id, body.field, body.value, reason=body.reason,
                                       author=body.author or "api")
            name = store.cluster_name(event_id)
            view = store.event_cluster(event_id)
    except InvalidCorrection as exc:
        raise Refused(422, str(exc)) from None
    except StoreError as exc:
        raise _write_error(exc) from None
    summaries.forget(request.app)
    return JSONResponse({"correction": correction_record(done), "event_id": name,
                         "event": event_to_dict(view.event) if view else None})
