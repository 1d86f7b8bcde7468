"""Choose the crisis detector's two model thresholds on validation sets that no model was trained on.

The detector flags an entry when the rules or prototypes do, when the logistic head (crisis_head.py) scores a
sentence at or above its threshold, or when the fine-tuned classifier (ml_models/finetuned.py) scores a chunk at or
above its own. Each threshold used to be chosen by its training run, on data the rules had been written from,
with a budget of 2% added false alarms: far below the 10% the issue allows on hard negatives, while recall stayed
under its 95%. Here both are chosen together on statements and ordinary diary passages written for validation only
(VALIDATION_SETS, ORDINARY_SETS): the highest recall whose false alarms stay within MAX_FPR.

    .venv/bin/python manage.py choose_crisis_thresholds [--write]
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from ml_models.training import EVAL_DIR, EVAL_SETS, read_rows, text_key

from . import crisis, crisis_head, crisis_head_train

HERE = Path(__file__).resolve().parent
# The sets the shipped thresholds were chosen on: three pairs, each written blind by two authors, trained on by no
# model. The false alarms of val8 and val9 were read when the rules last changed (so there they flatter the rules);
# val10 was written afterwards and read by no one.
_NAMES = ("val8a", "val8b", "val9a", "val9b", "val10a", "val10b")
VALIDATION_SETS = [HERE / f"crisis_{name}.jsonl" for name in _NAMES]
ORDINARY_SETS = [EVAL_DIR / f"journal_{name}.jsonl" for name in _NAMES]
PASSAGES_PER_LONG_ENTRY = 6
# Hard negatives stay two points inside the 10% target (the blind sets have 120 each: a point is about one
# statement); ordinary passages and six-passage entries are what people write every day, where a support panel
# that is usually wrong would teach them to ignore it.
MAX_FPR = {"hard negatives": 0.08, "ordinary passages": 0.02, "long ordinary entries": 0.10}
# Candidate thresholds: the head's probability in 0.01 steps, or never (infinity: the head is off); the
# classifier's, whose crisis chunks mostly score above 0.9, evenly on the log of (1 - p), from 0.5 to 0.9999.
HEAD_GRID = np.append(np.round(np.arange(0.30, 1.00, 0.01), 2), np.inf)
MODEL_GRID = np.round(1 - np.logspace(np.log10(0.5), -4, 81), 5)


@dataclass
class Signals:
    """Per text: flagged by rules and prototypes, the head's best score, the classifier's best chunk."""

    group: str  # "crisis" | one of MAX_FPR's keys
    base: np.ndarray
    head: np.ndarray
    model: np.ndarray

    def flagged(self, head_t: float, model_t: float) -> np.ndarray:
        return self.base | (self.head >= head_t) | (self.model >= model_t)


def excluded_texts() -> set[str]:
    """Texts no threshold may be chosen on: what any model trained on, and the held-out test sets."""
    from ml_models.finetune_train import training_rows

    seen = {text_key(st.text) for st in crisis_head_train.load_statements()} | crisis_head_train.held_out_texts()
    return seen | {text_key(r["text"]) for r in training_rows()} | {text_key(r["text"]) for r in evaluation_rows()}


def validation_texts() -> dict[str, list[str]]:
    """The texts of each group: crisis statements, hard negatives, ordinary passages, long ordinary entries.
    A validation text that also occurs in training or test data ("want to die") is left out."""
    seen = excluded_texts()
    rows = [r for path in VALIDATION_SETS for r in read_rows(path) if text_key(r["text"]) not in seen]
    ordinary = [r["text"] for path in ORDINARY_SETS for r in read_rows(path) if text_key(r["text"]) not in seen]
    n = PASSAGES_PER_LONG_ENTRY
    return {
        "crisis": [r["text"] for r in rows if r["label"] != "none"],
        "hard negatives": [r["text"] for r in rows if r["label"] == "none"],
        "ordinary passages": ordinary,
        "long ordinary entries": ["\n\n".join(ordinary[i : i + n]) for i in range(0, len(ordinary) - n + 1, n)],
    }


def evaluation_rows() -> list[dict]:
    return [r for path in EVAL_SETS.values() for r in read_rows(path) if r.get("split", "test") == "test"]


def signals(texts: dict[str, list[str]], embed, classifier, head_weights: dict) -> list[Signals]:
    """Each part's signal for every text, computed once; thresholds are then applied without the models."""
    out = []
    for group, items in texts.items():
        base = np.array([crisis.detect_crisis(t, embed=embed, use_head=False).flagged for t in items], dtype=bool)
        inputs = [crisis.model_sentences(t) for t in items]
        head = crisis_head_train._entry_scores(items, inputs, head_weights, embed)
        model = classifier.predict(items)["crisis"][:, 1].astype(float) if items else np.zeros(0)
        out.append(Signals(group, base, head, model))
    return out


def rates(parts: list[Signals], head_t: float, model_t: float) -> dict[str, float]:
    """Recall on the crisis statements and the false-alarm rate of every other group."""
    out = {}
    for p in parts:
        share = float(p.flagged(head_t, model_t).mean()) if len(p.base) else 0.0
        out["recall" if p.group == "crisis" else p.group] = share
    return out


def choose(parts: list[Signals], max_fpr: dict = MAX_FPR) -> tuple[float, float, dict]:
    """(head threshold, classifier threshold, rates): the highest recall within `max_fpr`; among equals, the
    fewest false alarms on hard negatives, then the higher thresholds. Raises ValueError if nothing fits."""
    best = None
    for head_t in HEAD_GRID:
        for model_t in MODEL_GRID:
            r = rates(parts, float(head_t), float(model_t))
            if any(r[group] > limit for group, limit in max_fpr.items()):
                continue
            key = (r["recall"], -r["hard negatives"], head_t, model_t)
            if best is None or key > best[0]:
                best = (key, float(head_t), float(model_t), r)
    if best is None:
        raise ValueError("no pair of thresholds keeps the false alarms within the limits")
    return best[1], best[2], best[3]


def finite(threshold: float) -> float | None:
    """A threshold as JSON can hold it: None for "never" (infinity), which strict parsers would refuse."""
    return None if np.isinf(threshold) else float(threshold)


def current_thresholds(classifier) -> tuple[float, float]:
    head = crisis_head.load()
    return (head["threshold"] if head else float("inf")), classifier.crisis_threshold


def write(head_t: float, model_t: float, record: dict, classifier_path: Path, head_path: Path) -> None:
    """Store the chosen thresholds where the detector reads them, each with `record` (how they were chosen). The
    files' digests change, and with them the model versions recorded with each analysis."""
    import json

    from safetensors.torch import load_file, save_file

    from ml_models.finetuned import _metadata

    meta = {**_metadata(classifier_path), "crisis_threshold": str(model_t)}
    meta["crisis_operating_point"] = json.dumps(record, allow_nan=False)
    save_file(load_file(str(classifier_path)), str(classifier_path), metadata=meta)
    head = json.loads(head_path.read_text(encoding="utf-8"))
    # The threshold training chose stays on record: the head's own tests and a later choice can use it.
    head.setdefault("trained_threshold", head["threshold"])
    head.update(threshold=finite(head_t), operating_point=record)
    crisis_head_train.save(head, head_path)  # writes it and drops this process's cached copy
