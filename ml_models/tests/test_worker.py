"""End-to-end analysis with a real Celery worker process, the real Redis broker and the test database."""

import datetime

import pytest
import redis
from django.conf import settings
from django.utils import timezone
from rest_framework.test import APIClient

from entries.models import AnalysisStatus, Entry
from journaling.testing.processes import WorkerProcess, manage, wait_for
from ml_models.runner import sweep

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def broker():
    client = redis.Redis.from_url(settings.CELERY_BROKER_URL)
    client.delete("inference", "unacked", "unacked_index")
    return client


@pytest.fixture
def worker(tmp_path, broker):
    process = WorkerProcess(tmp_path / "worker.log").start()
    yield process
    process.stop()


def worker_heartbeats_of(worker: WorkerProcess) -> dict:
    from ml_models.worker_status import worker_heartbeats

    return next(b for b in worker_heartbeats() if b["host"] in worker.heartbeat_hosts)


def status_of(pk):
    return Entry.objects.filter(pk=pk).values_list("analysis_status", flat=True).first()


def test_an_entry_saved_through_the_api_is_analysed_by_the_worker(worker, user):
    client = APIClient()
    client.force_authenticate(user)
    response = client.post("/api/v1/entries/", {"content": "Such a happy, lovely day with my sister."}, format="json")
    assert response.status_code == 201
    pk = response.json()["id"]
    wait_for(lambda: status_of(pk) == AnalysisStatus.DONE, message="analysis")
    analysed = client.get(f"/api/v1/entries/{pk}/").json()["analysis"]
    assert analysed["sentiment"]["label"] == "positive"
    assert analysed["model_versions"]["embedding"].startswith("sentence-transformers")
    # Search by meaning: the web side asks the worker to embed the query (no model in this process).
    found = client.get("/api/v1/search/", {"q": "a joyful afternoon with family", "mode": "semantic"}).json()
    assert found["notice"] == "" and [r["entry"]["id"] for r in found["results"]] == [pk]


def test_entries_saved_while_the_broker_is_down_are_completed_by_the_sweep(tmp_path, broker, user):
    result = manage(
        "shell",
        "-c",
        "from accounts.models import User; from entries.services import create_entry; "
        f"e = create_entry(user=User.objects.get(pk={user.pk}), content='Saved while Redis was down.'); print(e.pk)",
        CELERY_BROKER_URL="redis://127.0.0.1:9/0",  # nothing listens there
    )
    assert result.returncode == 0, result.stderr
    pk = int(result.stdout.strip().splitlines()[-1])
    assert status_of(pk) == AnalysisStatus.PENDING  # saved, honest state, nothing lost
    assert broker.llen("inference") == 0
    Entry.objects.filter(pk=pk).update(analysis_requested_at=timezone.now() - datetime.timedelta(hours=1))
    worker = WorkerProcess(tmp_path / "worker.log").start()
    try:
        assert sweep() == 1
        wait_for(lambda: status_of(pk) == AnalysisStatus.DONE, message="analysis after the sweep")
    finally:
        worker.stop()


def test_a_worker_killed_mid_batch_loses_nothing(tmp_path, broker, user):
    from entries.services import create_entry

    long_text = "I walked to the station and thought about the week, the rain and my plans. " * 600
    ids = [create_entry(user=user, content=f"{i} {long_text}").pk for i in range(6)]
    worker = WorkerProcess(tmp_path / "worker1.log").start()
    wait_for(lambda: Entry.objects.filter(pk__in=ids, analysis_status=AnalysisStatus.PROCESSING).exists(), 60)
    worker.kill()
    stuck = Entry.objects.filter(pk__in=ids).exclude(analysis_status=AnalysisStatus.DONE)
    assert stuck.exists()  # killed before it could finish
    Entry.objects.filter(pk__in=ids).update(analysis_requested_at=timezone.now() - datetime.timedelta(hours=1))
    worker = WorkerProcess(tmp_path / "worker2.log").start()
    try:
        sweep()
        wait_for(lambda: not stuck.exists(), timeout=240, message="every entry analysed after the restart")
    finally:
        worker.stop()
    rows = Entry.objects.filter(pk__in=ids)
    assert rows.count() == 6
    assert all(e.analysed_version == e.content_version for e in rows)


