"""Celery tasks of the wellbeing area. They run in the inference workers, which already hold the embedder."""

import logging

from celery import shared_task
from celery.signals import worker_ready
from django.conf import settings

from ml_models.tasks import INFERENCE_TASK_OPTIONS

logger = logging.getLogger(__name__)


def _inference_queue() -> str:
    # Same queue as the entry analysis, so the model is loaded in one kind of process only.
    return settings.CELERY_TASK_ROUTES.get("ml_models.tasks.*", {}).get("queue", "inference")


@shared_task(**INFERENCE_TASK_OPTIONS, queue=_inference_queue())
def embed_techniques(self, technique_ids: list[int] | None = None, force: bool = False) -> int:
    """Embed techniques whose text changed (all of them if ids is None). Idempotent: current rows are skipped."""
    from ml_models.pipeline import get_pipeline

    from .services import embed_techniques as embed

    # Lazy: when every embedding is current the model is not even loaded.
    return embed(encode=lambda texts: get_pipeline().embedder.encode(texts), ids=technique_ids, force=force)


def enqueue_embedding(technique_ids: list[int] | None = None, *, force: bool = False) -> bool:
    """Ask a worker to (re)embed techniques. A broker fault is logged, not raised: matching works without."""
    try:
        embed_techniques.apply_async(args=[technique_ids, force], retry=False)
    except Exception as exc:  # noqa: BLE001 - saving a technique in the admin must not fail on the broker
        logger.warning("could not enqueue technique embedding: %s; run `manage.py embed_techniques`", exc)
        return False
    return True


@worker_ready.connect
def _embed_missing_on_start(sender=None, **kwargs) -> None:
    """After a deploy or the data migration, the first worker to start fills in missing technique embeddings."""
    enqueue_embedding(None)
