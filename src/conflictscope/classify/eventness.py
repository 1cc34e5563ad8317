"""The learned event-ness model: is a proposed event a specific occurrence that happened?

A candidate's sentence may use the words of an event without telling one: a generic or
habitual statement, a state, a statement or demand, a plan or threat, a hypothetical, a
negation, an aggregate over many events, a humanitarian action, a campaign, ordinary
crime, a trial. The model reads the features below and gives the probability that the
candidate tells one specific occurrence (past ones recalled as background included).

Features (the same code at training and at run time; ``scripts/train_eventness.py``):

- the sentence's words and word pairs (lower-cased lemmas);
- the grammar around the trigger: its tag (tense, aspect), the auxiliaries and
  negations of the trigger and of the verbs that govern it (up to the clause root), the
  governing verb's lemma when the trigger depends on another verb ("plan to *attack*",
  "called for an *investigation*"), the trigger's dependency label;
- the specificity of what the sentence names: a determiner and number of the trigger's
  subject (a definite or named actor vs a bare plural), whether it names a date, a
  number, a place, a person or a group (spaCy's entities), "since", "between" or "from"
  before a date, how fine its dates are (a day, a month, a year, a span of years), how many
  places it names (a list of towns tells an aggregate), the quantifiers and numbers of the
  trigger's participants ("hundreds were detained", "every week"), and whether it quotes;
- what ``classify`` found: the candidate's modality, background flag and class.

The weights are a logistic regression over these binary features, trained on our own
labelled sentences (``data/eventness/sentences_*.txt``); see docs/pipeline.md.
"""

from __future__ import annotations

import json
import math
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import regex as re

from conflictscope.resources import Resources, Settings, declare_resource, file_digest

if TYPE_CHECKING:
    from spacy.tokens import Doc, Token

MODEL_RESOURCE = "eventness/model.json"
#: Verbs followed up to the clause root from the trigger.
_MAX_CLIMB = 4
_SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "agent"})
_SPECIFIC_ENTITIES = {"DATE": "date", "TIME": "date", "CARDINAL": "number", "GPE": "place",
                      "LOC": "place", "FAC": "place", "PERSON": "person", "ORG": "group", "NORP": "group"}


def _governors(trigger: Token) -> list[Token]:
    """The trigger and the verbs above it, up to its clause root."""
    chain = [trigger]
    token = trigger
    for _ in range(_MAX_CLIMB):
        if token.head.i == token.i:
            break
        token = token.head
        chain.append(token)
    return chain


def features(doc: Doc, trigger: Token, *, modality: str = "asserted", background: bool = False,
             code: str = "") -> list[str]:
    """The feature names of a candidate whose sentence is ``doc`` and trigger token ``trigger``."""
    found: set[str] = set()
    words = [t.lemma_.lower() if t.lemma_ and t.lemma_ != "-PRON-" else t.lower_ for t in doc if not t.is_punct]
    found.update(f"w={w}" for w in words)
    found.update(f"b={a}_{b}" for a, b in zip(words, words[1:], strict=False))
    found.add(f"t.tag={trigger.tag_}")
    found.add(f"t.dep={trigger.dep_}")
    found.add(f"t.lemma={trigger.lemma_.lower()}")
    for depth, token in enumerate(_governors(trigger)):
        for child in token.children:
            if child.dep_ in ("aux", "auxpass"):
                found.add(f"aux={child.lower_}")
                found.add(f"aux.tag={child.tag_}")
            elif child.dep_ == "neg":
                found.add("neg")
            elif child.dep_ == "mark":
                found.add(f"mark={child.lower_}")
            elif child.dep_ == "advmod":
                found.add(f"advmod={child.lemma_.lower()}")
        if depth > 0:
            found.add(f"gov={token.lemma_.lower()}")
            found.add(f"gov.tag={token.tag_}")
    for token in (trigger, trigger.head):
        subjects = [c for c in token.children if c.dep_ in _SUBJECTS]
        for subject in subjects[:1]:
            found.add(f"subj.tag={subject.tag_}")
            dets = [c.lower_ for c in subject.children if c.dep_ in ("det", "nummod", "poss")]
            found.add(f"subj.det={dets[0] if dets else 'none'}")
            if subject.ent_type_:
                found.add(f"subj.ent={subject.ent_type_}")
    places = 0
    for ent in doc.ents:
        kind = _SPECIFIC_ENTITIES.get(ent.label_)
        if kind:
            found.add(f"has.{kind}")
            if kind == "date" and ent.start > 0 and doc[ent.start - 1].lower_ in ("since", "between", "from"):
                found.add("span.date")
            if kind == "date":
                found.add(f"date.grain={_grain(ent.text)}")
            places += kind == "place"
    found.add(f"places={min(places, 3)}")
    found.update(_quantity_features(trigger))
    if _quoted(doc):
        found.add("quoted")
    found.add(f"modality={modality}")
    found.add(f"background={background}")
    if code:
        found.add(f"class={code}")
    return sorted(found)