def test_a_query_only_worker_answers_searches_and_clears_the_down_flag_when_in_time(tmp_path, broker, user):
    """The layout run.sh and compose use: search queries on a worker of their own that loads only the embedder."""
    import time

    from django.core.cache import cache

    from ml_models.query_embedding import DOWN_KEY, QueryEmbeddingUnavailable, _redis, embed_query
    from ml_models.tasks import analyze_entries, embed_query_task

    cache.set(DOWN_KEY, 1, 300)  # a previous query timed out (say, while the worker was still loading)
    with pytest.raises(QueryEmbeddingUnavailable):
        embed_query("a first question")
    cache.delete(DOWN_KEY)
    analyze_entries.delay([10**9])  # work for the other queue: this worker must leave it there
    worker = WorkerProcess(tmp_path / "query.log", queues="query", name="query", ML_WARM_ON_START="embedder").start()
    try:
        vector = embed_query("test nerves before the exam", timeout=30)
        assert vector.shape == (384,) and abs(float((vector**2).sum()) - 1) < 1e-3
        waiting = broker.lrange("inference", 0, -1)  # the analysis task still waits for an analysis worker
        assert sum(b"ml_models.tasks.analyze_entries" in message for message in waiting) == 1
        assert set(worker_heartbeats_of(worker)["models"]) == {"embedding"}  # no classifier loaded
        assert worker_heartbeats_of(worker)["role"] == "query"
        for deadline, cleared in ((time.time() - 1, False), (time.time() + 60, True)):
            cache.set(DOWN_KEY, 1, 300)
            reply_key = f"qembed:reply:test-{cleared}"
            embed_query_task.delay("a question", reply_key, deadline)
            assert _redis().blpop([reply_key], timeout=30) is not None  # answered either way
            assert (cache.get(DOWN_KEY) is None) == cleared  # only an answer in time proves a quick worker
    finally:
        worker.stop()


@pytest.mark.parametrize("processes", [1, 2])
def test_pool_processes_share_the_cores_for_torch_rather_than_each_taking_all(tmp_path, broker, processes):
    """Two pool processes with a thread per core each analyse a backlog at under half the speed of one thread each
    (bench/worker_threads_bench.py): a worker started with -c N gives each process its share."""
    from ml_models.backends import available_cpus

    env = dict(ML_WARM_ON_START="embedder", ML_TORCH_THREADS="")  # the default, whatever this shell sets
    worker = WorkerProcess(tmp_path / "w.log", queues="query", name=f"share{processes}", concurrency=processes, **env)
    worker.start()
    try:
        beats = worker.own_heartbeats()
        assert len(beats) == processes
        assert [beat["torch_threads"] for beat in beats] == [max(1, available_cpus() // processes)] * processes
    finally:
        worker.stop()


def test_a_pool_process_killed_by_the_system_is_replaced_by_one_that_loads_its_models(tmp_path, broker, user):
    """An OOM kill takes one pool process: its replacement loads the models before reporting for work, which takes
    longer than Celery's default 4 s allowance on a busy CPU; it must not be killed and replaced in a loop."""
    import os
    import signal

    worker = WorkerProcess(tmp_path / "w.log").start()
    try:
        [first] = worker.own_heartbeats()
        os.kill(first["pid"], signal.SIGKILL)
        from django.core.cache import cache

        from ml_models.worker_status import PREFIX

        cache.delete(PREFIX + first["host"])
        replacement = wait_for(
            lambda: [b for b in worker.own_heartbeats() if b["pid"] != first["pid"]], timeout=180, message="a new child"
        )[0]
        worker.heartbeat_hosts.append(replacement["host"])
        assert isinstance(replacement["models"], dict)  # loaded, and reporting
        from entries.services import create_entry

        entry = create_entry(user=user, title="", content="A calm, ordinary afternoon.")
        wait_for(lambda: status_of(entry.pk) == AnalysisStatus.DONE, timeout=120, message="analysis by the new child")
        assert "Timed out waiting for UP message" not in (tmp_path / "w.log").read_text()
    finally:
        worker.stop()
