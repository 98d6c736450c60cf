# shellcheck shell=bash
# bench/lib/measure.sh: server processes, wrk runs and the results file, for bench/run.sh (sourced;
# it uses run.sh's settings: THREADS, WARMUP, DURATION, CONCURRENCIES, RESULTS, TMP_ROOT, BENCH_DIR).

# ---------------------------------------------------------------------------
# Processes, measurement and results
# ---------------------------------------------------------------------------
# start_server <log> <url to poll> <command...>: sets SERVER_PID once the URL answers.
start_server() {
  local logfile="$1" url="$2"; shift 2
  "$@" </dev/null >"$logfile" 2>&1 &
  SERVER_PID=$!
  PIDS+=("$SERVER_PID")
  local i
  for ((i = 0; i < 600; i++)); do      # up to about 2 minutes: the machine may be busy
    curl -s -o /dev/null --max-time 2 "$url" && return 0
    kill -0 "$SERVER_PID" 2>/dev/null || break
    sleep 0.2
  done
  tail -n 30 "$logfile" >&2
  warn "server did not come up: $*"
  return 1
}

stop_server() {
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
}

# Peak RSS per scenario: writing 5 to clear_refs resets VmHWM (Linux >= 4.0) before each run.
reset_peak() { echo 5 >"/proc/$SERVER_PID/clear_refs" 2>/dev/null || true; }
peak_rss_mb() { awk '/^VmHWM:/ {printf "%.0f", $2 / 1024}' "/proc/$SERVER_PID/status"; }
# Server CPU time (user + system, in clock ticks): CPU per request holds up when other load on the
# machine steals cores and requests/s does not.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$SERVER_PID/stat"; }
TICK_HZ=$(getconf CLK_TCK)

record() {  # record <target> <db> <scenario> <conc> <rps> <p50> <p99> <errors> <rss> <status> [cpu ms per request]
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$5" "$6" "$7" "$8" "$9" "${10}" "${11:--}" >>"$RESULTS"
}

# measure <target> <db> <scenario> <lua script> <url> [VAR=value ...]: warm up, then one bounded wrk
# run per concurrency; a row per run with requests/s, p50, p99, errors and the server's peak RSS.
measure() {
  local target="$1" db="$2" scenario="$3" script="$4" url="$5"; shift 5
  local conc out line concs
  read -r -a concs <<<"${RUN_CONCS:-${CONCURRENCIES[*]}}"   # a caller may narrow it with local RUN_CONCS
  if ((WARMUP)); then
    run_wrk "${concs[0]}" "$WARMUP" "$script" "$url" "$@" >/dev/null 2>&1 || true
  fi
  for conc in "${concs[@]}"; do
    reset_peak
    out="$TMP_ROOT/wrk-$target-$db-$scenario-$conc.txt"
    local ticks; ticks=$(cpu_ticks)
    line=$(run_until_answered "$conc" "$out" "$script" "$url" "$@")
    ticks=$(( $(cpu_ticks) - ticks ))
    if [[ -z "$line" ]]; then
      cat "$out" >&2
      record "$target" "$db" "$scenario" "$conc" - - - - "$(peak_rss_mb)" "failed: wrk gave no result"
      continue
    fi
    local rps p50 p99 non2xx socket requests cpu
    rps=$(field rps "$line"); p50=$(field p50_ms "$line"); p99=$(field p99_ms "$line")
    non2xx=$(field non2xx "$line"); socket=$(field socket "$line"); requests=$(field requests "$line")
    cpu=$(awk -v t="$ticks" -v hz="$TICK_HZ" -v n="$requests" 'BEGIN {printf "%.3f", n ? t * 1000 / hz / n : 0}')
    record "$target" "$db" "$scenario" "$conc" "$rps" "$p50" "$p99" "$((non2xx + socket))" "$(peak_rss_mb)" ok "$cpu"
    printf '    %-10s %-8s %-20s c=%-3s %10s req/s  p50 %8s ms  p99 %8s ms  errors %s  cpu %s ms/req\n' \
      "$target" "$db" "$scenario" "$conc" "$rps" "$p50" "$p99" "$((non2xx + socket))" "$cpu"
  done
}

# run_until_answered <connections> <output file> <script> <url> [VAR=value ...]: one wrk run; prints its
# RESULT line. Full runs measure one fixed window of DURATION seconds. A smoke run proves the harness
# works, not a speed: on a loaded machine a fixed 3 s window can end before a slow request (sign-up
# queues behind Argon2id) answers. So a smoke run lasts at least DURATION seconds and then until
# SMOKE_MIN_ANSWERS requests answered (the Lua scripts count them in a file, common.track), bounded by
# SMOKE_MAX_SECONDS; then wrk is interrupted, which makes it stop and report what it measured.
run_until_answered() {
  local conc="$1" out="$2"; shift 2
  if ((SMOKE == 0)); then
    run_wrk "$conc" "$DURATION" "$@" >"$out" 2>&1 || true
  else
    local progress="$out.answers" pid tenths=0
    : >"$progress"
    (exec_wrk "$conc" "$SMOKE_MAX_SECONDS" "$@" BENCH_PROGRESS="$progress") >"$out" 2>&1 &
    pid=$!
    while kill -0 "$pid" 2>/dev/null; do
      if ((tenths >= DURATION * 10 && $(stat -c %s "$progress") >= SMOKE_MIN_ANSWERS)); then
        kill -INT "$pid" 2>/dev/null || true
        break
      fi
      sleep 0.1
      tenths=$((tenths + 1))
    done
    wait "$pid" || true
    local answered; answered=$(stat -c %s "$progress")
    ((answered >= SMOKE_MIN_ANSWERS)) \
      || warn "$conc connections: only $answered answers in ${SMOKE_MAX_SECONDS}s (at least $SMOKE_MIN_ANSWERS wanted)"
  fi
  grep '^RESULT ' "$out" || true
}

field() { sed -n "s/.* $1=\([^ ]*\).*/\1/p" <<<" $2"; }

# run_wrk <connections> <seconds> <script> <url> [VAR=value ...]
run_wrk() { (exec_wrk "$@"); }

# exec_wrk: run_wrk, replacing the calling (sub)shell, so a caller that started it with & holds the pid of
# `timeout`, which passes an interrupt on to wrk.
exec_wrk() {
  local conc="$1" secs="$2" script="$3" url="$4"; shift 4
  # Sign-in queues behind Argon2id: a 10 s timeout keeps slow answers as latency, not socket errors.
  exec env BENCH_LUA="$BENCH_DIR/lua" BENCH_CONNECTIONS="$conc" "$@" \
    timeout -k 5 "$((secs + 30))" wrk -t"$THREADS" -c"$conc" -d"${secs}s" --timeout 10s \
      -s "$BENCH_DIR/lua/$script" "$url"
}

not_available() {  # not_available <target> <db> <scenario> <why>
  log "$3: $4"
  record "$1" "$2" "$3" - - - - - - "$4"
}

json_field() { /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)[sys.argv[1]])' "$1"; }
http_status() { curl -s -o /dev/null -w '%{http_code}' --max-time 10 "$@"; }

# Refresh tokens are single-use: every run takes fresh seeded ones, from TOKEN_OFFSET on.
per_thread_tokens() { echo $(( ($1 + THREADS - 1) / THREADS + 16 )); }
take_token_block() {  # sets BLOCK_OFFSET for a run at <conc> connections and advances TOKEN_OFFSET
  BLOCK_OFFSET="$TOKEN_OFFSET"
  TOKEN_OFFSET=$((TOKEN_OFFSET + $(per_thread_tokens "$1") * THREADS))
}

