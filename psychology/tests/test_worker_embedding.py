"""A real Celery worker fills in missing technique embeddings by itself when it starts."""

import pytest
import redis
from django.conf import settings

from journaling.testing.processes import WorkerProcess, wait_for
from psychology.models import Technique

pytestmark = [pytest.mark.worker, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def test_a_starting_worker_embeds_the_techniques_the_migration_loaded(tmp_path, knowledge_base):
    redis.Redis.from_url(settings.CELERY_BROKER_URL).delete("inference", "unacked", "unacked_index")
    Technique.objects.update(embedding=None, embedded_text="")
    worker = WorkerProcess(tmp_path / "worker.log").start()
    try:
        wait_for(lambda: not Technique.objects.filter(embedding__isnull=True).exists(), 180, message="embeddings")
    finally:
        worker.stop()
    assert all(t.embedding_is_current for t in Technique.objects.all())
