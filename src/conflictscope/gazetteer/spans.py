"""Where toponym candidates come from: spaCy's entities and capitalised runs of a sentence, split
where one span holds two names ("Bakhmut and Avdiivka", "Iran-Iraq", "Gwoza Local Government Area of
Borno State"), extended where spaCy cut a name short ("Deir" + "ez-Zor", "Nad-e" + "Ali"), and the
prominent names inside a line in title case. :mod:`conflictscope.gazetteer.recognize` filters them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import regex as re

from conflictscope.document import AnalyzedArticle, Sentence
from conflictscope.gazetteer.offices import after_office_of, before_office
from conflictscope.gazetteer.people import TITLE_WORD, title_cased
from conflictscope.gazetteer.regions import abbreviation
from conflictscope.gazetteer.resolve import Toponym
from conflictscope.models import Span

STRONG_LABELS = {"GPE": 1.0, "LOC": 0.8, "FAC": 0.6}


#: A toponym at least this strong counts as recognised by its label alone.
STRONG = 0.6


WEAK_LABELS = {"PERSON": 0.45, "ORG": 0.4, "NORP": 0.4, "PRODUCT": 0.35, "WORK_OF_ART": 0.3,
               "EVENT": 0.3}


#: Strength of a capitalised span spaCy did not label (parsed / unparsed sentence).
UNLABELLED_PARSED, UNLABELLED_UNPARSED = 0.35, 0.55


_WORD = r"[\p{Lu}][\p{L}\p{M}'’\-]*[\p{L}\p{M}]|[\p{Lu}]"


CONNECT = r"(?:al|el|ad|ar|as|az|ash|ez|es|an|at|de|del|des|da|do|dos|du|la|le|les|los|las|di|of)"


CAPITALISED = re.compile(
    rf"(?<![\p{{L}}\-])(?:(?:al|el|ad|ar|as|az|ash|ez|an|at)-)?(?:{_WORD})"
    rf"(?:(?:\s+{CONNECT}(?:\s+|-)|\s+|-)(?:{_WORD}))*"
)


_STOP_WORDS = """
    a about above after again against all also an and any are as at be because been before being
    but by can could did do does during each few for from further had has have having he her here
    him his how i if in into is it its just may me might more most my no nor not now of off on once
    only or other our out over own same she should so some such than that the their them then there
    these they this those through to too under until up very was we were what when where which while
    who whom why will with would you your yesterday today tomorrow however meanwhile although
    january february march april may june july august september october november december
    monday tuesday wednesday thursday friday saturday sunday
    mr mrs ms dr sir god christmas easter ramadan eid islam islamic muslim muslims christian
    christians jewish jews sunni shia shiite kurd kurds kurdish arab arabs arabic
    government army police state forces military president minister ministry reports report
    news media image video photo getty reuters afp ap bbc cnn unesco un nato eu
    roman romans greek ottoman byzantine soviet european europeans asian western westerners
    african latin catholic orthodox protestant hindu buddhist sikh yazidi druze alawite
    north south east west central northern southern eastern western
    northeast northwest southeast southwest north-east north-west south-east south-west
    northeastern northwestern southeastern southwestern
    rs rp tk ksh sh inr pkr ngn usd jan feb mar apr jun jul aug sep sept oct nov dec
    google facebook twitter youtube whatsapp instagram tiktok telegram wikileaks
"""


STOP_WORDS_SET = frozenset(_STOP_WORDS.split())


#: Direction words: kept at the head of a name for :func:`_clean` to judge ("South Korea" is a
#: country, "northern Syria" a part of one).
DIRECTION_WORDS = frozenset("""
    north south east west central northern southern eastern western northeast northwest southeast
    southwest north-east north-west south-east south-west northeastern northwestern southeastern
    southwestern upper lower
