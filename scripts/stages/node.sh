# shellcheck shell=bash
# scripts/stages/node.sh: client-library tests (tests/clients: openid-client, and scim2-parse-filter with scim-patch for SCIM) against the Release server.
# Sourced by scripts/test.sh; uses its settings and bookkeeping (log, warn, add_counts, stage_problem,
# run_bounded, TMP_ROOT, RESULTS_DIR, CONFIGURATION).
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
