#!/usr/bin/env bash
# A local Proofdesk cluster: one fresh database on the local PostgreSQL, N nodes and HAProxy in front
# of them, all on loopback ports, the balancer checking each node's /readyz every second.
#   bench/cluster.sh up [N]     start N nodes (default 3); the last line printed is the balancer's URL,
#                               and everything keeps running in the background
#   bench/cluster.sh status     the nodes, their ports and readiness
#   bench/cluster.sh stop I     SIGTERM node I (1..N), as a rolling upgrade does; start I starts it again
#   bench/cluster.sh down       stop the balancer and the nodes, drop the database
# Env: CLUSTER_DIR (default /tmp/proofdesk-cluster-$USER) holds logs, pids and the master key;
#      PG_ADMIN="-h 127.0.0.1 -U postgres"; SKIP_BUILD=1 uses the jar as it is;
#      NODE_ENV="PROOFDESK_RATE_LIMIT_LIVE=100 ..." adds settings to every node.
# HAProxy is Debian's package; it is installed with apt-get when missing (as root or with sudo).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
# shellcheck source=../scripts/java-home.sh
. "$root/scripts/java-home.sh"
# shellcheck source=../scripts/test-setup.sh
. "$root/scripts/test-setup.sh"
dir="${CLUSTER_DIR:-${TMPDIR:-/tmp}/proofdesk-cluster-$(id -un)}"
pg_admin=(${PG_ADMIN:--h 127.0.0.1 -U postgres})
jar="$root/proofdesk-server/target/proofdesk.jar"

