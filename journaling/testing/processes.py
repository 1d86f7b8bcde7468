"""Real processes for integration tests: a Celery worker and one-off manage.py commands on the test database."""

import contextlib
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from django.conf import settings
from django.db import connection

ROOT = Path(__file__).resolve().parents[2]


def process_env(**extra) -> dict:
    env = dict(os.environ)
    env.update(
        DATABASE_NAME=connection.settings_dict["NAME"],
        REDIS_URL=settings.REDIS_URL,
        REDIS_DB_BASE=os.environ.get("REDIS_DB_BASE", "0"),
        DJANGO_SETTINGS_MODULE="journaling.settings",
    )
    if os.environ.get("DATABASE_URL"):
        env["DATABASE_URL"] = os.environ["DATABASE_URL"].rsplit("/", 1)[0] + "/" + connection.settings_dict["NAME"]
    env.update({k: str(v) for k, v in extra.items()})
    return env


class WorkerProcess:
    def __init__(
        self, log_path: Path, queues: str = "query,inference,default", name: str = "test", concurrency: int = 1, **env
    ):
        self.log_path = log_path
        self.queues, self.name, self.concurrency = queues, name, concurrency
        # Tests sweep with a 5 s staleness (override_settings in the test process); the worker must agree on when a
        # claimed entry counts as abandoned, or it would leave a killed worker's entries alone for two minutes.
        env.setdefault("ANALYSIS_SWEEP_AFTER_SECONDS", "5")
        self.env = process_env(**env)
        self.proc: subprocess.Popen | None = None

    def start(self, timeout: float = 120) -> "WorkerProcess":
        ready_before = self._ready_lines()
        self.log = open(self.log_path, "ab")  # noqa: SIM115 - closed in stop()
        cmd = [sys.executable, "-m", "celery", "-A", "journaling", "worker", "-Q", self.queues]
        cmd += ["-c", str(self.concurrency)]
        cmd += ["--without-gossip", "--without-mingle", "--loglevel", "INFO", "-n", f"{self.name}-{os.getpid()}@%h"]
        self.proc = subprocess.Popen(
            cmd, cwd=ROOT, env=self.env, stdout=self.log, stderr=subprocess.STDOUT, start_new_session=True
        )
        deadline = time.monotonic() + timeout
        # Ready when this worker logged "ready" and each pool child beats: a child beats after it has loaded its
        # models, and its heartbeat key is its own (another worker on this host has its own).
        while len(beats := self.own_heartbeats()) < self.concurrency or self._ready_lines() <= ready_before:
            if self.proc.poll() is not None or time.monotonic() > deadline:
                raise RuntimeError(f"worker did not start; see {self.log_path}:\n{self.log_path.read_text()[-3000:]}")
            time.sleep(0.2)
        self.heartbeat_hosts = [beat["host"] for beat in beats]
        return self

    def own_heartbeats(self) -> list[dict]:
        """The heartbeats of this worker's pool children (its own session) that have loaded their models."""
        from ml_models.worker_status import worker_heartbeats

        own = []
        for beat in worker_heartbeats():
            with contextlib.suppress(OSError, KeyError, TypeError):
                loaded = isinstance(beat["models"], dict) or self.env.get("ML_WARM_ON_START") == "0"
                if beat["state"] == "ready" and loaded and os.getpgid(beat["pid"]) == self.proc.pid:
                    own.append(beat)
        return own

    def _ready_lines(self) -> int:
        return self.log_path.read_text(errors="replace").count(" ready.") if self.log_path.exists() else 0

    def kill(self) -> None:
        """SIGKILL the whole worker (main process and its pool child), like an OOM kill or power loss."""
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(10)
        self._close()

    def stop(self) -> None:
        if self.proc and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGTERM)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                os.killpg(self.proc.pid, signal.SIGKILL)
                self.proc.wait(10)
        self._close()

    def _close(self):
        from django.core.cache import cache

        from ml_models.worker_status import PREFIX

        for host in getattr(self, "heartbeat_hosts", []):
            cache.delete(PREFIX + host)
        if getattr(self, "log", None):
            self.log.close()


def manage(*args: str, timeout: float = 120, **env) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=process_env(**env),
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def wait_for(predicate, timeout: float = 90, interval: float = 0.2, message: str = "condition"):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(interval)
    raise AssertionError(f"timed out after {timeout}s waiting for {message}")
