"""Writes of analysis results onto entries (called by the inference tasks). Idempotent per content version."""

import functools
import operator
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.db.models import F, Q
from django.utils import timezone

from insights.cache import bump_user_version
from insights.notify import notify_entry_analysis

from .models import AnalysisStatus, Entry

MAX_ERROR_CHARS = 500


def claim_for_analysis(
    entry_ids: list[int], *, top_up_to: int = 0, max_attempts: int | None = None, now=None
) -> list[tuple[int, int, str]]:
    """Mark entries as processing and return (id, content_version, text) for those that still need it.

    An entry another worker claimed less than ANALYSIS_SWEEP_AFTER_SECONDS ago is left to it (its queued task or the
    sweep may ask again meanwhile); entries past max_attempts are left for the sweep's accounting. With top_up_to,
    a short claim is filled up with the oldest other pending entries (a backlog after an outage or an import): one
    batched pass is several times faster than one pass per entry, and their own queued tasks then find nothing.
    `now` is the claim's time, which also names the claim (mark_pending and mark_failed take it back)."""
    now = now or timezone.now()
    in_flight = Q(analysis_status=AnalysisStatus.PROCESSING) & Q(
        analysis_requested_at__gte=now - timedelta(seconds=settings.ANALYSIS_SWEEP_AFTER_SECONDS)
    )
    needs_analysis = (Q(analysed_version__isnull=True) | ~Q(analysed_version=F("content_version"))) & ~in_flight
    if max_attempts is not None:
        needs_analysis &= Q(analysis_attempts__lt=max_attempts)
    fields = ("pk", "content_version", "title", "content")
    with transaction.atomic():
        locked = Entry.objects.select_for_update(skip_locked=True).filter(needs_analysis)
        rows = list(locked.filter(pk__in=entry_ids).values_list(*fields))
        if len(rows) < top_up_to:
            # Only entries never tried: one a worker may have died on (attempts > 0) must not take a new batch down.
            backlog = locked.filter(
                analysis_status=AnalysisStatus.PENDING, deleted_at__isnull=True, analysis_attempts=0
            )
            backlog = backlog.exclude(pk__in=[r[0] for r in rows]).order_by("analysis_requested_at", "pk")
            rows += list(backlog.values_list(*fields)[: top_up_to - len(rows)])
        # The claim time doubles as the sweep's clock: an entry in flight is not re-queued as stuck.
        Entry.objects.filter(pk__in=[r[0] for r in rows]).update(
            analysis_status=AnalysisStatus.PROCESSING,
            analysis_attempts=F("analysis_attempts") + 1,
            analysis_requested_at=now,
        )
    return [(pk, version, f"{title}.\n{content}" if title else content) for pk, version, title, content in rows]


def apply_analysis(*, entry_id: int, content_version: int, result: dict, model_versions: dict) -> bool:
    """Store one result in a single UPDATE; ignored if the text was edited since it was read."""
    updated = Entry.objects.filter(pk=entry_id, content_version=content_version).update(
        analysis_status=AnalysisStatus.DONE,
        analysis_error="",
        analysed_at=timezone.now(),
        analysed_version=content_version,
        model_versions=model_versions,
        sentiment_label=result["sentiment"]["label"],
        sentiment_score=result["sentiment"]["score"],
        emotions=result["emotions"],
        dominant_emotion=max(result["emotions"], key=result["emotions"].get),
        crisis_flagged=result["crisis"]["flagged"],
        crisis_level=result["crisis"]["level"],
        crisis_reasons=result["crisis"]["reasons"],
        embedding=[float(x) for x in result["embedding"]],
    )
    if updated:
        _after_change(entry_id)
    return bool(updated)


def mark_failed(*, entry_ids: list[int], reason: str, versions: dict[int, int] | None = None, claimed_at=None) -> None:
    """Record a failure. With versions ({id: content_version} as claimed), an entry edited since is left alone:
    its new text has not failed, and its own analysis is queued. With claimed_at, only entries still under that
    claim: one that outlived ANALYSIS_SWEEP_AFTER_SECONDS may be another worker's by now."""
    rows = Entry.objects.filter(pk__in=entry_ids)
    if claimed_at is not None:
        rows = rows.filter(analysis_requested_at=claimed_at)
    if versions is not None:
        rows = rows.filter(
            functools.reduce(operator.or_, (Q(pk=pk, content_version=v) for pk, v in versions.items()), Q(pk__in=[]))
        )
    rows.exclude(analysis_status=AnalysisStatus.DONE).update(
        analysis_status=AnalysisStatus.FAILED, analysis_error=reason[:MAX_ERROR_CHARS]
    )
    for entry_id in entry_ids:
        _after_change(entry_id)


def request_reanalysis(*, entry_ids: list[int]) -> None:
    """Make these entries due again (an operator's reanalyze), with fresh attempts and clock: past attempts don't
    count against the new run, and the sweep doesn't take them for stuck."""
    Entry.objects.filter(pk__in=entry_ids).update(
        analysed_version=None,
        analysis_status=AnalysisStatus.PENDING,
        analysis_attempts=0,
        analysis_requested_at=timezone.now(),
    )


def mark_pending(*, entry_ids: list[int], claimed_at=None) -> None:
    """Hand claimed entries back (a transient fault); the retry or the sweep picks them up. With claimed_at, only
    those still under that claim (see mark_failed)."""
    rows = Entry.objects.filter(pk__in=entry_ids, analysis_status=AnalysisStatus.PROCESSING)
    if claimed_at is not None:
        rows = rows.filter(analysis_requested_at=claimed_at)
    rows.update(analysis_status=AnalysisStatus.PENDING)


def _after_change(entry_id: int) -> None:
    entry = Entry.objects.defer("embedding", "search_vector").filter(pk=entry_id).first()
    if entry is not None:
        bump_user_version(entry.user_id)
        notify_entry_analysis(entry)
