# shellcheck shell=bash
# scripts/stages/faults.sh: faults lose nothing (issue 20). On SQLite and on PostgreSQL a real server takes
# sign-ups, sign-ins, refreshes and admin writes from tests/cluster/faults.py, is killed with SIGKILL in the
# middle and restarted on the same data; the driver then counts acknowledged writes, those present after the
# restart, those lost (must be 0) and refresh families spent twice (must be 0). Then PostgreSQL itself is
# stopped under load for FAULTS_OUTAGE_SECONDS: every surface must answer 503 in its own error shape, nothing
# may hang, and service must resume by itself. Sourced by scripts/test.sh; uses its settings and bookkeeping
# (log, warn, add_counts, stage_problem, run_bounded, free_port, pg_start, pg_stop, as_postgres, TMP_ROOT,
# RESULTS_DIR, CONFIGURATION, PG_BIN, PY).

FAULTS_LOAD_SECONDS="${FAULTS_LOAD_SECONDS:-4}"      # load per kill round before the SIGKILL (after a warm-up)
FAULTS_OUTAGE_SECONDS="${FAULTS_OUTAGE_SECONDS:-30}" # how long PostgreSQL stays stopped (bounded to 5..60 s)

# faults_start <db> <port> [extra args...]: a Release server in the background, its pid in FAULTS_PID.
# The refresh grace period is 0 so that "a spent token is refused" is exact (decision 44's retry window stays).
faults_start() {
  local db="$1" port="$2"; shift 2
  local dll="src/Latchkey.Server/bin/$CONFIGURATION/net10.0/Latchkey.Server.dll" database
  if [[ "$db" == sqlite ]]; then database=(--Latchkey:Database:Provider=sqlite "--Latchkey:Database:SqlitePath=$TMP_ROOT/faults/latchkey.db")
  else database=(--Latchkey:Database:Provider=postgres "--ConnectionStrings:Latchkey=Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=lk_faults"); fi
  # In a subshell of its own, so the shell that reaps the SIGKILLed process (and says "Killed") is that one,
  # writing to the server's log.
  (
    dotnet "$dll" --urls "http://127.0.0.1:$port" "${database[@]}" \
      --Latchkey:PublicUrl=http://latchkey.faults.test --Latchkey:Email:OutboxPath="$TMP_ROOT/faults/outbox" \
      --Latchkey:Admin:Email="$FAULTS_ADMIN" --Latchkey:Admin:Password="$FAULTS_PASSWORD" \
      --Latchkey:Passwords:Hashing:Iterations=1 --Latchkey:Passwords:Hashing:MemoryKiB=1024 \
      --Latchkey:RateLimits:Enabled=false --Latchkey:Sessions:RefreshGracePeriod=00:00:00 \
      --Logging:Console:FormatterName=simple --Logging:LogLevel:Default=Warning "$@" </dev/null &
    echo $! >"$TMP_ROOT/faults/server.pid"
    wait $!
  ) >>"$RESULTS_DIR/faults-$db.log" 2>&1 &
  FAULTS_WRAPPER=$!
  while [[ ! -s "$TMP_ROOT/faults/server.pid" ]]; do sleep 0.05; done
  FAULTS_PID=$(cat "$TMP_ROOT/faults/server.pid"); rm -f "$TMP_ROOT/faults/server.pid"
  local i
  for ((i = 0; i < 240; i++)); do   # up to 2 minutes: a start on a busy machine is slow
    curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && return 0
    kill -0 "$FAULTS_PID" 2>/dev/null || break
    sleep 0.5
  done
  tail -n 30 "$RESULTS_DIR/faults-$db.log" >&2
  return 1
}

faults_stop() {
  # Under the stage's set -e: a server that is already gone is not a failure.
  [[ -n "${FAULTS_PID:-}" ]] && { kill "$FAULTS_PID" 2>/dev/null || true; }
  [[ -n "${FAULTS_WRAPPER:-}" ]] && { wait "$FAULTS_WRAPPER" 2>/dev/null || true; }
  FAULTS_PID="" FAULTS_WRAPPER=""
  return 0
}

# faults_report <label> <output file> <server log> <seconds>: the driver's PASS/FAIL lines, the stage's own
# "FAIL stage:" lines, and one failure when the server logged an error (a 503 is a warning; an error line means something went unhandled).
faults_report() {
  local label="$1" out="$2" log="$3" secs="$4" p f errors
  cat "$out"
  p=$(awk '/^[0-9]+ passed, [0-9]+ failed$/{print $1}' "$out"); f=$(awk '/^[0-9]+ passed, [0-9]+ failed$/{print $3}' "$out")
  f=$(( ${f:-0} + $(grep -c '^FAIL stage:' "$out" || true) ))
  # Entries start with the level, after a timestamp when the format has one.
  errors=$(grep -c -E '^([0-9TZ:.-]+ )?(fail|crit):' "$log" 2>/dev/null || true)
  if ((${errors:-0} > 0)); then
    grep -A3 -E '^([0-9TZ:.-]+ )?(fail|crit):' "$log" | head -n 20 || true
    f=$(( ${f:-0} + 1 )); echo "FAIL server log: $errors error entries"
  fi
  add_counts "${p:-0}" "${f:-0}" "$label" "$secs"
  if ((${p:-0} + ${f:-0} == 0)); then stage_problem "$label: no check ran"; fi
}

