"""Analysis batches and the sweep, run in-process against the real database, Redis and default models."""

import datetime

import pytest
import redis
from django.conf import settings
from django.utils import timezone

from entries import services
from entries.analysis import claim_for_analysis
from entries.models import AnalysisStatus, Entry
from ml_models import pipeline as pipeline_module
from ml_models.runner import EXHAUSTED, MAX_ATTEMPTS, run_analysis, sweep


@pytest.mark.django_db
def test_analysis_writes_results_and_rerunning_changes_nothing(user):
    entry = services.create_entry(user=user, title="Great", content="A wonderful, happy day at the beach with friends.")
    assert run_analysis([entry.pk]) == 1
    entry.refresh_from_db()
    assert entry.analysis_status == AnalysisStatus.DONE
    assert entry.sentiment_label == "positive" and entry.analysed_version == entry.content_version
    assert len(entry.embedding) == 384 and entry.dominant_emotion in entry.emotions
    assert entry.model_versions["embedding"].startswith("sentence-transformers:")
    snapshot = Entry.objects.filter(pk=entry.pk).values("sentiment_score", "emotions", "analysed_at").get()
    assert run_analysis([entry.pk]) == 0  # idempotent: nothing left to do
    assert Entry.objects.filter(pk=entry.pk).values("sentiment_score", "emotions", "analysed_at").get() == snapshot


@pytest.mark.django_db
def test_an_edit_during_analysis_is_not_overwritten_by_the_stale_result(user):
    from entries.analysis import apply_analysis, claim_for_analysis

    entry = services.create_entry(user=user, content="first version")
    [(entry_id, version, text)] = claim_for_analysis([entry.pk])
    services.update_entry(entry=Entry.objects.get(pk=entry.pk), content="second version")
    result = pipeline_module.get_pipeline().analyze([text])[0]
    assert apply_analysis(entry_id=entry_id, content_version=version, result=result, model_versions={}) is False
    assert Entry.objects.get(pk=entry.pk).analysis_status == AnalysisStatus.PENDING


@pytest.mark.django_db
def test_a_failure_of_an_older_text_does_not_mark_the_edited_entry_failed(user, monkeypatch):
    from entries.analysis import claim_for_analysis

    entry = services.create_entry(user=user, content="POISON in the first version")
    claim = claim_for_analysis

    def claim_then_edit(*args, **kwargs):
        # The user saves a new text while the worker holds the old one.
        claimed = claim(*args, **kwargs)
        services.update_entry(entry=Entry.objects.get(pk=entry.pk), content="a calm second version")
        return claimed

    real = pipeline_module.get_pipeline()
    monkeypatch.setattr("entries.analysis.claim_for_analysis", claim_then_edit)
    monkeypatch.setattr(real, "analyze", _raising_on_poison(real.analyze))
    assert run_analysis([entry.pk]) == 0
    edited = Entry.objects.get(pk=entry.pk)
    assert (edited.analysis_status, edited.analysis_error, edited.content_version) == (AnalysisStatus.PENDING, "", 2)
    monkeypatch.undo()
    assert run_analysis([entry.pk]) == 1


def _raising_on_poison(analyze):
    def wrapped(texts):
        if any("POISON" in t for t in texts):
            raise RuntimeError("tokenizer exploded")
        return analyze(texts)

    return wrapped


@pytest.mark.django_db
def test_missing_model_marks_the_entry_failed_with_a_reason_and_a_later_run_completes_it(user, settings, tmp_path):
    entry = services.create_entry(user=user, content="model file will be missing")
    settings.ML_SENTIMENT_MODEL = str(tmp_path / "nowhere")
    pipeline_module.reset_pipeline()
    try:
        assert run_analysis([entry.pk]) == 0
        entry.refresh_from_db()
        assert entry.analysis_status == AnalysisStatus.FAILED
        assert "model unavailable" in entry.analysis_error and "nowhere" in entry.analysis_error
    finally:
        settings.ML_SENTIMENT_MODEL = "default"
        pipeline_module.reset_pipeline()
    assert run_analysis([entry.pk]) == 1
    assert Entry.objects.get(pk=entry.pk).analysis_status == AnalysisStatus.DONE


