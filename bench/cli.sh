#!/usr/bin/env bash
# Wall-clock time of the store commands through the launcher, as a person types them: each command
# RUNS times on a fresh SQLite data directory (made by one `proofdesk serve` start), reporting the
# median and the slowest run in milliseconds, and whether anything but the command's own output was
# printed (a JVM warning fails the run). The target is a median of at most 1500 ms on an idle machine.
# Usage: bench/cli.sh          Env: RUNS=10  PROOFDESK_CDS=off (measure without the start-up archive)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
runs="${RUNS:-10}"
proofdesk="$root/proofdesk"
work="$(mktemp -d -t proofdesk-cli-bench.XXXXXX)"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill "$server_pid"; wait "$server_pid" || true; fi
  rm -rf "$work"
}
trap cleanup EXIT

# Builds the jar and the start-up archive when missing, outside the measurements.
"$proofdesk" --version >/dev/null

# One server start makes the account and its first test key, then stops.
"$proofdesk" serve --port 0 --data-dir "$work/data" >"$work/serve.log" 2>&1 &
server_pid=$!
for _ in $(seq 1 240); do
  grep -q "Proofdesk listening" "$work/serve.log" && break
  kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
  sleep 0.5
done
kill "$server_pid"
wait "$server_pid" || true
server_pid=""

millis() {
  date +%s%3N
}

# measure NAME ARGS…: RUNS runs; prints "NAME  median  max  [noise]".
measure() {
  local name="$1" start end noisy="" times=()
  shift
  for _ in $(seq 1 "$runs"); do
    start="$(millis)"
    "$proofdesk" "$@" --data-dir "$work/data" >"$work/out" 2>"$work/err" || true
    end="$(millis)"
    times+=($((end - start)))
    if grep -qE '^(WARNING|OpenJDK|\[[0-9.]+s\]\[warning)' "$work/out" "$work/err"; then
      noisy="JVM output: $(grep -hE '^(WARNING|OpenJDK|\[)' "$work/out" "$work/err" | head -1)"
    fi
  done
  mapfile -t sorted < <(printf '%s\n' "${times[@]}" | sort -n)
  printf '%-34s %7d %7d  %s\n' "$name" "${sorted[$(((runs - 1) / 2))]}" "${sorted[$((runs - 1))]}" "$noisy"
}

printf '%-34s %7s %7s\n' "command ($runs runs, ms)" median max
measure "keys list --env test" keys list --env test
measure "keys create --env test" keys create --env test
measure "users list" users list
measure "credits balance" credits balance
measure "trust list --env live" trust list --env live
measure "mock-passport create" mock-passport create --nationality FRA --age 30
