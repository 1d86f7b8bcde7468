"""Export: the zip's contents and schema, the round trip back in through the importer, the CLI and the book."""

import datetime
import io
import json
import zipfile

import pytest
import yaml
from django.apps import apps
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from accounts.portability.export import SCHEMA, write_export
from entries.importing.batches import run_import
from entries.models import Entry, Topic
from entries.validation import count_words

EMBEDDING = [0.5] + [0.0] * 383


def build_journal(user, entry_factory):
    """A journal with the awkward cases: topics, trash, analysis, unicode and Markdown, one topic with no entries."""
    health = Topic.objects.create(user=user, name="Health", colour="#123abc", description="Body and mind")
    Topic.objects.create(user=user, name="Unused", colour="#abcdef")
    walk = entry_factory(
        user=user,
        title="Walk: “rain” & wind",
        content="# Heading\n\nA *long* walk — naïve café, 日本語.\n\n- one\n- two",
        mood=4,
        tags=["outdoors", "rain-walk"],
        is_favourite=True,
        topic=health,
        entry_date=datetime.date(2023, 11, 5),
    )
    Entry.objects.filter(pk=walk.pk).update(
        created_at=datetime.datetime(2023, 11, 5, 21, 15, 7, 123456, tzinfo=datetime.UTC),
        analysis_status="done",
        sentiment_label="positive",
        sentiment_score=0.75,
        emotions={"joy": 0.8, "neutral": 0.2},
        dominant_emotion="joy",
        crisis_level="none",
        model_versions={"sentiment": "default@1"},
        embedding=EMBEDDING,
    )
    entry_factory(user=user, title="", content="Untitled thoughts.", entry_date=datetime.date(2024, 1, 2))
    trashed = entry_factory(user=user, title="Gone", content="In the trash.", entry_date=datetime.date(2024, 2, 3))
    Entry.objects.filter(pk=trashed.pk).update(deleted_at=datetime.datetime(2024, 2, 4, tzinfo=datetime.UTC))
    for entry in Entry.objects.filter(user=user):  # as the services count them (the factory only splits)
        Entry.objects.filter(pk=entry.pk).update(word_count=count_words(entry.content))
    return walk


def export_zip(user, **kwargs) -> zipfile.ZipFile:
    buffer = io.BytesIO()
    write_export(user=user, fileobj=buffer, **kwargs)
    buffer.seek(0)
    return zipfile.ZipFile(buffer)


def comparable(user) -> list[tuple]:
    return sorted(
        (
            e.title,
            e.content,
            e.entry_date,
            e.created_at,
            e.mood,
            e.tags,
            e.is_favourite,
            e.topic.name if e.topic else None,
            e.topic.colour if e.topic else None,
            e.deleted_at,
            e.word_count,
        )
        for e in Entry.objects.filter(user=user).select_related("topic")
    )


@pytest.mark.django_db
def test_export_holds_entries_json_markdown_analysis_and_a_readme(user, entry_factory):
    walk = build_journal(user, entry_factory)
    archive = export_zip(user)
    names = archive.namelist()
    assert {"entries.json", "analysis.json", "README.txt"} <= set(names)
    assert f"entries/2023/11/2023-11-05-walk-rain-wind-{walk.pk}.md" in names
    assert len([n for n in names if n.startswith("entries/")]) == 3

    data = json.loads(archive.read("entries.json"))
    assert data["schema"] == SCHEMA and list(data)[:4] == ["schema", "exported_at", "user", "topics"]
    assert data["user"]["username"] == user.username and "password" not in data["user"]
    assert [t["name"] for t in data["topics"]] == ["Health", "Unused"]
    first = data["entries"][0]
    assert first["title"] == "Walk: “rain” & wind" and first["topic"] == "Health" and first["mood"] == 4
    assert first["created_at"] == "2023-11-05T21:15:07.123456+00:00"
    assert "sentiment_label" not in first and "embedding" not in first  # model output lives in analysis.json
    assert data["entries"][-1]["deleted_at"] == "2024-02-04T00:00:00+00:00"