def empty_broker():
    broker = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    broker.delete("inference")
    return broker


def an_hour_ago():
    return timezone.now() - datetime.timedelta(hours=1)


@pytest.mark.django_db
def test_sweep_requeues_only_stale_unfinished_entries(user):
    broker, old = empty_broker(), an_hour_ago()
    stale_pending = services.create_entry(user=user, content="stale")
    fresh_pending = services.create_entry(user=user, content="fresh")
    stale_failed = services.create_entry(user=user, content="failed")
    done = services.create_entry(user=user, content="done")
    Entry.objects.filter(pk__in=[stale_pending.pk, stale_failed.pk, done.pk]).update(analysis_requested_at=old)
    Entry.objects.filter(pk=stale_failed.pk).update(analysis_status=AnalysisStatus.FAILED, analysis_attempts=2)
    Entry.objects.filter(pk=done.pk).update(analysis_status=AnalysisStatus.DONE)
    assert sweep() == 2
    assert broker.llen("inference") == 1  # one batch holding both ids
    assert Entry.objects.get(pk=fresh_pending.pk).analysis_requested_at > old
    assert sweep() == 0  # just re-enqueued: not stale any more


@pytest.mark.django_db
def test_sweep_fails_entries_whose_attempts_ran_out_unfinished_instead_of_resending_them_forever(user):
    broker, old = empty_broker(), an_hour_ago()
    killer = services.create_entry(user=user, content="the worker died on this one six times")
    retried = services.create_entry(user=user, content="died once")
    for entry, attempts in ((killer, MAX_ATTEMPTS), (retried, 1)):
        Entry.objects.filter(pk=entry.pk).update(
            analysis_status=AnalysisStatus.PROCESSING, analysis_attempts=attempts, analysis_requested_at=old
        )
    assert sweep() == 1  # only the one with attempts left is sent again
    assert broker.llen("inference") == 1
    failed = Entry.objects.get(pk=killer.pk)
    assert failed.analysis_status == AnalysisStatus.FAILED and failed.analysis_error == EXHAUSTED
    assert sweep() == 0
    services.update_entry(entry=failed, content="rewritten")  # a text edit starts its attempts over
    assert run_analysis([killer.pk]) == 1


@pytest.mark.django_db
def test_one_bad_text_fails_alone_and_the_rest_of_the_batch_completes(user, monkeypatch):
    good = services.create_entry(user=user, content="A calm evening reading.")
    bad = services.create_entry(user=user, content="POISON")
    real = pipeline_module.get_pipeline()
    # the only way to make a real model fail on one input
    monkeypatch.setattr(real, "analyze", _raising_on_poison(real.analyze))
    assert run_analysis([good.pk, bad.pk]) == 1
    assert Entry.objects.get(pk=good.pk).analysis_status == AnalysisStatus.DONE
    failed = Entry.objects.get(pk=bad.pk)
    assert failed.analysis_status == AnalysisStatus.FAILED and "tokenizer exploded" in failed.analysis_error


@pytest.mark.django_db
def test_a_task_tops_its_batch_up_from_the_oldest_pending_backlog(user, other_user):
    now = timezone.now()
    backlog = []
    for i, owner in enumerate([user, other_user, user, other_user, user]):
        entry = services.create_entry(user=owner, content=f"Backlog entry {i}: a calm walk by the river.")
        Entry.objects.filter(pk=entry.pk).update(analysis_requested_at=now - datetime.timedelta(minutes=10 - i))
        backlog.append(entry.pk)
    newest = backlog[-1]
    assert run_analysis([newest], top_up_to=3) == 3  # its own entry plus the two oldest waiting ones, whoever wrote
    assert run_analysis([backlog[2]]) == 1  # without top_up_to (reanalyze, retries): only the entries asked for
    status = dict(Entry.objects.filter(pk__in=backlog).values_list("pk", "analysis_status"))
    assert [status[pk] for pk in backlog] == ["done", "done", "done", "pending", "done"]
    assert run_analysis([backlog[0]], top_up_to=3) == 1  # its entry is done already; the batch drains the rest
    assert set(Entry.objects.filter(pk__in=backlog).values_list("analysis_status", flat=True)) == {"done"}
    assert run_analysis([newest], top_up_to=3) == 0  # nothing left: queued tasks of taken entries are no-ops


