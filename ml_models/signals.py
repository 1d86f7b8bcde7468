"""Worker start-up: begin heartbeats; optionally warm the models so the first entry is fast."""

import contextlib
import os

from celery.signals import worker_init, worker_process_init


@worker_init.connect
def _share_cores(sender=None, **_):
    """In the worker's main process, before it forks its pool: tell the pool processes how many there are, so each
    takes its share of the cores for torch (ml_models.backends.torch_threads). Other pools run one process."""
    processes = sender.concurrency if sender is not None and "prefork" in str(sender.pool_cls).lower() else 1
    os.environ["ML_POOL_PROCESSES"] = str(processes or 1)


@worker_process_init.connect
def _warm_models(**_):
    """In each pool process: load the models (ML_WARM_ON_START: 1 = all, embedder = the embedding model only, for a
    query worker; 0 = none), then keep a heartbeat with their status."""
    from django.db.backends.postgresql.base import DatabaseWrapper

    from .pipeline import get_embedder, get_pipeline
    from .worker_status import start_heartbeat_thread

    # A pool opened in the parent before the fork has no threads here and shares its sockets: drop it (unclosed,
    # the parent still owns it) so this process builds its own on first use.
    DatabaseWrapper._connection_pools.clear()

    warm = {"1": get_pipeline, "embedder": get_embedder}.get(os.environ.get("ML_WARM_ON_START", "1"))
    if warm:
        with contextlib.suppress(Exception):  # tasks report the fault on each entry
            warm()
    start_heartbeat_thread()
