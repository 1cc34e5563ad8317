"""The web page in a real browser: Debian's Chromium driven by Playwright, against the real
server on loopback serving the sample store. Screenshots go to tests/artifacts/ (gitignored).

Skipped with a reason when /usr/bin/chromium or the page's npm libraries are missing
(`.ci/run` installs Chromium; `make setup` installs the libraries).
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest

from conflictscope.api import ServeConfig
from conflictscope.api.page import vendor_root
from conflictscope.api.server import running

from .stores import sample_db

CHROMIUM = Path("/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[1] / "artifacts"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync"]

pytestmark = [
    pytest.mark.skipif(not CHROMIUM.exists(), reason="no /usr/bin/chromium (apt-get install chromium)"),
    pytest.mark.skipif(vendor_root() is None, reason="the page's npm libraries are not installed (make setup)"),
]
playwright_api = pytest.importorskip("playwright.sync_api")


@pytest.fixture(scope="module")
def browser() -> Iterator[object]:
    with playwright_api.sync_playwright() as p:
        launched = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        yield launched
        launched.close()


@pytest.fixture(scope="module")
def base() -> Iterator[str]:
    with running(ServeConfig(db=str(sample_db()), read_only=True)) as url:
        yield url


@pytest.fixture()
def page(browser: object, base: str) -> Iterator[object]:
    # bypass_csp: Playwright's polling evaluates strings, which the page's CSP forbids; it also
    # shows that the page alone (textContent) keeps a hostile report inert, without the CSP.
    context = browser.new_context(viewport={"width": 1400, "height": 900}, bypass_csp=True)  # type: ignore[attr-defined]
    opened = context.new_page()
    errors: list[str] = []
    opened.on("pageerror", lambda e: errors.append(str(e)))
    opened.add_init_script("window.__alerts = []; window.alert = (m) => window.__alerts.push(String(m));")
    opened.errors = errors
    yield opened
    context.close()
    assert errors == []


def load(page: object, url: str) -> None:
    page.goto(url)  # type: ignore[attr-defined]
    page.wait_for_function("window.conflictscope && window.conflictscope.ready", timeout=30_000)  # type: ignore[attr-defined]


def shot(page: object, name: str) -> None:
    ARTIFACTS.mkdir(exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / f"{name}.png"))  # type: ignore[attr-defined]


def listed_ids(page: object) -> list[str]:
    return page.eval_on_selector_all("#list button", "bs => bs.map(b => b.dataset.eventId)")  # type: ignore[attr-defined, no-any-return]


def api_ids(page: object, base: str, query: str) -> set[str]:
    body = page.request.get(f"{base}/api/events?limit=500&{query}").json()  # type: ignore[attr-defined]
    return {e["event_id"] for e in body["events"]}


def test_the_map_loads_with_clusters_outlines_list_and_timeline(page: object, base: str) -> None:
    load(page, f"{base}/")
    assert page.locator(".cluster").count() >= 3  # type: ignore[attr-defined]
    assert page.locator("path.leaflet-interactive, svg path").count() > 100  # type: ignore[attr-defined]
    assert set(listed_ids(page)) == api_ids(page, base, "")
    assert page.locator("#timeline rect.bar").count() > 12  # type: ignore[attr-defined]
    labels = page.eval_on_selector_all(".leaflet-marker-icon", "ms => ms.map(m => m.title)")  # type: ignore[attr-defined]
    assert all("event(s), mostly" in label for label in labels)  # type is said in words, not only colour
    shot(page, "page-map")


def test_filter_by_type_updates_map_list_and_url(page: object, base: str) -> None:
    load(page, f"{base}/")
    before = page.evaluate("window.conflictscope.clusterTotal")  # type: ignore[attr-defined]
    page.select_option("#f-type", "Battles")  # type: ignore[attr-defined]
    page.wait_for_function("location.search.includes('event_type=Battles')")  # type: ignore[attr-defined]
    expected = api_ids(page, base, "event_type=Battles")
    page.wait_for_function(f"document.querySelectorAll('#list button').length === {len(expected)}")  # type: ignore[attr-defined]
    assert set(listed_ids(page)) == expected
    page.wait_for_function(f"window.conflictscope.clusterTotal === {len(expected)}")  # type: ignore[attr-defined]
    assert len(expected) < before
    shot(page, "page-filter-type")
    # the view state is in the URL: a reload shows the same filter
    load(page, page.url)  # type: ignore[attr-defined]
    assert page.input_value("#f-type") == "Battles" and set(listed_ids(page)) == expected  # type: ignore[attr-defined]


def test_a_date_brush_on_the_timeline_filters_map_and_list(page: object, base: str) -> None:
    load(page, f"{base}/")
    box = page.locator("#timeline").bounding_box()  # type: ignore[attr-defined]
    y = box["y"] + box["height"] / 2
    page.mouse.move(box["x"] + 2, y)  # type: ignore[attr-defined]
    page.mouse.down()  # type: ignore[attr-defined]
    page.mouse.move(box["x"] + box["width"] * 0.45, y, steps=5)  # type: ignore[attr-defined]
    page.mouse.up()  # type: ignore[attr-defined]
    page.wait_for_function("location.search.includes('until=')")  # type: ignore[attr-defined]
    query = parse_qs(urlsplit(page.url).query)  # type: ignore[attr-defined]
    since, until = query["since"][0], query["until"][0]
    expected = api_ids(page, base, f"since={since}&until={until}")
    assert 0 < len(expected) < len(api_ids(page, base, ""))
    page.wait_for_function(f"document.querySelectorAll('#list button').length === {len(expected)}")  # type: ignore[attr-defined]
    assert set(listed_ids(page)) == expected
    assert page.input_value("#f-since") == since  # type: ignore[attr-defined]
    shot(page, "page-date-brush")


def test_an_event_shows_its_evidence_highlighted_by_mouse_and_keyboard(page: object, base: str) -> None:
    load(page, f"{base}/?country=Iraq")
    page.locator("#list button").first.focus()  # type: ignore[attr-defined]
    page.keyboard.press("Enter")  # type: ignore[attr-defined]
    page.wait_for_selector("#article-text mark")  # type: ignore[attr-defined]
    event_id = parse_qs(urlsplit(page.url).query)["event"][0]  # type: ignore[attr-defined]
    detail = page.request.get(f"{base}/api/events/{event_id}").json()  # type: ignore[attr-defined]
    article = page.request.get(f"{base}/api/articles/{detail['fields']['actor1']['article_id']}").json()  # type: ignore[attr-defined]

    def covered(field: str) -> str:  # the text of every evidence span of the field, in text order
        spans = detail["fields"][field]["evidence"]
        return "".join(article["text"][i] for i in sorted({i for s in spans for i in range(s["start"], s["end"])}))

    def active() -> str:
        return page.eval_on_selector_all("#article-text mark.active", "ms => ms.map(m => m.textContent).join('')")  # type: ignore[attr-defined, no-any-return]

    page.hover("#panel-fields tr[data-field='actor1']")  # type: ignore[attr-defined]
    assert active() == covered("actor1") and active()
    shot(page, "page-evidence")
    page.focus("#panel-fields tr[data-field='location']")  # type: ignore[attr-defined]
    assert active() == covered("location") and active()
    page.keyboard.press("Escape")  # type: ignore[attr-defined]
    assert page.locator("#panel").is_hidden()  # type: ignore[attr-defined]


def test_a_hostile_report_runs_no_script(page: object, base: str) -> None:
    load(page, f"{base}/?text=kawuri")
    ids = listed_ids(page)
    assert ids, "the hostile report has an event"
    page.locator("#list button").first.click()  # type: ignore[attr-defined]
    page.wait_for_selector("#article-text mark")  # type: ignore[attr-defined]
    assert page.evaluate("window.__alerts") == []  # type: ignore[attr-defined]
    assert "<script>alert('text')</script>" in page.text_content("#article-text")  # type: ignore[attr-defined]
    assert "<script>alert('title')</script>" in page.text_content("#article-title")  # type: ignore[attr-defined]
    assert page.locator("#panel script, #panel img, #list script, #list img").count() == 0  # type: ignore[attr-defined]
    shot(page, "page-hostile")


@pytest.mark.slow
def test_interactive_within_seconds_on_100000_events(browser: object, tmp_path: Path) -> None:
    from conflictscope.store import open_store
    from conflictscope.store.bench import fill_serve_bench

    db = str(tmp_path / "big.db")
    with open_store(db) as store:
        assert fill_serve_bench(store, 100_000) == 100_000
    with running(ServeConfig(db=db, read_only=True)) as url:
        context = browser.new_context(viewport={"width": 1400, "height": 900}, bypass_csp=True)  # type: ignore[attr-defined]
        page = context.new_page()
        started = time.perf_counter()
        load(page, f"{url}/")
        wall = time.perf_counter() - started
        timings = page.evaluate("window.conflictscope.timings")
        markers = page.locator(".cluster").count()
        shot(page, "page-100k")
        context.close()
    report = {"events": 100_000, "wall_seconds": round(wall, 2),
              "interactive_ms": round(timings["interactive"]), "clusters_ms": round(timings["clusters"]),
              "markers": markers}
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "page-100k.json").write_text(json.dumps(report))
    print("page on 100,000 events:", report)
    assert markers > 0 and markers < 5000
    assert wall < 30  # measured and reported; the 2 s goal is not asserted tightly
