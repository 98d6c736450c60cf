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
#   - write scripts/stages/<name>.sh with a function stage_<name>; it runs in
#     a subshell with `set -e`, sees the LATCHKEY_TEST_* variables, and
#     reports its results with `add_counts <passed> <failed> [label] [seconds]`;
#   - append <name> to STAGES (test.sh sources scripts/stages/<name>.sh);
#   - add the Debian packages it needs to APT_PACKAGES (installed only when
#     missing), and if it needs a one-time setup in this shell (npm ci, ...),
#     a function prepare_<name> in the same file, which runs before the build.
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
STAGES=(dotnet fuzz node nhost nodes faults bench)

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
# pgbouncer: the nodes stage runs a node through it in transaction pooling mode.
APT_PACKAGES=(python3-aiosmtpd python3-yaml nodejs curl wrk chromium pgbouncer)

PG_BIN="/usr/lib/postgresql/15/bin"
PG_APT_PACKAGE="postgresql-15"

# The system python, not a pyenv shim: python3-aiosmtpd installs into it.
PY="/usr/bin/python3"

# Backstops so a hung suite cannot eat CI's time: a single test hanging this
# long is reported by name (VSTest blame), a whole suite is killed after
# SUITE_TIMEOUT. Normal runs are far below both (the Api suite takes about 8 minutes per database on an
# idle 2-core machine; the bound leaves room for a loaded one, and CI's own limit is 90 minutes).
HANG_TIMEOUT="${LATCHKEY_TEST_HANG_TIMEOUT:-5m}"
SUITE_TIMEOUT="${LATCHKEY_TEST_SUITE_TIMEOUT:-1500}"

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
FAILURES_FILE="$STATE_DIR/failures"      # one line per failed test: suite, name, first line of its message
: >"$COUNTS_FILE"; : >"$PROBLEMS_FILE"; : >"$FAILURES_FILE"

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
# Install, services, .NET test helpers, and the stages (stage_<name>, optional
# prepare_<name>): one small file each.
# ---------------------------------------------------------------------------
# shellcheck source=scripts/lib/install.sh
source "$REPO_ROOT/scripts/lib/install.sh"
# shellcheck source=scripts/lib/services.sh
source "$REPO_ROOT/scripts/lib/services.sh"
# shellcheck source=scripts/lib/dotnet-test.sh
source "$REPO_ROOT/scripts/lib/dotnet-test.sh"
for s in "${STAGES[@]}"; do
  # shellcheck source=/dev/null
  source "$REPO_ROOT/scripts/stages/$s.sh"
done

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
# CI shows only the tail of the log: name the failed tests here, not just count them.
if [[ -s "$FAILURES_FILE" ]]; then
  echo "failed tests:"
  head -n 40 "$FAILURES_FILE" | sed 's/^/  /'
fi
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
