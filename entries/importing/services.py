"""Import jobs: take an upload, preview it, import it on confirmation, all in a worker; forget the file after.

The upload is kept in the database in 1 MB chunks rather than on a disk: the web process and the workers share
no volume (see docker-compose.yml), and the chunks go with the job when it, or the account, is deleted.
"""

import datetime
import logging
import tempfile
from pathlib import Path

from django.core.exceptions import ValidationError
from django.db import InterfaceError, OperationalError, transaction
from django.utils import timezone

from entries.importers import FORMATS, MAX_UPLOAD_BYTES
from entries.models_portability import ImportChunk, ImportJob

from .batches import run_import
from .report import ImportReport

logger = logging.getLogger(__name__)
CHUNK_BYTES = 1024 * 1024
STALE_AFTER = datetime.timedelta(days=1)
TRANSIENT = (OperationalError, InterfaceError)
GAVE_UP_MESSAGE = (
    "The database kept failing during the import. Entries saved before the fault are kept; "
    "upload the file again to import the rest (what is already in is skipped)."
)
BROKE_MESSAGE = (
    "Something went wrong while reading the file. Entries saved before the fault are kept; "
    "uploading it again skips them."
)
TOO_LARGE_MESSAGE = f"Files are limited to {MAX_UPLOAD_BYTES // 1024**2} MB. Split the export and import each part."


def start_import(*, user, upload, fmt: str = "auto", dry_run: bool = True) -> ImportJob:
    """Store the upload and queue a preview (dry_run) or an import of it."""
    if fmt != "auto" and fmt not in FORMATS:
        raise ValidationError({"format": f"Unknown format {fmt!r}."})
    if upload.size > MAX_UPLOAD_BYTES:
        raise ValidationError({"file": TOO_LARGE_MESSAGE})
    if not upload.size:
        raise ValidationError({"file": "The file is empty."})
    purge_stale_uploads(user=user)
    with transaction.atomic():
        job = ImportJob.objects.create(
            user=user, format=fmt, filename=Path(upload.name or "upload").name[:255], size=upload.size, dry_run=dry_run
        )
        upload.seek(0)
        for index, piece in enumerate(iter(lambda: upload.read(CHUNK_BYTES), b"")):
            ImportChunk.objects.create(job=job, index=index, data=piece)
        transaction.on_commit(lambda: enqueue_job(job.pk))
    return job


def confirm_import(*, job: ImportJob) -> ImportJob:
    """Import for real the file of a finished preview."""
    if job.status != ImportJob.Status.PREVIEWED or not job.chunks.exists():
        raise ValidationError({"job": "Only a finished preview can be imported; upload the file again."})
    with transaction.atomic():
        job.dry_run = False
        job.status = ImportJob.Status.QUEUED
        job.processed_bytes = 0
        job.started_at = job.finished_at = None
        job.save(update_fields=["dry_run", "status", "processed_bytes", "started_at", "finished_at"])
        transaction.on_commit(lambda: enqueue_job(job.pk))
    return job


def enqueue_job(job_id: int) -> None:
    from . import tasks  # the task module imports this one

    try:
        tasks.import_journal.apply_async(args=[job_id], retry=False)
    except Exception as exc:  # noqa: BLE001 - any broker fault: say so on the job instead of a silent wait
        logger.warning("could not enqueue import job %s: %s", job_id, exc)
        ImportJob.objects.filter(pk=job_id).update(
            status=ImportJob.Status.FAILED,
            error="The import queue is unreachable right now. Please try again in a few minutes.",
            finished_at=timezone.now(),
        )
        ImportChunk.objects.filter(job_id=job_id).delete()  # a failed job is never run: its copy of the file goes


def process_import_job(*, job_id: int, final_attempt: bool = True) -> ImportJob | None:
    """Run a queued job (called by the task). Safe to run twice: entries already imported are skipped."""
    claimed = ImportJob.objects.filter(
        pk=job_id, status__in=[ImportJob.Status.QUEUED, ImportJob.Status.RUNNING]
    ).update(status=ImportJob.Status.RUNNING, started_at=timezone.now())
    if not claimed:
        return None  # finished already, or deleted with its account
    job = ImportJob.objects.select_related("user").get(pk=job_id)
    try:
        report = _run(job)
    except TRANSIENT:
        if final_attempt:
            _finish(job, ImportJob.Status.FAILED, error=GAVE_UP_MESSAGE)
        raise  # the task retries; the job stays "running" and is claimed again
    except Exception:
        logger.exception("import job %s failed", job_id)
        _finish(job, ImportJob.Status.FAILED, error=BROKE_MESSAGE)
        return job
    status = ImportJob.Status.PREVIEWED if job.dry_run else ImportJob.Status.DONE
    _finish(job, status, report=report)
    return job


def _run(job: ImportJob) -> ImportReport:
    def on_progress(done: int, total: int) -> None:
        ImportJob.objects.filter(pk=job.pk).update(processed_bytes=done, total_bytes=total)

    suffix = Path(job.filename).suffix[:16]
    with tempfile.NamedTemporaryFile(prefix="journaling-import-", suffix=suffix) as spool:
        chunks = ImportChunk.objects.filter(job=job).order_by("index").values_list("data", flat=True)
        for data in chunks.iterator(chunk_size=4):
            spool.write(data)
        spool.flush()
        return run_import(
            user=job.user,
            path=spool.name,
            fmt=job.format,
            display_name=job.filename,
            dry_run=job.dry_run,
            on_progress=on_progress,
        )


def _finish(job: ImportJob, status: str, *, report: ImportReport | None = None, error: str = "") -> None:
    job.status = status
    job.error = error
    job.finished_at = timezone.now()
    fields = ["status", "error", "finished_at"]
    if report is not None:
        job.report = report.as_dict()
        fields.append("report")
    job.save(update_fields=fields)
    if status != ImportJob.Status.PREVIEWED:
        ImportChunk.objects.filter(job=job).delete()  # the file is no longer needed: don't keep a copy


def purge_stale_uploads(*, user=None, older_than: datetime.timedelta = STALE_AFTER) -> int:
    """Forget the files of previews never confirmed (and of failed jobs, which older versions kept); the job rows
    (counts only) stay as history."""
    # Not a confirmed job: it waits "queued" for a worker (for a day, if workers are down) and needs its file.
    chunks = ImportChunk.objects.filter(
        job__status__in=[ImportJob.Status.PREVIEWED, ImportJob.Status.FAILED],
        job__created_at__lt=timezone.now() - older_than,
    )
    if user is not None:
        chunks = chunks.filter(job__user=user)
    return chunks.delete()[0]