@pytest.mark.django_db
def test_markdown_files_have_front_matter_and_the_text(user, entry_factory):
    walk = build_journal(user, entry_factory)
    text = export_zip(user).read(f"entries/2023/11/2023-11-05-walk-rain-wind-{walk.pk}.md").decode()
    _, front, body = text.split("---\n", 2)
    meta = yaml.safe_load(front)
    assert meta["id"] == walk.pk and meta["date"] == datetime.date(2023, 11, 5) and meta["favourite"] is True
    assert meta["tags"] == ["outdoors", "rain-walk"] and meta["topic"] == "Health" and meta["mood"] == 4
    assert body == walk.content + "\n"


@pytest.mark.django_db
def test_analysis_is_kept_apart_and_embeddings_only_on_request(user, entry_factory):
    walk = build_journal(user, entry_factory)
    analysis = json.loads(export_zip(user).read("analysis.json"))
    record = next(r for r in analysis["entries"] if r["id"] == walk.pk)
    assert analysis["schema"] == "journaling.analysis/1" and analysis["embeddings"] is False
    assert record["sentiment"] == {"label": "positive", "score": 0.75} and record["dominant_emotion"] == "joy"
    assert record["model_versions"] == {"sentiment": "default@1"} and "embedding" not in record
    with_vectors = json.loads(export_zip(user, include_embeddings=True).read("analysis.json"))
    assert next(r for r in with_vectors["entries"] if r["id"] == walk.pk)["embedding"] == EMBEDDING


def minimal_row(model, user):
    """A row of another app's model, whatever its fields, built from their types (that app owns the model)."""
    values = {}
    for field in model._meta.concrete_fields:
        if field.primary_key or field.has_default() or field.null or getattr(field, "auto_now_add", False):
            continue
        if field.is_relation:
            if field.related_model is not type(user):
                return None
            values[field.name] = user
        elif field.choices:
            values[field.name] = field.choices[0][0]
        elif field.get_internal_type() == "JSONField":
            values[field.name] = []
        elif "Integer" in field.get_internal_type():
            values[field.name] = 1
        else:
            values[field.name] = "x"
    return model._default_manager.create(**values)


@pytest.mark.django_db
def test_assessments_are_exported_when_the_psychology_app_records_them(user, other_user):
    try:
        model = apps.get_model("psychology", "AssessmentResult")
    except LookupError:
        assert "assessments.json" not in export_zip(user).namelist()
        return
    mine, theirs = minimal_row(model, user), minimal_row(model, other_user)
    results = json.loads(export_zip(user).read("assessments.json"))["results"]
    assert [r["pk"] for r in results] == [mine.pk] and theirs.pk != mine.pk


@pytest.mark.django_db
def test_export_holds_nothing_of_anyone_else(user, other_user, entry_factory):
    entry_factory(user=other_user, content="Someone else's secret.")
    Topic.objects.create(user=other_user, name="Theirs")
    archive = export_zip(user)
    assert json.loads(archive.read("entries.json"))["entries"] == []
    assert b"secret" not in b"".join(archive.read(n) for n in archive.namelist())


@pytest.mark.django_db
def test_round_trip_into_a_new_account_reproduces_every_entry_exactly(user, other_user, entry_factory, tmp_path):
    build_journal(user, entry_factory)
    path = tmp_path / "export.zip"
    with open(path, "wb") as fh:
        write_export(user=user, fileobj=fh)
    report = run_import(user=other_user, path=path)
    assert (report.format, report.new, report.skipped, report.stopped) == ("journaling", 3, 0, "")
    assert comparable(other_user) == comparable(user)
    theirs = {t.name: (t.colour, t.description) for t in Topic.objects.filter(user=other_user)}
    assert theirs == {"Health": ("#123abc", "Body and mind"), "Unused": ("#abcdef", "")}
    assert run_import(user=other_user, path=path).duplicate == 3
    assert run_import(user=user, path=path).duplicate == 3  # back into the account it came from


