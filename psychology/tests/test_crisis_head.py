"""The trained crisis classifier head: shipped weights, unseen paraphrases with the real embedder, determinism."""

import hashlib
import json

import numpy as np
import pytest

from psychology import crisis, crisis_head
from psychology import crisis_head_train as T
from psychology.crisis import detect_crisis, model_sentences

# Written for these tests (not taken from the dev sets): indirect wording the rules do not list.
UNSEEN_CRISIS = [
    "I keep picturing how quiet everything would be if I simply never woke up again.",
    "Lately I feel like I'm just waiting for my turn to be gone.",
    "I've started writing little notes to people so they have something from me after.",
    "Honestly the world would keep turning fine without me in it.",
]
# Written the same way, and still missed by rules, prototypes and head: kept as a record.
KNOWN_MISSES = [
    "There's no point sticking around for another year of this.",
    "I don't see myself still being here by Christmas.",
]
LOOK_ALIKES = [
    "I'm so tired of this commute, I just want the week to be over.",
    "Wrote thank-you notes to everyone who came to the wedding.",
    "I don't see myself staying at this company past Christmas.",
    "I could sleep for a week after that night shift.",
    "Gave my old winter coats to the charity shop since we're moving somewhere warm.",
    "The basil on the windowsill would be better off with someone who remembers to water it.",
]


def trained_head() -> dict:
    """The shipped head at the threshold its training chose: it is switched off in the detector when the operating
    point says so (psychology/operating_point.py), and these tests are about the head itself."""
    return {**crisis_head.load(), "threshold": json.loads(crisis_head.WEIGHTS.read_text())["trained_threshold"]}


def head_flags(text, embed):
    _, keep = model_sentences(text)
    return bool(keep) and bool(crisis_head.flagged(keep, embed([s for s, _, _ in keep]), embed, trained_head()))


def test_shipped_weights_load_with_the_embedding_shape():
    weights = crisis_head.load()
    assert weights is not None, "psychology/weights/crisis_head.json is missing"
    assert weights["coef"].shape == (384,)
    raw = json.loads(crisis_head.WEIGHTS.read_text())
    assert 0.0 < raw["trained_threshold"] < 1.0
    # The operating point, chosen on the validation sets, may switch the head off (null); it says what it measured.
    assert weights["threshold"] == float("inf") if raw["threshold"] is None else 0.0 < weights["threshold"] < 1.0
    assert {"C", "cv", "trained_on", "operating_point"} <= raw.keys()
    point = raw["operating_point"]
    assert all(point["rates"][group] <= limit for group, limit in point["max_fpr"].items())
    # Out of fold, the head adds recall to the rules, and the detector stays within the false-alarm target.
    assert raw["cv"]["detector"]["recall"] >= raw["cv"]["rules_and_prototypes"]["recall"] + 0.03
    assert raw["cv"]["detector"]["fpr_dev"] <= 0.10 and raw["cv"]["detector"]["fpr_diary"] <= 0.10


def test_missing_weights_leave_rules_working(tmp_path, monkeypatch):
    assert crisis_head.load(tmp_path / "absent.json") is None
    monkeypatch.setattr(crisis_head, "WEIGHTS", tmp_path / "absent.json")
    fake = lambda texts: np.eye(384, dtype=np.float32)[[hash(t) % 384 for t in texts]]  # noqa: E731
    assert detect_crisis("I want to kill myself.", embed=fake).level == "urgent"
    assert crisis_head.flagged([("a b c", False, 0.0)], fake(["a b c"]), fake) == []


def test_recorded_version_names_the_head_that_ran(tmp_path, monkeypatch):
    from ml_models.pipeline import get_pipeline

    raw = json.loads(crisis_head.WEIGHTS.read_text())
    digest = hashlib.sha256(crisis_head.WEIGHTS.read_bytes()).hexdigest()[:12]
    # The shipped operating point may switch the head off: then it is not named, since it did not run.
    assert crisis.version() == ("rules+prototypes" if raw["threshold"] is None else f"rules+prototypes+head:{digest}")
    pipeline = get_pipeline()
    assert pipeline.versions["crisis"] == f"{crisis.version()}+{pipeline.classifier.version}"
    on = tmp_path / "on.json"
    on.write_text(json.dumps({**raw, "threshold": raw["trained_threshold"]}))
    monkeypatch.setattr(crisis_head, "WEIGHTS", on)
    assert crisis.version() == f"rules+prototypes+head:{hashlib.sha256(on.read_bytes()).hexdigest()[:12]}"
    monkeypatch.setattr(crisis_head, "WEIGHTS", tmp_path / "absent.json")
    assert crisis.version() == "rules+prototypes"


