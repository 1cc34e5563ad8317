"""Short label codes for ACLED's 25 sub-event types (plus ``NONE``: no event).

The codes name the classes of the linear model and head the sections of the
training files in ``conflictscope/data/classifier``.
"""

from __future__ import annotations

from conflictscope.taxonomy import EVENT_TYPE_OF

NONE = "NONE"

#: label code -> ACLED sub-event type.
SUB_EVENT_OF: dict[str, str] = {
    "CLASH": "Armed clash",
    "GRT": "Government regains territory",
    "NSO": "Non-state actor overtakes territory",
    "CHEM": "Chemical weapon",
    "AIR": "Air/drone strike",
    "SUIC": "Suicide bomb",
    "SHELL": "Shelling/artillery/missile attack",
    "IED": "Remote explosive/landmine/IED",
    "GREN": "Grenade",
    "SEXV": "Sexual violence",
    "ATT": "Attack",
    "ABD": "Abduction/forced disappearance",
    "PEACE": "Peaceful protest",
    "PINT": "Protest with intervention",
    "FORCE": "Excessive force against protesters",
    "VDEM": "Violent demonstration",
    "MOB": "Mob violence",
    "AGREE": "Agreement",
    "ARR": "Arrests",
    "CHG": "Change to group/activity",
    "DISR": "Disrupted weapons use",
    "HQ": "Headquarters or base established",
    "LOOT": "Looting/property destruction",
    "NVT": "Non-violent transfer of territory",
    "OTHER": "Other",
}

#: Every class of the model, ``NONE`` first.
LABELS: tuple[str, ...] = (NONE, *SUB_EVENT_OF)

#: ACLED sub-event type -> label code.
CODE_OF: dict[str, str] = {sub: code for code, sub in SUB_EVENT_OF.items()}


def event_type_of(code: str) -> str:
    """The ACLED event type of a label code (``""`` for ``NONE``)."""
    sub = SUB_EVENT_OF.get(code)
    return EVENT_TYPE_OF[sub] if sub else ""


assert set(SUB_EVENT_OF.values()) == set(EVENT_TYPE_OF), "labels must cover the taxonomy"
