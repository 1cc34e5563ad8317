"""Photo captions: sentences that describe a picture rather than tell the news.

A caption shows a scene, often an archive one, so its place is rarely the event's
place (``places``) and its event rarely the report's main event (``mainevent``).
"""

from __future__ import annotations

import regex as re

#: A photo credit: "REUTERS/Name", "AFP via Getty Images", "FILE PHOTO:", "(Photo: ...)".
PHOTO_CREDIT = re.compile(
    r"(?:\b(?:REUTERS|Reuters|AFP|AP|EPA|Xinhua)\s*/|/\s*(?:AFP|AP|EPA|Reuters|REUTERS|FILE|File)\b|"
    r"\bvia Getty Images\b|\bGetty Images\b|\bAP Photo\b|\bFILE PHOTO\b|\bFile Photo\b|"
    r"\(Photo\s*:|\bPHOTO\s*:|\bPhoto credit\b|\bPhotograph:|\bShutterstock\b|\bImage:|"
    r"(?:^|\.\s+)Pictured\s*[,:]|\((?:pictured|above|left|right|centre|center)\))"
)
#: A sentence closed by its full date ("... in Zamfara, Nigeria March 2, 2021.").
_CLOSING_DATE = re.compile(
    r"(?:\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2},?\s+(?:19|20)\d\d"
    r"|\b\d{1,2}\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?,?\s+(?:19|20)\d\d)\.?\s*$"
)
#: The present-tense verbs a caption describes its scene with.
_SCENE_VERB = re.compile(
    r"\b(?:stands?|walks?|sits?|holds?|gathers?|takes? part|looks? on|rides?|carr(?:y|ies)|shouts?|"
    r"chants?|waves?|poses?|attends?|displays?|gestures?|prays?|mourns?|marches|march|demonstrate|"
    r"protest|react|reacts|are seen|is seen|wait|waits|sing|sings|clash|clashes|block|blocks)\b"
)


def is_photo_caption(sentence: str) -> bool:
    """Whether a sentence reads as a photo caption: a photo credit, or a scene in the present
    tense closed by its full date ("Girls ... walk in line after their release in Zamfara,
    Nigeria March 2, 2021.")."""
    text = " ".join(sentence.split())
    if PHOTO_CREDIT.search(text):
        return True
    return bool(_CLOSING_DATE.search(text) and _SCENE_VERB.search(text))
