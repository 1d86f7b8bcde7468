"""run_import against the real database and broker: batches, idempotency, validation, the CLI."""

import base64
import datetime
import json
import tracemalloc
import zoneinfo
from pathlib import Path

import pytest
import redis
from django.conf import settings
from django.core.management import CommandError, call_command

from entries import importers
from entries.importing.batches import run_import
from entries.models import AnalysisStatus, Entry, Topic
from entries.models_portability import ImportRecord
from journaling.testing.processes import manage
from ml_models.dispatch import MESSAGE_BATCH

FIXTURES = Path(__file__).parent / "import_fixtures"


def dayone_file(
    path: Path, count: int, *, start: int = 0, text: str = "Entry number {n}. Nothing much happened."
) -> Path:
    """A Day One export with `count` entries, written as a stream so the test itself stays small in memory."""
    with open(path, "w", encoding="utf-8") as fh:
        fh.write('{"metadata": {"version": "1.0"}, "entries": [\n')
        for n in range(start, start + count):
            created = datetime.datetime(2020, 1, 1, 12, tzinfo=datetime.UTC) + datetime.timedelta(hours=n)
            item = {"uuid": f"UUID-{n:07d}", "creationDate": created.isoformat(), "timeZone": "UTC"}
            item.update({"text": text.format(n=n), "tags": ["generated"], "starred": n % 10 == 0})
            fh.write(("" if n == start else ",\n") + json.dumps(item))
        fh.write("\n]}\n")
    return path


@pytest.fixture
def broker():
    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    client.delete("inference")
    yield client
    client.delete("inference")


def queued_batches(client) -> list[list[int]]:
    messages = [json.loads(raw) for raw in client.lrange("inference", 0, -1)]
    return [json.loads(base64.b64decode(m["body"]))[0][0] for m in messages]


@pytest.mark.django_db
def test_import_creates_pending_entries_and_enqueues_analysis_in_batches_of_32(
    user, tmp_path, broker, django_capture_on_commit_callbacks
):
    path = dayone_file(tmp_path / "Journal.json", 70)
    with django_capture_on_commit_callbacks(execute=True):
        report = run_import(user=user, path=path)
    assert (report.format, report.new, report.duplicate, report.skipped) == ("dayone", 70, 0, 0)
    entries = Entry.objects.filter(user=user)
    assert entries.count() == 70
    assert set(entries.values_list("analysis_status", flat=True)) == {AnalysisStatus.PENDING}
    assert not entries.filter(analysis_requested_at__isnull=True).exists()
    first = entries.get(content__startswith="Entry number 0.")
    assert first.word_count == 6 and first.tags == ["generated"] and first.is_favourite
    assert first.created_at == datetime.datetime(2020, 1, 1, 12, tzinfo=datetime.UTC)
    batches = queued_batches(broker)
    assert sorted(len(b) for b in batches) == [6, MESSAGE_BATCH, MESSAGE_BATCH]
    assert sorted(i for b in batches for i in b) == sorted(entries.values_list("pk", flat=True))


@pytest.mark.django_db
def test_an_import_refreshes_the_cached_insights_without_waiting_for_the_analyses(
    user, tmp_path, broker, django_capture_on_commit_callbacks
):
    from insights import reports

    assert reports.section(user, "summary", "all")["volume"]["entries"] == 0  # computed and cached
    with django_capture_on_commit_callbacks(execute=True):
        run_import(user=user, path=dayone_file(tmp_path / "Journal.json", 3))  # no topics: no Topic signal either
    assert reports.section(user, "summary", "all")["volume"]["entries"] == 3


@pytest.mark.django_db
def test_importing_the_same_file_twice_adds_nothing_the_second_time(user, tmp_path, broker):
    path = dayone_file(tmp_path / "Journal.json", 12)
    assert run_import(user=user, path=path).new == 12
    again = run_import(user=user, path=path)
    assert (again.new, again.duplicate) == (0, 12)
    assert Entry.objects.filter(user=user).count() == 12 == ImportRecord.objects.filter(user=user).count()


