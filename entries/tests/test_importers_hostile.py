"""Import inputs a review found losing entries: each now costs at most the one record, never the rest."""

import datetime
import json
import zipfile

import pytest

from entries.importing.batches import run_import
from entries.importing.services import purge_stale_uploads
from entries.models import Entry
from entries.models_portability import ImportChunk, ImportJob

pytestmark = pytest.mark.django_db


def markdown_zip(tmp_path, files: dict):
    path = tmp_path / "notes.zip"
    with zipfile.ZipFile(path, "w") as zf:
        for name, text in files.items():
            zf.writestr(name, text)
    return path


def test_an_impossible_front_matter_date_skips_that_note_only(user, tmp_path):
    path = markdown_zip(
        tmp_path,
        {
            "a.md": "---\ndate: 2024-01-05\n---\nFirst note.",
            "b.md": "---\ndate: 2023-02-29\n---\nA leap day that never was.",
            "c.md": "---\ncreated: 2024-01-01 25:00:00\ndate: 2024-01-06\n---\nAn hour past midnight's end.",
            "d.md": "---\ndate: 2024-01-07\n---\nLast note.",
        },
    )
    report = run_import(user=user, path=path, fmt="markdown")
    assert (report.new, report.skipped, report.stopped) == (2, 2, "")
    assert sorted(Entry.objects.values_list("content", flat=True)) == ["First note.", "Last note."]
    assert all("cannot be read" in r["reason"] for r in report.reasons)


def test_text_between_two_rules_is_read_as_the_body_not_skipped(user, tmp_path):
    report = run_import(user=user, path=markdown_zip(tmp_path, {"2024-03-01.md": "---\nSome text\n---\n"}))
    assert report.new == 1
    entry = Entry.objects.get()
    assert "Some text" in entry.content and entry.entry_date == datetime.date(2024, 3, 1)


def test_our_own_export_with_odd_tags_or_half_an_emoji_imports_every_entry(user, tmp_path):
    entries = [
        {"id": 1, "title": "T", "content": "Tags are a number.", "entry_date": "2024-01-01", "tags": 5},
        {"id": 2, "title": "Half \ud83d", "content": "Cut off \ud83d here.", "entry_date": "2024-01-02"},
        {"id": 3, "title": "", "content": "Fine.", "entry_date": "2024-01-03", "tags": ["ok"]},
    ]
    path = tmp_path / "entries.json"
    path.write_text(json.dumps({"schema": "journaling.export/1", "user": {"id": 3}, "entries": entries}))
    report = run_import(user=user, path=path)
    assert (report.new, report.stopped) == (3, "")
    by_date = {e.entry_date.day: e for e in Entry.objects.all()}
    assert by_date[1].tags == [] and by_date[3].tags == ["ok"]
    assert (by_date[2].title, by_date[2].content) == ("Half \ufffd", "Cut off \ufffd here.")


def test_the_hourly_purge_keeps_the_file_of_a_confirmed_import_still_waiting_for_a_worker(user):
    old = datetime.datetime(2020, 1, 1, tzinfo=datetime.UTC)
    waiting = ImportJob.objects.create(user=user, filename="a.zip", status=ImportJob.Status.QUEUED, dry_run=False)
    preview = ImportJob.objects.create(user=user, filename="b.zip", status=ImportJob.Status.PREVIEWED)
    ImportJob.objects.filter(pk__in=[waiting.pk, preview.pk]).update(created_at=old)
    for job in (waiting, preview):
        ImportChunk.objects.create(job=job, index=0, data=b"PK")
    assert purge_stale_uploads() == 1
    assert list(ImportChunk.objects.values_list("job_id", flat=True)) == [waiting.pk]


def test_a_record_no_reader_foresaw_stops_the_reading_but_keeps_what_came_before(user, tmp_path):
    good = json.dumps({"id": 1, "title": "", "content": "Kept.", "entry_date": "2024-01-01"})
    huge = '{"id": 2, "content": "Lost.", "entry_date": "2024-01-02", "mood": ' + "9" * 5000 + "}"
    path = tmp_path / "entries.json"
    path.write_text('{"schema": "journaling.export/1", "user": {"id": 3}, "entries": [' + good + "," + huge + "]}")
    report = run_import(user=user, path=path)
    assert report.new == 1 and "stopped" in report.stopped and "before it were imported" in report.stopped
    assert list(Entry.objects.values_list("content", flat=True)) == ["Kept."]
