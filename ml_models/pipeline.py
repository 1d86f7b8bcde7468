"""The analysis pipeline used by the workers and `manage.py analyze`: batched, chunked, loaded once per process."""

import logging
import threading

import numpy as np

from . import backends
from .chunking import chunk_text, clean_text
from .documents import SentenceVectors, embed_documents, head_features
from .registry import ModelSpec, spec_for

logger = logging.getLogger(__name__)


class Pipeline:
    def __init__(
        self, *, sentiment: ModelSpec, emotion: ModelSpec, embedding: ModelSpec, device: str = "auto", embedder=None
    ):
        backends.configure_torch_threads()
        self.device = backends.choose_device(device)
        self.specs = {"sentiment": sentiment, "emotion": emotion, "embedding": embedding}
        self.embedder = embedder or backends.SentenceEmbedder(embedding, self.device)
        heads = None
        self.classifiers = {}
        for task, spec in (("sentiment", sentiment), ("emotion", emotion)):
            if spec.backend == "embedding-head":
                heads = heads or backends.load_heads(spec.source)
                self.classifiers[task] = backends.EmbeddingHead(spec, heads)
            else:
                self.classifiers[task] = backends.HFClassifier(spec, self.device)
        self.versions = {task: spec.version for task, spec in self.specs.items()}
        self.versions["device"] = self.device
        from psychology import crisis

        self._crisis = crisis
        self._sentence_vectors = SentenceVectors(self.embedder)
        self.versions["crisis"] = crisis.version()

    def analyze(self, texts: list[str]) -> list[dict]:
        """Analyse many texts at once; returns one result per text, in order."""
        texts = [clean_text(t) or "." for t in texts]
        docs = embed_documents(self.embedder, texts)
        embeddings = docs.vectors
        self._sentence_vectors.remember(docs)
        features = None

        probs = {}
        for task, clf in self.classifiers.items():
            if isinstance(clf, backends.EmbeddingHead):
                features = head_features(texts, docs) if features is None else features
                probs[task] = clf.predict(features)
            else:
                c_chunks, c_owners, c_weights = self._chunk(texts, clf.count_tokens, clf.max_tokens)
                probs[task] = _weighted_mean(clf.predict(c_chunks), c_owners, c_weights, len(texts))

        results = []
        for i, text in enumerate(texts):
            s = probs["sentiment"][i]
            s = s / s.sum()
            e = probs["emotion"][i]
            e = e / e.sum()
            sent_labels = self.specs["sentiment"].labels
            crisis = self._crisis.detect_crisis(text, embed=self._sentence_vectors)
            results.append(
                {
                    "sentiment": {
                        "label": sent_labels[int(np.argmax(s))],
                        "score": round(float(s[sent_labels.index("positive")] - s[sent_labels.index("negative")]), 4),
                        "probabilities": {label: round(float(p), 4) for label, p in zip(sent_labels, s)},
                    },
                    "emotions": {label: round(float(p), 4) for label, p in zip(self.specs["emotion"].labels, e)},
                    "embedding": embeddings[i],
                    "crisis": crisis.as_dict(),
                }
            )
        self._sentence_vectors.forget()
        return results

    @staticmethod
    def _chunk(texts, count_tokens, max_tokens):
        chunks, owners, weights = [], [], []
        for i, text in enumerate(texts):
            for chunk in chunk_text(text, count_tokens, max_tokens):
                chunks.append(chunk)
                owners.append(i)
                weights.append(max(1, count_tokens(chunk)))
        return chunks, np.array(owners), np.array(weights, dtype=np.float32)


def _weighted_mean(rows: np.ndarray, owners: np.ndarray, weights: np.ndarray, n: int) -> np.ndarray:
    """Average chunk rows per text, weighted by chunk length in tokens."""
    out = np.zeros((n, rows.shape[1]), dtype=np.float32)
    np.add.at(out, owners, rows * weights[:, None])
    totals = np.bincount(owners, weights=weights, minlength=n)[:, None]
    return out / np.where(totals == 0, 1, totals)


_lock = threading.Lock()
_pipeline: Pipeline | None = None
_embedder = None  # loaded alone by a query-only worker; the pipeline adopts it if it is built later


def get_pipeline() -> Pipeline:
    """The process-wide pipeline, built lazily from settings on first use (never in the web process)."""
    global _pipeline
    with _lock:
        if _pipeline is None:
            from django.conf import settings

            d = settings.ML_MODELS_DIR
            _pipeline = Pipeline(
                sentiment=spec_for("sentiment", settings.ML_SENTIMENT_MODEL, d),
                emotion=spec_for("emotion", settings.ML_EMOTION_MODEL, d),
                embedding=spec_for("embedding", settings.ML_EMBEDDING_MODEL, d),
                device=settings.ML_DEVICE,
                embedder=_embedder,
            )
        return _pipeline


def get_embedder() -> backends.SentenceEmbedder:
    """The embedding model alone: all a search-query worker needs (the classifiers may be large on a GPU box)."""
    global _embedder
    with _lock:
        if _pipeline is not None:
            return _pipeline.embedder
        if _embedder is None:
            from django.conf import settings

            backends.configure_torch_threads()
            spec = spec_for("embedding", settings.ML_EMBEDDING_MODEL, settings.ML_MODELS_DIR)
            _embedder = backends.SentenceEmbedder(spec, backends.choose_device(settings.ML_DEVICE))
        return _embedder


def reset_pipeline() -> None:
    global _pipeline, _embedder
    with _lock:
        _pipeline = _embedder = None
