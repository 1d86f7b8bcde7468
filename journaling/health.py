"""GET /health: database, Redis, migrations, broker and worker reachability, model status. 200 or 503."""

import logging
import time

from django.core.cache import cache
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django.http import JsonResponse
from django.views.decorators.cache import never_cache

logger = logging.getLogger(__name__)

# What a worker's heartbeat may tell an anonymous caller: not its host name or process id.
PUBLIC_BEAT = ("role", "state", "models", "torch_threads")


def _check(fn):
    start = time.perf_counter()
    try:
        detail = fn()
        return {"ok": True, "ms": round((time.perf_counter() - start) * 1000, 1), **(detail or {})}
    except Exception as exc:  # noqa: BLE001 - health reports every fault instead of raising
        # Anyone may ask /health (load balancers do): the message (addresses, user names) goes to the log only.
        logger.warning("health check %s failed: %s: %s", fn.__name__.strip("_"), type(exc).__name__, exc)
        return {"ok": False, "error": f"{type(exc).__name__} (details in the server log)"}


def _database():
    with connections[DEFAULT_DB_ALIAS].cursor() as cur:
        cur.execute("SELECT extversion FROM pg_extension WHERE extname = 'vector'")
        row = cur.fetchone()
    return {"pgvector": row[0] if row else None}


def _migrations():
    executor = MigrationExecutor(connections[DEFAULT_DB_ALIAS])
    pending = executor.migration_plan(executor.loader.graph.leaf_nodes())
    if pending:
        raise RuntimeError(f"{len(pending)} migrations not applied")
    return {}


def _redis():
    cache.set("health:ping", "1", timeout=5)
    if cache.get("health:ping") != "1":
        raise RuntimeError("cache round trip failed")
    return {}


def _workers():
    from ml_models.worker_status import worker_heartbeats

    beats = worker_heartbeats()
    now = time.time()
    public = [{k: b.get(k) for k in PUBLIC_BEAT} | {"seconds_since_beat": round(now - b.get("at", now))} for b in beats]
    # "alive" means entries get analysed: a query-only worker does not count.
    return {"workers": public, "alive": any(b.get("role", "analysis") == "analysis" for b in beats)}


@never_cache
def health(request):
    checks = {"database": _check(_database)}
    # With the database down the migration check would wait out the pool's timeout a second time.
    checks["migrations"] = _check(_migrations) if checks["database"]["ok"] else {"ok": False, "error": "no database"}
    checks["redis"] = _check(_redis)
    checks["workers"] = _check(_workers)
    required = ("database", "migrations", "redis")
    healthy = all(checks[name]["ok"] for name in required)
    return JsonResponse(
        {"status": "ok" if healthy else "unavailable", "checks": checks}, status=200 if healthy else 503
    )
