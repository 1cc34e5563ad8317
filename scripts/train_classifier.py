"""Train the clause classifier from the packaged example sentences; write model.json.

Usage: ``make train-classifier``, or ``.venv/bin/python scripts/train_classifier.py [--out PATH] [--c 4.0]``
(a developer build step: scikit-learn comes with the dev extra; nothing here runs at setup).

Multinomial logistic regression (scikit-learn) over the features of
``conflictscope.classify.features``, trained on every ``examples_*.txt`` sentence
(each with two padded copies). Deterministic: lbfgs, fixed fold seed.

Calibration, and which split does what:

- **fit**: the temperature is fitted (log-loss, bounded to 0.2-5) on the
  *out-of-file* predictions of the examples: each examples file, in a noised copy
  (``_noisy``: words dropped, an unrelated sentence around it), predicted by a
  model trained on the other files.
- **report (cross-validated)**: the same out-of-file predictions, with each file's
  temperature fitted on the other files only: log-loss, ECE and accuracy of the
  part not fitted on.
- **report (held-out)**: ``heldout_snippets.txt`` is never trained or fitted on;
  accuracy, log-loss and ECE of the final model on it at the fitted temperature.

The strong-cue rule precisions (``rule_precision``) are counted on the examples
only; how often the strong cues are right on the held-out snippets is printed as a
check. The refine precision is counted on 5-fold out-of-fold predictions.
``model.json`` records the parameters and ``training_data.sha256``
(``conflictscope.classify.examples.training_data_hash``); a test fails when it is
not the hash of the current files.
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np
import sklearn
from scipy.optimize import minimize_scalar
from scipy.sparse import csr_matrix
from sklearn.linear_model import LogisticRegression
from sklearn.metrics import classification_report
from sklearn.model_selection import StratifiedKFold

from conflictscope.classify.examples import (
    load_examples_with_source,
    load_heldout,
    training_data_hash,
    training_data_record,
)
from conflictscope.classify.features import featurize
from conflictscope.classify.labels import LABELS
from conflictscope.classify.rules import STRONG_CUES, refine, strong_cue

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src/conflictscope/data/classifier/model.json"
FOLDS = 5
FOLD_SEED = 13
TEMPERATURE_BOUNDS = (0.2, 5.0)


_PADDING = (
    ("", ", officials said."),
    ("Reports say ", "."),
    ("CAPITAL, March 3 (News Agency) - ", ", according to local media."),
    ("", ", the ministry said in a statement on Tuesday, amid rising tension in the region."),
    ("On Saturday, ", ", a spokesman told reporters."),
)


def _augment(label: str, sentence: str, index: int) -> list[tuple[str, str]]:
    """The sentence plus two padded variants: datelines, attributions, neutral context."""
    body = sentence.rstrip(".")
    lowered = body[0].lower() + body[1:] if body[:2].istitle() else body
    variants = [(label, sentence)]
    for k in (index % len(_PADDING), (index + 2) % len(_PADDING)):
        before, after = _PADDING[k]
        variants.append((label, before + (lowered if before else body) + after))
    return variants


def _noisy(sentence: str, index: int, fillers: list[str]) -> str:
    """A rougher copy of a sentence, like a real snippet: words dropped, unrelated text around.

    Real reports are longer and messier than our sentences (a headline run into
    the lead, a second unrelated clause, clipped words); the temperature is fitted
    on such copies so that confidence is not that of clean text.
    """
    rng = np.random.default_rng(index)
    words = sentence.split()
    kept = [w for w in words if rng.random() > 0.15] or words
    filler = fillers[int(rng.integers(len(fillers)))] if fillers else ""
    return f"{' '.join(kept)} {filler}" if rng.random() < 0.5 else f"{filler} {' '.join(kept)}"


def _softmax(z: np.ndarray) -> np.ndarray:
    p = np.exp(z - z.max(axis=1, keepdims=True))
    return p / p.sum(axis=1, keepdims=True)


def _matrix(rows: list[list[str]], index: dict[str, int]) -> csr_matrix:
    data, cols, ptr = [], [], [0]
    for feats in rows:
        seen = sorted({index[f] for f in feats if f in index})
        cols.extend(seen)
        data.extend([1.0] * len(seen))
        ptr.append(len(cols))
    return csr_matrix((data, cols, ptr), shape=(len(rows), len(index)))


def _fit(rows: list[list[str]], y: np.ndarray, c: float) -> tuple[LogisticRegression, dict[str, int]]:
    index: dict[str, int] = {}
    for feats in rows:
        for f in feats:
            if f != "bias":
                index.setdefault(f, len(index))
    model = LogisticRegression(C=c, max_iter=3000, class_weight="balanced")
    model.fit(_matrix(rows, index), y)
    return model, index


def _nll(temperature: float, logits: np.ndarray, y: np.ndarray) -> float:
    z = logits / temperature
    z = z - z.max(axis=1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=1, keepdims=True))
    return float(-logp[np.arange(len(y)), y].mean())


def _ece(probs: np.ndarray, y: np.ndarray, bins: int = 10) -> float:
    conf = probs.max(axis=1)
    correct = probs.argmax(axis=1) == y
    total = 0.0
    for low in np.linspace(0, 1, bins, endpoint=False):
        mask = (conf > low) & (conf <= low + 1 / bins)
        if mask.any():
            total += mask.mean() * abs(conf[mask].mean() - correct[mask].mean())
    return total


def _log_softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=1, keepdims=True))


def _fit_temperature(logits: np.ndarray, y: np.ndarray) -> float:
    best = minimize_scalar(_nll, bounds=TEMPERATURE_BOUNDS, args=(logits, y), method="bounded")
    return float(best.x)


def _figures(log_probs: np.ndarray, y: np.ndarray) -> str:
    """Log-loss, ECE and accuracy of log-probabilities against gold class indices."""
    probs = np.exp(log_probs)
    log_loss = float(-log_probs[np.arange(len(y)), y].mean())
    return f"log-loss {log_loss:.3f}, ECE {_ece(probs, y):.3f}, accuracy {np.mean(probs.argmax(axis=1) == y):.3f}"


def main() -> None:
    """Cross-validate, fit the temperature, train on everything, write the JSON model."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--c", type=float, default=4.0)
    args = parser.parse_args()

    data_hash = training_data_hash()
    rows_with_source = load_examples_with_source()
    examples = [(label, sentence) for label, sentence, _ in rows_with_source]
    sources = [source for _, _, source in rows_with_source]
    label_index = {label: i for i, label in enumerate(LABELS)}
    sentences = [s for _, s in examples]
    y = np.array([label_index[label] for label, _ in examples])
    print(f"{len(examples)} examples, {len(set(y))} classes; training data sha256 {data_hash}")

    logits = np.zeros((len(y), len(LABELS)))
    folds = StratifiedKFold(n_splits=FOLDS, shuffle=True, random_state=FOLD_SEED)
    for train, test in folds.split(sentences, y):
        aug = [v for i in train for v in _augment(LABELS[y[i]], sentences[i], i)]
        rows = [featurize(s) for _, s in aug]
        model, index = _fit(rows, np.array([label_index[lab] for lab, _ in aug]), args.c)
        full = np.zeros((len(test), len(LABELS)))
        full[:] = -30.0
        full[:, model.classes_] = model.decision_function(_matrix([featurize(sentences[i]) for i in test], index))
        logits[test] = full
    # Out-of-file predictions: each batch of examples (written in its own style)
    # predicted by a model trained on the others. Real news differs from our
    # sentences more than our folds differ from each other, so the temperature is
    # fitted on these harder, style-shifted predictions of noised copies (``_noisy``).
    fillers = [s for label, s in examples if label == "NONE"]
    shifted = np.zeros((len(y), len(LABELS)))
    for source in sorted(set(sources)):
        test = [i for i, s in enumerate(sources) if s == source]
        train = [i for i, s in enumerate(sources) if s != source]
        aug = [v for i in train for v in _augment(LABELS[y[i]], sentences[i], i)]
        model, index = _fit([featurize(s) for _, s in aug], np.array([label_index[lab] for lab, _ in aug]), args.c)
        full = np.full((len(test), len(LABELS)), -30.0)
        noisy = [_noisy(sentences[i], i, fillers) for i in test]
        full[:, model.classes_] = model.decision_function(_matrix([featurize(s) for s in noisy], index))
        shifted[test] = full
    aug = [v for i, (label, s) in enumerate(examples) for v in _augment(label, s, i)]
    rows = [featurize(s) for _, s in aug]
    model, index = _fit(rows, np.array([label_index[lab] for lab, _ in aug]), args.c)
    if list(model.classes_) != list(range(len(LABELS))):
        raise SystemExit("every label needs at least one example")
    # The temperature is fitted on the out-of-file predictions of noised copies
    # (style-shifted and rougher, as real news is) and on nothing else.
    temperature = _fit_temperature(shifted, y)
    # Reported on parts not fitted on: each file's out-of-file predictions at a
    # temperature fitted on the other files (cross-validated), and the held-out snippets.
    cv_logp = np.zeros_like(shifted)
    cv_temperatures = []
    for source in sorted(set(sources)):
        test = np.array([s == source for s in sources])
        t_other = _fit_temperature(shifted[~test], y[~test])
        cv_temperatures.append(t_other)
        cv_logp[test] = _log_softmax(shifted[test] / t_other)
    print(f"temperature {temperature:.3f}, fitted on the out-of-file predictions of all {len(y)} examples")
    print(
        f"calibration, cross-validated over {len(set(sources))} files (temperature {min(cv_temperatures):.2f}-"
        f"{max(cv_temperatures):.2f} fitted on the other files): {_figures(cv_logp, y)}"
    )
    heldout = load_heldout()
    hy = np.array([label_index[label] for label, _ in heldout], dtype=int)
    if len(heldout):
        hlogits = model.decision_function(_matrix([featurize(s) for _, s in heldout], index))
        hlogp = _log_softmax(hlogits / temperature)
        print(
            f"calibration, held-out snippets ({len(heldout)}, never trained or fitted on): {_figures(hlogp, hy)}; "
            f"mean confidence {np.exp(hlogp).max(axis=1).mean():.3f}"
        )
    z = logits / temperature
    probs = np.exp(z - z.max(axis=1, keepdims=True))
    probs /= probs.sum(axis=1, keepdims=True)
    pred = probs.argmax(axis=1)
    print(f"{FOLDS}-fold cross-validated accuracy on the clean examples {np.mean(pred == y):.3f}")
    print(classification_report(y, pred, labels=list(range(len(LABELS))), target_names=list(LABELS), zero_division=0))

    coef = model.coef_.T  # (features, classes)
    names = sorted(index, key=index.__getitem__)
    keep = [i for i in range(len(names)) if np.abs(coef[i]).max() >= 1e-3]
    # precision of the codebook rules where they change the model's class (held-out)
    changed = [
        (refine(LABELS[p], s.lower(), s.lower(), s.lower()), LABELS[g])
        for p, g, s in zip(pred, y, sentences, strict=True)
        if LABELS[p] != "NONE" and refine(LABELS[p], s.lower(), s.lower(), s.lower()) != LABELS[p]
    ]
    refine_precision = round((sum(a == b for a, b in changed) + 1) / (len(changed) + 2), 3)
    print(f"codebook rules changed {len(changed)} out-of-fold predictions; precision {refine_precision}")
    rule_precision = {}
    for code in STRONG_CUES:
        hits = [label for label, s in examples if strong_cue(s.lower()) == code]
        # Laplace-smoothed precision of the rule on our example sentences
        rule_precision[code] = round((sum(h == code for h in hits) + 1) / (len(hits) + 2), 3)
    print("rule precision (examples):", rule_precision)
    held_hits = [(strong_cue(s.lower()), label) for label, s in heldout if strong_cue(s.lower())]
    right = sum(cue == gold for cue, gold in held_hits)
    print(f"strong cues on the held-out snippets: {right}/{len(held_hits)} right (reported only)")
    payload = {
        "format": "conflictscope-linear-v1",
        "labels": list(LABELS),
        "temperature": round(temperature, 4),
        "intercept": [round(float(v), 4) for v in model.intercept_],
        "features": {names[i]: row for row, i in enumerate(keep)},
        "weights": [[round(float(v), 4) for v in coef[i]] for i in keep],
        "rule_precision": {**rule_precision, "refine": refine_precision},
        "trained_on": len(examples),
        "training_data": training_data_record(len(examples)),
        "parameters": {
            "script": "scripts/train_classifier.py",
            "make_target": "train-classifier",
            "c": args.c,
            "class_weight": "balanced",
            "folds": FOLDS,
            "fold_seed": FOLD_SEED,
            "temperature_fit": "out-of-file predictions of noised example copies",
            "temperature_bounds": list(TEMPERATURE_BOUNDS),
            "sklearn": sklearn.__version__,
        },
    }
    args.out.write_text(json.dumps(payload, separators=(",", ":")), encoding="utf-8")
    print(f"wrote {args.out} ({args.out.stat().st_size // 1024} KiB, {len(keep)} features)")


if __name__ == "__main__":
    main()
