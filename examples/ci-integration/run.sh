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
listen_pid=""
# shellcheck source=../server.sh
. "$root/examples/server.sh"
cleanup() {
  [ -n "$listen_pid" ] && kill "$listen_pid" 2>/dev/null || true
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

example_server "${PROOFDESK_EXAMPLE_PORT:-18089}"

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
