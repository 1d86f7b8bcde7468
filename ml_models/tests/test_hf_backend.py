"""The production transformers code path, exercised on tiny models that the test builds and saves itself."""

import numpy as np
import pytest
from django.core.management import CommandError, call_command

from ml_models.backends import HFClassifier, ModelUnavailable
from ml_models.chunking import chunk_many
from ml_models.pipeline import Pipeline
from ml_models.registry import EMOTION_LABELS, SENTIMENT_LABELS, spec_for

from .tiny_models import build_emotion_model, build_roberta_classifier, build_sentiment_model


@pytest.fixture(scope="module")
def models_dir(tmp_path_factory):
    root = tmp_path_factory.mktemp("models")
    build_sentiment_model(root)
    build_emotion_model(root)
    return root


def test_registry_resolves_hub_ids_to_local_folders(models_dir):
    spec = spec_for("sentiment", "cardiffnlp/twitter-roberta-base-sentiment-latest", models_dir)
    assert spec.backend == "hf-classifier"
    assert spec.source.endswith("cardiffnlp--twitter-roberta-base-sentiment-latest")
    with pytest.raises(ValueError):
        spec_for("sentiment", "j-hartmann/emotion-english-distilroberta-base", models_dir)


def test_tiny_models_load_and_map_labels(models_dir):
    sentiment = HFClassifier(
        spec_for("sentiment", "cardiffnlp/twitter-roberta-base-sentiment-latest", models_dir), "cpu"
    )
    probs = sentiment.predict(["I feel great", "awful day"])
    assert probs.shape == (2, 3)
    np.testing.assert_allclose(probs.sum(axis=1), 1, rtol=1e-5)
    emotion = HFClassifier(spec_for("emotion", "j-hartmann/emotion-english-distilroberta-base", models_dir), "cpu")
    assert emotion.predict(["hello"]).shape == (1, 7)


def test_pipeline_with_production_backends_chunks_long_entries(models_dir):
    pipeline = Pipeline(
        sentiment=spec_for("sentiment", "cardiffnlp/twitter-roberta-base-sentiment-latest", models_dir),
        emotion=spec_for("emotion", "j-hartmann/emotion-english-distilroberta-base", models_dir),
        embedding=spec_for("embedding", "default", models_dir),
    )
    clf = pipeline.classifiers["sentiment"]
    long_text = " ".join(["I feel great today and the sun is out."] * 40)
    assert clf.count_tokens(long_text) > clf.max_tokens  # would be truncated by a plain pipeline() call
    chunks, _, _ = chunk_many([long_text], clf.count_tokens, clf.max_tokens)
    assert len(chunks) > 1 and all(clf.count_tokens(c) <= clf.max_tokens for c in chunks)
    result = pipeline.analyze([long_text, "short one"])[0]
    assert set(result["sentiment"]["probabilities"]) == set(SENTIMENT_LABELS)
    assert set(result["emotions"]) == set(EMOTION_LABELS)
    assert abs(sum(result["emotions"].values()) - 1) < 1e-3
    p = result["sentiment"]["probabilities"]
    assert result["sentiment"]["score"] == pytest.approx(p["positive"] - p["negative"], abs=1e-3)
    assert pipeline.versions["sentiment"].startswith("hf-classifier:")


def test_missing_or_corrupt_model_folder_is_a_clear_error(tmp_path, models_dir):
    with pytest.raises(ModelUnavailable, match="not found"):
        HFClassifier(spec_for("sentiment", "cardiffnlp/twitter-roberta-base-sentiment-latest", tmp_path), "cpu")
    broken = build_roberta_classifier(tmp_path / "broken", {0: "negative", 1: "neutral", 2: "positive"})
    (broken / "model.safetensors").write_bytes(b"not a model")
    with pytest.raises(ModelUnavailable, match="could not load"):
        HFClassifier(spec_for("sentiment", str(broken), tmp_path), "cpu")


def test_model_without_our_labels_is_refused(tmp_path):
    odd = build_roberta_classifier(tmp_path / "odd", {0: "happy", 1: "sad"})
    with pytest.raises(ModelUnavailable, match="lacks labels"):
        HFClassifier(spec_for("sentiment", str(odd), tmp_path), "cpu")


def test_download_models_tries_the_hub_despite_the_offline_switch_and_fails_clearly(settings, tmp_path, monkeypatch):
    import socket
    import threading

    from huggingface_hub import constants

    # A stand-in hub on a local port that accepts connections and closes them unanswered.
    hub, calls = socket.create_server(("127.0.0.1", 0)), []

    def serve():
        while True:
            try:
                conn, _ = hub.accept()
            except OSError:
                return
            calls.append(conn.recv(200))
            conn.close()

    threading.Thread(target=serve, daemon=True).start()
    settings.ML_MODELS_DIR = str(tmp_path)
    monkeypatch.setattr(constants, "ENDPOINT", f"http://127.0.0.1:{hub.getsockname()[1]}")
    assert constants.HF_HUB_OFFLINE  # what settings set for every process
    try:
        with pytest.raises(CommandError) as exc:
            call_command("download_models")
    finally:
        hub.close()
    assert calls and b"cardiffnlp" in calls[0]  # it really asked the hub
    assert "cannot reach the model hub" in str(exc.value) and str(tmp_path) in str(exc.value)
    assert constants.HF_HUB_OFFLINE  # and switched the hub off again
