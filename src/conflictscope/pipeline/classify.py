"""Stage `classify`: detect and classify event clauses -> AnalyzedArticle.candidates.

For every parsed sentence that has a conflict word, a calibrated linear model
(``conflictscope.classify.model``, trained on our own labelled sentences) reads the
whole sentence and each of its clauses. The sentence's best class gives one
candidate; a clause whose own class differs (a second action, "destroyed
monuments and beheaded the director") gives another. ACLED's territory rule then
sets Government regains / Non-state actor overtakes from the agent's kind, and
the parse around the trigger gives the modality and the background flag.
"""

from __future__ import annotations

from dataclasses import replace
from typing import TYPE_CHECKING

import regex as re

from conflictscope.actors.parse import SAYING
from conflictscope.classify.clauses import Clause, clauses_of
from conflictscope.classify.cues import cue_codes, find_cue, find_cues
from conflictscope.classify.labels import LABELS, NONE, SUB_EVENT_OF, event_type_of
from conflictscope.classify.modality import is_background, modality_of
from conflictscope.classify.model import LinearModel, default_model
from conflictscope.classify.rules import SELF_KILLING, refine, self_harm_only, strong_cue
from conflictscope.classify.territory import agent_kind, agent_tokens, resolve_control
from conflictscope.document import AnalyzedArticle, Sentence
from conflictscope.models import ActorMention, EventCandidate, Modality
from conflictscope.pipeline.eventness import CLAUSE_PROPOSAL_FLOOR, PROPOSAL_FLOOR, may_report_event
from conflictscope.pipeline.registry import stage
from conflictscope.textcase import lower_keeping_offsets

if TYPE_CHECKING:
    from spacy.tokens import Token

#: A further clause's candidate ranks below its sentence's (its confidence is scaled).
CLAUSE_DISCOUNT = 0.9
#: Sentences longer than this (characters) are read as a whole only.
MAX_CLAUSE_SPLIT_CHARS = 600


@stage("classify", requires=("sentences", "actors"), provides=("candidates",))
def classify(analyzed: AnalyzedArticle) -> AnalyzedArticle:
    """Add one candidate per event-reporting clause of the parsed sentences."""
    model = default_model()
    found: list[EventCandidate] = []
    sentences = analyzed.sentences
    for position, sentence in enumerate(sentences):
        if sentence.doc is None:
            continue
        following = sentences[position + 1].text if position + 1 < len(sentences) else ""
        previous = sentences[position - 1].text if position > 0 else ""
        # "Demonstrations also took place in Mombasa": how the protests next to it went is not told
        window = "" if _ELSEWHERE.search(sentence.text) else f"{following} {previous}".strip()
        found.extend(classify_sentence(sentence, analyzed.actors, model, window=window))
    return replace(analyzed, candidates=(*analyzed.candidates, *found))


#: A sentence about events elsewhere, which its neighbours do not describe.
_ELSEWHERE = re.compile(r"(?i)\b(?:also|elsewhere|other\s+(?:towns|cities|regions|provinces|parts))\b")


#: Classes told apart by a codebook rule rather than by the model: the agent decides
#: between the two changes of control, the demonstration ladder between the protest rungs.
_FAMILIES = (("GRT", "NSO"), ("PEACE", "PINT", "FORCE", "VDEM"))


def _best(probs: dict[str, float]) -> tuple[str, float]:
    """The most probable class, a family of rule-decided classes counting as one
    (its most probable member stands for it, with the family's probability)."""
    code = max(probs, key=probs.__getitem__)
    best, prob = code, probs[code]
    for family in _FAMILIES:
        total = sum(probs.get(member, 0.0) for member in family)
        if total > prob:
            best, prob = max(family, key=lambda member: probs.get(member, 0.0)), total
    return best, prob