@pytest.mark.django_db
def test_a_longer_export_later_brings_only_the_new_entries(user, tmp_path, broker):
    run_import(user=user, path=dayone_file(tmp_path / "a.json", 5))
    report = run_import(user=user, path=dayone_file(tmp_path / "b.json", 8))
    assert (report.new, report.duplicate) == (3, 5)


@pytest.mark.django_db
def test_another_users_import_of_the_same_file_is_theirs(user, other_user, tmp_path, broker):
    path = dayone_file(tmp_path / "Journal.json", 3)
    run_import(user=user, path=path)
    assert run_import(user=other_user, path=path).new == 3


@pytest.mark.django_db
def test_duplicate_ids_inside_one_file_are_imported_once(user, broker):
    report = run_import(user=user, path=FIXTURES / "dayone_duplicates.json")
    assert (report.new, report.duplicate) == (2, 1)


@pytest.mark.django_db
def test_dry_run_counts_new_and_duplicate_entries_and_writes_nothing(user, tmp_path, broker):
    run_import(user=user, path=dayone_file(tmp_path / "a.json", 4))
    report = run_import(user=user, path=dayone_file(tmp_path / "b.json", 6), dry_run=True)
    assert (report.dry_run, report.new, report.duplicate) == (True, 2, 4)
    assert Entry.objects.filter(user=user).count() == 4 and ImportRecord.objects.count() == 4


@pytest.mark.django_db
def test_skips_are_counted_with_where_and_why(user, broker):
    report = run_import(user=user, path=FIXTURES / "daylio.csv")
    assert (report.new, report.duplicate, report.skipped) == (4, 1, 1)
    assert report.reasons == [{"where": "daylio.csv, row 5", "reason": "unreadable full_date 'not-a-date'"}]
    custom = Entry.objects.get(user=user, mood__isnull=True)
    assert custom.content == "Custom mood, kept as a note.\n\n---\n\n- Daylio mood: sleepy"


@pytest.mark.django_db
def test_a_file_in_the_wrong_encoding_imports_nothing_and_says_why(user, broker):
    report = run_import(user=user, path=FIXTURES / "daylio_latin1.csv")
    assert report.new == 0 and "is not UTF-8 text" in report.stopped
    assert not Entry.objects.exists()


@pytest.mark.django_db
def test_a_truncated_file_keeps_the_entries_before_the_fault(user, broker):
    report = run_import(user=user, path=FIXTURES / "dayone_truncated.json")
    assert report.new == 2 and "is not valid JSON" in report.stopped
    assert sorted(Entry.objects.values_list("content", flat=True)) == ["Also read.", "Read before the fault."]


@pytest.mark.django_db
def test_entries_are_held_to_the_same_rules_as_written_ones(user, tmp_path, broker):
    long_title = "T" * 250
    rows = [
        {"uuid": "big", "creationDate": "2024-01-01T10:00:00Z", "text": "x" * (settings.ENTRY_MAX_CHARS + 1)},
        {"uuid": "nul", "creationDate": "2024-01-02T10:00:00Z", "text": "a\x00b", "tags": ["<b>bold</b>", "ok"]},
        {"uuid": "title", "creationDate": "2024-01-03T10:00:00Z", "text": f"# {long_title}\n\nBody."},
    ]
    path = tmp_path / "Journal.json"
    path.write_text(json.dumps({"entries": rows}))
    report = run_import(user=user, path=path)
    assert report.new == 2 and report.skipped == 1
    assert report.reasons[0]["reason"].startswith("Entries are limited to 100,000 characters")
    nul = Entry.objects.get(import_records__source_id="nul")
    assert nul.content == "ab" and nul.tags == ["b bold b", "ok"]
    titled = Entry.objects.get(import_records__source_id="title")
    assert titled.title == "" and titled.content == f"{long_title}\n\nBody."


@pytest.mark.django_db
def test_topics_are_matched_case_insensitively_or_created_once(user, broker):
    existing = Topic.objects.create(user=user, name="HEALTH")
    report = run_import(user=user, path=FIXTURES / "markdown")
    assert report.new == 2 and report.topics_created == 0
    assert Entry.objects.get(user=user, title="A walk by the river").topic == existing


