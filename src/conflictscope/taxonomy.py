"""ACLED's taxonomy: 6 event types, 25 sub-event types, disorder types, inter codes."""

from __future__ import annotations

BATTLES = "Battles"
EXPLOSIONS = "Explosions/Remote violence"
VAC = "Violence against civilians"
PROTESTS = "Protests"
RIOTS = "Riots"
STRATEGIC = "Strategic developments"

#: event_type -> its sub-event types, in ACLED's order.
TAXONOMY: dict[str, tuple[str, ...]] = {
    BATTLES: (
        "Armed clash",
        "Government regains territory",
        "Non-state actor overtakes territory",
    ),
    EXPLOSIONS: (
        "Chemical weapon",
        "Air/drone strike",
        "Suicide bomb",
        "Shelling/artillery/missile attack",
        "Remote explosive/landmine/IED",
        "Grenade",
    ),
    VAC: ("Sexual violence", "Attack", "Abduction/forced disappearance"),
    PROTESTS: (
        "Peaceful protest",
        "Protest with intervention",
        "Excessive force against protesters",
    ),
    RIOTS: ("Violent demonstration", "Mob violence"),
    STRATEGIC: (
        "Agreement",
        "Arrests",
        "Change to group/activity",
        "Disrupted weapons use",
        "Headquarters or base established",
        "Looting/property destruction",
        "Non-violent transfer of territory",
        "Other",
    ),
}

#: sub_event_type -> event_type.
EVENT_TYPE_OF: dict[str, str] = {sub: et for et, subs in TAXONOMY.items() for sub in subs}

SUB_EVENT_TYPES: tuple[str, ...] = tuple(EVENT_TYPE_OF)

#: ACLED inter codes.
INTER_CODES: dict[int, str] = {
    1: "State forces",
    2: "Rebel groups",
    3: "Political militias",
    4: "Identity militias",
    5: "Rioters",
    6: "Protesters",
    7: "Civilians",
    8: "External/Other forces",
}

#: Control-changing sub-event types (they feed the territorial-control timeline).
CONTROL_CHANGES = (
    "Government regains territory",
    "Non-state actor overtakes territory",
    "Non-violent transfer of territory",
)


def disorder_type(event_type: str, sub_event_type: str) -> str:
    """ACLED's disorder_type for an event type."""
    if event_type in (PROTESTS, RIOTS):
        return "Demonstrations"
    if event_type == STRATEGIC:
        return "Strategic developments"
    return "Political violence"


def civilian_targeting(event_type: str, inter2: int) -> bool:
    """ACLED's civilian_targeting: violence whose target is civilians."""
    return inter2 == 7 and event_type in (VAC, EXPLOSIONS, RIOTS)


def interaction(inter1: int, inter2: int) -> int:
    """ACLED interaction code: the two inter codes, smaller first (one-sided: 10 * inter1)."""
    if not inter1:
        return 0
    if not inter2:
        return inter1 * 10
    low, high = sorted((inter1, inter2))
    return low * 10 + high
