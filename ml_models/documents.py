"""Document embeddings from sentence embeddings: one encoder pass serves search, the default heads and the
crisis detector (which compares single sentences with its prototypes)."""

from dataclasses import dataclass

import numpy as np

from .chunking import split_pieces


@dataclass
class EmbeddedDocuments:
    vectors: np.ndarray  # (n, d) token-weighted mean of sentence vectors, L2-normalised
    pieces: list[str]  # every sentence (over-long ones split) of every text
    piece_vectors: np.ndarray  # (m, d)
    owners: np.ndarray  # (m,) index of the text each piece belongs to


def embed_documents(embedder, texts: list[str]) -> EmbeddedDocuments:
    """Embed every sentence of every text in one batched call."""
    pieces, owners, weights = [], [], []
    for i, text in enumerate(texts):
        for piece in split_pieces(text, embedder.count_tokens, embedder.max_tokens) or [text or "."]:
            pieces.append(piece)
            owners.append(i)
            weights.append(max(1, embedder.count_tokens(piece)))
    piece_vectors = embedder.encode(pieces)
    owners_arr, weights_arr = np.array(owners), np.array(weights, dtype=np.float32)
    vectors = np.zeros((len(texts), piece_vectors.shape[1]), dtype=np.float32)
    np.add.at(vectors, owners_arr, piece_vectors * weights_arr[:, None])
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return EmbeddedDocuments(vectors / np.where(norms == 0, 1, norms), pieces, piece_vectors, owners_arr)


def head_features(texts: list[str], docs: EmbeddedDocuments) -> np.ndarray:
    """Inputs of the default heads: mean and max-pooled sentence vectors, VADER on the text and the min/max of
    VADER over its sentences (one strongly negative sentence matters even in a mostly calm entry)."""
    from .backends import vader_scores

    n, d = len(texts), docs.piece_vectors.shape[1]
    max_pool = np.full((n, d), -np.inf, dtype=np.float32)
    np.maximum.at(max_pool, docs.owners, docs.piece_vectors)
    piece_vader = vader_scores(docs.pieces)
    vader_min = np.full((n, 4), np.inf, dtype=np.float32)
    vader_max = np.full((n, 4), -np.inf, dtype=np.float32)
    np.minimum.at(vader_min, docs.owners, piece_vader)
    np.maximum.at(vader_max, docs.owners, piece_vader)
    return np.hstack([docs.vectors, max_pool, vader_scores(texts), vader_min, vader_max]).astype(np.float32)


class SentenceVectors:
    """An embed() callable for the crisis detector that reuses the sentence vectors of the current batch."""

    def __init__(self, embedder):
        self.embedder = embedder
        self.known: dict[str, np.ndarray] = {}

    @staticmethod
    def _key(sentence: str) -> str:
        # The detector quotes sentences without their closing punctuation; the vectors barely differ.
        return " ".join(sentence.split()).rstrip(".!?…;:,'\" ").lower()

    def remember(self, docs: EmbeddedDocuments) -> None:
        self.known = {self._key(p): v for p, v in zip(docs.pieces, docs.piece_vectors)}

    def __call__(self, sentences: list[str]) -> np.ndarray:
        keys = [self._key(s) for s in sentences]
        missing = {k: s for k, s in zip(keys, sentences) if k not in self.known}
        if missing:
            self.known.update(zip(missing, self.embedder.encode(list(missing.values()))))
        return np.stack([self.known[k] for k in keys]) if sentences else np.zeros((0, self.embedder.dim))

    def forget(self) -> None:
        self.known = {}
