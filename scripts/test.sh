#!/usr/bin/env bash
# shellcheck disable=SC2317  # stages and traps are called indirectly
# scripts/test.sh: the one test command for Latchkey, locally and in CI.
#
#   scripts/test.sh                      build once, then run every test stage
#   scripts/test.sh --filter <expr>      pass --filter <expr> to every `dotnet test`
#   scripts/test.sh --skip-build         reuse the last Release build
#
# What it does, in order:
#   1. installs what is missing (apt), so a fresh CI machine works;
#   2. builds Latchkey.slnx once in Release (a failed build stops here);
#   3. starts a private, throwaway PostgreSQL cluster and an SMTP sink that
#      writes a Maildir, both on free loopback ports, and exports
#      LATCHKEY_TEST_PG, LATCHKEY_TEST_SMTP_HOST, LATCHKEY_TEST_SMTP_PORT and
#      LATCHKEY_TEST_MAILDIR for the tests;
#   4. runs every stage in STAGES, keeps going when one fails, and counts;
#   5. prints a per-stage summary and, as the very last line,
#      "N passed, N failed" (CI reads that line). Exit is non-zero if any
#      test failed, a stage crashed, or no test ran at all.
#
# Adding a stage (e.g. browser tests, node client tests):
#   - write a function stage_<name> below; it runs in a subshell with
#     `set -e`, sees the LATCHKEY_TEST_* variables, and reports its results
#     with `add_counts <passed> <failed> [label] [seconds]`;
#   - append <name> to STAGES;
#   - add the Debian packages it needs to APT_PACKAGES (installed only when
#     missing), and if it needs a one-time setup in this shell (npm ci, ...),
#     a function prepare_<name>, which runs before the build.
set -euo pipefail

SELF="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/$(basename "${BASH_SOURCE[0]}")"
REPO_ROOT="$(dirname "$(dirname "$SELF")")"
cd "$REPO_ROOT"

# ---------------------------------------------------------------------------
# Configuration
# ---------------------------------------------------------------------------
SOLUTION="Latchkey.slnx"
CONFIGURATION="Release"

# Test stages, run in this order.
STAGES=(dotnet node nhost bench)

# Node packages the tests run as local upstream servers (oidc-provider for
# social sign-in); installed with `npm ci` when node_modules is missing.
NPM_PROJECTS=(tests/upstreams)

# Test projects (by directory name under tests/) that exercise storage: they
# run twice, once per database, selected by LATCHKEY_TEST_DB.
STORAGE_SUITES=(Latchkey.Api.Tests)
STORAGE_DBS=(sqlite postgres)

# Debian packages the tests need. Only the missing ones are installed.
# chromium: the browser tests (tests/Latchkey.Browser.Tests) drive Debian's build through
# Playwright; no browser is ever downloaded. They run once, on SQLite, as a non-storage suite.
# python3-yaml: the Nhost spec walker reads the OpenAPI YAML through it.
APT_PACKAGES=(python3-aiosmtpd python3-yaml nodejs curl wrk chromium)

PG_BIN="/usr/lib/postgresql/15/bin"
PG_APT_PACKAGE="postgresql-15"

# The system python, not a pyenv shim: python3-aiosmtpd installs into it.
PY="/usr/bin/python3"

# Backstops so a hung suite cannot eat CI's time: a single test hanging this
# long is reported by name (VSTest blame), a whole suite is killed after
# SUITE_TIMEOUT. Normal runs are far below both.
HANG_TIMEOUT="${LATCHKEY_TEST_HANG_TIMEOUT:-5m}"
SUITE_TIMEOUT="${LATCHKEY_TEST_SUITE_TIMEOUT:-600}"

# Results go where `dotnet test` puts them anyway (git-ignored), in a
# folder of our own that is cleared each run so no stale .trx is counted.
RESULTS_DIR="$REPO_ROOT/TestResults/test.sh"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
# No MSBuild worker nodes left running after the build (they would outlive CI).
export MSBUILDDISABLENODEREUSE=1

