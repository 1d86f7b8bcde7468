"""Import bookkeeping: which outside entries were already imported, and the state of each import job."""

from django.conf import settings
from django.db import models


class ImportRecord(models.Model):
    """One imported entry's identity in its source app, so importing the same file twice adds nothing."""

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_records")
    source = models.CharField(max_length=20)
    source_id = models.CharField(max_length=255)
    # Purging the entry for good also forgets that it was imported: no trace of deleted writing is kept.
    entry = models.ForeignKey("entries.Entry", on_delete=models.CASCADE, related_name="import_records")
    imported_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["user", "source", "source_id"], name="import_record_unique_source_id")
        ]

    def __str__(self) -> str:
        return f"{self.source}:{self.source_id}"


class ImportJob(models.Model):
    """An uploaded file on its way in: a preview (dry run) first, then the import itself, run by a worker."""

    class Status(models.TextChoices):
        QUEUED = "queued", "Waiting for a worker"
        RUNNING = "running", "Reading the file"
        PREVIEWED = "previewed", "Preview ready"
        DONE = "done", "Imported"
        FAILED = "failed", "Failed"

    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="import_jobs")
    format = models.CharField(max_length=20, default="auto")
    filename = models.CharField(max_length=255)
    size = models.PositiveBigIntegerField(default=0)
    dry_run = models.BooleanField(default=True)
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.QUEUED)
    processed_bytes = models.PositiveBigIntegerField(default=0)
    total_bytes = models.PositiveBigIntegerField(default=0)
    report = models.JSONField(default=dict, blank=True)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    started_at = models.DateTimeField(null=True, blank=True)
    finished_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self) -> str:
        return f"{self.filename} ({self.status})"

    @property
    def is_finished(self) -> bool:
        return self.status in {self.Status.PREVIEWED, self.Status.DONE, self.Status.FAILED}

    @property
    def percent(self) -> int:
        if self.is_finished:
            return 100
        return int(100 * self.processed_bytes / self.total_bytes) if self.total_bytes else 0


class ImportChunk(models.Model):
    """A piece of an uploaded file, kept in the database so any worker can read it (no shared disk needed)."""

    job = models.ForeignKey(ImportJob, on_delete=models.CASCADE, related_name="chunks")
    index = models.PositiveIntegerField()
    data = models.BinaryField()

    class Meta:
        constraints = [models.UniqueConstraint(fields=["job", "index"], name="import_chunk_unique_index")]
