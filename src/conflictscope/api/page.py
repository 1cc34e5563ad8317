"""The web page at ``/``: its own files (``api/static``) and the map libraries installed from
the npm registry by ``make setup`` into ``web/node_modules`` (Leaflet, world-atlas's Natural
Earth country outlines, topojson-client). Nothing is fetched from elsewhere at run time.

``CONFLICTSCOPE_WEB_ASSETS`` names another ``node_modules`` folder holding the same packages.
"""

from __future__ import annotations

import os
from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles

STATIC = Path(__file__).parent / "static"
#: URL path under /vendor -> file or folder inside node_modules.
VENDOR = {
    "leaflet": "leaflet/dist",
    "world-atlas": "world-atlas",
    "topojson-client": "topojson-client/dist",
}


def vendor_root() -> Path | None:
    """The ``node_modules`` folder holding the page's libraries, or None when not installed."""
    candidates = [os.environ.get("CONFLICTSCOPE_WEB_ASSETS", ""),
                  str(Path(__file__).resolve().parents[3] / "web" / "node_modules")]
    for candidate in candidates:
        if candidate and all((Path(candidate) / p).exists() for p in VENDOR.values()):
            return Path(candidate)
    return None


def mount(app: FastAPI) -> None:
    """Serve the page at ``/``, its files at ``/static`` and the libraries at ``/vendor``."""
    root = vendor_root()
    if root is not None:
        for name, inner in VENDOR.items():
            app.mount(f"/vendor/{name}", StaticFiles(directory=root / inner), name=f"vendor-{name}")
    app.mount("/static", StaticFiles(directory=STATIC), name="static")

    @app.get("/", include_in_schema=False)
    def index() -> object:
        if root is None:
            return JSONResponse({"error": "the page's map libraries are not installed: run "
                                          "`make setup` (npm ci in web/)"}, status_code=503)
        return FileResponse(STATIC / "index.html", media_type="text/html; charset=utf-8")