@pytest.mark.django_db
def test_an_entry_purged_for_good_is_forgotten_and_can_be_imported_again(user, tmp_path, broker):
    path = dayone_file(tmp_path / "Journal.json", 2)
    run_import(user=user, path=path)
    Entry.objects.filter(user=user).first().delete()
    assert run_import(user=user, path=path).new == 1


@pytest.mark.django_db
def test_ten_thousand_entries_import_in_a_bounded_number_of_queries(
    user, tmp_path, broker, django_assert_max_num_queries
):
    path = dayone_file(tmp_path / "Journal.json", 10_000)
    with django_assert_max_num_queries(300):
        report = run_import(user=user, path=path)
    assert report.new == 10_000
    assert Entry.objects.filter(user=user).count() == 10_000
    assert run_import(user=user, path=path).duplicate == 10_000


def test_parsing_a_large_export_keeps_memory_flat(tmp_path):
    path = dayone_file(tmp_path / "Journal.json", 12_000, text="Entry {n}. " + "Words of the day. " * 60)
    assert path.stat().st_size > 14 * 1024 * 1024
    tracemalloc.start()
    try:
        with importers.Source(path) as source:
            count = sum(1 for _ in importers.parse(source, "dayone", default_tz=zoneinfo.ZoneInfo("UTC"))[1])
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert count == 12_000
    assert peak < 4 * 1024 * 1024, f"peak {peak / 1024**2:.1f} MB while reading a 14+ MB file"


@pytest.mark.django_db
def test_command_previews_then_imports(user, capsys, broker):
    with pytest.raises(CommandError, match="No user 'nobody'"):
        call_command("import_journal", str(FIXTURES / "jrnl.txt"), "--user", "nobody")
    path = str(FIXTURES / "jrnl.txt")
    call_command("import_journal", path, "--user", user.username, "--dry-run", "--json")
    preview = json.loads(capsys.readouterr().out)
    assert (preview["new"], preview["skipped"], preview["dry_run"]) == (3, 1, True)
    assert not Entry.objects.exists()
    call_command("import_journal", path, "--user", str(user.pk))
    out = capsys.readouterr().out
    assert "Imported 3 new entries from jrnl-text; 0 already imported; 1 skipped." in out
    assert "skipped jrnl.txt, line 7: unreadable date or time [2024-02-30 10:00]" in out


@pytest.mark.django_db(transaction=True)
def test_command_runs_as_a_real_process_and_fails_on_a_damaged_file(user):
    done = manage("import_journal", "--user", user.username, str(FIXTURES / "dayone_truncated.json"))
    assert done.returncode == 1
    assert "Imported 2 new entries from dayone" in done.stdout
    assert "Stopped early: dayone_truncated.json is not valid JSON" in done.stderr
    assert Entry.objects.filter(user=user).count() == 2


@pytest.mark.django_db
def test_a_reimport_that_adds_nothing_does_not_bring_back_a_deleted_empty_topic(user, tmp_path, broker):
    export = {
        "schema": "journaling.export/1",
        "user": {"id": 999_999},
        "topics": [{"name": "Work"}, {"name": "Health"}],
        "entries": [{"id": 7, "title": "T", "content": "Body.", "entry_date": "2024-01-01", "topic": "Work"}],
    }
    path = tmp_path / "entries.json"
    path.write_text(json.dumps(export))
    first = run_import(user=user, path=path)
    assert (first.new, first.topics_created) == (1, 2)  # a first import restores the empty topic too
    Topic.objects.filter(user=user, name="Health").delete()
    again = run_import(user=user, path=path)
    assert (again.new, again.topics_created) == (0, 0)
    assert not Topic.objects.filter(user=user, name="Health").exists()
    # A longer export later (one entry new, one already here) brings the new entry, not the deleted topic.
    export["entries"].append({"id": 8, "title": "U", "content": "More.", "entry_date": "2024-01-02", "topic": "Work"})
    path.write_text(json.dumps(export))
    longer = run_import(user=user, path=path)
    assert (longer.new, longer.duplicate, longer.topics_created) == (1, 1, 0)
    assert not Topic.objects.filter(user=user, name="Health").exists()