@pytest.mark.parametrize("text", UNSEEN_CRISIS)
def test_unseen_paraphrases_are_flagged(text, embed):
    result = detect_crisis(text, embed=embed)
    assert result.flagged, result.reasons


@pytest.mark.xfail(
    reason="beyond rules, prototypes and head today; strict: a pass means this list needs updating", strict=True
)
@pytest.mark.parametrize("text", KNOWN_MISSES)
def test_known_misses(text, embed):
    assert detect_crisis(text, embed=embed).flagged


@pytest.mark.parametrize("text", LOOK_ALIKES)
def test_look_alikes_are_not_flagged(text, embed):
    assert not head_flags(text, embed)
    assert not detect_crisis(text, embed=embed).flagged


def test_head_on_its_own_adds_concern_never_urgent(embed, monkeypatch):
    # A dev statement the head trained on and no rule matches (the unseen paraphrases above are now caught by the
    # prototypes, not the head alone); the prototypes are switched off to see the head on its own.
    text = "I feel like I'm fading and I want to let it happen."
    monkeypatch.setattr(crisis, "_embedding_reasons", lambda *a: [])
    trained = trained_head()
    monkeypatch.setattr(crisis_head, "load", lambda path=None: trained)
    result = detect_crisis(text, embed=embed)
    assert result.level == "concern"
    assert result.reasons == [f'classifier: "{text.rstrip(".")}"']
    assert not detect_crisis(text, embed=embed, use_head=False).flagged


def test_training_is_deterministic(embed):
    from psychology.dev_eval import CachedEmbed

    statements, cached = T.load_statements(), CachedEmbed(embed)  # each text embedded once for both runs
    pick = [s for s in statements if s.crisis][:20] + [s for s in statements if not s.crisis and s.source == "dev"][:20]
    subset = pick + [s for s in statements if s.source == "diary" and len(s.text) < 200][:6]
    runs = [T.train(subset, cached, Cs=(1.0,), folds=3, log=None) for _ in "ab"]
    assert runs[0] == runs[1]
    assert len(runs[0]["coef"]) == 384


def test_no_held_out_statement_is_ever_trained_on():
    from ml_models.finetune_train import training_rows
    from ml_models.training import text_key

    trained = {text_key(st.text) for st in T.load_statements()} | {text_key(r["text"]) for r in training_rows()}
    assert [p.name for p in T.HELD_OUT_SETS] == [
        "crisis_cases.jsonl",
        *(f"crisis_heldout{n}.jsonl" for n in range(2, 6)),
    ]
    assert T.held_out_texts() and not trained & T.held_out_texts()


def test_threshold_keeps_the_false_alarms_a_model_adds_within_the_limits():
    statements = [T.Statement(f"c{i}", True, "dev") for i in range(4)]
    statements += [T.Statement(f"n{i}", False, "dev") for i in range(100)]
    scores = np.array([0.99, 0.95, 0.6, 0.05] + [0.97, 0.97, 0.9] + [0.1] * 97)
    base = np.zeros(len(statements), dtype=bool)
    threshold, rates = T.choose_threshold(scores, statements, base)
    assert threshold == 0.95  # 0.9 would add a third false alarm among 100 "none" statements (limit 2%)
    assert rates == {"recall": 0.5, "fpr_dev": 0.02, "fpr_diary": 0.0}  # no diary passages: 0, not NaN
    base[6] = True  # a false alarm the rules raise anyway is not the model's
    threshold, rates = T.choose_threshold(scores, statements, base)
    assert threshold == 0.6 and rates["recall"] == 0.75 and rates["fpr_dev"] == 0.03
    too_eager = np.array([0.5] * 4 + [0.9] * 100)  # every threshold adds too many: never flag
    assert T.choose_threshold(too_eager, statements, np.zeros(len(statements), dtype=bool))[0] == np.inf