def _no_suicide_bomb(best: tuple[str, float], lowered: str) -> tuple[str, float]:
    """A reading of a suicide as an attack is no reading: a Suicide bomb where the text
    speaks of suicide but of no attack, an Attack whose only killing word is reflexive
    ("drove her to kill herself")."""
    if best[0] not in ("SUIC", "ATT") or not self_harm_only(lowered):
        return best
    if best[0] == "SUIC":
        return NONE, 0.0
    reflexive = [m.span() for m in SELF_KILLING.finditer(lowered)]
    if all(any(a <= hit[0] < b for a, b in reflexive) for hit in find_cues("ATT", lowered)):
        return NONE, 0.0
    return best


def classify_sentence(
    sentence: Sentence,
    actors: tuple[ActorMention, ...] = (),
    model: LinearModel | None = None,
    window: str = "",
) -> list[EventCandidate]:
    """The event candidates one parsed sentence proposes (none when it may report no event; the
    ``eventness`` stage decides which of them are events).

    ``window`` is the text of the next sentence, read by the demonstration rules.
    """
    doc = sentence.doc
    if doc is None or not sentence.text.strip():
        return []
    if not may_report_event(sentence.text):
        return []  # what is proposed is decided by the eventness stage
    lowered = lower_keeping_offsets(sentence.text)
    cues = cue_codes(lowered)
    model = model or default_model()
    code, prob = _no_suicide_bomb(_best(model.predict(sentence.text, own_cues=cues)), lowered)
    event_cues = [c for c in cues if c != NONE]
    # clauses matter only when the sentence holds cues of several classes
    split = len(event_cues) >= 2 and len(sentence.text) <= MAX_CLAUSE_SPLIT_CHARS
    clauses = clauses_of(doc) if split else []
    results: list[EventCandidate] = []
    if code == NONE or prob < PROPOSAL_FLOOR:
        strong = strong_cue(lowered)
        if strong is not None:
            code, prob = strong, model.rule_precision.get(strong, 0.5)
    if code != NONE and prob >= PROPOSAL_FLOOR:
        clause = _clause_with_cue(clauses, code, sentence) if len(clauses) > 1 else None
        made = _candidate(sentence, clause, code, prob, actors, model, window)
        if made is not None:
            results.append(made)
    if len(clauses) > 1:
        seen = {c.sub_event_type for c in results}
        for clause in clauses:
            if len(clause.token_ids) < 3:
                continue
            probs = model.predict(clause.text, sentence.text, context_cues=cues)
            sub_code, sub_prob = _no_suicide_bomb(_best(probs), clause.text.lower())
            if sub_code == NONE or sub_prob < CLAUSE_PROPOSAL_FLOOR:
                strong = strong_cue(clause.text.lower())
                if strong is None:
                    continue
                sub_code, sub_prob = strong, model.rule_precision.get(strong, 0.5)
            if sub_code == "ATT" and _toll_of(results, clause.text):
                continue  # "pounded Avdiivka with artillery, killing three civilians": the shelling's toll
            made = _candidate(
                sentence, clause, sub_code, sub_prob * CLAUSE_DISCOUNT, actors, model, window,
                primary=False,
            )
            if made is not None and made.sub_event_type not in seen:
                seen.add(made.sub_event_type)
                results.append(made)
    return results


#: A clause that tells what an act of violence did ("killing three civilians", "leaving 12 dead").
_CONSEQUENCE = re.compile(r"(?i)^\W*(?:killing|wounding|injuring|leaving)\b")
#: Event types whose toll a participle clause tells: the violent ones, and demonstrations (the
#: dead of "police fired live rounds at protesters ..., killing five" are the demonstration's).
_VIOLENT_TYPES = frozenset({"Battles", "Explosions/Remote violence", "Riots", "Protests"})


def _toll_of(results: list[EventCandidate], clause: str) -> bool:
    """Whether a clause is the toll of the sentence's event, not an attack of its own."""
    return bool(results) and results[0].event_type in _VIOLENT_TYPES and _CONSEQUENCE.match(clause) is not None


#: Cue families read for a trigger: the change-of-control verbs are shared ("captured"
#: by troops is Government regains territory), so the agent, not the verb, decides.
_TRIGGER_CODES = {"GRT": ("GRT", "NSO"), "NSO": ("NSO", "GRT"), "NVT": ("NVT", "NSO", "GRT")}


