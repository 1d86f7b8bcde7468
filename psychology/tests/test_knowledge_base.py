"""The data migration, the admin for the knowledge base, and technique embeddings computed off the web process."""

import importlib
import json
from pathlib import Path

import numpy as np
import pytest
import redis
from django.apps import apps as django_apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management import call_command

from journaling.testing.factories import UserFactory
from psychology import services
from psychology.models import CrisisResource, Technique, ThinkingTrap

DATA = Path(__file__).resolve().parents[1] / "data"


def test_the_migration_loaded_every_technique_with_sources(knowledge_base):
    techniques = list(Technique.objects.all())
    assert len(techniques) >= 30
    assert len(techniques) == len(json.loads((DATA / "techniques.json").read_text()))
    for technique in techniques:
        assert technique.sources, technique.slug
        assert all(s.get("title") and s.get("authors") and s.get("year") for s in technique.sources), technique.slug
        assert technique.steps and technique.emotions
        technique.full_clean(exclude=["embedding"])


def test_the_migration_loaded_traps_and_crisis_resources_with_a_default(knowledge_base):
    assert ThinkingTrap.objects.count() == len(json.loads((DATA / "thinking_traps.json").read_text()))
    for trap in ThinkingTrap.objects.all():
        trap.full_clean()  # every pattern compiles
    default = CrisisResource.objects.get(country="")
    assert default.url and default.emergency
    gb = CrisisResource.objects.get(country="GB")
    assert (gb.name, gb.phone) == ("Samaritans", "116 123")


def test_loading_twice_changes_nothing(knowledge_base):
    before = (Technique.objects.count(), ThinkingTrap.objects.count(), CrisisResource.objects.count())
    Technique.objects.filter(slug="thought-record").update(name="Edited")
    importlib.import_module("psychology.migrations.0002_load_knowledge_base").load(django_apps, None)
    after = (Technique.objects.count(), ThinkingTrap.objects.count(), CrisisResource.objects.count())
    assert before == after
    assert Technique.objects.get(slug="thought-record").name == "Thought record"


def test_a_technique_without_sources_or_with_a_broken_trap_pattern_is_invalid(knowledge_base):
    technique = Technique.objects.first()
    technique.sources = []
    with pytest.raises(ValidationError):
        technique.full_clean(exclude=["embedding"])
    trap = ThinkingTrap.objects.first()
    trap.patterns = ["(unclosed"]
    with pytest.raises(ValidationError):
        trap.full_clean()


@pytest.mark.parametrize("model", ["technique", "thinkingtrap", "crisisresource"])
def test_the_knowledge_base_is_editable_in_the_admin_with_filters_and_search(client, knowledge_base, model):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    listing = client.get(f"/admin/psychology/{model}/?q=a")
    assert listing.status_code == 200
    assert b'id="changelist-filter"' in listing.content
    first = django_apps.get_model("psychology", model).objects.first()
    assert client.get(f"/admin/psychology/{model}/{first.pk}/change/").status_code == 200


def test_private_assessments_and_feedback_are_not_in_the_admin(client, db):
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    assert client.get("/admin/psychology/assessmentresult/").status_code == 404
    assert client.get("/admin/psychology/suggestionfeedback/").status_code == 404


@pytest.mark.slow
def test_embeddings_are_computed_with_the_real_embedder_and_only_when_stale(knowledge_base, embed):
    Technique.objects.update(embedding=None, embedded_text="")
    assert services.embed_techniques(encode=embed) == Technique.objects.count()
    technique = Technique.objects.get(slug="stimulus-control-sleep")
    vector = np.asarray(technique.embedding)
    assert vector.shape == (384,) and abs(np.linalg.norm(vector) - 1) < 1e-3
    assert np.allclose(vector, embed([technique.embedding_text])[0], atol=1e-3)

    calls = []
    assert services.embed_techniques(encode=lambda texts: calls.append(texts)) == 0  # all current: no model call
    assert calls == []
    Technique.objects.filter(pk=technique.pk).update(when_it_helps="When sleep will not come.")
    assert services.embed_techniques(encode=embed) == 1


@pytest.mark.slow
def test_the_management_command_and_the_task_embed_missing_techniques(knowledge_base):
    from psychology.tasks import embed_techniques

    Technique.objects.update(embedding=None, embedded_text="")
    call_command("embed_techniques", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert not Technique.objects.filter(embedding__isnull=True).exists()
    Technique.objects.filter(slug="worry-time").update(embedding=None)
    assert embed_techniques.apply(args=[None]).get() == 1  # the task body, run eagerly in this process


def test_editing_a_technique_in_the_admin_queues_its_embedding_for_a_worker(
    client, knowledge_base, django_capture_on_commit_callbacks
):
    broker = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    queue = settings.CELERY_TASK_ROUTES["ml_models.tasks.*"]["queue"]
    broker.delete(queue)
    client.force_login(UserFactory(is_staff=True, is_superuser=True))
    technique = Technique.objects.get(slug="worry-time")
    form = {
        "slug": technique.slug,
        "name": technique.name,
        "family": technique.family,
        "summary": technique.summary,
        "when_it_helps": "When worries follow you to bed.",
        "emotions": ",".join(technique.emotions),
        "steps": json.dumps(technique.steps),
        "duration_minutes": technique.duration_minutes,
        "sources": json.dumps(technique.sources),
        "is_active": "on",
    }
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/admin/psychology/technique/{technique.pk}/change/", form)
    assert response.status_code == 302, response.content[:2000]
    messages = [json.loads(raw) for raw in broker.lrange(queue, 0, -1)]
    broker.delete(queue)
    assert [m["headers"]["task"] for m in messages] == ["psychology.tasks.embed_techniques"]
    assert Technique.objects.get(pk=technique.pk).when_it_helps == "When worries follow you to bed."
