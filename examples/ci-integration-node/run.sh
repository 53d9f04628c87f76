#!/usr/bin/env bash
# Runs the Node CI integration example against a real Proofdesk server built from this repository:
# start the server, make a published flow with its first-start test key, then run the example's
# node --test suite with the variables an integrator's CI would set (PROOFDESK_API_KEY,
# PROOFDESK_API_URL, PROOFDESK_FLOW_ID). The suite registers its own webhook endpoint.
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
# shellcheck source=../../scripts/java-home.sh
. "$root/scripts/java-home.sh"
find_java_home
cd "$root"

./mvnw -q -B -DskipTests -pl proofdesk-server -am package >&2
(cd "$root/sdk-node" && npm ci --no-audit --no-fund >&2 && npm run build >&2)
jar="$root/proofdesk-server/target/proofdesk.jar"
work="$(mktemp -d)"
server_pid=""
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

PROOFDESK_DATA_DIR="$work/data" "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED -jar "$jar" serve --port 0 \
  >"$work/server.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 360); do
  grep -q "Proofdesk listening" "$work/server.log" && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/server.log" >&2; exit 1; }
  sleep 0.5
done
PROOFDESK_API_URL="$(sed -n 's/^Proofdesk listening on \(http[^ ]*\).*/\1/p' "$work/server.log" | head -1)"
PROOFDESK_API_KEY="$(sed -n 's/^ *\(sk_test_[A-Za-z0-9_]*\) *$/\1/p' "$work/server.log" | head -1)"
[ -n "$PROOFDESK_API_URL" ] && [ -n "$PROOFDESK_API_KEY" ] || { cat "$work/server.log" >&2; exit 1; }
export PROOFDESK_API_URL PROOFDESK_API_KEY

flow="$(curl -fsS -X POST "$PROOFDESK_API_URL/v1/flows" -H "Authorization: Bearer $PROOFDESK_API_KEY" \
  -H 'Content-Type: application/json' \
  -d '{"name":"CI example","product":"age_verification","rules":{"minimumAge":18},"disclosures":{"nationality":true}}')"
PROOFDESK_FLOW_ID="$(printf '%s' "$flow" | grep -o '"id":"[^"]*"' | head -1 | cut -d'"' -f4)"
export PROOFDESK_FLOW_ID
curl -fsS -X POST "$PROOFDESK_API_URL/v1/flows/$PROOFDESK_FLOW_ID/publish" \
  -H "Authorization: Bearer $PROOFDESK_API_KEY" >/dev/null

cd "$here"
npm ci --no-audit --no-fund >&2
if ! npm test; then
  echo "--- server log" >&2; tail -50 "$work/server.log" >&2
  exit 1
fi
echo "Node CI integration example passed." >&2
