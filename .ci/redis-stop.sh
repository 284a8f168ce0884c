#!/usr/bin/env bash
# Stops the Redis started by .ci/redis-start.sh.
set -uo pipefail
dir=${1:?data directory}
[ -f "$dir/redis.pid" ] || exit 0
pid=$(cat "$dir/redis.pid")
kill "$pid" 2>/dev/null || exit 0
for _ in $(seq 1 50); do
  kill -0 "$pid" 2>/dev/null || exit 0
  sleep 0.1
done
kill -9 "$pid" 2>/dev/null || true
