"""The coding scope: violent crime is an event under all-violence, none under ACLED's scope."""

from __future__ import annotations

from collections.abc import Callable
from datetime import date

import pytest

from conflictscope.document import AnalyzedArticle
from conflictscope.models import Article
from conflictscope.pipeline.core import Pipeline
from conflictscope.pipeline.scope import propose
from conflictscope.resources import Settings, active, pipeline_fingerprint
from conflictscope.serialize import event_to_dict

#: Our own sentences: a burglary that turned deadly, an accidental shooting.
CRIME = "A burglar stabbed a homeowner to death in Springfield, Illinois, on Tuesday night, police said."
ACCIDENT = "A toddler was accidentally shot by his cousin at a home in Decatur, Illinois, on Sunday, deputies said."


def _events(text: str, scope: str) -> list[dict[str, object]]:
    pipeline = Pipeline(settings=Settings.from_env({}).but(scope=scope))
    article = Article.from_text(text, id="crime", published=date(2021, 3, 10))
    return [event_to_dict(e) for e in pipeline(article).events]


@pytest.mark.parametrize("text", [CRIME, ACCIDENT])
def test_violent_crime_is_an_event_only_under_all_violence(text: str) -> None:
    assert _events(text, "acled") == []
    rows = _events(text, "all-violence")
    assert rows and rows[0]["scope"] == "violent-crime"
    assert rows[0]["event_type"] == "Violence against civilians" and rows[0]["location"] in ("Springfield", "Decatur")


def test_a_row_of_acled_scope_has_no_scope_key() -> None:
    text = "Gunmen killed five villagers in an attack on Tuesday in Borno State, Nigeria, residents said."
    acled = _events(text, "acled")
    assert acled and all("scope" not in row for row in acled)
    wide = _events(text, "all-violence")
    assert [{**r, "pipeline_version": ""} for r in wide] == [{**r, "pipeline_version": ""} for r in acled]


def test_the_scope_is_part_of_the_version_and_read_from_the_environment() -> None:
    assert Settings.from_env({"CONFLICTSCOPE_SCOPE": "all-violence"}).scope == "all-violence"
    assert Settings.from_env({}).scope == "acled"
    assert Settings(scope="everything").problems()
    stages = ("classify",)
    assert pipeline_fingerprint(Settings(scope="acled"), stages) != pipeline_fingerprint(
        Settings(scope="all-violence"), stages)


def test_a_proposed_attack_after_a_dotted_capital_i_points_at_its_word(
        parse: Callable[..., AnalyzedArticle]) -> None:
    # "İzmir" lower-cases to two characters: the trigger the scope proposes was one character off
    text = "A toddler visiting from İzmir was accidentally shot by his cousin at a home in Decatur."
    sentence = next(s for s in parse(text).sentences if s.doc is not None)
    with active(Pipeline(settings=Settings.from_env({}).but(scope="all-violence")).resources):
        candidate = propose(sentence)
    assert candidate is not None and candidate.trigger.text == "shot"
    assert text[candidate.trigger.start:candidate.trigger.end] == "shot"


def test_what_happened_is_not_dated_after_the_report() -> None:
    # the shooting took the day of the sentencing to come: no event that happened starts after its report
    text = ("Gaston, who had been charged with murder in the shooting of a shopkeeper in Springfield, Illinois, "
            "faces up to 21 years in prison at his sentencing on March 22.")
    rows = _events(text, "all-violence")
    assert rows and all(str(r["event_date"]) <= "2021-03-11" for r in rows), [(r["sub_event_type"], r["event_date"])
                                                                              for r in rows]
