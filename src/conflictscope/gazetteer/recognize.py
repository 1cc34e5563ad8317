"""Toponym recognition: which spans of a report may be place names.

The small spaCy model mislabels places (it tags "Palmyra" as PERSON), so the
NER label is one signal among several: GPE/LOC/FAC spans are strong candidates;
PERSON/ORG spans and capitalised spans (the only source in sentences spaCy did
not parse) are weak candidates that must pass a gazetteer check and filters
(not a common word, not after a title, not a person's full name). Demonyms and
"British-based" style adjectives are kept apart: they give context, not places.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

import regex as re

from conflictscope.document import AnalyzedArticle
from conflictscope.gazetteer.containers import link_containers
from conflictscope.gazetteer.dateline import FIELD_LABEL, find_dateline
from conflictscope.gazetteer.demonyms import PEOPLES_ABROAD, demonym_country
from conflictscope.gazetteer.namewords import GENERIC_WORDS
from conflictscope.gazetteer.regions import abbreviation
from conflictscope.gazetteer.resolve import ADMIN_KIND, COUNTY_KIND, Toponym
from conflictscope.gazetteer.spans import (
    DIRECTION_WORDS,
    DOTTED_INITIALS,
    NEXT_NAME_WORD,
    NEXT_WORD,
    STOP_WORDS_SET,
    STRONG_LABELS,
    extend_name,
    in_title_case,
    joined,
    sentence_spans,
)
from conflictscope.models import Span

#: Strength of a name right after "the city/town/island/... of".
NAMED_SETTLEMENT = 0.8

_DIRECTION = re.compile(
    r"^(?:(?:the\s+)?(?:north|south|east|west|central|north-?east|north-?west|south-?east|"
    r"south-?west|upper|lower)(?:ern)?\s+)(?=\p{Lu})",
    re.IGNORECASE,
)
#: A bare compass word written with a capital before a capitalised common noun that ends the name
#: ("South Side", "West End", "North Shore", "East Village"): one neighbourhood's or landmark's name,
#: not a direction to a place called "Side". "North Philadelphia", "northern Mali", "north Mosul"
#: and "the North West Region" are directions to a place.
_NAME_HEAD = re.compile(r"^(?:North|South|East|West)\s+(?P<noun>\p{Lu}\p{Ll}+)$")
_PART_NOUNS = GENERIC_WORDS | frozenset({"side", "end", "shore", "hills", "heights", "point", "loop", "gate"})
_ADMIN_SUFFIX = re.compile(
    r"\s+(?:province|governorate|region|district|state|county|prefecture|oblast|department|"
    r"local government area|local government|lga)$",
    re.IGNORECASE,
)
#: Second-level kinds: a county, or a Nigerian local government area ("Gwoza LGA").
_SECOND_LEVEL = frozenset({"county", "local government area", "local government", "lga"})
#: A first-level admin kind written after the name, outside it ("in Niger state", "Rivers state", "the
#: Tillaberi region"): the region. Not "district" or "county": a district and its seat share a name ("Aurangabad
#: district"), and one sense per report would then move the town's other mentions to the district.
_ADMIN_AFTER = re.compile(r"\s+(?:province|governorate|state|prefecture|oblast|region)s?\b(?!-)")
#: Arabic and Persian words that head place names (hill, cape, village, spring, house, bridge,
#: monastery, mountain, well, valley, palace, fort, inn, river): a name the gazetteer has that
#: starts with one is a place even when spaCy calls it a person ("Tal Abyad", "Ras al-Ain").
_TOPONYMIC_HEAD = re.compile(
    r"(?:Tal|Tall|Tell|Ras|Kafr|Kfar|Ain|Ayn|Beit|Bayt|Jisr|Maarat|Maarrat|Deir|Dayr|Jabal|Jebel|Bir|"
    r"Wadi|Qasr|Qala|Qalat|Qalaat|Khan|Nahr|Marj|Hisn|Mazraat|Pul)"
    r"(?:-e\s+|[\s\-]+(?:(?:al|el|ad|ar|as|az|ash|an|at|ed|en|es|et|ez)[\s\-]+)?)\p{Lu}"
    r"|\p{Lu}\p{Ll}+-(?:e|i)[\s\-]\p{Lu}"  # a Persian ezafe ("Nad-e Ali", "Qala-e Naw")
)
#: A region's kind after a name of directions only ("the Northwest region", "North-East State").
_REGION_AFTER = re.compile(r"\s+(?:region|province|state)s?\b", re.IGNORECASE)
_CITY_BEFORE = re.compile(r"(?:city|town|village|capital|port|outskirts|island)\s+of\s+(?:the\s+)?$", re.IGNORECASE)
#: An apposition naming the kind of place ("Gajiram, a town in Borno", "Nyala, the capital of South Darfur").
SETTLEMENT_AFTER = re.compile(
    r",\s+(?:a|an|the)\s+(?:[\p{Ll}\-]+\s+){0,2}?(?:town|village|city|capital|port|settlement|locality)\s+(?:in|of)\s",
)
_TITLE_BEFORE = re.compile(
    r"(?:\b(?:Mr|Mrs|Ms|Dr|Prof|President|Gen|General|Minister|Minister|Sheikh|King|Queen|"
    r"Prince|Pope|Sir|Lord|Lady|Judge|Senator|Sen|Rep|Gov|Governor|Col|Capt|Lt|Sgt|"
    r"spokesman|spokeswoman|commander|leader|named|called)\.?\s+)$"
)
_NAMED_BEFORE = re.compile(
    r"(?<!\b(?:city|town|village|place|area|district|province|region|settlement|camp))"
    r"\s+(?:named|called|nicknamed)\s+$",
    re.IGNORECASE,
)
#: "called"/"named" as a verb, after its subject ("Guterres, who called China a pillar", "AFP
#: called the Tianjin detention centre", "Trudeau called Belarus' actions"): what follows is no
#: name being given. Not after an adverb ("Originally named Rue d'Enghien", "later called").
_CALLED_AS_VERB = re.compile(
    r"(?:\b(?:who|he|she|they|we|I|you|has|have|had)|(?<![\p{L}])(?!\p{Lu}\p{Ll}+ly\b)\p{Lu}[\p{L}.\-]*)"
    r"\s+(?:named|called)\s+$"
)
#: A short lower-case syllable after a hyphen: the span is part of a given name ("Jae-in").
_NAME_SYLLABLE = re.compile(r"-\p{Ll}{1,3}\b")
_CONTEXT_ONLY_AFTER = re.compile(r"^-(?:based|backed|led|born|made|owned|funded|run|allied)\b")
#: Words that are no place on their own ("Union" of "the Union said", "Congress"), though a longer
#: name may hold them ("Union City", "Bangladesh Parliament").
_STOP_ALONE = frozenset("congress union many several both every much".split())


@dataclass(frozen=True, slots=True)
class Demonym:
    """A demonym or country adjective: context for resolution, never an event place."""

    span: Span
    cc: str


def _clean(text: str, start: int, known: Callable[[str], bool] | None = None) -> tuple[str, int, str]:
    """Trim a candidate span: leading 'the', a direction word, an admin suffix, "'s".

    A direction word stays when the whole name is a known place ("South Korea",
    "North Carolina", "West Bank"): ``known`` tells which names the gazetteer has.
    """
    hint = ""
    trimmed = text
    if abbreviation(text) is not None:
        return text.strip(), start, "admin"  # "Calif.", "B.C.": the period is part of the name
    if DOTTED_INITIALS.fullmatch(text.strip()):
        return text.strip(), start, ""  # "U.S.": so is this one
    for suffix in ("'s", "’s"):
        if trimmed.endswith(suffix):
            trimmed = trimmed[: -len(suffix)]
    lead = re.match(r"^(?:the|The)\s+", trimmed)
    if lead:
        start += lead.end()
        trimmed = trimmed[lead.end():]
    kind = _ADMIN_SUFFIX.search(trimmed)
    if kind and kind.start() > 1 and is_direction_only(trimmed[: kind.start()]):
        return trimmed[: kind.start()].strip(" -,.;:"), start, ADMIN_KIND  # "the North West Region"
    direction = _DIRECTION.match(trimmed)
    if direction and known is not None and known(trimmed.strip(" -,.;:")):
        direction = None
    head = _NAME_HEAD.match(trimmed) if direction else None
    if head and head.group("noun").lower() in _PART_NOUNS:
        direction = None  # "the South Side", "West End": a capitalised bare compass word heads a name
    if direction:
        start += direction.end()
        trimmed = trimmed[direction.end():]
        hint = "region_part"
    suffix_match = _ADMIN_SUFFIX.search(trimmed)
    if (suffix_match and suffix_match.group(0).strip().lower() == "department" and known is not None
            and not known(trimmed[: suffix_match.start()].strip(" -,.;:"))):
        suffix_match = None  # "the US Justice Department": an office, not a French département
    if (suffix_match and known is not None and known(trimmed.strip(" -,.;:"))
            and not known(trimmed[: suffix_match.start()].strip(" -,.;:"))):
        return trimmed.strip(" -,.;:"), start, hint or ADMIN_KIND  # "Karen State": only the whole is a name
    if suffix_match and suffix_match.start() > 1:
        trimmed = trimmed[: suffix_match.start()]
        hint = hint or (COUNTY_KIND if suffix_match.group(0).strip().lower() in _SECOND_LEVEL else ADMIN_KIND)
    elif (trimmed.lower().endswith(" city") and len(trimmed) > 7
          and not (known is not None and known(trimmed.strip(" -,.;:")))):  # "Kansas City" stays
        trimmed = trimmed[:-5]
        hint = hint or "city"
    return trimmed.strip(" -,.;:"), start, hint


#: Countries news names by initials, with or without periods ("U.S.", "UK").
_COUNTRY_INITIALS = frozenset({"US", "UK", "UAE", "DRC", "USA", "DPRK", "PRC", "KSA", "SA", "T&T"})


def _allowed(name: str, before: str, *, weak: bool, lower_words: frozenset[str],
             known: Callable[[str], bool] | None = None) -> bool:
    """Filters for a candidate: not a common word, not a title-led name, not all caps noise.

    ``known`` tells a name the gazetteer has outright: a weak name with a stop word inside
    ("Republic of Belarus", "Bosnia and Herzegovina") is allowed when it is known.
    """
    if not name or len(name) < 2 or not any(ch.isalpha() for ch in name):
        return False
    words = name.split()
    short = abbreviation(name)  # "Va.", "BC": a region's news abbreviation
    if re.fullmatch(r"[A-Z]{2,5}s", name):
        return False  # a plural acronym ("JWs", "IDPs", "NGOs"), not a place
    if re.fullmatch(r"\p{Lu}\p{Ll}\p{Lu}", name):
        return False  # "MoD", "DoJ", "MoI": a ministry's acronym (MoD was Modesto's airport code)
    if name in PEOPLES_ABROAD:
        return False  # "Arab", "Pashtun": a people of several countries (was Arab, Alabama)
    if len(words) == 1 and len(name.rstrip(".")) <= 2 and not name.isupper() and short is None:
        return False  # "St" of "St. Louis Police" (was Sète, France), "Mt", "Dr": an abbreviated word
    if re.search(r"['’](?:ll|re|ve|d|m|t)$", name, flags=re.IGNORECASE):
        return False  # a contraction ("I'll", "We've", "It'd"), not a name
    if name.lower() in STOP_WORDS_SET or name.lower() in _STOP_ALONE or (
            len(words) == 1 and name.isupper() and len(name.replace(".", "")) <= 4 and
            name.replace(".", "") not in _COUNTRY_INITIALS and short is None):
        return False
    if short is not None and re.search(r"\d\s*$", before):
        return False  # "500 BC": a year, not British Columbia
    calling = _CALLED_AS_VERB.search(before[-40:]) is not None
    if _NAMED_BEFORE.search(before[-40:]) and not calling:
        return False  # "an asylum seeker named Elizabeth", not "a town called Tadmur"
    if not weak:
        return True
    if _TITLE_BEFORE.search(before[-40:]) and not calling:
        return False
    if any(w.lower() in STOP_WORDS_SET and w.lower() not in DIRECTION_WORDS for w in words):
        # a direction word left at the head of a name is part of a known one ("South Korea"); a stop
        # word inside a name is, when the gazetteer knows the whole name ("United States of America")
        # ("Karen State", which spaCy may call a person: a kind word ends a region's known name)
        return (known is not None and words[0].lower() not in STOP_WORDS_SET
                and (len(words) >= 3 and words[-1].lower() not in STOP_WORDS_SET
                     or _ADMIN_SUFFIX.search(name) is not None) and known(name))
    return not (len(words) == 1 and name.lower() in lower_words)


def _lower_words(text: str) -> frozenset[str]:
    """Words the report writes in lower case (a capitalised one is then a common word)."""
    return frozenset(w for w in re.findall(r"(?<![\p{L}\-])[\p{Ll}][\p{L}]+", text))


#: Words naming a medium: "Washington Post" is no place of the report.
MEDIUM_WORDS = frozenset("""
    post times herald journal news tribune press daily telegraph guardian gazette star mail sun
    observer chronicle standard radio tv television magazine review express record
