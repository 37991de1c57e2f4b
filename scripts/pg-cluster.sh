#!/usr/bin/env bash
# Throwaway PostgreSQL 15 cluster for tests and benchmarks.
#
#   scripts/pg-cluster.sh start DIR   create + start a cluster in DIR (DIR/data, socket in DIR),
#                                     writes DIR/port and DIR/connection (Npgsql connection string)
#   scripts/pg-cluster.sh stop DIR    stop it (immediate) and remove DIR
#   scripts/pg-cluster.sh env DIR     print shell `export` lines for the running cluster
#                                     (eval "$(scripts/pg-cluster.sh env DIR)")
#
# Tuned for speed, not durability (fsync/synchronous_commit/full_page_writes off), unless PG_DURABLE=1
# (the benchmark: fsync, synchronous_commit and full_page_writes on, as in production).
# Listens only on 127.0.0.1 on a free port it picks itself. Quiet on success.
# As root the server runs as the `postgres` user (it refuses to run as root).
# Optional: PG_BIN (default /usr/lib/postgresql/15/bin), PG_SHARED_BUFFERS (default 256MB),
# PG_MAX_CONNECTIONS (default 200), PG_DURABLE (0 or 1), PG_EXTRA_CONF (more postgresql.conf lines).
set -euo pipefail

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
if [[ ! -x "$PG_BIN/pg_ctl" ]]; then
  if command -v pg_ctl >/dev/null 2>&1; then
    PG_BIN="$(dirname "$(readlink -f "$(command -v pg_ctl)")")"
  else
    echo "pg-cluster: PostgreSQL binaries not found (looked in $PG_BIN and PATH)" >&2
    exit 1
  fi
fi

die() { echo "pg-cluster: $*" >&2; exit 1; }

usage() { echo "usage: $0 start|stop|env DIR" >&2; exit 2; }

[[ $# -eq 2 ]] || usage
cmd="$1"
dir="$2"
[[ -n "$dir" ]] || usage
# Absolute path (DIR need not exist yet for start).
case "$dir" in
  /*) ;;
  *) dir="$PWD/$dir" ;;
esac
dir="${dir%/}"

# Run a PostgreSQL binary as the right user. Work from DIR so the server user
# never complains about an unreadable cwd (e.g. /root).
as_pg() {
  if [[ "$(id -u)" -eq 0 ]]; then
    (cd "$dir" && runuser -u postgres -- "$@")
  else
    (cd "$dir" && "$@")
  fi
}

free_port() {
  if command -v python3 >/dev/null 2>&1; then
    python3 - <<'EOF' 2>/dev/null && return 0
import socket
s = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()
EOF
  fi
  # Fallback: random scan in the dynamic range, treating "connection refused" as free.
  local p i
  for i in $(seq 1 200); do
    p=$(( 20000 + (RANDOM * 32768 + RANDOM) % 40000 ))
    if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then
      echo "$p"
      return 0
    fi
  done
  return 1
}

do_start() {
  if [[ -e "$dir/data/PG_VERSION" ]]; then
    die "$dir already holds a cluster (stop it first)"
  fi
  mkdir -p "$dir"
  if [[ "$(id -u)" -eq 0 ]]; then
    chown postgres: "$dir"
    chmod 700 "$dir"
    runuser -u postgres -- test -w "$dir" \
      || die "$dir is not reachable by the postgres user (choose a folder under /tmp)"
  fi

  local log="$dir/initdb.log"
  if ! as_pg "$PG_BIN/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C.UTF-8 \
        >"$log" 2>&1; then
    rm -rf "$dir/data"
    if ! as_pg "$PG_BIN/initdb" -D "$dir/data" -A trust -U postgres -E UTF8 --locale=C \
          >>"$log" 2>&1; then
      cat "$log" >&2
      die "initdb failed"
    fi
  fi

  # Our settings live in an included file so a retry can rewrite the port.
  echo "include_if_exists = 'motcua.conf'" >>"$dir/data/postgresql.conf"

  local attempt port durable=off
  [[ "${PG_DURABLE:-0}" == 1 ]] && durable=on
  for attempt in 1 2 3 4 5; do
    port="$(free_port)" || die "could not find a free TCP port"
    cat >"$dir/data/motcua.conf" <<EOF
listen_addresses = '127.0.0.1'
port = $port
unix_socket_directories = '$dir'
fsync = $durable
synchronous_commit = $durable
full_page_writes = $durable
max_connections = ${PG_MAX_CONNECTIONS:-200}
shared_buffers = ${PG_SHARED_BUFFERS:-256MB}
logging_collector = off
${PG_EXTRA_CONF:-}
EOF
    [[ "$(id -u)" -eq 0 ]] && chown postgres: "$dir/data/motcua.conf"
    if as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -l "$dir/server.log" -w -t 60 -s start \
          >"$dir/pg_ctl.log" 2>&1; then
      echo "$port" >"$dir/port"
      echo "Host=127.0.0.1;Port=$port;Username=postgres;Pooling=true;Include Error Detail=true" \
        >"$dir/connection"
      return 0
    fi
    # Make sure nothing half-started is left behind before retrying.
    as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -s stop >/dev/null 2>&1 || true
    if ! grep -qiE 'could not (bind|create listen)|address already in use' \
          "$dir/server.log" 2>/dev/null; then
      break
    fi
  done
  cat "$dir/pg_ctl.log" "$dir/server.log" >&2 2>/dev/null || true
  die "could not start PostgreSQL in $dir"
}

do_stop() {
  [[ -e "$dir" ]] || return 0
  if [[ -f "$dir/data/postmaster.pid" ]]; then
    if ! as_pg "$PG_BIN/pg_ctl" -D "$dir/data" -m immediate -t 30 -s stop >/dev/null 2>&1; then
      # pg_ctl could not stop it (or it was not running): kill our postmaster if still alive.
      local pid
      pid="$(head -n1 "$dir/data/postmaster.pid" 2>/dev/null || true)"
      if [[ "$pid" =~ ^[0-9]+$ ]] && tr '\0' ' ' 2>/dev/null <"/proc/$pid/cmdline" \
            | grep -qF -- "$dir/data"; then
        kill -KILL "$pid" 2>/dev/null || true
      fi
    fi
  fi
  rm -rf "$dir"
}

do_env() {
  [[ -f "$dir/port" && -f "$dir/connection" ]] || die "no running cluster in $dir"
  local port conn
  port="$(cat "$dir/port")"
  conn="$(cat "$dir/connection")"
  printf "export MOTCUA_TEST_POSTGRES='%s'\n" "$conn"
  printf "export PGHOST=127.0.0.1 PGPORT=%s PGUSER=postgres\n" "$port"
}

case "$cmd" in
  start) do_start ;;
  stop) do_stop ;;
  env) do_env ;;
  *) usage ;;
esac
