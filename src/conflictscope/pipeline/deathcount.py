"""Death figures stated in one sentence, read with rules (cheap: a few regexes).

A :class:`Figure` is one statement of deaths: "about 50 Syrian troops were killed",
"killing two soldiers and an unknown number of militants", "the death toll rose to
31", "no one was killed". Injured-only counts, "casualties", deaths from unrelated
causes, hypothetical and subset ("including three children") mentions are not
figures. Offsets are relative to the sentence text.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

import regex as re

from conflictscope.numbers import (
    COUNT_PATTERN,
    Count,
    add_counts,
    count_from_match,
    small_number_words,
)
from conflictscope.pipeline.victims import single_deaths

if TYPE_CHECKING:
    from spacy.tokens import Doc

#: A figure above this is no event's death toll (a war's total, or noise): rejected.
MAX_PLAUSIBLE = 100_000

_AUXADV = (
    r"were|was|have|has|had|been|being|are|is|be|reportedly|allegedly|also|all|later|"
    r"confirmed|feared|believed|reported|said|thought|to|now|so\s+far|already|subsequently|"
    r"eventually|instantly|immediately|initially|found|left|lying|among|the|presumed"
)
_DEATH_PASSIVE = (
    r"killed|dead|died|die|slain|perished|executed|beheaded|massacred|murdered|assassinated|"
    r"shot\s+dead|gunned\s+down|lost\s+their\s+lives|lost\s+his\s+life|lost\s+her\s+life|"
    r"(?:burned|burnt|stabbed|hacked|beaten|shot|bludgeoned|crushed|tortured)\s+to\s+death|"
    r"hanged|lynched|deaths|fatalities|"
    r"fatally\s+(?:shot|stabbed|wounded|injured|struck|beaten|hit)|pronounced\s+dead"
)
_TRANSITIVE = re.compile(
    r"(?i)^(?:killed|executed|beheaded|massacred|murdered|assassinated|shot\s+dead|"
    r"gunned\s+down|lynched|hanged)$"
)
#: Verbs of a manner of killing that kill only "to death".
_TO_DEATH_VERBS = frozenset({"hacking", "hacked", "stabbing", "stabbed", "stoning", "stoned", "burning", "burned",
                             "beating", "beat"})
_ACTIVE = re.compile(
    r"(?i)\b(?P<verb>killing|killed|kills|kill|executing|executed|beheading|beheaded|"
    r"massacring|massacred|murdering|murdered|assassinating|assassinated|slaughtering|"
    r"slaughtered|shooting\s+dead|shot\s+dead|gunning\s+down|gunned\s+down|lynching|lynched|"
    r"claiming\s+the\s+lives\s+of|claimed\s+the\s+lives\s+of|took\s+the\s+lives\s+of|"
    + "|".join(sorted(_TO_DEATH_VERBS, key=lambda word: (-len(word), word))) + r"|"
    r"claiming|claimed|leaving|left)\s+$"
)
_RIGHT = re.compile(
    r"(?i)(?:\s*,\s*including\s[^,]{1,60},)?"
    r"(?:\s*,?\s*(?:in|at|near|inside|on|from|across|around|during)\s+(?:[\w'’-]+\s+){0,3}?)?"
    rf"\s*(?:(?:{_AUXADV})\s+){{0,3}}(?P<pred>{_DEATH_PASSIVE})\b"
)
_OBJECT_AFTER = re.compile(
    r"^\s+(?:(?i:at\s+least|an?|the|his|her|their|" + small_number_words(1, 12) + r"|dozens|scores|several)\s"
    r"|\d|[A-Z](?!(?i:n|t|nd|s|fter)\b))"
)
_CASUALTY_AFTER = re.compile(r"(?i)^\s*(?:or|and/or)\s+(?:wounded|injured|hurt|missing)\b")
_CASUALTY_BEFORE = re.compile(r"(?i)\b(?:wounded|injured|wounding|injuring)\s+or\s+$")
#: A cause after a death that is no violence ("died of cancer", "killed in a crash").
NONVIOLENT_CAUSE_AFTER = re.compile(
    r"(?i)^[^.;]{0,25}?\b(?:(?:of|from)\s+(?:natural\s+causes|illness|disease|cancer|covid|"
    r"cholera|a\s+heart|heart|old\s+age|complications|hunger|starvation|exposure|the\s+cold|"
    r"an?\s+illness)|(?:in|after)\s+an?\s+(?:\w+\s+)?(?:accident|crash)|in\s+(?:the\s+)?(?:floods?|"
    r"flooding|earthquake|storm|cyclone|hurricane|landslide|tsunami|heatwave|stampede))"
)
_MODAL_BEFORE = re.compile(
    r"(?i)\b(?:would|could|might|may|will|to|threaten(?:s|ed)?|vow(?:s|ed)?|plan(?:s|ned)?|"
    r"not|never)\s+(?:have\s+)?(?:\w+\s+)?$"
)
_ANY_DEATH = re.compile(
    r"(?i)kill|dead|die[ds]?\b|death|slain|perish|execut|behead|massacr|murder|assassin|gunned|"
    r"shot|fatally|toll|lives|life|lynch|hanged|fatalit|slaughter|hurt|injur|harm|casualt"
)
_NEGATED_BEFORE = re.compile(r"(?i)\b(?:no|not|none\s+of)\s+$")
_SUBSET_BEFORE = re.compile(
    r"(?i)\b(?:including|among\s+them|among\s+whom|of\s+whom|among\s+the\s+dead(?:\s+were)?|"
    r"among\s+those\s+killed(?:\s+were)?|the\s+dead\s+included)\s*$"
)
_STOP = (
    r"were|was|is|are|have|has|had|been|being|be|killed|dead|died|and|or|in|on|at|by|with|"
    r"from|after|when|while|during|the|a|an|who|that|which|including|of|to|as|said|say|says|"
    r"reportedly|allegedly|also|all|later|wounded|injured|lives|near|inside|across|"
    r"yesterday|today|overnight|last|this|since|for|but|into|slain|executed|beheaded|"
    r"massacred|murdered|assassinated|perished|shot|gunned|lost|deaths|fatalities|according|"
    r"presumed|feared|believed|thought|confirmed|reported|found"
)
_NP_WORD = re.compile(rf"(?i)\s+(?!(?:{_STOP})\b)(?P<w>[\w'’](?:[\w'’-]|\.(?=\w))*)")
_OF = re.compile(r"(?i)\s+of\b")
_LIST_JOIN = re.compile(r"(?i)\s*(?:,\s*(?:and\s+)?|\s+and\s+)")
_SINGULAR = re.compile(r"(?i)(?<![\w-])(?P<det>an?|one|the)\s+(?=[\w'’-])")
_PERSONS = frozenset(
    ["soldier", "civilian", "officer", "policeman", "policewoman", "man", "woman", "boy", "girl", "child", "baby", "infant", "teenager", "journalist", "reporter", "photographer", "director", "commander", "leader", "official", "militant", "fighter", "rebel", "insurgent", "jihadist", "guard", "worker", "doctor", "nurse", "teacher", "student", "farmer", "shepherd", "priest", "imam", "cleric", "activist", "lawyer", "judge", "mayor", "governor", "minister", "politician", "candidate", "lawmaker", "driver", "passenger", "resident", "villager", "trader", "businessman", "chief", "colonel", "general", "captain", "lieutenant", "sergeant", "major", "pilot", "hostage", "prisoner", "detainee", "protester", "demonstrator", "peacekeeper", "contractor", "aid", "volunteer", "member", "spokesman", "bodyguard", "son", "daughter", "father", "mother", "brother", "sister", "husband", "wife", "elder", "tribesman", "gunman", "bomber", "archaeologist", "engineer"]
)
#: Animals killed in an attack or a raid on a herd are no fatalities.
_ANIMALS = re.compile(
    r"(?i)(?:head\s+of\s+)?(?:cattle|cows?|oxen|ox|bulls?|calves|goats?|sheep|camels?|donkeys?|horses?|mules?|"
    r"pigs?|chickens?|livestock|animals?|dogs?)\b"
)
_DISEASE = re.compile(r"(?i)\b(?:covid|coronavirus|virus|cholera|disease|flu|malaria|ebola|measles|cancer|cases)")
_YEAR = re.compile(r"(?:19|20)\d\d")
_PEOPLE = frozenset(("people", "persons", "individuals", "troops", "children", "police", "forces"))
_PERSON_SUFFIX = re.compile(r"(?i)(?:man|woman|ist|-old)$")
_HE_SHE = re.compile(
    r"(?i)\b(?:he|she)\s+(?:(?:died|(?:(?:was|has\s+been|had\s+been|is)\s+(?:\w+\s+)?)"
    r"(?P<pred>killed|dead|slain|executed|shot\s+dead|beheaded|assassinated|murdered))\b)"
)
_NAME_KILLED = re.compile(
    r"(?<![\w.])(?P<name>[A-Z][\w'’-]+(?:\s+(?:al-|bin\s+|ibn\s+)?[A-Z][\w'’-]+){1,3})\s+"
    r"(?:was|has\s+been|had\s+been)\s+(?:\w+\s+)?(?P<pred>killed|shot\s+dead|assassinated|"
    r"executed|beheaded|murdered|slain)\b"
)
_TOLL = re.compile(
    r"(?i)\b(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths|people\s+killed|victims|fatalities))"
    r"(?P<mid>(?:\s+[\w'’-]+){0,4}?)\s+(?:to|at|of|is|was|reached|hit|passed|exceeded|topped)\s+"
    r"(?=\S)"
)
_UPDATE = re.compile(r"(?i)\b(?:rose|risen|rise|rises|climbed|increased|jumped|reached|raising|raised|bringing|brought|mounted|hit|passed|exceeded|topped)\b")
_ZERO = re.compile(
    r"(?i)\b(?:(?:no\s+one|nobody|none)\s+(?:\w+\s+){0,2}?(?:was|were|has\s+been|had\s+been)?\s*"
    r"(?:killed|hurt|injured|harmed|died|dead)|no\s+one\s+died|"
    r"(?:no|without)\s+(?:deaths|fatalities|casualties)\b)"
)
_ZERO_UNKNOWN = re.compile(r"(?i)\b(?:reports?\s+of|immediate|information|word\s+on|details|clear|known)\s+(?:\w+\s+){0,2}$")
_GENERIC = frozenset(["people", "persons", "individuals", "others", "other", "more", "victims", "civilians?"])


@dataclass(frozen=True, slots=True)
class Figure:
    """One stated death figure in a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    count: Count
    pred: int  # offset of the death word (or the toll word)
    side: str | None = None
    by_side: tuple[tuple[str, Count], ...] = ()
    kind: str = "deaths"  # deaths | toll | zero
    update: bool = False
    subset: bool = False
    hedged: bool = False
    groups: int = 1  # how many victim groups it lists ("two soldiers and five militants": 2)


