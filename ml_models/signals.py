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
    """In each pool process: load the models (unless disabled), then keep a heartbeat with their status."""
    from .worker_status import start_heartbeat_thread

    if os.environ.get("ML_WARM_ON_START", "1") == "1":
        from .pipeline import get_pipeline

        with contextlib.suppress(Exception):  # tasks report the fault on each entry
            get_pipeline()
    start_heartbeat_thread()
