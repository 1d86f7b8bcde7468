"""Choosing the crisis detector's thresholds on the validation sets, and storing them where the detector reads them."""

import io
import json

import numpy as np
import pytest

from ml_models.training import text_key
from psychology import crisis_head
from psychology import crisis_head_train as T
from psychology import operating_point as O

LIMITS = {"hard negatives": 0.10, "ordinary passages": 0.02, "long ordinary entries": 0.10}


def part(group, base, head, model):
    return O.Signals(group, np.array(base, dtype=bool), np.array(head, dtype=float), np.array(model, dtype=float))


def parts(model_on_negatives):
    """Ten crisis statements, ten hard negatives, fifty ordinary passages, ten long entries."""
    return [
        part(
            "crisis", [1, 1] + [0] * 8, [0.95] * 3 + [0.1] * 7, [0.99, 0.99, 0.99, 0.97, 0.9, 0.8, 0.7, 0.6, 0.2, 0.1]
        ),
        part("hard negatives", [0] * 10, [0.96] * 2 + [0.1] * 8, model_on_negatives),
        part("ordinary passages", [0] * 50, [0.1] * 50, [0.01] * 50),
        part("long ordinary entries", [0] * 10, [0.1] * 10, [0.01] * 10),
    ]


def test_choice_is_the_highest_recall_within_the_false_alarm_limits():
    # The head's crisis scores are also its false alarms' (0.95 vs 0.96): it adds nothing but false alarms.
    # One hard negative at 0.75: one false alarm in ten is within 10%, so the classifier may go to the grid's
    # lowest values; recall stops rising at 0.6 (the next crisis statement scores 0.2), so the highest such wins.
    head_t, model_t, rates = O.choose(parts([0.75] + [0.05] * 9), LIMITS)
    assert np.isinf(head_t)
    assert 0.5 <= model_t <= 0.6 and rates["recall"] == 0.8 and rates["hard negatives"] == 0.1
    # A second at 0.65 would make it 20%: the threshold stays above it, and recall is what that leaves.
    head_t, model_t, rates = O.choose(parts([0.75, 0.65] + [0.05] * 8), LIMITS)
    assert 0.65 < model_t <= 0.7 and rates["recall"] == 0.7 and rates["hard negatives"] == 0.1


def test_ordinary_passages_bound_the_choice_too():
    p = parts([0.05] * 10)
    p[2] = part("ordinary passages", [0] * 50, [0.1] * 50, [0.65, 0.65] + [0.01] * 48)  # two of fifty: 4% > 2%
    _, model_t, rates = O.choose(p, LIMITS)
    assert model_t > 0.65 and rates["ordinary passages"] == 0.0 and rates["recall"] == 0.7


def test_nothing_within_the_limits_is_an_error():
    p = parts([0.05] * 10)
    p[1] = part("hard negatives", [1] * 5 + [0] * 5, [0.1] * 10, [0.05] * 10)  # the rules alone raise 50%
    with pytest.raises(ValueError):
        O.choose(p, LIMITS)


def test_validation_texts_leave_out_anything_trained_or_tested_on():
    raw = {text_key(json.loads(line)["text"]) for path in O.VALIDATION_SETS for line in path.open() if line.strip()}
    kept = {text_key(t) for group in O.validation_texts().values() for t in group}
    excluded = O.excluded_texts()
    assert raw & excluded, "the validation sets repeat a few short training statements; they must be left out"
    assert not kept & excluded
    assert not kept & T.held_out_texts()
    counts = {group: len(texts) for group, texts in O.validation_texts().items()}
    assert counts["crisis"] >= 200 and counts["hard negatives"] >= 200 and counts["ordinary passages"] >= 400


def test_written_thresholds_are_what_the_detector_loads(tmp_path):
    from safetensors.torch import load_file, save_file

    from ml_models import finetuned

    torch = pytest.importorskip("torch")
    clf = tmp_path / "clf.safetensors"
    save_file(
        {"heads.crisis.weight": torch.ones(2, 3, dtype=torch.float16)}, str(clf), metadata={"crisis_threshold": "0.9"}
    )
    head = tmp_path / "head.json"
    # A head that scores this vector ~1.0: only the threshold decides whether it flags.
    head.write_text(json.dumps({"coef": [0.5] * 384, "intercept": 0.0, "threshold": 0.91}))
    record = {"chosen_on": ["crisis_val8a.jsonl"], "previous": {"head": O.finite(float("inf"))}}

    O.write(float("inf"), 0.7, record, clf, head)

    meta = finetuned._metadata(clf)
    assert float(meta["crisis_threshold"]) == 0.7 and json.loads(meta["crisis_operating_point"]) == record
    assert load_file(str(clf))["heads.crisis.weight"].dtype == torch.float16  # tensors untouched
    stored = json.loads(head.read_text())
    assert stored["threshold"] is None and stored["trained_threshold"] == 0.91
    weights = crisis_head.load(head)
    assert weights["threshold"] == float("inf")
    vectors = np.ones((1, 384), dtype=np.float32) / np.sqrt(384)
    sentence = [("I want to be gone", False, 0.0)]
    assert crisis_head.flagged(sentence, vectors, None, weights) == []  # off: never flags
    assert crisis_head.version(head) == ""  # and is not named among the models that ran
    assert "Infinity" not in head.read_text() and "Infinity" not in finetuned._metadata(clf)["crisis_operating_point"]
    O.write(0.8, 0.7, record, clf, head)  # a later choice keeps the first trained threshold on record
    assert json.loads(head.read_text())["trained_threshold"] == 0.91 and crisis_head.load(head)["threshold"] == 0.8
    assert crisis_head.flagged(sentence, vectors, None, crisis_head.load(head)) == ["I want to be gone"]
    assert crisis_head.version(head).startswith("head:")


