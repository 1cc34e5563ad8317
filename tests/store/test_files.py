"""Reading ingest inputs: HTML pages, sidecars, --published, folder ids."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from conflictscope.errors import InputError
from conflictscope.ingest.files import iter_items
from conflictscope.ingest.html import article_from_html

PAGE = """<html><head><title>Clashes near the river crossing</title>
<meta property="article:published_time" content="2019-03-04T10:00:00Z">
<meta property="og:site_name" content="Example Wire"></head>
<body><nav><a href="/">Home</a> | <a href="/world">World</a></nav>
<article><h1>Clashes near the river crossing</h1>
<p>Armed men attacked an army checkpoint near the river crossing on Sunday, killing three
soldiers, local officials said on Monday.</p>
<p>The attackers fled towards the hills after a two-hour exchange of fire, the officials
added, and reinforcements were sent to the area.</p></article>
<footer>Copyright Example Wire</footer><script>var x = 1;</script></body></html>"""


def test_html_main_text_title_date() -> None:
    article, warnings = article_from_html(PAGE.encode(), name="page.html", article_id="p1",
                                          url="http://wire.example/p1")
    assert "army checkpoint" in article.text and "Home" not in article.text
    assert "Copyright" not in article.text and "var x" not in article.text
    assert article.title == "Clashes near the river crossing"
    assert article.published == date(2019, 3, 4)
    assert article.url == "http://wire.example/p1" and article.id == "p1"
    assert warnings == ()


@pytest.mark.parametrize("page", [b"<html><body><nav>Home</nav></body></html>", b"<html></html>"])
def test_html_without_article(page: bytes) -> None:
    with pytest.raises(InputError, match="no article text"):
        article_from_html(page, name="x.html")


def test_sidecar_beats_option_and_folder_ids(tmp_path: Path) -> None:
    (tmp_path / "syria").mkdir()
    (tmp_path / "syria" / "a.txt").write_text("Fighters attacked the town on Monday.")
    (tmp_path / "syria" / "a.json").write_text(json.dumps({"published": "2016-12-11",
                                                           "publisher": "P", "url": "http://u"}))
    (tmp_path / "b.txt").write_text("Protesters gathered in the square on Friday.")
    (tmp_path / "page.html").write_text(PAGE)
    items = list(iter_items([str(tmp_path)], published=date(2020, 1, 1)))
    articles = {i.article.id: i.article for i in items if i.article is not None}
    assert set(articles) == {"syria/a", "b", "page"}  # the sidecar is not an input
    assert articles["syria/a"].published == date(2016, 12, 11)
    assert articles["syria/a"].publisher == "P" and articles["syria/a"].url == "http://u"
    assert articles["b"].published == date(2020, 1, 1)
    assert articles["page"].published == date(2019, 3, 4)  # the page's date beats --published
    assert all(i.problem is None or not i.problem.fatal for i in items)


def test_missing_path_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    items = list(iter_items([str(tmp_path / "nope.txt")]))
    assert len(items) == 1 and items[0].problem is not None
    assert "no such file" in items[0].problem.message


def test_bad_sidecar_is_reported(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Fighters attacked the town on Monday.")
    (tmp_path / "a.json").write_text("{oops")
    items = list(iter_items([str(tmp_path / "a.txt")]))
    assert items[0].problem is not None and "sidecar" in items[0].problem.message