def _np_after(text: str, pos: int) -> tuple[str, int]:
    """Up to four noun-phrase words after ``pos``: (the words, end offset)."""
    words: list[str] = []
    end = pos
    for _ in range(4):
        match = _NP_WORD.match(text, end)
        if not match or COUNT_PATTERN.match(text, match.start("w")):
            break
        word = match.group("w")
        if words and words[-1][:1].islower() and word[:1].isupper():
            break  # "people ISIS executed": a relative clause starts
        words.append(word)
        end = match.end()
    return " ".join(words), end


def _group(text: str, pos: int) -> tuple[Count, str, int] | None:
    """One victim group at ``pos``: a count and its noun phrase, or "a soldier" (count 1)."""
    while pos < len(text) and text[pos] == " ":
        pos += 1
    match = COUNT_PATTERN.match(text, pos)
    if match:
        count = count_from_match(match)
        if count is None:
            return None
        end = match.end()
        of = _OF.match(text, end)
        if of:
            end = of.end()
        noun, end = _np_after(text, end)
        head = noun.rsplit(" ", 1)[-1]
        if head.endswith("ed") and head.islower() or _DISEASE.search(noun):
            return None  # "11 rescued, 3 found dead"; "Covid-19 deaths"
        if _ANIMALS.match(noun):
            return None  # "killed five oxen": ACLED counts people's deaths only
        if _YEAR.fullmatch(match.group(0)) and not _is_people(head):
            return None  # "2019 shooting deaths": a year, not a count
        return count, noun, end
    single = _SINGULAR.match(text, pos)
    if not single:
        return None
    noun, end = _np_after(text, single.end() - 1)
    head = noun.split()[-1].lower() if noun else ""
    if not head:
        return None
    is_person = head in _PERSONS or (
        single.group("det").lower() != "the" and _PERSON_SUFFIX.search(head) is not None
    )
    if not is_person:
        return None
    return Count(1, 1, 1, 1), noun, end


