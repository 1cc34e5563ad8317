"""Who a report says said something, and how sure: source frames in a sentence.

A :class:`Frame` is a reporting construction and the stretch of the sentence it
covers: "the Syrian Observatory said [...]", "[...], an activist told the BBC",
"according to state media, [...]", "Reports from Palmyra say [...]", "an
unconfirmed report that [...]", "reportedly". The facts inside the covered stretch
are attributed to the frame's source with the frame's certainty. Frames nest; the
innermost frame with a source names it, and the weakest certainty on the way wins
(denied > unconfirmed > claimed > confirmed > reported).

The dependency parse gives the reporting verbs' complements where the sentence is
parsed; regexes give sentence-edge frames (which the small parser often gets
wrong) and everything in unparsed sentences.
"""

from __future__ import annotations

from dataclasses import dataclass

import regex as re

from conflictscope.document import Sentence
from conflictscope.models import Certainty

#: Precedence of certainties when frames nest (higher wins).
RANK: dict[str, int] = {"reported": 0, "confirmed": 1, "claimed": 2, "unconfirmed": 3, "denied": 4}
#: How much each certainty scales an event's confidence.
CONFIDENCE_FACTOR: dict[str, float] = {
    "confirmed": 1.0, "reported": 1.0, "claimed": 0.85, "unconfirmed": 0.7, "denied": 0.4,
}

