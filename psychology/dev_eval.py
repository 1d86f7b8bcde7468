"""Score the crisis detector on the development sets (never the held-out ones in psychology/tests/).

    DJANGO_SETTINGS_MODULE=journaling.settings python -m psychology.dev_eval [--misses] [--no-embed] [--no-head]
        [--no-model] [--diary] [--cache PATH]

Prints recall on crisis statements and the false-positive rate on the "none" statements of each dev set,
and with --misses the statements it gets wrong. The embedder is wrapped in a per-sentence cache (optionally
kept on disk with --cache) so that re-scoring after a rule change does not re-run the model: tuning happens
on shared CPUs. The dev sets also train the classifier head (crisis_head_train.py) and the fine-tuned classifier
(ml_models/finetuned.py, on by default as in the workers), so with them these figures are optimistic: the head's
cross-validated ones are in psychology/weights/crisis_head.json, the classifier's validation ones in its file.
--diary also counts false alarms on the ordinary passages of ml_models/eval/journal_train_extra.jsonl.
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
from pathlib import Path

import numpy as np

from .crisis_head_train import DEV_SETS as DEV_PATHS

HERE = Path(__file__).resolve().parent
DEV_SETS = [path.name for path in DEV_PATHS]


class CachedEmbed:
    """embed(texts) -> vectors, computing each distinct sentence once (the model is deterministic)."""

    def __init__(self, embed, path: str | None = None):
        self.embed, self.path, self.calls = embed, path, 0
        self.vectors: dict[str, np.ndarray] = {}
        if path and os.path.exists(path):
            with open(path, "rb") as f:
                self.vectors = pickle.load(f)

    def __call__(self, texts):
        todo = [t for t in dict.fromkeys(texts) if t not in self.vectors]
        if todo:
            self.calls += 1
            self.vectors.update(zip(todo, self.embed(todo)))
        return np.stack([self.vectors[t] for t in texts])

    def save(self):
        if self.path:
            with open(self.path, "wb") as f:
                pickle.dump(self.vectors, f)


def load(name: str) -> list[dict]:
    with open(HERE / name, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def score(rows: list[dict], embed, use_head: bool = True, classifier=None) -> dict:
    """Recall and false-positive rate of detect_crisis; `classifier` (ml_models.finetuned.JournalClassifier) adds
    the fine-tuned model's signal (its most alarming chunk), as the pipeline does."""
    from psychology.crisis import detect_crisis

    signals = [None] * len(rows)
    if classifier is not None:
        signals = classifier.crisis_signals(classifier.predict([r["text"] for r in rows]))
    results = [detect_crisis(r["text"], embed=embed, use_head=use_head, classifier=c) for r, c in zip(rows, signals)]
    pos = [(r, res) for r, res in zip(rows, results) if r.get("label", "none") != "none"]
    neg = [(r, res) for r, res in zip(rows, results) if r.get("label", "none") == "none"]
    misses = [r for r, res in pos if not res.flagged]
    false_alarms = [(r, res) for r, res in neg if res.flagged]
    return {
        "recall": 1 - len(misses) / max(1, len(pos)),
        "fpr": len(false_alarms) / max(1, len(neg)),
        "n_pos": len(pos),
        "n_neg": len(neg),
        "misses": misses,
        "false_alarms": false_alarms,
    }


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--misses", action="store_true", help="list missed crises and false alarms")
    ap.add_argument("--no-embed", action="store_true", help="rules only")
    ap.add_argument("--no-head", action="store_true", help="rules and prototypes, without the classifier head")
    ap.add_argument("--no-model", action="store_true", help="without the fine-tuned classifier's entry signal")
    ap.add_argument("--diary", action="store_true", help="also score ml_models/eval/journal_train_extra.jsonl")
    ap.add_argument("--cache", help="pickle file for sentence vectors between runs")
    ap.add_argument("--sets", nargs="*", default=DEV_SETS)
    args = ap.parse_args()

    import django

    django.setup()
    embed, classifier = None, None
    if not args.no_embed:
        from ml_models.pipeline import get_embedder, get_pipeline

        embed = CachedEmbed(get_embedder().encode, args.cache)
        classifier = None if args.no_model else get_pipeline().classifier
    sets = args.sets + ([str(HERE.parent / "ml_models" / "eval" / "journal_train_extra.jsonl")] if args.diary else [])
    for name in sets:
        r = score(load(name), embed, use_head=not args.no_head, classifier=classifier)
        print(
            f"{name}: recall {r['recall']:.1%} ({r['n_pos'] - len(r['misses'])}/{r['n_pos']})"
            f"  FPR {r['fpr']:.1%} ({len(r['false_alarms'])}/{r['n_neg']})"
        )
        if args.misses:
            for row in r["misses"]:
                print(f"  MISS {row.get('id', '')} [{row.get('kind', '')}] {row['text'][:200]}")
            for row, res in r["false_alarms"]:
                print(f"  FP   {row.get('id', '')} [{row.get('kind', '')}] {row['text'][:160]} -> {res.reasons[:2]}")
    if embed is not None:
        embed.save()


if __name__ == "__main__":
    main()
