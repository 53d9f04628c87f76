# Sourced by the examples' run.sh: a Proofdesk server built from this repository on a fresh data
# directory, and a published test flow, as an integrator's CI would set them up.
# Needs before sourcing: root (the repository), JAVA_HOME, work (a scratch directory).
# example_server PORT (0: a free one) starts it and exports PROOFDESK_API_URL, PROOFDESK_API_KEY (the
# first-start test key) and PROOFDESK_FLOW_ID; server_pid is the server's process.
server_pid=""

example_server() {
  local port="$1" flow
  PROOFDESK_DATA_DIR="$work/data" "$JAVA_HOME/bin/java" --enable-native-access=ALL-UNNAMED \
    -jar "$root/proofdesk-server/target/proofdesk.jar" serve --port "$port" >"$work/server.log" 2>&1 &
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
}
