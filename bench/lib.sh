# Sourced by the bench drivers: builds the jars, and runs one Proofdesk server on a fresh store.
# Needs before sourcing: root (the repository). Env: PG_ADMIN="-h 127.0.0.1 -U postgres"  SKIP_BUILD=1
# shellcheck source=../scripts/java-home.sh
. "$root/scripts/java-home.sh"
find_java_home
java="$JAVA_HOME/bin/java"
pg_admin=(${PG_ADMIN:--h 127.0.0.1 -U postgres})
bench_jar="$root/proofdesk-bench/target/proofdesk-bench.jar"
server_jar="$root/proofdesk-server/target/proofdesk.jar"
server_pid=""
pg_db=""

# bench_build: the server and driver jars, unless SKIP_BUILD is set.
bench_build() {
  if [ -z "${SKIP_BUILD:-}" ]; then
    echo "building…" >&2
    (cd "$root" && ./mvnw -q -B -DskipTests -pl proofdesk-bench -am package >&2)
  fi
}

bench_free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}

# bench_store sqlite|postgres: a fresh store for one run: SQLite (in the data directory a command or
# server is given), or a new PostgreSQL database ($pg_db) whose master key is exported as
# PROOFDESK_MASTER_KEY, so the server and every command or driver opening the store have it. Sets
# store_args (the store options besides --data-dir).
bench_store() {
  store_args=()
  if [ "$1" = postgres ]; then
    pg_db="proofdesk_bench_$(date +%s)_$$"
    createdb "${pg_admin[@]}" "$pg_db"
    PROOFDESK_MASTER_KEY="$(head -c 32 /dev/urandom | base64)"
    export PROOFDESK_MASTER_KEY
    store_args=(--database-url "postgresql://postgres@127.0.0.1:5432/$pg_db")
  fi
}

# bench_start_server sqlite|postgres DIR: a fresh store (bench_store), then bench_serve DIR.
bench_start_server() {
  echo "== $1" >&2
  bench_store "$1"
  bench_serve "$2"
}

# bench_serve DIR: `proofdesk serve` on the store of bench_store with -Xmx256m, its GC log in
# DIR/gc.log, data in DIR/data, and every rate limit off (API keys, and holders, who all come from
# 127.0.0.1 here). Sets server_url, server_pid and server_key (the first-start test key).
bench_serve() {
  local dir="$1" port
  mkdir -p "$dir"
  port="$(bench_free_port)"
  server_url="http://127.0.0.1:$port"
  echo "== server on $server_url" >&2
  PROOFDESK_RATE_LIMIT_TEST=0 PROOFDESK_RATE_LIMIT_LIVE=0 PROOFDESK_RATE_LIMIT_HOLDER_ADDRESS=0 \
    "$java" -Xmx256m -Xlog:gc:file="$dir/gc.log" \
    -jar "$server_jar" serve --port "$port" --data-dir "$dir/data" "${store_args[@]}" >"$dir/server.log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 120); do
    curl -sf "$server_url/readyz" >/dev/null 2>&1 && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$dir/server.log" >&2; exit 1; }
    sleep 0.5
  done
  server_key="$(grep -o 'sk_test_[A-Za-z0-9]*' "$dir/server.log" | head -1)"
  [ -n "$server_key" ] || { echo "no first-start key in the server log" >&2; cat "$dir/server.log" >&2; exit 1; }
}

# bench_stop_server: stops the server and drops its PostgreSQL database, if any; safe to call twice.
bench_stop_server() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then kill "$server_pid"; wait "$server_pid" || true; fi
  server_pid=""
  if [ -n "$pg_db" ]; then dropdb "${pg_admin[@]}" --if-exists --force "$pg_db" || true; fi
  pg_db=""
}

# bench_heap_summary GC_LOG: peak heap before a collection and the largest left after one.
bench_heap_summary() {
  python3 - "$1" <<'PY'
import re, sys
before, after, gcs = 0, 0, 0
for line in open(sys.argv[1]):
    m = re.search(r'Pause.*? (\d+)M->(\d+)M\((\d+)M\)', line)
    if m:
        gcs += 1
        before, after = max(before, int(m[1])), max(after, int(m[2]))
print(f"  server GC log: peak used {before} MB (before a GC), at most {after} MB live after a GC, {gcs} GC pauses, -Xmx256m")
PY
}
