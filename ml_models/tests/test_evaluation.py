"""The labelled journal sets and `manage.py evaluate`: clean data, no test text in training, honest floors."""

import io
import json

import pytest
from django.core.management import call_command

from ml_models.registry import EMOTION_LABELS, SENTIMENT_LABELS
from ml_models.training import EVAL_SETS, evaluate_pipeline, load_eval, load_training_rows, text_key


@pytest.mark.parametrize("name,size", [("hard", 520), ("natural", 320), ("hard2", 200), ("hard3", 200)])
def test_each_set_is_well_formed(name, size):
    rows = load_eval(None, EVAL_SETS[name])
    assert len(rows) == size
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({text_key(r["text"]) for r in rows}) == len(rows)
    assert all(r["sentiment"] in SENTIMENT_LABELS and r["emotion"] in EMOTION_LABELS for r in rows)
    assert {r["sentiment"] for r in load_eval("test", EVAL_SETS[name])} == set(SENTIMENT_LABELS)


def test_no_test_passage_is_in_the_training_data():
    trained = {text_key(r["text"]) for r in load_training_rows()}
    tests = [r for name in EVAL_SETS for r in load_eval("test", EVAL_SETS[name])]
    assert len(tests) >= 880
    assert not [r["id"] for r in tests if text_key(r["text"]) in trained]


@pytest.mark.parametrize("name", ["natural", "hard2", "hard3"])
def test_later_sets_are_test_only(name):
    assert {r["split"] for r in load_eval(None, EVAL_SETS[name])} == {"test"}


# (sentiment macro-F1, emotion accuracy): a little under what the shipped models measure (README: natural 0.888 /
# 0.878, hard 0.838 / 0.781, hard2 0.828 / 0.785, hard3 0.875 / 0.855), so a regression fails. Stop 18
# shipped the seventh round's classifier retrained on everything (decided before scoring): hard, hard3 and natural
# rose, hard2 fell by a point; see the README.
FLOORS = {"natural": (0.87, 0.86), "hard": (0.82, 0.76), "hard2": (0.81, 0.77), "hard3": (0.86, 0.84)}


@pytest.mark.parametrize("name", sorted(FLOORS))
def test_default_models_keep_their_measured_accuracy(pipeline, name):
    sentiment_floor, emotion_floor = FLOORS[name]
    report = evaluate_pipeline(pipeline, load_eval("test", EVAL_SETS[name]))
    assert report["sentiment"]["macro_f1"] >= sentiment_floor, report["sentiment"]
    assert report["emotion"]["accuracy"] >= emotion_floor, report["emotion"]
    # The models must beat the lexicon they are built on, by a clear margin.
    assert report["sentiment"]["macro_f1"] >= report["vader_sentiment_baseline"]["macro_f1"] + 0.15


def test_evaluate_command_reports_each_set(pipeline, tmp_path):
    out = io.StringIO()
    call_command("evaluate", "--set", "natural", "--json", str(tmp_path / "r.json"), stdout=out)
    assert "set: natural, split: test" in out.getvalue() and "macro-F1=" in out.getvalue()
    report = json.loads((tmp_path / "r.json").read_text())
    assert report["set"] == "natural" and report["sentiment"]["n"] == len(load_eval("test", EVAL_SETS["natural"]))
    with pytest.raises(Exception, match="no train split"):
        call_command("evaluate", "--set", "natural", "--split", "train", stdout=io.StringIO())


def test_hard_test_labels_agree_with_a_blind_second_annotator():
    """A second annotator labelled the hard test split from the texts alone: the labels are not the bottleneck."""
    from sklearn.metrics import cohen_kappa_score

    second = [json.loads(line) for line in (EVAL_SETS["hard"].parent / "journal_eval_second_annotator.jsonl").open()]
    gold = {r["id"]: r for r in load_eval("test", EVAL_SETS["hard"])}
    assert {r["id"] for r in second} == set(gold)
    for task in ("sentiment", "emotion"):
        kappa = cohen_kappa_score([gold[r["id"]][task] for r in second], [r[task] for r in second])
        assert kappa >= 0.9, (task, kappa)
