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
# shellcheck source=lib.sh
. "$root/bench/lib.sh"
clients="${CLIENTS:-64}"
duration="${DURATION:-30s}"
warmup="${WARMUP:-10s}"
databases=("$@")
[ ${#databases[@]} -gt 0 ] || databases=(sqlite postgres)

cd "$root"
bench_build
work="$(mktemp -d -t proofdesk-bench.XXXXXX)"
cleanup() {
  bench_stop_server
  rm -rf "$work"
}
trap cleanup EXIT

run_one() {
  local db="$1" dir="$work/$db" url key raw_target=()
  bench_start_server "$db" "$dir"
  url="$server_url"
  key="$server_key"
  if [ "$db" = postgres ]; then
    raw_target=(--jdbc-url "jdbc:postgresql://127.0.0.1:5432/$pg_db?user=postgres&currentSchema=test")
  else
    raw_target=(--sqlite "$dir/data/test.db")
  fi

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
  bench_heap_summary "$dir/gc.log"
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
    bench_stop_server
    return
  fi
  echo "== $db: raw JDBC inserts" >&2
  "$java" -jar "$bench_jar" raw-inserts "${raw_target[@]}" --clients "$clients" --duration "$duration" \
    --warmup "$warmup" --name "raw-inserts-$db"
  bench_stop_server
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(uname -sr); server, database and driver share it"
for db in "${databases[@]}"; do run_one "$db"; done
