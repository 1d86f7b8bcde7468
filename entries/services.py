"""Writes to entries and topics. Each function is one transaction; analysis is enqueued on commit."""

import datetime
import logging

from django.db import IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from ml_models.dispatch import enqueue_analysis

from . import validation
from .models import AnalysisStatus, Entry, Topic, trash_retention
from .text_config import search_config_for

logger = logging.getLogger(__name__)

TEXT_FIELDS = {"title", "content"}
EDITABLE_FIELDS = {"title", "content", "mood", "topic", "tags", "is_favourite", "entry_date"}


def _check_topic(user, topic: Topic | None) -> None:
    if topic is not None and topic.user_id != user.pk:
        raise validation.ValidationError({"topic": "Unknown topic."})


def today_for(user) -> datetime.date:
    return timezone.now().astimezone(user.tz).date()


@transaction.atomic
def create_entry(
    *, user, content, title="", mood=None, topic=None, tags=(), entry_date=None, is_favourite=False
) -> Entry:
    """Save a new entry (analysis pending) and enqueue its analysis once the row is committed."""
    _check_topic(user, topic)
    content = validation.clean_content(content)
    entry = Entry(
        user=user,
        title=validation.clean_title(title),
        content=content,
        mood=mood,
        topic=topic,
        tags=validation.clean_tags(list(tags)),
        is_favourite=bool(is_favourite),
        entry_date=entry_date or today_for(user),
        word_count=validation.count_words(content),
        analysis_requested_at=timezone.now(),
        search_config=search_config_for(user.language),
    )
    entry.full_clean(exclude=["user", "topic", "embedding", "search_vector"])
    entry.save()
    transaction.on_commit(lambda: enqueue_analysis([entry.pk]))
    return entry


class EditConflict(Exception):
    """The entry was saved again (another tab, device or client) after the editor read it."""

    def __init__(self, current: Entry):
        super().__init__(f"entry {current.pk} is now at revision {current.revision}")
        self.current = current


@transaction.atomic
def update_entry(*, entry: Entry, expected_revision: str | None = None, **changes) -> Entry:
    """Apply edits; re-analyse only when the text changed (not for mood/topic/tag-only edits). With
    expected_revision (Entry.revision as the editor read it), raise EditConflict if the entry was saved since."""
    unknown = set(changes) - EDITABLE_FIELDS
    if unknown:
        raise ValueError(f"not editable: {sorted(unknown)}")
    if "content" in changes:
        changes["content"] = validation.clean_content(changes["content"])
    if "title" in changes:
        changes["title"] = validation.clean_title(changes["title"])
    if "tags" in changes:
        changes["tags"] = validation.clean_tags(changes["tags"])
    if "topic" in changes:
        _check_topic(entry.user, changes["topic"])
    # Applied to the row as stored now, locked, and only the edited fields written back: the caller's copy may be
    # stale (an analysis landed, or another tab saved, since it was read), and saving it whole would undo that.
    current = Entry.objects.select_for_update().defer("embedding", "search_vector").get(pk=entry.pk)
    if expected_revision is not None and current.revision != expected_revision:
        raise EditConflict(current)
    if changes.get("entry_date", current.entry_date) is None:
        changes["entry_date"] = current.entry_date
    if changes.get("content") == validation.unified_newlines(current.content):
        changes["content"] = current.content  # the same text; stored before line breaks were unified
    text_changed = any(f in changes and changes[f] != getattr(current, f) for f in TEXT_FIELDS)
    for field, value in changes.items():
        setattr(current, field, value)
    current.word_count = validation.count_words(current.content)
    fields = [*changes, "word_count", "updated_at"]
    if text_changed:
        current.content_version = F("content_version") + 1
        current.analysis_status = AnalysisStatus.PENDING
        current.analysis_error = ""
        current.analysis_attempts = 0
        current.analysis_requested_at = timezone.now()
        fields += ["content_version", "analysis_status", "analysis_error", "analysis_attempts", "analysis_requested_at"]
    current.full_clean(exclude=["user", "topic", "embedding", "search_vector", "content_version"])
    current.save(update_fields=fields)
    current.refresh_from_db(fields=["content_version", "updated_at"])
    if text_changed:
        transaction.on_commit(lambda: enqueue_analysis([current.pk]))
    return current


