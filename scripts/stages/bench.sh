# shellcheck shell=bash
# scripts/stages/bench.sh: the benchmark harness in smoke mode, one count per scenario.
# Sourced by scripts/test.sh; uses its settings and bookkeeping (log, warn, add_counts, stage_problem,
# run_bounded, TMP_ROOT, RESULTS_DIR, CONFIGURATION).
# bench/run.sh --smoke: every benchmark scenario (Latchkey on SQLite and PostgreSQL, the peers, the raw
# limits) for a few seconds on a tiny seed, so the harness cannot rot. One count per scenario that
# completed with zero errors; the figures themselves are not judged here.
stage_bench() {
  local out="$RESULTS_DIR/bench-smoke.txt" rc=0 verdict name
  run_bounded 1200 bash bench/run.sh --smoke --skip-build >"$out" 2>&1 || rc=$?
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
