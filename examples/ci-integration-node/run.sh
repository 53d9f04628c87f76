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
work="$(mktemp -d)"
# shellcheck source=../server.sh
. "$root/examples/server.sh"
cleanup() {
  [ -n "$server_pid" ] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT

example_server 0

cd "$here"
npm ci --no-audit --no-fund >&2
if ! npm test; then
  echo "--- server log" >&2; tail -50 "$work/server.log" >&2
  exit 1
fi
echo "Node CI integration example passed." >&2