def _is_people(word: str) -> bool:
    """Whether a noun names people ("civilians", "troops", "policemen", "people")."""
    lower = word.lower()
    return (
        lower in _PERSONS or lower.rstrip("s") in _PERSONS or lower in _PEOPLE
        or lower.endswith(("men", "women", "ists", "ians"))
    )


#: An aside on who the victims were, between them and their verb ("100 people, most of them women, died").
_VICTIMS_ASIDE = re.compile(
    r"(?i),\s*(?:most|many|all|some|half|several|mostly|mainly|among\s+them|including)\b[^,.;:]{0,80},"
)
#: A verb of saying right after a noun phrase: the phrase is who said it.
_SPEAKS_NEXT = re.compile(r"(?i)\s+(?:has\s+|had\s+|also\s+)?(?:said|says|told|tells|reported|confirmed|added|stated|announced|wrote)\b")


def _list(text: str, pos: int) -> tuple[list[tuple[Count, str]], int] | None:
    """A list of victim groups ("two soldiers and five militants") from ``pos``."""
    first = _group(text, pos)
    if first is None:
        return None
    groups = [(first[0], first[1])]
    end = first[2]
    while True:
        join = _LIST_JOIN.match(text, end)
        if not join:
            break
        more = _group(text, join.end())
        if more is None or _SPEAKS_NEXT.match(text, more[2]):
            break  # "killing two civilians, the regional governor said": the source, not a victim
        groups.append((more[0], more[1]))
        end = more[2]
    return groups, end


