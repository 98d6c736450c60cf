# shellcheck shell=bash
# scripts/stages/nhost.sh: @nhost/nhost-js tests (tests/clients/nhost) against the Release server.
# Sourced by scripts/test.sh; uses its settings and bookkeeping (log, warn, add_counts, stage_problem,
# run_bounded, TMP_ROOT, RESULTS_DIR, CONFIGURATION).
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
