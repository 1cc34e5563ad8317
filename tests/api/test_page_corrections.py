"""The review loop in a real browser (Debian Chromium + Playwright, as tests/api/test_page.py):
correct a field in the event panel with the token, mark another event not an event, re-ingest
the store's reports with forced re-extraction, reload, and find the corrections still applied.
Screenshot: tests/artifacts/page-correction.png."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from conflictscope.api import ServeConfig
from conflictscope.api.server import running
from conflictscope.cli import main
from conflictscope.store import open_store

from .stores import sample_db, writable_copy
from .test_page import base, browser, listed_ids, load, page, shot  # noqa: F401
from .test_page import pytestmark as page_marks

pytestmark = page_marks
TOKEN = "s3cret"


@pytest.fixture()
def writable_server(tmp_path: Path) -> Iterator[tuple[str, Path]]:
    db = writable_copy(tmp_path / "review.db")
    with running(ServeConfig(db=str(db), token=TOKEN)) as url:
        yield url, db


def test_a_correction_made_in_the_page_survives_re_extraction(
        page: object, writable_server: tuple[str, Path]) -> None:  # noqa: F811
    url, db = writable_server
    with open_store(str(db)) as store:
        ids = {e.sub_event_type: e.event_id for e in store.events()}
    clash, strike = ids["Armed clash"], ids["Air/drone strike"]
    load(page, f"{url}/?event={clash}")
    page.fill("#token", TOKEN)  # type: ignore[attr-defined]
    page.fill("#author", "ana")  # type: ignore[attr-defined]
    assert page.evaluate("sessionStorage.getItem('conflictscope.token')") == TOKEN  # type: ignore[attr-defined]
    page.click("button[aria-label='Correct sub_event_type']")  # type: ignore[attr-defined]
    form = page.locator("form[aria-label='Correct sub_event_type']")  # type: ignore[attr-defined]
    form.locator("input[name='value']").fill("Skirmish")
    form.locator("input[name='reason']").fill("a raid on the village")
    form.locator("button[type='submit']").click()
    page.wait_for_function(  # type: ignore[attr-defined]
        "document.getElementById('correction-status').textContent.includes('unknown sub-event type')")
    form.locator("input[name='value']").fill("Attack")
    form.locator("button[type='submit']").click()
    page.wait_for_function("document.getElementById('correction-status').textContent.startsWith('saved')")  # type: ignore[attr-defined]
    row = "#panel-fields tr[data-name='sub_event_type']"
    page.wait_for_selector(f"{row}.corrected")  # type: ignore[attr-defined]
    # "not an event" on another event: it leaves the list
    load(page, f"{url}/?event={strike}")
    assert strike in listed_ids(page)
    page.click("#not-event")  # type: ignore[attr-defined]
    page.fill("#not-event-form input[name='reason']", "a training exercise")  # type: ignore[attr-defined]
    page.click("#not-event-form button[type='submit']")  # type: ignore[attr-defined]
    page.wait_for_selector("#panel-not-event:not([hidden])")  # type: ignore[attr-defined]
    # re-ingest the store's reports, re-extracting every article
    before = _stored_at(db)
    result = CliRunner().invoke(main, ["ingest", str(sample_db().parent / "reports"), "--db", str(db),
                                       "--force", "--no-progress"])
    assert result.exit_code == 0, result.output
    assert _stored_at(db) != before  # the events were written again
    load(page, f"{url}/?event={clash}")
    cells = page.eval_on_selector_all(f"{row} td", "tds => tds.map(t => t.textContent)")  # type: ignore[attr-defined]
    assert cells[1] == "Attack" and "corrected by ana" in cells[3] and "a raid on the village" in cells[3]
    audit = page.text_content("#panel-corrections")  # type: ignore[attr-defined]
    assert "Armed clash → Attack" in audit and "a raid on the village" in audit
    assert page.evaluate("sessionStorage.getItem('conflictscope.token')") == TOKEN  # type: ignore[attr-defined]
    assert strike not in listed_ids(page)
    shot(page, "page-correction")


def _stored_at(db: Path) -> list[str]:
    with open_store(str(db)) as store:
        return sorted(row[0] for row in store._all("SELECT stored_at FROM events"))  # type: ignore[attr-defined]
