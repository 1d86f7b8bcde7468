"""Fixtures for the wellbeing tests: the loaded knowledge base, analysed entries, and the real embedder."""

import importlib

import pytest
from django.apps import apps as django_apps

from journaling.testing.factories import EntryFactory
from psychology.models import Technique

NEUTRAL = {"anger": 0.0, "disgust": 0.0, "fear": 0.0, "joy": 0.0, "neutral": 1.0, "sadness": 0.0, "surprise": 0.0}


@pytest.fixture
def knowledge_base(db):
    """The data migration's rows. Transactional tests elsewhere flush tables, so reload them if they are gone."""
    if not Technique.objects.exists():
        importlib.import_module("psychology.migrations.0002_load_knowledge_base").load(django_apps, None)
        importlib.import_module("psychology.migrations.0003_crisisresource_whatsapp").move_whatsapp_numbers(
            django_apps, None
        )
    return Technique.objects.all()


def _analysed(user, *, content="A day.", emotions=None, sentiment=0.0, crisis=False, embedding=None, **extra):
    emotions = {**{k: 0.0 for k in NEUTRAL}, **(emotions or {"neutral": 1.0})}
    label = "positive" if sentiment > 0.3 else "negative" if sentiment < -0.3 else "neutral"
    return EntryFactory(
        user=user,
        content=content,
        analysis_status="done",
        emotions=emotions,
        dominant_emotion=max(emotions, key=emotions.get),
        sentiment_score=sentiment,
        sentiment_label=label,
        crisis_flagged=crisis,
        crisis_level="urgent" if crisis else "none",
        embedding=None if embedding is None else [float(x) for x in embedding],
        **extra,
    )


@pytest.fixture
def analysed_entry():
    """make(user, content=..., emotions={...}, sentiment=..., crisis=..., embedding=...) -> an analysed Entry."""
    return _analysed


@pytest.fixture(scope="session")
def embed():
    """The workers' real sentence embedder (all-MiniLM-L6-v2, L2-normalised)."""
    from ml_models.pipeline import get_pipeline

    return get_pipeline().embedder.encode
