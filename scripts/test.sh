#!/usr/bin/env bash
# Install everything, start a throw-away PostgreSQL server for the shared-store tests (unless
# TIMELINE_EXPLORER_TEST_PG names one), then lint, type-check and run the tests (Qt offscreen).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
# The test command stops what it starts: a server it started is stopped, and its data folder
# removed, when the tests end, pass or fail.
started="$(mktemp)"
stop_started() {
  if [ -s "$started" ]; then
    { read -r bin; read -r data; } < "$started"
    if [ "$(id -u)" -eq 0 ]; then
      su postgres -s /bin/bash -c "'$bin/pg_ctl' -D '$data' -m fast -w stop" >/dev/null 2>&1 || true
    else
      "$bin/pg_ctl" -D "$data" -m fast -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$data"
  fi
  rm -f "$started"
}
trap stop_started EXIT
if [ -z "${TIMELINE_EXPLORER_TEST_PG:-}" ]; then
  if url="$(EXPLORER_PG_STARTED_FILE="$started" bash scripts/postgres.sh)"; then
    export TIMELINE_EXPLORER_TEST_PG="$url"
  elif [ -n "${CI:-}" ]; then
    echo "test.sh: could not start PostgreSQL; the shared-store tests need it in CI" >&2
    exit 1
  else
    echo "test.sh: no PostgreSQL server; its tests will be skipped" >&2
  fi
fi
.venv/bin/ruff check explorer tests benchmarks scripts
.venv/bin/mypy
QT_QPA_PLATFORM=offscreen .venv/bin/python -m pytest -q "$@"
