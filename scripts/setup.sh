#!/usr/bin/env bash
# Idempotent set-up: a Python 3.11 virtualenv in .venv with the pinned requirements.
set -euo pipefail
cd "$(dirname "$0")/.."
PY=${PYTHON:-python3.11}
command -v "$PY" >/dev/null || PY=python3
if [ ! -x .venv/bin/pip ]; then
  # Without ensurepip (Debian's python3.11-venv) venv leaves a python and no pip: start clean and say why.
  rm -rf .venv
  "$PY" -m venv .venv || { rm -rf .venv; echo "error: '$PY -m venv' failed; on Debian: apt install python3.11-venv" >&2; exit 1; }
fi
stamp=.venv/.requirements-$(cat requirements.txt requirements-dev.txt | sha1sum | cut -c1-12)
if [ ! -f "$stamp" ]; then
  .venv/bin/pip install -q --upgrade pip
  .venv/bin/pip install -q -r requirements-dev.txt
  touch "$stamp"
fi
# Browser tests drive Debian's chromium (never a downloaded browser).
if [ "${SKIP_BROWSER:-0}" != "1" ] && ! command -v chromium >/dev/null; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null) \
      || echo "warning: could not install chromium; browser tests will be skipped" >&2
  else
    echo "note: install Debian's chromium package to run the browser tests" >&2
  fi
fi
# Use the machine's Redis when one answers on 6379; otherwise settings start an embedded one.
# A PING, not just an open port: a Redis that wants a password (or another service) would fail later, unexplained.
redis_pong() { (exec 3<>/dev/tcp/127.0.0.1/6379 && printf 'PING\r\n' >&3 && timeout 2 head -c 5 <&3 | grep -q '+PONG') 2>/dev/null; }
if [ -z "${REDIS_URL:-}" ] && redis_pong; then
  echo "REDIS_URL=redis://127.0.0.1:6379" > .venv/redis.env
else
  : > .venv/redis.env
fi
