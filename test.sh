#!/usr/bin/env bash
# Set up (idempotent) and run the whole test suite against the embedded PostgreSQL and a real Redis.
set -euo pipefail
cd "$(dirname "$0")"
bash scripts/setup.sh
set -a; . .venv/redis.env; set +a
export REDIS_DB_BASE=${REDIS_DB_BASE:-10}
# Their own embedded PostgreSQL (and Redis, where the machine has none) under var/test: a fault test restarts the
# server, which must never be the one ./run.sh is serving from.
export VAR_DIR=${VAR_DIR:-$PWD/var/test}
export DB_CONN_MAX_AGE=${DB_CONN_MAX_AGE:-0}  # threads of async consumers must not hold test connections
exec .venv/bin/python -m pytest "$@"
