"""Insights benchmark: the dashboard of a heavy writer (10 years of daily entries) inside a large entries table.

    .venv/bin/python bench/insights_bench.py [--total 200000] [--runs 30] [--reload]

The target size is --total 1000000 (a million entries in the table); the default of 200,000 keeps a local run to
a minute or two. Rows are loaded with COPY into the bench database "journaling_bench_insights" (the embedded server
creates it) and kept for the next run unless --reload or a different --total is asked for. Only the heavy writer's
entries carry embeddings: no insight read touches another user's vectors (the similar-entry read is an exact scan of
one user's rows), and building a million HNSW entries would take far longer than everything measured here.

Measures reports.dashboard() for three periods: uncached (the user's cache version bumped before every run) and
cached; prints a table, writes bench/results/insights.json and prints EXPLAIN ANALYZE of the slowest single read.
Targets: uncached p50 < 100 ms, cached p50 < 5 ms.
"""

import argparse
import datetime as dt
import json
import math
import os
import random
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
from bench.common import print_table, setup_django, summary, write_json  # noqa: E402

DATABASE = "journaling_bench_insights"
HEAVY = "bench_heavy"
YEARS, ENTRIES_PER_OTHER_USER = 10, 500
EMOTIONS = ["anger", "disgust", "fear", "joy", "neutral", "sadness", "surprise"]
TAGS = ["work", "family", "sleep", "running", "friends", "reading", "rain", "cooking", "travel", "music"]
TOPICS = ["Work", "Family", "Health", "Friends", "Projects"]
WORDS = [
    "today", "walk", "river", "morning", "coffee", "tired", "meeting", "friend", "call", "dinner", "rain", "quiet",
    "book", "garden", "late", "slept", "early", "work", "project", "deadline", "laugh", "worried", "hopeful",
    "grateful", "long", "short", "talk", "plan", "week", "weekend", "train", "city", "park",
]  # fmt: skip
COLUMNS = [
    "user_id", "title", "content", "mood", "topic_id", "tags", "is_favourite", "entry_date", "word_count",
    "created_at", "updated_at", "deleted_at", "analysis_status", "analysis_error", "analysed_at",
    "analysis_attempts", "content_version", "analysed_version", "model_versions", "sentiment_label",
    "sentiment_score", "emotions", "dominant_emotion", "crisis_flagged", "crisis_level", "crisis_reasons", "embedding",
]  # fmt: skip
PERIODS = ["month", "year", "all"]


def plausible_row(rng: random.Random, user_id: int, day: dt.date, topic_ids: list, embed: bool, theme: float) -> tuple:
    """One entry with analysis fields that behave like real ones: mood tracks sentiment, emotions sum to 1."""
    score = max(-1.0, min(1.0, theme + rng.gauss(0, 0.35)))
    weights = [rng.gammavariate(1.0, 1.0) for _ in EMOTIONS]
    weights[EMOTIONS.index("joy" if score > 0.2 else "sadness" if score < -0.2 else "neutral")] += 2.0
    total = sum(weights)
    emotions = {label: round(w / total, 4) for label, w in zip(EMOTIONS, weights)}
    words = [rng.choice(WORDS) for _ in range(rng.randint(20, 120))]
    content = ". ".join(" ".join(words[i : i + 8]).capitalize() for i in range(0, len(words), 8)) + "."
    created = dt.datetime.combine(day, dt.time(rng.randint(6, 23), rng.randint(0, 59)), dt.UTC)
    status = "pending" if rng.random() < 0.01 else "done"
    done = status == "done"
    vector = None
    if embed and done:
        vector = "[" + ",".join(f"{rng.gauss(theme, 1):.4f}" for _ in range(384)) + "]"
    return (
        user_id, " ".join(words[:4]).capitalize(), content,
        max(1, min(5, round(3 + 2 * score + rng.gauss(0, 0.6)))) if rng.random() < 0.7 else None,
        rng.choice(topic_ids) if topic_ids and rng.random() < 0.6 else None,
        rng.sample(TAGS, rng.randint(0, 3)), rng.random() < 0.05, day, len(words),
        created, created, created if rng.random() < 0.02 else None,
        status, "", created if done else None, 1, 1, 1 if done else None, json.dumps({}),
        ("positive" if score > 0.05 else "negative" if score < -0.05 else "neutral") if done else "",
        round(score, 4) if done else None, json.dumps(emotions if done else {}),
        max(emotions, key=emotions.get) if done else "", False, "", json.dumps([]), vector,
    )  # fmt: skip