#: How fine a date names its time: a day (or a day of the week), a month, a year, a decade.
_DAY = re.compile(r"(?i)\b(?:\d{1,2}(?:st|nd|rd|th)?\b|monday|tuesday|wednesday|thursday|friday|saturday|sunday"
                  r"|yesterday|today|tonight|night|morning|evening|afternoon)")
_MONTH = re.compile(r"(?i)\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\b")
_DECADE = re.compile(r"\b\d{3}0s\b|(?i:decade|years|months)")
_QUANTIFIERS = frozenset({"hundreds", "thousands", "dozens", "scores", "many", "several", "numerous", "countless",
                          "some", "most", "all", "every", "each", "over", "more", "least"})


def _grain(text: str) -> str:
    """How fine a date expression is: ``day``, ``month``, ``year`` or ``span`` (decades, "years")."""
    if _DECADE.search(text):
        return "span"
    if _DAY.search(text):
        return "day"
    return "month" if _MONTH.search(text) else "year"


def _quantity_features(trigger: Token) -> set[str]:
    """How the trigger's participants are counted: a quantifier ("hundreds were arrested", "every
    week") or a large number names many occurrences or victims rather than one occasion's."""
    found: set[str] = set()
    for token in (trigger, trigger.head):
        for child in token.children:
            if child.dep_ in _SUBJECTS or child.dep_ in ("dobj", "pobj", "npadvmod"):
                for part in child.subtree:
                    if part.lower_ in _QUANTIFIERS:
                        found.add(f"quant={part.lower_}")
                    elif part.like_num and part.dep_ == "nummod":
                        digits = part.text.replace(",", "")
                        found.add("num.large" if digits.isdigit() and int(digits) >= 100 else "num.small")
    return found


def _quoted(doc: Doc) -> bool:
    """Whether the sentence is (or holds) a quotation: testimony and reported speech."""
    return any(t.text in ('"', "“", "”") for t in doc)


@dataclass(frozen=True, slots=True)
class EventnessModel:
    """A logistic regression over binary features (weights as JSON; loaded with plain Python)."""

    weights: dict[str, float]
    intercept: float
    threshold: float = 0.5
    meta: dict[str, object] = field(default_factory=dict)

    def probability(self, names: list[str]) -> float:
        """The probability that a candidate with these features is an event."""
        score = self.intercept + sum(self.weights.get(name, 0.0) for name in names)
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    @classmethod
    def load(cls, path: str | Path) -> EventnessModel:
        """Load a model file (``scripts/train_eventness.py`` writes it; :func:`_model_path` finds it)."""
        data = json.loads(Path(path).read_text("utf-8"))
        return cls({str(k): float(v) for k, v in data["weights"].items()}, float(data["intercept"]),
                   float(data.get("threshold", 0.5)), dict(data.get("meta", {})))


def _model_path(settings: Settings) -> Path:
    return settings.classifier_file("eventness.json", MODEL_RESOURCE)


def _load(loaded: Resources) -> EventnessModel | None:
    path = _model_path(loaded.settings)
    return EventnessModel.load(path) if loaded.settings.eventness and path.is_file() else None


def _fingerprint(settings: Settings) -> str:
    return file_digest(_model_path(settings)) if settings.eventness else "off"


#: The event-ness model (None when switched off or absent: the rule decision serves).
EVENTNESS_MODEL = declare_resource("eventness", _load, _fingerprint)