_VERB_CERTAINTY: dict[str, Certainty] = {
    **dict.fromkeys(
        ["say", "tell", "report", "state", "add", "announce", "write", "tweet", "post", "estimate", "quote", "cite", "accord", "explain", "note", "describe", "inform", "warn"], "reported"),
    **dict.fromkeys(["claim", "allege", "accuse", "insist", "boast"], "claimed"),
    **dict.fromkeys(["confirm", "verify"], "confirmed"),
    **dict.fromkeys(["deny", "reject", "dismiss", "refute"], "denied"),
}
_VERBS = (
    r"said|says|say|told|tells|tell|reported|reports|report|claimed|claims|claim|confirmed|"
    r"confirms|confirm|denied|denies|deny|announced|announces|stated|states|added|adds|"
    r"alleged|alleges|estimated|estimates|wrote|writes|tweeted|posted|insisted|insists|"
    r"warned|accused|accuses|rejected|dismissed"
)
_ANY_VERB = re.compile(
    r"(?i)\b(?:say|said|tell|told|report|claim|confirm|verif|den(?:y|ie)|announc|stat|add|"
    r"alleg|estimat|writ|wrote|tweet|post|quot|cit|accord|expla|not|descri|inform|warn|"
    r"accus|insist|boast|reject|dismiss|refut)"
)
_FORM_LEMMA = {
    "said": "say", "says": "say", "told": "tell", "tells": "tell", "reports": "report",
    "reported": "report", "claimed": "claim", "claims": "claim", "confirmed": "confirm",
    "confirms": "confirm", "denied": "deny", "denies": "deny", "announced": "announce",
    "announces": "announce", "stated": "state", "states": "state", "added": "add",
    "adds": "add", "alleged": "allege", "alleges": "allege", "estimated": "estimate",
    "estimates": "estimate", "wrote": "write", "writes": "write", "tweeted": "tweet",
    "posted": "post", "insisted": "insist", "insists": "insist", "warned": "warn",
    "accused": "accuse", "accuses": "accuse", "rejected": "reject", "dismissed": "dismiss",
}
_TAIL = r"(?:\s+(?:on|late\s+on|early\s+on)\s+\w+|\s+in\s+an?\s+(?:statement|interview|post|video)|\s+(?:AFP|Reuters|AP|the\s+BBC|reporters|journalists))?"
_LEADING = re.compile(
    rf"^(?P<src>[^,;:\"“”]{{2,80}}?)\s+(?:(?:has|have|had|also|later|earlier)\s+)?"
    rf"(?P<verb>{_VERBS})\b(?!\s+(?:say|says|said|suggest|suggests|suggested|indicate|indicated|claim|claimed)\b)(?:(?<=told|tell|tells)\s+(?:the\s+)?(?:[A-Z][\w.&-]*(?:\s+[A-Z][\w.&-]*)*|reporters|journalists|him|her|them|us|me))?"
    rf"(?:\s+(?:on|late\s+on)\s+\w+)?\s*,?\s*(?:that\s+)?"
)
_TRAILING = re.compile(
    rf",\s*(?P<src>[^,;]{{2,80}}?)\s+(?:(?:has|have|had|also)\s+)?(?P<verb>{_VERBS})"
    rf"{_TAIL}\s*[.!?\"”’]*\s*$"
)
_INVERTED = re.compile(
    rf",\s*(?P<verb>said|says|reported|added|claimed)\s+(?P<src>[^,;]{{2,80}}?){_TAIL}\s*[.!?\"”’]*\s*$"
)
_ACCORDING = re.compile(
    r"(?i)\baccording\s+to\s+(?P<src>[^,;.]+?)(?=\s*(?:,|;|\.|$|\s+(?:on|in|at|which|who|that)\b))"
)
_NOUN_FRAME = re.compile(
    r"(?i)\b(?:an?\s+|the\s+)?(?P<adj>unconfirmed|unverified|uncorroborated|unofficial|"
    r"initial|preliminary|conflicting|local|media|some)?\s*(?P<noun>reports?|claims?|"
    r"rumou?rs?|allegations?)\s+(?:that|of)\s"
)
_IMPERSONAL = re.compile(
    r"(?i)\b(?:it\s+(?:is|was|has\s+been|had\s+been)\s+(?P<verb>reported|claimed|alleged|"
    r"confirmed|denied|rumou?red|said|believed)\s+that|(?:is|are|was|were)\s+"
    r"(?P<verb2>reported|said|claimed|alleged|believed|thought|rumou?red)\s+to\s+(?:have|be))\b"
)
_ADVERB = re.compile(
    r"(?i)\b(?P<word>reportedly|allegedly|purportedly|apparently|possibly|probably|"
    r"may\s+have|might\s+have|feared)\b"
)
_DISCLAIMER = re.compile(
    r"(?i)\b(?:could|can)\s*not\s+(?:be\s+)?(?:independently\s+)?(?:verified|confirmed|verify|confirm)"
    r"|\bnot\s+(?:been\s+)?independently\s+(?:verified|confirmed)|\bunverifiable\b"
)
_PARTISAN = re.compile(
    r"(?i)\b(?:Amaq|[\w]+-(?:linked|affiliated|run\s+media)|propaganda|Islamic\s+State|IS|ISIS|ISIL|"
    r"Daesh|Taliban|(?:al-)?Shabaab|Boko\s+Haram|Houthis?|Hezbollah|Hamas|al-Qaeda|jihadists?|"
    r"militants?|insurgents?)\b"
)
_HEDGED_SOURCE = re.compile(r"(?i)\b(?:unconfirmed|unverified|uncorroborated|rumou?rs?)\b")
_PRONOUN = re.compile(
    r"(?i)^(?:it|he|she|they|the\s+(?:group|monitor|monitoring\s+group|organi[sz]ation|agency|watchdog|observatory))$"
)
_STRIP_MODIFIERS = re.compile(r"^(?:(?i:the)\s+)?(?:[\w]+-(?:based|run)\s+)+(?=[A-Z])|^(?i:the)\s+(?=[A-Z])")
#: The claim a trailing source answers: "..., a charge Egypt denies" is Egypt denying it.
_CLAIM_OBJECT = re.compile(
    r"(?i)^(?:an?|the)\s+(?:charges?|claims?|accusations?|allegations?|account|version)\s+(?:that\s+|which\s+)?(?=\S)"
)
_NOT_SOURCE = re.compile(
    r"\b(?:is|(?i:was|were|are|be|been|being|has|have|had|did|does|do|will|would|could|"
    r"it|killed|attacked|and|but))\b|^(?i:there)\b"
)
_COMMON_FIRST = frozenset(
    ["a", "an", "the", "some", "one", "two", "three", "several", "many", "reports", "report", "monitoring", "monitors", "activists", "activist", "officials", "official", "witnesses", "witness", "residents", "resident", "sources", "source", "state", "local", "security", "military", "police", "medical", "hospital", "rescue", "rescuers", "media", "government", "army", "medics", "doctors", "unconfirmed", "pro-government", "opposition", "rebel", "rebels", "militants", "residents", "authorities", "spokesman", "spokeswoman", "eyewitnesses", "relatives", "observers", "analysts", "journalists", "correspondents", "human", "rights", "humanitarian", "aid", "his", "her", "their", "its"]
)


