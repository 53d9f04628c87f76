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
# shellcheck source=../scripts/java-home.sh
. "$root/scripts/java-home.sh"
find_java_home
java="$JAVA_HOME/bin/java"
db="${DB:-sqlite}"
pg_admin=(${PG_ADMIN:--h 127.0.0.1 -U postgres})
case "$db" in sqlite|postgres) ;; *) echo "DB must be sqlite or postgres, not '$db'" >&2; exit 2 ;; esac

cd "$root"
if [ -z "${SKIP_BUILD:-}" ]; then
  echo "building…" >&2
  ./mvnw -q -B -DskipTests -pl proofdesk-bench -am package >&2
fi
bench_jar="$root/proofdesk-bench/target/proofdesk-bench.jar"
server_jar="$root/proofdesk-server/target/proofdesk.jar"

work="$(mktemp -d -t proofdesk-relay.XXXXXX)"
server_pid=""
pg_db=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill "$server_pid"; wait "$server_pid" || true; fi
  if [ -n "$pg_db" ]; then dropdb "${pg_admin[@]}" --if-exists --force "$pg_db" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

port="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')"
url="http://127.0.0.1:$port"
store_args=()
if [ "$db" = postgres ]; then
  pg_db="proofdesk_relay_$(date +%s)"
  createdb "${pg_admin[@]}" "$pg_db"
  store_args=(--database-url "postgresql://postgres@127.0.0.1:5432/$pg_db")
  # A database URL needs the master key; the server and the driver (which reads the mock chips) share it.
  PROOFDESK_MASTER_KEY="$(head -c 32 /dev/urandom | base64)"
  export PROOFDESK_MASTER_KEY
fi

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GB, $(uname -sr); server, database and driver share it"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg) ($(date -u '+%Y-%m-%d %H:%M UTC'))"
echo "== $db: server on $url" >&2
PROOFDESK_RATE_LIMIT_TEST=0 PROOFDESK_RATE_LIMIT_LIVE=0 PROOFDESK_RATE_LIMIT_HOLDER_ADDRESS=0 "$java" -Xmx256m -Xlog:gc:file="$work/gc.log" \
  -jar "$server_jar" serve --port "$port" --data-dir "$work/data" "${store_args[@]}" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  curl -sf "$url/readyz" >/dev/null 2>&1 && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.5
done
key="$(grep -o 'sk_test_[A-Za-z0-9]*' "$work/server.log" | head -1)"
[ -n "$key" ] || { echo "no first-start key in the server log" >&2; cat "$work/server.log" >&2; exit 1; }

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

python3 - "$work/gc.log" <<'PY'
import re, sys
before, after, gcs = 0, 0, 0
for line in open(sys.argv[1]):
    m = re.search(r'Pause.*? (\d+)M->(\d+)M\((\d+)M\)', line)
    if m:
        gcs += 1
        before, after = max(before, int(m[1])), max(after, int(m[2]))
print(f"  server GC log: peak used {before} MB (before a GC), at most {after} MB live after a GC, {gcs} GC pauses, -Xmx256m")
PY
grep -ci 'chip relay for session .*: valid' "$work/server.log" | sed 's/^/  relays the server logged as valid: /' || true
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
exit "$status"
