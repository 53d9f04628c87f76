#!/usr/bin/env bash
# APDUs per chip read and time from the first APDU to a verdict (ChipTerminal + DocumentVerifier),
# for every emulator profile, with extended-length and short APDUs, at 0, 50, 100 and 200 ms of
# round trip per APDU (the emulator waits that long before each answer). No server: the terminal
# reads the emulated chip in process. Prints markdown tables for BENCHMARKS.md.
# Usage: bench/chip-latency.sh
# Env:   DELAYS=0,50,100,200   RUNS=20 (median at 0 ms)   DELAYED_RUNS=3 (median with a round trip)
#        SKIP_BUILD=1
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/java-home.sh
. "$root/scripts/java-home.sh"
find_java_home

cd "$root"
if [ -z "${SKIP_BUILD:-}" ]; then
  echo "building…" >&2
  ./mvnw -q -B -DskipTests -Pbench -pl proofdesk-passport -am package >&2
fi
echo "machine: $(nproc) cores, $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg), $(date -u '+%Y-%m-%d %H:%M UTC')"
"$JAVA_HOME/bin/java" -cp "$root/proofdesk-passport/target/benchmarks.jar" dev.proofdesk.passport.bench.ChipLatency \
  --delays "${DELAYS:-0,50,100,200}" --runs "${RUNS:-20}" --delayed-runs "${DELAYED_RUNS:-3}"
echo "load average at the end: $(cut -d' ' -f1-3 /proc/loadavg)"