@dataclass(frozen=True, slots=True)
class Frame:
    """A reporting construction: its source, certainty and the stretch it covers."""

    start: int  # covered stretch, sentence-relative
    end: int
    source: str | None
    certainty: Certainty
    cue_start: int
    cue_end: int

    @property
    def size(self) -> int:
        """Length of the covered stretch (innermost frames are the shortest)."""
        return self.end - self.start


def clean_source(text: str) -> str | None:
    """A source phrase as the article names it, trimmed ("an activist", "Syrian Observatory ...")."""
    text = " ".join(text.split()).strip(" ,.;:\"“”'")
    text = re.split(r",|\s+(?:who|which|whose)(?:\s|$)", text, maxsplit=1)[0]
    text = re.sub(r"(?i)\s+(?:there|here|also|later|earlier|however)$", "", text)
    text = _STRIP_MODIFIERS.sub("", text)
    text = _CLAIM_OBJECT.sub("", text)
    if not text or len(text.split()) > 12:
        return None
    first, _, rest = text.partition(" ")
    if first.lower() in _COMMON_FIRST and not (len(first) > 1 and first.isupper()):
        text = first.lower() + (" " + rest if rest else "")
    return text


def _plausible_source(text: str) -> bool:
    """A sentence-initial phrase that can be a source: short, with no verb of its own."""
    return len(text.split()) <= 8 and not _NOT_SOURCE.search(text)


def _verb_certainty(verb: str) -> Certainty:
    lemma = _FORM_LEMMA.get(verb.lower(), verb.lower())
    return _VERB_CERTAINTY.get(lemma, "reported")


def _with_partisan(source: str | None, certainty: Certainty) -> Certainty:
    """A belligerent (or its outlet) saying so is a claim."""
    if source and certainty == "reported" and _PARTISAN.search(source):
        return "claimed"
    return certainty


def _frame(start: int, end: int, source: str | None, certainty: Certainty, cue: tuple[int, int]) -> Frame:
    cleaned = clean_source(source) if source else None
    if cleaned and _HEDGED_SOURCE.search(cleaned) and RANK[certainty] < RANK["unconfirmed"]:
        certainty = "unconfirmed"  # "unconfirmed reports say", "unverified footage shows"
    return Frame(start, end, cleaned, _with_partisan(cleaned, certainty), cue[0], cue[1])


def regex_frames(text: str, *, leading: bool = True) -> list[Frame]:
    """Frames found with regexes; ``leading`` adds "X said ..." at the sentence start."""
    frames: list[Frame] = []
    n = len(text)
    for pattern in (_TRAILING, _INVERTED):
        match = pattern.search(text)
        if match and len(match.group("src").split()) <= 10:
            cue = (match.start("src") if pattern is _TRAILING else match.start("verb"), match.end())
            frames.append(_frame(0, match.start(), match.group("src"), _verb_certainty(match.group("verb")), cue))
            break
    if leading:
        match = _LEADING.match(text)
        if match and _plausible_source(match.group("src")) and match.end() < n:
            frames.append(_frame(match.end(), n, match.group("src"), _verb_certainty(match.group("verb")), (0, match.end())))
    for match in _ACCORDING.finditer(text):
        frames.append(_frame(0, n, match.group("src"), "reported", (match.start(), match.end())))
    for match in _NOUN_FRAME.finditer(text):
        end = text.find(";", match.end())
        noun = match.group("noun").lower()
        adj = (match.group("adj") or "").lower()
        certainty: Certainty = "reported"
        if adj in ("unconfirmed", "unverified", "uncorroborated") or noun.startswith("rumo"):
            certainty = "unconfirmed"
        elif noun.startswith(("claim", "allegation")):
            certainty = "claimed"
        frames.append(Frame(match.end(), end if end > 0 else n, None, certainty, match.start(), match.end()))
    for match in _IMPERSONAL.finditer(text):
        verb = (match.group("verb") or match.group("verb2") or "").lower()
        certainty = "unconfirmed" if verb in ("believed", "thought", "rumoured", "rumored") else _verb_certainty(verb)
        frames.append(Frame(0, n, None, certainty, match.start(), match.end()))
    for match in _ADVERB.finditer(text):
        certainty = "reported" if match.group("word").lower() == "reportedly" else "unconfirmed"
        frames.append(Frame(0, n, None, certainty, match.start(), match.end()))
    if _DISCLAIMER.search(text):
        match = _DISCLAIMER.search(text)
        assert match is not None
        frames.append(Frame(0, n, None, "unconfirmed", match.start(), match.end()))
    return frames