def _find_trigger(code: str, text: str) -> tuple[int, int] | None:
    for family in _TRIGGER_CODES.get(code, (code,)):
        hit = find_cue(family, text)
        if hit is not None:
            return hit
    return None


#: "The two militaries have since turned their attention to *fighting* rebels in Aleppo": a
#: campaign's new focus, told in general, is no event of its own.
_TURNED_TO = re.compile(
    r"(?i)\b(?:turn|shift|switch|refocus)\w*\s+(?:their|its|his|her)\s+(?:attention|focus|efforts?)\s+"
    r"(?:to|towards|on)\s+(?:\w+\s+){0,2}$"
)
#: Verbs of opinion that head a sentence without a cue word: what someone thinks is no event.
_OPINION_VERBS = frozenset({"view", "regard", "consider", "deem", "see", "believe", "think"})
_NEVER_SEEN_AGAIN = re.compile(r"(?i)\bnever\b.*\bseen again\b")
_TIME_MARKS = frozenset({"after", "before", "since", "until", "till", "following", "once"})


def _main_clause_hit(sentence: Sentence, code: str, first: tuple[int, int]) -> tuple[int, int]:
    """Of the sentence's cues of ``code``, the one nearest the root of its parse.

    "Two days after two men were arrested, police say they have arrested three more":
    the main clause's "arrested" is the sentence's news, not the one in the "after" clause.
    Ties keep the first cue.
    """
    doc = sentence.doc
    assert doc is not None
    lowered = lower_keeping_offsets(sentence.text)
    hits = [h for family in _TRIGGER_CODES.get(code, (code,)) for h in find_cues(family, lowered)]
    if len(hits) < 2:
        return first

    def depth(hit: tuple[int, int]) -> int:
        span = doc.char_span(hit[0], hit[1], alignment_mode="expand")
        if span is None or not len(span):
            return 99
        token, steps = span.root, 0
        if any(child.dep_ == "mark" and child.lower_ in _TIME_MARKS for child in token.children):
            steps += 2  # "after two men were arrested": a subordinate clause of time
        while token.head.i != token.i and steps < 50:
            token, steps = token.head, steps + 1
        return steps

    depths = {hit: depth(hit) for hit in hits}
    best = min(hits, key=lambda h: (depths[h], h[0]))
    return best if depths[best] < depths.get(first, depth(first)) else first


def _clause_with_cue(clauses: list[Clause], code: str, sentence: Sentence) -> Clause | None:
    """The clause holding the sentence's main cue of ``code`` (see :func:`_main_clause_hit`)."""
    with_cue = [c for c in clauses if _find_trigger(code, lower_keeping_offsets(c.text)) is not None]
    first = _find_trigger(code, lower_keeping_offsets(sentence.text))
    if len(with_cue) > 1 and first is not None and sentence.doc is not None:
        main = _main_clause_hit(sentence, code, first)
        for clause in with_cue:
            start, end = _clause_range(sentence, clause)
            if start <= main[0] < end:
                return clause
    return with_cue[0] if with_cue else None