@pytest.mark.django_db
def test_an_entry_in_flight_on_another_worker_is_not_claimed_twice(user):
    from entries.analysis import claim_for_analysis

    entry = services.create_entry(user=user, content="Claimed by a worker that is still busy with it.")
    assert [c[0] for c in claim_for_analysis([entry.pk])] == [entry.pk]
    assert claim_for_analysis([entry.pk]) == []  # its queued task (or a sweep) asks again: left alone
    assert sweep() == 0  # and the sweep does not count it as stuck
    stale = timezone.now() - datetime.timedelta(seconds=settings.ANALYSIS_SWEEP_AFTER_SECONDS + 1)
    Entry.objects.filter(pk=entry.pk).update(analysis_requested_at=stale)  # that worker died long ago
    assert sweep() == 1  # re-queued, and handed back as pending: the new request time is not "in flight"
    assert Entry.objects.get(pk=entry.pk).analysis_status == AnalysisStatus.PENDING
    assert [c[0] for c in claim_for_analysis([entry.pk])] == [entry.pk]


@pytest.mark.django_db
def test_an_entry_that_failed_too_often_is_only_retried_by_an_operator(user):
    entry = services.create_entry(user=user, content="A text that keeps failing.")
    Entry.objects.filter(pk=entry.pk).update(analysis_attempts=6, analysis_status=AnalysisStatus.FAILED)
    assert run_analysis([entry.pk]) == 0
    assert run_analysis([entry.pk], max_attempts=None) == 1  # manage.py reanalyze


@pytest.mark.django_db
def test_sweep_marks_entries_before_sending_so_an_idle_worker_never_finds_them_locked(user, monkeypatch):
    """A worker takes the message at once and its claim skips locked rows: the sweep's update must be done first."""
    from ml_models import runner

    entry = services.create_entry(user=user, content="left pending while the broker was down")
    Entry.objects.filter(pk=entry.pk).update(
        analysis_status=AnalysisStatus.PROCESSING, analysis_requested_at=timezone.now() - datetime.timedelta(hours=1)
    )
    seen, send = [], runner.enqueue_analysis

    def send_and_record(ids, alone=False):  # the real enqueue, noting the rows as a worker would find them
        seen.append(Entry.objects.filter(pk__in=ids).values_list("analysis_status", "analysis_requested_at").get())
        return send(ids, alone=alone)

    monkeypatch.setattr(runner, "enqueue_analysis", send_and_record)
    now = timezone.now()
    assert sweep(now) == 1
    assert seen == [(AnalysisStatus.PENDING, now)]


@pytest.mark.django_db
def test_entries_the_sweep_could_not_send_stay_due_for_the_next_sweep(user, monkeypatch):
    from ml_models import runner

    entry = services.create_entry(user=user, content="broker down at sweep time too")
    Entry.objects.filter(pk=entry.pk).update(analysis_requested_at=timezone.now() - datetime.timedelta(hours=1))
    # What enqueue_analysis answers when the broker is unreachable (the real outage at save time is covered with a
    # worker process in test_worker.py).
    monkeypatch.setattr(runner, "enqueue_analysis", lambda ids, alone=False: False)
    assert sweep() == 1
    monkeypatch.undo()
    assert Entry.objects.get(pk=entry.pk).analysis_status == AnalysisStatus.PENDING
    assert sweep() == 1  # still due, and sent this time
    assert sweep() == 0


@pytest.mark.django_db
def test_an_entry_a_worker_died_on_is_resent_alone_and_never_joins_another_batch(user, monkeypatch):
    """A text that stops the worker: its batch-mates must not share its fate six times over."""
    from ml_models import runner

    poison = services.create_entry(user=user, content="the text that stops the worker")
    mate = services.create_entry(user=user, content="an ordinary day")
    claim_for_analysis([poison.pk, mate.pk])  # one worker took both in one batch ... and died
    Entry.objects.filter(pk__in=[poison.pk, mate.pk]).update(analysis_requested_at=an_hour_ago())
    sent = []
    monkeypatch.setattr(runner, "enqueue_analysis", lambda ids, alone=False: sent.append((ids, alone)) or True)
    assert sweep() == 2
    assert sorted(sent) == sorted([([poison.pk], True), ([mate.pk], True)])
    newcomer = services.create_entry(user=user, content="written meanwhile")
    claimed = claim_for_analysis([newcomer.pk], top_up_to=16)  # a new entry's task tops up from the backlog ...
    assert [c[0] for c in claimed] == [newcomer.pk]  # ... with no entry a worker died on


