"""The report's main place and how much it is about each country (salience), read by the `places`
stage for events whose clause names no place, and by the evaluation as the report's place.

Salience counts mentions weighted by how surely each was recognised, where it stands (title, lead,
dateline, a sentence about violence) and what it is there (a court's seat, a photo caption, a
capital named for its government count less).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import defaultdict

import regex as re

from conflictscope.document import AnalyzedArticle
from conflictscope.gazetteer.dateline import Dateline, find_dateline
from conflictscope.gazetteer.geoparse import GEOPARSE
from conflictscope.gazetteer.index import get_gazetteer
from conflictscope.lexicon.captions import PHOTO_CREDIT
from conflictscope.lexicon.events import EVENT_HINT
from conflictscope.models import Place, PlaceMention
from conflictscope.pipeline.headline import TITLE_COUNTRY, title_countries, title_cues
from conflictscope.pipeline.placecues import (
    ATTRIBUTIVE,
    ATTRIBUTIVE_FACTOR,
    BEFORE_IN,
    BIOGRAPHY,
    CAPTION_FACTOR,
    COURT_FACTOR,
    COURT_SEAT,
    DATELINE_BONUS,
    METONYM_AFTER,
    METONYM_BEFORE,
    PREPOSITION_BEFORE,
    REFUGE,
    SPECIFICITY,
    told_at,
)


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


def main_place(analyzed: AnalyzedArticle) -> PlaceMention | None:
    """The place of the report's main event: its most salient place in its main country.

    Salience counts mentions (weighted by confidence and by how surely each was
    recognised), an early mention (title or lead), the dateline ("KABUL (Reuters) -"),
    mentions in sentences about violence, and precision (a town beats its country).
    Demonyms vote for the main country, and stand in for it when the report names
    no place at all.
    """
    return main_and_countries(analyzed)[0]


def country_salience(analyzed: AnalyzedArticle) -> dict[str, float]:
    """How much the report is about each country (ISO3 -> salience, as in :func:`main_place`)."""
    return main_and_countries(analyzed)[1]


def main_and_countries(analyzed: AnalyzedArticle) -> tuple[PlaceMention | None, dict[str, float]]:
    parsed = analyzed.get(GEOPARSE)
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
        elif BIOGRAPHY.search(before) or REFUGE.search(before):
            weight *= COURT_FACTOR  # "raised in Florida": a life story; "took refuge in Nouna": after it
        elif told_at(analyzed.text, before, mention.span.end):
            weight *= COURT_FACTOR  # "Speaking in Geneva, the envoy said": where it was told
        elif any(b <= mention.span.start < e for b, e in violent):
            weight *= 1.8 if BEFORE_IN.search(before[-30:]) else 1.3
        if dated[0] <= mention.span.start < dated[1]:
            weight += DATELINE_BONUS
        if mention.place.feature == "country" and ATTRIBUTIVE.match(analyzed.text, mention.span.end):
            weight *= ATTRIBUTIVE_FACTOR  # "US officials", "Pakistan's foreign minister": an actor
        elif ((METONYM_AFTER.match(analyzed.text, mention.span.end) and not PREPOSITION_BEFORE.search(before))
              or METONYM_BEFORE.search(before)):
            weight *= ATTRIBUTIVE_FACTOR  # "Ankara views the YPG as terrorists": its government
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
    inside = [k for k in named if within_region(first[k].place, first[best].place)]
    if inside:  # "re-entered Palmyra ..., in Homs province": the town the report names in its region
        best = max(inside, key=lambda k: (salience[k], -first[k].span.start))
    return first[best], dict(countries)


def within_region(town: Place, region: Place) -> bool:
    """Whether ``town`` (a town or site) lies in ``region`` (an admin region of the same country)."""
    if town.feature not in {"city", "site"} or town.iso3 != region.iso3:
        return False
    if region.feature == "admin1":
        return bool(town.admin1) and town.admin1 == region.admin1
    return region.feature == "admin2" and bool(town.admin2) and town.admin2 == region.admin2


#: A heading line: a few words with no sentence end ("Amadou Vamoulké, Cameroon"; "Yemen").
_HEADING = re.compile(r"(?m)^[^\S\n]*(?P<line>[^\n.!?:;]{2,60}?)[^\S\n]*$")
HEADING_WORDS = 6
#: Lines of a picture, not of the text: "Enlarge Courtesy of Amnesty International, Canada".
_NOT_HEADING = re.compile(r"(?i)\b(?:courtesy|photo|image|credit|enlarge|file)\b")


def section_places(analyzed: AnalyzedArticle) -> list[tuple[int, PlaceMention | None]]:
    """The places that head the sections of a report made of profiles or country entries.

    A line of its own, after the title, of at most a few words that is or ends with a place
    ("Amadou Vamoulké, Cameroon", "Yemen", "Austin, Texas") sets the scene of the paragraphs
    below it, up to the next such line: (where the section starts, its place), in text order.
    A report needs two such lines to be read as sections (one is a byline: "Idris Mohammed,
    Abuja"); a continent or region heads a section with no place of its own.
    """
    text = analyzed.text
    ends = {m.span.end: m for m in analyzed.places}
    starts = {m.span.start: m for m in analyzed.places}
    found: list[tuple[int, PlaceMention | None]] = []
    for line in _HEADING.finditer(text, max(0, text.find("\n"))):
        mention = ends.get(line.end("line"))
        if (mention is None or len(line.group("line").split()) > HEADING_WORDS
                or PHOTO_CREDIT.search(line.group("line")) or _NOT_HEADING.search(line.group("line"))
                or not (mention.span.start == line.start("line") or text[mention.span.start - 2:mention.span.start] == ", ")):
            continue
        mention = starts.get(line.start("line"), mention)  # "Austin, Texas": the town
        found.append((line.start("line"), None if mention.place.feature in {"continent", "region"} else mention))
    return found if len(found) >= 2 else []


def section_place(sections: list[tuple[int, PlaceMention | None]], offset: int) -> PlaceMention | None:
    """The place heading the section that ``offset`` lies in (see :func:`section_places`)."""
    index = bisect_right([start for start, _ in sections], offset)
    return sections[index - 1][1] if index else None
