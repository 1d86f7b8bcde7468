"""Worker start-up: begin heartbeats; optionally warm the models so the first entry is fast."""

import contextlib
import os

from celery.signals import worker_process_init, worker_ready


@worker_ready.connect
def _on_worker_ready(**_):
    from .worker_status import beat

    with contextlib.suppress(Exception):
        beat("starting")


@worker_process_init.connect
def _warm_models(**_):
    """In each pool process: load the models (ML_WARM_ON_START: 1 = all, embedder = the embedding model only, for a
    query worker; 0 = none), then keep a heartbeat with their status."""
    from .pipeline import get_embedder, get_pipeline
    from .worker_status import start_heartbeat_thread

    warm = {"1": get_pipeline, "embedder": get_embedder}.get(os.environ.get("ML_WARM_ON_START", "1"))
    if warm:
        with contextlib.suppress(Exception):  # tasks report the fault on each entry
            warm()
    start_heartbeat_thread()
