"""What the two encoder build scripts share: the classifier over all-MiniLM-L6-v2 and its ONNX export.

``scripts/train_encoder.py`` (the event classes) and ``scripts/train_eventness_encoder.py``
(event or not) fine-tune the same network the same way: mean-pooled, unit-length token
vectors under a linear head, exported whole to int8 ONNX. Both run from the scratch torch
venv (``make train-encoder``), never at run time.
"""

from __future__ import annotations

import random
import tempfile
import time
from pathlib import Path
from typing import Any

import torch

MAX_TOKENS = 128
#: Normalised vectors give small dot products: the head's logits are scaled up.
SCALE = 20.0
BATCH = 16
LABEL_SMOOTHING = 0.05
HEAD_LR = 1e-3


class Classifier(torch.nn.Module):
    """Encoder -> mean pooling -> unit length -> linear head (``n_classes`` logits out)."""

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


def fine_tune(model: Classifier, tokenizer: Any, texts: list[str], targets: list[int], epochs: int, lr: float,
              label: str = "") -> None:
    """Fine-tune encoder and head together: AdamW (``lr`` for the encoder, :data:`HEAD_LR` for the
    head) on a one-cycle schedule, cross-entropy with label smoothing, shuffled batches of
    :data:`BATCH` (``random``'s order: seed it first); progress goes to standard output."""
    steps = epochs * ((len(texts) + BATCH - 1) // BATCH)
    optimizer = torch.optim.AdamW(
        [{"params": model.encoder.parameters(), "lr": lr}, {"params": model.head.parameters(), "lr": HEAD_LR}],
        weight_decay=0.01,
    )
    schedule = torch.optim.lr_scheduler.OneCycleLR(optimizer, max_lr=[lr, HEAD_LR], total_steps=steps, pct_start=0.1)
    loss_of = torch.nn.CrossEntropyLoss(label_smoothing=LABEL_SMOOTHING)
    prefix = f"{label} " if label else ""
    for epoch in range(epochs):
        model.train()
        order = list(range(len(texts)))
        random.shuffle(order)
        started, total = time.time(), 0.0
        for i in range(0, len(order), BATCH):
            chunk = order[i : i + BATCH]
            enc = tokenizer([texts[j] for j in chunk], padding=True, truncation=True, max_length=MAX_TOKENS,
                            return_tensors="pt")
            loss = loss_of(model(enc["input_ids"], enc["attention_mask"]), torch.tensor([targets[j] for j in chunk]))
            optimizer.zero_grad()
            loss.backward()
            optimizer.step()
            schedule.step()
            total += loss.item()
            if (i // BATCH + 1) % 50 == 0:
                print(f"  {prefix}step {i // BATCH + 1}: loss {total:.1f} ({time.time() - started:.0f} s)", flush=True)
        print(f"{prefix}epoch {epoch + 1}/{epochs}: loss {total:.1f} ({time.time() - started:.0f} s)", flush=True)


def export_onnx(model: Classifier, tokenizer: Any, out: Path) -> None:
    """Export the whole network (pooling and head included) to ``out/model.onnx``, int8 per channel."""
    model.eval()
    enc = tokenizer(["Rebels shelled the town.", "Talks resumed in the capital on Monday."], padding=True,
                    return_tensors="pt")
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
            dynamic_axes={"input_ids": {0: "batch", 1: "seq"}, "attention_mask": {0: "batch", 1: "seq"},
                          "logits": {0: "batch"}},
        )
        from onnxruntime.quantization import QuantType, quantize_dynamic

        quantize_dynamic(str(fp32), str(out / "model.onnx"), weight_type=QuantType.QInt8, per_channel=True)
