"""The names a report gives to people ("Daniel Pearl", "Mr Burke", "Edward Fitzgerald QC").

A name the report uses for a person is no place anywhere in that report: the town of
Fitzgerald, Georgia is not where a barrister argued.
"""

from __future__ import annotations

import regex as re

from conflictscope.document import AnalyzedArticle

_TITLED = re.compile(
    r"\b(?:Mr|Mrs|Ms|Dr|Prof|President|Gen|General|Minister|Sheikh|Senator|Sen|Rep|Gov|Governor|"
    r"Col|Capt|Lt|Sgt|Judge)\.?\s+(\p{Lu}[\p{L}'’\-]+)(?:\s+(\p{Lu}\p{Ll}[\p{L}'’\-]+))?"
)

#: "an asylum seeker named Elizabeth", "a 30-year-old identified only as Maria": a person.
_NAMED_PERSON = re.compile(
    r"\b(?:man|woman|boy|girl|seeker|person|activist|journalist|lawyer|student|victim|mother|father|"
    r"son|daughter|wife|husband|\d+-year-old)\s+(?:named|identified(?:\s+only)?\s+as)\s+"
    r"(\p{Lu}\p{Ll}+)"
)


#: A one-word speaker after the verb of saying ("..., said Allen, 'but seriously elevated.'"): a person.
_SPEAKER_AFTER = re.compile(
    r"\b(?:said|says|added|explained|recalled|wrote|noted|insisted)\s+(\p{Lu}\p{Ll}+)(?=\s*[,.;:]|\s*$)"
)

#: Storms are named like people ("Hurricane Harvey"; "three hurricanes struck: Harvey, Irma and Maria").
_STORMS = re.compile(
    r"\b(?:(?:Hurricane|Typhoon|Cyclone|Tropical Storm|Storm)\s+(?P<name>\p{Lu}\p{Ll}+)|"
    r"(?:hurricanes|typhoons|cyclones|storms)\b[^.:;]{0,40}:\s*(?P<list>\p{Lu}\p{Ll}+(?:\s*,\s*\p{Lu}\p{Ll}+)*"
    r"(?:,?\s+and\s+\p{Lu}\p{Ll}+)?))"
)

#: A photographer credited after an agency's slash ("REUTERS/ Alp Eren Kaya", "AFP/Issouf Sanogo"):
#: Kaya is the photographer, not the town in Burkina Faso.
_PHOTO_CREDIT = re.compile(
    r"\b(?:REUTERS|Reuters|AFP|AP(?:\s+Photo)?|EPA(?:-EFE)?|Getty\s+Images|Anadolu(?:\s+Agency)?|Xinhua|"
    r"NurPhoto|SOPA\s+Images|Sipa|Shutterstock|Pool)\s*/\s*(\p{Lu}[\p{L}'’\-]+(?:[ \t]+\p{Lu}[\p{L}'’\-]+){0,3})"
)


#: Letters after a person's name that mark the two words before them as a name, even in
#: an unparsed sentence ("Edward Fitzgerald QC", "John Smith Jr.").
_NAME_LETTERS = ("QC", "KC", "MP", "MEP", "Jr", "Sr", "OBE", "MBE", "CBE", "KBE")
#: Letters trimmed from the end of a spaCy PERSON entity before its surname is taken.
_POST_NOMINALS = frozenset({*_NAME_LETTERS, "SC", "II", "III", "IV", "PhD", "MD", "Esq"})

_POST_NOMINAL_NAME = re.compile(
    rf"\b(\p{{Lu}}\p{{Ll}}+)\s+(\p{{Lu}}\p{{Ll}}[\p{{L}}'’\-]+)\s+(?:{'|'.join(_NAME_LETTERS)})\b"
)


TITLE_WORD = re.compile(r"[\p{L}][\p{L}'’\-]*")


def title_cased(text: str) -> bool:
    """Whether a line is written in title case ("Suicide Bomber Strikes Mogadishu Market"): four
    words or more, nearly all capitalised, not all in capitals. spaCy's labels mean little there."""
    words = TITLE_WORD.findall(text)
    capitalised = sum(1 for w in words if w[0].isupper())
    return len(words) >= 4 and capitalised >= 0.8 * len(words) and not text.isupper()


def person_names(analyzed: AnalyzedArticle) -> frozenset[str]:
    """Names the report gives to people ("Daniel Pearl", "Mr Burke"): not places there."""
    names: set[str] = set()
    for sentence in analyzed.sentences:
        # spaCy's persons in a line in title case are guesses ("Suicide Bomber Strikes Mogadishu Market":
        # "Strikes Mogadishu"); a person named there is named again in the text
        if sentence.doc is not None and not title_cased(sentence.text):
            for ent in sentence.doc.ents:
                words = ent.text.split()
                while len(words) > 2 and words[-1].strip(".,") in _POST_NOMINALS:
                    words.pop()  # "Edward Fitzgerald QC": Fitzgerald
                if ent.label_ == "PERSON" and len(words) >= 2 and all(w[:1].isupper() for w in words):
                    names.add(words[-1].removesuffix("'s").removesuffix("’s"))
                    names.add(words[0])  # "Julian Assange" ... "Julian has been applauded"
        for m in _TITLED.finditer(sentence.text):  # "Attorney General William Barr": William, Barr
            names.update(n for n in m.groups() if n)
        names.update(m.group(1) for m in _NAMED_PERSON.finditer(sentence.text))
        names.update(m.group(1) for m in _SPEAKER_AFTER.finditer(sentence.text))
        for m in _STORMS.finditer(sentence.text):  # "Hurricane Harvey"; "hurricanes ...: Harvey, Irma and Maria"
            names.update(re.findall(r"\p{Lu}\p{Ll}+", m.group("name") or m.group("list")))
        for m in _PHOTO_CREDIT.finditer(sentence.text):
            names.update(m.group(1).split())
        for m in _POST_NOMINAL_NAME.finditer(sentence.text):  # unparsed: "Edward Fitzgerald QC"
            names.update(m.groups())
    return frozenset(names)