@pytest.mark.django_db
def test_a_worker_whose_claim_ran_out_cannot_hand_back_another_workers_live_claim(user):
    """A slow worker's claim outlived ANALYSIS_SWEEP_AFTER_SECONDS; the sweep re-sent the entry and a second worker
    claimed it. When the first one then hits a fault, the entry stays the second worker's."""
    from entries.analysis import mark_failed, mark_pending

    entry = services.create_entry(user=user, content="a long entry on a slow machine")
    first = an_hour_ago()
    claim_for_analysis([entry.pk], now=first)
    sweep()  # stale: sent again
    second = timezone.now()
    assert claim_for_analysis([entry.pk], now=second)
    mark_pending(entry_ids=[entry.pk], claimed_at=first)
    mark_failed(entry_ids=[entry.pk], reason="the first worker's fault", claimed_at=first)
    row = Entry.objects.get(pk=entry.pk)
    assert (row.analysis_status, row.analysis_requested_at, row.analysis_error) == (
        AnalysisStatus.PROCESSING, second, ""
    )  # fmt: skip


@pytest.mark.django_db(transaction=True)
def test_a_dropped_connection_while_writing_results_hands_the_unwritten_entries_back_for_the_retry(user, monkeypatch):
    """The database server ends the worker's connection between two result writes (a restart, a failover): the
    rest of the claim is handed back on a fresh connection, so the task's retry finds it at once."""
    import psycopg
    from django.db import OperationalError, connection

    from entries import analysis

    entries = [services.create_entry(user=user, content=f"A quiet day number {i}.") for i in range(3)]
    real_apply, calls = analysis.apply_analysis, []

    def apply_after_the_server_drops_us(**kwargs):
        calls.append(kwargs["entry_id"])
        if len(calls) == 2:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_backend_pid()")
                pid = cursor.fetchone()[0]
            skip = ("pool", "cursor_factory")
            params = {k: v for k, v in connection.get_connection_params().items() if k not in skip}
            with psycopg.connect(**params, autocommit=True) as admin:
                admin.execute("SELECT pg_terminate_backend(%s)", [pid])
        return real_apply(**kwargs)

    monkeypatch.setattr(analysis, "apply_analysis", apply_after_the_server_drops_us)
    with pytest.raises(OperationalError):
        run_analysis([e.pk for e in entries])
    status = dict(Entry.objects.filter(pk__in=[e.pk for e in entries]).values_list("pk", "analysis_status"))
    assert status[calls[0]] == AnalysisStatus.DONE
    assert sorted(v for k, v in status.items() if k != calls[0]) == [AnalysisStatus.PENDING] * 2  # not "processing"
    monkeypatch.setattr(analysis, "apply_analysis", real_apply)
    assert run_analysis([e.pk for e in entries]) == 2  # the retry finds them at once, not after the sweep


@pytest.mark.django_db
def test_an_entry_edited_while_the_sweep_gives_up_on_it_is_not_marked_failed(user, monkeypatch):
    from entries import analysis

    empty_broker()
    killer = services.create_entry(user=user, content="the worker died on this one six times")
    Entry.objects.filter(pk=killer.pk).update(
        analysis_status=AnalysisStatus.PROCESSING, analysis_attempts=MAX_ATTEMPTS, analysis_requested_at=an_hour_ago()
    )
    real_mark_failed = analysis.mark_failed

    def edited_meanwhile(**kwargs):  # the writer saves a new text between the sweep's read and its write
        services.update_entry(entry=Entry.objects.get(pk=killer.pk), content="rewritten")
        return real_mark_failed(**kwargs)

    monkeypatch.setattr(analysis, "mark_failed", edited_meanwhile)
    sweep()
    assert Entry.objects.get(pk=killer.pk).analysis_status == AnalysisStatus.PENDING  # its new text is queued
