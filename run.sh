#!/usr/bin/env bash
# Set up (idempotent) and run the app: embedded PostgreSQL/Redis, migrations, a worker, daphne, a demo user.
set -euo pipefail
cd "$(dirname "$0")"
SKIP_BROWSER=1 bash scripts/setup.sh
set -a; . .venv/redis.env; set +a
PORT=${PORT:-8000}
PY=.venv/bin/python
$PY manage.py migrate --noinput
$PY manage.py collectstatic --noinput -v 0
$PY manage.py seed_demo
mkdir -p var/log
# Two workers: analysis (and the periodic sweep), and a small one for search queries so a search never waits
# behind a batch of entries being analysed.
$PY -m celery -A journaling worker -B -Q inference,default -c 1 -n analysis@%h --loglevel INFO \
  --schedule var/celerybeat-schedule >var/log/worker.log 2>&1 &
WORKER=$!
ML_WARM_ON_START=embedder $PY -m celery -A journaling worker -Q query -c 1 -n query@%h --loglevel INFO >var/log/query-worker.log 2>&1 &
QUERY_WORKER=$!
DAPHNE=
stop_all() {
  trap - EXIT
  kill $WORKER $QUERY_WORKER $DAPHNE 2>/dev/null || true  # one may have exited already (set -e applies here)
  wait $WORKER $QUERY_WORKER $DAPHNE 2>/dev/null || true
}
# Daphne runs in the background and the script waits for it: bash defers a trapped signal until a foreground
# command ends, so a SIGTERM (a supervisor, `kill`) would otherwise stop nothing, and a SIGKILL after it would
# orphan the workers.
trap stop_all EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
echo
echo "  Journaling is running at http://127.0.0.1:${PORT}/"
echo "  Demo login: demo / demo-journal-2026   (worker log: var/log/worker.log)"
echo
$PY -m daphne -b 127.0.0.1 -p "$PORT" journaling.asgi:application &
DAPHNE=$!
wait $DAPHNE