""".split())


#: The first word of a longer name, after an optional "the".
_LEADING_DEMONYM = re.compile(r"^(?:[Tt]he\s+)?(?P<word>\p{Lu}[\p{L}\-]+)\s+\p{Lu}")


def is_direction_only(name: str) -> bool:
    """Whether a name is made of direction words only ("South West", "North-East", "Upper")."""
    words = name.replace("-", " ").lower().split()
    return bool(words) and all(w in DIRECTION_WORDS for w in words)


def _bare_direction(name: str, text: str, start: int) -> bool:
    """A span of direction words only, written in lower case or heading another name ("south
    east London", "North East Somerset"): a part of the place after it, no place of its own."""
    if not is_direction_only(name) or _REGION_AFTER.match(text, start + len(name)):
        return False  # "the North West Region": a region's own name
    return name[0].islower() or NEXT_WORD.match(text, start + len(name)) is not None


#: A street word right after a name makes the name a street's ("Nash streets", "Pike St."); not "road"
#: or "highway", which name a road by the town it leads to ("the Aleppo road").
_STREET_NEXT = re.compile(r"\s+(?:[Ss]treets?|[Aa]venues?|[Bb]oulevards?|St\.|Ave\.|Blvd\.|Sts\.|Aves\.)(?![\p{L}])")
#: A US address's block ("the 6700 block of South Aberdeen"): the name after it is a street's.
_BLOCK_OF = re.compile(r"\b\d+\s+block\s+of\s+(?:(?:North|South|East|West|[NSEW]\.?)\s+)?$")
#: Words that, followed by a number, are part of an address ("Sector 12", "Ward 3", "Phase 2").
_ADDRESS_WORDS = frozenset({"sector", "block", "phase", "ward", "zone", "plot", "lane", "gate", "unit", "area"})
_NUMBER_NEXT = re.compile(r"\s*(?:No\.?\s*)?\d")
#: A preposition of place right before a name: "near Ras al-Ain" is no person.
#: Prepositions of place that an organisation's name rarely follows ("in", not "at Google").
_PLACE_PREPOSITION = re.compile(
    r"\b(?:in|near|outside|around|into|towards?|from|shelled|bombed|struck|hit|entered|captured|seized|"
    r"recaptured|retook|stormed|attacked|raided|(?:strikes?|airstrikes?|attacks?|shelling)\s+on)\s+(?:the\s+)?$")
#: An institution's name and, after a comma, its town ("Government Science College, Kagara",
#: "Federal University of Technology, Owerri"): the town is where the institution stands.
_INSTITUTION_OF = re.compile(
    r"\b(?:College|School|University|Academy|Seminary|Polytechnic|Institute|Hospital|Prison|Camp|"
    r"Church|Cathedral|Mosque|Market)\s*,\s+$"
)
_LOCATIVE_BEFORE = re.compile(r"\b(?:in|near|at|into|inside|outside|around|towards?)\s+$")


def _either(first: Callable[[str], bool], second: Callable[[str], bool]) -> Callable[[str], bool]:
    """A predicate true where either is."""
    return lambda name: first(name) or second(name)


def _outside(toponyms: list[Toponym], spans: list[tuple[int, int]]) -> list[Toponym]:
    """Toponyms not lying inside (and shorter than) one of the extended ``spans``."""
    if not spans:
        return toponyms
    return [t for t in toponyms if not any(
        b <= t.span.start and t.span.end <= e and e - b > t.span.end - t.span.start for b, e in spans)]


_BRACKET = re.compile(r"[()\[\],]")


#: A subdivision's kind and "of" inside one name span: the subdivision, then the region holding it
#: ("Jahun Local Government Area of Jigawa State", "Nad Ali district of Helmand province"). A name
#: must stand before the kind ("the Province of Buenos Aires" is one name).
_KIND_OF = re.compile(
    r"(?<=\p{L}[\p{L}.'’\-]*\s+)(?i:local\s+government\s+area|local\s+government|lga|sub-?district|district|"
    r"township|municipality|county|governorate|province|region)(?P<of>\s+of\s+)(?=\p{Lu})"
)


def _cut_at_kind_of(spans: Iterable[tuple[int, int, str, float]], text: str) -> Iterator[tuple[int, int, str, float]]:
    """Each name span, cut in two where a subdivision's kind is followed by "of" and another name:
    one span up to the kind word (a name of a subdivision: :func:`_clean` reads the kind), one from
    the name after "of" (its container, read as such by :mod:`.containers`)."""
    given = list(spans)
    seen = {(begin, end) for begin, end, _, _ in given}
    for begin, end, label, strength in given:
        cut = _KIND_OF.search(text, begin, end)
        if cut is None:
            yield begin, end, label, strength
            continue
        yield begin, cut.start("of"), label, strength
        if (cut.end("of"), end) not in seen:  # the region may be a span of its own too
            yield cut.end("of"), end, label, strength


def _unbracketed(text: str, spans: Iterable[tuple[int, int, str, float]]) -> Iterator[tuple[int, int, str, float]]:
    """Name spans cut at brackets and commas: "Tchaourou (Tchaourou" is two names, the town and, in
    brackets, its commune; "Bante, Collines" the commune and its region (the place hierarchy of
    "Bante (Bante, Collines)"). A container after a comma is read as such by :mod:`.containers`.
    A subdivision "of" its region is cut too (:func:`_cut_at_kind_of`)."""
    for begin, end, label, strength in _cut_at_kind_of(spans, text):
        if not _BRACKET.search(text, begin, end):
            yield begin, end, label, strength
            continue
        start = begin
        for cut in [*(m.start() for m in _BRACKET.finditer(text, begin, end)), end]:
            piece = text[start:cut]
            lead = len(piece) - len(piece.lstrip(" ,;"))
            stripped = piece.strip(" ,;")
            if stripped:
                yield start + lead, start + lead + len(stripped), label, strength
            start = cut + 1


def find_toponyms(
    analyzed: AnalyzedArticle, known: Callable[[str], bool] | None = None,
    exact: Callable[[str], bool] | None = None, prominent: Callable[[str], bool] | None = None,
) -> tuple[list[Toponym], list[Demonym]]:
    """Candidate toponyms and demonyms of every sentence, parsed or not.

    ``known`` tells a name the gazetteer has outright (a region, or a big town); ``exact`` any
    name it has, not only fuzzily: a place spaCy cut short ("Tal" | "Abyad") or called a person
    after "in"/"near" ("near Ras al-Ain") counts when the whole name is one. ``prominent`` tells
    a country, region or big town by its own name: those are also read out of lines in title case.
    """
    lower_words = _lower_words(analyzed.text)
    # a name spaCy tagged a place extends to any longer name the gazetteer has; others only to a known one
    extends_place = known if known is None or exact is None else _either(known, exact)
    toponyms: list[Toponym] = []
    demonyms: list[Demonym] = []
    extended: list[tuple[int, int]] = []
    for sentence in analyzed.sentences:
        text = sentence.text
        for begin, end, label, strength in _unbracketed(text, sentence_spans(sentence, known)):
            raw = text[begin:end]
            country = demonym_country(raw)
            after = _CONTEXT_ONLY_AFTER.match(text[end:])
            if after:
                country = demonym_country(raw + after.group(0)) or country
            if country:
                demonyms.append(Demonym(sentence.char_span(begin, end), country))
                continue
            head = _LEADING_DEMONYM.match(raw)
            if (head and (country := demonym_country(head.group("word")))
                    and not {w.lower() for w in raw.split()} & MEDIUM_WORDS):  # "The Canadian Press": a credit
                # "the Russian Ministry of Defence", "Kenyan Police Service": a demonym spaCy left inside a name
                word_start = begin + head.start("word")
                demonyms.append(Demonym(sentence.char_span(word_start, word_start + len(head.group("word"))),
                                        country))
            if after:
                continue  # "Iraq-based"
            longer = end
            if known is not None and NEXT_NAME_WORD.match(text, end):
                extends = extends_place if label in STRONG_LABELS and extends_place is not None else known
                longer = extend_name(text, begin, end, extends)  # "Nizhny" + "Novgorod", "Tal" + "Abyad"
            if longer > end:  # "Croix" + "-des-Bouquets" too
                raw, end = text[begin:longer], longer
                span = sentence.char_span(begin, end)
                extended.append((span.start, span.end))
            elif _NAME_SYLLABLE.match(text, end):
                continue  # "Jae" of "Moon Jae-in", "Jong" of "Kim Jong-un"
            name, name_start, hint = _clean(raw, begin, known)
            if not name or _bare_direction(name, text, name_start):
                continue
            if name.lower() in _ADDRESS_WORDS and _NUMBER_NEXT.match(text, name_start + len(name)):
                continue  # "Sector 12 of Noida", "Block 4": part of an address, no town
            if (_STREET_NEXT.match(text, name_start + len(name))
                    or _BLOCK_OF.search(text, max(0, name_start - 40), name_start)):
                continue  # "near 37th and Nash streets", "on Broadway Ave.", "the 4800 block of South
                # Throop": a street of the report's town
            if " " not in name and FIELD_LABEL.match(text, name_start + len(name)):
                continue  # "Date: September 9, 2015": a field label of a form or release, no town
            before = text[:name_start]
            weak = label not in STRONG_LABELS
            sentence_initial = not before.strip()
            region_named = is_direction_only(name) and _REGION_AFTER.match(text, name_start + len(name))
            if region_named:
                hint = hint or ADMIN_KIND  # "Cameroon's Northwest region": a region's name, not a direction
            elif not _allowed(name, before, weak=weak, lower_words=lower_words, known=known):
                continue
            headed = weak and _TOPONYMIC_HEAD.match(name) is not None and exact is not None and exact(name)
            if headed:
                strength = max(strength, NAMED_SETTLEMENT)  # "Tal Abyad", "Khan Sheikhoun": a hill, an inn
            if (weak and label == "PERSON" and len(name.split()) > 1 and not headed
                    and not (known is not None and known(name))
                    and not (exact is not None and exact(name) and (_LOCATIVE_BEFORE.search(before[-20:])
                                                                     or _CITY_BEFORE.search(before[-30:])))):
                continue  # a person's full name, unless a known place ("Ciudad Juarez") or one after "near"
            if _CITY_BEFORE.search(before[-30:]) or SETTLEMENT_AFTER.match(text, name_start + len(name)):
                hint = hint or "city"
                strength = max(strength, NAMED_SETTLEMENT)  # "the island of Mykonos": a place, whatever spaCy says
            elif _ADMIN_AFTER.match(text, name_start + len(name)):
                hint = hint or ADMIN_KIND  # "in Niger state": Nigeria's state, not the country
            located = bool(weak and (_PLACE_PREPOSITION.search(before[-20:]) or _INSTITUTION_OF.search(before[-40:]))
                           and exact is not None and exact(name))
            if weak and sentence_initial and len(name.split()) == 1:
                strength *= 0.7
            span = sentence.char_span(name_start, name_start + len(name))
            toponyms.append(Toponym(span, name, strength, hint, located=located))
    if prominent is not None:
        toponyms.extend(in_title_case(analyzed, toponyms, prominent, _lower_words(analyzed.text)))
    toponyms = _with_dateline(analyzed.text, _outside(toponyms, extended), known)
    toponyms.sort(key=lambda t: t.span.start)
    if known is not None:
        toponyms = joined(analyzed.text, toponyms, known)
    return link_containers(analyzed.text, toponyms), demonyms


def _with_dateline(text: str, toponyms: list[Toponym],
                   known: Callable[[str], bool] | None = None) -> list[Toponym]:
    """Add the dateline's place (and region) as strong toponyms, replacing overlapping ones.

    A dateline without its separator ("OKLAHOMA CITY The Latest") counts only when ``known``
    says the gazetteer has the name ("IRAN NUCLEAR DEAL Talks resume" is a title)."""
    line = find_dateline(text)
    if line is None or demonym_country(line.place.title()):
        return toponyms
    if line.bare and (known is None or not known(line.place)):
        return toponyms
    if not line.place.isupper() and (line.place.lower() in STOP_WORDS_SET or line.place.lower() in _lower_words(text)):
        return toponyms  # "See: ...", "Warning: ...": a common word, not a dateline
    added = [Toponym(Span(line.start, line.start + len(line.place), line.place), line.place, 0.9,
                     within=line.region)]
    if line.region and not demonym_country(line.region):
        added.append(Toponym(Span(line.region_start, line.region_start + len(line.region),
                                  line.region), line.region, 0.9))
    spans = [(t.span.start, t.span.end) for t in added]
    kept = [t for t in toponyms if not any(b < t.span.end and t.span.start < e for b, e in spans)]
    return kept + added
