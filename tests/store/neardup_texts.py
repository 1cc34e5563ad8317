"""Reports written for the near-duplicate tests (invented events, places and wire service).

``ORIGINAL`` and ``SYNDICATED`` are one report: the copy has another headline and
dateline, a byline, an "Updated" line, and drops a paragraph and the sign-off.
``FIRST_RAID`` and ``SECOND_RAID`` are two different reports of the same invented wire
service that share its background paragraphs and sign-off.
"""

from __future__ import annotations

BACKGROUND = (
    "The fighting in the Lower Sarnet valley began six years ago and has driven more than "
    "400,000 people from their homes, according to aid agencies. A truce agreed last spring "
    "collapsed within a month.\n\n"
    "Independent confirmation of casualty figures is hard to obtain because reporters need "
    "military permission to travel to the valley."
)
SIGN_OFF = "(Harbour Wire) Reporting by Mirela Osei; Editing by Tobias Lund"

ORIGINAL = f"""KELDOR, March 3 (Harbour Wire) - Artillery shells struck the main market in Keldor on \
Tuesday morning, killing at least nine people and wounding twenty-two, the town's mayor said.

The shelling began at around eight o'clock, when the market was crowded with farmers selling \
vegetables and livestock. Several stalls caught fire and a petrol station was damaged.

"People were buying bread when the first shell hit. We carried the wounded in wheelbarrows," \
a shopkeeper said by telephone.

The district hospital said it had received more patients than it had beds and asked for \
donations of blood. Two of the wounded were children.

No armed group said it had fired the shells. The army and the Sarnet Liberation Front have \
blamed each other for earlier attacks on Keldor.

{BACKGROUND}

{SIGN_OFF}"""

SYNDICATED = f"""Updated 14:20 GMT

Market shelling kills nine in Keldor

By Mirela Osei

Keldor (Harbour Wire) -- Artillery shells struck the main market in Keldor on Tuesday morning, \
killing at least nine people and wounding twenty-two, the town's mayor said.

The shelling began at around eight o'clock, when the market was crowded with farmers selling \
vegetables and livestock. Several stalls caught fire and a petrol station was damaged.

"People were buying bread when the first shell hit. We carried the wounded in wheelbarrows," \
a shopkeeper said by telephone.

No armed group said it had fired the shells. The army and the Sarnet Liberation Front have \
blamed each other for earlier attacks on Keldor.

{BACKGROUND}"""

FIRST_RAID = f"""OSTRAVEN, June 9 (Harbour Wire) - Gunmen raided a police post outside Ostraven on \
Sunday night, killing four officers and taking their weapons, a police spokesman said.

The attackers arrived in two pickup trucks shortly before midnight and fought the officers \
for about an hour before withdrawing towards the forest, the spokesman said.

Residents said they heard heavy gunfire and saw the police post burning. Reinforcements \
reached the area only at dawn because a bridge on the main road had been damaged.

{BACKGROUND}

{SIGN_OFF}"""

SECOND_RAID = f"""TARNOVA, June 10 (Harbour Wire) - A roadside bomb hit a bus carrying \
farm workers near Tarnova on Monday, killing three of them and wounding eleven, a local \
official said.

The bus was travelling to the orchards south of the town when the bomb exploded under its \
front wheels. The wounded were taken to a clinic in Tarnova and later to the provincial capital.

The army said engineers had found and defused a second device on the same road later in the \
afternoon.

{BACKGROUND}

{SIGN_OFF}"""
