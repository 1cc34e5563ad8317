"""Offices written with a place: "US President Barack Obama", "the President of Armenia".

Recognition reads a run of capitalised words (or a person's or organisation's entity) as one
name; an office inside it says where the place ends (before "President") or starts (after
"President of").
"""

from __future__ import annotations

import regex as re

#: An office written between a place and a person's name ("US President Barack Obama", "Manitoba
#: Premier Brian Pallister", "Pakistan Foreign Minister ..."): the run before it is the place.
_OFFICE_INSIDE = re.compile(
    r"\s(?=(?:President|Prime\sMinister|Minister|Ambassador|Secretary|Premier|Governor|Senator|Chancellor|"
    r"Mayor|Envoy|Foreign\sMinister|Defen[cs]e\sMinister|Interior\sMinister|Vice\sPresident|Deputy|"
    r"King|Queen|Crown\sPrince|Sheikh|Attorney\sGeneral|Opposition\sLeader)\s+\p{Lu})")


def before_office(text: str, begin: int, end: int) -> int:
    """The end of the part of a run before an office and a name (``end`` when there is none)."""
    office = _OFFICE_INSIDE.search(text, begin, end)
    return office.start() if office is not None and office.start() > begin else end


#: An office of a place ("the President of Armenia", "Ruler of Dubai"): the place follows "of".
_OFFICE_OF = re.compile(
    r"(?:Vice[\s-])?President\s|Prime\sMinister\s|Chief\sMinister\s|Ruler\s|King\s|Queen\s|Emir\s|Sultan\s|"
    r"Governor\s|Mayor\s|Crown\sPrince\s|Prince\s|Chancellor\s|Premier\s|Archbishop\s|Bishop\s")
_OF_THE = re.compile(r"of\s+(?:the\s+)?")


def after_office_of(text: str, begin: int, end: int) -> int:
    """The start of the place in a run "<office> of <place>" (``begin`` when it is no such run)."""
    office = _OFFICE_OF.match(text, begin, end)
    if office is None:
        return begin
    of = _OF_THE.match(text, office.end(), end)
    return of.end() if of is not None and of.end() < end else begin
