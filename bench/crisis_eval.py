"""Crisis detector on the held-out sets, by part, and false alarms on long ordinary entries.

    .venv/bin/python bench/crisis_eval.py        -> table, bench/results/crisis-eval.json

Counts only: printing the misses would turn a held-out set into a tuning set. Long entries are built from the
natural evaluation passages (ml_models/eval/journal_eval_natural.jsonl: ordinary diary passages that no crisis
model was trained on), several to an entry, so the fine-tuned classifier sees several chunks and flags the entry
when any one of them reaches its threshold.
"""

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, print_table, setup_django, write_json  # noqa: E402

LONG_ENTRIES = {"long ordinary entries": 6, "very long ordinary entries": 16}  # passages per entry


def ordinary_entries(passages_each: int) -> list[dict]:
    path = ROOT / "ml_models" / "eval" / "journal_eval_natural.jsonl"
    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    n = passages_each
    return [{"text": "\n\n".join(texts[i : i + n]), "label": "none"} for i in range(0, len(texts) - n + 1, n)]


def main() -> None:
    setup_django("journaling_bench")
    from ml_models.pipeline import get_pipeline
    from psychology import crisis_head
    from psychology.crisis_head_train import HELD_OUT_SETS
    from psychology.dev_eval import CachedEmbed, score

    pipeline = get_pipeline()
    head_threshold = (crisis_head.load() or {"threshold": float("inf")})["threshold"]  # no weights: no head
    embed = CachedEmbed(pipeline.embedder.encode)
    parts = {
        "rules+prototypes": dict(use_head=False),
        "+head": {},
        "+head+fine-tuned": dict(classifier=pipeline.classifier),
    }
    sets = {path.name: _rows(path) for path in sorted(HELD_OUT_SETS, reverse=True)}  # the newest blind set first
    sets["ordinary entries"] = ordinary_entries(1)
    sets.update({name: ordinary_entries(n) for name, n in LONG_ENTRIES.items()})
    results, table = {}, []
    for name, rows in sets.items():
        for part, kwargs in parts.items():
            r = score(rows, embed, **kwargs)
            caught = r["n_pos"] - len(r["misses"])
            results[f"{name} {part}"] = {
                "recall": round(r["recall"], 4) if r["n_pos"] else None,
                "caught": caught,
                "n_pos": r["n_pos"],
                "fpr": round(r["fpr"], 4),
                "false_alarms": len(r["false_alarms"]),
                "n_neg": r["n_neg"],
            }
            recall = f"{r['recall']:.1%} ({caught}/{r['n_pos']})" if r["n_pos"] else "-"
            table.append([name, part, recall, f"{r['fpr']:.1%} ({len(r['false_alarms'])}/{r['n_neg']})"])
    long_entries = {}
    for name, n in LONG_ENTRIES.items():
        chunks = [len(pipeline.classifier.chunks_of(row["text"])) for row in sets[name]]
        long_entries[name] = {"n": len(chunks), "passages_each": n, "chunks": [min(chunks), max(chunks)]}
    print_table("Crisis detector (counts only)", table, ["set", "detector", "recall", "false-positive rate"])
    print(f"thresholds: head {head_threshold} (inf: off), fine-tuned classifier {pipeline.classifier.crisis_threshold}")
    for name, info in long_entries.items():
        low, high = info["chunks"]
        print(f"{name}: {info['n']} of {info['passages_each']} passages each, {low}-{high} chunks")
    path = write_json(
        "crisis-eval",
        {
            "models": pipeline.versions,
            "crisis_threshold": pipeline.classifier.crisis_threshold,
            "head_threshold": None if head_threshold == float("inf") else head_threshold,  # None: the head is off
            "long_entries": long_entries,
            "sets": results,
        },
    )
    print(f"wrote {path}")


def _rows(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


if __name__ == "__main__":
    main()
