"""Words that make a capitalised name something other than a place: a street ("Atlantic Avenue"),
an institution or a site ("Arizona State University", "Courthouse Ballyjamesduff").

Read by :mod:`conflictscope.gazetteer.geoparse` (places named inside longer names) and
:mod:`conflictscope.gazetteer.surnames` (words that are no given name).
"""

from __future__ import annotations

#: Last words of a street's name: "Atlantic Avenue" is a street of the report's town, not the ocean.
STREET_WORDS = frozenset("""
    street st st. avenue ave ave. boulevard blvd blvd. lane drive parkway square place terrace crescent
""".split())

#: Words that make a name an institution or a site, never a place themselves.
GENERIC_WORDS = frozenset("""
    university college school academy institute hospital clinic court courthouse bank house hall tower
    centre center stadium park museum church chapel cathedral mosque temple embassy ministry
    council commission chamber chambers commerce state federal national high supreme central
    international airport station street avenue road square bridge river lake lagoon valley
    mountain mountains mount island islands beach bay harbour harbor port castle palace hotel
    inn library prison jail correctional conservation area show market mall city county of the
    and de la du des al el new saint st st. republic kingdom union town village metro delta
    bend north south east west northern southern eastern western upper lower old
""".split())
