"""Dependent territories and the state they belong to.

GeoNames gives a territory a country code of its own ("Saipan" is MP, not US): a report on the
United States that names Saipan or San Juan still speaks of its own country, and a report on
China that names Hong Kong of China.
"""

from __future__ import annotations

#: ISO 3166-1 alpha-2 code of a dependent territory -> its sovereign state's.
SOVEREIGN: dict[str, str] = {
    **dict.fromkeys(("PR", "GU", "VI", "AS", "MP", "UM"), "US"),
    **dict.fromkeys(("GI", "BM", "KY", "IM", "JE", "GG", "FK", "VG", "AI", "MS", "TC", "SH", "IO", "PN",
                     "GS"), "GB"),
    **dict.fromkeys(("RE", "GP", "MQ", "GF", "YT", "NC", "PF", "PM", "WF", "BL", "MF"), "FR"),
    **dict.fromkeys(("AW", "CW", "SX", "BQ"), "NL"),
    **dict.fromkeys(("HK", "MO"), "CN"),
    **dict.fromkeys(("GL", "FO"), "DK"),
    **dict.fromkeys(("CK", "NU", "TK"), "NZ"),
    **dict.fromkeys(("NF", "CX", "CC", "HM"), "AU"),
    **dict.fromkeys(("SJ", "BV"), "NO"),
    "AX": "FI",
}


def country_share(cc: str, countries: dict[str, float]) -> float:
    """The votes of ``countries`` for ``cc`` and, for a territory, for its sovereign state."""
    sovereign = SOVEREIGN.get(cc)
    return countries.get(cc, 0.0) + (countries.get(sovereign, 0.0) if sovereign else 0.0)
