"""Shared set-up for benchmarks: Django on a bench database of the embedded server (never the journal's own
DATABASE_URL), tables, JSON output."""

import json
import os
import platform
import statistics
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RESULTS = ROOT / "bench" / "results"


def bench_database_env(environ: dict, database: str) -> None:
    """Point Django at a bench database that may be wiped: the embedded server's `database`, or BENCH_DATABASE_URL.
    Never the journal's own DATABASE_URL (from the environment or .env), which some benchmarks TRUNCATE."""
    # An empty DATABASE_URL means "embedded" to the settings, and .env never overrides a variable that is set.
    environ["DATABASE_URL"] = environ.get("BENCH_DATABASE_URL", "")
    environ["DATABASE_NAME"] = database


def setup_django(database: str, redis_db_base: int = 5) -> None:
    sys.path.insert(0, str(ROOT))
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "journaling.settings")
    bench_database_env(os.environ, database)
    os.environ.setdefault("REDIS_DB_BASE", str(redis_db_base))
    os.environ.setdefault("DB_CONN_MAX_AGE", "0")
    if not os.environ.get("REDIS_URL") and _port_open(6379):
        os.environ["REDIS_URL"] = "redis://127.0.0.1:6379"
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def _port_open(port: int) -> bool:
    import socket

    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.3):
            return True
    except OSError:
        return False


def percentile(values: list[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = (len(ordered) - 1) * p / 100
    lo, hi = int(k), min(int(k) + 1, len(ordered) - 1)
    return ordered[lo] + (ordered[hi] - ordered[lo]) * (k - lo)


def summary(values_ms: list[float]) -> dict:
    return {
        "n": len(values_ms),
        "p50_ms": round(statistics.median(values_ms), 2),
        "p95_ms": round(percentile(values_ms, 95), 2),
        "p99_ms": round(percentile(values_ms, 99), 2),
    }


def machine() -> dict:
    return {"cpus": os.cpu_count(), "python": platform.python_version(), "platform": platform.platform()}


def print_table(title: str, rows: list[list], headers: list[str]) -> None:
    widths = [max(len(str(x)) for x in col) for col in zip(headers, *rows)]
    print(f"\n{title}")
    print("  ".join(str(h).ljust(w) for h, w in zip(headers, widths)))
    print("  ".join("-" * w for w in widths))
    for row in rows:
        print("  ".join(str(x).ljust(w) for x, w in zip(row, widths)))


def write_json(name: str, payload: dict) -> Path:
    RESULTS.mkdir(parents=True, exist_ok=True)
    path = RESULTS / f"{name}.json"
    path.write_text(json.dumps({"machine": machine(), **payload}, indent=2))
    return path


def rss_peak_mb(pid: int) -> float:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return round(int(line.split()[1]) / 1024, 1)
    return float("nan")