def load(total: int, today: dt.date) -> None:
    from django.contrib.auth.hashers import make_password
    from django.db import connection

    from accounts.models import User
    from entries.models import Entry, Topic

    print(f"loading {total:,} entries with COPY …", flush=True)
    start = time.perf_counter()
    with connection.cursor() as cursor:
        cursor.execute(f"TRUNCATE {Entry._meta.db_table}, {Topic._meta.db_table} RESTART IDENTITY CASCADE")
    User.objects.filter(username__startswith="bench_").delete()
    rng = random.Random(2024)
    days = [today - dt.timedelta(days=n) for n in range(YEARS * 365)]
    n_others = max(1, math.ceil((total - len(days)) / ENTRIES_PER_OTHER_USER))
    password = make_password(None)
    users = User.objects.bulk_create(
        [User(username=HEAVY, password=password)]
        + [User(username=f"bench_{n}", password=password) for n in range(n_others)]
    )
    heavy_topics = [t.pk for t in Topic.objects.bulk_create(Topic(user=users[0], name=n) for n in TOPICS)]
    raw = connection.connection
    others_per_day, extra = divmod(total - len(days), len(days))
    with raw.cursor() as cursor, cursor.copy(f"COPY {Entry._meta.db_table} ({', '.join(COLUMNS)}) FROM STDIN") as copy:
        # Oldest day first, everyone's entries of a day together, as a real table fills up: the heavy writer's rows
        # end up spread over the whole heap rather than packed into a few pages.
        for n, day in enumerate(reversed(days)):
            copy.write_row(plausible_row(rng, users[0].pk, day, heavy_topics, True, 0.3 * math.sin(n / 58)))
            for _ in range(others_per_day + (n < extra)):
                other = rng.choice(users[1:]) if len(users) > 1 else users[0]
                copy.write_row(plausible_row(rng, other.pk, day, [], False, rng.uniform(-0.3, 0.3)))
    raw.commit()
    with connection.cursor() as cursor:
        # A mature table has been vacuumed: hint bits and the visibility map are set, as index-only scans need.
        cursor.execute(f"VACUUM (ANALYZE) {Entry._meta.db_table}")
    print(f"loaded in {time.perf_counter() - start:.1f} s", flush=True)


def timed(fn, runs: int, before=None) -> list[float]:
    times = []
    for _ in range(runs):
        if before:
            before()
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def single_reads(user, today: dt.date) -> dict:
    from insights import entry_picks, selectors
    from insights.periods import JournalLinks, window_for

    links, year = JournalLinks(), window_for("year", today)
    return {
        "writing_volume": lambda: selectors.writing_volume(user, year),
        "daily_sentiment": lambda: selectors.daily_sentiment(user, year, links),
        "sentiment_by_week": lambda: selectors.sentiment_by(user, year, "week", links),
        "sentiment_slope": lambda: selectors.sentiment_slope(user, year),
        "emotion_distribution": lambda: selectors.emotion_distribution(user, year),
        "mood_vs_sentiment": lambda: selectors.mood_vs_sentiment(user, year, links),
        "writing_streak": lambda: selectors.writing_streak(user, today),
        "entries_per_day": lambda: selectors.entries_per_day(user, today - dt.timedelta(days=371), today),
        "topic_stats": lambda: selectors.topic_stats(user, year, links),
        "tag_stats": lambda: selectors.tag_stats(user, year, links),
        "weekday_sentiment": lambda: selectors.weekday_sentiment(user, year),
        "on_this_day": lambda: entry_picks.on_this_day(user, today, links),
        "most_similar": lambda: entry_picks.most_similar(user, links),
        "latest_is_crisis_flagged": lambda: entry_picks.latest_is_crisis_flagged(user),
    }


