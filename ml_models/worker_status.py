"""Worker heartbeats in Redis, so /health can tell whether any inference worker is alive."""

import contextlib
import socket
import threading
import time

from django.core.cache import cache

PREFIX = "worker-heartbeat:"
INTERVAL = 15


def beat(state: str = "ready") -> None:
    from .pipeline import _pipeline

    models = _pipeline.versions if _pipeline is not None else "not loaded yet (loads on first task)"
    cache.set(f"{PREFIX}{socket.gethostname()}", {"state": state, "models": models, "at": time.time()}, INTERVAL * 3)


def worker_heartbeats() -> list[dict]:
    keys = cache.keys(f"{PREFIX}*")
    return [{"host": k.removeprefix(PREFIX), **(cache.get(k) or {})} for k in keys]


def start_heartbeat_thread() -> None:
    def loop():
        while True:
            with contextlib.suppress(Exception):  # Redis may be down; the next beat retries
                beat()
            time.sleep(INTERVAL)

    threading.Thread(target=loop, name="heartbeat", daemon=True).start()
