"""Search benchmark on a synthetic corpus: full text, semantic (exact vs HNSW iterative scan), hybrid.

    .venv/bin/python bench/search_bench.py [--total 100000] [--queries 30] [--reuse [--skip-build]] [--name search]

Loads --total entries with COPY into the bench database (users with 100 and 10,000 entries among many others;
clustered random 384-d embeddings, so no model is needed), builds the HNSW index (timed), then reports per mode
p50/p95 latency, recall@10 of HNSW against exact search on the same per-user filter, and the same queries
without the indexes. Prints a table and writes bench/results/search.json. --total 1000000 is the target size.
Each user's entries are loaded together, so a journal lies on consecutive heap pages: kinder to the full-text scan
(which reads the rows) than a journal written over years among other writers; the vector scan reads the covering
index either way.
"""

import argparse
import datetime
import json
import random
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import RESULTS, print_table, setup_django, summary, write_json  # noqa: E402

DIM = 384
WORDS = (
    "morning evening walk river coffee work meeting deadline sister brother mum dad friend dinner lunch "
    "garden rain sun cold tired happy anxious calm angry sad excited nervous exam test interview project "
    "budget rent train bus bike run gym yoga sleep dream book film music piano guitar cat dog park beach "
    "holiday trip doctor headache fever therapy grateful lonely proud worried hopeful bored stressed "
    "relaxed kitchen cooked soup bread cake birthday wedding funeral hospital office boss colleague "
    "email call message weekend market "
).split()
rng = random.Random(42)


SYLLABLES = "ka lo mi ten ra su ve dor an bel cri fo gu ha jin ku lem nor pi qua sto tre ul vin wo".split()
# A Zipf-distributed vocabulary: common diary words plus thousands of rarer made-up ones, like real text.
VOCABULARY = WORDS + ["".join(rng.sample(SYLLABLES, rng.randint(2, 4))) for _ in range(6000)]
ZIPF_WEIGHTS = [1 / (rank + 1) for rank in range(len(VOCABULARY))]


def synthetic_words(n: int) -> str:
    return " ".join(rng.choices(VOCABULARY, weights=ZIPF_WEIGHTS, k=n))


def make_vectors(n: int, centers: np.ndarray, np_rng) -> np.ndarray:
    # Topic centres, sub-topics around them, then per-entry noise: structure like real sentence embeddings.
    picks = np_rng.integers(0, len(centers), n)
    sub = np_rng.normal(0, 0.35 / np.sqrt(DIM), (len(centers), 8, DIM)).astype(np.float32)
    vectors = centers[picks] + sub[picks, np_rng.integers(0, 8, n)]
    vectors += np_rng.normal(0, 0.3 / np.sqrt(DIM), (n, DIM)).astype(np.float32)
    return vectors / np.linalg.norm(vectors, axis=1, keepdims=True)


