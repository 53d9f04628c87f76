#!/usr/bin/env bash
# Runs every test: unit, API (on SQLite and on PostgreSQL), README and browser tests.
#
# Sets up what the tests need first, and says what it cannot do:
# - Debian packages, installed with apt-get when missing (as root, or with passwordless sudo):
#   chromium and chromium-driver (browser tests), jq and curl (the README's shell walk-through),
#   pcscd and vsmartcard-vpcd (PC/SC tests of the chip relay), haproxy (bench/cluster.sh);
# - starts the local PostgreSQL cluster on port 5432 when it is installed but down, and pcscd when
#   it is not running.
# PostgreSQL must accept user postgres on 127.0.0.1:5432 without a password; point
# PROOFDESK_TEST_POSTGRES_URL elsewhere to use another server. Arguments go to Maven, e.g.
#   ./test.sh -pl proofdesk-server -Dtest=FlowApiTest -Dsurefire.failIfNoSpecifiedTests=false
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/java-home.sh
. "$root/scripts/java-home.sh"
# shellcheck source=scripts/test-setup.sh
. "$root/scripts/test-setup.sh"
find_java_home
cd "$root"

# --- Node SDK: sdk-node's node --test suites run in `./mvnw verify` and need Node.js 20+ with npm.
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [[ " $* " != *" -DskipTests "* && " $* " != *" -DskipNodeTests "* ]] \
    && { ! command -v npm >/dev/null 2>&1 || [ "$(node_major)" -lt 20 ]; }; then
  echo "test.sh: Node.js 20+ with npm is missing (the Node SDK tests need it); installing Debian's nodejs and npm" >&2
  as_root=""; [ "$(id -u)" -eq 0 ] || as_root="sudo"
  { $as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq nodejs npm >/dev/null; } || true
  if ! command -v npm >/dev/null 2>&1 || [ "$(node_major)" -lt 20 ]; then
    echo "test.sh cannot run the Node SDK tests: they need Node.js 20 or newer with npm (found" \
      "$(node --version 2>/dev/null || echo none)). Install it (Debian 12 ships 18; e.g. nodesource.com)," \
      "or pass -DskipNodeTests to run the other tests." >&2
    exit 3
  fi
fi
# --- end Node SDK

setup_test_machine || exit 1
exec ./mvnw -B verify "$@"
