#!/usr/bin/env bash
# Runs every test: unit, API (on SQLite and on PostgreSQL), README and browser tests.
#
# Sets up what the tests need first, and says what it cannot do:
# - Debian packages, installed with apt-get when missing (as root, or with passwordless sudo):
#   chromium and chromium-driver (browser tests), jq and curl (the README's shell walk-through),
#   pcscd and vsmartcard-vpcd (PC/SC tests of the chip relay);
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

setup_test_machine || exit 1
exec ./mvnw -B verify "$@"
