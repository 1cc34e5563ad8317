"""List training lines that paraphrase a sentence of the dev files too closely.

Third-party text is never training data. A line written for this project may share common
phrasing with news ("fired tear gas to disperse"), but not a dev sentence's particulars: a line
is reported when most of its content words are those of one dev sentence *and* it shares at
least two words that are rare in the dev files (names, counts). Evaluation files are arguments;
nothing of them is kept.

    .venv/bin/python scripts/check_training_overlap.py ../shared/data/dev/*.jsonl \
        [--data src/conflictscope/data] [--share 0.5]

Exit status 1 when a line is reported.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORD = re.compile(r"[a-z0-9]+(?:[,.][0-9]+)*")
SENTENCE_BREAK = re.compile(r"(?<=[.!?])\s+|\n+")
STOP = frozenset(
    "the a an of in on at to and or by for with from as was were is are be been has have had that which who "
    "this it its their his her they he she after before said says over more than into about up out not no but "
    "also least".split()
)
#: A word found in at most this many dev sentences is a particular (a name, a count).
RARE = 20


def content_words(text: str) -> set[str]:
    """The lower-cased words of three or more letters that are not function words."""
    return {w for w in WORD.findall(text.lower()) if w not in STOP and len(w) > 2}


def dev_sentences(paths: list[Path]) -> list[tuple[str, str, set[str]]]:
    """(file name, sentence, content words) of every sentence of every string field of the files."""
    found: list[tuple[str, str, set[str]]] = []
    for path in paths:
        with path.open(encoding="utf-8") as handle:
            for line in handle:
                record = json.loads(line)
                text = " ".join(v for v in record.values() if isinstance(v, str))
                for sentence in SENTENCE_BREAK.split(text):
                    words = content_words(sentence)
                    if len(words) >= 5:
                        found.append((path.name, sentence.strip(), words))
    return found


def training_lines(folder: Path) -> list[tuple[str, int, str]]:
    """(file, line number, text) of every non-comment line of the data folder's .txt files, and of
    every sentence of the title and text of the reports in its .jsonl files (line = the report's)."""
    lines: list[tuple[str, int, str]] = []
    for path in sorted(folder.rglob("*.txt")):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            if line.strip() and not line.startswith("#"):
                lines.append((str(path.relative_to(folder)), number, line.strip()))
    for path in sorted(folder.rglob("*.jsonl")):
        for number, line in enumerate(path.read_text("utf-8").splitlines(), 1):
            report = json.loads(line) if line.strip() else {}
            for part in (report.get("title", ""), report.get("text", "")):
                lines += [(str(path.relative_to(folder)), number, sentence.strip())
                          for sentence in SENTENCE_BREAK.split(part) if sentence.strip()]
    return lines


def overlaps(dev: list[tuple[str, str, set[str]]], lines: list[tuple[str, int, str]],
             share: float) -> list[tuple[float, str, int, str, str, str]]:
    """Training lines whose content words are mostly one dev sentence's, with two of its particulars."""
    index: dict[str, set[int]] = defaultdict(set)
    for sid, (_, _, words) in enumerate(dev):
        for word in words:
            index[word].add(sid)
    frequency = {word: len(ids) for word, ids in index.items()}
    found = []
    for name, number, text in lines:
        words = content_words(text)
        if len(words) < 5:
            continue
        counts: Counter[int] = Counter()
        for word in words:
            if frequency.get(word, 0) <= 2000:  # very common words find every sentence
                counts.update(index.get(word, ()))
        for sid, shared in counts.most_common(3):
            particular = {w for w in words & dev[sid][2] if frequency[w] <= RARE}
            if shared / len(words) >= share and shared >= 4 and len(particular) >= 2:
                found.append((shared / len(words), name, number, text, dev[sid][0], dev[sid][1]))
                break
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dev", nargs="+", type=Path, help="dev files (JSON Lines)")
    parser.add_argument("--data", type=Path, default=ROOT / "src" / "conflictscope" / "data")
    parser.add_argument("--share", type=float, default=0.5, help="share of a line's content words (default 0.5)")
    args = parser.parse_args(argv)
    found = overlaps(dev_sentences(args.dev), training_lines(args.data), args.share)
    for score, name, number, text, dev_name, dev_text in found:
        print(f"{score:.2f} {name}:{number}\n    ours: {text[:160]}\n    dev:  [{dev_name}] {dev_text[:160]}")
    print(f"{len(found)} training lines too close to a dev sentence", file=sys.stderr)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
