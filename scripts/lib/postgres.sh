# shellcheck shell=bash
# scripts/lib/postgres.sh: a private, throwaway PostgreSQL cluster on a free loopback port.
# Sourced by scripts/test.sh and bench/run.sh. The caller defines log and warn; PG_BIN may be set
# before sourcing. pg_start sets PG_DATA and PG_PORT; pg_stop stops the cluster (a no-op when none).

PG_BIN="${PG_BIN:-/usr/lib/postgresql/15/bin}"
PG_APT_PACKAGE="${PG_APT_PACKAGE:-postgresql-15}"
PG_DATA="${PG_DATA:-}"
PG_PORT="${PG_PORT:-}"

as_postgres() {
  # PostgreSQL refuses to run as root; as a normal user, run as that user.
  if [[ $EUID -eq 0 ]]; then runuser -u postgres -- "$@"; else "$@"; fi
}

free_port() {
  # Let the kernel pick a free loopback port. It is released before the server
  # binds it, so callers retry on the (rare) race.
  /usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

port_open() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# pg_start <dir> [extra postgresql.conf lines]: initdb in <dir>/data and start on a free port.
pg_start() {
  local pgdir="$1" extra="${2:-}"
  mkdir -p "$pgdir"
  [[ $EUID -eq 0 ]] && chown postgres:postgres "$pgdir"
  PG_DATA="$pgdir/data"

  # Trust auth is safe here: the cluster listens on 127.0.0.1 and a socket in
  # the caller's temp dir only, and lives for this run only. C locale: same on
  # every machine. --no-sync: nothing to make durable.
  (cd "$pgdir" && as_postgres "$PG_BIN/initdb" -D "$PG_DATA" -U postgres --auth=trust \
      --encoding=UTF8 --locale=C --no-sync) >"$pgdir/initdb.log" 2>&1 \
    || { cat "$pgdir/initdb.log" >&2; warn "initdb failed"; return 1; }

  # Durability off for speed; enough connections for parallel test classes
  # that each hold a pool.
  cat >>"$PG_DATA/postgresql.conf" <<CONF

# --- scripts/lib/postgres.sh: private throwaway cluster ---
listen_addresses = '127.0.0.1'
unix_socket_directories = '$pgdir'
fsync = off
synchronous_commit = off
full_page_writes = off
max_connections = 300
$extra
CONF

  local attempt port
  for attempt in 1 2 3; do
    port=$(free_port)
    # The port goes on the command line so a retry can pick another one.
    if (cd "$pgdir" && as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$pgdir/server.log" \
          -o "-p $port" -w -t 60 start) >/dev/null 2>&1; then
      PG_PORT="$port"
      log "PostgreSQL on 127.0.0.1:$PG_PORT (data $PG_DATA)"
      return 0
    fi
    warn "PostgreSQL did not start on port $port (attempt $attempt)"
    tail -n 20 "$pgdir/server.log" >&2 2>/dev/null || true
  done
  return 1
}

pg_stop() {
  if [[ -n "$PG_DATA" && -f "$PG_DATA/postmaster.pid" ]]; then
    # immediate: the cluster is thrown away, no need for a clean checkpoint.
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m immediate -w -t 30 stop >/dev/null 2>&1 || true
    if [[ -f "$PG_DATA/postmaster.pid" ]]; then   # pg_ctl failed: kill by pid
      local pid; pid=$(head -n1 "$PG_DATA/postmaster.pid" 2>/dev/null || true)
      if [[ -n "$pid" ]]; then kill -9 "$pid" 2>/dev/null || true; fi
    fi
  fi
  PG_DATA=""
}
