# shellcheck shell=bash
# scripts/stages/dotnet.sh: every tests/*.Tests project, storage suites once per database.
# Sourced by scripts/test.sh; uses its settings and bookkeeping (log, warn, add_counts, stage_problem,
# run_bounded, TMP_ROOT, RESULTS_DIR, CONFIGURATION).
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
