"""Stage `places`: geoparse every sentence -> AnalyzedArticle.places; locate each candidate.

Every sentence is geoparsed, parsed or not (see :mod:`conflictscope.gazetteer`).
Each event candidate then gets the place where it happened: a place named in its
own clause (preferring "in/at/near X" close to the trigger over "sent from X"),
else the report's focus place when the clause points to it ("the city", "there").
Precision follows ACLED (geo_precision 1 town, 2 near a town or part of it,
3 region only) and UCDP (where_prec 1 exact ... 6 country).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import replace

import regex as re

from conflictscope.gazetteer.dateline import Dateline, find_dateline
from conflictscope.gazetteer.geoparse import GeoParse, geoparse
from conflictscope.gazetteer.index import get_gazetteer
from conflictscope.gazetteer.namewords import GENERIC_WORDS
from conflictscope.models import EventCandidate, Place, PlaceMention, Span
from conflictscope.pipeline.base import AnalyzedArticle, Sentence
from conflictscope.pipeline.captions import PHOTO_CREDIT
from conflictscope.pipeline.headline import TITLE_COUNTRY, title_countries, title_cues
from conflictscope.pipeline.lexicon import EVENT_HINT
from conflictscope.pipeline.placeclauses import in_concessive_clause, said_to_happen_at
from conflictscope.pipeline.placecues import (
    ACTED_ON,
    ACTED_ON_PASSIVE,
    ANAPHORA,
    ATTRIBUTIVE,
    ATTRIBUTIVE_FACTOR,
    BEFORE_FROM,
    BEFORE_IN,
    BIOGRAPHY,
    CAPTION_FACTOR,
    COUNTRY_POSSESSIVE,
    COURT_FACTOR,
    COURT_SEAT,
    DATELINE_BONUS,
    GRIEVANCE,
    LOCATIVE,
    NAMED_SETTLEMENT,
    NEAR,
    OWNER_KIND,
    OWNER_OF_PART,
    PART_OF_OWNER,
    SCENE_OPENER,
    SPECIFICITY,
    SPEECH_VENUE,
    SPOKEN_THERE,
    WHERE_ONE_IS,
    WHEREABOUTS,
    in_named_part,
    names_part,
    owns_next,
)
from conflictscope.pipeline.registry import stage


@stage(
    "places",
    requires=("sentences", "mentions", "candidates"),
    provides=("places", "candidates.place"),
    version="1",
)
def places(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Geoparse the article and locate each event candidate."""
    parsed = geoparse(analyzed, get_gazetteer())
    with_places = replace(analyzed, places=parsed.places,
                          extras={**analyzed.extras, "geoparse": parsed})
    focus, weights = _main_and_countries(with_places)
    filed = _dateline_spans(report_dateline(with_places))
    candidates = tuple(locate(c, with_places, parsed, focus, weights, filed=filed)
                       for c in analyzed.candidates)
    return replace(with_places, candidates=candidates)


def precision_codes(mention: PlaceMention, *, near: bool, region_part: bool) -> tuple[int, int]:
    """(ACLED geo_precision, UCDP where_prec) of an event placed at ``mention``."""
    feature = mention.place.feature
    if feature == "site":
        return 2, 2
    if feature == "city":
        return (2, 2) if near else (1, 1)
    if region_part:
        return 3, 5
    return {"admin2": (3, 3), "admin1": (3, 4)}.get(feature, (3, 6))


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
    elif BIOGRAPHY.search(before):
        score -= 3.0  # "raised in Florida, who was abducted near Aleppo"
    elif _told_at(text, before, mention.span.end):
        score -= 3.0  # "seized parts of Marawi, officials in Manila said": where it was told
    elif candidate.event_type == "Protests" and GRIEVANCE.search(before):
        score -= 3.0  # "demonstrate against the death in Minneapolis ... outside Parliament in Cape Town"
    elif owner and OWNER_KIND.sub("", owner.group("country")).casefold() in (
            mention.place.country.casefold(), mention.place.admin1.casefold()):
        score += 1.0  # "rallied in Turkey's Istanbul", "in Zamfara's Anka": the town its country or state introduces
    elif BEFORE_IN.search(before) or (PART_OF_OWNER.search(before) and _proper(mention.span.text)):
        score += 1.0
    elif BEFORE_FROM.search(before):
        score -= 3.0
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


