"""Events as a pandas DataFrame (one row per event, the spec's fields as columns)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import fields
from typing import TYPE_CHECKING

from conflictscope.models import Event
from conflictscope.serialize import event_to_dict

if TYPE_CHECKING:
    import pandas as pd

DATE_COLUMNS = ("event_date", "date_start", "date_end")
COLUMNS = tuple(f.name for f in fields(Event))


def events_to_dataframe(events: Iterable[Event]) -> pd.DataFrame:
    """A DataFrame of ``events``: dates as datetime64, nullable integers, lists kept."""
    import pandas as pd

    frame = pd.DataFrame.from_records([event_to_dict(e) for e in events], columns=list(COLUMNS))
    for column in DATE_COLUMNS:
        frame[column] = pd.to_datetime(frame[column], format="%Y-%m-%d")
    for column in ("geo_precision", "where_prec", "time_precision", "date_prec", "fatalities",
                   "fatalities_low", "fatalities_best", "fatalities_high"):
        frame[column] = frame[column].astype("Int64")
    for column in ("latitude", "longitude", "confidence"):
        frame[column] = frame[column].astype("float64")
    frame["scope"] = frame["scope"].astype("object").fillna("")  # written only when set (serialize._ONLY_WHEN_SET)
    frame["corrected"] = [list(v) if isinstance(v, list) else [] for v in frame["corrected"]]
    return frame