""".split())


#: Words of time that end a capitalised run ("arrive in Lagos April 4", "killed in Kandahar Tuesday").
TIME_WORDS = frozenset("""
    january february march april may june july august september october november december
    jan feb mar apr jun jul aug sep sept oct nov dec
    monday tuesday wednesday thursday friday saturday sunday yesterday today tomorrow
""".split())


#: Initials with periods ("U.S.", "U.K.", "U.A.E."), which :data:`CAPITALISED` splits into letters.
DOTTED_INITIALS = re.compile(r"(?<![\p{L}.])(?:\p{Lu}\.){2,3}(?!\p{L})")


#: A Persian ezafe before an entity: the first word of its name ("Nad-e " of "Nad-e Ali").
_EZAFE_BEFORE = re.compile(r"(?<![\p{L}\-])\p{Lu}\p{Ll}+-(?:e|i)[\s\-]$")


#: "and" or "in" between two capitalised names of one entity ("Bakhmut and Avdiivka", "Pemba in
#: Mozambique", which spaCy labels one organisation or work of art).
_AND = re.compile(r"\s+(?:and|in|near)\s+(?=\p{Lu})")


#: Two names joined by a hyphen in one entity ("Abuja-Kaduna", "Iran-Iraq").
_HYPHEN_PAIR = re.compile(r"(?<![\p{L}\-])(\p{Lu}\p{Ll}+)-(\p{Lu}\p{Ll}+)(?![\p{L}\-])")


#: Lower-case words an entity ran on with ("... of the Congo on").
_TRAILING_LOWER = re.compile(r"(?:\s+\p{Ll}+)+$")


#: A possessive inside a capitalised run ("London's Ecuadorean embassy"): the name ends there.
_POSSESSIVE = re.compile(r"['’]s(?=\s+\p{Lu})")


def sentence_spans(sentence: Sentence, known: Callable[[str], bool] | None = None,
                    ) -> Iterator[tuple[int, int, str, float]]:
    """(start, end, label, strength) of candidate spans, sentence-relative.

    An entity of two names joined by "and" or "in" ("Bakhmut and Avdiivka", "Pemba in Mozambique",
    which spaCy labels one organisation) gives each name, unless ``known`` knows the whole
    ("Bosnia and Herzegovina").
    """
    taken: list[tuple[int, int]] = []
    if sentence.doc is not None:
        for ent in sentence.doc.ents:
            label = ent.label_
            strength = STRONG_LABELS.get(label) or WEAK_LABELS.get(label)
            if strength is None:
                continue
            ezafe = _EZAFE_BEFORE.search(sentence.text, 0, ent.start_char)
            if ezafe is not None:  # "Nad-e Ali", where spaCy labelled "Ali" alone
                taken.append((ezafe.start(), ent.end_char))
                yield ezafe.start(), ent.end_char, label, strength
                continue
            taken.append((ent.start_char, ent.end_char))
            pair = _HYPHEN_PAIR.search(ent.text) if label in STRONG_LABELS else None
            if (pair is not None and known is not None and not known(pair.group(0))
                    and known(pair.group(1)) and known(pair.group(2))):
                # "the Abuja-Kaduna highway": a road or border between two places, each a candidate
                for part in (1, 2):
                    yield ent.start_char + pair.start(part), ent.start_char + pair.end(part), label, strength
                continue
            if known is not None and _AND.search(ent.text) and not known(ent.text):
                cursor = ent.start_char
                for part in _AND.split(ent.text):
                    part = _TRAILING_LOWER.sub("", part)
                    begin = sentence.text.index(part, cursor)
                    cursor = begin + len(part)
                    if part[:1].isupper():
                        yield begin, cursor, label, strength
                continue
            head_end = before_office(sentence.text, ent.start_char, ent.end_char) if label in WEAK_LABELS else 0
            if 0 < head_end < ent.end_char:
                yield ent.start_char, head_end, "", UNLABELLED_PARSED  # the place before the office
                continue
            place_start = after_office_of(sentence.text, ent.start_char, ent.end_char) if label in WEAK_LABELS else 0
            if ent.start_char < place_start:
                yield place_start, ent.end_char, "", UNLABELLED_PARSED  # "Ruler of Dubai": the place after "of"
                continue
            yield ent.start_char, ent.end_char, label, strength
    unlabelled = UNLABELLED_PARSED if sentence.doc is not None else UNLABELLED_UNPARSED
    for match in CAPITALISED.finditer(sentence.text):
        begin, end = match.span()
        # a sentence-initial function word is capitalised only because it starts the sentence
        first = match.group(0).split()[0]
        if first.lower() in STOP_WORDS_SET and first.lower() not in DIRECTION_WORDS and " " in match.group(0):
            begin += len(first) + 1
        # a possessive ends a name: "London's Ecuadorean embassy", "Syria's Idlib province"
        pieces = []
        for owner in _POSSESSIVE.finditer(sentence.text, begin, end):
            pieces.append((begin, owner.end()))
            begin = owner.end() + 1
        pieces.append((begin, end))
        for piece_begin, piece_end in pieces:
            piece_end = _before_time_words(sentence.text, piece_begin, piece_end)
            piece_end = before_office(sentence.text, piece_begin, piece_end)
            piece_begin = after_office_of(sentence.text, piece_begin, piece_end)
            if sentence.text[piece_end:piece_end + 1] == "." and abbreviation(
                    sentence.text[piece_begin:piece_end + 1]) is not None:
                piece_end += 1  # "Fresno, Calif.": the period is part of the name
            if piece_begin < piece_end and not any(b < piece_end and piece_begin < e for b, e in taken):
                yield piece_begin, piece_end, "", unlabelled
            else:
                yield from beside_entity(sentence.text, piece_begin, piece_end, taken, unlabelled)
    for match in DOTTED_INITIALS.finditer(sentence.text):
        begin, end = match.span()
        if not any(b < end and begin < e for b, e in taken):
            yield begin, end, "", unlabelled


def beside_entity(text: str, begin: int, end: int, taken: list[tuple[int, int]],
                   strength: float) -> Iterator[tuple[int, int, str, float]]:
    """The parts of a run that an entity only partly covers, split at hyphens ("Iran-Iraq war",
    where spaCy labelled "Iran" alone; "the Amsterdam-London leg") and after an admin kind's "of"
    ("Gwoza Local Government Area of Borno State", where it labelled the area alone): candidates
    of their own; and the name after an entity's "of" ("Governor Bello of Niger State", where it labelled
    the person alone)."""
    for _, entity_end in taken:
        joint = _OF.match(text, entity_end, end) if begin < entity_end < end else None
        if joint is not None and not any(b < end and joint.end() < e for b, e in taken):
            yield joint.end(), end, "", strength
    for part in _RUN_JOINT.split(text[begin:end]):
        part_begin = text.index(part, begin) if part else begin
        begin = part_end = part_begin + len(part)
        if (part_end > part_begin and part[:1].isupper()
                and not any(b < part_end and part_begin < e for b, e in taken)):
            yield part_begin, part_end, "", strength


_OF = re.compile(r"\s+of\s+(?=\p{Lu})")


#: Where a run of names joins two ("Iran-Iraq", "Rafi Local Government Area of Niger State").
_RUN_JOINT = re.compile(
    r"-|(?<=\b(?:Area|LGA|District|County|Province|State|Region|Governorate|Division|Municipality))\s+of\s+")


def _before_time_words(text: str, begin: int, end: int) -> int:
    """The end of a run without the words of time it ends with ("Lagos April" -> "Lagos")."""
    words = text[begin:end].split(" ")
    while len(words) > 1 and words[-1].lower().rstrip(".") in TIME_WORDS:
        words.pop()
    return begin + len(" ".join(words))


NEXT_WORD = re.compile(r"[ \-](\p{Lu}[\p{L}\p{M}'’]*[\p{L}\p{M}])")


#: The same, or after an Arabic article or a particle ("Deir" + "ez-Zor", "Ras" + "al-Ain").
NEXT_NAME_WORD = re.compile(rf"(?:[ \-]{CONNECT}|[ \-](?:ez|ed|en|es|et|ul))?[ \-](\p{{Lu}}[\p{{L}}\p{{M}}'’]*[\p{{L}}\p{{M}}])")


def extend_name(text: str, begin: int, end: int, known: Callable[[str], bool]) -> int:
    """End of the longest known name made of the span and up to two capitalised words after it.

    spaCy splits some names ("Nizhny" | "Novgorod"): the whole name wins when the gazetteer has it.
    """
    best, cursor = end, end
    for _ in range(2):
        match = NEXT_NAME_WORD.match(text, cursor)
        if match is None:
            break
        cursor = match.end()
        if known(text[begin:cursor]):
            best = cursor
    return best


def joined(text: str, toponyms: list[Toponym], known: Callable[[str], bool]) -> list[Toponym]:
    """Two names joined by "and" that the gazetteer knows as one ("Trinidad" | "Tobago", which
    spaCy splits): the whole name. ``toponyms`` must be in text order."""
    result: list[Toponym] = []
    for toponym in toponyms:
        last = result[-1] if result else None
        if last is not None and text[last.span.end:toponym.span.start] == " and ":
            whole = text[last.span.start:toponym.span.end]
            if known(whole):
                result[-1] = Toponym(Span(last.span.start, toponym.span.end, whole), whole,
                                     max(last.strength, toponym.strength))
                continue
        result.append(toponym)
    return result


def in_title_case(analyzed: AnalyzedArticle, found: list[Toponym],
                   known: Callable[[str], bool], common: frozenset[str] = frozenset()) -> list[Toponym]:
    """Prominent names inside a line written in title case ("Russian Missile Hits Odesa Port",
    where every word is capitalised and the line is one run): the longest runs of one to three
    words ``known`` knows, not already found. A capital says nothing in such a line, so one word
    the report writes in lower case elsewhere (``common``: "Man Charged After Shooting" in a
    report on "a 20-year-old man") is that common word."""
    lines = [sentence for sentence in analyzed.sentences if title_cased(sentence.text)]
    if not lines:
        return []
    # names already found there, unless weak and unknown (a whole run such as the line itself)
    taken = [(t.span.start, t.span.end) for t in found
             if any(line.start <= t.span.start < line.end for line in lines)
             and (t.strength >= STRONG or known(t.name))]
    added: list[Toponym] = []
    for sentence in lines:
        words = list(TITLE_WORD.finditer(sentence.text))
        i = 0
        while i < len(words):
            for size in (3, 2, 1):
                run = words[i:i + size]
                if len(run) < size or not all(w.group(0)[0].isupper() for w in run):
                    continue
                begin, end = run[0].start(), run[-1].end()
                name = sentence.text[begin:end]
                if name.lower() in STOP_WORDS_SET or (size == 1 and name.lower() in common) or not known(name):
                    continue
                span = sentence.char_span(begin, end)
                if not any(b < span.end and span.start < e for b, e in taken):
                    added.append(Toponym(span, name, UNLABELLED_PARSED))
                i += size - 1
                break
            i += 1
    return added


def name_spans(analyzed: AnalyzedArticle) -> list[Toponym]:
    """Every capitalised or entity span of more than one word, stop words and all, as a weak
    toponym ("US State Department", "Dubai Police"): where to look for a place inside a name."""
    found: list[Toponym] = []
    for sentence in analyzed.sentences:
        for begin, end, _label, _strength in sentence_spans(sentence):
            raw = sentence.text[begin:end]
            lead = re.match(r"(?i)the\s+", raw)
            if lead:
                begin, raw = begin + lead.end(), raw[lead.end():]
            raw = raw.rstrip(" .,;:")
            if " " in raw:
                found.append(Toponym(sentence.char_span(begin, begin + len(raw)), raw, 0.3))
    return found
