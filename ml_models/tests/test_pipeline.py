"""The embedded default pipeline (packaged MiniLM + trained heads + crisis rules), run for real on the CPU."""

import numpy as np
import pytest

from ml_models.registry import EMOTION_LABELS, SENTIMENT_LABELS


def test_results_have_the_documented_shape(pipeline):
    result = pipeline.analyze(["Had a lovely dinner with old friends and laughed all night."])[0]
    assert result["sentiment"]["label"] in SENTIMENT_LABELS
    assert -1 <= result["sentiment"]["score"] <= 1
    assert set(result["emotions"]) == set(EMOTION_LABELS)
    assert sum(result["emotions"].values()) == pytest.approx(1, abs=1e-3)
    assert sum(result["sentiment"]["probabilities"].values()) == pytest.approx(1, abs=1e-3)
    assert result["embedding"].shape == (384,)
    assert np.linalg.norm(result["embedding"]) == pytest.approx(1, abs=1e-4)
    assert set(result["crisis"]) == {"flagged", "level", "reasons"}


def test_clear_cases_are_classified_sensibly(pipeline):
    happy, sad = pipeline.analyze(
        [
            "Best day in months. Got the job offer, called mum, and we celebrated with cake. I'm so happy.",
            "I miss my dad so much. It's been a year since the funeral and I cried all evening.",
        ]
    )
    assert happy["sentiment"]["label"] == "positive" and happy["sentiment"]["score"] > 0.3
    assert max(happy["emotions"], key=happy["emotions"].get) == "joy"
    assert sad["sentiment"]["label"] == "negative" and sad["sentiment"]["score"] < -0.3
    assert max(sad["emotions"], key=sad["emotions"].get) == "sadness"


def test_batching_gives_the_same_answers_as_one_at_a_time(pipeline):
    texts = ["Quiet day at home.", "I am furious with my landlord.", "Nervous about tomorrow's interview."]
    batch = pipeline.analyze(texts)
    for text, batched in zip(texts, batch):
        single = pipeline.analyze([text])[0]
        assert single["sentiment"]["label"] == batched["sentiment"]["label"]
        assert single["sentiment"]["score"] == pytest.approx(batched["sentiment"]["score"], abs=1e-3)
        np.testing.assert_allclose(single["embedding"], batched["embedding"], atol=1e-4)


@pytest.mark.parametrize(
    "text",
    [
        "   ",
        "😀😀😀🎉",
        "Hoy fue un día muy tranquilo, paseé por el parque.",
        "今日はとても楽しかった。",
        "control\x00chars\x07here\x1b[31m",
        "x" * 100_000,
        ("A long entry sentence about my day that goes on. " * 2000)[:100_000],
    ],
)
def test_awkward_input_is_analysed_without_error(pipeline, text):
    result = pipeline.analyze([text])[0]
    assert result["sentiment"]["label"] in SENTIMENT_LABELS
    assert np.isfinite(result["embedding"]).all()


def test_long_entries_are_chunked_not_truncated(pipeline):
    calm = "I sat by the window and read my book quietly. " * 30
    angry = "Then my landlord barged in and screamed at me, I was absolutely furious and disgusted. " * 30
    only_calm, both = pipeline.analyze([calm, calm + angry])
    # The angry half sits past the first 256 tokens: truncation would make both results identical.
    assert both["emotions"]["anger"] > only_calm["emotions"]["anger"] + 0.05


def test_a_query_worker_loads_only_the_embedder_and_the_pipeline_adopts_it(monkeypatch):
    from ml_models import pipeline as module

    monkeypatch.setattr(module, "_pipeline", None)
    monkeypatch.setattr(module, "_embedder", None)
    embedder = module.get_embedder()
    assert module._pipeline is None  # no classifier loaded for a search query
    assert embedder.encode(["test nerves"]).shape == (1, 384)
    assert module.get_pipeline().embedder is embedder  # one copy of the model when a worker serves both queues
    assert module.get_embedder() is embedder


def test_the_fine_tuned_classifier_is_averaged_with_the_heads_and_can_be_turned_off(pipeline):
    from ml_models.pipeline import Pipeline

    text = "The interview went badly and I keep replaying it, though my sister made me laugh tonight."
    heads_only = Pipeline(**pipeline.specs, embedder=pipeline.embedder, classifier_path=None)
    assert heads_only.classifier is None
    assert all("finetuned" not in v for v in heads_only.versions.values())
    lighter, full = heads_only.analyze([text])[0], pipeline.analyze([text])[0]
    model, b = pipeline.classifier.predict([text]), pipeline.classifier.blend
    for task, key, labels in (("sentiment", "probabilities", SENTIMENT_LABELS), ("emotion", None, EMOTION_LABELS)):
        heads = np.array([(lighter[task][key] if key else lighter["emotions"])[label] for label in labels])
        blended = np.array([(full[task][key] if key else full["emotions"])[label] for label in labels])
        np.testing.assert_allclose(blended, (1 - b) * heads + b * model[task][0], atol=2e-4)  # results are rounded


def test_the_setting_off_leaves_the_classifier_out_of_the_workers_pipeline(pipeline, settings, monkeypatch):
    from ml_models import pipeline as module

    embedder = pipeline.embedder  # reuse the loaded encoder
    monkeypatch.setattr(module, "_pipeline", None)
    monkeypatch.setattr(module, "_embedder", embedder)
    settings.ML_FINETUNED_CLASSIFIER = "off"
    assert module.get_pipeline().classifier is None
    monkeypatch.setattr(module, "_pipeline", None)
    settings.ML_FINETUNED_CLASSIFIER = "default"
    assert module.get_pipeline().classifier.version.startswith("finetuned:")


def test_an_embedding_model_of_another_size_is_refused_when_it_loads(pipeline):
    """Entries store 384-d vectors: a 768-d model would load, then fail every write with a misleading reason."""
    from types import SimpleNamespace

    from ml_models.backends import ModelUnavailable
    from ml_models.pipeline import Pipeline

    wider = SimpleNamespace(dim=768, spec=SimpleNamespace(source="/models/all-mpnet-base-v2"))
    with pytest.raises(ModelUnavailable, match="768-d vectors; entries store 384-d"):
        Pipeline(**pipeline.specs, embedder=wider, classifier_path=None)
