"""The embedded default's fine-tuned classifier: all-MiniLM-L6-v2 with its top encoder layers retrained on the
labelled journal passages (ml_models/eval/) and crisis statements (psychology/), one linear head per task.

Only what training changed is stored (the retrained layers and the heads, fp16, a few MB in
ml_models/weights/journal_classifier.safetensors); everything else is the packaged model's own weights. Loading
checks that the file holds exactly the layers it names, with the packaged encoder's shapes.
`manage.py train_default_models` writes it (finetune_train.py). The pipeline blends its sentiment and emotion with
the logistic-regression heads and gives its crisis probability to the crisis detector.
"""

import functools
import hashlib
import json
from pathlib import Path

import numpy as np

from .backends import ModelUnavailable, tokenized_batches
from .chunking import chunk_many, clean_text, weighted_mean
from .registry import packaged_minilm_path

WEIGHTS = Path(__file__).parent / "weights" / "journal_classifier.safetensors"
MAX_TOKENS = 256  # per chunk, special tokens included


def configured_path(choice: str) -> Path | None:
    """The ML_FINETUNED_CLASSIFIER setting: "default", a file, or "off"."""
    if choice.strip().lower() in ("off", "none", "false", "0"):
        return None
    return WEIGHTS if choice.strip() in ("", "default") else Path(choice)


