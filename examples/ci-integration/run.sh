#!/usr/bin/env bash
# Runs the CI integration example against a real Proofdesk server built from this repository:
# start the server, make a test key and a published flow, forward test events to the example's
# handler with `proofdesk listen`, then run the example's JUnit test with the three variables an
# integrator's CI would set (PROOFDESK_API_KEY, PROOFDESK_FLOW_ID, PROOFDESK_WEBHOOK_SECRET).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=../../scripts/java-home.sh
. "$root/scripts/java-home.sh"
find_java_home
cd "$root"

./mvnw -q -B -DskipTests -pl proofdesk-sdk,proofdesk-server -am install >&2
jar="$root/proofdesk-server/target/proofdesk.jar"
work="$(mktemp -d)"
port="${PROOFDESK_EXAMPLE_PORT:-18089}"
server_pid=""
listen_pid=""
cleanup() {
  [ -n "$listen_pid" ] && kill "$listen_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

PROOFDESK_DATA_DIR="$work/data" "$JAVA_HOME/bin/java" -jar "$jar" serve --port "$port" >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 120); do
  grep -q "Proofdesk listening" "$work/server.log" && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.5
done
export PROOFDESK_API_URL="http://localhost:$port"
PROOFDESK_API_KEY="$(sed -n 's/^ *\(sk_test_[A-Za-z0-9_]*\) *$/\1/p' "$work/server.log" | head -1)"
export PROOFDESK_API_KEY
[ -n "$PROOFDESK_API_KEY" ] || { echo "no test key in the server's first-start output" >&2; exit 1; }

flow="$(curl -fsS -X POST "$PROOFDESK_API_URL/v1/flows" -H "Authorization: Bearer $PROOFDESK_API_KEY" \
  -H 'Content-Type: application/json' \
  -d '{"name":"CI example","product":"age_verification","rules":{"minimumAge":18},"disclosures":{"nationality":true}}')"
PROOFDESK_FLOW_ID="$(printf '%s' "$flow" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)"
export PROOFDESK_FLOW_ID
curl -fsS -X POST "$PROOFDESK_API_URL/v1/flows/$PROOFDESK_FLOW_ID/publish" \
  -H "Authorization: Bearer $PROOFDESK_API_KEY" >/dev/null

PROOFDESK_WEBHOOK_SECRET="$("$JAVA_HOME/bin/java" -jar "$jar" listen --print-secret)"
export PROOFDESK_WEBHOOK_SECRET
export PROOFDESK_HANDLER_PORT="${PROOFDESK_HANDLER_PORT:-3000}"
"$JAVA_HOME/bin/java" -jar "$jar" listen --forward-to "http://localhost:$PROOFDESK_HANDLER_PORT/hooks" \
  --events verification.completed >"$work/listen.log" 2>&1 &
listen_pid=$!
for _ in $(seq 1 60); do grep -q "^Ready" "$work/listen.log" && break; sleep 0.5; done
sleep 1 # its first long poll starts from the server's "now"

if ! "$root/mvnw" -q -B -f "$here/pom.xml" test; then
  echo "--- server log" >&2; tail -50 "$work/server.log" >&2
  echo "--- listen log" >&2; cat "$work/listen.log" >&2
  exit 1
fi
echo "CI integration example passed." >&2
