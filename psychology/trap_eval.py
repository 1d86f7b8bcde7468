"""Score the thinking-trap patterns on a labelled set of diary sentences (psychology/tests/thinking_traps_*.jsonl,
read with ml_models.training.read_rows).

Each line is {"text", "trap", "kind"}: kind "trap" (the writer holds that trap now), "lookalike" (the same words,
no trap: "I always make pancakes on Sundays") or "disowned" (the thought reported, overcome or questioned).
The dev set tuned the patterns; the test set was written blind afterwards and is only ever scored.
"""

from collections import Counter
from pathlib import Path

from .matching import find_thinking_traps

SETS = Path(__file__).resolve().parent / "tests"
DEV, TEST = SETS / "thinking_traps_dev.jsonl", SETS / "thinking_traps_test.jsonl"


def score_traps(cases: list[dict], traps) -> dict:
    """Recall on trap sentences (the right trap found), and the share of lookalike / disowned sentences that
    were shown any trap, overall and per trap."""
    counts, found, per_trap, per_trap_found = Counter(), Counter(), Counter(), Counter()
    for case in cases:
        hits = {hit.trap.slug for hit in find_thinking_traps(case["text"], traps)}
        counts[case["kind"]] += 1
        if case["kind"] == "trap":
            per_trap[case["trap"]] += 1
            if case["trap"] in hits:
                found["trap"] += 1
                per_trap_found[case["trap"]] += 1
        elif hits:
            found[case["kind"]] += 1

    def share(kind):
        return round(found[kind] / counts[kind], 4) if counts[kind] else None

    return {
        "n": dict(counts),
        "recall": share("trap"),
        "lookalike_flagged": share("lookalike"),
        "disowned_flagged": share("disowned"),
        "recall_by_trap": {slug: round(per_trap_found[slug] / n, 2) for slug, n in sorted(per_trap.items())},
    }
