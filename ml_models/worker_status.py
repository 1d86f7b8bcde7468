"""Worker heartbeats in Redis, so /health can tell whether any inference worker is alive."""

import contextlib
import os
import socket
import sys
import threading
import time

from django.core.cache import cache

PREFIX = "worker-heartbeat:"
INTERVAL = 15


def beat(state: str = "ready") -> None:
    from . import pipeline

    if pipeline._pipeline is not None:
        models = pipeline._pipeline.versions
    elif pipeline._embedder is not None:  # a query-only worker
        models = {"embedding": pipeline._embedder.spec.version}
    else:
        models = "not loaded yet (loads on first task)"
    # One key per process: two workers on one host (analysis and queries) each report their own models.
    key = f"{PREFIX}{socket.gethostname()}:{os.getpid()}"
    torch = sys.modules.get("torch")  # imported by the models; a process that loaded none has no threads to report
    threads = torch.get_num_threads() if torch else None
    payload = {"state": state, "role": worker_role(), "models": models, "pid": os.getpid(), "at": time.time()}
    payload["torch_threads"] = threads
    cache.set(key, payload, INTERVAL * 3)


def worker_role() -> str:
    """ "query" for a worker that only embeds search queries (ML_WARM_ON_START=embedder), else "analysis"."""
    return "query" if os.environ.get("ML_WARM_ON_START") == "embedder" else "analysis"


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