def build(tasks: dict[str, list[str]]):
    """(tokenizer, model) for `tasks` {task: labels}: the packaged MiniLM with fresh heads on mean-pooled tokens."""
    import torch
    from transformers import AutoModel, AutoTokenizer

    path = str(packaged_minilm_path())
    tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
    encoder = AutoModel.from_pretrained(path, local_files_only=True)

    class TaskModel(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.encoder = encoder
            self.dropout = torch.nn.Dropout(0.1)
            width = encoder.config.hidden_size
            self.heads = torch.nn.ModuleDict(
                {task: torch.nn.Linear(width, len(labels)) for task, labels in tasks.items()}
            )

        def forward(self, batch) -> dict:
            hidden = self.encoder(**batch).last_hidden_state
            mask = batch["attention_mask"].unsqueeze(-1).to(hidden.dtype)
            pooled = self.dropout((hidden * mask).sum(1) / mask.sum(1).clamp(min=1))
            return {task: head(pooled) for task, head in self.heads.items()}

    return tokenizer, TaskModel()


@functools.cache
def base_encoder_digest() -> str:
    """The packaged MiniLM's weights file, hashed: the stored layers only fit the lower layers they were trained on."""
    digest = hashlib.sha256()
    with open(packaged_minilm_path() / "model.safetensors", "rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()[:16]


def tuned_state(model, first_tuned_layer: int) -> dict:
    """The parameters training changes: encoder layers from `first_tuned_layer` up, and the heads."""
    prefixes = [f"encoder.encoder.layer.{i}." for i in range(first_tuned_layer, model.encoder.config.num_hidden_layers)]
    return {k: v for k, v in model.state_dict().items() if k.startswith("heads.") or any(map(k.startswith, prefixes))}


class JournalClassifier:
    """Loads the stored layers and heads onto the packaged encoder; predicts every task for whole entries."""

    def __init__(self, path: Path | str = WEIGHTS, device: str = "cpu", batch_size: int = 16, shared_encoder=None):
        """`shared_encoder`: the embedder's own packaged MiniLM, whose untouched lower layers are then used in place
        of a second copy (one copy of the embeddings in memory, not two)."""
        from safetensors import SafetensorError
        from safetensors.torch import load_file

        path = Path(path)
        try:
            data = path.read_bytes()
            meta = _metadata(path)
            self.tasks = json.loads(meta["tasks"])
            state = load_file(str(path))
            installed = base_encoder_digest()
        except (OSError, SafetensorError, KeyError, ValueError) as exc:
            raise ModelUnavailable(f"fine-tuned classifier unreadable at {path}: {exc}") from exc
        if meta.get("base_encoder") != installed:
            raise ModelUnavailable(
                f"fine-tuned classifier at {path} was trained on another base encoder "
                f"({meta.get('base_encoder', 'not recorded')}, installed {installed}): retrain it with "
                "train_default_models"
            )
        try:
            tokenizer, model = build(self.tasks)
            expected = set(tuned_state(model, int(meta["first_tuned_layer"])))
            if set(state) != expected:
                raise ValueError(f"{len(expected - set(state))} tensors missing, {sorted(set(state) - expected)} extra")
            model.load_state_dict({k: v.float() for k, v in state.items()}, strict=False)
        except (OSError, ValueError, RuntimeError) as exc:  # RuntimeError: a shape that does not fit
            raise ModelUnavailable(f"fine-tuned classifier at {path} does not fit the packaged encoder: {exc}") from exc
        if _shareable(shared_encoder, device):
            first = int(meta["first_tuned_layer"])
            model.encoder.embeddings = shared_encoder.embeddings
            for i in range(first):
                model.encoder.encoder.layer[i] = shared_encoder.encoder.layer[i]
        self._setup(tokenizer, model, device, batch_size, meta, f"finetuned:{hashlib.sha256(data).hexdigest()[:12]}")

    @classmethod
    def from_model(cls, tokenizer, model, tasks: dict, meta: dict, device: str = "cpu", batch_size: int = 16):
        """Wrap a model still in memory (training measures it before anything is saved)."""
        self = cls.__new__(cls)
        self.tasks = tasks
        self._setup(tokenizer, model, device, batch_size, meta, "finetuned:unsaved")
        return self

    def _setup(self, tokenizer, model, device, batch_size, meta, version):
        import torch

        self.tokenizer, self.model = tokenizer, model.eval().to(device)
        if device.startswith("cuda"):
            self.model.half()
        self.torch, self.device, self.batch_size = torch, device, batch_size
        self.meta = meta
        self.blend = float(meta.get("blend", 0.5))
        self.crisis_threshold = float(meta.get("crisis_threshold", "inf"))  # no threshold: never flags
        self.version = version
        self.max_tokens = MAX_TOKENS - 2

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer.tokenize(text))

    def predict_chunks(self, chunks: list[str]) -> dict[str, np.ndarray]:
        """Probabilities per chunk and task."""
        out = {task: np.zeros((len(chunks), len(labels)), dtype=np.float32) for task, labels in self.tasks.items()}
        for idx, batch in tokenized_batches(self.tokenizer, chunks, self.batch_size, MAX_TOKENS, self.device):
            with self.torch.inference_mode():
                logits = self.model(batch)
            for task, rows in logits.items():
                out[task][idx] = self.torch.softmax(rows.float(), dim=-1).cpu().numpy()
        return out

    def chunks_of(self, text: str) -> list[str]:
        """The chunks one entry is read in."""
        return chunk_many([clean_text(text) or "."], self.count_tokens, self.max_tokens)[0]

    def crisis_signals(self, predictions: dict[str, np.ndarray]) -> list[tuple[float, float]]:
        """(probability, threshold) per text of `predict()`'s result, as detect_crisis takes them."""
        return [(float(p), self.crisis_threshold) for p in predictions["crisis"][:, 1]]

    def predict(self, texts: list[str]) -> dict[str, np.ndarray]:
        """Per text: sentiment and emotion averaged over its chunks by length; crisis from its most alarming chunk
        (one passage in a long entry is enough)."""
        if not texts:
            return {task: np.zeros((0, len(labels)), dtype=np.float32) for task, labels in self.tasks.items()}
        texts = [clean_text(t) or "." for t in texts]  # as the pipeline cleans them
        chunks, owners, weights = chunk_many(texts, self.count_tokens, self.max_tokens)
        per_chunk = self.predict_chunks(chunks)
        out = {task: weighted_mean(rows, owners, weights, len(texts)) for task, rows in per_chunk.items()}
        if "crisis" in per_chunk:
            rows = per_chunk["crisis"]
            out["crisis"] = np.stack([max(rows[owners == i], key=lambda r: r[1]) for i in range(len(texts))])
        return out


def _shareable(encoder, device: str) -> bool:
    """Only an encoder already on this device, in the dtype used there, can lend its layers: setting up the
    classifier moves and (on CUDA) halves the whole model, which must not change the embedder under it."""
    if encoder is None:
        return False
    import torch

    param, target = next(encoder.parameters()), torch.device(device)
    same_device = param.device.type == target.type and target.index in (None, param.device.index)
    return same_device and param.dtype == (torch.float16 if target.type == "cuda" else torch.float32)


def _metadata(path: Path) -> dict:
    from safetensors import safe_open

    with safe_open(str(path), framework="pt") as f:
        return f.metadata() or {}