def _side(noun: str) -> str | None:
    words = noun.split()
    if not words or words[-1].lower() in _GENERIC or words[-1].lower() in ("them", "whom", "himself"):
        return None
    return noun


def _figure(
    text: str,
    start: int,
    end: int,
    pred: int,
    groups: list[tuple[Count, str]],
    *,
    subset: bool = False,
    hedged: bool = False,
) -> Figure:
    count = add_counts([g[0] for g in groups])
    sides = [(s, c) for c, n in groups if (s := _side(n)) is not None]
    side = sides[0][0] if len(sides) == 1 and len(groups) == 1 else None
    return Figure(
        start, end, count, pred, side, tuple(sides), subset=subset, hedged=hedged, groups=len(groups)
    )


def _is_hedged(before: str, after: str) -> bool:
    return bool(re.search(r"(?i)\b(?:feared|believed|thought|presumed)\s*$", before)) or bool(
        re.match(r"(?i)^\s*(?:were|are|was|is)?\s*(?:feared|believed|thought|presumed)\b", after)
    )


def find_figures(text: str, doc: Doc | None = None) -> tuple[list[Figure], list[str]]:
    """The death figures of one sentence, and warnings (e.g. implausible numbers); with the sentence's
    parse ``doc``, also the single deaths its grammar tells (:mod:`conflictscope.pipeline.victims`)."""
    figures: list[Figure] = []
    warnings: list[str] = []
    if not _ANY_DEATH.search(text):
        return figures, warnings
    taken = 0
    starts = sorted(
        {m.start() for m in COUNT_PATTERN.finditer(text)} | {m.start() for m in _SINGULAR.finditer(text)}
    )
    for begin in starts:
        if begin < taken:
            continue
        parsed = _list(text, begin)
        if parsed is None:
            continue
        groups, end = parsed
        before = text[:begin]
        if _NEGATED_BEFORE.search(before):
            continue
        subset = bool(_SUBSET_BEFORE.search(before) or (len(groups) == 1 and groups[0][1] in ("them", "whom", "those")))
        active = _ACTIVE.search(before)
        if active:
            figure = _active_figure(text, before, active, groups, end, subset)
            if figure is not None:
                figures.append(figure)
                taken = figure.end
            continue
        right = _RIGHT.match(text, end)
        aside = None if right else _VICTIMS_ASIDE.match(text, end)
        if aside:  # "At least 100 people, most of them women and children, died"
            right = _RIGHT.match(text, aside.end())
        if not right:
            continue
        pred = right.group("pred")
        if pred.lower() in ("deaths", "fatalities") and len(groups) > 1:
            continue  # "306 cases and 22 deaths": no list before a noun of deaths
        after = text[right.end():]
        bare = not re.search(r"(?i)\b(?:were|was|been|are|is)\s", right.group(0))
        if _TRANSITIVE.match(pred) and bare and _OBJECT_AFTER.match(after):
            continue  # "12 militants killed 3 soldiers": the militants are the killers
        if _CASUALTY_AFTER.match(after) or NONVIOLENT_CAUSE_AFTER.match(after):
            continue
        hedged = _is_hedged(before, text[end: right.start("pred")])
        figures.append(
            _figure(text, begin, right.end(), right.start("pred"), groups, subset=subset, hedged=hedged)
        )
        taken = right.end()
    figures.extend(_singles(text, figures))
    if doc is not None:
        figures.extend(f for f in single_deaths(doc) if not _overlaps(f.start, f.end, figures))
    figures.extend(t for t in _tolls(text) if not _overlaps(t.start, t.end, figures))
    figures.extend(_zeros(text, figures))
    kept = []
    for fig in figures:
        values = [v for v in (fig.count.low, fig.count.best, fig.count.nominal) if v is not None]
        if values and max(values) > MAX_PLAUSIBLE:
            warnings.append(f"implausible death figure rejected: {text[fig.start:fig.end]!r}")
            continue
        kept.append(fig)
    kept.sort(key=lambda f: f.start)
    return kept, warnings