def _told_at(text: str, before: str, end: int) -> bool:
    """Whether a place (``before``: the text before it, ``end``: where it ends) is where something
    was said: "Speaking in Geneva, ...", "officials in Manila said", "In London, a spokesman said"."""
    return SPEECH_VENUE.search(before) is not None or (
        SCENE_OPENER.search(before) is not None and SPOKEN_THERE.match(text, end) is not None)


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
) -> EventCandidate:
    """``candidate`` with place, geo_precision, where_prec and 'location' evidence set.

    ``filed``: the spans of the report's dateline, which is no place of the clause
    (found from the text when not given).
    """
    text = analyzed.text
    sentence = candidate.sentence
    clause = text[sentence.start:sentence.end]
    if filed is None:
        filed = _dateline_spans(report_dateline(analyzed))
    inside = [m for m in parsed.places if sentence.start <= m.span.start < sentence.end
              and not any(b <= m.span.start < e for b, e in filed)]
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
            if focus is None or not focus.place.iso3 or said_to_happen_at(
                    parsed_sentence, mention.span, candidate.trigger) or not _defer_to_focus(
                    mention, focus, candidate.trigger, text, parsed.places, weights):
                chosen = mention
                break
    evidence: list[Span] = []
    if (chosen is not None and focus is not None and _narrows(chosen, focus)
            and in_named_part(focus.place, chosen.place, text[max(0, chosen.span.start - 25):chosen.span.start])):
        evidence.append(chosen.span)  # "arrested in Morocco" -> the report's Casablanca
        chosen, confidence_factor = None, 0.9
    if chosen is None:
        if focus is None:
            return candidate
        anaphora = ANAPHORA.search(clause)
        chosen = focus
        confidence_factor = 0.8 if anaphora else 0.5
        if anaphora:
            evidence.append(Span(sentence.start + anaphora.start(), sentence.start + anaphora.end(),
                                 anaphora.group(0)))
        near = near_match is not None or not anaphora
    else:
        near = near_match is not None and abs(
            sentence.start + near_match.start() - chosen.span.start) < 80
    part = _region_part(parsed, chosen) or (
        chosen.place.feature == "country" and names_part(text[max(0, chosen.span.start - 25):chosen.span.start]))
    geo, where = precision_codes(chosen, near=near, region_part=part)
    if near_match is not None and near:
        evidence.append(Span(sentence.start + near_match.start(), sentence.start + near_match.end(),
                             near_match.group(0)))
    place = replace(chosen, confidence=round(chosen.confidence * confidence_factor, 3))
    updated = replace(candidate, place=place, geo_precision=geo, where_prec=where)
    return updated.with_evidence("location", chosen.span, *evidence)


def caption_spans(analyzed: AnalyzedArticle) -> list[tuple[int, int]]:
    """Photo captions: sentences with a photo credit, and the sentence a short credit follows
    in the same paragraph ("... in Beijing, on Sept. 11. (Name/File/Reuters)")."""
    spans: list[tuple[int, int]] = []
    sentences = analyzed.sentences
    for i, sentence in enumerate(sentences):
        if not PHOTO_CREDIT.search(sentence.text):
            continue
        spans.append((sentence.start, sentence.end))
        if i and len(sentence.text) < 90 and "\n" not in analyzed.text[sentences[i - 1].end:sentence.start]:
            spans.append((sentences[i - 1].start, sentences[i - 1].end))
    return spans


def report_dateline(analyzed: AnalyzedArticle) -> Dateline | None:
    """The report's dateline, as recognition took it: one that lost its separator ("OKLAHOMA CITY
    The Latest on ...") only when its place was found there (a title in capitals is no dateline)."""
    line = find_dateline(analyzed.text)
    if line is not None and line.bare and not any(
            (m.span.start, m.span.end) == (line.start, line.start + len(line.place)) for m in analyzed.places):
        return None
    return line


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
            and _within(focus.place, chosen.place))


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


def main_place(analyzed: AnalyzedArticle) -> PlaceMention | None:
    """The place of the report's main event: its most salient place in its main country.

    Salience counts mentions (weighted by confidence and by how surely each was
    recognised), an early mention (title or lead), the dateline ("KABUL (Reuters) -"),
    mentions in sentences about violence, and precision (a town beats its country).
    Demonyms vote for the main country, and stand in for it when the report names
    no place at all.
    """
    return _main_and_countries(analyzed)[0]


def country_salience(analyzed: AnalyzedArticle) -> dict[str, float]:
    """How much the report is about each country (ISO3 -> salience, as in :func:`main_place`)."""
    return _main_and_countries(analyzed)[1]


