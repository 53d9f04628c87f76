#!/usr/bin/env bash
# Session creation under load, on SQLite and then on PostgreSQL:
#   builds the jars, starts a real server (-Xmx256m, rate limits off) on a fresh store, creates a
#   published flow, drives POST /v1/sessions from N clients, stops the server, then measures the
#   ceiling: plain JDBC one-row inserts into the same database with the same concurrency.
# Usage: bench/sessions.sh [sqlite] [postgres]      (both by default)
# Env:   CLIENTS=64 DURATION=30s WARMUP=10s
#        WORKLOAD=completions   instead: create + complete test sessions with mock passports through the
#                               test helpers (CLIENTS=32 is the figure BENCHMARKS.md records), no raw inserts;
#                               ALGORITHM=ECDSA-P256|RSA-2048|RSA-PSS
#        PROFILE=DIR   record 20 s of JFR in the server mid-run into DIR/server-<db>.jfr and print its hottest frames
#        PG_ADMIN="-h 127.0.0.1 -U postgres"  SKIP_BUILD=1
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/java-home.sh
. "$root/scripts/java-home.sh"
find_java_home
java="$JAVA_HOME/bin/java"
clients="${CLIENTS:-64}"
duration="${DURATION:-30s}"
warmup="${WARMUP:-10s}"
pg_admin=(${PG_ADMIN:--h 127.0.0.1 -U postgres})
databases=("$@")
[ ${#databases[@]} -gt 0 ] || databases=(sqlite postgres)

cd "$root"
if [ -z "${SKIP_BUILD:-}" ]; then
  echo "building…" >&2
  ./mvnw -q -B -DskipTests -pl proofdesk-bench -am package >&2
fi
bench_jar="$root/proofdesk-bench/target/proofdesk-bench.jar"
server_jar="$root/proofdesk-server/target/proofdesk.jar"

work="$(mktemp -d -t proofdesk-bench.XXXXXX)"
server_pid=""
pg_db=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill "$server_pid"; wait "$server_pid" || true; fi
  if [ -n "$pg_db" ]; then dropdb "${pg_admin[@]}" --if-exists --force "$pg_db" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }

# Peak heap before a collection and the largest heap left after one, from the server's GC log.
heap_summary() {
  python3 - "$1" <<'PY'
import re, sys
before, after, gcs = 0, 0, 0
for line in open(sys.argv[1]):
    m = re.search(r'Pause.*? (\d+)M->(\d+)M\((\d+)M\)', line)
    if m:
        gcs += 1
        before, after = max(before, int(m[1])), max(after, int(m[2]))
print(f"heap: peak used {before} MB (before a GC), at most {after} MB live after a GC, {gcs} GC pauses, -Xmx256m")
PY
}

run_one() {
  local db="$1" dir="$work/$db" port url store_args=() raw_target=()
  mkdir -p "$dir"
  port="$(free_port)"
  url="http://127.0.0.1:$port"
  if [ "$db" = postgres ]; then
    pg_db="proofdesk_bench_$(date +%s)"
    createdb "${pg_admin[@]}" "$pg_db"
    (umask 077; head -c 32 /dev/urandom | base64 >"$dir/master.key")
    store_args=(--database-url "postgresql://postgres@127.0.0.1:5432/$pg_db" --master-key-file "$dir/master.key")
    raw_target=(--jdbc-url "jdbc:postgresql://127.0.0.1:5432/$pg_db?user=postgres&currentSchema=test")
  else
    raw_target=(--sqlite "$dir/data/test.db")
  fi
  echo "== $db: server on $url" >&2
  PROOFDESK_RATE_LIMIT_TEST=0 PROOFDESK_RATE_LIMIT_LIVE=0 "$java" -Xmx256m -Xlog:gc:file="$dir/gc.log" \
    -jar "$server_jar" serve --port "$port" --data-dir "$dir/data" "${store_args[@]}" >"$dir/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 120); do
    curl -sf "$url/readyz" >/dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    sleep 0.5
  done
  local key
  key="$(grep -o 'sk_test_[A-Za-z0-9]*' "$dir/server.log" | head -1)"
  [ -n "$key" ] || { echo "no first-start key in the server log" >&2; cat "$dir/server.log" >&2; exit 1; }

  local jfr_file="" jfr_pid=""
  if [ -n "${PROFILE:-}" ]; then
    mkdir -p "$PROFILE"
    jfr_file="$(cd "$PROFILE" && pwd)/server-$db.jfr"
    (sleep 15; "$JAVA_HOME/bin/jcmd" "$server_pid" JFR.start name=bench settings=profile duration=20s \
      filename="$jfr_file" >/dev/null) &
    jfr_pid=$!
  fi
  if [ "${WORKLOAD:-sessions}" = completions ]; then
    "$java" -jar "$bench_jar" completions --base-url "$url" --api-key "$key" --clients "$clients" \
      --duration "$duration" --warmup "$warmup" --signature-algorithm "${ALGORITHM:-ECDSA-P256}" \
      --name "completions-$db"
  else
    "$java" -jar "$bench_jar" sessions --base-url "$url" --api-key "$key" --clients "$clients" \
      --duration "$duration" --warmup "$warmup" --name "sessions-$db"
  fi
  "$JAVA_HOME/bin/jcmd" "$server_pid" GC.heap_info | sed -n '2,3p' | sed 's/^/  at end: /'
  heap_summary "$dir/gc.log"
  if [ -n "$jfr_file" ]; then
    wait "$jfr_pid"
    sleep 2
    echo "  hottest server frames in $jfr_file (JFR execution samples, top of stack):"
    "$JAVA_HOME/bin/jfr" print --events jdk.ExecutionSample "$jfr_file" \
      | grep -A1 'stackTrace = \[' | grep -v 'stackTrace\|^--' | sed 's/line:.*//' \
      | sort | uniq -c | sort -rn | head -15 || true
  fi
  kill "$server_pid"; wait "$server_pid" || true; server_pid=""

  if [ "${WORKLOAD:-sessions}" = completions ]; then
    if [ -n "$pg_db" ]; then dropdb "${pg_admin[@]}" --force "$pg_db"; pg_db=""; fi
    return
  fi
  echo "== $db: raw JDBC inserts" >&2
  "$java" -jar "$bench_jar" raw-inserts "${raw_target[@]}" --clients "$clients" --duration "$duration" \
    --warmup "$warmup" --name "raw-inserts-$db"
  if [ -n "$pg_db" ]; then dropdb "${pg_admin[@]}" --force "$pg_db"; pg_db=""; fi
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(uname -sr); server, database and driver share it"
for db in "${databases[@]}"; do run_one "$db"; done
