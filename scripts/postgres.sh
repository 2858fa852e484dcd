#!/usr/bin/env bash
# Start a throw-away PostgreSQL server for the tests and benchmarks, and print the admin URL
# they take in TIMELINE_EXPLORER_TEST_PG. Installs Debian's postgresql when it is missing.
# The server runs as the postgres user (it refuses root), trusts loopback connections only,
# and keeps its data under /tmp, away from any system cluster.
set -euo pipefail
PORT="${EXPLORER_PG_PORT:-54329}"
DATA="${EXPLORER_PG_DATA:-/tmp/explorer-pg}"
BIN="$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)"
if [ -z "$BIN" ] || [ ! -x "$BIN/initdb" ]; then
  if [ "$(id -u)" -ne 0 ]; then
    echo "PostgreSQL is not installed; run as root, or: apt-get install postgresql" >&2
    exit 1
  fi
  apt-get update -qq >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >&2
  BIN="$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)"
fi
as_postgres() {
  if [ "$(id -u)" -eq 0 ]; then
    su postgres -s /bin/bash -c "$*"
  else
    bash -c "$*"
  fi
}
if ! "$BIN/pg_isready" -q -h 127.0.0.1 -p "$PORT"; then
  if [ ! -f "$DATA/PG_VERSION" ]; then
    mkdir -p "$DATA"
    [ "$(id -u)" -eq 0 ] && chown postgres "$DATA"
    as_postgres "'$BIN/initdb' -D '$DATA' -U postgres --auth=trust -E UTF8 >/dev/null"
  fi
  as_postgres "'$BIN/pg_ctl' -D '$DATA' -l '$DATA/server.log' -w \
    -o '-p $PORT -k /tmp -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200' start >/dev/null"
  # Whoever asked may stop it again (scripts/test.sh does): this run started it.
  if [ -n "${EXPLORER_PG_STARTED_FILE:-}" ]; then
    printf '%s\n%s\n' "$BIN" "$DATA" > "$EXPLORER_PG_STARTED_FILE"
  fi
fi
echo "postgresql+psycopg://postgres@127.0.0.1:$PORT/postgres"
