"""A mention: one article's event, as the merge reads it.

Per-article events (``models.Event``) become mentions; mentions that report the same real
event are clustered (:mod:`conflictscope.merge.cluster`) into one canonical event
(:mod:`conflictscope.merge.canonical`). A mention keeps what the merge compares (family,
type, actors, place and its precision, dates and their precision, deaths) and the words of
its evidence: the article's title and the sentences the event's fields came from.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, timedelta

import regex as re

from conflictscope.models import Article, Event

#: Event families: a mention is compared only with mentions of its family.
FAMILIES: dict[str, str] = {
    "Battles": "violence",
    "Explosions/Remote violence": "violence",
    "Violence against civilians": "violence",
    "Riots": "violence",
    "Protests": "demonstration",
    "Strategic developments": "strategic",
}

#: Words too common in news to tell two events apart.
STOPWORDS = frozenset("""
a about after again against all also an and any are around as at be because been before being
between both but by can could did do does during each few for from had has have he her here hers
him his how i if in into is it its just more most my no nor not now of off on once only or other
our out over own said same say says she should so some such than that the their them then there
these they this those through to too under until up very was we were what when where which while
who whom why will with would you your police officer officers according told news report reported
reports people man woman men women year years old one two three four five six seven eight nine ten
monday tuesday wednesday thursday friday saturday sunday night morning afternoon evening day today
yesterday shot shooting killed dead death wounded injured hospital victim victims suspect
""".split())

_WORD = re.compile(r"[\p{L}\p{N}][\p{L}\p{N}'’\-]*")
#: Character shingles: this many characters each.
SHINGLE = 5


@dataclass(frozen=True, slots=True)
class Mention:
    """One article's event, with what the merge compares and where it came from."""

    mention_id: str
    article_id: str
    publisher: str
    published: date | None
    event_type: str
    sub_event_type: str
    actor1: str
    actor2: str
    country: str
    admin1: str
    location: str
    gazetteer_id: str
    latitude: float | None
    longitude: float | None
    geo_precision: int | None
    event_date: date | None
    date_start: date | None
    date_end: date | None
    time_precision: int | None
    #: Whether the text states the date (else it is the publication date).
    date_stated: bool
    fatalities: int | None
    fatalities_low: int | None
    fatalities_high: int | None
    #: Content words of the evidence (title and evidence sentences), lower-cased.
    words: frozenset[str]
    #: Names and numbers of the evidence (capitalised words, figures), lower-cased.
    names: frozenset[str]
    #: Character shingles of the evidence's content words.
    shingles: frozenset[str]
    #: A background mention: an earlier event the report recalls ("recaptured in March").
    background: bool = False

    @property
    def family(self) -> str:
        """The event family (:data:`FAMILIES`)."""
        return FAMILIES.get(self.event_type, self.event_type)

    @property
    def source(self) -> str:
        """Who published it: the publisher, else the article (each counts as one source)."""
        return self.publisher.strip().lower() or f"article:{self.article_id}"

    @property
    def place_key(self) -> str:
        """The place's identity: its gazetteer id, else its name and region."""
        return self.gazetteer_id or f"{self.location.casefold()}|{self.admin1.casefold()}"

    @property
    def span(self) -> tuple[date, date] | None:
        """The days the event may have happened on (the publication day when undated)."""
        if self.date_start is not None and self.date_end is not None:
            return self.date_start, self.date_end
        if self.event_date is not None:
            return self.event_date, self.event_date
        if self.published is not None:
            return self.published - timedelta(days=1), self.published
        return None


def evidence_text(event: Event, title: str = "") -> str:
    """The text a mention is compared by: the title, the notes and every evidence span (once each)."""
    pieces = [title, event.notes]
    for spans in event.evidence.values():
        pieces.extend(span.text for span in spans)
    return "\n".join(dict.fromkeys(p for p in pieces if p))


def text_features(text: str) -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    """Content words, names and numbers, and character shingles of a text."""
    words: set[str] = set()
    names: set[str] = set()
    for line in text.splitlines():
        for position, token in enumerate(_WORD.findall(line)):  # the pattern has no groups
            lowered = token.lower().strip("'’-")
            if len(lowered) < 3 and not lowered.isdigit():
                continue
            if lowered in STOPWORDS:
                continue
            words.add(lowered)
            if lowered[0].isdigit() or (position > 0 and token[0].isupper()):
                names.add(lowered)
    joined = " ".join(sorted(words))
    shingles = {joined[i:i + SHINGLE] for i in range(max(0, len(joined) - SHINGLE + 1))}
    return frozenset(words), frozenset(names), frozenset(shingles)


def mention_of(event: Event, article: Article) -> Mention:
    """The mention of ``event`` reported by ``article`` (id, publisher, publication date, title)."""
    words, names, shingles = text_features(evidence_text(event, article.title))
    return Mention(
        mention_id=event.event_id, article_id=article.id, publisher=article.publisher,
        published=article.published, event_type=event.event_type, sub_event_type=event.sub_event_type,
        actor1=event.actor1, actor2=event.actor2, country=event.country, admin1=event.admin1,
        location=event.location, gazetteer_id=event.gazetteer_id, latitude=event.latitude,
        longitude=event.longitude, geo_precision=event.geo_precision, event_date=event.event_date,
        date_start=event.date_start, date_end=event.date_end, time_precision=event.time_precision,
        date_stated=bool(event.evidence.get("event_date")), fatalities=event.fatalities,
        fatalities_low=event.fatalities_low, fatalities_high=event.fatalities_high,
        words=words, names=names, shingles=shingles, background=event.is_background,
    )
