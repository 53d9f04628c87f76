#!/usr/bin/env bash
# Webhook load run (see BENCHMARKS.md, "Webhooks"): ./scripts/bench-webhooks.sh sqlite|postgres
# PostgreSQL must be reachable at 127.0.0.1:5432 as user postgres (override with PROOFDESK_TEST_POSTGRES_URL).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=java-home.sh
. "$root/scripts/java-home.sh"
find_java_home
cd "$root"
./mvnw -q -Pbench -pl proofdesk-server -am test-compile dependency:build-classpath -Dmdep.includeScope=test \
  -Dmdep.outputFile=target/bench.classpath >/dev/null
cp="proofdesk-server/target/test-classes:proofdesk-server/target/classes:$(cat proofdesk-server/target/bench.classpath)"
exec "$JAVA_HOME/bin/java" -Xmx2g ${BENCH_JAVA_OPTS:-} -cp "$cp" dev.proofdesk.server.webhook.WebhookLoad "$@"
