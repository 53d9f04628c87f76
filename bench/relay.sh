#!/usr/bin/env bash
# Chip relays under load: builds the jars, starts a real server (-Xmx256m, rate limits off) on a fresh
# store, and drives it with N concurrent readers over loopback. Each reader creates a test session
# and relays an emulated mock-passport chip through GET /v1/sessions/{id}/chip itself, so the server
# only plays the terminal. Reports verifications/s and latency, the server's CPU per verification
# split into cryptography and the rest (/proc and a JFR recording of the measured phase), and the
# heap with OPEN_RELAYS relays open at once, mid-read (jcmd GC.run + GC.heap_info).
# Usage: bench/relay.sh
# Env:   DB=sqlite|postgres (default sqlite)   CLIENTS=64  DURATION=30s  WARMUP=20s  OPEN_RELAYS=500
#        CHIP=chip|active|none  ACCESS=both|pace|bac  ALGORITHM=ECDSA-P256|RSA-2048|RSA-PSS  PASSPORTS=16
#        HOLD=2s (per-APDU wait of the held relays; well under the server's 5 s APDU timeout)
#        KEEP_JFR=DIR (keep the server's recording as DIR/relay-<db>.jfr)
#        PG_ADMIN="-h 127.0.0.1 -U postgres"  SKIP_BUILD=1
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=lib.sh
. "$root/bench/lib.sh"
db="${DB:-sqlite}"
case "$db" in sqlite|postgres) ;; *) echo "DB must be sqlite or postgres, not '$db'" >&2; exit 2 ;; esac

cd "$root"
bench_build
work="$(mktemp -d -t proofdesk-relay.XXXXXX)"
cleanup() {
  bench_stop_server
  rm -rf "$work"
}
trap cleanup EXIT

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(uname -sr); server, database and driver share it"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(date -u '+%Y-%m-%d %H:%M UTC'))"
bench_start_server "$db" "$work"
url="$server_url"
key="$server_key"

recording=()
if [ -n "${KEEP_JFR:-}" ]; then
  mkdir -p "$KEEP_JFR"
  recording=(--recording "$(cd "$KEEP_JFR" && pwd)/relay-$db.jfr")
fi
status=0
"$java" -jar "$bench_jar" relays --base-url "$url" --api-key "$key" --data-dir "$work/data" "${store_args[@]}" \
  --server-pid "$server_pid" --clients "${CLIENTS:-64}" --duration "${DURATION:-30s}" --warmup "${WARMUP:-20s}" \
  --open-relays "${OPEN_RELAYS:-500}" --hold "${HOLD:-2s}" --chip-authentication "${CHIP:-chip}" \
  --access-control "${ACCESS:-both}" --signature-algorithm "${ALGORITHM:-ECDSA-P256}" --passports "${PASSPORTS:-16}" \
  "${recording[@]}" --name "relays-$db" || status=$?

bench_heap_summary "$work/gc.log"
grep -ci 'chip relay for session .*: valid' "$work/server.log" | sed 's/^/  relays the server logged as valid: /' || true
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
