"""Everything of one person in one zip: entries.json (importable back), a Markdown file per entry, the analysis
kept apart in analysis.json, and assessments and suggestion feedback when the psychology app records them.
See SCHEMA.md.

Entries are streamed from the database in chunks and written straight into the zip, so memory stays flat.
"""

import io
import json
import zipfile

import yaml
from django.apps import apps
from django.contrib.auth import get_user_model
from django.core import serializers
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.text import slugify

from entries.models import Entry, Topic

SCHEMA = "journaling.export/1"
ANALYSIS_SCHEMA = "journaling.analysis/1"
# Written only when the psychology app defines these models in this installation.
APP_ROWS = {
    "psychology.AssessmentResult": ("assessments.json", "journaling.assessments/1"),
    "psychology.SuggestionFeedback": ("feedback.json", "journaling.feedback/1"),
}
README = """Your Journaling export
======================

entries.json    every entry and topic (schema journaling.export/1). Import this zip into any Journaling
                account under My data > Import, or with `manage.py import_journal --user U this.zip`.
entries/        one Markdown file per entry, with YAML front matter; readable in any text editor.
analysis.json   what the models derived from your writing (sentiment, emotions, crisis flags), kept apart.
assessments.json  self-assessment results (questionnaires), when this installation records them.
feedback.json   which suggested techniques you found helpful or dismissed, likewise.

The format is described in accounts/portability/SCHEMA.md in the Journaling source.
"""
USER_FIELDS = ("id", "username", "email", "display_name", "timezone", "language", "country", "preferences")
CHUNK = 500


def export_filename(user) -> str:
    return f"journal-{slugify(user.username) or user.pk}-{timezone.now():%Y-%m-%d}.zip"


def write_export(*, user, fileobj, include_embeddings: bool = False) -> dict:
    """Write the export zip of `user` into the binary file object; returns counts of what went in."""
    counts = {}
    with zipfile.ZipFile(fileobj, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        counts["entries"] = _write_entries_json(archive, user)
        _write_markdown(archive, user)
        _write_analysis(archive, user, include_embeddings)
        for label, (filename, schema) in APP_ROWS.items():
            counts[filename] = _write_app_rows(archive, user, label, filename, schema)
        archive.writestr("README.txt", README)
    return counts


def _entries(user):
    qs = Entry.objects.filter(user=user).select_related("topic").order_by("entry_date", "created_at", "pk")
    return qs.defer("search_vector")


def entry_record(entry: Entry) -> dict:
    return {
        "id": entry.pk,
        "title": entry.title,
        "content": entry.content,
        "entry_date": entry.entry_date.isoformat(),
        "created_at": entry.created_at.isoformat(),
        "updated_at": entry.updated_at.isoformat(),
        "deleted_at": entry.deleted_at.isoformat() if entry.deleted_at else None,
        "mood": entry.mood,
        "tags": list(entry.tags),
        "is_favourite": entry.is_favourite,
        "topic": entry.topic.name if entry.topic else None,
        "word_count": entry.word_count,
    }


def _write_entries_json(archive: zipfile.ZipFile, user) -> int:
    header = {
        "schema": SCHEMA,
        "exported_at": timezone.now().isoformat(),
        "user": {**{f: getattr(user, f) for f in USER_FIELDS}, "date_joined": user.date_joined.isoformat()},
        "topics": [
            {"name": t.name, "colour": t.colour, "description": t.description, "created_at": t.created_at.isoformat()}
            for t in Topic.objects.filter(user=user).order_by("name")
        ],
    }
    count = 0
    with archive.open("entries.json", "w", force_zip64=True) as raw, io.TextIOWrapper(raw, encoding="utf-8") as out:
        # The header first, so a streaming reader knows the schema and topics before the first entry.
        out.write(json.dumps(header, ensure_ascii=False)[:-1] + ', "entries": [')
        for entry in _entries(user).defer("embedding").iterator(chunk_size=CHUNK):
            out.write(("\n" if count == 0 else ",\n") + json.dumps(entry_record(entry), ensure_ascii=False))
            count += 1
        out.write("\n]}\n")
    return count


def markdown_path(entry: Entry) -> str:
    slug = slugify(entry.title)[:50].strip("-") or "entry"
    day = entry.entry_date
    return f"entries/{day:%Y}/{day:%m}/{day:%Y-%m-%d}-{slug}-{entry.pk}.md"


def markdown_document(entry: Entry) -> str:
    meta = {"id": entry.pk, "title": entry.title, "date": entry.entry_date, "created_at": entry.created_at.isoformat()}
    meta.update(
        {
            "mood": entry.mood,
            "tags": list(entry.tags),
            "favourite": entry.is_favourite,
            "topic": entry.topic.name if entry.topic else None,
        }
    )
    if entry.deleted_at:
        meta["trashed_at"] = entry.deleted_at.isoformat()
    kept = {k: v for k, v in meta.items() if k == "title" or v not in (None, "")}
    front = yaml.safe_dump(kept, sort_keys=False, allow_unicode=True)
    return f"---\n{front}---\n{entry.content}\n"


def _write_markdown(archive: zipfile.ZipFile, user) -> None:
    for entry in _entries(user).defer("embedding").iterator(chunk_size=CHUNK):
        archive.writestr(markdown_path(entry), markdown_document(entry))


def _analysis_record(entry: Entry, include_embeddings: bool) -> dict:
    record = {
        "id": entry.pk,
        "status": entry.analysis_status,
        "analysed_at": entry.analysed_at.isoformat() if entry.analysed_at else None,
        "sentiment": {"label": entry.sentiment_label, "score": entry.sentiment_score}
        if entry.sentiment_label
        else None,
        "emotions": entry.emotions,
        "dominant_emotion": entry.dominant_emotion or None,
        "crisis": {"flagged": entry.crisis_flagged, "level": entry.crisis_level, "reasons": entry.crisis_reasons},
        "model_versions": entry.model_versions,
    }
    if include_embeddings:
        record["embedding"] = [float(x) for x in entry.embedding] if entry.embedding is not None else None
    return record


def _write_analysis(archive: zipfile.ZipFile, user, include_embeddings: bool) -> None:
    entries = _entries(user) if include_embeddings else _entries(user).defer("embedding")
    with archive.open("analysis.json", "w", force_zip64=True) as raw, io.TextIOWrapper(raw, encoding="utf-8") as out:
        out.write(json.dumps({"schema": ANALYSIS_SCHEMA, "embeddings": include_embeddings})[:-1] + ', "entries": [')
        for index, entry in enumerate(entries.iterator(chunk_size=CHUNK)):
            out.write(("\n" if index == 0 else ",\n") + json.dumps(_analysis_record(entry, include_embeddings)))
        out.write("\n]}\n")


def _write_app_rows(archive: zipfile.ZipFile, user, model_label: str, filename: str, schema: str) -> int:
    """Rows another app keeps for the user (assessments, suggestion feedback), when that app has them here."""
    try:
        model = apps.get_model(model_label)
    except LookupError:
        return 0
    user_fields = [f.name for f in model._meta.concrete_fields if f.is_relation and f.related_model is get_user_model()]
    if not user_fields:
        return 0
    rows = serializers.serialize("python", model._default_manager.filter(**{user_fields[0]: user}).order_by("pk"))
    document = {"schema": schema, "exported_at": timezone.now(), "results": rows}
    archive.writestr(filename, json.dumps(document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=1))
    return len(rows)
