"""Write parsed entries in batches: validate, skip what was imported before, bulk-insert, enqueue analysis."""

import datetime
import logging
import re
from functools import partial

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from entries import importers, validation
from entries.importers import ImportedEntry, ImportedTopic, Progress, Skipped, Source, UnreadableFile
from entries.importers.base import clean_tags as fit_tags
from entries.models import AnalysisStatus, Entry, Topic
from entries.models_portability import ImportRecord
from entries.text_config import search_config_for
from insights.signals import invalidate_user_insights
from ml_models.dispatch import enqueue_in_batches

from .identity import bare_id, digest, one_per_entry, record_id
from .report import ImportReport

logger = logging.getLogger(__name__)
BATCH_SIZE = 500
DEFAULT_COLOUR = "#4f6d7a"
_LOCK_NAMESPACE = 0x4A524E4C << 32  # "JRNL": keeps these advisory locks apart from anyone else's


def run_import(*, user, path, fmt="auto", display_name="", dry_run=False, on_progress=None) -> ImportReport:
    """Read `path` as `fmt` and create the entries not imported before (or only count them, for a dry run)."""
    report = ImportReport(format=fmt, dry_run=dry_run)
    writer = BatchWriter(user=user, report=report, dry_run=dry_run)
    progress = Progress(on_progress)
    try:
        with Source(path, display_name=display_name, progress=progress) as source:
            report.format, items = importers.parse(source, fmt, default_tz=user.tz)
            for item in _until_unreadable(items, report, display_name or str(path)):
                writer.take(item)
    except UnreadableFile as exc:
        report.stopped = str(exc)  # what was read before the fault is still written below
    writer.finish()
    progress.report()
    return report


def _until_unreadable(items, report: ImportReport, name: str):
    """The parsed items; a record no reader foresaw ends the reading (a reader cannot go on after raising), and
    the entries read before it are still written. Faults while writing are not caught here."""
    try:
        yield from items
    except UnreadableFile:
        raise
    except Exception as exc:  # noqa: BLE001 - said on the report; the traceback goes to the log
        logger.exception("import of %s stopped at an unreadable record", name)
        report.stopped = (
            f"The import stopped at a record it could not read ({type(exc).__name__}); "
            "the entries before it were imported."
        )


class BatchWriter:
    def __init__(self, *, user, report: ImportReport, dry_run: bool):
        self.user = user
        self.report = report
        self.dry_run = dry_run
        self.pending: list[tuple[ImportedEntry, Entry]] = []
        self.seen: dict[tuple[str, str], str] = {}  # identity -> digest of the text that came with it
        self.topics = {t.name.lower(): t for t in Topic.objects.filter(user=user)}
        self.topic_specs: dict[str, ImportedTopic] = {}

    def take(self, item) -> None:
        if isinstance(item, Skipped):
            self.report.skip(item.where, item.reason)
        elif isinstance(item, ImportedTopic):
            self.topic_specs[item.name.strip().lower()] = item
        else:
            self._add(item)

    def finish(self) -> None:
        self.flush()
        # Topics the file lists but no new entry uses (an export keeps empty topics) come with a first import only:
        # on a re-import (some entries already here), one the person deleted since would come back.
        if not self.dry_run and self.report.new and not self.report.duplicate:
            for key, spec in self.topic_specs.items():
                if key not in self.topics:
                    self._topic(spec.name)

    def _add(self, item: ImportedEntry) -> None:
        item.created_at, item.deleted_at = _readable(item.created_at), _readable(item.deleted_at)
        key = (item.source, record_id(item))
        if key in self.seen:
            # Two entries of one file with one identity: the same entry twice, or (a copied note kept its front
            # matter) a different text, which comes in under an id of its own rather than being dropped.
            if self.seen[key] == digest(item):
                self.report.duplicate += 1
                return
            item.source_id = f"{item.source_id}#{digest(item)[:12]}"
            key = (item.source, record_id(item))
            if key in self.seen:
                self.report.duplicate += 1
                return
        self.seen[key] = digest(item)
        entry = prepare_entry(item, user=self.user)
        if isinstance(entry, str):
            self.report.skip(item.where, entry)
            return
        self.pending.append((item, entry))
        if len(self.pending) >= BATCH_SIZE:
            self.flush()

    def flush(self) -> None:
        batch, self.pending = self.pending, []
        if not batch:
            return
        if self.dry_run:
            self.report.new += len(self._not_yet_imported(batch))
            return
        with transaction.atomic():
            with connection.cursor() as cursor:
                # One batch at a time per person, so two runs of one file can't both find an entry "new".
                cursor.execute("SELECT pg_advisory_xact_lock(%s)", [_LOCK_NAMESPACE | (self.user.pk & 0xFFFFFFFF)])
            new = self._not_yet_imported(batch)
            if not new:
                return
            for item, entry in new:
                entry.topic = self._topic(item.topic)
            Entry.objects.bulk_create([entry for _, entry in new])
            _restore_created_at(new)
            ImportRecord.objects.bulk_create(
                ImportRecord(user=self.user, source=item.source, source_id=record_id(item), entry=entry)
                for item, entry in new
            )
            transaction.on_commit(partial(enqueue_in_batches, [entry.pk for _, entry in new]))
            invalidate_user_insights(self.user.pk)  # bulk_create sends no post_save: counts, streaks, heatmap
        self.report.new += len(new)

    def _not_yet_imported(self, batch):
        sources = {item.source for item, _ in batch}
        ids = {record_id(item) for item, _ in batch} | {bare_id(item) for item, _ in batch} - {""}
        records = ImportRecord.objects.filter(user=self.user, source__in=sources, source_id__in=ids)
        imported = {(source, sid): (created, content) for source, sid, created, content in records.values_list(
            "source", "source_id", "entry__created_at", "entry__content")}  # fmt: skip
        known = {id(item) for item, _ in batch if (item.source, record_id(item)) in imported}
        # Records from before creation times were part of the identity (the bare id), and our own export brought
        # back into the same account: each names an entry that is here already.
        earlier = [
            (item, ("record", item.source, bare_id(item)), *imported[(item.source, bare_id(item))])
            for item, _ in batch
            if bare_id(item) and bare_id(item) != record_id(item) and (item.source, bare_id(item)) in imported
        ]
        known |= one_per_entry(earlier + self._own_entries(batch))
        new = [(item, entry) for item, entry in batch if id(item) not in known]
        self.report.duplicate += len(batch) - len(new)
        return new

    def _own_entries(self, batch) -> list[tuple]:
        """Our own export brought back into the same account: (item, its entry, created_at, content) for entries
        that still exist. The id alone can't tell (another installation's user 1 wrote its own entry 5)."""
        wanted: dict[int, list[ImportedEntry]] = {}
        for item, _ in batch:
            bare = bare_id(item)
            if item.source == "journaling" and re.fullmatch(rf"{self.user.pk}:\d{{1,18}}", bare):
                wanted.setdefault(int(bare.split(":")[1]), []).append(item)
            elif item.source == "markdown" and item.created_at and re.fullmatch(r"\d{1,18}", bare):
                # our Markdown export's "id:", or that export unzipped and edited
                wanted.setdefault(int(bare), []).append(item)
        if not wanted:
            return []
        present = Entry.objects.filter(user=self.user, pk__in=wanted).values_list("pk", "created_at", "content")
        return [(item, ("own", pk), created, content) for pk, created, content in present for item in wanted[pk]]

    def _topic(self, name: str) -> Topic | None:
        name = validation.storable(name or "").strip()[:80]  # half an emoji or a NUL failed the whole batch
        if not name:
            return None
        key = name.lower()
        if key not in self.topics:
            spec = self.topic_specs.get(key) or ImportedTopic(name)
            colour = spec.colour if re.fullmatch(r"#[0-9a-fA-F]{6}", spec.colour or "") else DEFAULT_COLOUR
            topic = Topic.objects.filter(user=self.user, name__iexact=name).first()
            if topic is None:
                topic = Topic.objects.create(
                    user=self.user, name=name, colour=colour, description=validation.storable(spec.description)[:2000]
                )
                self.report.topics_created += 1
            self.topics[key] = topic
        return self.topics[key]


