"""Held-out evaluation of the crisis detector with the workers' real embedder.

Reproduce: .venv/bin/python -m pytest psychology/tests/test_crisis_eval.py -s -q
No set here was used to train or tune the detector (that is crisis_dev*.jsonl); see HELD_OUT below.
"""

import json
from pathlib import Path

import pytest

from psychology.dev_eval import score

HERE = Path(__file__).parent
TARGET_RECALL, MAX_FPR = 0.95, 0.10
# The target recall is not reached yet (see psychology/README.md). These floors are what the detector measured
# when it was last changed, so a regression fails the build; raise them as the detector improves.
# crisis_cases.jsonl: the first held-out set (its misses were read during an earlier round, so it is no longer
# blind); crisis_heldout2.jsonl: written blind by a separate author before the third development round.
# crisis_heldout3.jsonl: written blind by a third author before the fine-tuned classifier was trained.
# crisis_heldout4.jsonl: written blind by a fourth author before the fifth round (crisis_dev5) was trained.
# crisis_heldout5.jsonl: written blind by a fifth author before the sixth round (crisis_dev6) was trained.
# The seventh round moved heldout3 down (87% -> 84%) and the others up or level, so its floor went down. Retraining
# its classifier on everything (shipped by a choice made before scoring) moved heldout5 down (88% -> 85%) and
# heldout2 (94% -> 93%), with fewer false alarms on heldout2 and the cases; their floors followed. Choosing the
# operating point on validation sets no model trained on (operating_point.py: the head off, the classifier's
# threshold 0.956 -> 0.787) raised every set (heldout2 97%, heldout3 87%, heldout4 90%, heldout5 92%, the cases 98.8%).
# Choosing it again on three validation pairs (val10 new; a few of the rules' false alarms read on val8/val9 removed)
# put the head back on at 0.96 and the classifier at 0.637 (heldout2 99%, heldout3 89%, heldout4 93%, heldout5 93%).
HELD_OUT = {
    "crisis_cases.jsonl": 0.97,
    "crisis_heldout2.jsonl": 0.98,
    "crisis_heldout3.jsonl": 0.88,
    "crisis_heldout4.jsonl": 0.92,
    "crisis_heldout5.jsonl": 0.92,
}


@pytest.mark.slow
@pytest.mark.parametrize("name,min_recall", HELD_OUT.items())
def test_crisis_recall_and_false_positive_rate_on_the_held_out_sets(embed, name, min_recall):
    from ml_models.pipeline import get_pipeline

    rows = [json.loads(line) for line in (HERE / name).read_text(encoding="utf-8").splitlines() if line.strip()]
    r = score(rows, embed, classifier=get_pipeline().classifier)  # as the workers run it
    # Counts only: printing the misses would turn a held-out set into a tuning set for whoever reads the log.
    print(
        f"\n{name}: recall {r['recall']:.1%} ({r['n_pos'] - len(r['misses'])}/{r['n_pos']}), "
        f"false-positive rate {r['fpr']:.1%} ({len(r['false_alarms'])}/{r['n_neg']})"
    )
    assert r["recall"] >= min_recall
    assert r["fpr"] <= MAX_FPR
