"""The event a news report is about: rank an article's events by salience.

A report tells one main event (the attack, arrest or abduction its headline
announces) and mentions others as context (earlier incidents, reactions,
court steps). Its main event is usually:

* the kind of event the headline names ("Journalist arrested ..." -> an arrest),
  at the place the headline names ("... in Abuja");
* told in the lead (the first sentences);
* dated to the day by the text, preferably with an explicit date ("on 3 May",
  "in March 2020") rather than a relative one ("on Monday");
* told in a sentence that names a person as its target (an activist, a
  journalist, villagers);
* recognised with good confidence;
* reported early rather than near the end;
* something done to someone, not a strategic development that happens to no one
  (a policy change, an agreement, seized weapons: context in a report of violence).

Each cue adds to an event's score (:func:`salience`); :func:`rank_events` sorts
an article's events by it and :func:`main_event` takes the first. Nothing here
depends on one data set: the cues are those of news writing (inverted pyramid).
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace

import regex as re

from conflictscope.document import AnalyzedArticle, Sentence
from conflictscope.lexicon.captions import is_photo_caption
from conflictscope.models import Event
from conflictscope.pipeline.registry import stage

#: Weights of the cues (see the module docstring).
TITLE_KIND, TITLE_PLACE, LEAD, DAY, CONFIDENCE, POSITION = 1.5, 1.0, 1.0, 1.0, 1.5, 1.0
EXPLICIT_DATE, PERSON_TARGET = 1.0, 0.5
#: Strategic developments that happen to no one (a new policy, an agreement, seized weapons).
CONTEXT_KIND = 1.0
_CONTEXT_KINDS = frozenset({
    "Change to group/activity", "Agreement", "Disrupted weapons use", "Headquarters or base established",
    "Non-violent transfer of territory", "Government regains territory", "Non-state actor overtakes territory",
})
#: An arrest over an earlier act of violence ("arrested in connection with the killing of")
#: follows the report's event: the violence it answers ranks first when the report tells it.
FOLLOW_UP = 1.0
_FOLLOW_UP = re.compile(
    r"(?i)\b(?:in connection with|over|for|accused of|suspected of|on suspicion of|charged with)\s+"
    r"(?:the\s+|his\s+|her\s+|their\s+|a\s+|an\s+|allegedly\s+)?(?:[\w\-]+\s+){0,2}?"
    r"(?:killing|murder(?:ing)?|attack(?:ing)?|assault(?:ing)?|kidnapp?(?:ing)?|abduct(?:ion|ing)|"
    r"death|lynching|shooting|stabbing|beating|rape|torture|self-immolation|disappearance|"
    r"hijacking|bombing)s?\b"
)
#: A photo caption shows a scene, often an archive one: its event is rarely the report's.
CAPTION = 1.5
#: An event named as the subject of a judgement ("The strike is further testament to ...",
#: "The arrest was the latest in a series"): the report comments on it, it tells it elsewhere.
COMMENTARY = 1.0
_COMMENTARY = re.compile(
    r"(?i)^\W*(?:the|this|that|these|those|their|his|her|its|such)\s+(?:[\w\-’']+\s+){0,3}?"
    r"(?P<verb>is|are|was|were|remains)\s+(?:a|an|the|further|another|yet|part|one|just|only|also)\b"
)
#: A detention told as a state that lasts ("Thousands remain in detention", "is still held"), not an arrest.
STATUS = 1.0
_STATUS = re.compile(
    r"(?i)\b(?:remains?|remained|continues?\s+to\s+be|(?:is|are|was|were)\s+still)\s+"
    r"(?:(?:in|under|behind)\s+)?(?:detention|custody|detained|jailed|imprisoned|held|bars|prison|jail|arrest)\b"
)
#: Sentences counted as the lead, and the words a line needs to count as one.
LEAD_SENTENCES, LEAD_MIN_WORDS = 3, 5

#: Words of a headline that name each sub-event type (stems, lower case).
_KIND_WORDS: dict[str, str] = {
    "Arrests": r"arrest|detain|detention|jail|held|nab|custody|prison|imprison|sentenc|charge|raid",
    "Abduction/forced disappearance": r"kidnap|abduct|disappear|missing|hostage|snatch|seiz",
    "Attack": r"kill|murder|attack|assault|beat|shot|shoot|stab|tortur|lynch|dead|death|slain|"
              r"assassin|execut|hang|injur|wound|acid|burn",
    "Sexual violence": r"rape|sexual|molest",
    "Excessive force against protesters": r"crackdown|crack down|tear ?gas|fire on|protest",
    "Mob violence": r"mob|lynch|vigilante",
    "Violent demonstration": r"riot|clash|protest",
    "Protest with intervention": r"protest|disperse|demonstrat|rally",
    "Peaceful protest": r"protest|strike|march|rally|demonstrat|walk ?out|sit-in",
    "Armed clash": r"clash|fight|battle|gunfight|firefight",
    "Air/drone strike": r"air ?strike|drone|bomb",
    "Shelling/artillery/missile attack": r"shell|missile|rocket|artillery",
    "Remote explosive/landmine/IED": r"bomb|blast|explosi|ied|landmine",
    "Suicide bomb": r"suicide|bomb",
    "Looting/property destruction": r"loot|destroy|demolish|torch|vandal|burn",
}
#: People an event is done to (its sentence names one): the report is about what happened to them.
_PERSON = re.compile(
    r"(?i)\b(?:journalist|activist|defender|lawyer|attorney|blogger|unionist|reporter|editor|"
    r"human rights|dissident|critic|opposition|teacher|student|doctor|nurse|pastor|priest|imam|"
    r"farmer|worker|protester|leader|campaigner|civilian|villager|resident|child(?:ren)?|wom[ae]n|"
    r"girl|boy|man|men|pupil|candidate|politician|official|chief)s?\b"
)
#: A date written out (a month name or a year) rather than relative ("Monday", "last week").
_EXPLICIT = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\b\.?|\b(?:1[89]|20)\d\d\b")
_KIND_PATTERNS = {kind: re.compile(rf"\b(?:{words})", re.IGNORECASE) for kind, words in _KIND_WORDS.items()}


@dataclass(frozen=True, slots=True)
class ReportFrame:
    """What the ranking needs of the report: headline, lead end, length, text and sentences."""

    title: str = ""
    lead_end: int = 0
    length: int = 0
    text: str = ""
    sentences: tuple[tuple[int, int], ...] = ()
    _starts: tuple[int, ...] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_starts", tuple(start for start, _ in self.sentences))

    def sentence_at(self, offset: int) -> str:
        """The text of the sentence holding ``offset`` ('' when unknown)."""
        start, end = self.sentence_bounds(offset)
        return self.text[start:end]

    def sentence_bounds(self, offset: int) -> tuple[int, int]:
        """Where the sentence holding ``offset`` starts and ends ((0, 0) when unknown)."""
        index = bisect_right(self._starts, offset) - 1
        if index < 0:
            return (0, 0)
        start, end = self.sentences[index]
        return (start, end) if start <= offset < end else (0, 0)


def told_sentences(analyzed: AnalyzedArticle) -> list[Sentence]:
    """The sentences that tell something: a dateline or a stray line ("Beijing (AFP) –",
    "Advertising Read more") of fewer than LEAD_MIN_WORDS words is none."""
    return [s for s in analyzed.sentences if len(s.text.split()) >= LEAD_MIN_WORDS]


def frame_of(analyzed: AnalyzedArticle) -> ReportFrame:
    """The report frame of an analysed article (title, end of its lead, text length)."""
    sentences = analyzed.sentences
    told = told_sentences(analyzed) or list(sentences)
    lead_end = told[min(LEAD_SENTENCES, len(told)) - 1].end if told else 0
    bounds = tuple((s.start, s.end) for s in sentences)
    return ReportFrame(analyzed.article.title or "", lead_end, len(analyzed.text), analyzed.text, bounds)


def reported_at(event: Event) -> int:
    """Where the event is first reported: the offset of its first trigger."""
    spans = event.evidence.get("event_type") or ()
    return min((span.start for span in spans), default=0)


def title_names_kind(event: Event, title: str) -> bool:
    """Whether the headline names the event's kind ("... arrested ..." for an arrest)."""
    pattern = _KIND_PATTERNS.get(event.sub_event_type)
    return bool(title and pattern is not None and pattern.search(title))


