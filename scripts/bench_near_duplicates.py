"""Near-duplicate lookup at scale: fill a SQLite store with N random signatures, then time lookups.

    PYTHONPATH=src python scripts/bench_near_duplicates.py [N] [DB]

Prints the time to compute a signature, the store size per article, and the p50/p95
of one candidate lookup plus verification (docs/store.md, "Near-duplicate articles").
The N filler signatures are random (their band keys collide with nothing); 300 made-up
wire reports are stored with their real signatures, and a copy of 200 of them (an
"Updated" line added) is looked up: each must find its original.
"""

from __future__ import annotations

import os
import random
import sys
import time

import numpy as np

from conflictscope.evaluation import neardup as wire
from conflictscope.ingest import neardup
from conflictscope.models import Article
from conflictscope.store import open_store


def main(n: int = 200_000, path: str = "bench-near-duplicates.db") -> None:
    """Run the benchmark and print its figures."""
    if os.path.exists(path):
        os.remove(path)
    rng = random.Random(1)
    texts = [wire.as_text(wire.wire_report(rng)[0]) for _ in range(300)]
    neardup.signature_of(texts[0])  # load datasketch before the clock starts
    started = time.perf_counter()
    signatures = [neardup.signature_of(text) for text in texts]
    per_text = (time.perf_counter() - started) / len(texts)
    words = sum(len(neardup.words_of(t)) for t in texts) / len(texts)
    print(f"signature: {1000 * per_text:.2f} ms per report of {words:.0f} words")
    store = open_store(path)
    conn = store.connection  # type: ignore[attr-defined]
    generator = np.random.default_rng(0)
    started = time.perf_counter()
    conn.execute("BEGIN")
    for i in range(n):
        aid = f"filler{i:07}"
        values = generator.integers(0, 2**32, neardup.NUM_PERM, dtype=np.uint64).astype("<u4")
        conn.execute("INSERT INTO articles VALUES (?, ?, '', '', NULL, '', '', 'en', 'v', '')",
                     (aid, f"hash{i}"))
        conn.execute("INSERT INTO article_signatures VALUES (?, ?, 230, 226, ?)",
                     (aid, neardup.SCHEME, values.tobytes()))
        conn.executemany("INSERT INTO article_bands VALUES (?, ?, ?)",
                         [(key, aid, band) for band, key in enumerate(neardup.band_keys(values))])
    conn.execute("COMMIT")
    for i, (text, signature) in enumerate(zip(texts, signatures, strict=True)):
        store.save_article(Article(id=f"report{i}", text=text), [], pipeline_version="v",
                           signature=signature)
    print(f"filled {n:,} signatures in {time.perf_counter() - started:.0f} s; "
          f"{os.path.getsize(path) / (n + len(texts)):.0f} bytes per article (empty texts)")
    latencies = []
    for text in texts[:200]:
        copy = neardup.signature_of("Updated 10:00 GMT\n\n" + text)
        started = time.perf_counter()
        candidates = store.near_duplicate_candidates(copy, limit=neardup.MAX_CANDIDATES)
        match = neardup.best_match(copy, candidates, neardup.DEFAULT_THRESHOLD)
        latencies.append(time.perf_counter() - started)
        assert match is not None, "a copy did not find its original"
    latencies.sort()
    print(f"lookup + verification among {n + len(texts):,} stored texts: "
          f"p50 {1000 * latencies[100]:.2f} ms, p95 {1000 * latencies[190]:.2f} ms")
    store.close()


if __name__ == "__main__":
    main(*(int(a) if i == 0 else a for i, a in enumerate(sys.argv[1:])))  # type: ignore[arg-type]
