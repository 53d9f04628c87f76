# Sourced by ./test.sh: installs and starts what the tests need, or says exactly what to run instead.
# PROOFDESK_TEST_SETUP=skip leaves the machine alone (the tests then fail where something is missing).

setup_note() {
  echo "test.sh: $*" >&2
}

# Root, directly or through passwordless sudo: needed to install packages and start services.
can_be_root() {
  [ "$(id -u)" -eq 0 ] || { command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; }
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then
    "$@"
  else
    sudo -n "$@"
  fi
}

# Debian packages the tests need and this machine lacks, one per line.
missing_test_packages() {
  [ -x "${PROOFDESK_TEST_CHROMIUM:-/usr/bin/chromium}" ] || echo chromium
  [ -x "${PROOFDESK_TEST_CHROMEDRIVER:-/usr/bin/chromedriver}" ] || echo chromium-driver
  command -v jq >/dev/null 2>&1 || echo jq
  command -v curl >/dev/null 2>&1 || echo curl
  # bench/cluster.sh puts HAProxy in front of its nodes
  command -v haproxy >/dev/null 2>&1 || [ -x /usr/sbin/haproxy ] || echo haproxy
  [ -x /usr/sbin/pcscd ] || command -v pcscd >/dev/null 2>&1 || echo pcscd
  compgen -G '/usr/lib/pcsc/drivers/serial/libifdvpcd.so*' >/dev/null || echo vsmartcard-vpcd
}

install_test_packages() {
  local packages=("$@")
  [ ${#packages[@]} -eq 0 ] && return 0
  if ! command -v apt-get >/dev/null 2>&1 || ! can_be_root; then
    setup_note "cannot install ${packages[*]} here (needs apt-get and root). Install them, e.g."
    setup_note "    sudo apt-get install -y ${packages[*]}"
    setup_note "then run ./test.sh again."
    return 1
  fi
  setup_note "installing ${packages[*]} with apt-get…"
  as_root apt-get update -qq &&
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >/dev/null
}

postgres_ready() {
  if command -v pg_isready >/dev/null 2>&1; then
    pg_isready -h 127.0.0.1 -p 5432 -q 2>/dev/null
  else
    (exec 3<>/dev/tcp/127.0.0.1/5432) 2>/dev/null
  fi
}

start_postgres() {
  [ -n "${PROOFDESK_TEST_POSTGRES_URL:-}" ] && return 0
  postgres_ready && return 0
  local cluster=""
  if command -v pg_lsclusters >/dev/null 2>&1; then
    cluster="$(pg_lsclusters -h 2>/dev/null | awk '$3 == 5432 {print $1 " " $2; exit}')"
  fi
  if [ -z "$cluster" ]; then
    setup_note "nothing accepts connections on 127.0.0.1:5432 and no local PostgreSQL cluster uses that port."
    setup_note "Install and start PostgreSQL (sudo apt-get install -y postgresql), or set PROOFDESK_TEST_POSTGRES_URL."
    return 1
  fi
  if ! can_be_root; then
    setup_note "PostgreSQL $cluster is installed but down; start it with"
    setup_note "    sudo pg_ctlcluster --skip-systemctl-redirect $cluster start"
    return 1
  fi
  setup_note "starting PostgreSQL $cluster…"
  # shellcheck disable=SC2086 # "$cluster" is the two words version and name
  as_root pg_ctlcluster --skip-systemctl-redirect $cluster start || return 1
  for _ in $(seq 1 60); do
    postgres_ready && return 0
    sleep 0.5
  done
  setup_note "PostgreSQL $cluster did not accept connections on 127.0.0.1:5432 within 30 s."
  return 1
}

pcscd_running() {
  # A pcscd that was killed but not yet reaped (a zombie) is not running.
  local pid
  for pid in $(pgrep -x pcscd 2>/dev/null); do
    [ "$(awk '{print $3}' "/proc/$pid/stat" 2>/dev/null)" != Z ] && return 0
  done
  return 1
}

# pcscd reads its reader drivers (vpcd) when it starts: restart it when a driver was just installed.
start_pcscd() {
  local restart="$1"
  if pcscd_running && [ "$restart" != restart ]; then
    return 0
  fi
  if ! can_be_root; then
    setup_note "pcscd (the PC/SC daemon) is not running; start it with: sudo /usr/sbin/pcscd"
    return 1
  fi
  if pcscd_running; then
    setup_note "restarting pcscd so that it loads the vpcd reader…"
    as_root kill "$(pgrep -x pcscd | head -1)"
    for _ in $(seq 1 20); do pcscd_running || break; sleep 0.5; done
  else
    setup_note "starting pcscd…"
  fi
  as_root /usr/sbin/pcscd || return 1
  for _ in $(seq 1 20); do
    pcscd_running && return 0
    sleep 0.5
  done
  setup_note "pcscd did not start."
  return 1
}

# Everything the tests need; prints every problem before failing, so one run says all there is to do.
setup_test_machine() {
  if [ "${PROOFDESK_TEST_SETUP:-}" = skip ]; then
    setup_note "PROOFDESK_TEST_SETUP=skip: not installing or starting anything."
    return 0
  fi
  local ok=0 missing restart=""
  # shellcheck disable=SC2207 # package names have no spaces
  missing=($(missing_test_packages))
  if ! install_test_packages "${missing[@]}"; then
    ok=1
  elif [[ " ${missing[*]} " == *" vsmartcard-vpcd "* ]]; then
    restart=restart
  fi
  start_postgres || ok=1
  if [ -x /usr/sbin/pcscd ] || command -v pcscd >/dev/null 2>&1; then
    start_pcscd "$restart" || ok=1
  fi
  if [ "$ok" -ne 0 ]; then
    setup_note "stopped before running the tests (see above). PROOFDESK_TEST_SETUP=skip runs them anyway."
  fi
  return "$ok"
}
