"""The fine-tuned classifier's signal (its most alarming chunk) in the crisis detector (ml_models/finetuned.py)."""

from psychology.crisis import detect_crisis

from .test_crisis_head import LOOK_ALIKES, UNSEEN_CRISIS


def test_the_models_signal_adds_concern_only_at_or_above_its_threshold():
    calm = "We walked to the market and bought plums."
    assert not detect_crisis(calm, classifier=(0.49, 0.5)).flagged
    result = detect_crisis(calm, classifier=(0.5, 0.5))
    assert result.level == "concern"
    assert result.reasons == ["a passage of the entry reads like crisis language (model confidence 0.50)"]


def test_the_model_never_lowers_what_the_rules_found():
    result = detect_crisis("I want to kill myself tonight.", classifier=(0.01, 0.5))
    assert result.level == "urgent" and not any("model confidence" in r for r in result.reasons)


def test_the_pipeline_flags_unseen_indirect_wording_and_not_look_alikes(pipeline):
    results = pipeline.analyze(UNSEEN_CRISIS + LOOK_ALIKES)
    flagged = [r["crisis"]["flagged"] for r in results]
    assert flagged == [True] * len(UNSEEN_CRISIS) + [False] * len(LOOK_ALIKES)


def test_the_pipeline_records_the_classifier_with_the_crisis_version(pipeline):
    assert "+finetuned:" in pipeline.versions["crisis"]
    assert "+finetuned:" in pipeline.versions["sentiment"] and "+finetuned:" in pipeline.versions["emotion"]
