#!/usr/bin/env bash
# Starts a private, throw-away PostgreSQL cluster on a loopback port and prints
# its URL. Usage: .ci/pg-start.sh <dir> [port]. Stop it with .ci/pg-stop.sh <dir>.
set -euo pipefail
dir=${1:?data directory}
port=${2:-54329}
bin=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -n 1)
mkdir -p "$dir"
chown -R postgres:postgres "$dir" 2>/dev/null || true
run() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
if [ ! -f "$dir/PG_VERSION" ]; then
  run "$bin/initdb" -D "$dir" -U postgres --auth=trust -E UTF8 >/dev/null
fi
run "$bin/pg_ctl" -D "$dir" -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off" -w -l "$dir/server.log" start >/dev/null
run "$bin/psql" -h 127.0.0.1 -p "$port" -U postgres -tAc "SELECT 1 FROM pg_database WHERE datname='shopdesk_test'" | grep -q 1 \
  || run "$bin/createdb" -h 127.0.0.1 -p "$port" -U postgres shopdesk_test
echo "postgresql://postgres@127.0.0.1:$port/shopdesk_test"
