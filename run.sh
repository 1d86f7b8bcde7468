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
$PY -m celery -A journaling worker -B -Q query,inference,default -c 1 --loglevel INFO \
  --schedule var/celerybeat-schedule >var/log/worker.log 2>&1 &
WORKER=$!
trap 'kill $WORKER 2>/dev/null; wait $WORKER 2>/dev/null' EXIT INT TERM
echo
echo "  Journaling is running at http://127.0.0.1:${PORT}/"
echo "  Demo login: demo / demo-journal-2026   (worker log: var/log/worker.log)"
echo
$PY -m daphne -b 127.0.0.1 -p "$PORT" journaling.asgi:application
