"""Import jobs: upload kept in chunks, preview, confirm, import, and the Celery task (in-process and a real worker)."""

import base64
import datetime
import json
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from entries.importing import services, tasks
from entries.models import Entry
from entries.models_portability import ImportChunk, ImportJob
from entries.tests.test_importers_writing import dayone_file
from journaling.testing.processes import WorkerProcess, wait_for
from journaling.tests.test_faults import private_redis  # noqa: F401 - a fixture

FIXTURES = Path(__file__).parent / "import_fixtures"


@pytest.fixture
def default_queue():
    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    client.delete("default")
    yield client
    client.delete("default")


def upload_of(path: Path, name: str | None = None) -> SimpleUploadedFile:
    return SimpleUploadedFile(name or path.name, path.read_bytes())


@pytest.mark.django_db
def test_upload_is_kept_in_chunks_and_the_task_is_queued_after_commit(
    user, tmp_path, default_queue, django_capture_on_commit_callbacks
):
    path = dayone_file(tmp_path / "Journal.json", 6000)  # a little over 1 MB: two chunks
    with django_capture_on_commit_callbacks(execute=True):
        job = services.start_import(user=user, upload=upload_of(path))
    assert (job.status, job.dry_run, job.format, job.size) == ("queued", True, "auto", path.stat().st_size)
    assert job.chunks.count() == 2
    message = json.loads(default_queue.lrange("default", 0, -1)[0])
    assert message["headers"]["task"] == "entries.import_journal"
    assert json.loads(base64.b64decode(message["body"]))[0] == [job.pk]


@pytest.mark.django_db
def test_preview_then_confirm_imports_once_and_forgets_the_file(user, tmp_path, default_queue):
    path = dayone_file(tmp_path / "Journal.json", 1500)
    job = services.start_import(user=user, upload=upload_of(path))
    assert tasks.import_journal.apply(args=[job.pk]).get() == "previewed"
    job.refresh_from_db()
    assert job.report["new"] == 1500 and job.report["dry_run"] is True and job.percent == 100
    assert job.total_bytes == path.stat().st_size == job.processed_bytes
    assert not Entry.objects.exists() and job.chunks.exists()

    services.confirm_import(job=job)
    assert tasks.import_journal.apply(args=[job.pk]).get() == "done"
    job.refresh_from_db()
    assert (job.status, job.report["new"], job.report["dry_run"]) == ("done", 1500, False)
    assert Entry.objects.filter(user=user).count() == 1500
    assert not ImportChunk.objects.exists()
    assert tasks.import_journal.apply(args=[job.pk]).get() == "nothing to do"  # a redelivered message
    with pytest.raises(ValidationError):
        services.confirm_import(job=job)


@pytest.mark.django_db
def test_direct_import_without_preview(user, default_queue):
    job = services.start_import(user=user, upload=upload_of(FIXTURES / "jrnl.json"), fmt="jrnl-json", dry_run=False)
    tasks.import_journal.apply(args=[job.pk])
    job.refresh_from_db()
    assert job.status == "done" and job.report["new"] == 2 and job.report["skipped"] == 1
    assert job.report["reasons"] == [{"where": "jrnl.json, entry 3", "reason": "missing or unreadable date"}]


@pytest.mark.django_db
def test_a_hostile_zip_ends_the_job_with_the_reason_and_no_entries(user, tmp_path, default_queue):
    import zipfile

    path = tmp_path / "evil.zip"
    with zipfile.ZipFile(path, "w") as zf:
        zf.writestr("2024-01-01.md", "Fine.")
        zf.writestr("../../x", "Evil.")
    job = services.start_import(user=user, upload=upload_of(path), dry_run=False)
    tasks.import_journal.apply(args=[job.pk])
    job.refresh_from_db()
    assert job.status == "done" and job.report["new"] == 0
    assert "unsafe file name ('../../x')" in job.report["stopped"]
    assert not Entry.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "kwargs,field",
    [
        ({"fmt": "evernote"}, "format"),
        ({"upload": SimpleUploadedFile("empty.json", b"")}, "file"),
    ],
)
def test_bad_requests_are_refused_before_storing_anything(user, kwargs, field):
    kwargs.setdefault("upload", SimpleUploadedFile("a.json", b"{}"))
    with pytest.raises(ValidationError) as exc:
        services.start_import(user=user, **kwargs)
    assert field in exc.value.message_dict
    assert not ImportJob.objects.exists()


