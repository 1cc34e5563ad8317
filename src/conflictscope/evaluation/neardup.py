"""Measuring near-duplicate detection on wire reports we write ourselves.

No outlet's text is used: :func:`wire_report` builds a report of an invented
wire service from sentence templates, and the edits of syndication are applied
to it (:data:`EDITS`). Three kinds of pairs are measured:

* ``copy``: a report and a syndicated copy with one or more edits (changed
  headline, dateline, byline, an added or dropped paragraph, an "Updated" line,
  an outlet's footer, copy-editing of a few words). These must merge.
* ``same-wire``: two reports of different events by the same wire service, with
  its dateline style, its closing lines and a shared background paragraph.
* ``follow-up``: the next day's story about the same fighting, which re-uses the
  background paragraphs and the closing lines but has a new lead and new details.

The last two must not merge. ``conflictscope evaluate near-duplicates`` prints the
similarity figures per kind and the counts at each threshold.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

PLACES = ["Tal Harir", "Kassala Bridge", "Wadi Marun", "Ras el-Ain", "Bir Hassan", "Nuriya",
          "Mekdela", "Sandari", "Kolwezi Road", "Dhur Kalan", "Ash Shamiya", "Ourossogui",
          "Bakala", "Zelenyi Hai", "Mont Ngafula", "Sabon Gari", "Kurmuk", "Duhok Gate"]
REGIONS = ["the northern province", "the border district", "the eastern region",
           "the central highlands", "the coastal governorate", "the southern state"]
ATTACKERS = ["Rebel fighters", "Government troops", "Gunmen on motorcycles", "Militants",
             "A local militia", "Insurgents", "Unidentified armed men", "Army units"]
TARGETS = ["an army checkpoint", "a police station", "a village market", "a military convoy",
           "a camp for displaced families", "a power station", "a border post", "a school"]
OFFICIALS = ["a local official", "the provincial governor", "a military spokesman",
             "a hospital director", "a resident reached by telephone", "a rights monitor",
             "the interior ministry", "a spokeswoman for the aid agency"]
WEAPONS = ["mortar rounds", "rocket-propelled grenades", "heavy machine guns", "drones",
           "small arms", "artillery"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
MONTHS = ["Jan", "Feb", "March", "April", "May", "June", "July", "Aug", "Sept", "Oct", "Nov",
          "Dec"]
NAMES = ["Amal Haddad", "Tomas Varga", "Nadia Okafor", "Luis Ferreira", "Samir Toure",
         "Ingrid Bakke", "Yusuf Demir", "Clara Mensah", "Oleh Marchenko", "Priya Raman"]
WIRES = ["Continental Press", "Meridian News Agency", "Global Wire Service"]

BACKGROUND = [
    "The conflict in {region} began {years} years ago and has forced more than {displaced} "
    "people from their homes, according to United Nations figures. Several ceasefires "
    "agreed since then have collapsed within weeks.",
    "Aid groups have warned that the fighting is cutting roads that bring food and medicine "
    "to the area, where prices of flour and fuel have more than doubled this year.",
    "Both sides accuse each other of targeting civilians, and independent verification of "
    "casualty figures is difficult because access for journalists is restricted.",
    "Talks mediated by neighbouring countries stalled last month after the two sides failed "
    "to agree on the withdrawal of heavy weapons from front-line towns.",
    "Human rights organisations have documented attacks on markets, clinics and schools in "
    "{region} and have called for an independent investigation.",
]
CLOSING = [
    "({wire}) Reporting by {name1}; Writing by {name2}; Editing by {name3}",
    "Additional reporting by {name1} in {city}; editing by {name2}.",
]


@dataclass(frozen=True, slots=True)
class Pair:
    """Two texts and whether they must be stored as one (``copy``) or not."""

    kind: str  # copy, same-wire, follow-up
    edit: str
    first: str
    second: str

    @property
    def should_merge(self) -> bool:
        """Whether the two texts are one report (a syndicated copy)."""
        return self.kind == "copy"


def _event(rng: random.Random) -> dict[str, Any]:
    day = rng.randrange(1, 28)
    return {
        "place": rng.choice(PLACES), "region": rng.choice(REGIONS),
        "attacker": rng.choice(ATTACKERS), "target": rng.choice(TARGETS),
        "official": rng.choice(OFFICIALS), "official2": rng.choice(OFFICIALS),
        "weapon": rng.choice(WEAPONS), "weekday": rng.choice(DAYS),
        "killed": rng.randrange(2, 40), "wounded": rng.randrange(3, 60),
        "month": rng.choice(MONTHS), "day": day, "hour": rng.randrange(1, 12),
        "years": rng.randrange(3, 12), "displaced": f"{rng.randrange(2, 90) * 10_000:,}",
        "name1": rng.choice(NAMES), "name2": rng.choice(NAMES), "name3": rng.choice(NAMES),
        "city": rng.choice(PLACES), "missing": rng.randrange(2, 15),
    }


def _lead(e: dict[str, Any], rng: random.Random) -> list[str]:
    leads = [
        "{attacker} attacked {target} in {place} on {weekday}, killing at least {killed} people "
        "and wounding {wounded} others, {official} said.",
        "At least {killed} people were killed when {attacker_l} stormed {target} near {place} "
        "early on {weekday}, according to {official}.",
        "{attacker} fired {weapon} at {target} on the edge of {place} on {weekday} night, "
        "{official} said, in one of the deadliest attacks in {region} this year.",
    ]
    details = [
        "The attack began shortly after {hour} a.m. and lasted for several hours. Witnesses said "
        "the attackers used {weapon} and set fire to several buildings before withdrawing "
        "towards the hills.",
        "Among the dead were {missing} members of the security forces, {official2} said, adding "
        "that reinforcements had been sent from the provincial capital.",
        "Residents said they heard explosions for most of the night. Many families fled on foot "
        "to nearby villages, and {missing} people were still missing by the afternoon.",
        "The wounded were taken to the district hospital, which appealed for blood donations and "
        "said it was running short of surgical supplies.",
        "No group immediately claimed responsibility. {attacker} have carried out similar raids "
        "in {region} in recent months.",
        "Security forces said they had regained control of the area by evening and were "
        "searching surrounding farms for the attackers.",
    ]
    quote = [
        "\"We heard shooting from every direction and then the roofs started burning,\" a "
        "trader who asked not to be named told {wire}.",
        "\"The situation is calm now but people are afraid to go back,\" {official2} said by "
        "telephone.",
        "\"This is a crime against civilians who have nothing to do with the fighting,\" "
        "{official2} said in a statement.",
    ]
    picks = [rng.choice(leads)] + rng.sample(details, rng.randrange(3, 6)) + [rng.choice(quote)]
    e["attacker_l"] = e["attacker"][0].lower() + e["attacker"][1:]
    return [p.format(**e) for p in picks]


def _follow_up(e: dict[str, Any], rng: random.Random) -> list[str]:
    e = dict(e, killed=e["killed"] + rng.randrange(2, 9),
             next_day=DAYS[(DAYS.index(e["weekday"]) + 1) % 7])
    paragraphs = [
        "The death toll from {weekday}'s attack in {place} rose to {killed} after several of the "
        "wounded died in hospital, {official2} said on {next_day}.",
        "Hundreds of mourners gathered for the funerals, and shops in the town stayed closed. "
        "The authorities imposed a night curfew and closed the main road to {city}.",
        "Investigators have arrested {missing} suspects and seized weapons and motorcycles in a "
        "raid on a farm outside the town, {official} said.",
        "\"We will not rest until those responsible are brought to justice,\" the governor told "
        "a news conference.",
    ]
    return [p.format(**e) for p in paragraphs]


def wire_report(rng: random.Random, wire: str | None = None,
                body: Callable[[dict[str, Any], random.Random], list[str]] = _lead,
                event: dict[str, Any] | None = None) -> tuple[list[str], dict[str, Any]]:
    """A made-up wire report as paragraphs (dateline first), and the facts it was built from."""
    e = dict(event) if event else _event(rng)
    e["wire"] = wire or rng.choice(WIRES)
    paragraphs = body(e, rng)
    paragraphs[0] = "{city_u}, {month} {day} ({wire}) - ".format(city_u=e["place"].upper(), **e) + paragraphs[0]
    background = rng.sample(BACKGROUND, rng.randrange(2, 4))
    paragraphs += [p.format(**e) for p in background]
    paragraphs.append(CLOSING[0].format(**e))
    return paragraphs, e


# -- the edits of syndication ------------------------------------------------------------
def _headline(p: list[str], e: dict[str, Any], rng: random.Random) -> list[str]:
    head = rng.choice(["At least {killed} killed in attack on {place}",
                       "Deadly raid hits {place} in {region}",
                       "{attacker} kill {killed} in {place}, officials say"]).format(**e)
    return [head, *p]


def _dateline(p: list[str], e: dict[str, Any], rng: random.Random) -> list[str]:
    at = next((i for i, para in enumerate(p) if f"({e['wire']}) - " in para), None)
    if at is None:  # the lead was dropped by an earlier edit
        return p
    first = p[at].split(" - ", 1)[1]
    style = rng.choice(["{place} ({wire}) -- ", "{place}: ", "{place_u} --- "])
    return [*p[:at], style.format(place_u=e["place"].upper(), **e) + first, *p[at + 1:]]


def _byline(p: list[str], e: dict[str, Any], rng: random.Random) -> list[str]:
    return [f"By {e['name1']} and {e['name2']}", *p]


def _added(p: list[str], e: dict[str, Any], rng: random.Random) -> list[str]:
    extra = rng.choice([
        "Local television showed images of burnt-out cars and collapsed walls, and footage shared "
        "online showed residents searching the rubble with their bare hands.",
        "The United Nations envoy for {region} condemned the attack and called on all parties to "
        "respect their obligations to protect civilians and humanitarian workers.",
        "In a separate incident, {missing} soldiers were wounded when their vehicle struck a "
        "roadside bomb on the highway to {city}, a military source said.",
    ]).format(**e)
    at = rng.randrange(2, len(p) - 1)
    return [*p[:at], extra, *p[at:]]


def _dropped(p: list[str], e: dict[str, Any], rng: random.Random) -> list[str]:
    at = rng.randrange(1, len(p) - 1)
    return [*p[:at], *p[at + 1:]]


def _updated(p: list[str], e: dict[str, Any], rng: random.Random) -> list[str]:
    line = rng.choice(["Updated {hour}:{day:02d} GMT, {month} {day}",
                       "(Updates death toll in paragraph 1, adds quote in paragraph 5)",
                       "UPDATE {hour}: adds comment from {official2}"]).format(**e)
    return [line, *p]


def _footer(p: list[str], e: dict[str, Any], rng: random.Random) -> list[str]:
    line = rng.choice(["Copyright 2026 The Daily Courier. All rights reserved.",
                       "Follow our live coverage of the conflict on our website and sign up "
                       "for our morning newsletter.",
                       "Read more: Why the ceasefire in {region} keeps failing"]).format(**e)
    return [*p, line]


def _copyedit(p: list[str], e: dict[str, Any], rng: random.Random) -> list[str]:
    swaps = [(" said", " told reporters"), ("neighbouring", "neighboring"), ("at least", "some"),
             ("people", "persons"), (" on ", " late on "), ("attack", "assault")]
    out = list(p)
    for old, new in rng.sample(swaps, 3):
        for i, para in enumerate(out):
            if old in para:
                out[i] = para.replace(old, new, 1)
                break
    return out


def _closing_dropped(p: list[str], e: dict[str, Any], rng: random.Random) -> list[str]:
    return p[:-1]


EDITS: dict[str, Callable[[list[str], dict[str, Any], random.Random], list[str]]] = {
    "headline": _headline, "dateline": _dateline, "byline": _byline,
    "added-paragraph": _added, "dropped-paragraph": _dropped, "updated-line": _updated,
    "footer": _footer, "copy-edit": _copyedit, "closing-dropped": _closing_dropped,
}


def syndicated(paragraphs: list[str], event: dict[str, Any], rng: random.Random,
               edits: list[str]) -> list[str]:
    """The report after ``edits`` (names of :data:`EDITS`), applied in order."""
    out = list(paragraphs)
    for name in edits:
        out = EDITS[name](out, event, rng)
    return out


def as_text(paragraphs: list[str]) -> str:
    """Paragraphs as one text (blank lines between)."""
    return "\n\n".join(paragraphs)


def pairs(n: int = 200, seed: int = 2026) -> Iterator[Pair]:
    """``n`` pairs of each kind: copies (single and combined edits), same-wire, follow-ups."""
    rng = random.Random(seed)
    names = sorted(EDITS)
    for i in range(n):
        base, event = wire_report(rng)
        if i < len(names) * 4:
            edits = [names[i % len(names)]]
        else:
            edits = rng.sample(names, rng.randrange(2, 5))
        yield Pair("copy", "+".join(edits), as_text(base), as_text(syndicated(base, event, rng, edits)))
    for _ in range(n):
        wire = rng.choice(WIRES)
        first, e1 = wire_report(rng, wire)
        e2 = _event(rng)
        e2["region"] = e1["region"]
        second, _ = wire_report(rng, wire, event=e2)
        second[-3:-1] = first[-3:-1]  # the same (last two) background paragraphs
        yield Pair("same-wire", "shared background", as_text(first), as_text(second))
    for _ in range(n):
        wire = rng.choice(WIRES)
        first, e1 = wire_report(rng, wire)
        second, _ = wire_report(rng, wire, body=_follow_up, event={**e1, "day": e1["day"] + 1})
        second[-3:-1] = first[-3:-1]
        yield Pair("follow-up", "next day, shared background", as_text(first), as_text(second))


@dataclass(frozen=True, slots=True)
class _Measured:
    pair: Pair
    exact: float
    estimate: float
    shared_band: bool
    comparable: dict[float, bool]


def measure(n: int = 200, seed: int = 2026,
            thresholds: tuple[float, ...] = (0.4, 0.5, 0.55, 0.6, 0.65, 0.7, 0.8)) -> dict[str, Any]:
    """Similarities of each kind of pair (exact and MinHash-estimated) and merges per threshold.

    A pair merges at a threshold when the two texts share an LSH band (the store would
    find the one as a candidate of the other), pass the guards and the estimate reaches
    the threshold: what ingest does.
    """
    from conflictscope.ingest import neardup

    rows: list[_Measured] = []
    for pair in pairs(n, seed):
        a, b = neardup.signature_of(pair.first), neardup.signature_of(pair.second)
        exact = neardup.jaccard(neardup.shingles_of(neardup.words_of(pair.first)),
                                neardup.shingles_of(neardup.words_of(pair.second)))
        rows.append(_Measured(pair, exact, neardup.similarity(a, b), bool(set(a.bands) & set(b.bands)),
                              {t: neardup.comparable(a, b, t) for t in thresholds}))
    kinds: dict[str, Any] = {}
    for kind in ("copy", "same-wire", "follow-up"):
        mine = [r for r in rows if r.pair.kind == kind]
        kinds[kind] = {
            "pairs": len(mine),
            "exact": _spread(sorted(r.exact for r in mine)),
            "estimate": _spread(sorted(r.estimate for r in mine)),
            "candidates": sum(r.shared_band for r in mine),
            "merged": {f"{t:.2f}": sum(r.shared_band and r.comparable[t] and r.estimate >= t
                                       for r in mine) for t in thresholds},
        }
    per_edit: dict[str, float] = {}
    for r in rows:
        if r.pair.kind == "copy" and "+" not in r.pair.edit:
            per_edit[r.pair.edit] = min(per_edit.get(r.pair.edit, 1.0), r.estimate)
    combined = [r.estimate for r in rows if r.pair.kind == "copy" and "+" in r.pair.edit]
    return {"scheme": neardup.SCHEME, "pairs_per_kind": n, "seed": seed, "kinds": kinds,
            "lowest_estimate_by_edit": per_edit,
            "lowest_estimate_combined_edits": min(combined) if combined else None,
            "words": _spread(sorted(float(len(neardup.words_of(r.pair.first))) for r in rows))}


def _spread(values: list[float]) -> dict[str, float]:
    if not values:
        return {}
    pick = lambda q: values[min(len(values) - 1, int(q * len(values)))]  # noqa: E731
    return {"min": round(values[0], 3), "p05": round(pick(0.05), 3), "median": round(pick(0.5), 3),
            "p95": round(pick(0.95), 3), "max": round(values[-1], 3)}


def render(result: dict[str, Any]) -> str:
    """The figures as a short text table."""
    lines = [f"scheme {result['scheme']}; report length in words {result['words']}"]
    for kind, figures in result["kinds"].items():
        lines.append(f"{kind}: {figures['pairs']} pairs; exact Jaccard {figures['exact']}")
        lines.append(f"  estimate {figures['estimate']}; share a band: {figures['candidates']}")
        lines.append("  merged at threshold " + ", ".join(
            f"{t}: {m}" for t, m in figures["merged"].items()))
    lines.append("lowest estimate per single edit: " + ", ".join(
        f"{k} {v:.3f}" for k, v in sorted(result["lowest_estimate_by_edit"].items())))
    if result["lowest_estimate_combined_edits"] is not None:
        lines.append("lowest estimate with 2-4 edits combined: "
                     f"{result['lowest_estimate_combined_edits']:.3f}")
    return "\n".join(lines)
