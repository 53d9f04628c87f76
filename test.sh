#!/usr/bin/env bash
# Runs every test: unit, API (on SQLite and on PostgreSQL) and browser tests.
# PostgreSQL must be reachable at 127.0.0.1:5432 as user postgres (override with PROOFDESK_TEST_POSTGRES_URL).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
# shellcheck source=scripts/java-home.sh
. "$root/scripts/java-home.sh"
find_java_home
cd "$root"
exec ./mvnw -B verify "$@"
