"""Near-duplicate signatures in the store (docs/store.md, "Near-duplicate articles").

Mixed into :class:`~conflictscope.store.sql.SqlStore`: a text's MinHash signature and LSH band
keys (``article_signatures``, ``article_bands``), the indexed candidate look-up, and the pass
over stored texts that lack a signature.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

from conflictscope.store.base import NearDuplicateCandidate, TextSignature


class SignatureStore:
    """Signature reads and writes in portable SQL (needs ``SqlStore``'s plumbing)."""

    _exec: Any
    _many: Any
    _all: Any
    _one: Any
    transaction: Any

    def _put_signature(self, article_id: str, signature: TextSignature | None) -> None:
        self._exec("DELETE FROM article_bands WHERE article_id = ?", (article_id,))
        self._exec("DELETE FROM article_signatures WHERE article_id = ?", (article_id,))
        if signature is None:
            return
        self._exec("INSERT INTO article_signatures VALUES (?, ?, ?, ?, ?)",
                   (article_id, signature.scheme, signature.words, signature.shingles,
                    signature.values))
        self._many("INSERT INTO article_bands VALUES (?, ?, ?) ON CONFLICT DO NOTHING",
                   [(key, article_id, band) for band, key in enumerate(signature.bands)])

    def put_signature(self, article_id: str, signature: TextSignature) -> None:
        """Store (or replace) the near-duplicate signature of a stored article."""
        with self.transaction():
            if self._one("SELECT 1 FROM articles WHERE article_id = ?", (article_id,)):
                self._put_signature(article_id, signature)

    def near_duplicate_candidates(
        self, signature: TextSignature, *, exclude_hash: str = "", limit: int = 20
    ) -> list[NearDuplicateCandidate]:
        """Stored texts sharing at least one LSH band with ``signature``, most bands first.

        One indexed query over ``article_bands`` (primary key ``band_key, article_id``);
        only the ``limit`` best candidates' signatures are read. ``exclude_hash`` leaves
        out the stored copy of the text itself.
        """
        if not signature.bands:
            return []
        marks = ", ".join("?" for _ in signature.bands)
        found = self._all(
            "SELECT c.article_id, a.content_hash, s.scheme, s.words, s.shingles, s.signature, "
            "c.shared FROM (SELECT article_id, COUNT(*) AS shared FROM article_bands "
            f"WHERE band_key IN ({marks}) GROUP BY article_id "
            "ORDER BY shared DESC, article_id LIMIT ?) c "
            "JOIN article_signatures s ON s.article_id = c.article_id "
            "JOIN articles a ON a.article_id = c.article_id "
            "WHERE s.scheme = ? AND a.content_hash <> ? ORDER BY c.shared DESC, c.article_id",
            (*signature.bands, limit, signature.scheme, exclude_hash),
        )
        out = []
        for aid, digest, scheme, words, shingles, values, shared in found:
            stored = TextSignature(scheme, int(words), int(shingles), bytes(values), ())
            out.append(NearDuplicateCandidate(aid, digest, stored, int(shared)))
        return out

    def get_signature(self, article_id: str) -> TextSignature | None:
        """The stored near-duplicate signature of an article (with its band keys), or None."""
        row = self._one("SELECT scheme, words, shingles, signature FROM article_signatures "
                        "WHERE article_id = ?", (article_id,))
        if row is None:
            return None
        bands = self._all("SELECT band, band_key FROM article_bands WHERE article_id = ? "
                          "ORDER BY band", (article_id,))
        return TextSignature(row[0], int(row[1]), int(row[2]), bytes(row[3]),
                             tuple(int(key) for _, key in bands))

    def texts_without_signature(self, scheme: str, *, batch: int = 200) -> Iterator[tuple[str, str]]:
        """``(article_id, text)`` of stored articles with no signature of ``scheme``, by id.

        Read in pages by id, so the caller may write signatures while iterating.
        """
        after = ""
        while True:
            page = self._all(
                "SELECT a.article_id, a.text FROM articles a LEFT JOIN article_signatures s "
                "ON s.article_id = a.article_id WHERE a.article_id > ? "
                "AND (s.article_id IS NULL OR s.scheme <> ?) ORDER BY a.article_id LIMIT ?",
                (after, scheme, batch))
            if not page:
                return
            yield from ((row[0], row[1]) for row in page)
            after = page[-1][0]