def load_corpus(total: int, reuse: bool = False, skip_build: bool = False) -> dict:
    from django.db import connection

    from accounts.models import User
    from entries.models import Entry

    np_rng = np.random.default_rng(7)
    centers = np_rng.normal(0, 1, (64, DIM)).astype(np.float32)
    centers /= np.linalg.norm(centers, axis=1, keepdims=True)
    planned = 10_100 + (total - 10_100) // 500 * 500  # the two measured users, then 500-entry fillers
    if reuse and Entry.objects.count() == planned and User.objects.filter(username="sb_big").exists():
        print(f"reusing the {total:,} entries already loaded", flush=True)
        if skip_build:  # queries only, on the index already built; the build figures are the previous run's
            previous = json.loads((RESULTS / "search.json").read_text())
            return {"centers": centers, "load_s": previous["load_s"], "hnsw_build_s": previous["hnsw_build_s"]}
        return {"centers": centers, "load_s": None, "hnsw_build_s": build_hnsw()}
    with connection.cursor() as cur:
        cur.execute("TRUNCATE entries_entry, entries_topic RESTART IDENTITY CASCADE")
        cur.execute("DELETE FROM accounts_user WHERE username LIKE 'sb\\_%%'")
        cur.execute("DROP INDEX IF EXISTS entry_embedding_hnsw")
    plan = [("sb_big", 10_000), ("sb_small", 100)]
    rest = total - sum(n for _, n in plan)
    plan += [(f"sb_filler{i}", 500) for i in range(rest // 500)]
    users = {name: User.objects.create(username=name).pk for name, _ in plan}
    start_date = datetime.date(2016, 1, 1)
    t0 = time.perf_counter()
    with connection.cursor() as cur:
        copy_sql = (
            "COPY entries_entry (user_id, title, content, tags, is_favourite, entry_date, word_count, created_at, "
            "updated_at, analysis_status, analysis_error, analysis_attempts, content_version, analysed_version, "
            "model_versions, sentiment_label, sentiment_score, emotions, dominant_emotion, crisis_flagged, "
            "crisis_level, crisis_reasons, embedding) FROM STDIN"
        )
        with cur.cursor.copy(copy_sql) as copy:
            for name, count in plan:
                vectors = make_vectors(count, centers, np_rng)
                for i in range(count):
                    day = start_date + datetime.timedelta(days=rng.randrange(3650))
                    ts = datetime.datetime.combine(day, datetime.time(20), tzinfo=datetime.UTC)
                    content = synthetic_words(rng.randrange(40, 160))
                    score = round(rng.uniform(-1, 1), 3)
                    copy.write_row((
                        users[name], synthetic_words(3).capitalize(), content, "{}", False, day,
                        len(content.split()), ts, ts, "done", "", 1, 1, 1, "{}",
                        "positive" if score > 0.2 else "negative" if score < -0.2 else "neutral", score,
                        '{"joy": 0.5, "neutral": 0.5}', "joy", False, "none", "[]",
                        "[" + ",".join(f"{x:.5f}" for x in vectors[i]) + "]",
                    ))  # fmt: skip
    load_s = time.perf_counter() - t0
    return {"centers": centers, "load_s": round(load_s, 1), "hnsw_build_s": build_hnsw()}


def build_hnsw() -> float:
    """(Re)build the HNSW index, timed. The graph of a million 384-d vectors needs ~2 GB to build in memory;
    with less, pgvector finishes on disk many times slower."""
    from django.db import connection

    with connection.cursor() as cur:
        cur.execute("DROP INDEX IF EXISTS entry_embedding_hnsw")
        cur.execute("VACUUM ANALYZE entries_entry")  # a mature table: visibility map set, statistics fresh
        cur.execute("SET maintenance_work_mem = '4GB'")
        t0 = time.perf_counter()
        cur.execute(
            "CREATE INDEX entry_embedding_hnsw ON entries_entry USING hnsw (embedding vector_cosine_ops) "
            "WITH (m = 16, ef_construction = 64)"
        )
        return round(time.perf_counter() - t0, 1)


def timed(fn, repeat: int) -> tuple[list[float], list]:
    times, results = [], []
    for i in range(repeat):
        t0 = time.perf_counter()
        results.append(fn(i))
        times.append((time.perf_counter() - t0) * 1000)
    return times, results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--total", type=int, default=100_000)
    parser.add_argument("--queries", type=int, default=30)
    parser.add_argument("--reuse", action="store_true", help="keep a corpus of the same size already loaded")
    parser.add_argument("--name", default="search", help="results file: bench/results/<name>.json")
    parser.add_argument("--skip-build", action="store_true", help="with --reuse: keep the HNSW index already built")
    args = parser.parse_args()
    setup_django("journaling_bench_search")
    from accounts.models import User
    from entries import selectors

    corpus = load_corpus(args.total, reuse=args.reuse, skip_build=args.skip_build)
    np_rng = np.random.default_rng(99)
    queries_vec = make_vectors(args.queries, corpus["centers"], np_rng)
    queries_txt = [" ".join(rng.sample(WORDS, 2)) for _ in range(args.queries)]  # common words: the hard case
    rows, report = [], {"total_entries": args.total, "load_s": corpus["load_s"], "hnsw_build_s": corpus["hnsw_build_s"]}
    for label in ("sb_big", "sb_small"):
        results = measure_user(selectors.entries_for(User.objects.get(username=label)), queries_vec, queries_txt)
        report[label] = results
        n = results["entries"]
        for mode in ("semantic_exact", "semantic_hnsw_iterative", "semantic_auto", "text", "text_without_gin_index",
                     "hybrid_excluding_query_embedding"):  # fmt: skip
            rows.append([label, n, mode, results[mode]["p50_ms"], results[mode]["p95_ms"]])
        rows.append(
            [label, n, "hnsw recall@10", results["hnsw_recall_at_10"], f"always k: {results['hnsw_always_k_results']}"]
        )
    print_table(
        f"Search latency, {args.total:,} entries in total (load {corpus['load_s']} s, HNSW build "
        f"{corpus['hnsw_build_s']} s)",
        rows,
        ["user", "entries", "mode", "p50 ms", "p95 ms"],
    )
    print(f"\nwrote {write_json(args.name, report)}")


def measure_user(qs, queries_vec, queries_txt) -> dict:
    from django.db import connection, transaction

    from entries.search import run_search, semantic_hits

    def first_page(i: int, mode: str):  # what the search page and API do: rank, then load the 20 rows shown
        return run_search(qs, queries_txt[i], mode, embed=lambda _q: queries_vec[i]).hits[:20]

    count = len(queries_vec)
    n = qs.count()
    exact_t, exact_r = timed(lambda i: semantic_hits(qs, queries_vec[i], 10, "exact"), count)
    hnsw_t, hnsw_r = timed(lambda i: semantic_hits(qs, queries_vec[i], 10, "hnsw"), count)
    auto_t, _ = timed(lambda i: semantic_hits(qs, queries_vec[i], 10, "auto"), count)
    recall = np.mean(
        [len({h.entry.pk for h in a} & {h.entry.pk for h in b}) / max(1, len(a)) for a, b in zip(exact_r, hnsw_r)]
    )
    complete = all(len(r) == min(10, n) for r in hnsw_r)
    text_t, _ = timed(lambda i: first_page(i, "text"), count)
    hybrid_t, _ = timed(lambda i: first_page(i, "hybrid"), count)
    with transaction.atomic():
        with connection.cursor() as cur:
            cur.execute("DROP INDEX entry_search_gin")
        notext_t, _ = timed(lambda i: first_page(i, "text"), max(5, count // 3))
        transaction.set_rollback(True)
    return {
        "entries": n,
        "semantic_exact": summary(exact_t),
        "semantic_hnsw_iterative": summary(hnsw_t),
        "semantic_auto": summary(auto_t),
        "hnsw_recall_at_10": round(float(recall), 4),
        "hnsw_always_k_results": complete,
        "text": summary(text_t),
        "text_without_gin_index": summary(notext_t),
        "hybrid_excluding_query_embedding": summary(hybrid_t),
    }


if __name__ == "__main__":
    main()
