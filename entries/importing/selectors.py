"""Reads of import jobs, always scoped to one user."""

from django.db.models import QuerySet

from entries.models_portability import ImportJob


def import_jobs_for(user) -> QuerySet[ImportJob]:
    return ImportJob.objects.filter(user=user)


def job_state(job: ImportJob) -> dict:
    """What the progress page and the API show of a job."""
    return {
        "id": job.pk,
        "filename": job.filename,
        "format": job.format,
        "dry_run": job.dry_run,
        "status": job.status,
        "status_label": job.get_status_display(),
        "finished": job.is_finished,
        "processed_bytes": job.processed_bytes,
        "total_bytes": job.total_bytes,
        "percent": job.percent,
        "report": job.report or None,
        "error": job.error,
        "created_at": job.created_at.isoformat(),
        "finished_at": job.finished_at.isoformat() if job.finished_at else None,
    }