def _active_figure(
    text: str,
    before: str,
    active: re.Match[str],
    groups: list[tuple[Count, str]],
    end: int,
    subset: bool,
) -> Figure | None:
    """A figure after an active death verb ("killing 6 civilians"), or None."""
    if _MODAL_BEFORE.search(before[: active.start()]) or _CASUALTY_BEFORE.search(before[: active.start()]):
        return None
    verb = active.group("verb").lower()
    tail = text[end:]
    if verb.startswith(("leaving", "left")) and not re.match(r"(?i)\s+dead\b", tail):
        return None
    if verb in ("claiming", "claimed") and not re.match(r"(?i)\s*lives\b", tail):
        return None
    if verb in _TO_DEATH_VERBS and not re.match(r"(?i)\s+to\s+death\b", tail):
        return None  # "stabbed two guards" wounds; "hacked 22 people to death" kills
    closing = re.match(r"(?i)\s+(?:dead|lives|to\s+death)\b", tail)
    stop = end + closing.end() if closing else end
    killer = _AND_HIMSELF.match(text, stop)
    if killer:  # "killed four classmates and himself": the killer's death is one of the event's
        groups = [*groups, (Count(1, 1, 1, 1), "himself")]
        stop = killer.end()
    return _figure(text, active.start(), stop, active.start(), groups, subset=subset)


#: The killer among the dead, after the victims of an active death verb ("killed four classmates
#: and himself", "shot dead his wife and then himself").
_AND_HIMSELF = re.compile(r"(?i)\s*,?\s+and\s+(?:then\s+)?(?:himself|herself)\b")


def _overlaps(start: int, end: int, figures: list[Figure]) -> bool:
    return any(f.start < end and start < f.end for f in figures)


def _singles(text: str, found: list[Figure]) -> list[Figure]:
    """'he was killed', 'Commander X was shot dead': one death."""
    out: list[Figure] = []
    for pattern in (_HE_SHE, _NAME_KILLED):
        for match in pattern.finditer(text):
            if _overlaps(match.start(), match.end(), found + out):
                continue
            if _MODAL_BEFORE.search(text[: match.start("pred")]):
                continue
            name = match.groupdict().get("name")
            side = name if name else None
            out.append(Figure(match.start(), match.end(), Count(1, 1, 1, 1), match.start("pred"), side,
                              ((side, Count(1, 1, 1, 1)),) if side else ()))
    return out


def _tolls(text: str) -> list[Figure]:
    out: list[Figure] = []
    for match in _TOLL.finditer(text):
        number = COUNT_PATTERN.match(text, match.end())
        if not number:
            continue
        count = count_from_match(number)
        if count is None:
            continue
        context = text[max(0, match.start() - 12): match.end()]
        update = bool(_UPDATE.search(context))
        out.append(Figure(match.start(), number.end(), count, match.start(), kind="toll", update=update))
    return out


def _zeros(text: str, found: list[Figure]) -> list[Figure]:
    out: list[Figure] = []
    for match in _ZERO.finditer(text):
        if _ZERO_UNKNOWN.search(text[: match.start()]) or _overlaps(match.start(), match.end(), found):
            continue
        out.append(Figure(match.start(), match.end(), Count(0, 0, 0, 0), match.start(), kind="zero"))
    return out
