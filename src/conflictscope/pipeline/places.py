"""Stage `places`: geoparse every sentence -> AnalyzedArticle.places; locate each candidate.

Every sentence is geoparsed, parsed or not (see :mod:`conflictscope.gazetteer`).
Each event candidate then gets the place where it happened: a place named in its
own clause (preferring "in/at/near X" close to the trigger over "sent from X"),
else where the report's other sentences put it (:mod:`conflictscope.pipeline.storyplaces`: the same
kind of event just before, "the area", "The attack took place in Dori"), else the report's main place
(:mod:`conflictscope.pipeline.salience`), or in a report of profiles or country entries the place
heading the event's section ("Name, Cameroon").
Precision follows ACLED (geo_precision 1 town, 2 near a town or part of it,
3 region only) and UCDP (where_prec 1 exact ... 6 country).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import regex as re

from conflictscope.actors.countries import load_countries
from conflictscope.document import AnalyzedArticle, Sentence
from conflictscope.gazetteer.dateline import Dateline
from conflictscope.gazetteer.geoparse import GEOPARSE, GeoParse, geoparse
from conflictscope.gazetteer.index import Gazetteer, get_gazetteer
from conflictscope.gazetteer.namewords import GENERIC_WORDS
from conflictscope.models import EventCandidate, PlaceMention, Span
from conflictscope.pipeline.placeclauses import in_concessive_clause, of_a_person, said_to_happen_at
from conflictscope.pipeline.placecues import (
    ACCUSED_OF,
    ACTED_ON,
    ACTED_ON_PASSIVE,
    ANAPHORA,
    BEFORE_FROM,
    BEFORE_IN,
    BIOGRAPHY,
    COUNTRY_POSSESSIVE,
    GRIEVANCE,
    LOCATIVE,
    NAMED_SETTLEMENT,
    NEAR,
    OWNER_KIND,
    OWNER_OF_PART,
    PART_OF_OWNER,
    REFUGE,
    SCENE_OPENER,
    SPECIFICITY,
    SPOKEN_THERE,
    THE_COUNTRYS_PART,
    WHERE_ONE_IS,
    WHEREABOUTS,
    in_named_part,
    names_part,
    owns_by_name,
    owns_next,
    told_at,
)
from conflictscope.pipeline.regionsupport import in_unsupported_region, pinned_with_container
from conflictscope.pipeline.registry import stage

# main_place, country_salience and caption_spans are read from here too (the stage's public helpers)
from conflictscope.pipeline.salience import caption_spans as caption_spans
from conflictscope.pipeline.salience import country_salience as country_salience
from conflictscope.pipeline.salience import (
    main_and_countries,
    report_dateline,
    section_place,
    section_places,
    within_region,
)
from conflictscope.pipeline.salience import main_place as main_place
from conflictscope.pipeline.storyplaces import (
    continued_place,
    in_filed,
    institution_place,
    listed_copies,
    precision_codes,
    stated_place,
    told_where,
    town_in_county,
)


def geoparse_article(analyzed: AnalyzedArticle, gazetteer: Gazetteer | None = None) -> AnalyzedArticle:
    """``analyzed`` with its place mentions and the ``geoparse`` layer (the current gazetteer by
    default): the one wiring of the geoparser, used by the stage, ``conflictscope places`` and the
    geoparse evaluation."""
    parsed = geoparse(analyzed, gazetteer or get_gazetteer())
    return replace(analyzed, places=parsed.places).with_layer(GEOPARSE, parsed)


@stage(
    "places",
    requires=("sentences", "mentions", "actors", "candidates"),
    provides=("places", "geoparse", "candidates.place"),
)
def places(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Geoparse the article and locate each event candidate."""
    with_places = geoparse_article(analyzed)
    parsed = with_places.get(GEOPARSE)
    assert parsed is not None
    focus, weights = main_and_countries(with_places)
    sections = section_places(with_places)
    filed = _dateline_spans(report_dateline(with_places))
    # the report's main place is only where it was filed: "the area" of a clause is the story's place
    filed_focus = focus is not None and any(
        m.place.gazetteer_id == focus.place.gazetteer_id and in_filed(m.span.start, filed)
        for m in parsed.places)
    starts = [sentence.start for sentence in analyzed.sentences]
    order = sorted(range(len(analyzed.candidates)), key=lambda i: analyzed.candidates[i].trigger.start)
    located: dict[int, EventCandidate] = {}
    earlier: list[tuple[EventCandidate, PlaceMention | None]] = []  # located so far, in text order
    for i in order:
        candidate = analyzed.candidates[i]
        # in a report of profiles or country entries, the heading of the event's section is its scene
        scene = section_place(sections, candidate.trigger.start) if sections else None
        done = locate(candidate, with_places, parsed, scene or focus, weights, filed=filed,
                      continued=continued_place(candidate, earlier, starts),
                      pointed=continued_place(candidate, earlier, starts, same_type=False) if filed_focus else None)
        located[i], told = told_where(town_in_county(done, parsed.places, filed), analyzed.sentences,
                                      parsed.places, filed)
        if candidate.modality == "asserted":  # what would or did not happen sets no story's place
            earlier.append((located[i], told or stated_place(located[i], filed)))
    expanded = [c for i in range(len(analyzed.candidates))
                for c in (located[i], *listed_copies(located[i], parsed.places, analyzed.text))]
    return replace(with_places, candidates=tuple(expanded))


