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
# shellcheck source=lib.sh
. "$root/bench/lib.sh"
db="${DB:-sqlite}"
fixtures_jar="$root/proofdesk-passport/target/benchmarks.jar"
work="$(mktemp -d -t proofdesk-trust-bench.XXXXXX)"
cleanup() {
  bench_stop_server
  rm -rf "$work"
}
trap cleanup EXIT

if [ ! -f "$server_jar" ] || [ ! -f "$bench_jar" ]; then
  (cd "$root" && ./mvnw -B -q -o -DskipTests package)
fi
if [ ! -f "$fixtures_jar" ]; then
  (cd "$root" && ./mvnw -B -q -o -pl proofdesk-passport -Pbench -DskipTests package)
fi

bench_store "$db"
store=(--data-dir "$work/data" "${store_args[@]}")

echo "generating the master lists (not measured)" >&2
icao_sha="$("$java" -cp "$fixtures_jar" dev.proofdesk.passport.fixtures.MasterListFixture "$work/icao.ml" 520)"
large_sha="$("$java" -cp "$fixtures_jar" dev.proofdesk.passport.fixtures.MasterListFixture "$work/large.ml" 1500)"
more_sha="$("$java" -cp "$fixtures_jar" dev.proofdesk.passport.fixtures.MasterListFixture "$work/more.ml" 1500 7)"

echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
TIMEFORMAT="wall %R s, CPU %U s user + %S s system"
echo "== $db: trust import of 520 CSCAs into a fresh store"
time "$java" -jar "$server_jar" trust import "$work/icao.ml" --env live --signer-sha256 "$icao_sha" "${store[@]}"

"$java" -jar "$server_jar" trust import "$work/large.ml" --env test --signer-sha256 "$large_sha" "${store[@]}" >/dev/null
bench_serve "$work"
url="$server_url"
key="$server_key"
echo "== $db: first verifications after start, 1,500 CSCAs trusted (max is the first completion)"
"$java" -jar "$bench_jar" completions --base-url "$url" --api-key "$key" --clients 1 --warmup 0s --duration 3s \
  --signature-algorithm RSA-2048 --name "after start"
time "$java" -jar "$server_jar" trust import "$work/more.ml" --env test --signer-sha256 "$more_sha" "${store[@]}"
sleep 6 # the server notices an import by another process within its sweep interval (5 s)
echo "== $db: first verifications after importing 1,500 more CSCAs (3,000 trusted)"
"$java" -jar "$bench_jar" completions --base-url "$url" --api-key "$key" --clients 1 --warmup 0s --duration 3s \
  --signature-algorithm RSA-2048 --name "after import"
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
