"""CPU analysis workers: pool processes x torch threads per process, on this machine's cores.

    .venv/bin/python bench/worker_threads_bench.py [--backlog 64] [--samples 12] [--configs 1x2,2x1,2x2,2xauto]

Each configuration is a real Celery worker (`-c P`, ML_TORCH_THREADS=T; `auto` leaves it unset, so the worker
shares the cores among its pool processes, ml_models.backends.torch_threads) on the bench database. Measured per
configuration: the time to analyse a backlog of 150-word entries saved at once (an import, or many writers), the
save-to-analysed latency of one entry with the worker idle, and of two entries saved at the same moment (two writers).
Prints a table and writes bench/results/worker-threads.json.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import print_table, setup_django, summary, write_json  # noqa: E402
from bench.inference_bench import entries_of_150_words  # noqa: E402


def _save(user, texts: list[str]) -> list[int]:
    from entries.services import create_entry

    return [create_entry(user=user, title="", content=text).pk for text in texts]


def _wait_done(ids: list[int], timeout: float = 600) -> float:
    from entries.models import Entry

    deadline = time.monotonic() + timeout
    while Entry.objects.filter(pk__in=ids, analysis_status="done").count() < len(ids):
        if time.monotonic() > deadline:
            raise RuntimeError(f"{len(ids)} entries not analysed within {timeout} s")
        time.sleep(0.01)
    return time.perf_counter()


def measure(user, processes: int, threads: str, backlog: list[str], singles: list[str], tmp: Path) -> dict:
    from journaling.testing.processes import WorkerProcess

    worker = WorkerProcess(
        tmp / f"worker-{processes}x{threads}.log",
        queues="inference,default",
        name=f"bench{processes}x{threads}",
        concurrency=processes,
        ML_TORCH_THREADS="" if threads == "auto" else threads,
    ).start(timeout=300)
    try:
        reported = sorted({beat.get("torch_threads") for beat in worker.own_heartbeats()}, key=str)
        _wait_done(_save(user, singles[:2]))  # warm-up: each child's first batch
        start = time.perf_counter()
        backlog_s = _wait_done(_save(user, backlog)) - start
        one, two = [], []
        for text in singles[2:]:
            start = time.perf_counter()
            one.append((_wait_done(_save(user, [text])) - start) * 1000)
        for i in range(2, len(singles) - 1, 2):
            start = time.perf_counter()
            two.append((_wait_done(_save(user, singles[i : i + 2])) - start) * 1000)
    finally:
        worker.stop()
    return {
        "processes": processes,
        "torch_threads": threads,
        "torch_threads_reported": reported,
        "backlog_entries": len(backlog),
        "backlog_s": round(backlog_s, 2),
        "backlog_entries_per_s": round(len(backlog) / backlog_s, 2),
        "one_entry": summary(one),
        "two_entries_at_once": {"n": len(two), "p50_ms": round(statistics.median(two), 2)},
    }


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--backlog", type=int, default=64)
    parser.add_argument("--samples", type=int, default=12)
    parser.add_argument("--configs", default="1x2,2x1,2x2,2xauto", help="PROCESSESxTHREADS, comma-separated")
    args = parser.parse_args()
    setup_django("journaling_bench")
    from accounts.models import User

    user, _ = User.objects.get_or_create(username="bench-worker-threads")
    configs = [(int(c.split("x")[0]), c.split("x")[1]) for c in args.configs.split(",")]
    texts = entries_of_150_words(args.backlog + args.samples + 2)
    backlog, singles = texts[: args.backlog], texts[args.backlog :]
    results = []
    with tempfile.TemporaryDirectory() as tmp:
        for processes, threads in configs:
            print(f"measuring -c {processes} with {threads} torch threads each ...", flush=True)
            results.append(measure(user, processes, threads, backlog, singles, Path(tmp)))
    rows = [
        [
            f"-c {r['processes']} x {r['torch_threads']} threads (reported {r['torch_threads_reported']})",
            r["backlog_entries_per_s"],
            r["one_entry"]["p50_ms"],
            r["one_entry"]["p95_ms"],
            r["two_entries_at_once"]["p50_ms"],
        ]
        for r in results
    ]
    print_table(
        f"CPU workers on {os.cpu_count()} cores, 150-word entries (backlog of {args.backlog})",
        rows,
        ["worker", "backlog entries/s", "one entry p50 ms", "p95 ms", "two at once p50 ms"],
    )
    path = write_json("worker-threads", {"configs": results})
    print(f"\nwrote {path}")


if __name__ == "__main__":
    main()