def explain(fn) -> str:
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as captured:
        fn()
    sql = max(captured.captured_queries, key=lambda q: float(q["time"]))["sql"]
    with connection.cursor() as cursor:
        cursor.execute(f"EXPLAIN (ANALYZE, BUFFERS) {sql}")
        return "\n".join(row[0] for row in cursor.fetchall())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--total", type=int, default=200_000, help="entries in the table (target: 1000000)")
    parser.add_argument("--runs", type=int, default=30, help="timed runs per measurement")
    parser.add_argument("--reload", action="store_true", help="reload the data even if the right amount is there")
    args = parser.parse_args()
    setup_django(DATABASE, redis_db_base=10)

    from accounts.models import User
    from entries.models import Entry
    from insights import reports
    from insights.cache import bump_user_version
    from insights.periods import local_today

    user = User.objects.filter(username=HEAVY).first()
    today = local_today(user) if user else dt.datetime.now(dt.UTC).date()
    if args.reload or user is None or Entry.objects.count() != args.total:
        load(args.total, today)
        user = User.objects.get(username=HEAVY)
    heavy_entries = Entry.objects.filter(user=user).count()
    print(f"{Entry.objects.count():,} entries; {heavy_entries:,} belong to the measured user", flush=True)

    results, rows = {}, []
    for period in PERIODS:
        reports.dashboard(user, period)  # warm-up: connections, imports, plans
        uncached = timed(lambda p=period: reports.dashboard(user, p), args.runs, lambda: bump_user_version(user.pk))
        reports.dashboard(user, period)
        cached = timed(lambda p=period: reports.dashboard(user, p), args.runs)
        results[period] = {"uncached": summary(uncached), "cached": summary(cached)}
        u, c = results[period]["uncached"], results[period]["cached"]
        rows.append([period, u["p50_ms"], u["p95_ms"], c["p50_ms"], c["p95_ms"]])
    print_table(
        f"Dashboard data, {args.runs} runs each (ms)",
        rows,
        ["period", "uncached p50", "uncached p95", "cached p50", "cached p95"],
    )

    reads = single_reads(user, today)
    read_ms = {name: statistics.median(timed(fn, 7)) for name, fn in reads.items()}
    print_table(
        "Single reads, period=year, median of 7 (ms)",
        [[n, round(ms, 2)] for n, ms in sorted(read_ms.items(), key=lambda kv: -kv[1])],
        ["read", "p50"],
    )
    slowest = max(read_ms, key=read_ms.get)
    plan = explain(reads[slowest])
    print(f"\nEXPLAIN ANALYZE of the slowest read ({slowest}):\n{plan}")

    worst = max(results.values(), key=lambda r: r["uncached"]["p50_ms"])
    path = write_json(
        "insights",
        {
            "total_entries": Entry.objects.count(),
            "load_average": os.getloadavg(),
            "user_entries": heavy_entries,
            "runs": args.runs,
            "dashboard": results,
            "single_reads_ms": {k: round(v, 2) for k, v in read_ms.items()},
            "slowest_read": {"name": slowest, "explain": plan},
            "targets": {"uncached_p50_ms": 100, "cached_p50_ms": 5},
            "met": {
                "uncached": worst["uncached"]["p50_ms"] < 100,
                "cached": max(r["cached"]["p50_ms"] for r in results.values()) < 5,
            },
        },
    )
    print(f"\nwrote {path}")


if __name__ == "__main__":
    main()