@pytest.mark.django_db
def test_an_export_from_another_installation_with_the_same_ids_is_imported_not_taken_for_duplicates(
    user, entry_factory, tmp_path
):
    # This account's own entry, and an export made elsewhere by a user who had the same id there.
    mine = entry_factory(user=user, content="Written on this server.")
    theirs = {"id": mine.pk, "title": "", "content": "Written on the old server.", "entry_date": "2020-05-01",
              "created_at": "2020-05-01T09:00:00+00:00"}  # fmt: skip
    path = tmp_path / "entries.json"
    path.write_text(json.dumps({"schema": SCHEMA, "user": {"id": user.pk}, "entries": [theirs]}))
    assert run_import(user=user, path=path).new == 1
    assert sorted(Entry.objects.filter(user=user).values_list("content", flat=True)) == [
        "Written on the old server.", "Written on this server."
    ]  # fmt: skip
    assert run_import(user=user, path=path).duplicate == 1  # and a second import of it adds nothing


@pytest.mark.django_db
def test_the_markdown_half_of_the_export_is_importable_too(user, other_user, entry_factory, tmp_path):
    build_journal(user, entry_factory)
    path = tmp_path / "export.zip"
    path.write_bytes(export_zip(user).fp.getvalue())
    report = run_import(user=other_user, path=path, fmt="markdown")
    assert report.new == 3
    mine = {(e.title, e.content, e.entry_date) for e in Entry.objects.filter(user=user)}
    assert {(e.title, e.content, e.entry_date) for e in Entry.objects.filter(user=other_user)} == mine


@pytest.mark.django_db
def test_export_page_and_api_send_the_zip(browser_client, api, user, entry_factory):
    entry_factory(user=user, content="Mine.")
    for response in (browser_client.get(reverse("data:export")), api.get("/api/v1/export/")):
        assert response.status_code == 200 and response["Content-Type"] == "application/zip"
        assert response["Content-Disposition"].startswith('attachment; filename="journal-writer')
        archive = zipfile.ZipFile(io.BytesIO(b"".join(response.streaming_content)))
        assert json.loads(archive.read("entries.json"))["entries"][0]["content"] == "Mine."


@pytest.mark.django_db
def test_export_needs_a_signed_in_user(client):
    assert client.get(reverse("data:export")).status_code == 302
    assert client.get("/api/v1/export/").status_code == 401


@pytest.mark.django_db
def test_export_command_writes_the_zip(user, entry_factory, tmp_path, capsys):
    entry_factory(user=user, content="From the command line.")
    output = tmp_path / "out.zip"
    call_command("export_journal", "--user", user.username, "--output", str(output))
    assert "Wrote 1 entries to" in capsys.readouterr().out
    assert json.loads(zipfile.ZipFile(output).read("entries.json"))["entries"][0]["content"] == "From the command line."


@pytest.mark.django_db
def test_book_shows_a_year_month_by_month_without_the_trash(browser_client, user, other_user, entry_factory):
    build_journal(user, entry_factory)
    entry_factory(user=user, content="<script>alert(1)</script> **bold**", entry_date=datetime.date(2024, 1, 9))
    entry_factory(user=other_user, content="Not yours.", entry_date=datetime.date(2024, 1, 3))
    page = browser_client.get(reverse("data:book")).content.decode()
    assert "January 2024" in page and "Untitled thoughts." in page and "<strong>bold</strong>" in page
    assert "<script>alert" not in page and "In the trash." not in page and "Not yours." not in page
    assert "November 2023" not in page and 'href="?year=2023"' in page
    everything = browser_client.get(reverse("data:book") + "?year=all").content.decode()
    assert everything.index("November 2023") < everything.index("January 2024")
    assert "css/data.css" in everything and "@media print" not in everything


@pytest.mark.django_db
def test_book_of_an_empty_journal(browser_client):
    assert "Nothing to print yet." in browser_client.get(reverse("data:book")).content.decode()


@pytest.mark.django_db
def test_export_of_a_large_journal_streams_entries(user, entry_factory, django_assert_max_num_queries):
    Entry.objects.bulk_create(
        Entry(user=user, content=f"Entry {n}.", entry_date=datetime.date(2024, 1, 1), word_count=2)
        for n in range(2_000)
    )
    Entry.objects.filter(user=user).update(created_at=timezone.now())
    with django_assert_max_num_queries(30):
        archive = export_zip(user)
    assert len(json.loads(archive.read("entries.json"))["entries"]) == 2_000
