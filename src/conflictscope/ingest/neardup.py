"""Near-duplicate texts: MinHash signatures over word shingles, LSH band keys, verification.

Syndicated wire copies differ by a headline, a dateline, a byline, an added or
dropped paragraph, an "Updated" line. Their word 5-gram sets stay close in
Jaccard similarity while two different reports of the same wire service, which
share only boilerplate, stay far apart (figures and the command that prints
them: docs/store.md, "Near-duplicate articles").

* :func:`signature_of` turns a text into a :class:`~conflictscope.store.base.TextSignature`:
  a ``datasketch.MinHash`` of :data:`NUM_PERM` permutations over the word
  :data:`SHINGLE`-grams of the normalised text, and :data:`BANDS` LSH band keys
  of :data:`ROWS` rows each. The store indexes the band keys, so finding the
  candidates of a new text is one indexed SQL query.
* :func:`best_match` verifies the candidates: the MinHash estimate of the
  Jaccard similarity must reach the threshold, both texts must have at least
  :data:`MIN_WORDS` words, and their shingle counts must be within the ratio
  that the threshold allows (Jaccard can never exceed ``min/max`` of the set
  sizes, so a pair outside it is a noisy estimate, not a near-duplicate).
* :func:`keeps_first` says which of two near-duplicates is the kept text: the
  one with more words, ties broken by the smaller content hash. The rule looks
  only at the two texts, so the kept text does not depend on ingest order.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from conflictscope.store.base import NearDuplicateCandidate, TextSignature

#: Words per shingle. 5-grams: one changed word touches 5 shingles, so small edits cost
#: little, while the short phrases shared by unrelated reports ("said on Monday") vanish.
SHINGLE = 5
#: MinHash permutations; the similarity estimate has a standard error of
#: sqrt(J(1-J)/NUM_PERM): 0.033 at J = 0.8.
NUM_PERM = 128
#: LSH: BANDS bands of ROWS hash values. A pair of Jaccard J shares at least one band
#: with probability 1-(1-J**ROWS)**BANDS: 0.9999 at J=0.7, 0.998 at 0.65, 0.988 at 0.6,
#: 0.87 at 0.5, 0.23 at 0.3 (those candidates are then rejected by the estimate).
BANDS = 32
ROWS = 4
SEED = 1
#: The default threshold on the estimated Jaccard similarity of word 5-gram sets.
DEFAULT_THRESHOLD = 0.6
#: Texts shorter than this (in words) are never near-duplicates: in a short report one
#: changed number or name is a different event, and few shingles make a noisy estimate.
MIN_WORDS = 50
#: Candidates fetched per lookup (the most shared bands first).
MAX_CANDIDATES = 20
#: Names the parameters above; signatures of another scheme are never compared.
SCHEME = f"w{SHINGLE}-p{NUM_PERM}-b{BANDS}x{ROWS}-s{SEED}-affine32-v1"

if TYPE_CHECKING:
    import numpy as np

_WORD = re.compile(r"\w+")


def words_of(text: str) -> list[str]:
    """The normalised words of ``text``: NFKC, case-folded, runs of letters and digits."""
    return _WORD.findall(unicodedata.normalize("NFKC", text).casefold())


def shingles_of(words: Sequence[str], size: int | None = None) -> set[str]:
    """The distinct word ``size``-grams (default :data:`SHINGLE`; a shorter text is one shingle)."""
    size = size or SHINGLE
    if len(words) <= size:
        return {" ".join(words)} if words else set()
    return {" ".join(words[i:i + size]) for i in range(len(words) - size + 1)}


def jaccard(a: set[str], b: set[str]) -> float:
    """The exact Jaccard similarity of two sets (1.0 for two empty sets)."""
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)


def _minhash(shingles: Iterable[str]) -> np.ndarray:
    import numpy as np
    from datasketch import MinHash

    sketch = MinHash(num_perm=NUM_PERM, seed=SEED, scheme="affine32")
    sketch.update_batch([s.encode("utf-8") for s in shingles])
    return np.asarray(sketch.hashvalues, dtype="<u4")


def band_keys(values: np.ndarray, scheme: str = SCHEME) -> tuple[int, ...]:
    """One signed 64-bit key per band: a hash of the scheme, the band number and its values."""
    keys = []
    for band in range(BANDS):
        chunk = values[band * ROWS:(band + 1) * ROWS].tobytes()
        digest = hashlib.blake2b(chunk, digest_size=8, person=f"b{band}".encode())
        digest.update(scheme.encode())
        keys.append(int.from_bytes(digest.digest(), "big", signed=True))
    return tuple(keys)


def signature_of(text: str) -> TextSignature:
    """The MinHash signature, band keys and sizes of ``text``."""
    words = words_of(text)
    shingles = shingles_of(words)
    values = _minhash(shingles)
    bands = band_keys(values) if len(words) >= MIN_WORDS else ()  # never a near-duplicate
    return TextSignature(scheme=SCHEME, words=len(words), shingles=len(shingles),
                         values=values.tobytes(), bands=bands)


def similarity(a: TextSignature, b: TextSignature) -> float:
    """The MinHash estimate of the Jaccard similarity of two signatures of one scheme."""
    import numpy as np

    if a.scheme != b.scheme:
        return 0.0
    left = np.frombuffer(a.values, dtype="<u4")
    right = np.frombuffer(b.values, dtype="<u4")
    return float(np.count_nonzero(left == right)) / len(left)


@dataclass(frozen=True, slots=True)
class Match:
    """A verified near-duplicate: the stored article and the estimated similarity."""

    candidate: NearDuplicateCandidate
    similarity: float


def comparable(a: TextSignature, b: TextSignature, threshold: float) -> bool:
    """The guards: both texts long enough, shingle counts within the ratio ``threshold`` allows."""
    if a.words < MIN_WORDS or b.words < MIN_WORDS:
        return False
    small, large = sorted((a.shingles, b.shingles))
    return large > 0 and small / large >= threshold


def best_match(signature: TextSignature, candidates: Iterable[NearDuplicateCandidate],
               threshold: float) -> Match | None:
    """The most similar candidate that passes the guards and the threshold, or None.

    Ties go to the candidate kept by :func:`keeps_first`, so the choice does not depend
    on the order the store returned the candidates in.
    """
    best: Match | None = None
    for candidate in candidates:
        if not comparable(signature, candidate.signature, threshold):
            continue
        score = similarity(signature, candidate.signature)
        if score < threshold:
            continue
        if best is None or score > best.similarity or (
            score == best.similarity and _rank(candidate) < _rank(best.candidate)
        ):
            best = Match(candidate, score)
    return best


def _rank(candidate: NearDuplicateCandidate) -> tuple[int, str]:
    return (-candidate.signature.words, candidate.content_hash)


def keeps_first(first: tuple[TextSignature, str], second: tuple[TextSignature, str]) -> bool:
    """Whether the first of two near-duplicate texts ``(signature, content_hash)`` is kept.

    The longer text (more words: it may carry an added paragraph) is kept; equal
    lengths go to the smaller content hash.
    """
    (sig_a, hash_a), (sig_b, hash_b) = first, second
    return (-sig_a.words, hash_a) <= (-sig_b.words, hash_b)


@dataclass(frozen=True, slots=True)
class NearDuplicateSettings:
    """Whether ingest looks for near-duplicates, and the similarity threshold."""

    enabled: bool = True
    threshold: float = DEFAULT_THRESHOLD

    def describe(self) -> str:
        """One line for the journal: ``on, threshold 0.60 (...)`` or ``off``."""
        if not self.enabled:
            return "off"
        return (f"on, threshold {self.threshold:.2f} (estimated Jaccard of word {SHINGLE}-grams; "
                f"texts of at least {MIN_WORDS} words; scheme {SCHEME})")