def _region_part(parsed: GeoParse, mention: PlaceMention) -> bool:
    return any(
        r.toponym.span == mention.span and r.toponym.hint == "region_part" for r in parsed.resolutions
    )


def _clause_score(mention: PlaceMention, candidate: EventCandidate, text: str,
                  sentence: Sentence | None = None) -> float:
    """How likely the event of ``candidate`` happened at ``mention`` (same sentence, parsed as
    ``sentence`` when given)."""
    before = text[max(candidate.sentence.start, mention.span.start - 45): mention.span.start]
    score = SPECIFICITY.get(mention.place.feature, 0.0) + 0.5 * mention.confidence
    owner = COUNTRY_POSSESSIVE.search(before)
    aside = WHEREABOUTS.search(before)
    aside_start = mention.span.start - len(before) + aside.start() if aside else -1
    if aside and not aside_start <= candidate.trigger.start < mention.span.end:  # the trigger is not in the aside
        score -= 3.0  # "officers, currently in Iran, have been indicted": where they are now
    elif REFUGE.search(before) and mention.span.end > candidate.trigger.start:  # told after the event
        score -= 3.0  # "the witness, who had taken refuge in Nouna": where people went, after the event
    elif BIOGRAPHY.search(before) or of_a_person(sentence, mention.span, candidate.trigger):
        score -= 3.0  # "raised in Florida, who was abducted near Aleppo"; "Nigel Brennan of Australia"
    elif told_at(text, before, mention.span.end):
        score -= 3.0  # "seized parts of Marawi, officials in Manila said": where it was told
    elif candidate.event_type == "Protests" and GRIEVANCE.search(before):
        score -= 3.0  # "demonstrate against the death in Minneapolis ... outside Parliament in Cape Town"
    elif owner and ((owner_name := OWNER_KIND.sub("", owner.group("country"))).casefold()
                    == mention.place.country.casefold() or owns_by_name(owner_name, mention.place)):
        score += 1.0  # "rallied in Turkey's Istanbul", "in Zamfara's Anka": the town its country or state introduces
    elif BEFORE_IN.search(before) or (PART_OF_OWNER.search(before) and _proper(mention.span.text)):
        score += 1.0
    elif BEFORE_FROM.search(before) and not (candidate.sub_event_type in _TAKEN_FROM
                                             and re.search(r"(?i)\bfrom\s+(?:the\s+)?$", before)):
        score -= 3.0  # "sent from Aleppo"; but "abducted 300 schoolgirls from Chibok" happened at Chibok
    if (sentence is not None and not WHERE_ONE_IS.search(before)
            and in_concessive_clause(sentence, mention.span, candidate.trigger)):
        # "while the eyes of the world were focused on Aleppo, they struck": not at Aleppo
        # (but "beheaded while he was in Pakistan" is)
        score -= 4.0
    part = OWNER_OF_PART.match(text, mention.span.end)
    if part is not None and _proper(_NEXT_NAME.match(text, part.end() - 1).group(0)):
        score -= 1.5  # "in the outskirts of Khartoum's twin city Omdurman": Omdurman
    score -= abs(mention.span.start - candidate.trigger.start) / 120
    return score


#: Events where "from X" names the place they happened: people or goods taken from there.
_TAKEN_FROM = frozenset({"Abduction/forced disappearance", "Looting/property destruction"})
_NEXT_NAME = re.compile(r"[\p{L}\-’']+(?:\s+\p{Lu}[\p{L}\-’']+)*")


def _proper(name: str) -> bool:
    """Whether a name is more than generic words ("Omdurman", not "Old City" of "Jerusalem's Old City")."""
    return any(word.lower() not in GENERIC_WORDS for word in name.split())


