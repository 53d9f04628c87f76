#!/usr/bin/env bash
# Session creations and webhook deliveries per second with 1, 2 and 3 nodes on one database, each
# cluster started by bench/cluster.sh (HAProxy in front), plus what the database did meanwhile.
# Usage: bench/cluster-bench.sh [N...]        (default: 1 2 3)
# Env:   CLIENTS=32 DURATION=30s WARMUP=10s SKIP_BUILD=1 PG_ADMIN="-h 127.0.0.1 -U postgres"
# For every N: one test account, one webhook endpoint (a local receiver answering 200 at once), then
# the load driver creates sessions through the balancer for DURATION after WARMUP; every session
# records session.created, which the nodes deliver to the endpoint. Reported: the driver's sessions/s
# and latency, deliveries/s while it ran and how long the backlog took to drain after, and from
# PostgreSQL: commits/s and rollbacks/s (pg_stat_database), connections, and lock waits (pg_locks
# sampled every second: rows not granted, average and peak).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/java-home.sh
. "$root/scripts/java-home.sh"
find_java_home
java="$JAVA_HOME/bin/java"
clients="${CLIENTS:-32}"
duration="${DURATION:-30s}"
warmup="${WARMUP:-10s}"
pg_admin=(${PG_ADMIN:--h 127.0.0.1 -U postgres})
counts=("$@")
[ ${#counts[@]} -gt 0 ] || counts=(1 2 3)

cd "$root"
if [ -z "${SKIP_BUILD:-}" ]; then
  echo "building…" >&2
  ./mvnw -q -B -DskipTests -pl proofdesk-bench -am package >&2
fi
bench_jar="$root/proofdesk-bench/target/proofdesk-bench.jar"
work="$(mktemp -d -t proofdesk-cluster-bench.XXXXXX)"
receiver_pid=""
sampler_pid=""
export CLUSTER_DIR=""
cleanup() {
  [ -n "$sampler_pid" ] && kill "$sampler_pid" 2>/dev/null || true
  [ -n "$receiver_pid" ] && kill "$receiver_pid" 2>/dev/null || true
  [ -n "$CLUSTER_DIR" ] && [ -d "$CLUSTER_DIR" ] && SKIP_BUILD=1 bench/cluster.sh down || true
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
psql_db() { psql "${pg_admin[@]}" -d "$1" -Atq -c "$2"; }

# A webhook endpoint that answers 200 at once, on as many threads as requests come in.
start_receiver() {
  python3 - "$1" <<'PY' &
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
class H(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self.send_response(200); self.send_header("Content-Length", "0"); self.end_headers()
    def log_message(self, *a): pass
ThreadingHTTPServer.daemon_threads = True
ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), H).serve_forever()
PY
  receiver_pid=$!
}

# pg_locks every second: how many lock requests wait, on this database.
sample_locks() {
  local db="$1" out="$2"
  while true; do
    psql_db "$db" "SELECT COUNT(*) FILTER (WHERE NOT granted) FROM pg_locks WHERE database = (SELECT oid FROM pg_database WHERE datname = current_database()) OR locktype = 'advisory'" >>"$out" 2>/dev/null || true
    sleep 1
  done
}

stats() {
  psql_db "$1" "SELECT xact_commit, xact_rollback, numbackends, extract(epoch FROM clock_timestamp()) FROM pg_stat_database WHERE datname = current_database()"
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); nodes, HAProxy, PostgreSQL, receiver and driver share it"
for n in "${counts[@]}"; do
  export CLUSTER_DIR="$work/cluster-$n"
  url="$(NODE_ENV="PROOFDESK_RATE_LIMIT_TEST=0 PROOFDESK_RATE_LIMIT_LIVE=0" SKIP_BUILD=1 bench/cluster.sh up "$n" | tail -1)"
  db="$(cat "$CLUSTER_DIR/database.name")"
  key="$(grep -ho 'sk_test_[A-Za-z0-9]*' "$CLUSTER_DIR"/node-*.log | head -1)"
  port="$(free_port)"
  start_receiver "$port"
  curl -fsS -o /dev/null -H "Authorization: Bearer $key" -H 'Content-Type: application/json' \
    -d "{\"url\": \"http://127.0.0.1:$port/hook\"}" "$url/v1/webhook_endpoints"
  locks="$work/locks-$n"
  : >"$locks"
  sample_locks "$db" "$locks" &
  sampler_pid=$!
  before="$(stats "$db")"
  started_ms="$(date +%s%3N)"
  echo "== $n node(s) behind $url" >&2
  "$java" -jar "$bench_jar" sessions --base-url "$url" --api-key "$key" --clients "$clients" \
    --duration "$duration" --warmup "$warmup" --name "cluster-$n-nodes"
  ended_ms="$(date +%s%3N)"
  after="$(stats "$db")"
  kill "$sampler_pid"; sampler_pid=""
  delivered="$(psql_db "$db" "SELECT COUNT(*) FROM test.webhook_deliveries WHERE status = 'succeeded' AND last_attempt_at BETWEEN $started_ms AND $ended_ms")"
  drain_start="$(date +%s%3N)"
  while [ "$(psql_db "$db" "SELECT COUNT(*) FROM test.webhook_deliveries WHERE status = 'pending'")" != 0 ]; do sleep 0.2; done
  drained_ms=$(( $(date +%s%3N) - drain_start ))
  python3 - "$n" "$before" "$after" "$delivered" "$started_ms" "$ended_ms" "$drained_ms" "$locks" <<'PY'
import sys
n, before, after, delivered, t0, t1, drained, locks = sys.argv[1:]
b = [float(x) for x in before.split("|")]; a = [float(x) for x in after.split("|")]
secs = a[3] - b[3]
waits = [int(l) for l in open(locks) if l.strip().isdigit()]
print(f"{n} node(s): deliveries {int(delivered) / ((int(t1) - int(t0)) / 1000):.0f}/s while sessions were created, "
      f"backlog drained {int(drained) / 1000:.1f} s after; PostgreSQL: {(a[0] - b[0]) / secs:.0f} commits/s, "
      f"{(a[1] - b[1]) / secs:.1f} rollbacks/s, {int(a[2])} connections at the end, lock waits "
      f"avg {sum(waits) / max(1, len(waits)):.1f} peak {max(waits, default=0)} ({len(waits)} samples)")
PY
  kill "$receiver_pid"; receiver_pid=""
  SKIP_BUILD=1 bench/cluster.sh down
  CLUSTER_DIR=""
done
