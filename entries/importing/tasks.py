"""Celery tasks of imports. Named explicitly: this module is loaded through CELERY_IMPORTS, not autodiscovery."""

from celery import shared_task

from . import services


@shared_task(
    bind=True,
    name="entries.import_journal",
    acks_late=True,
    reject_on_worker_lost=True,
    autoretry_for=services.TRANSIENT,
    retry_backoff=2,
    retry_backoff_max=60,
    retry_jitter=True,
    max_retries=5,
)
def import_journal(self, job_id: int) -> str:
    """Preview or import one uploaded file. Idempotent: a second run finds the job finished, or skips duplicates."""
    job = services.process_import_job(job_id=job_id, final_attempt=self.request.retries >= self.max_retries)
    return job.status if job else "nothing to do"


@shared_task(name="entries.purge_stale_imports", acks_late=True)
def purge_stale_imports() -> int:
    """Delete uploaded files of previews nobody confirmed within a day."""
    return services.purge_stale_uploads()
