"""Inference benchmark: batched pipeline vs one entry at a time, save-to-analysed latency, memory.

    .venv/bin/python bench/inference_bench.py [--entries 96] [--latency-samples 30]

Prints a table and writes bench/results/inference.json.
"""

import argparse
import random
import sys
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import print_table, rss_peak_mb, setup_django, summary, write_json  # noqa: E402


def entries_of_150_words(n: int) -> list[str]:
    from ml_models.training import load_eval

    rng = random.Random(7)
    passages = [r["text"] for r in load_eval()]
    out = []
    for _ in range(n):
        words: list[str] = []
        while len(words) < 150:
            words += rng.choice(passages).split()
        out.append(" ".join(words[:150]))
    return out


def naive_analyze(pipeline, text: str) -> None:
    """One entry, each task its own model call (what per-task `pipeline()` objects do): no sharing, no batching."""
    from ml_models.documents import embed_documents, head_features
    from psychology.crisis import detect_crisis

    pipeline.embedder.encode([text])  # embedding for search
    clf = pipeline.classifier  # the fine-tuned classifier, which serves sentiment, emotion and crisis
    for task in ("sentiment", "emotion"):
        docs = embed_documents(pipeline.embedder, [text])
        pipeline.classifiers[task].predict(head_features([text], docs))
        if clf:
            clf.predict([text])
    detect_crisis(
        text, embed=pipeline.embedder.encode, classifier=clf.crisis_signals(clf.predict([text]))[0] if clf else None
    )


def naive_throughput(pipeline, texts: list[str]) -> float:
    start = time.perf_counter()
    for text in texts:
        naive_analyze(pipeline, text)
    return len(texts) / (time.perf_counter() - start)


def throughput(pipeline, texts: list[str], batch: int) -> float:
    start = time.perf_counter()
    for i in range(0, len(texts), batch):
        pipeline.analyze(texts[i : i + batch])
    return len(texts) / (time.perf_counter() - start)


def latency(samples: int, tmp: Path) -> tuple[dict, float]:
    from rest_framework.test import APIClient

    from accounts.models import User
    from entries.models import Entry
    from journaling.testing.processes import WorkerProcess

    user, _ = User.objects.get_or_create(username="bench-latency")
    client = APIClient()
    client.force_authenticate(user)
    worker = WorkerProcess(tmp / "bench-worker.log").start()
    try:
        client.post("/api/v1/entries/", {"content": "warm-up entry"}, format="json")
        time.sleep(3)
        texts = entries_of_150_words(samples)
        timings = []
        for text in texts:
            start = time.perf_counter()
            pk = client.post("/api/v1/entries/", {"content": text}, format="json").json()["id"]
            while Entry.objects.filter(pk=pk).values_list("analysis_status", flat=True)[0] != "done":
                time.sleep(0.01)
            timings.append((time.perf_counter() - start) * 1000)
        import psutil

        children = psutil.Process(worker.proc.pid).children(recursive=True)
        worker_rss = max(rss_peak_mb(p.pid) for p in [worker.proc, *children])
    finally:
        worker.stop()
    return summary(timings), worker_rss


def web_rss(tmp: Path) -> tuple[float, bool]:
    from journaling.testing.browser import Daphne

    server = Daphne(tmp / "bench-daphne.log").start()
    try:
        for path in ("/login/", "/health", "/api/v1/schema/", "/accounts/signup/"):
            urllib.request.urlopen(server.url + path, timeout=10).read()
        maps = Path(f"/proc/{server.proc.pid}/maps").read_text()
        return rss_peak_mb(server.proc.pid), "libtorch" in maps
    finally:
        server.stop()


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--entries", type=int, default=96)
    parser.add_argument("--latency-samples", type=int, default=30)
    args = parser.parse_args()
    setup_django("journaling_bench")
    import tempfile

    from ml_models.pipeline import Pipeline, get_pipeline

    pipeline = get_pipeline()
    # The same models without the fine-tuned classifier (heads, rules, prototypes and head only): what it costs.
    lighter = Pipeline(**pipeline.specs, embedder=pipeline.embedder, classifier_path=None)
    texts = entries_of_150_words(args.entries)
    pipeline.analyze(texts[:4])  # warm up
    naive = naive_throughput(pipeline, texts)
    shared_single = throughput(pipeline, texts, batch=1)
    batched = throughput(pipeline, texts, batch=32)
    without_classifier = throughput(lighter, texts, batch=32)
    with tempfile.TemporaryDirectory() as tmp:
        lat, worker_rss = latency(args.latency_samples, Path(tmp))
        web, torch_in_web = web_rss(Path(tmp))
    rows = [
        ["naive: one entry at a time, one model call per task", f"{naive:.1f}", "1.0x"],
        ["shared encoder pass, one entry at a time", f"{shared_single:.1f}", f"{shared_single / naive:.1f}x"],
        ["shared encoder pass, batched (32)", f"{batched:.1f}", f"{batched / naive:.1f}x"],
        [
            "batched (32), without the fine-tuned classifier",
            f"{without_classifier:.1f}",
            f"{without_classifier / naive:.1f}x",
        ],
    ]
    print_table(f"Analysis throughput, 150-word entries, n={len(texts)}", rows, ["path", "entries/s", "ratio"])
    print_table(
        "Save-to-analysed latency (API create -> status done, warm worker)",
        [[lat["n"], lat["p50_ms"], lat["p95_ms"]]],
        ["samples", "p50 ms", "p95 ms"],
    )
    print_table(
        "Memory (peak RSS)",
        [["worker (models loaded)", worker_rss], ["web (daphne)", web], ["torch loaded in web", torch_in_web]],
        ["process", "MB"],
    )
    path = write_json(
        "inference",
        {
            "models": pipeline.versions,
            "throughput_entries_per_s": {
                "naive_per_task": round(naive, 2),
                "shared_unbatched": round(shared_single, 2),
                "batched": round(batched, 2),
                "batched_without_finetuned_classifier": round(without_classifier, 2),
            },
            "speedup": round(batched / naive, 2),
            "save_to_analysed": lat,
            "worker_peak_rss_mb": worker_rss,
            "web_peak_rss_mb": web,
            "torch_loaded_in_web": torch_in_web,
        },
    )
    print(f"\nwrote {path}")


if __name__ == "__main__":
    main()
