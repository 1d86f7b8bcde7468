"""Celery tasks: take ids, stay idempotent, leave the work to ml_models.runner and entries.analysis."""

from celery import shared_task
from django.db import InterfaceError, OperationalError
from redis.exceptions import ConnectionError as RedisConnectionError

# Faults that pass by themselves; anything else is recorded on the entry (see ml_models.runner).
TRANSIENT = (OperationalError, InterfaceError, RedisConnectionError, ConnectionError, TimeoutError)

# For the inference tasks here and in psychology.tasks, so the workers treat all their work alike: a message is
# acknowledged only once the work is done (a killed worker's message comes back), and transient faults are retried
# with jittered backoff. Bound, because a task reads self.request.retries to know its final attempt.
INFERENCE_TASK_OPTIONS = {
    "bind": True,
    "acks_late": True,
    "reject_on_worker_lost": True,
    "autoretry_for": TRANSIENT,
    "retry_backoff": 2,
    "retry_backoff_max": 120,
    "retry_jitter": True,
    "max_retries": 5,
}


@shared_task(**INFERENCE_TASK_OPTIONS)
def analyze_entries(self, entry_ids: list[int], alone: bool = False) -> int:
    """Analyse these entries (a batch). Safe to run twice: finished entries are skipped. `alone`: no backlog
    top-up (the sweep sends each entry a worker died on in a message of its own)."""
    from django.conf import settings

    from .runner import run_analysis

    # A first delivery drains the backlog in batches; a retry or a redelivery (the worker died on this message,
    # perhaps on a poison entry) analyses only its own entries, so one bad text cannot drag others along.
    first_try = not alone and not self.request.retries and not (self.request.delivery_info or {}).get("redelivered")
    return run_analysis(
        list(entry_ids),
        final_attempt=self.request.retries >= self.max_retries,
        top_up_to=settings.ANALYSIS_BATCH_SIZE if first_try else 0,
    )


@shared_task(acks_late=True)
def sweep_unanalysed() -> int:
    """Re-enqueue entries left pending, processing or failed for too long (broker down, worker killed)."""
    from .runner import sweep

    return sweep()


@shared_task(name="ml_models.tasks.embed_query", ignore_result=True)
def embed_query_task(text: str, reply_key: str, deadline: float | None = None) -> None:
    """Embed one search query for a waiting web request (see ml_models.query_embedding)."""
    from .query_embedding import answer_query

    answer_query(text, reply_key, deadline)
