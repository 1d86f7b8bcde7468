"""Model backends. Each loads from a local folder only (never a hub) and works on batches of chunks."""

import json
import logging
import math
import os
from pathlib import Path

import numpy as np

logger = logging.getLogger(__name__)


class ModelUnavailable(RuntimeError):
    """A model folder is missing or unreadable: a configuration fault, not a transient one."""


def choose_device(preference: str = "auto") -> str:
    import torch

    if preference not in ("", "auto"):
        return preference
    return "cuda" if torch.cuda.is_available() else "cpu"


CGROUP_CPU_MAX = Path("/sys/fs/cgroup/cpu.max")


def available_cpus(cpu_max: Path = CGROUP_CPU_MAX) -> int:
    """Cores this process may use: its CPU affinity, capped by a container's CPU quota (cgroup v2 `cpu.max`)."""
    try:
        cpus = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cpus = os.cpu_count() or 1
    try:
        quota, period = cpu_max.read_text().split()[:2]
        if quota != "max":
            cpus = min(cpus, math.ceil(int(quota) / int(period)))
    except (OSError, ValueError):
        pass
    return max(1, cpus)


def torch_threads() -> int:
    """ML_TORCH_THREADS, else the cores shared out among the worker's pool processes (ML_POOL_PROCESSES, which
    ml_models.signals sets from `-c`): two processes with a thread per core each fight over the cores and analyse
    a backlog at less than half the speed (bench/worker_threads_bench.py)."""
    explicit = int(os.environ.get("ML_TORCH_THREADS", "0") or 0)
    processes = max(1, int(os.environ.get("ML_POOL_PROCESSES", "1") or 1))
    return explicit or max(1, available_cpus() // processes)


def configure_torch_threads() -> None:
    import torch

    torch.set_num_threads(torch_threads())


class SentenceEmbedder:
    """sentence-transformers model; L2-normalised embeddings."""

    def __init__(self, spec, device: str):
        from sentence_transformers import SentenceTransformer

        if not Path(spec.source).is_dir():
            raise ModelUnavailable(f"embedding model folder not found: {spec.source}")
        try:
            self.model = SentenceTransformer(spec.source, device=device, local_files_only=True)
        except Exception as exc:
            raise ModelUnavailable(f"could not load embedding model from {spec.source}: {exc}") from exc
        if device.startswith("cuda"):
            self.model.half()
        self.spec = spec
        self.max_tokens = min(spec.max_tokens, self.model.max_seq_length) - 2
        self.dim = self.model.get_sentence_embedding_dimension()

    def count_tokens(self, text: str) -> int:
        return len(self.model.tokenizer.tokenize(text))

    def encode(self, texts: list[str], batch_size: int | None = None) -> np.ndarray:
        vectors = self.model.encode(
            texts,
            batch_size=batch_size or self.spec.batch_size,
            normalize_embeddings=True,
            convert_to_numpy=True,
            show_progress_bar=False,
        )
        return vectors.astype(np.float32)


class HFClassifier:
    """transformers sequence classification from a local folder, mapped onto our label set."""

    def __init__(self, spec, device: str):
        import torch
        from transformers import AutoModelForSequenceClassification, AutoTokenizer

        path = Path(spec.source)
        if not (path / "config.json").is_file():
            raise ModelUnavailable(f"{spec.task} model not found in {path} (run `manage.py download_models`)")
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(path, local_files_only=True)
            self.model = AutoModelForSequenceClassification.from_pretrained(path, local_files_only=True)
        except Exception as exc:
            raise ModelUnavailable(f"could not load {spec.task} model from {path}: {exc}") from exc
        self.model.eval().to(device)
        if device.startswith("cuda"):
            self.model.half()
        self.torch, self.device, self.spec = torch, device, spec
        id2label = self.model.config.id2label
        names = [spec.label_map.get(id2label[i], id2label[i]).lower() for i in range(len(id2label))]
        missing = set(spec.labels) - set(names)
        if missing:
            raise ModelUnavailable(f"{path} lacks labels {sorted(missing)}; it has {names}")
        self.order = [names.index(label) for label in spec.labels]
        limit = getattr(self.tokenizer, "model_max_length", spec.max_tokens) or spec.max_tokens
        self.max_tokens = min(spec.max_tokens, limit, 10_000) - 2

    def count_tokens(self, text: str) -> int:
        return len(self.tokenizer.tokenize(text))

    def predict(self, texts: list[str], _embeddings=None) -> np.ndarray:
        out = np.zeros((len(texts), len(self.spec.labels)), dtype=np.float32)
        max_length = self.max_tokens + 2
        for idx, batch in tokenized_batches(self.tokenizer, texts, self.spec.batch_size, max_length, self.device):
            with self.torch.inference_mode():
                logits = self.model(**batch).logits.float()
            out[idx] = self.torch.softmax(logits, dim=-1).cpu().numpy()[:, self.order]
        return out


def tokenized_batches(tokenizer, texts: list[str], batch_size: int, max_length: int, device: str):
    """(indices, tokenized batch) over `texts` taken in order of length, so that batches carry little padding."""
    order = np.argsort([len(t) for t in texts], kind="stable")
    for start in range(0, len(texts), batch_size):
        idx = order[start : start + batch_size]
        batch = tokenizer(
            [texts[i] for i in idx], padding=True, truncation=True, max_length=max_length, return_tensors="pt"
        )
        yield idx, batch.to(device)


class EmbeddingHead:
    """The embedded default: multinomial logistic regression over sentence-level MiniLM and VADER features.

    Trained by `manage.py train_default_models` from ml_models/eval/journal_eval.jsonl (train split only).
    """

    def __init__(self, spec, heads: dict):
        self.spec = spec
        head = heads[spec.task]
        if tuple(head["labels"]) != tuple(spec.labels):
            raise ModelUnavailable(f"default {spec.task} head has labels {head['labels']}")
        self.coef = np.asarray(head["coef"], dtype=np.float32)
        self.intercept = np.asarray(head["intercept"], dtype=np.float32)
        self.mean = np.asarray(head["mean"], dtype=np.float32)
        self.scale = np.asarray(head["scale"], dtype=np.float32)
        self.max_tokens = None  # follows the embedder's chunks

    def predict(self, features: np.ndarray) -> np.ndarray:
        features = (features - self.mean) / self.scale
        logits = features @ self.coef.T + self.intercept
        logits -= logits.max(axis=1, keepdims=True)
        probs = np.exp(logits)
        return probs / probs.sum(axis=1, keepdims=True)


_vader = None


def vader_scores(texts: list[str]) -> np.ndarray:
    global _vader
    if _vader is None:
        from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

        _vader = SentimentIntensityAnalyzer()
    rows = [_vader.polarity_scores(t) for t in texts]
    return np.array([[r["neg"], r["neu"], r["pos"], r["compound"]] for r in rows], dtype=np.float32)


def load_heads(path: str) -> dict:
    try:
        return json.loads(Path(path).read_text())
    except (OSError, ValueError) as exc:
        raise ModelUnavailable(
            f"default heads unreadable at {path}: {exc} (run `manage.py train_default_models`)"
        ) from exc