def locate(
    candidate: EventCandidate,
    analyzed: AnalyzedArticle,
    parsed: GeoParse,
    focus: PlaceMention | None = None,
    weights: dict[str, float] | None = None,
    *,
    filed: Sequence[tuple[int, int]] | None = None,
    continued: PlaceMention | None = None,
    pointed: PlaceMention | None = None,
) -> EventCandidate:
    """``candidate`` with place, geo_precision, where_prec and 'location' evidence set.

    ``filed``: the spans of the report's dateline, which is no place of the clause
    (found from the text when not given). ``continued``: where the sentences just before
    placed an event of the same type, for a clause that names no place. ``pointed``: where the
    sentences just before placed an event of any type, for a clause that points back ("the area").
    """
    text = analyzed.text
    sentence = candidate.sentence
    clause = text[sentence.start:sentence.end]
    if filed is None:
        filed = _dateline_spans(report_dateline(analyzed))
    inside = [m for m in parsed.places if sentence.start <= m.span.start < sentence.end
              and not in_filed(m.span.start, filed)]
    near_match = NEAR.search(clause)
    chosen: PlaceMention | None = None
    confidence_factor = 1.0
    if inside:
        # the best place of the clause, skipping asides abroad ("protests over a death in
        # Minneapolis ... outside Parliament in Cape Town": Cape Town when the report is about it)
        parsed_sentence = analyzed.sentence_at(candidate.trigger.start)
        scores = [(_clause_score(m, candidate, text, parsed_sentence) - (1.5 if owns_next(m, inside, text) else 0.0),
                   m) for m in inside]
        for score, mention in sorted(scores, key=lambda pair: -pair[0]):
            if score <= -1.0:
                break
            if focus is not None and in_unsupported_region(mention, focus, parsed.places, text):
                continue
            if focus is None or not focus.place.iso3 or said_to_happen_at(
                    parsed_sentence, mention.span, candidate.trigger) or not _defer_to_focus(
                    mention, focus, candidate.trigger, text, parsed.places, weights):
                chosen = mention
                break
    evidence: list[Span] = []
    if (chosen is not None and focus is not None and _narrows(chosen, focus)
            and not REFUGE.search(text[max(0, focus.span.start - 45):focus.span.start])
            and (in_named_part(focus.place, chosen.place, text[max(0, chosen.span.start - 25):chosen.span.start])
                 or ACCUSED_OF.search(text, candidate.trigger.end, chosen.span.start))):
        evidence.append(chosen.span)  # "arrested in Morocco" -> the report's Casablanca
        chosen, confidence_factor = None, 0.9
    if chosen is None and continued is not None and all(
            told_at(text, text[max(sentence.start, m.span.start - 45):m.span.start], m.span.end) for m in inside):
        # the same story, a sentence on (a place where it was only told, as "told Reuters by phone
        # from Douentza", does not stop it)
        chosen, confidence_factor, near = continued, 0.8, near_match is not None
    elif chosen is None and focus is not None and (part_of := _the_countrys_part(clause, sentence.start, focus)):
        chosen, confidence_factor, near = part_of, 0.8, False  # "in the east of the country": not the capital
    elif chosen is None and (building := institution_place(clause, sentence.start, text, parsed.places)):
        chosen, confidence_factor, near = building, 0.8, False  # "from the seminary": its town, told before
    elif chosen is None:
        if focus is None:
            return candidate
        anaphora = ANAPHORA.search(clause)
        chosen = pointed if anaphora and pointed is not None else focus  # "deployed to the area": the story's place
        confidence_factor = 0.8 if anaphora else 0.5
        if anaphora:
            evidence.append(Span(sentence.start + anaphora.start(), sentence.start + anaphora.end(),
                                 anaphora.group(0)))
        near = near_match is not None or not anaphora
    else:
        near = (near_match is not None and abs(sentence.start + near_match.start() - chosen.span.start) < 80
                ) or _bracketed_after_a_name(text, chosen.span.start)
    part = _region_part(parsed, chosen) or (
        chosen.place.feature == "country" and (names_part(text[max(0, chosen.span.start - 25):chosen.span.start])
                                               or THE_COUNTRYS_PART.fullmatch(chosen.span.text) is not None))
    geo, where = precision_codes(chosen, near=near, region_part=part)
    if near_match is not None and near:
        evidence.append(Span(sentence.start + near_match.start(), sentence.start + near_match.end(),
                             near_match.group(0)))
    place = replace(chosen, confidence=round(chosen.confidence * confidence_factor, 3))
    updated = replace(candidate, place=place, geo_precision=geo, where_prec=where)
    return updated.with_evidence("location", chosen.span, *evidence)


_BRACKETED_AFTER_A_NAME = re.compile(r"\p{L}[\p{L}.'’-]*\s*[(\[][^()\[\]]{0,80}$")


def _bracketed_after_a_name(text: str, start: int) -> bool:
    """Whether a place is written in brackets after another name, as its container ("Sori (Gogounou,
    Alibori)"): an event placed there happened at the bracketed name's place, in or near it (the
    village the gazetteer lacks falls back to its commune, with the precision of "near")."""
    return _BRACKETED_AFTER_A_NAME.search(text, max(0, start - 100), start) is not None


