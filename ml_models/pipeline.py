"""The analysis pipeline used by the workers and `manage.py analyze`: batched, chunked, loaded once per process."""

import logging
import threading

import numpy as np

from . import backends, finetuned
from .chunking import chunk_many, clean_text, weighted_mean
from .documents import SentenceVectors, embed_documents, head_features
from .registry import ModelSpec, packaged_minilm_path, spec_for

logger = logging.getLogger(__name__)


def _fits_the_column(embedder):
    """Entries store 384-d vectors: another size would fail every write, far from its cause; refuse it at load."""
    from entries.models import EMBEDDING_DIM

    if embedder.dim != EMBEDDING_DIM:
        raise backends.ModelUnavailable(
            f"embedding model {embedder.spec.source} gives {embedder.dim}-d vectors; entries store {EMBEDDING_DIM}-d"
        )
    return embedder


class Pipeline:
    def __init__(
        self,
        *,
        sentiment: ModelSpec,
        emotion: ModelSpec,
        embedding: ModelSpec,
        device: str = "auto",
        embedder=None,
        classifier_path=finetuned.WEIGHTS,
    ):
        backends.configure_torch_threads()
        self.device = backends.choose_device(device)
        self.specs = {"sentiment": sentiment, "emotion": emotion, "embedding": embedding}
        self.embedder = _fits_the_column(embedder or backends.SentenceEmbedder(embedding, self.device))
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
        # The fine-tuned classifier: blended into the default heads, and a signal for the crisis detector.
        self.classifier, self.blended = None, []
        if classifier_path is not None:
            shared = self.embedder.model[0].auto_model if embedding.source == str(packaged_minilm_path()) else None
            self.classifier = finetuned.JournalClassifier(classifier_path, self.device, shared_encoder=shared)
            self.blended = [t for t, c in self.classifiers.items() if isinstance(c, backends.EmbeddingHead)]
            for task in self.blended:
                self.versions[task] += f"+{self.classifier.version}"
            self.versions["crisis"] += f"+{self.classifier.version}"

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
                c_chunks, c_owners, c_weights = chunk_many(texts, clf.count_tokens, clf.max_tokens)
                probs[task] = weighted_mean(clf.predict(c_chunks), c_owners, c_weights, len(texts))
        model = self.classifier.predict(texts) if self.classifier else {}
        signals = self.classifier.crisis_signals(model) if model else None
        if model:
            b = self.classifier.blend
            for task in self.blended:
                probs[task] = (1 - b) * probs[task] + b * model[task]

        results = []
        for i, text in enumerate(texts):
            s = probs["sentiment"][i]
            s = s / s.sum()
            e = probs["emotion"][i]
            e = e / e.sum()
            sent_labels = self.specs["sentiment"].labels
            crisis = self._crisis.detect_crisis(
                text,
                embed=self._sentence_vectors,
                classifier=signals[i] if signals else None,
            )
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
                classifier_path=finetuned.configured_path(settings.ML_FINETUNED_CLASSIFIER),
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
            _embedder = _fits_the_column(backends.SentenceEmbedder(spec, backends.choose_device(settings.ML_DEVICE)))
        return _embedder


def reset_pipeline() -> None:
    global _pipeline, _embedder
    with _lock:
        _pipeline = _embedder = None
