"""Database connections under daphne: every request thread draws from a capped pool, so a burst of concurrent
requests queues for a connection instead of exhausting PostgreSQL's max_connections (HTTP 500s at 200 users)."""

import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor

import psycopg
import pytest
from django.db import connection
from rest_framework_simplejwt.tokens import AccessToken

from entries.services import create_entry
from journaling.testing.browser import Daphne
from journaling.testing.factories import UserFactory

CAP = 3


def _backends_on(watcher: psycopg.Connection, dbname: str) -> int:
    """Connections to this database other than the watcher's own (one watcher connection, kept open: a backend
    that is just closing can linger in pg_stat_activity for a moment and would be miscounted)."""
    return watcher.execute(
        "SELECT count(*) FROM pg_stat_activity WHERE datname = %s AND pid <> pg_backend_pid() "
        "AND backend_type = 'client backend'",  # not autovacuum or parallel workers
        [dbname],
    ).fetchone()[0]


@pytest.mark.django_db(transaction=True)
def test_a_burst_of_concurrent_requests_is_served_through_a_capped_pool(tmp_path):
    user = UserFactory()
    for day in range(1, 25):
        create_entry(user=user, content=f"A quiet day number {day}, then rain.", entry_date=f"2026-01-{day:02d}")
    token = str(AccessToken.for_user(user))
    params = connection.get_connection_params()
    conninfo = {k: params[k] for k in ("host", "port", "user", "password", "dbname") if params.get(k)}
    connection.close()  # the test's own connection would blur the count
    watcher = psycopg.connect(**conninfo, autocommit=True)
    baseline = _backends_on(watcher, conninfo["dbname"])
    server = Daphne(tmp_path / "daphne.log", DB_POOL_MAX_SIZE=str(CAP), DB_POOL_TIMEOUT="60").start()
    peak, done = [0], threading.Event()

    def watch():
        while not done.is_set():
            peak[0] = max(peak[0], _backends_on(watcher, conninfo["dbname"]) - baseline)
            time.sleep(0.005)

    def get(path: str) -> int:
        request = urllib.request.Request(server.url + path, headers={"Authorization": f"Bearer {token}"})
        with urllib.request.urlopen(request, timeout=120) as response:
            return response.status

    watching = threading.Thread(target=watch, daemon=True)
    watching.start()
    try:
        paths = ["/api/v1/entries/", "/api/v1/insights/summary/?period=year", "/api/v1/search/?q=rain&mode=text"] * 20
        with ThreadPoolExecutor(max_workers=len(paths)) as pool:
            statuses = list(pool.map(get, paths))
    finally:
        done.set()
        watching.join(10)
        watcher.close()
        server.stop()
    assert statuses == [200] * len(paths)
    assert 1 <= peak[0] <= CAP, peak[0]