def _main_and_countries(analyzed: AnalyzedArticle) -> tuple[PlaceMention | None, dict[str, float]]:
    parsed: GeoParse | None = analyzed.extras.get("geoparse")
    mentions = analyzed.places
    strength = {r.toponym.span.start: r.toponym.strength for r in parsed.resolutions} if parsed else {}
    line = report_dateline(analyzed)
    dated = (line.start, line.start + len(line.place)) if line else (-1, -1)
    lead_end = analyzed.sentences[min(2, len(analyzed.sentences) - 1)].end if analyzed.sentences else 0
    violent = [(s.start, s.end) for s in analyzed.sentences if EVENT_HINT.search(s.text)]
    captions = caption_spans(analyzed)
    countries: dict[str, float] = defaultdict(float)
    salience: dict[str, float] = defaultdict(float)
    first: dict[str, PlaceMention] = {}
    surest: dict[str, float] = defaultdict(float)  # one sense per discourse: the surest mention
    for mention in mentions:
        key = mention.place.gazetteer_id or mention.place.name
        surest[key] = max(surest[key], strength.get(mention.span.start, 1.0))
    for mention in mentions:
        key = mention.place.gazetteer_id or mention.place.name
        first.setdefault(key, mention)
        weight = mention.confidence * min(1.0, surest[key] + 0.2) ** 2
        if any(b <= mention.span.start < e for b, e in captions):
            weight *= CAPTION_FACTOR  # a photo caption shows a scene, rarely the event's place
        elif mention.span.start < lead_end:
            weight *= 1.5
        before = analyzed.text[max(0, mention.span.start - 40):mention.span.start]
        if COURT_SEAT.search(before):
            weight *= COURT_FACTOR  # "in federal court in Alexandria": where a case is heard, not where it happened
        elif BIOGRAPHY.search(before):
            weight *= COURT_FACTOR  # "raised in Florida": a life story
        elif _told_at(analyzed.text, before, mention.span.end):
            weight *= COURT_FACTOR  # "Speaking in Geneva, the envoy said": where it was told
        elif any(b <= mention.span.start < e for b, e in violent):
            weight *= 1.8 if BEFORE_IN.search(before[-30:]) else 1.3
        if dated[0] <= mention.span.start < dated[1]:
            weight += DATELINE_BONUS
        if mention.place.feature == "country" and ATTRIBUTIVE.match(analyzed.text, mention.span.end):
            weight *= ATTRIBUTIVE_FACTOR  # "US officials", "Pakistan's foreign minister": an actor
        salience[key] += weight
        countries[mention.place.iso3] += weight * (1.0 if mention.place.feature == "country" else 0.8)
    title_cues(analyzed.article.title, mentions, first, salience, countries)
    demonyms = parsed.demonyms if parsed is not None else ()
    gazetteer = get_gazetteer() if demonyms else None
    demonym_places: list[PlaceMention] = []
    for demonym in demonyms:
        entry = gazetteer.country(demonym.cc) if gazetteer else None
        if entry is not None:
            countries[entry.iso3] += 0.3
            demonym_places.append(PlaceMention(demonym.span, entry.to_place(), 0.3))
    for iso3 in title_countries(analyzed.article.title):
        countries[iso3] += TITLE_COUNTRY
    if not mentions:
        return (demonym_places[0] if demonym_places else None), dict(countries)
    top_country = max(countries, key=lambda c: countries[c]) if countries else ""
    inside = [k for k in first if first[k].place.iso3 == top_country] or list(first)
    local = [k for k in inside if first[k].place.feature not in {"country", "continent", "region"}]
    # a town or region of the main country named clearly enough beats the country itself
    for key in local:
        salience[key] += SPECIFICITY.get(first[key].place.feature, 0.0) * 0.5
    named = [k for k in local if salience[k] >= 0.9]
    pool = named or inside
    best = max(pool, key=lambda k: (salience[k], -first[k].span.start))
    inside = [k for k in named if _within(first[k].place, first[best].place)]
    if inside:  # "re-entered Palmyra ..., in Homs province": the town the report names in its region
        best = max(inside, key=lambda k: (salience[k], -first[k].span.start))
    return first[best], dict(countries)


def _within(town: Place, region: Place) -> bool:
    """Whether ``town`` (a town or site) lies in ``region`` (an admin region of the same country)."""
    if town.feature not in {"city", "site"} or town.iso3 != region.iso3:
        return False
    if region.feature == "admin1":
        return bool(town.admin1) and town.admin1 == region.admin1
    return region.feature == "admin2" and bool(town.admin2) and town.admin2 == region.admin2
