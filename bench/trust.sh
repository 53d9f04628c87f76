#!/usr/bin/env bash
# Trust anchors end to end, on SQLite (and PostgreSQL with DB=postgres):
#   1. `proofdesk trust import` of a generated 520-CSCA master list shaped like ICAO's (RSA-2048/3072/4096,
#      NIST and brainpool EC, some with explicit parameters) into a fresh store: wall clock and CPU;
#   2. the first verification after start and after an import with 1,500 CSCAs trusted: a server
#      starts on a store holding 1,500 CSCAs (test environment, so mock passports verify), one client
#      completes test sessions for 3 s (the first completion is the slowest); then 1,500 more CSCAs
#      are imported by the CLI while the server runs, and the same again.
# Usage: bench/trust.sh        Env: DB=sqlite|postgres  JAVA_HOME
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export JAVA_HOME="${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}"
java="$JAVA_HOME/bin/java"
db="${DB:-sqlite}"
server_jar="$root/proofdesk-server/target/proofdesk.jar"
bench_jar="$root/proofdesk-bench/target/proofdesk-bench.jar"
fixtures_jar="$root/proofdesk-passport/target/benchmarks.jar"
work="$(mktemp -d -t proofdesk-trust-bench.XXXXXX)"
server_pid=""
pg_db=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill "$server_pid"; wait "$server_pid" || true; fi
  if [ -n "$pg_db" ]; then dropdb -h 127.0.0.1 -U postgres --if-exists "$pg_db" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

if [ ! -f "$server_jar" ] || [ ! -f "$bench_jar" ]; then
  (cd "$root" && ./mvnw -B -q -o -DskipTests package)
fi
if [ ! -f "$fixtures_jar" ]; then
  (cd "$root" && ./mvnw -B -q -o -pl proofdesk-passport -Pbench -DskipTests package)
fi

store=(--data-dir "$work/data")
if [ "$db" = postgres ]; then
  pg_db="proofdesk_trust_bench_$$"
  createdb -h 127.0.0.1 -U postgres "$pg_db"
  (umask 077; head -c 32 /dev/urandom | base64 >"$work/master.key")
  store=(--data-dir "$work/data" --database-url "postgresql://postgres@127.0.0.1:5432/$pg_db" --master-key-file "$work/master.key")
fi

echo "generating the master lists (not measured)" >&2
icao_sha="$("$java" -cp "$fixtures_jar" dev.proofdesk.passport.fixtures.MasterListFixture "$work/icao.ml" 520)"
large_sha="$("$java" -cp "$fixtures_jar" dev.proofdesk.passport.fixtures.MasterListFixture "$work/large.ml" 1500)"
more_sha="$("$java" -cp "$fixtures_jar" dev.proofdesk.passport.fixtures.MasterListFixture "$work/more.ml" 1500 7)"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
TIMEFORMAT="wall %R s, CPU %U s user + %S s system"
echo "== $db: trust import of 520 CSCAs into a fresh store"
time "$java" -jar "$server_jar" trust import "$work/icao.ml" --env live --signer-sha256 "$icao_sha" "${store[@]}"

"$java" -jar "$server_jar" trust import "$work/large.ml" --env test --signer-sha256 "$large_sha" "${store[@]}" >/dev/null
port=$((20000 + RANDOM % 20000))
url="http://127.0.0.1:$port"
"$java" -Xmx256m -jar "$server_jar" serve --port "$port" "${store[@]}" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 240); do
  curl -sf "$url/readyz" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.5
done
key="$(grep -o 'sk_test_[A-Za-z0-9]*' "$work/server.log" | head -1)"
[ -n "$key" ] || { echo "no first-start key in the server log" >&2; exit 1; }
echo "== $db: first verifications after start, 1,500 CSCAs trusted (max is the first completion)"
"$java" -jar "$bench_jar" completions --base-url "$url" --api-key "$key" --clients 1 --warmup 0s --duration 3s \
  --signature-algorithm RSA-2048 --name "after start"
time "$java" -jar "$server_jar" trust import "$work/more.ml" --env test --signer-sha256 "$more_sha" "${store[@]}"
sleep 6 # the server notices an import by another process within its sweep interval (5 s)
echo "== $db: first verifications after importing 1,500 more CSCAs (3,000 trusted)"
"$java" -jar "$bench_jar" completions --base-url "$url" --api-key "$key" --clients 1 --warmup 0s --duration 3s \
  --signature-algorithm RSA-2048 --name "after import"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