def _candidate(
    sentence: Sentence,
    clause: Clause | None,
    code: str,
    prob: float,
    actors: tuple[ActorMention, ...],
    model: LinearModel,
    window: str = "",
    primary: bool = True,
) -> EventCandidate | None:
    doc = sentence.doc
    assert doc is not None
    begin, end = _clause_range(sentence, clause)
    clause_lower = lower_keeping_offsets(sentence.text[begin:end])
    whole = lower_keeping_offsets(sentence.text)
    # the sentence's own reading is refined over the whole sentence ("killed when
    # IEDs detonated" spans two clauses); a further clause's over that clause
    refined = refine(code, whole if primary else clause_lower, f"{whole} {window.lower()}", whole)
    read = code
    if refined != code:  # a codebook rule overrode the model: its measured precision caps
        prob = min(prob, model.rule_precision.get("refine", 0.7))
        code = refined
    # a rung of the protest ladder set by the next sentence keeps the cue word the model read
    hit = _find_trigger(code, clause_lower)
    if hit is None and read != code and any(read in family and code in family for family in _FAMILIES):
        hit = _find_trigger(read, clause_lower)
    if hit is not None and clause is None:
        hit = _main_clause_hit(sentence, code, hit)
    trigger = _trigger_token(sentence, clause, begin, hit)
    if trigger is None or _TURNED_TO.search(sentence.text, 0, trigger.idx):
        return None
    if hit is None and trigger.lemma_ in _OPINION_VERBS:
        return None  # "Ankara views the YPG as a terrorist organization": a view, not an act
    if code in ("GRT", "NSO"):
        kind = agent_kind(agent_tokens(trigger), actors, sentence.start)
        resolved = resolve_control(code, kind)
        if resolved != code:
            probs = model.predict(clause.text if clause else sentence.text, sentence.text)
            prob = min(1.0, probs.get("GRT", 0.0) + probs.get("NSO", 0.0))
            code = resolved
    if hit is not None:
        trigger_span = sentence.char_span(begin + hit[0], begin + hit[1])
    else:
        trigger_span = sentence.char_span(trigger.idx, trigger.idx + len(trigger))
    candidate = EventCandidate(
        sentence=sentence.char_span(0, len(sentence.text)),
        trigger=trigger_span,
        event_type=event_type_of(code),
        sub_event_type=SUB_EVENT_OF[code],
        confidence=round(float(prob), 4),
        # "was never seen again" tells a disappearance; its "never" negates nothing
        modality=("asserted" if _NEVER_SEEN_AGAIN.search(trigger_span.text) else modality_of(trigger))
        if hit is not None else _any_modality(sentence, clause),
        is_background=is_background(trigger, sentence.text),
    )
    return candidate.with_evidence("event_type", trigger_span).with_evidence(
        "sub_event_type", trigger_span
    )


#: Dependency labels of a relative clause ("a reform which would shift ..."), whose modal is its own.
_RELATIVE_CLAUSES = frozenset({"relcl"})


def _any_modality(sentence: Sentence, clause: Clause | None) -> Modality:
    """Without a trigger word: the modal of any verb of the clause (would, will...).

    A relative clause does not count: "Protests began on April 28, triggered by a
    reform *which would shift* the burden" is asserted.
    """
    doc = sentence.doc
    assert doc is not None
    ids = clause.token_ids if clause else range(len(doc))
    for i in ids:
        token = doc[i]
        if token.head.dep_ in _RELATIVE_CLAUSES:
            continue
        if token.dep_ == "aux" and token.lower_ in ("would", "could", "might", "may"):
            return "hypothetical"
        if token.dep_ == "aux" and token.lower_ in ("will", "shall", "'ll"):
            return "future"
    return "asserted"


def _clause_range(sentence: Sentence, clause: Clause | None) -> tuple[int, int]:
    doc = sentence.doc
    assert doc is not None
    if clause is None:
        return 0, len(sentence.text)
    first, last = doc[clause.token_ids[0]], doc[clause.token_ids[-1]]
    return first.idx, last.idx + len(last)


def _trigger_token(
    sentence: Sentence, clause: Clause | None, begin: int, hit: tuple[int, int] | None
) -> Token | None:
    """The token of the trigger: the cue word found at ``hit``, else the clause head (the
    clause it reports, when the head is a verb of saying)."""
    doc = sentence.doc
    assert doc is not None
    if hit is not None:
        span = doc.char_span(begin + hit[0], begin + hit[1], alignment_mode="expand")
        if span is not None and len(span):
            return span.root
    head: Token | None
    if clause is not None:
        head = clause.head
    else:
        roots = [t for t in doc if t.dep_ == "ROOT"]
        head = roots[0] if roots else (doc[0] if len(doc) else None)
    if head is not None and head.lemma_ in SAYING:
        # "Jihadists stormed Djibo and burned the market, residents said": the news, not the saying
        head = next((child for child in head.children if child.dep_ in {"ccomp", "parataxis"}
                     and child.lemma_ not in _OPINION_VERBS), head)
    return head


__all__ = ["LABELS", "classify", "classify_sentence"]