note() { echo "cluster: $*" >&2; }
free_port() { python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'; }
alive() { [ -f "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }
ready() { curl -fsS -o /dev/null --max-time 2 "$1/readyz" 2>/dev/null; }

haproxy_bin() {
  command -v haproxy 2>/dev/null || { [ -x /usr/sbin/haproxy ] && echo /usr/sbin/haproxy; } || return 1
}

ensure_haproxy() {
  haproxy_bin >/dev/null && return 0
  install_test_packages haproxy || exit 1
  haproxy_bin >/dev/null || { note "haproxy is still missing after installing it"; exit 1; }
}

start_node() {
  local i="$1" port
  port="$(cat "$dir/node-$i.port")"
  mkdir -p "$dir/node-$i"
  # shellcheck disable=SC2086 # NODE_ENV is a list of NAME=value words
  env PROOFDESK_DATABASE_URL="$(cat "$dir/database.url")" PROOFDESK_MASTER_KEY_FILE="$dir/master.key" \
    PROOFDESK_DATA_DIR="$dir/node-$i" PROOFDESK_PUBLIC_URL="$(cat "$dir/balancer.url")" \
    PROOFDESK_RATE_LIMIT_HOLDER_ADDRESS=0 ${NODE_ENV:-} \
    nohup "$JAVA_HOME/bin/java" -Xmx256m -jar "$jar" serve --port "$port" >>"$dir/node-$i.log" 2>&1 &
  echo $! >"$dir/node-$i.pid"
}

await_ready() {
  local url="$1" what="$2"
  for _ in $(seq 1 240); do
    ready "$url" && return 0
    sleep 0.5
  done
  note "$what did not become ready within 120 s; see $dir"
  exit 1
}

up() {
  local nodes="${1:-3}"
  [[ "$nodes" =~ ^[1-9][0-9]*$ ]] || { note "N must be a positive number of nodes, got '$nodes'"; exit 2; }
  if [ -f "$dir/database.name" ]; then
    note "a cluster is already up in $dir ($(cat "$dir/balancer.url")); run: bench/cluster.sh down"
    exit 1
  fi
  find_java_home
  ensure_haproxy
  command -v curl >/dev/null || install_test_packages curl || exit 1
  postgres_ready || start_postgres || exit 1
  if [ -z "${SKIP_BUILD:-}" ] && [ ! -f "$jar" ]; then
    note "building the server jar…"
    (cd "$root" && ./mvnw -q -B -DskipTests -pl proofdesk-server -am package >&2)
  fi
  mkdir -p "$dir"
  local db="proofdesk_cluster_$(od -An -N4 -tx4 /dev/urandom | tr -d ' ')"
  createdb "${pg_admin[@]}" "$db"
  echo "$db" >"$dir/database.name"
  # The admin flags as a URL: host and user of PG_ADMIN (defaults 127.0.0.1, postgres).
  local host=127.0.0.1 user=postgres
  set -- "${pg_admin[@]}"
  while [ $# -gt 0 ]; do
    case "$1" in -h) host="$2"; shift ;; -U) user="$2"; shift ;; esac
    shift
  done
  echo "postgresql://$user@$host:5432/$db" >"$dir/database.url"
  (umask 077; openssl rand -base64 32 >"$dir/master.key")
  local balancer_port
  balancer_port="$(free_port)"
  echo "http://127.0.0.1:$balancer_port" >"$dir/balancer.url"
  echo "$nodes" >"$dir/nodes"
  local servers="" i
  for i in $(seq 1 "$nodes"); do
    free_port >"$dir/node-$i.port"
    servers+="    server node$i 127.0.0.1:$(cat "$dir/node-$i.port")"$'\n'
  done
  # Every node at once, as a deployment starts them: one of them migrates, the others wait for it.
  for i in $(seq 1 "$nodes"); do start_node "$i"; done
  for i in $(seq 1 "$nodes"); do await_ready "http://127.0.0.1:$(cat "$dir/node-$i.port")" "node $i"; done
  # deploy/haproxy.cfg with this cluster's ports: its bind line and server lines replaced.
  awk -v bind="    bind 127.0.0.1:$balancer_port" -v servers="$servers" '
    /^ *bind / { print bind; next }
    /^ *server / { if (!done) printf "%s", servers; done = 1; next }
    { print }' "$root/deploy/haproxy.cfg" >"$dir/haproxy.cfg"
  "$(haproxy_bin)" -q -D -f "$dir/haproxy.cfg" -p "$dir/haproxy.pid"
  await_ready "$(cat "$dir/balancer.url")" "the balancer"
  local key
  key="$(grep -ho 'sk_test_[A-Za-z0-9]*' "$dir"/node-*.log | head -1 || true)"
  note "$nodes nodes on database $db, logs in $dir"
  [ -n "$key" ] && note "test secret key (printed once by the node that made the first account): $key"
  note "stop with: bench/cluster.sh down"
  cat "$dir/balancer.url"
}

status() {
  [ -f "$dir/nodes" ] || { note "no cluster in $dir"; exit 1; }
  for i in $(seq 1 "$(cat "$dir/nodes")"); do
    local url="http://127.0.0.1:$(cat "$dir/node-$i.port")" state=stopped
    alive "$dir/node-$i.pid" && state=running
    ready "$url" && state=ready
    echo "node $i  $url  $state"
  done
  echo "balancer  $(cat "$dir/balancer.url")  $(alive "$dir/haproxy.pid" && echo running || echo stopped)"
}

stop_node() {
  local i="$1"
  alive "$dir/node-$i.pid" || return 0
  kill -TERM "$(cat "$dir/node-$i.pid")"
  for _ in $(seq 1 240); do
    alive "$dir/node-$i.pid" || return 0
    sleep 0.5
  done
  note "node $i did not stop within 120 s of SIGTERM; killing it"
  kill -KILL "$(cat "$dir/node-$i.pid")" || true
}

down() {
  [ -d "$dir" ] || { note "no cluster in $dir"; return 0; }
  if alive "$dir/haproxy.pid"; then kill "$(cat "$dir/haproxy.pid")"; fi
  if [ -f "$dir/nodes" ]; then
    for i in $(seq 1 "$(cat "$dir/nodes")"); do stop_node "$i" & done
    wait
  fi
  if [ -f "$dir/database.name" ]; then
    dropdb "${pg_admin[@]}" --if-exists --force "$(cat "$dir/database.name")"
  fi
  rm -rf "$dir"
  note "stopped and dropped"
}

case "${1:-}" in
  up) shift; up "$@" ;;
  down) down ;;
  status) status ;;
  stop) [ -n "${2:-}" ] || { note "usage: bench/cluster.sh stop I"; exit 2; }; stop_node "$2" ;;
  start)
    [ -n "${2:-}" ] || { note "usage: bench/cluster.sh start I"; exit 2; }
    find_java_home
    alive "$dir/node-$2.pid" || start_node "$2"
    await_ready "http://127.0.0.1:$(cat "$dir/node-$2.port")" "node $2"
    ;;
  *) sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
