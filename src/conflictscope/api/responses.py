"""The JSON response of the read routes: serialised by orjson (pinned in the ``serve`` extra),
several times faster than the standard library on a page of 100 events.

The bytes mean the same JSON as ``JSONResponse`` (UTF-8, no ASCII escaping); a body orjson
refuses (an integer beyond 64 bits) falls back to the standard library. NaN and infinities,
which the standard library writes as invalid JSON, are written as ``null``.
"""

from __future__ import annotations

from typing import Any

import orjson
from fastapi.responses import JSONResponse


class FastJSON(JSONResponse):
    """``JSONResponse`` rendered with orjson."""

    def render(self, content: Any) -> bytes:
        """The body: orjson's bytes, or the standard library's when orjson refuses it."""
        try:
            return orjson.dumps(content)
        except TypeError:  # orjson.JSONEncodeError is a TypeError
            return super().render(content)
