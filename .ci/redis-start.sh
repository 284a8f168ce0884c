#!/usr/bin/env bash
# Starts a private, throw-away Redis on a loopback port (no persistence, files
# in <dir>) and prints its URL. Usage: .ci/redis-start.sh <dir> [port].
# Stop it with .ci/redis-stop.sh <dir>.
set -euo pipefail
dir=${1:?data directory}
port=${2:-63799}
mkdir -p "$dir"
redis-server --port "$port" --bind 127.0.0.1 --save '' --appendonly no --dir "$dir" \
  --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
for _ in $(seq 1 50); do
  if [ "$(redis-cli -h 127.0.0.1 -p "$port" ping 2>/dev/null)" = PONG ]; then
    echo "redis://127.0.0.1:$port"
    exit 0
  fi
  sleep 0.1
done
echo "redis-server did not start on port $port:" >&2
cat "$dir/redis.log" >&2 || true
exit 1