_EARLIEST = datetime.datetime(2, 1, 1, tzinfo=datetime.UTC)
_LATEST = datetime.datetime(9998, 12, 31, tzinfo=datetime.UTC)


def _readable(moment: datetime.datetime | None) -> datetime.datetime | None:
    """A time PostgreSQL stores and Python can read back in any time zone, or None (the import's own time).
    "0001-01-01T00:00:00" in Berlin (Go's zero time) is a year-0 time in UTC: stored, then every page listing
    the entry failed to read it."""
    try:
        return moment if moment is None or _EARLIEST <= moment <= _LATEST else None
    except (OverflowError, TypeError):
        return None


def prepare_entry(item: ImportedEntry, *, user) -> Entry | str:
    """An unsaved Entry held to the same rules as one written by hand, or the reason it can't be imported."""
    content = item.full_content()
    title = validation.storable(item.title or "").strip()
    if len(title) > settings.ENTRY_TITLE_MAX_CHARS:
        content, title = f"{title}\n\n{content}", ""  # keep an over-long title as the first line of the text
    try:
        content = validation.clean_content(content)
        title = validation.clean_title(title)
    except ValidationError as exc:
        return " ".join(msg for msgs in exc.message_dict.values() for msg in msgs)
    try:
        tags = validation.clean_tags(list(item.tags)[: validation.MAX_TAGS])
    except ValidationError:
        tags = fit_tags(item.tags)[: validation.MAX_TAGS]
    return Entry(
        user=user,
        title=title,
        content=content,
        mood=item.mood if item.mood in range(1, 6) else None,
        tags=tags,
        is_favourite=bool(item.is_favourite),
        entry_date=item.entry_date,
        word_count=validation.count_words(content),
        analysis_status=AnalysisStatus.PENDING,
        analysis_requested_at=timezone.now(),
        deleted_at=item.deleted_at,
        search_config=search_config_for(user.language),
    )


def _restore_created_at(new) -> None:
    """created_at is auto_now_add, so the insert stamped "now"; put the source's own times back in one UPDATE."""
    dated = [(entry, item.created_at) for item, entry in new if item.created_at]
    if not dated:
        return
    for entry, created in dated:
        entry.created_at = created
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {Entry._meta.db_table} AS e SET created_at = v.created_at"
            " FROM unnest(%s::bigint[], %s::timestamptz[]) AS v(id, created_at) WHERE e.id = v.id",
            [[entry.pk for entry, _ in dated], [created for _, created in dated]],
        )