def test_shipped_head_and_classifier_carry_the_same_operating_point():
    """Retraining either one without choosing the thresholds again would leave them out of step."""
    from ml_models import finetuned

    head = json.loads(crisis_head.WEIGHTS.read_text())
    meta = finetuned._metadata(finetuned.WEIGHTS)
    assert json.loads(meta["crisis_operating_point"]) == head["operating_point"]
    point = head["operating_point"]
    assert point["counts"]["crisis"] >= 200 and point["rates"]["recall"] > 0.5
    assert all(point["rates"][group] <= limit for group, limit in point["max_fpr"].items())


@pytest.mark.parametrize("pair", ["val9", "val10"])
def test_validation_labels_agree_with_a_blind_second_annotator(pair):
    """A second annotator labelled crisis_val9a/b and crisis_val10a/b from the texts alone (shuffled, no labels, no
    model output)."""
    gold = {}
    for name in (f"crisis_{pair}a.jsonl", f"crisis_{pair}b.jsonl"):
        for line in (O.HERE / name).read_text(encoding="utf-8").splitlines():
            if line.strip():
                row = json.loads(line)
                gold[row["id"]] = row["label"]
    second = [json.loads(line) for line in (O.HERE / "data" / f"crisis_{pair}_second_annotator.jsonl").open()]
    assert sorted(r["id"] for r in second) == sorted(gold) and len(gold) == 480
    agreement = sum(gold[r["id"]] == r["label"] for r in second) / len(second)
    assert agreement >= 0.95, agreement


@pytest.mark.slow
def test_the_signals_flag_exactly_what_the_workers_pipeline_flags():
    """The chooser applies thresholds to signals computed once; at the shipped thresholds they must say what
    detect_crisis says when the pipeline runs it (the head and classifier are consulted only where nothing else
    flagged, so the OR must agree)."""
    from ml_models.pipeline import get_pipeline
    from psychology.dev_eval import CachedEmbed

    pipeline = get_pipeline()
    texts = {
        "crisis": ["I want to kill myself.", "Gave the cat to my sister. Won't need the spare keys after Friday."],
        "hard negatives": ["This commute is killing me.", "Grandad's funeral was today and I cried all through it."],
        "ordinary passages": ["A long walk by the river, then soup.", "Work was grim and I snapped at everyone."],
        "long ordinary entries": ["Busy day at the shop.\n\nFelt flat all evening, nothing much to say."],
    }
    parts = O.signals(texts, CachedEmbed(pipeline.embedder.encode), pipeline.classifier, crisis_head.load())
    thresholds = O.current_thresholds(pipeline.classifier)
    for part in parts:
        ran = [r["crisis"]["flagged"] for r in pipeline.analyze(texts[part.group])]
        assert part.flagged(*thresholds).tolist() == ran, part.group
    assert parts[0].flagged(*thresholds)[0]  # the plainest statement is caught, so the comparison is not vacuous


@pytest.mark.slow
def test_the_command_reports_the_choice_and_writes_nothing_without_write(tmp_path, monkeypatch):
    import hashlib

    from django.core.management import call_command

    from ml_models import finetuned

    crisis_rows = [
        {"text": "Gave the cat to my sister. Won't need the spare keys after Friday.", "label": "crisis"},
        {"text": "I keep picturing everyone at my funeral and honestly it feels like relief.", "label": "crisis"},
        {"text": "The quiz tonight was so hard I nearly died of embarrassment.", "label": "none"},
        {"text": "Nan's funeral was lovely, all her old choir came.", "label": "none"},
    ]
    ordinary = [{"text": f"Day {n}: a walk, some soup and an early night."} for n in range(12)]
    (tmp_path / "val.jsonl").write_text("\n".join(json.dumps(r) for r in crisis_rows))
    (tmp_path / "ordinary.jsonl").write_text("\n".join(json.dumps(r) for r in ordinary))
    monkeypatch.setattr(O, "VALIDATION_SETS", [tmp_path / "val.jsonl"])
    monkeypatch.setattr(O, "ORDINARY_SETS", [tmp_path / "ordinary.jsonl"])
    before = {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in (finetuned.WEIGHTS, crisis_head.WEIGHTS)}
    out = tmp_path / "choice.json"
    call_command("choose_crisis_thresholds", json=str(out), stdout=(printed := io.StringIO()))
    figures = json.loads(out.read_text())
    assert figures["chosen_on"] == ["val.jsonl", "ordinary.jsonl"] and figures["counts"]["crisis"] == 2
    assert all(figures["rates"][g] <= limit for g, limit in figures["max_fpr"].items())
    assert "chosen" in printed.getvalue() and "current" in printed.getvalue()
    assert before == {p: hashlib.sha256(p.read_bytes()).hexdigest() for p in before}  # --write not given
