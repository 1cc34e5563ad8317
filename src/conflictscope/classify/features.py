"""Features of a clause for the linear model: the same code at training and run time.

Plain Python over the text (no spaCy), so the training script needs no parser and
the stage pays a few microseconds per clause: lower-cased crude stems, stem
bigrams, cue-lexicon hits and actor-kind words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from conflictscope.classify.cues import cue_codes

_TOKEN = re.compile(r"[a-z]+(?:['-][a-z]+)*|\d+")
_SUFFIXES = ("ings", "ing", "ies", "ied", "ed", "es", "s")

#: Words that name state forces (ACLED inter 1) when the actor stage gives nothing.
STATE_WORDS = re.compile(
    r"\b(?:government|govt|regime|army|armies|troops|soldiers?|military|police(?:men)?|"
    r"security forces|armed forces|national guard|gendarm\w*|loyalists?|pro-government|"
    r"federal forces|state forces|forces loyal to|army's|defence forces|defense forces|marines|"
    r"navy|air force|officers?|authorities|peacekeepers?|coalition|troopers|commandos|paratroopers|"
    r"special forces|battalions?|brigades?)\b"
)
#: Words that name non-state armed actors.
NON_STATE_WORDS = re.compile(
    r"\b(?:rebels?|militants?|insurgents?|jihadists?|jihadist group|terrorists?|gunmen|"
    r"militias?|militiamen|separatists?|fighters|opposition|islamic state|isis|isil|daesh|"
    r"taliban|al-shabaab|shabaab|boko haram|houthis?|hamas|hezbollah|qaeda|bandits|"
    r"armed group|guerrillas?|mujahideen|extremists?|rebel|insurgent|militant)\b"
)


_IS_GROUP = re.compile(r"\bIS\b")


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude stem: lower-cased, digits folded, a common suffix stripped."""
    if word.isdigit():
        return "<num>"
    for suffix in _SUFFIXES:
        if len(word) > len(suffix) + 3 and word.endswith(suffix):
            return word[: -len(suffix)]
    return word


def tokens(text: str) -> list[str]:
    """Stems of the words of ``text``."""
    return [stem(t) for t in _TOKEN.findall(text.lower())]


def featurize(
    text: str,
    context: str = "",
    context_cues: list[str] | None = None,
    own_cues: list[str] | None = None,
) -> list[str]:
    """Feature names of a clause; ``context`` (the whole sentence) adds ``ctx:`` features.

    ``context_cues`` may pass the context's cue codes when the caller has them already;
    ``own_cues`` the text's own (or, with a context, the codes to look for in it).
    """
    lowered = text.lower()
    stems = tokens(lowered)
    feats = [f"w:{s}" for s in stems]
    feats.extend(f"b:{a}_{b}" for a, b in zip(stems, stems[1:], strict=False))
    if own_cues is not None and not (context and context != text):
        codes_here = own_cues
    else:
        codes_here = cue_codes(lowered, own_cues if own_cues is not None else context_cues)
    feats.extend(f"cue:{code}" for code in codes_here)
    if STATE_WORDS.search(lowered):
        feats.append("actor:state")
    if NON_STATE_WORDS.search(lowered) or _IS_GROUP.search(text):
        feats.append("actor:nonstate")
    if context and context != text:
        codes = context_cues if context_cues is not None else cue_codes(context.lower())
        feats.extend(f"ctx:{code}" for code in codes)
    feats.append("bias")
    return feats