def title_names_place(event: Event, title: str) -> bool:
    """Whether the headline names the event's place, region or country."""
    if not title:
        return False
    folded = title.casefold()
    quoted = [span.text for span in event.evidence.get("location", ())]
    names = (event.location, event.admin1, event.country, *quoted)
    return any(len(name) > 2 and re.search(rf"\b{re.escape(name.casefold())}\b", folded) for name in names if name)


def salience(event: Event, frame: ReportFrame, *, length: int | None = None) -> float:
    """How likely ``event`` is the report's main event (higher is more likely)."""
    start = reported_at(event)
    size = max(1, length if length is not None else frame.length)
    score = CONFIDENCE * event.confidence - POSITION * min(1.0, start / size)
    if title_names_kind(event, frame.title):
        score += TITLE_KIND
    if title_names_place(event, frame.title):
        score += TITLE_PLACE
    if start < frame.lead_end:
        score += LEAD
    if event.time_precision == 1:
        score += DAY
    dated = event.evidence.get("event_date") or ()
    if dated:
        score += 0.01  # the text dates it (a tie-breaker)
    if any(_EXPLICIT.search(span.text) for span in dated):
        score += EXPLICIT_DATE
    if context_kind(event):
        score -= CONTEXT_KIND
    sentence_start, sentence_end = frame.sentence_bounds(start)
    sentence = frame.text[sentence_start:sentence_end]
    if commentary_at(sentence, start - sentence_start):
        score -= COMMENTARY
    if event.sub_event_type == "Arrests" and status_at(sentence, start - sentence_start):
        score -= STATUS
    if names_target(sentence):
        score += PERSON_TARGET
    if event.sub_event_type == "Arrests" and follow_up_arrest(sentence):
        score -= FOLLOW_UP
    if is_photo_caption(sentence):
        score -= CAPTION
    return score


