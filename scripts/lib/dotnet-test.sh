# shellcheck shell=bash
# scripts/lib/dotnet-test.sh: running a bounded `dotnet test` and counting its .trx results.
# Sourced by scripts/test.sh; uses its settings and bookkeeping (log, warn, add_counts, stage_problem,
# run_bounded, TMP_ROOT, RESULTS_DIR, CONFIGURATION).

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

# trx_failures <file.trx> <label>: one line per failed test, "<label>: <test> -- <first line of its message>".
trx_failures() {
  "$PY" - "$1" "$2" <<'PY'
import sys, xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
for r in root.iter():
    if not r.tag.endswith("}UnitTestResult") or r.get("outcome") in ("Passed", "NotExecuted"):
        continue
    msg = next((e.text or "" for e in r.iter() if e.tag.endswith("}Message")), "")
    first = next((l.strip() for l in msg.splitlines() if l.strip()), r.get("outcome", ""))
    print(f"{sys.argv[2]}: {r.get('testName')} -- {first[:300]}")
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
  if ((failed > 0)); then trx_failures "$trx" "$label" >>"$FAILURES_FILE" || true; fi
  if ((rc != 0 && rc != 124 && rc != 137 && failed == 0)); then
    # dotnet test failed yet no test did: the test host crashed or similar.
    stage_problem "$label: dotnet test exit $rc with no failed test"
  fi
}

is_storage_suite() {
  local s; for s in "${STORAGE_SUITES[@]}"; do [[ "$s" == "$1" ]] && return 0; done; return 1
}