def trash_entry(*, entry: Entry) -> Entry:
    entry.deleted_at = timezone.now()
    entry.save(update_fields=["deleted_at", "updated_at"])
    return entry


def restore_entry(*, entry: Entry) -> Entry:
    entry.deleted_at = None
    entry.save(update_fields=["deleted_at", "updated_at"])
    return entry


def purge_entry(*, entry: Entry) -> None:
    """Delete for good; only entries already in the trash can be purged."""
    if entry.deleted_at is None:
        raise validation.ValidationError({"entry": "Move the entry to the trash before deleting it for good."})
    entry.delete()


def empty_trash(
    *, user, older_than: datetime.timedelta | None = None, trashed_before: datetime.datetime | None = None
) -> int:
    """Delete the user's trashed entries for good (those trashed before a moment, or longer ago than a while)."""
    qs = Entry.objects.filter(user=user, deleted_at__isnull=False)
    if older_than is not None:
        qs = qs.filter(deleted_at__lt=timezone.now() - older_than)
    if trashed_before is not None:
        qs = qs.filter(deleted_at__lte=trashed_before)
    return qs.delete()[1].get(Entry._meta.label, 0)  # entries only, not the rows deleted along with them


def purge_expired_trash() -> int:
    """Delete for good, for everyone, the entries that sat in the trash longer than TRASH_RETENTION_DAYS."""
    return Entry.objects.filter(deleted_at__lt=timezone.now() - trash_retention()).delete()[1].get(Entry._meta.label, 0)


TOPIC_NAME_TAKEN = "You already have a topic with this name."


def create_topic(*, user, name: str, colour: str = "#4f6d7a", description: str = "") -> Topic:
    topic = Topic(user=user, name=(name or "").strip(), colour=colour, description=description)
    _validate_topic(topic)
    _save_topic(topic)
    return topic


def update_topic(*, topic: Topic, **changes) -> Topic:
    for field in ("name", "colour", "description"):
        if field in changes:
            setattr(topic, field, changes[field].strip() if field == "name" else changes[field])
    _validate_topic(topic)
    _save_topic(topic)
    return topic


def _validate_topic(topic: Topic) -> None:
    topic.full_clean(exclude=["user"])
    clash = Topic.objects.filter(user=topic.user, name__iexact=topic.name).exclude(pk=topic.pk)
    if clash.exists():
        raise validation.ValidationError({"name": TOPIC_NAME_TAKEN})


def _save_topic(topic: Topic) -> None:
    # Two requests can both pass the check above; the database's unique index then decides, and the loser gets the
    # same field error rather than a 500.
    try:
        with transaction.atomic():
            topic.save()
    except IntegrityError as exc:
        if "topic_name_unique_per_user" not in str(exc):
            raise
        raise validation.ValidationError({"name": TOPIC_NAME_TAKEN}) from None


def delete_topic(*, topic: Topic) -> None:
    topic.delete()


REINDEX_BATCH = 500


def follow_language(user) -> None:
    """After a profile save: if the user's entries are indexed in another language, re-index them in a worker (a
    large journal takes seconds). If the broker is down the entries keep their old stemming; search still works."""
    from .tasks import reindex_search_language

    if Entry.objects.filter(user=user).exclude(search_config=search_config_for(user.language)).exists():
        try:
            reindex_search_language.delay(user.pk)
        except Exception as exc:  # noqa: BLE001 - a preference save must not fail on the broker
            logger.warning("could not enqueue re-indexing for user %s: %s", user.pk, exc)


def reindex_search_language(*, user) -> int:
    """Re-index every entry of the user (trash included) in their language's configuration, a batch per
    transaction so their journal stays writable meanwhile. Idempotent; returns the number of entries changed.

    The language is read again before each batch: after two quick changes (en -> de -> fr) two runs may overlap,
    and each must head for the language saved now, or they would convert each other's batches back for ever."""
    model = type(user)
    changed = 0
    while (language := model.objects.filter(pk=user.pk).values_list("language", flat=True).first()) is not None:
        config = search_config_for(language)
        stale = Entry.objects.filter(user_id=user.pk).exclude(search_config=config)
        ids = list(stale.values_list("pk", flat=True)[:REINDEX_BATCH])
        if not ids:
            break
        changed += stale.filter(pk__in=ids).update(search_config=config)
    return changed
