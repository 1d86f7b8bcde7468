"""The benchmarks wipe their database: they must never be pointed at the journal's own."""

from bench.common import bench_database_env


def test_benchmarks_ignore_the_journals_database_url():
    environ = {"DATABASE_URL": "postgres://app@db.internal/journaling"}
    bench_database_env(environ, "journaling_bench_search")
    # Empty means the embedded server, and an empty variable also keeps .env's DATABASE_URL from applying.
    assert environ["DATABASE_URL"] == ""
    assert environ["DATABASE_NAME"] == "journaling_bench_search"


def test_benchmarks_use_a_bench_database_url_when_one_is_given():
    environ = {"DATABASE_URL": "postgres://app@db/journaling", "BENCH_DATABASE_URL": "postgres://app@db/scratch"}
    bench_database_env(environ, "journaling_bench")
    assert environ["DATABASE_URL"] == "postgres://app@db/scratch"
