"""``FastJSON`` (orjson) writes the JSON ``JSONResponse`` writes, and falls back to it for what
orjson refuses."""

from __future__ import annotations

import json

from fastapi.responses import JSONResponse

from conflictscope.api.responses import FastJSON


def test_the_same_json_as_the_standard_response() -> None:
    body = {"events": [{"event_id": "a", "notes": "Ḥamāh ‘quoted’ <b>", "latitude": 34.123456789,
                        "confidence": 0.1 + 0.2, "deaths": None, "ok": True, "sources": []}],
            "next_cursor": None, "limit": 100}
    assert json.loads(FastJSON(body).body) == json.loads(JSONResponse(body).body) == body
    assert "Ḥamāh".encode() in FastJSON(body).body  # UTF-8, not escaped
    assert FastJSON(body).headers["content-type"] == "application/json"


def test_what_orjson_refuses_goes_to_the_standard_library() -> None:
    huge = {"n": 2**70}
    assert FastJSON(huge).body == JSONResponse(huge).body
    assert json.loads(FastJSON(huge).body) == huge
