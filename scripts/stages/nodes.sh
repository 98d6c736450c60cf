# shellcheck shell=bash
# scripts/stages/nodes.sh: several nodes on one PostgreSQL (issue 20). Node A talks to PostgreSQL
# directly (and migrates), node B through PgBouncer in transaction pooling mode; tests/cluster/agreement.py
# makes each change on A and times how long B takes to agree. Sourced by scripts/test.sh; uses its
# settings and bookkeeping (log, warn, add_counts, stage_problem, run_bounded, free_port, TMP_ROOT,
# RESULTS_DIR, CONFIGURATION, PG_BIN, PG_PORT, PY).

# nodes_start <name> <port> <connection string> [extra args...]: a Release server in the background.
nodes_start() {
  local name="$1" port="$2" connection="$3"; shift 3
  local dll="src/Latchkey.Server/bin/$CONFIGURATION/net10.0/Latchkey.Server.dll"
  dotnet "$dll" --urls "http://127.0.0.1:$port" \
    --Latchkey:Database:Provider=postgres "--ConnectionStrings:Latchkey=$connection" \
    --Latchkey:PublicUrl=http://latchkey.nodes.test \
    --Latchkey:Email:OutboxPath="$TMP_ROOT/nodes-$name-outbox" \
    --Latchkey:Admin:Email="$NODES_ADMIN" --Latchkey:Admin:Password="$NODES_PASSWORD" \
    --Latchkey:Passwords:Hashing:Iterations=1 --Latchkey:Passwords:Hashing:MemoryKiB=1024 \
    --Latchkey:RateLimits:Policies:default:Limit=100000 --Latchkey:RateLimits:Policies:admin:Limit=100000 \
    --Latchkey:RateLimits:Policies:oauth-token:Limit=100000 --Latchkey:RateLimits:Surfaces:nhost:login:Limit=10 \
    --Logging:Console:FormatterName=simple --Logging:LogLevel:Default=Warning "$@" \
    </dev/null >"$RESULTS_DIR/nodes-$name.log" 2>&1 &
  NODES_PIDS+=("$!")
}

# nodes_ready <port> <pid>: waits up to 60 s for /health/ready.
nodes_ready() {
  local i
  for ((i = 0; i < 120; i++)); do
    curl -sf "http://127.0.0.1:$1/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$2" 2>/dev/null || return 1
    sleep 0.5
  done
  return 1
}

# PgBouncer in transaction mode in front of the test cluster; it refuses to run as root, so as postgres.
nodes_pgbouncer() {
  local dir="$TMP_ROOT/pgbouncer" port="$1"
  mkdir -p "$dir"
  cat >"$dir/pgbouncer.ini" <<INI
[databases]
lk_nodes = host=127.0.0.1 port=$PG_PORT dbname=lk_nodes user=postgres
[pgbouncer]
listen_addr = 127.0.0.1
listen_port = $port
unix_socket_dir =
auth_type = trust
auth_file = $dir/users.txt
pool_mode = transaction
default_pool_size = 10
max_client_conn = 200
logfile = $dir/pgbouncer.log
pidfile = $dir/pgbouncer.pid
INI
  echo '"postgres" ""' >"$dir/users.txt"
  chown -R postgres:postgres "$dir" 2>/dev/null || true
  as_postgres /usr/sbin/pgbouncer "$dir/pgbouncer.ini" </dev/null >"$dir/stdout.log" 2>&1 &
  NODES_PIDS+=("$!")
  local i
  for ((i = 0; i < 40; i++)); do port_open "$port" && return 0; sleep 0.25; done
  cat "$dir/stdout.log" "$dir/pgbouncer.log" >&2 2>/dev/null
  return 1
}

nodes_stop() {
  local pid
  # PgBouncer runs under runuser: stop it by its own pid file, then the rest.
  [[ -f "$TMP_ROOT/pgbouncer/pgbouncer.pid" ]] && kill "$(cat "$TMP_ROOT/pgbouncer/pgbouncer.pid")" 2>/dev/null || true
  for pid in "${NODES_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${NODES_PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  NODES_PIDS=()
}

stage_nodes() {
  NODES_ADMIN="admin@latchkey.test" NODES_PASSWORD="nodes-Stage-Admin-58-amber" NODES_PIDS=()
  local out="$RESULTS_DIR/nodes.txt" port_a port_b port_pgb direct pooled
  command -v /usr/sbin/pgbouncer >/dev/null || { stage_problem "pgbouncer is not installed (APT_PACKAGES)"; return 0; }
  "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -c "DROP DATABASE IF EXISTS lk_nodes WITH (FORCE)" -c "CREATE DATABASE lk_nodes" \
    || { stage_problem "could not create the nodes database"; return 0; }
  trap nodes_stop EXIT
  port_a=$(free_port); port_pgb=$(free_port)
  direct="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=lk_nodes"
  pooled="Host=127.0.0.1;Port=$port_pgb;Username=postgres;Database=lk_nodes"

  log "node A (direct, migrates) and PgBouncer (transaction pooling)"
  nodes_start a "$port_a" "$direct"
  nodes_pgbouncer "$port_pgb" || { stage_problem "PgBouncer did not start"; return 0; }
  if ! nodes_ready "$port_a" "${NODES_PIDS[0]}"; then
    tail -n 40 "$RESULTS_DIR/nodes-a.log" >&2; stage_problem "node A did not start"; return 0
  fi
  port_b=$(free_port)
  log "node B (through PgBouncer)"
  nodes_start b "$port_b" "$pooled" --Latchkey:Database:TransactionPooling=true --Latchkey:Database:MigrateOnStart=false
  if ! nodes_ready "$port_b" "${NODES_PIDS[2]}"; then
    tail -n 40 "$RESULTS_DIR/nodes-b.log" >&2; stage_problem "node B did not start through PgBouncer"; return 0
  fi

  run_bounded 120 "$PY" tests/cluster/agreement.py "http://127.0.0.1:$port_a" "http://127.0.0.1:$port_b" \
    "$NODES_ADMIN" "$NODES_PASSWORD" >"$out" 2>&1 || true
  cat "$out"
  nodes_stop
  # No node may have logged an error while the others changed things under it.
  local errors
  errors=$(grep -c -E '^([0-9TZ:.-]+ )?(fail|crit):' "$RESULTS_DIR"/nodes-[ab].log 2>/dev/null | awk -F: '{s += $NF} END {print s + 0}' || true)
  local p f
  p=$(awk '/^[0-9]+ passed, [0-9]+ failed$/{print $1}' "$out"); f=$(awk '/^[0-9]+ passed, [0-9]+ failed$/{print $3}' "$out")
  if ((errors > 0)); then
    grep -h -A3 -E '^([0-9TZ:.-]+ )?(fail|crit):' "$RESULTS_DIR"/nodes-[ab].log | head -n 30 || true
    f=$(( ${f:-0} + 1 )); echo "FAIL server logs: $errors error entries"
  fi
  add_counts "${p:-0}" "${f:-0}" "nodes-agreement"
  if ((${p:-0} + ${f:-0} == 0)); then stage_problem "no node agreement check ran"; fi
}