# ---------------------------------------------------------------------------
# Arguments
# ---------------------------------------------------------------------------
FILTER=""
SKIP_BUILD=0
usage() { sed -n '3,8p' "$SELF" | sed 's/^# \{0,1\}//'; }
while (($#)); do
  case "$1" in
    --filter)     [[ $# -ge 2 ]] || { echo "test.sh: --filter needs a value" >&2; exit 2; }
                  FILTER="$2"; shift 2 ;;
    --filter=*)   FILTER="${1#--filter=}"; shift ;;
    --skip-build) SKIP_BUILD=1; shift ;;
    -h|--help)    usage; exit 0 ;;
    *)            echo "test.sh: unknown argument: $1" >&2; usage >&2; exit 2 ;;
  esac
done

# ---------------------------------------------------------------------------
# Bookkeeping. Stages run in subshells, so they report through files in
# STATE_DIR rather than variables.
# ---------------------------------------------------------------------------
TMP_ROOT="$(mktemp -d -t latchkey-test.XXXXXX)"
chmod 755 "$TMP_ROOT"                    # the postgres user must reach pg/ inside
STATE_DIR="$TMP_ROOT/state"; mkdir -p "$STATE_DIR"
COUNTS_FILE="$STATE_DIR/counts"          # stage<TAB>label<TAB>passed<TAB>failed<TAB>seconds
PROBLEMS_FILE="$STATE_DIR/problems"      # one line per crash / missing result
: >"$COUNTS_FILE"; : >"$PROBLEMS_FILE"

SUMMARY=()            # lines of the final summary, filled as stages end
FINAL_PRINTED=0
SMTP_PID="" STAGE_PID="" STOPPED=0
CURRENT_STAGE="setup"

log()  { printf '==> %s\n' "$*"; }
warn() { printf 'test.sh: %s\n' "$*" >&2; }
now()  { date +%s; }

# The private PostgreSQL cluster (pg_start/pg_stop, free_port, port_open), shared with bench/run.sh.
# shellcheck source=scripts/lib/postgres.sh
source "$REPO_ROOT/scripts/lib/postgres.sh"

# add_counts <passed> <failed> [label] [seconds]
# For stages that count their own results (node test runner, browser tests).
add_counts() {
  local passed="$1" failed="$2" label="${3:-$CURRENT_STAGE}" secs="${4:-}"
  [[ "$passed" =~ ^[0-9]+$ && "$failed" =~ ^[0-9]+$ ]] \
    || { stage_problem "add_counts got non-numeric counts: '$passed' '$failed'"; return 0; }
  printf '%s\t%s\t%s\t%s\t%s\n' "$CURRENT_STAGE" "$label" "$passed" "$failed" "$secs" >>"$COUNTS_FILE"
}

# stage_problem <message>: something went wrong that no test count shows
# (crash, missing results). Each one counts as one failure in the totals.
stage_problem() {
  printf '%s: %s\n' "$CURRENT_STAGE" "$*" >>"$PROBLEMS_FILE"
  warn "$CURRENT_STAGE: $*"
}

totals() {  # prints "<passed> <failed>" over all counts, problems added to failed
  local p f problems
  read -r p f < <(awk -F'\t' '{p+=$3; f+=$4} END {print p+0, f+0}' "$COUNTS_FILE")
  problems=$(wc -l <"$PROBLEMS_FILE")
  echo "$p $((f + problems))"
}

# ---------------------------------------------------------------------------
# Cleanup: always stop what we started and remove the temp dir, whether the
# run succeeds, fails early, or is interrupted.
# ---------------------------------------------------------------------------
stop_services() {
  ((STOPPED == 0)) || return 0
  STOPPED=1
  if [[ -n "$SMTP_PID" ]]; then
    kill "$SMTP_PID" 2>/dev/null || true
    wait "$SMTP_PID" 2>/dev/null || true
    SMTP_PID=""
  fi
  pg_stop
  if [[ "${CI:-}" == "true" ]]; then
    # The compiler server would outlive the CI run.
    dotnet build-server shutdown >/dev/null 2>&1 || true
  fi
}

# stop_stage: when we are interrupted while a stage runs, TERM it (its
# run_bounded passes that on to the whole test process tree) and give it a
# bounded time to go.
stop_stage() {
  [[ -n "$STAGE_PID" ]] || return 0
  if kill -0 "$STAGE_PID" 2>/dev/null; then
    kill -TERM "$STAGE_PID" 2>/dev/null
    local i
    for ((i = 0; i < 150; i++)); do kill -0 "$STAGE_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL "$STAGE_PID" 2>/dev/null
    wait "$STAGE_PID" 2>/dev/null
  fi
  STAGE_PID=""
}