@pytest.mark.django_db
def test_the_size_limit_is_checked_on_the_upload(user, monkeypatch):
    monkeypatch.setattr(services, "MAX_UPLOAD_BYTES", 10)
    with pytest.raises(ValidationError, match="Files are limited to 200 MB"):
        services.start_import(user=user, upload=SimpleUploadedFile("a.json", b"{" * 11))


@pytest.mark.django_db
def test_a_job_of_a_deleted_account_is_a_no_op(user, default_queue):
    job = services.start_import(user=user, upload=upload_of(FIXTURES / "jrnl.txt"))
    user.delete()
    assert tasks.import_journal.apply(args=[job.pk]).get() == "nothing to do"


@pytest.mark.django_db
def test_unconfirmed_previews_lose_their_file_after_a_day(user, default_queue):
    job = services.start_import(user=user, upload=upload_of(FIXTURES / "jrnl.txt"))
    tasks.import_journal.apply(args=[job.pk])
    assert tasks.purge_stale_imports.apply().get() == 0
    ImportJob.objects.filter(pk=job.pk).update(created_at=timezone.now() - datetime.timedelta(days=2))
    assert tasks.purge_stale_imports.apply().get() == 1
    job.refresh_from_db()
    assert job.status == "previewed" and job.report["new"] == 3  # the counts stay as history
    with pytest.raises(ValidationError):
        services.confirm_import(job=job)


@pytest.mark.worker
@pytest.mark.django_db(transaction=True)
@pytest.mark.skipif(
    "entries.importing.tasks" not in getattr(settings, "CELERY_IMPORTS", ()),
    reason="settings.CELERY_IMPORTS must list entries.importing.tasks for a worker to know the task",
)
def test_a_real_worker_runs_the_preview(user, tmp_path):
    worker = WorkerProcess(tmp_path / "worker.log", ML_WARM_ON_START="0").start()
    try:
        job = services.start_import(user=user, upload=upload_of(FIXTURES / "daylio.csv"))
        wait_for(lambda: ImportJob.objects.get(pk=job.pk).status == "previewed", message="the preview")
    finally:
        worker.stop()
    assert ImportJob.objects.get(pk=job.pk).report["new"] == 4


@pytest.mark.django_db
def test_an_upload_the_queue_could_not_take_is_not_kept(user, private_redis, django_capture_on_commit_callbacks):  # noqa: F811
    private_redis.stop()  # the broker is down when the file is uploaded
    with django_capture_on_commit_callbacks(execute=True):
        job = services.start_import(user=user, upload=upload_of(FIXTURES / "jrnl.txt"))
    job.refresh_from_db()
    assert job.status == "failed" and "try again" in job.error
    assert not ImportChunk.objects.filter(job=job).exists()  # no copy of the journal is left behind


@pytest.mark.django_db
def test_files_that_failed_jobs_kept_are_forgotten_after_a_day(user, default_queue):
    job = services.start_import(user=user, upload=upload_of(FIXTURES / "jrnl.txt"))
    ImportJob.objects.filter(pk=job.pk).update(status="failed", created_at=timezone.now() - datetime.timedelta(days=2))
    assert ImportChunk.objects.filter(job=job).exists()  # as versions before 2026-11-30 left them
    assert tasks.purge_stale_imports.apply().get() == 1
    assert not ImportChunk.objects.filter(job=job).exists()
