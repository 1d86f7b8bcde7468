"""Held-out evaluation of the crisis detector with the workers' real embedder.

Reproduce: .venv/bin/python -m pytest psychology/tests/test_crisis_eval.py -s -q
The cases in crisis_cases.jsonl were never used to tune the detector (that is crisis_dev.jsonl).
"""

import json
from pathlib import Path

import pytest

from psychology.crisis import detect_crisis

CASES = Path(__file__).with_name("crisis_cases.jsonl")
TARGET_RECALL, MAX_FPR = 0.95, 0.10
# The target recall is not reached yet (see psychology/README.md). This floor is what the detector measured
# when it was last changed, so a regression fails the build; raise it as the detector improves.
MIN_RECALL = 0.90


@pytest.mark.slow
def test_crisis_recall_and_false_positive_rate_on_the_held_out_set(embed):
    cases = [json.loads(line) for line in CASES.read_text(encoding="utf-8").splitlines() if line.strip()]
    crisis = [c for c in cases if c["label"] == "crisis"]
    calm = [c for c in cases if c["label"] == "none"]
    missed = [c for c in crisis if not detect_crisis(c["text"], embed=embed).flagged]
    false_alarms = [c for c in calm if detect_crisis(c["text"], embed=embed).flagged]
    recall = 1 - len(missed) / len(crisis)
    fpr = len(false_alarms) / len(calm)
    print(
        f"\ncrisis eval: recall {recall:.1%} ({len(crisis) - len(missed)}/{len(crisis)}), "
        f"false-positive rate {fpr:.1%} ({len(false_alarms)}/{len(calm)})"
    )
    for case in missed:
        print(f"  missed {case['id']} ({case.get('kind')}): {case['text'][:100]}")
    for case in false_alarms:
        print(f"  false alarm {case['id']} ({case.get('kind')}): {case['text'][:100]}")
    assert recall >= MIN_RECALL
    assert fpr <= MAX_FPR