# faults_kill_round <db>: load, SIGKILL in the middle of it, restart on the same data, verify. The restarted
# server stays up (on FAULTS_PORT) for the next round.
faults_kill_round() {
  local db="$1" journal="$TMP_ROOT/faults/journal-$1.json" out="$RESULTS_DIR/faults-kill-$1.txt" t0
  t0=$(date +%s)
  FAULTS_PORT=$(free_port); local port="$FAULTS_PORT"
  faults_start "$db" "$port" || { stage_problem "$db: the server did not start"; return 0; }
  log "$db: load, SIGKILL after ${FAULTS_LOAD_SECONDS}s of it (the driver sends it), restart"
  run_bounded 90 "$PY" tests/cluster/faults.py load "http://127.0.0.1:$port" "$journal" "$FAULTS_LOAD_SECONDS" \
    "$FAULTS_PID" "$FAULTS_ADMIN" "$FAULTS_PASSWORD" >"$out" 2>&1 || true
  if kill -0 "$FAULTS_PID" 2>/dev/null; then
    echo "FAIL stage: the driver did not kill the server" >>"$out"; kill -KILL "$FAULTS_PID"
  fi
  wait "$FAULTS_WRAPPER" 2>/dev/null || true
  faults_start "$db" "$port" || { cat "$out"; stage_problem "$db: the server did not restart after SIGKILL"; return 0; }
  run_bounded 60 "$PY" tests/cluster/faults.py verify "http://127.0.0.1:$port" "$journal" \
    "$FAULTS_ADMIN" "$FAULTS_PASSWORD" >>"$out" 2>&1 || true
  faults_report "sigkill-$db" "$out" "$RESULTS_DIR/faults-$db.log" "$(( $(date +%s) - t0 ))"
}

# faults_outage_round: PostgreSQL stopped (fast shutdown, which ends every connection) and started again on
# the same port under load, with the server the PostgreSQL kill round left running; the driver follows the
# phases through a file.
faults_outage_round() {
  local port="$FAULTS_PORT" phase="$TMP_ROOT/faults/phase" out="$RESULTS_DIR/faults-outage.txt" driver seconds t0
  seconds=$(( FAULTS_OUTAGE_SECONDS < 5 ? 5 : FAULTS_OUTAGE_SECONDS > 60 ? 60 : FAULTS_OUTAGE_SECONDS ))
  t0=$(date +%s)
  kill -0 "${FAULTS_PID:-0}" 2>/dev/null || { stage_problem "outage: no server running"; return 0; }
  echo up >"$phase"
  run_bounded $((seconds + 60)) "$PY" tests/cluster/faults.py outage "http://127.0.0.1:$port" "$phase" \
    "$FAULTS_ADMIN" "$FAULTS_PASSWORD" >"$out" 2>&1 &
  driver=$!
  local i
  for ((i = 0; i < 240; i++)); do grep -q '^load running' "$out" 2>/dev/null && break; sleep 0.25; done
  sleep 2
  log "PostgreSQL stopped for ${seconds}s under load"
  # "down" once it is stopped: requests that overlap the stopping count for no phase.
  echo stopping >"$phase"
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -m fast -w -t 30 stop >/dev/null
  echo down >"$phase"
  sleep "$seconds"
  as_postgres "$PG_BIN/pg_ctl" -D "$PG_DATA" -l "$TMP_ROOT/faults/pg/server.log" -o "-p $PG_PORT" -w -t 60 start >/dev/null
  echo back >"$phase"
  # Some seconds of load beyond the first ready answer show that service resumed and stays up.
  for ((i = 0; i < 120; i++)); do curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break; sleep 0.25; done
  sleep 4
  echo done >"$phase"
  wait "$driver" || true
  kill -0 "$FAULTS_PID" 2>/dev/null || echo "FAIL stage: the server died during the outage" >>"$out"
  faults_stop
  faults_report "postgres-outage" "$out" "$RESULTS_DIR/faults-postgres.log" "$(( $(date +%s) - t0 ))"
}

stage_faults() {
  FAULTS_ADMIN="admin@latchkey.test" FAULTS_PASSWORD="faults-Stage-Admin-61-ember" FAULTS_PID="" FAULTS_WRAPPER="" FAULTS_PORT=""
  rm -rf "$TMP_ROOT/faults"; mkdir -p "$TMP_ROOT/faults"; chmod 755 "$TMP_ROOT/faults"
  : >"$RESULTS_DIR/faults-sqlite.log"; : >"$RESULTS_DIR/faults-postgres.log"
  # A cluster of its own, so stopping it disturbs nothing else (this runs in the stage's subshell).
  pg_start "$TMP_ROOT/faults/pg" || { stage_problem "could not start the stage's PostgreSQL"; return 0; }
  trap 'faults_stop; pg_stop' EXIT
  "$PG_BIN/psql" -h 127.0.0.1 -p "$PG_PORT" -U postgres -q -c "CREATE DATABASE lk_faults" \
    || { stage_problem "could not create the faults database"; return 0; }
  faults_kill_round sqlite
  faults_stop
  faults_kill_round postgres
  faults_outage_round
  faults_stop
}