def dep_frames(sentence: Sentence) -> list[Frame]:
    """Frames from the parse: a reporting verb with a subject covers its complement."""
    doc = sentence.doc
    if doc is None or not _ANY_VERB.search(sentence.text):
        return []
    frames: list[Frame] = []
    for token in doc:
        if token.pos_ not in ("VERB", "AUX") or token.lemma_.lower() not in _VERB_CERTAINTY:
            continue
        subjects = [c for c in token.children if c.dep_ == "nsubj" and c.lower_ not in ("there",)]
        if not subjects or subjects[0].lower_ == "it" and token.dep_ != "ROOT":
            continue
        subject = subjects[0]
        skip = {"nsubj", "aux", "neg", "punct", "cc", "advmod", "npadvmod", "mark"}
        parts = [
            c for c in token.children
            if c.dep_ not in skip and c is not subject
            and not (token.lemma_ == "tell" and c.dep_ in ("dobj", "dative"))
            and not (c.dep_ == "prep" and c.lower_ in ("on", "in", "at"))
        ]
        if not parts:
            continue
        start = min(t.idx for p in parts for t in p.subtree)
        end = max(t.idx + len(t) for p in parts for t in p.subtree)
        words = [t for t in subject.subtree if t.dep_ not in ("relcl", "appos")]
        source = doc.text[words[0].idx : words[-1].idx + len(words[-1])] if words else subject.text
        if words and words[0].pos_ == "PROPN" and source[:1].islower():
            source = source[:1].upper() + source[1:]
        cue = (min(t.idx for t in subject.subtree), token.idx + len(token))
        frames.append(_frame(start, end, source, _VERB_CERTAINTY[token.lemma_.lower()], cue))
    return frames


def sentence_frames(sentence: Sentence) -> list[Frame]:
    """All frames of a sentence: parse frames where parsed, regex frames always."""
    parsed = dep_frames(sentence)
    return parsed + regex_frames(sentence.text, leading=not parsed)


def resolve(frames: list[Frame], offset: int) -> tuple[str | None, Certainty, list[Frame]]:
    """Source, certainty and the frames that cover sentence offset ``offset``."""
    covering = sorted(
        (f for f in frames if f.start <= offset < f.end and not f.cue_start <= offset < f.cue_end),
        key=lambda f: f.size,
    )
    source = next((f.source for f in covering if f.source), None)
    certainty: Certainty = "reported"
    for frame in covering:
        if RANK[frame.certainty] > RANK[certainty]:
            certainty = frame.certainty
    return source, certainty, covering


def is_pronoun(source: str | None) -> bool:
    """Whether a source is a pronoun or a back-reference ("it", "the group") to resolve."""
    return bool(source and _PRONOUN.match(source))


def is_disclaimer(text: str) -> bool:
    """Whether a sentence says a claim could not be verified."""
    return _DISCLAIMER.search(text) is not None


class ArticleSources:
    """Frames of an article's sentences, computed once each, with back-references resolved."""

    def __init__(self, sentences: tuple[Sentence, ...]) -> None:
        self._sentences = sentences
        self._frames: dict[int, list[Frame]] = {}

    def frames(self, index: int) -> list[Frame]:
        """The frames of sentence ``index`` (by position in the article)."""
        if index not in self._frames:
            self._frames[index] = sentence_frames(self._sentences[index])
        return self._frames[index]

    def resolve(self, index: int, offset: int) -> tuple[str | None, Certainty, list[Frame]]:
        """Source and certainty at sentence-relative ``offset`` of sentence ``index``."""
        source, certainty, covering = resolve(self.frames(index), offset)
        if is_pronoun(source):
            source = self.last_named(index)
        return source, certainty, covering

    def last_named(self, index: int) -> str | None:
        """The last named (non-pronoun) source in the sentences before ``index``."""
        for earlier in range(index - 1, max(-1, index - 6), -1):
            named = [f for f in self.frames(earlier) if f.source and not is_pronoun(f.source)]
            if named:
                return max(named, key=lambda f: f.cue_start).source
        return None