def commentary_at(sentence: str, trigger_at: int) -> bool:
    """The trigger is in the subject of a judgement ("The strike is further testament to ...")."""
    judged = _COMMENTARY.match(sentence)
    return judged is not None and trigger_at < judged.start("verb")


def status_at(sentence: str, trigger_at: int) -> bool:
    """The trigger is in a phrase that tells a lasting detention ("remain in *detention*")."""
    return any(m.start() <= trigger_at < m.end() for m in _STATUS.finditer(sentence))


def context_kind(event: Event) -> bool:
    """A strategic development that happens to no one (a policy change, an agreement, seized weapons)."""
    return event.sub_event_type in _CONTEXT_KINDS


def names_target(sentence: str) -> bool:
    """The sentence names a person an event is done to (a journalist, villagers, a student)."""
    return _PERSON.search(sentence) is not None


def follow_up_arrest(sentence: str) -> bool:
    """The sentence ties an arrest to an earlier act ("arrested in connection with the killing")."""
    return _FOLLOW_UP.search(sentence) is not None


def rank_events(events: Iterable[Event], frame: ReportFrame | None = None) -> list[Event]:
    """The events, most salient first (ties: the earlier reported first)."""
    listed = list(events)
    frame = frame or ReportFrame()
    length = frame.length or (max((reported_at(e) for e in listed), default=0) + 1)
    return sorted(listed, key=lambda e: (-salience(e, frame, length=length), reported_at(e)))


@stage("rank", requires=("sentences", "events"), provides=("events",))
def rank(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Order the article's events most salient first: ``extract()``'s first event is the report's
    main event, the one the evaluation scores."""
    return replace(analyzed, events=tuple(rank_events(analyzed.events, frame_of(analyzed))))


def main_event(events: Sequence[Event], frame: ReportFrame | None = None) -> Event | None:
    """The report's main event (see :func:`rank_events`), or None without events."""
    ranked = rank_events(events, frame)
    return ranked[0] if ranked else None


def article_main_event(analyzed: AnalyzedArticle) -> Event | None:
    """The main event of an analysed article."""
    return main_event(analyzed.events, frame_of(analyzed))
