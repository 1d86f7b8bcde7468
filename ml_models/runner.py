"""Orchestration of one analysis batch and of the periodic sweep."""

import datetime
import logging

from django.conf import settings
from django.db import InterfaceError, OperationalError, connection, transaction
from django.db.models import Q
from django.utils import timezone
from redis.exceptions import ConnectionError as RedisConnectionError

from entries import analysis
from entries.models import AnalysisStatus, Entry

from .backends import ModelUnavailable
from .dispatch import enqueue_analysis
from .pipeline import get_pipeline

MAX_ATTEMPTS = 6

logger = logging.getLogger(__name__)
TRANSIENT = (OperationalError, InterfaceError, RedisConnectionError, ConnectionError, TimeoutError)
SWEEP_BATCH = 32
EXHAUSTED = (
    f"analysis did not finish in {MAX_ATTEMPTS} attempts (the worker stopped each time); "
    "not retried automatically: edit its text, or an operator runs manage.py reanalyze"
)


def run_analysis(
    entry_ids: list[int], *, final_attempt: bool = False, top_up_to: int = 0, max_attempts: int | None = MAX_ATTEMPTS
) -> int:
    """Analyse these entries (and, with top_up_to, more of the pending backlog in the same pass). Entries that
    already failed max_attempts times are left alone (None: an operator's reanalyze tries them anyway)."""
    claimed_at = timezone.now()  # names this claim: a fault hands back only entries still under it
    claimed = analysis.claim_for_analysis(entry_ids, top_up_to=top_up_to, max_attempts=max_attempts, now=claimed_at)
    if not claimed:
        return 0
    ids = [c[0] for c in claimed]
    versions = {pk: version for pk, version, _ in claimed}
    ours = {"versions": versions, "claimed_at": claimed_at}
    try:
        pipeline = get_pipeline()
        results = _analyze_isolating_failures(pipeline, claimed)
    except ModelUnavailable as exc:
        analysis.mark_failed(entry_ids=ids, reason=f"model unavailable: {exc}", **ours)
        return 0
    except TRANSIENT:
        _hand_back(ids, ours, final_attempt)
        raise  # Celery retries with backoff
    except Exception as exc:
        # A bug or a broken install: say so on the entries; the sweep retries a few times, then leaves them failed.
        logger.exception("analysis of %s failed", ids)
        analysis.mark_failed(entry_ids=ids, reason=f"{type(exc).__name__}: {exc}", **ours)
        return 0
    done, written = 0, 0
    try:
        for (entry_id, version, _), result in zip(claimed, results):
            if isinstance(result, Exception):
                reason = f"{type(result).__name__}: {result}"
                analysis.mark_failed(
                    entry_ids=[entry_id], reason=reason, versions={entry_id: version}, claimed_at=claimed_at
                )
            else:
                done += analysis.apply_analysis(
                    entry_id=entry_id, content_version=version, result=result, model_versions=pipeline.versions
                )
            written += 1
    except TRANSIENT:
        # A database or Redis blip while writing: hand the unwritten rest back now, so the retry finds them (left
        # "processing" under a fresh claim, the retry took them for another worker's and they waited for the sweep).
        _hand_back(ids[written:], ours, final_attempt)
        raise
    return done


def _hand_back(ids: list[int], ours: dict, final_attempt: bool) -> None:
    """Entries of a claim a transient fault interrupted: pending again for the retry (failed on the last one). The
    connection that failed is dropped first: with a pool, Django would hand the same dead one back for this."""
    if not connection.in_atomic_block:  # a worker's task never is; a caller's transaction must keep its connection
        connection.close()
    if final_attempt:
        analysis.mark_failed(entry_ids=ids, reason="analysis kept failing; will retry later", **ours)
    else:
        analysis.mark_pending(entry_ids=ids, claimed_at=ours["claimed_at"])


def _analyze_isolating_failures(pipeline, claimed):
    """Batch first; if the batch fails on its input, run entries one by one so one bad text fails alone."""
    texts = [c[2] for c in claimed]
    try:
        return pipeline.analyze(texts)
    except (ModelUnavailable, MemoryError):
        raise
    except Exception as exc:
        if len(texts) == 1:
            return [exc]
        logger.warning("batch of %d failed (%s); isolating", len(texts), exc)
    out = []
    for text in texts:
        try:
            out.append(pipeline.analyze([text])[0])
        except ModelUnavailable:
            raise
        except Exception as exc:  # noqa: BLE001 - recorded on the entry as its failure reason
            out.append(exc)
    return out


def sweep(now: datetime.datetime | None = None) -> int:
    now = now or timezone.now()
    stale = now - datetime.timedelta(seconds=settings.ANALYSIS_SWEEP_AFTER_SECONDS)
    unfinished = Q(analysis_status__in=[AnalysisStatus.PENDING, AnalysisStatus.PROCESSING])
    # Entries whose attempts ran out while unfinished (a text that kills the worker, or its batch-mates, comes back
    # "processing" every time): the claim no longer takes them, so re-sending them would loop forever. They fail.
    exhausted = dict(
        Entry.objects.filter(
            unfinished, analysis_attempts__gte=MAX_ATTEMPTS, analysis_requested_at__lt=stale
        ).values_list("pk", "content_version")[:5000]
    )
    if exhausted:  # as read here: an entry edited since is a new text, queued afresh, and has not failed
        analysis.mark_failed(entry_ids=list(exhausted), reason=EXHAUSTED, versions=exhausted)
    stuck = Q(analysis_attempts__lt=MAX_ATTEMPTS) & (unfinished | Q(analysis_status=AnalysisStatus.FAILED))
    rows = list(
        Entry.objects.filter(stuck, analysis_requested_at__lt=stale)
        .order_by("analysis_requested_at")
        .values_list("pk", "analysis_status")[:5000]
    )
    ids = [pk for pk, _ in rows]
    # An entry still "processing" was abandoned mid-analysis: it may be the text that stops the worker, so it goes
    # alone and cannot take batch-mates down with it every time. The rest (never sent, or failed with a reason) go in
    # batches.
    batched = [pk for pk, state in rows if state != AnalysisStatus.PROCESSING]
    batches = [(batched[i : i + SWEEP_BATCH], False) for i in range(0, len(batched), SWEEP_BATCH)]
    batches += [([pk], True) for pk, state in rows if state == AnalysisStatus.PROCESSING]
    for batch, alone in batches:
        # Marked before the message is sent: an idle worker takes it at once, and its claim skips rows that this
        # update still holds locked, which would leave them for the next sweep. Entries left "processing" were
        # abandoned (a killed worker): they go back to pending, or the claim would take the fresh request time for
        # a worker still busy with them.
        with transaction.atomic():
            Entry.objects.filter(pk__in=batch, analysis_status=AnalysisStatus.PROCESSING).update(
                analysis_status=AnalysisStatus.PENDING
            )
            Entry.objects.filter(pk__in=batch).update(analysis_requested_at=now)
        if not enqueue_analysis(batch, alone=alone):
            # The broker is unreachable: keep them due, so the next sweep tries again.
            Entry.objects.filter(pk__in=batch).update(analysis_requested_at=stale - datetime.timedelta(seconds=1))
    return len(ids)