def _the_countrys_part(clause: str, offset: int, focus: PlaceMention) -> PlaceMention | None:
    """The focus's country, for a clause that places its event in a part of "the country" the focus
    town does not lie in ("neutralised 30 terrorists in the east of the country" of a report filed
    from Ouagadougou); None otherwise."""
    part = THE_COUNTRYS_PART.search(clause)
    if part is None or focus.place.feature == "country":
        return None
    country = load_countries().find(focus.place.iso3)
    entry = get_gazetteer().country(country.iso2) if country else None
    if entry is None:
        return None
    whole = entry.to_place()
    direction = (part.group("dir") or part.group("dir2") or "").lower().replace("centre", "central").replace(
        "center", "central")
    if in_named_part(focus.place, whole, direction + " "):
        return None  # the focus town lies in that part: it stays the best guess
    return PlaceMention(Span(offset + part.start(), offset + part.end(), part.group(0)), whole, 0.9)


def _dateline_spans(line: Dateline | None) -> list[tuple[int, int]]:
    """The dateline's place and region spans. The dateline ("MANILA, Philippines -") says where
    the report was filed, not where the event of the lead sentence happened: it is no place of
    that clause (the report's main place, which the dateline favours, stands in when the clause
    names no other)."""
    if line is None:
        return []
    spans = [(line.start, line.start + len(line.place))]
    if line.region:
        spans.append((line.region_start, line.region_start + len(line.region)))
    return spans


def _narrows(chosen: PlaceMention, focus: PlaceMention) -> bool:
    """Whether the report's main place is a town or region inside ``chosen`` (its country or region)."""
    if focus.place.feature in {"country", "continent", "region"} or focus.place.iso3 != chosen.place.iso3:
        return False
    if chosen.place.feature == "country":
        return True
    return (NARROW_ADMIN1 and chosen.place.feature == "admin1" and focus.place.feature == "city"
            and within_region(focus.place, chosen.place))


NARROW_ADMIN1 = True
#: A place abroad holds an event only when its country is named at least this often
#: relative to the report's main country (else the event is taken to be at the main place).
FOREIGN_SHARE, FOREIGN_NEXT_TO_TRIGGER, FOREIGN_MIN_NEXT = 0.5, 40, 2


def _defer_to_focus(chosen: PlaceMention, focus: PlaceMention, trigger: Span, text: str,
                    mentions: tuple[PlaceMention, ...],
                    weights: dict[str, float] | None = None) -> bool:
    """Whether the report's main place is a better location than ``chosen`` from the clause.

    A region across borders ("Kurdistan") gives the event no country. A place abroad
    (not in the main place's country) holds the event only after "in/at/near" and when
    the report talks about its country enough: "talks in Moscow", "a Toyota pickup" or a
    lone aside about another country are rarely where the report's event happened.
    """
    if not chosen.place.iso3:
        return True
    if chosen.place.iso3 == focus.place.iso3:
        return False
    if pinned_with_container(chosen, mentions, text):
        return False  # "Doctors in Upington, Northern Cape, South Africa walked out": the writer pinned it
    before = text[max(0, chosen.span.start - 45):chosen.span.start]
    if ACTED_ON_PASSIVE.match(text, chosen.span.end):
        return False  # "Western Sahara was invaded and occupied by Morocco": the place acted on
    if SCENE_OPENER.search(before) and not SPOKEN_THERE.match(text, chosen.span.end):
        return False  # "In neighbouring Niger, troops killed 20 jihadists": the sentence's scene
    locative = BEFORE_IN.search(before)
    if locative is None and LOCATIVE.search(before) is None and COUNTRY_POSSESSIVE.search(before) is None:
        return True
    if locative is not None and (NAMED_SETTLEMENT.search(locative.group(0))
                                 or ACTED_ON.match(locative.group(0))):
        return False  # "kidnapped in the Mexican border city of Ciudad Juarez", "invaded Syria": said outright
    abroad = sum(1 for m in mentions if m.place.iso3 == chosen.place.iso3)
    home = sum(1 for m in mentions if m.place.iso3 == focus.place.iso3)
    if 0 <= chosen.span.start - trigger.end <= FOREIGN_NEXT_TO_TRIGGER and abroad >= FOREIGN_MIN_NEXT:
        return False  # "destroyed shrines in neighbouring Iraq", when the report names Iraq again
    if weights and weights.get(focus.place.iso3, 0.0) > 0:
        return weights.get(chosen.place.iso3, 0.0) < FOREIGN_SHARE * weights[focus.place.iso3]
    return abroad < FOREIGN_SHARE * home


