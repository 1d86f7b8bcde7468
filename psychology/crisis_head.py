"""A trained logistic-regression head over MiniLM sentence vectors, OR-ed with the crisis rules.

The rules and prototypes only know the phrasings someone wrote down; the head is fitted on labelled
statements (crisis_head_train.py, `manage.py train_crisis_head`) and scores the same sentences the
prototype path scores, after the same suppressions (explicit wording left to the rules, third person,
media, recovered history). Only numpy at run time; the weights are a small JSON file loaded once.
"""

from __future__ import annotations

import hashlib
import json
import threading
from pathlib import Path

import numpy as np

WEIGHTS = Path(__file__).resolve().parent / "weights" / "crisis_head.json"

_lock = threading.Lock()
_loaded: dict = {}


def load(path: Path | None = None) -> dict | None:
    """The weights as arrays, or None when the file is missing or unreadable (the detector then runs without)."""
    path = Path(path or WEIGHTS)
    with _lock:
        if path not in _loaded:
            try:
                data = path.read_bytes()
                raw = json.loads(data.decode("utf-8"))
                _loaded[path] = {
                    "digest": hashlib.sha256(data).hexdigest()[:12],  # of the weights in use
                    "coef": np.asarray(raw["coef"], dtype=np.float32),
                    "intercept": float(raw["intercept"]),
                    # null: chosen off (psychology/operating_point.py), never flags; its digest is still recorded
                    "threshold": float("inf") if raw["threshold"] is None else float(raw["threshold"]),
                    "negated_extra": float(raw.get("negated_extra", 0.0)),
                    "window": bool(raw.get("window", False)),
                }
            except (OSError, ValueError, KeyError, TypeError):
                _loaded[path] = None
        return _loaded[path]


def version(path: Path | None = None) -> str:
    """Which head runs, for the model versions recorded with each analysis: its weights' digest, or "" if none
    (no weights, or switched off by the operating point)."""
    weights = load(path)
    return f"head:{weights['digest']}" if weights and weights["threshold"] != float("inf") else ""


def probabilities(vectors, weights: dict) -> np.ndarray:
    """P(crisis) for each row of `vectors` (L2-normalised MiniLM embeddings)."""
    z = np.asarray(vectors, dtype=np.float32) @ weights["coef"] + weights["intercept"]
    return 1.0 / (1.0 + np.exp(-np.clip(z, -30, 30)))


def window_text(keep: list) -> str | None:
    """The entry's eligible sentences read together, for indirect crises spread over several sentences."""
    return ". ".join(s for s, _, _ in keep) if len(keep) > 1 else None


def unit_scores(keep: list, vectors, weights: dict, window_vector=None) -> list[tuple[str, float]]:
    """(quote, score) per sentence, plus the window; a score at or above the threshold flags it.

    Negated sentences pay `negated_extra`: MiniLM barely registers "not", so "I don't feel like a burden
    any more" sits close to its opposite.
    """
    probs = probabilities(vectors, weights)
    out = [(s, float(p) - (weights["negated_extra"] if neg else 0.0)) for (s, neg, _), p in zip(keep, probs)]
    if window_vector is not None:
        p = float(probabilities(np.asarray(window_vector)[None, :], weights)[0])
        out.append((window_text(keep), p))
    return out


def flagged(keep: list, vectors, embed, weights: dict | None = None) -> list[str]:
    """Quotes of the sentences (or the window) the head flags, best first; [] without weights."""
    weights = weights or load()
    if weights is None or not keep or weights["threshold"] == float("inf"):
        return []
    window = window_text(keep) if weights["window"] else None
    window_vector = embed([window])[0] if window else None
    scored = unit_scores(keep, vectors, weights, window_vector)
    hits = sorted((score, s) for s, score in scored if score >= weights["threshold"])
    return [s if len(s) <= 200 else s[:200].rsplit(" ", 1)[0] + " ..." for _, s in reversed(hits)]
