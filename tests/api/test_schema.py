"""Schemathesis against ``/openapi.json``: generated requests to every operation of a server of
the sample store (writes enabled, the token sent) never get a 5xx, and every response conforms
to the schema (status code, content type, body).

Each operation's Hypothesis strategy is driven here directly (``operation.as_strategy()``):
schemathesis 4.32's pytest plugin (``from_fixture``) does not run under pytest 9.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, given, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from conflictscope.api import ServeConfig, create_app

from .stores import sample_db, writable_copy

OPERATIONS = [
    ("GET", "/api/events"), ("GET", "/api/events/{event_id}"), ("GET", "/api/articles/{article_id}"),
    ("GET", "/api/aggregates"), ("GET", "/api/clusters"), ("GET", "/api/export"),
    ("POST", "/api/events/merge"), ("POST", "/api/events/{event_id}/split"),
    ("POST", "/api/events/{event_id}/corrections"),
    ("GET", "/api/health"), ("GET", "/api/version"),
]


@pytest.fixture(scope="module")
def api_schema(tmp_path_factory: pytest.TempPathFactory) -> Iterator[schemathesis.BaseSchema]:
    sample_db()
    db = writable_copy(Path(tmp_path_factory.mktemp("schema")) / "schema.db")
    yield schemathesis.openapi.from_asgi("/openapi.json", create_app(ServeConfig(db=str(db), token="tok")))


def test_the_schema_lists_every_operation(api_schema: schemathesis.BaseSchema) -> None:
    listed = {(r.ok().method.upper(), r.ok().path) for r in api_schema.get_all_operations()}
    assert listed == set(OPERATIONS)


@pytest.mark.parametrize(("method", "path"), OPERATIONS)
def test_no_server_error_and_every_response_conforms(api_schema: schemathesis.BaseSchema,
                                                     method: str, path: str) -> None:
    operation = api_schema[path][method]

    @given(case=operation.as_strategy())
    @settings(max_examples=30, deadline=None, database=None,
              suppress_health_check=list(HealthCheck))
    def check(case: schemathesis.Case) -> None:
        case.call_and_validate(
            headers={"Authorization": "Bearer tok"},
            checks=[not_a_server_error, status_code_conformance, content_type_conformance, response_schema_conformance])

    check()