on_exit() {
  local rc=$?
  set +e
  stop_stage
  if ((FINAL_PRINTED == 0)); then
    # We are leaving early (setup failure, interruption, unexpected error):
    # still end with the totals line, with the abort counted as a failure.
    warn "aborted during '$CURRENT_STAGE' (exit $rc)"
    local p=0 f=0
    read -r p f < <(totals)
    stop_services
    rm -rf "$TMP_ROOT"
    echo "$p passed, $((f + 1)) failed"
    ((rc != 0)) || rc=1
  else
    stop_services       # normally already done: a no-op
    rm -rf "$TMP_ROOT"
  fi
  exit "$rc"
}
trap on_exit EXIT
# Without these, bash dies on INT/TERM without running the EXIT trap.
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------
# Install what is missing
# ---------------------------------------------------------------------------
apt_installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q 'install ok installed'; }

install_requirements() {
  local missing=() pkg
  for pkg in "${APT_PACKAGES[@]}"; do apt_installed "$pkg" || missing+=("$pkg"); done
  if [[ ! -x "$PG_BIN/initdb" ]]; then
    missing+=("$PG_APT_PACKAGE")
    # Stop Debian's package from creating (and starting) its own "main"
    # cluster on 5432: we only want the binaries.
    if [[ $EUID -eq 0 ]]; then
      mkdir -p /etc/postgresql-common/createcluster.d
      echo "create_main_cluster = false" >/etc/postgresql-common/createcluster.d/latchkey-no-main.conf
    fi
  fi
  ((${#missing[@]})) || return 0

  log "installing: ${missing[*]}"
  local sudo=()
  if [[ $EUID -ne 0 ]]; then
    command -v sudo >/dev/null || { warn "not root and no sudo; please install: ${missing[*]}"; return 1; }
    sudo=(sudo)
  fi
  local aptlog="$TMP_ROOT/apt.log"
  export DEBIAN_FRONTEND=noninteractive
  if ! { "${sudo[@]}" apt-get update -qq && \
         "${sudo[@]}" apt-get install -y -qq --no-install-recommends -o Dpkg::Use-Pty=0 "${missing[@]}"; } \
       </dev/null >"$aptlog" 2>&1; then
    tail -n 30 "$aptlog" >&2
    warn "apt-get install failed"
    return 1
  fi
}

# ---------------------------------------------------------------------------
# Services
# ---------------------------------------------------------------------------
start_postgres() { pg_start "$TMP_ROOT/pg"; }

start_smtp() {
  MAILDIR="$TMP_ROOT/maildir"
  mkdir -p "$MAILDIR"/{cur,new,tmp}     # Maildir layout the Mailbox handler writes
  local attempt port i
  for attempt in 1 2 3; do
    port=$(free_port)
    # -n: do not setuid to nobody (it would fail as a normal user, and as
    # root it could not write our Maildir).
    "$PY" -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$MAILDIR" \
      </dev/null >"$TMP_ROOT/smtp.log" 2>&1 &
    SMTP_PID=$!
    for ((i = 0; i < 100; i++)); do      # up to ~10 s
      if port_open "$port"; then
        SMTP_PORT="$port"
        log "SMTP sink on 127.0.0.1:$SMTP_PORT (Maildir $MAILDIR)"
        return 0
      fi
      kill -0 "$SMTP_PID" 2>/dev/null || break   # it died (port taken?)
      sleep 0.1
    done
    warn "SMTP sink did not come up on port $port (attempt $attempt)"
    cat "$TMP_ROOT/smtp.log" >&2 || true
    kill "$SMTP_PID" 2>/dev/null || true; wait "$SMTP_PID" 2>/dev/null || true
    SMTP_PID=""
  done
  return 1
}

# ---------------------------------------------------------------------------
# .NET helpers
# ---------------------------------------------------------------------------

# trx_counts <file.trx>: prints "<passed> <failed> <total>".
# Failed includes errors, timeouts and aborts; a run the trx itself marks as
# aborted with no failing test still counts one failure.
trx_counts() {
  "$PY" - "$1" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
c = next((e for e in root.iter() if e.tag.endswith("}Counters") or e.tag == "Counters"), None)
if c is None:
    sys.exit("no <Counters> element in " + sys.argv[1])
n = lambda k: int(c.get(k, "0"))
failed = n("failed") + n("error") + n("timeout") + n("aborted")
summary = next((e for e in root.iter() if e.tag.endswith("}ResultSummary")), None)
if summary is not None and summary.get("outcome") == "Aborted" and failed == 0:
    failed = 1
print(n("passed"), failed, n("total"))
PY
}

# run_bounded <seconds> <command...>: for any long-running command in a stage.
# `timeout` puts the command in a process group of its own and, on a timeout
# or when it is itself sent TERM, signals that whole group, so grandchildren
# (dotnet test -> vstest.console -> testhost) die too instead of lingering.
# Returns the command's status (124 on timeout, 137 if it had to be killed).
run_bounded() {
  local secs="$1"; shift
  timeout -k 30 "$secs" "$@" </dev/null &
  local pid=$!
  # If this stage is told to stop, pass it on, wait for the group, and go.
  # shellcheck disable=SC2064  # expand $pid now
  trap "kill -TERM $pid 2>/dev/null; wait $pid; exit 143" TERM INT
  local rc=0
  wait "$pid" || rc=$?
  trap - TERM INT
  return "$rc"
}

# run_dotnet_test <project.csproj> <label> [VAR=value ...]
run_dotnet_test() {
  local proj="$1" label="$2"; shift 2
  local trx="$RESULTS_DIR/$label.trx" start rc=0 passed failed
  local args=(test "$proj" -c "$CONFIGURATION" --no-build
              --logger "trx;LogFileName=$label.trx" --results-directory "$RESULTS_DIR"
              --blame-hang-timeout "$HANG_TIMEOUT" --blame-hang-dump-type none)
  [[ -n "$FILTER" ]] && args+=(--filter "$FILTER")

  log "dotnet test: $label${*:+ ($*)}"
  start=$(now)
  run_bounded "$SUITE_TIMEOUT" env "$@" dotnet "${args[@]}" || rc=$?
  local secs=$(( $(now) - start ))

  if ((rc == 124 || rc == 137)); then
    stage_problem "$label: timed out after ${SUITE_TIMEOUT}s and was killed"
    [[ -f "$trx" ]] || return 0
  elif [[ ! -f "$trx" ]]; then
    stage_problem "$label: no results file (dotnet test exit $rc)"
    return 0
  fi
  local total
  read -r passed failed total < <(trx_counts "$trx") \
    || { stage_problem "$label: unreadable $trx"; return 0; }
  # Not a failure (a filter may match nothing), but worth seeing.
  if ((total == 0)) && [[ -z "$FILTER" ]]; then warn "$label: no tests found"; fi
  add_counts "$passed" "$failed" "$label" "$secs"
  if ((rc != 0 && rc != 124 && rc != 137 && failed == 0)); then
    # dotnet test failed yet no test did: the test host crashed or similar.
    stage_problem "$label: dotnet test exit $rc with no failed test"
  fi
}

is_storage_suite() {
  local s; for s in "${STORAGE_SUITES[@]}"; do [[ "$s" == "$1" ]] && return 0; done; return 1
}

# ---------------------------------------------------------------------------
# Stages: stage_<name> runs in a subshell with `set -e`; report with add_counts.
# ---------------------------------------------------------------------------

# The .NET suites start node upstream servers (tests/upstreams): install their
# locked packages once, before the build.
prepare_dotnet() {
  local dir
  command -v node >/dev/null && command -v npm >/dev/null \
    || { warn "node and npm are required (Debian packages nodejs, npm)"; return 1; }
  for dir in "${NPM_PROJECTS[@]}"; do
    [[ -d "$dir/node_modules" ]] && continue
    log "npm ci --prefix $dir"
    npm ci --prefix "$dir" --no-audit --no-fund --loglevel=error </dev/null
  done
}

# Every tests/*.Tests project; storage suites once per database.
stage_dotnet() {
  local proj name db found=0
  for proj in tests/*.Tests/*.csproj; do
    [[ -f "$proj" ]] || continue
    found=1
    name="$(basename "$(dirname "$proj")")"
    if is_storage_suite "$name"; then
      for db in "${STORAGE_DBS[@]}"; do
        run_dotnet_test "$proj" "$name-$db" "LATCHKEY_TEST_DB=$db"
      done
    else
      run_dotnet_test "$proj" "$name"
    fi
  done
  ((found)) || stage_problem "no test projects under tests/*.Tests/"
}

# npm packages of the node client tests, exactly as package-lock.json pins them.
prepare_node() {
  command -v node >/dev/null && command -v npm >/dev/null \
    || { warn "node and npm are needed for the node stage"; return 1; }
  log "npm ci (tests/clients)"
  npm ci --prefix tests/clients --no-audit --no-fund --loglevel=error </dev/null >"$TMP_ROOT/npm.log" 2>&1 \
    || { cat "$TMP_ROOT/npm.log" >&2; warn "npm ci failed"; return 1; }
}

# The node client tests (openid-client) against the Release server, started here on a free
# loopback port with a throwaway SQLite database, a bootstrap admin and open client registration.
stage_node() {
  local dir="$TMP_ROOT/node-server" port pid="" rc=0 i
  local out="$RESULTS_DIR/node.txt" log="$RESULTS_DIR/node-server.log"
  local dll="src/Latchkey.Server/bin/$CONFIGURATION/net10.0/Latchkey.Server.dll"
  local admin_email="admin@latchkey.test" admin_password="node-Client-Tests-58-amber"
  mkdir -p "$dir"
  port=$(free_port)
  dotnet "$dll" --urls "http://127.0.0.1:$port" \
    --Latchkey:Database:Provider=sqlite --Latchkey:Database:SqlitePath="$dir/latchkey.db" \
    --Latchkey:Email:OutboxPath="$dir/outbox" \
    --Latchkey:Admin:Email="$admin_email" --Latchkey:Admin:Password="$admin_password" \
    --Latchkey:OAuth:Registration=open --Latchkey:RateLimits:Enabled=false \
    --Logging:Console:FormatterName=simple --Logging:LogLevel:Default=Warning \
    </dev/null >"$log" 2>&1 &
  pid=$!
  # shellcheck disable=SC2064  # expand $pid now
  trap "kill $pid 2>/dev/null; wait $pid 2>/dev/null" EXIT
  for ((i = 0; i < 120; i++)); do
    curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1 && break
    kill -0 "$pid" 2>/dev/null || break
    sleep 0.5
  done
  if ! curl -sf "http://127.0.0.1:$port/health/ready" >/dev/null 2>&1; then
    tail -n 40 "$log" >&2
    stage_problem "the Latchkey server did not start for the node tests"
    return 0
  fi

  run_bounded 600 env LATCHKEY_URL="http://127.0.0.1:$port" \
    LATCHKEY_ADMIN_EMAIL="$admin_email" LATCHKEY_ADMIN_PASSWORD="$admin_password" \
    npm --prefix tests/clients test >"$out" 2>&1 || rc=$?
  cat "$out"
  # node --test ends with "# pass N" and "# fail N" lines.
  local p f
  p=$(awk '/^# pass /{print $3}' "$out"); f=$(awk '/^# fail /{print $3}' "$out")
  add_counts "${p:-0}" "${f:-0}" "node-openid-client"
  if ((rc != 0 && ${f:-0} == 0)); then stage_problem "npm test exit $rc"; fi
  if ((${p:-0} + ${f:-0} == 0)); then stage_problem "no node test ran"; fi
}

# Node tests with the real @nhost/nhost-js SDK (tests/clients/nhost) against
# the Release server, started here on a free port with a throwaway SQLite DB.
NHOST_CLIENT_DIR="tests/clients/nhost"

prepare_nhost() {
  # Node 20+ and npm come with the machine image (Debian's own nodejs is too old for nhost-js 4).
  command -v npm >/dev/null || { warn "npm not found: install Node.js 20+ with npm"; return 1; }
  log "npm ci ($NHOST_CLIENT_DIR)"
  run_bounded 300 npm ci --prefix "$NHOST_CLIENT_DIR" --no-audit --no-fund >"$TMP_ROOT/npm-ci.log" 2>&1 \
    || { tail -n 30 "$TMP_ROOT/npm-ci.log" >&2; warn "npm ci failed"; return 1; }
}

# start_server <dir> <extra settings...>: starts the Release server, prints its base URL,
# leaves its pid in <dir>/pid.
start_server() {
  local dir="$1"; shift
  local dll="src/Latchkey.Server/bin/$CONFIGURATION/net10.0/Latchkey.Server.dll" attempt port i
  for attempt in 1 2 3; do
    port=$(free_port)
    dotnet "$dll" --urls "http://127.0.0.1:$port" \
      --Latchkey:PublicUrl="http://127.0.0.1:$port" \
      --Latchkey:Database:Provider=sqlite --Latchkey:Database:SqlitePath="$dir/latchkey.db" \
      --Latchkey:Email:OutboxPath="$dir/outbox" "$@" </dev/null >"$dir/server.log" 2>&1 &
    echo $! >"$dir/pid"
    for ((i = 0; i < 300; i++)); do          # up to ~30 s (migrations, key generation)
      if port_open "$port"; then echo "http://127.0.0.1:$port"; return 0; fi
      kill -0 "$(cat "$dir/pid")" 2>/dev/null || break
      sleep 0.1
    done
    warn "server did not come up on port $port (attempt $attempt)"
    tail -n 20 "$dir/server.log" >&2 || true
    kill "$(cat "$dir/pid")" 2>/dev/null || true
  done
  return 1
}

stage_nhost() {
  local dir="$TMP_ROOT/nhost" url rc=0 out="$RESULTS_DIR/nhost.txt"
  mkdir -p "$dir"
  # Guests on (the SDK tests sign in anonymously); rate limits off: the
  # tests make more sign-ins from one address than the limits allow. "google"'s
  # ID-token keys come from a JWKS the id-token test serves on a port chosen here.
  local jwks_port google_client="latchkey-nhost-sdk" social_redirect="https://app.example/nhost-sdk"
  jwks_port=$(free_port)
  url=$(start_server "$dir" --Latchkey:Users:AnonymousSignInEnabled=true --Latchkey:RateLimits:Enabled=false \
    --Latchkey:Social:Providers:google:ClientId="$google_client" \
    --Latchkey:Social:Providers:google:JwksUri="http://127.0.0.1:$jwks_port/jwks" \
    --Latchkey:Social:AllowedRedirectUrls:0="$social_redirect")
  local server_pid; server_pid=$(cat "$dir/pid")
  # shellcheck disable=SC2064  # expand the pid now: the server must not outlive this stage
  trap "kill $server_pid 2>/dev/null || true" EXIT
  log "nhost-js tests against $url"
  LATCHKEY_NHOST_URL="$url" LATCHKEY_NHOST_OUTBOX="$dir/outbox" LATCHKEY_NHOST_JWKS_PORT="$jwks_port" \
    LATCHKEY_NHOST_GOOGLE_CLIENT_ID="$google_client" LATCHKEY_NHOST_SOCIAL_REDIRECT="$social_redirect" run_bounded 300 npm --prefix "$NHOST_CLIENT_DIR" test >"$out" 2>&1 || rc=$?
  kill "$server_pid" 2>/dev/null || true
  grep -E '^(not )?ok |^# (pass|fail) ' "$out" || true
  local p f
  p=$(awk '/^# pass /{print $3}' "$out"); f=$(awk '/^# fail /{print $3}' "$out")
  if [[ -z "$p" ]]; then cat "$out"; tail -n 30 "$dir/server.log"; stage_problem "node --test printed no counts (exit $rc)"; return 0; fi
  if ((f > 0)); then grep -A 20 '^not ok' "$out" | head -n 80; tail -n 30 "$dir/server.log"; fi
  add_counts "$p" "$f" "nhost-js"
  if ((rc != 0 && f == 0)); then stage_problem "npm test exit $rc with no failed test"; fi
}

# bench/run.sh --smoke: every benchmark scenario (Latchkey on SQLite and PostgreSQL, the peers, the raw
# limits) for a few seconds on a tiny seed, so the harness cannot rot. One count per scenario that
# completed with zero errors; the figures themselves are not judged here.
stage_bench() {
  local out="$RESULTS_DIR/bench-smoke.txt" rc=0 verdict name
  run_bounded 600 bash bench/run.sh --smoke --skip-build >"$out" 2>&1 || rc=$?
  while read -r _ verdict name; do
    if [[ "$verdict" == PASS ]]; then add_counts 1 0 "bench $name"; else add_counts 0 1 "bench $name"; fi
  done < <(grep -E '^SMOKE (PASS|FAIL) ' "$out" | sed 's/ (.*//')
  if ! grep -q '^SMOKE ' "$out"; then
    tail -n 40 "$out" >&2
    stage_problem "bench/run.sh --smoke reported no scenario (exit $rc)"
  elif ((rc != 0)) && ! grep -q '^SMOKE FAIL' "$out"; then
    tail -n 40 "$out" >&2
    stage_problem "bench/run.sh --smoke exit $rc with no failed scenario"
  fi
}

# run_stage <name>: runs stage_<name> in a subshell, times it, records result.
# The subshell runs in the background and we `wait` for it, because bash runs
# our INT/TERM traps during a `wait` but only after a foreground child ends.
run_stage() {
  local name="$1" start rc=0 secs status
  CURRENT_STAGE="$name"
  local before_problems; before_problems=$(wc -l <"$PROBLEMS_FILE")
  log "stage $name"
  start=$(now)
  ( set -e; "stage_$name" ) </dev/null &
  STAGE_PID=$!
  wait "$STAGE_PID" || rc=$?
  STAGE_PID=""
  secs=$(( $(now) - start ))
  ((rc == 0)) || stage_problem "stage exited with status $rc"

  local failed; failed=$(awk -F'\t' -v s="$name" '$1 == s {f += $4} END {print f+0}' "$COUNTS_FILE")
  if (( $(wc -l <"$PROBLEMS_FILE") > before_problems )); then status="CRASHED"
  elif ((failed > 0)); then status="FAILED"
  else status="ok"; fi
  SUMMARY+=("$(printf 'stage %-30s %-8s %5ss' "$name" "$status" "$secs")")
  while IFS=$'\t' read -r stage label p f s; do
    [[ "$stage" == "$name" ]] || continue
    SUMMARY+=("$(printf '      %-30s %5s passed, %3s failed' "$label" "$p" "$f")${s:+$(printf ' %5ss' "$s")}")
  done <"$COUNTS_FILE"
  log "stage $name: $status in ${secs}s"
}

# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------
T0=$(now)

CURRENT_STAGE="install"
t=$(now); install_requirements
for s in "${STAGES[@]}"; do
  if declare -F "prepare_$s" >/dev/null; then CURRENT_STAGE="prepare_$s"; "prepare_$s"; fi
done
SUMMARY+=("$(printf 'setup %-30s %-8s %5ss' "install" "ok" "$(( $(now) - t ))")")

CURRENT_STAGE="build"
if ((SKIP_BUILD)); then
  log "build skipped (--skip-build)"
else
  log "dotnet build $SOLUTION -c $CONFIGURATION"
  t=$(now)
  # Fails fast: on a failed build the EXIT trap reports it as a failure.
  dotnet build "$SOLUTION" -c "$CONFIGURATION" -nodeReuse:false </dev/null
  SUMMARY+=("$(printf 'setup %-30s %-8s %5ss' "build" "ok" "$(( $(now) - t ))")")
fi

CURRENT_STAGE="services"
t=$(now)
start_postgres
start_smtp
export LATCHKEY_TEST_PG="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
export LATCHKEY_TEST_SMTP_HOST="127.0.0.1"
export LATCHKEY_TEST_SMTP_PORT="$SMTP_PORT"
export LATCHKEY_TEST_MAILDIR="$MAILDIR"
SUMMARY+=("$(printf 'setup %-30s %-8s %5ss' "postgres+smtp" "ok" "$(( $(now) - t ))")")

rm -rf "$RESULTS_DIR"; mkdir -p "$RESULTS_DIR"
for s in "${STAGES[@]}"; do run_stage "$s"; done

# Stop services now, with the trap as a no-op later, so nothing prints after
# the totals line.
CURRENT_STAGE="cleanup"
stop_services

read -r PASSED FAILED < <(totals)
echo
echo "================ test summary ================"
printf '%s\n' "${SUMMARY[@]}"
if [[ -s "$PROBLEMS_FILE" ]]; then
  echo "problems (each counted as one failure):"
  sed 's/^/  /' "$PROBLEMS_FILE"
fi
[[ -n "$FILTER" ]] && echo "filter: $FILTER"
echo "total time: $(( $(now) - T0 ))s; results in ${RESULTS_DIR#"$REPO_ROOT"/}"

RC=0
if ((FAILED > 0)); then RC=1; fi
if ((PASSED + FAILED == 0)); then echo "no test ran"; RC=1; fi
FINAL_PRINTED=1
echo "$PASSED passed, $FAILED failed"
exit "$RC"
