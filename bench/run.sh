#!/usr/bin/env bash
# shellcheck disable=SC2317  # scenario functions and traps are called indirectly
# bench/run.sh: Latchkey against its peers and the machine's limits, in one run, on loopback only.
#
#   bench/run.sh                 full run (about 15 minutes on 2 cores): builds Release, writes
#                                bench/results/latest.{tsv,md} and the table in docs/benchmarks.md
#   bench/run.sh --smoke         tiny seed, 4 connections, each scenario at least 3 s and until 5 requests
#                                answered (at most 120 s); exits non-zero unless
#                                every scenario completes with zero errors (scripts/test.sh runs it)
#   bench/run.sh --skip-build    reuse the last Release build
#   bench/run.sh --only client_credentials,refresh [--db sqlite]
#                                just those Latchkey scenarios (no peers, no scale run), for working
#                                on one path; writes bench/results/only.tsv, leaves the docs alone
#   bench/run.sh --targets [--scale-users N]
#                                the scenarios with a target of issue 21 (sign-up and sign-in against the
#                                raw Argon2id rate, refresh and Nhost refresh on PostgreSQL, then refresh
#                                and sign-in at 1 million users, or N): writes bench/results/targets.{tsv,md}
#   bench/run.sh --only signup --duration 30 --connections 4
#                                longer runs at fewer connections, for a loaded machine where a
#                                10 s run at 32 connections completes too few sign-ups to count
#   bench/run.sh --only admin_search,admin_stats --db postgres --users 1000000
#                                those scenarios on a database seeded with that many users
#
# What runs, in order: the raw cost of the work (Argon2id hashes/s and ES256 signatures/s on all
# cores, an ASP.NET Core endpoint that signs an ES256 JWT with no database), oidc-provider
# (client_credentials), then on SQLite and on PostgreSQL: Latchkey and a minimal ASP.NET Core
# Identity app (MapIdentityApi), and finally Latchkey on PostgreSQL with 1 million users and sessions.
# Load comes from wrk (a separate process, Lua scripts in bench/lua/). Servers run with rate limits
# off (--Latchkey:RateLimits:Enabled=false), otherwise sign-in and sign-up would answer 429.
#
# Adding a scenario: write lk_<name> (or idp_<name>) calling `measure` with a Lua script and its
# BENCH_* settings, and add <name> to LATCHKEY_SCENARIOS (or IDENTITY_SCENARIOS). Scenarios whose
# endpoint may not exist yet get an available_<name> check; when it fails the row says
# "not available yet".
set -euo pipefail

BENCH_DIR="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
REPO_ROOT="$(dirname "$BENCH_DIR")"
cd "$REPO_ROOT"

# ---------------------------------------------------------------------------
# Arguments and settings
# ---------------------------------------------------------------------------
SMOKE=0 SKIP_BUILD=0 ONLY="" DBS=(sqlite postgres) DURATION_ARG="" CONNECTIONS_ARG="" TARGETS=0 SCALE_ARG="" USERS_ARG=""
while (($#)); do
  case "$1" in
    --smoke)      SMOKE=1; shift ;;
    --skip-build) SKIP_BUILD=1; shift ;;
    --only)       ONLY="${2:?--only needs a comma-separated list of scenarios}"; shift 2 ;;
    --db)         DBS=("${2:?--db needs sqlite or postgres}"); shift 2 ;;
    --duration)   DURATION_ARG="${2:?--duration needs seconds}"; shift 2 ;;
    --connections) CONNECTIONS_ARG="${2:?--connections needs a comma-separated list}"; shift 2 ;;
    --targets)    TARGETS=1 ONLY="signup,signin,refresh,nhost_refresh" DBS=(postgres); shift ;;
    --scale-users) SCALE_ARG="${2:?--scale-users needs a number}"; shift 2 ;;
    --users)      USERS_ARG="${2:?--users needs a number}"; shift 2 ;;
    -h|--help)    sed -n '3,21p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *)            echo "run.sh: unknown argument: $1" >&2; exit 2 ;;
  esac
done

THREADS=2                        # wrk threads: one per core of this machine
PASSWORD="tundra-Velvet-9-quasar"
if ((SMOKE)); then
  DURATION=3 WARMUP=0 HASH_WARMUP=0 SCALE_WARMUP=0 CONCURRENCIES=(4) USERS=200 SCALE_USERS=0 MICRO_SECONDS=1
  # Each run lasts until this many requests answered, within the bound (run_until_answered in bench/lib/measure.sh).
  SMOKE_MIN_ANSWERS=5 SMOKE_MAX_SECONDS=120
else
  DURATION=10 WARMUP=3 CONCURRENCIES=(32 64) USERS=10000 SCALE_USERS=1000000 MICRO_SECONDS=5
  # Sign-in and sign-up answer ~30 requests/s here, so after 3 s their code is still being tiered up by the JIT (a
  # profile of sign-in at 8 s spent 8.5% of the server's CPU in the JIT, at 40 s 0.3%): they warm up for longer.
  HASH_WARMUP=30
  # The 1 M pass starts a fresh server: with both cores saturated, the JIT's background tier-up is starved and hot
  # refresh code was still at its instrumented tier 20 s in (perf), so every scenario there warms up for longer.
  SCALE_WARMUP=30
fi
[[ -z "$DURATION_ARG" ]] || DURATION="$DURATION_ARG"
[[ -z "$SCALE_ARG" ]] || SCALE_USERS="$SCALE_ARG"
[[ -z "$CONNECTIONS_ARG" ]] || IFS=, read -r -a CONCURRENCIES <<<"$CONNECTIONS_ARG"
[[ -z "$USERS_ARG" ]] || USERS="$USERS_ARG"
LATCHKEY_SCENARIOS=(jwks verify nhost_verify refresh nhost_refresh signin signup client_credentials introspection userinfo admin_search admin_stats console_users console_keys scim_filter scim_page scim_create license_validate entitlements license_usage profile avatar_cached)
IDENTITY_SCENARIOS=(signup signin refresh)
if [[ -n "$ONLY" ]]; then
  IFS=, read -r -a LATCHKEY_SCENARIOS <<<"$ONLY"
fi
RESULTS_DIR="$BENCH_DIR/results"
RESULTS="$RESULTS_DIR/$( ((SMOKE)) && echo smoke || { ((TARGETS)) && echo targets; } || { [[ -n "$ONLY" ]] && echo only; } || echo latest).tsv"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 MSBUILDDISABLENODEREUSE=1
TMP_ROOT="$(mktemp -d -t latchkey-bench.XXXXXX)"
chmod 755 "$TMP_ROOT"            # the postgres user must reach pg/ inside
PIDS=()

log()  { printf '==> %s\n' "$*"; }
warn() { printf 'bench: %s\n' "$*" >&2; }
# shellcheck source=scripts/lib/postgres.sh
source "$REPO_ROOT/scripts/lib/postgres.sh"

cleanup() {
  local pid
  for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${PIDS[@]}"; do wait "$pid" 2>/dev/null || true; done
  pg_stop
  rm -rf "$TMP_ROOT"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------
# Requirements and build
# ---------------------------------------------------------------------------
install_requirements() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  command -v node >/dev/null || missing+=(nodejs npm)
  command -v curl >/dev/null || missing+=(curl)
  [[ -x "$PG_BIN/initdb" ]] || missing+=("$PG_APT_PACKAGE")
  if ((${#missing[@]})); then
    log "installing: ${missing[*]}"
    local sudo=(); [[ $EUID -eq 0 ]] || sudo=(sudo)
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  fi
  if [[ ! -d "$BENCH_DIR/peers/oidc-provider/node_modules/oidc-provider" ]]; then
    log "npm ci (oidc-provider peer)"
    npm --prefix "$BENCH_DIR/peers/oidc-provider" ci --no-audit --no-fund --loglevel=error >/dev/null
  fi
}

BIN_SERVER="$REPO_ROOT/src/Latchkey.Server/bin/Release/net10.0"
BIN_SEED="$BENCH_DIR/Latchkey.Bench.Seed/bin/Release/net10.0/Latchkey.Bench.Seed.dll"
BIN_RAW="$BENCH_DIR/Latchkey.Bench.Raw/bin/Release/net10.0/Latchkey.Bench.Raw.dll"
BIN_IDENTITY="$BENCH_DIR/Latchkey.Bench.IdentityPeer/bin/Release/net10.0/Latchkey.Bench.IdentityPeer.dll"

# Processes, measurement and results: start_server, measure, record, ...
# shellcheck source=bench/lib/measure.sh
source "$BENCH_DIR/lib/measure.sh"

# ---------------------------------------------------------------------------
# The raw cost of the work, and oidc-provider
# ---------------------------------------------------------------------------
run_micro() {  # run_micro [kind...]: argon2 and es256 unless named
  local kind line kinds=("$@")
  ((${#kinds[@]})) || kinds=(argon2 es256)
  for kind in "${kinds[@]}"; do
    line=$(dotnet "$BIN_RAW" "$kind" --seconds "$MICRO_SECONDS" --threads 2)
    log "raw $line"
    record raw - "$kind" 2 "$(awk '{print $2}' <<<"$line")" - - 0 - ok "$(field cpu_ms "$line")"
  done
}

run_raw_jwt() {
  local port; port=$(free_port)
  start_server "$TMP_ROOT/raw.log" "http://127.0.0.1:$port/token" \
    dotnet "$BIN_RAW" serve --urls "http://127.0.0.1:$port"
  measure raw - signed_jwt static.lua "http://127.0.0.1:$port/token"
  stop_server
}

run_oidc_provider() {
  local port secret; port=$(free_port); secret="bench-$(head -c 16 /dev/urandom | od -An -tx1 | tr -d ' \n')"
  start_server "$TMP_ROOT/oidc-provider.log" "http://127.0.0.1:$port/.well-known/openid-configuration" \
    node "$BENCH_DIR/peers/oidc-provider/server.js" "$port" bench-client "$secret"
  measure oidc-provider - client_credentials static.lua "http://127.0.0.1:$port/token" \
    BENCH_METHOD=POST BENCH_CONTENT_TYPE=application/x-www-form-urlencoded \
    BENCH_BODY="grant_type=client_credentials&scope=api" \
    BENCH_AUTH="Basic $(printf '%s' "bench-client:$secret" | base64 -w0)"
  stop_server
}

# ---------------------------------------------------------------------------
# Latchkey
# ---------------------------------------------------------------------------
# latchkey_args <db> <database name>: configuration shared by migrate, seed and serve, plus the words of
# BENCH_LATCHKEY_ARGS (e.g. a cheap Argon2id cost, to see what a sign-up costs besides the hash).
latchkey_args() {
  local extra
  read -r -a extra <<<"${BENCH_LATCHKEY_ARGS:-}"
  ((${#extra[@]} == 0)) || printf '%s\n' "${extra[@]}"
  if [[ "$1" == postgres ]]; then
    echo "--Latchkey:Database:Provider=postgres"
    echo "--ConnectionStrings:Latchkey=Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=$2${BENCH_PG_EXTRA:-}"
  else
    echo "--Latchkey:Database:Provider=sqlite"
    echo "--Latchkey:Database:SqlitePath=$TMP_ROOT/$2.db"
  fi
}

create_pg_database() {
  as_postgres "$PG_BIN/psql" -q -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "CREATE DATABASE $1" >/dev/null
}

# start_latchkey <db> <database name> <users>: migrate, seed, start; sets LK_URL, SECRETS, TOKEN_OFFSET.
start_latchkey() {
  local db="$1" name="$2" users="$3" args port
  mapfile -t args < <(latchkey_args "$db" "$name")
  [[ "$db" == postgres ]] && create_pg_database "$name"
  dotnet "$BIN_SERVER/Latchkey.Server.dll" migrate --contentRoot "$BIN_SERVER" "${args[@]}" \
    --Logging:LogLevel:Default=Warning >"$TMP_ROOT/migrate-$name.log" 2>&1 \
    || { cat "$TMP_ROOT/migrate-$name.log" >&2; return 1; }
  SECRETS="$TMP_ROOT/secrets-$name.txt"
  log "seeding $users users and sessions ($db)"
  dotnet "$BIN_SEED" "${args[@]}" --users "$users" --password "$PASSWORD" \
    --secrets-out "$SECRETS" --secrets-count "$((users < 20000 ? users : 20000))"
  TOKEN_OFFSET=0
  port=$(free_port)
  LK_URL="http://127.0.0.1:$port"
  # The per-request log line is off while measuring (as the other servers' access logs are).
  start_server "$TMP_ROOT/latchkey-$name.log" "$LK_URL/health" \
    dotnet "$BIN_SERVER/Latchkey.Server.dll" --contentRoot "$BIN_SERVER" --urls "$LK_URL" "${args[@]}" \
      --Latchkey:PublicUrl="$LK_URL" --Latchkey:RateLimits:Enabled=false --Latchkey:OAuth:Registration=open --Latchkey:Email:OutboxPath="$TMP_ROOT/outbox" \
      --Latchkey:Admin:Email=admin@bench.test --Latchkey:Admin:Password="$PASSWORD" \
      --Logging:LogLevel:Latchkey.Requests=Warning
  ADMIN_TOKEN="" ADMIN_COOKIE="" SCIM_TOKEN="" LICENSE_KEY="" LICENSE_ID=""
  # An access token for the verification scenarios, from one seeded refresh token (no Argon2id).
  local last; last=$(wc -l <"$SECRETS")
  ACCESS_TOKEN=$(curl -s --max-time 10 -H 'Content-Type: application/json' \
    -d "{\"refreshToken\":\"$(sed -n "${last}p" "$SECRETS")\"}" "$LK_URL/api/v1/auth/refresh" | json_field token)
}

lk_jwks()   { measure latchkey "$1" jwks static.lua "$LK_URL/.well-known/jwks.json"; }
lk_verify() { measure latchkey "$1" verify static.lua "$LK_URL/api/auth/me" BENCH_AUTH="Bearer $ACCESS_TOKEN"; }

available_nhost_verify() { [[ $(http_status -X POST -H "Authorization: Bearer $ACCESS_TOKEN" "$LK_URL/v1/token/verify") == 200 ]]; }
lk_nhost_verify() {
  measure latchkey "$1" nhost_verify static.lua "$LK_URL/v1/token/verify" BENCH_METHOD=POST BENCH_AUTH="Bearer $ACCESS_TOKEN"
}

lk_refresh() { refresh_runs "$1" refresh "$LK_URL/api/v1/auth/refresh"; }

# The Nhost surface's refresh: the same rotation, then the user its session answer carries (one read).
available_nhost_refresh() { [[ $(http_status -X POST -H 'Content-Type: application/json' -d '{"refreshToken":"x"}' "$LK_URL/v1/token") != 404 ]]; }
lk_nhost_refresh() { refresh_runs "$1" nhost_refresh "$LK_URL/v1/token"; }

# refresh_runs <db> <scenario> <url>: refresh-token rotation at <url>, with a fresh block of seeded tokens per run.
refresh_runs() {
  local db="$1" scenario="$2" url="$3" conc
  # Each run, warm-up included, needs its own unused block of seeded tokens.
  if ((WARMUP)); then
    take_token_block "${CONCURRENCIES[0]}"
    run_wrk "${CONCURRENCIES[0]}" "$WARMUP" refresh.lua "$url" \
      BENCH_TOKENS="$SECRETS" BENCH_OFFSET="$BLOCK_OFFSET" BENCH_PER_THREAD="$(per_thread_tokens "${CONCURRENCIES[0]}")" \
      BENCH_TEMPLATE='{"refreshToken":"%s"}' >/dev/null 2>&1 || true
  fi
  local WARMUP=0 RUN_CONCS
  for conc in "${CONCURRENCIES[@]}"; do
    RUN_CONCS="$conc"
    take_token_block "$conc"
    measure latchkey "$db" "$scenario" refresh.lua "$url" BENCH_TOKENS="$SECRETS" BENCH_OFFSET="$BLOCK_OFFSET" \
      BENCH_PER_THREAD="$(per_thread_tokens "$conc")" BENCH_TEMPLATE='{"refreshToken":"%s"}'
  done
}

lk_signin() {
  local WARMUP=$HASH_WARMUP
  measure latchkey "$1" signin login.lua "$LK_URL/api/v1/auth/login" BENCH_USERS="$SEEDED_USERS" \
    BENCH_TEMPLATE="{\"username\":\"bench%d\",\"password\":\"$PASSWORD\"}"
}

lk_signup() {
  local WARMUP=$HASH_WARMUP
  measure latchkey "$1" signup signup.lua "$LK_URL/api/auth/register" BENCH_NONCE="$RANDOM$RANDOM" \
    BENCH_TEMPLATE="{\"email\":\"signup-%s@bench.test\",\"password\":\"$PASSWORD\",\"firstName\":\"Bench\",\"lastName\":\"User\"}"
}

# The OAuth scenarios need a confidential client: registered through dynamic client registration
# (RFC 7591) at /api/oauth/register, the seed's path.
available_client_credentials() {
  [[ $(http_status -X POST -d grant_type=client_credentials "$LK_URL/api/oauth/token") != 404 ]] || return 1
  local reply
  reply=$(curl -s --max-time 10 -H 'Content-Type: application/json' \
    -d '{"client_name":"latchkey-bench","grant_types":["client_credentials"],"token_endpoint_auth_method":"client_secret_basic"}' \
    "$LK_URL/api/oauth/register") || return 1
  OAUTH_BASIC="Basic $(printf '%s:%s' "$(json_field client_id <<<"$reply")" "$(json_field client_secret <<<"$reply")" | base64 -w0)" \
    || return 1
  CC_TOKEN=$(curl -s --max-time 10 -H "Authorization: $OAUTH_BASIC" -d grant_type=client_credentials \
    "$LK_URL/api/oauth/token" | json_field access_token) || return 1
}
lk_client_credentials() {
  measure latchkey "$1" client_credentials static.lua "$LK_URL/api/oauth/token" BENCH_METHOD=POST \
    BENCH_CONTENT_TYPE=application/x-www-form-urlencoded BENCH_BODY="grant_type=client_credentials" BENCH_AUTH="$OAUTH_BASIC"
}

available_introspection() {
  [[ -n "${CC_TOKEN:-}" ]] || available_client_credentials || return 1
  [[ $(http_status -H "Authorization: $OAUTH_BASIC" -d "token=$CC_TOKEN" "$LK_URL/api/oauth/introspect") == 200 ]]
}
lk_introspection() {
  measure latchkey "$1" introspection static.lua "$LK_URL/api/oauth/introspect" BENCH_METHOD=POST \
    BENCH_CONTENT_TYPE=application/x-www-form-urlencoded BENCH_BODY="token=$CC_TOKEN" BENCH_AUTH="$OAUTH_BASIC"
}

# Userinfo takes only tokens a client got through a user grant: bench/lib/oauth_code_token.py runs the
# authorization code flow (hosted sign-in and consent pages) as a seeded user.
available_userinfo() {
  OAUTH_ACCESS_TOKEN=$(/usr/bin/python3 "$BENCH_DIR/lib/oauth_code_token.py" "$LK_URL" bench0@bench.test "$PASSWORD") || return 1
  [[ $(http_status -H "Authorization: Bearer $OAUTH_ACCESS_TOKEN" "$LK_URL/api/oauth/userinfo") == 200 ]]
}
lk_userinfo() { measure latchkey "$1" userinfo static.lua "$LK_URL/api/oauth/userinfo" BENCH_AUTH="Bearer $OAUTH_ACCESS_TOKEN"; }

# Admin API: the bootstrap administrator's access token (one sign-in), then user search and the dashboard stats.
admin_token() {
  [[ -n "$ADMIN_TOKEN" ]] || ADMIN_TOKEN=$(curl -s --max-time 30 -H 'Content-Type: application/json' \
    -d "{\"username\":\"admin@bench.test\",\"password\":\"$PASSWORD\"}" "$LK_URL/api/v1/auth/login" | json_field token)
}
available_admin_search() { admin_token; [[ $(http_status -H "Authorization: Bearer $ADMIN_TOKEN" "$LK_URL/api/admin/users?search=bench1&limit=20") == 200 ]]; }
lk_admin_search() {
  measure latchkey "$1" admin_search static.lua "$LK_URL/api/admin/users?search=bench1&limit=20" BENCH_AUTH="Bearer $ADMIN_TOKEN"
}
available_admin_stats() { admin_token; [[ $(http_status -H "Authorization: Bearer $ADMIN_TOKEN" "$LK_URL/api/admin/stats") == 200 ]]; }
lk_admin_stats() { measure latchkey "$1" admin_stats static.lua "$LK_URL/api/admin/stats" BENCH_AUTH="Bearer $ADMIN_TOKEN"; }

# Admin console: the user list page as a browser gets it, with the administrator's session cookie (the console takes no token).
admin_cookie() {
  [[ -n "$ADMIN_COOKIE" ]] || ADMIN_COOKIE=$(curl -s --max-time 30 -o /dev/null -c - -H 'Content-Type: application/json' \
    -d "{\"email\":\"admin@bench.test\",\"password\":\"$PASSWORD\"}" "$LK_URL/api/auth/login" | awk '$6 == "auth_token" { print "auth_token=" $7 }')
}
available_console_users() { admin_cookie; [[ -n "$ADMIN_COOKIE" && $(http_status -H "Cookie: $ADMIN_COOKIE" "$LK_URL/admin/users?search=bench1") == 200 ]]; }
lk_console_users() { measure latchkey "$1" console_users static.lua "$LK_URL/admin/users?search=bench1" BENCH_COOKIE="$ADMIN_COOKIE"; }
available_console_keys() { admin_cookie; [[ -n "$ADMIN_COOKIE" && $(http_status -H "Cookie: $ADMIN_COOKIE" "$LK_URL/admin/keys") == 200 ]]; }
lk_console_keys() { measure latchkey "$1" console_keys static.lua "$LK_URL/admin/keys" BENCH_COOKIE="$ADMIN_COOKIE"; }

# SCIM: a token for an OAuth client made by the administrator; a userName lookup (the call identity providers make
# before every create), a page of 100, and user creation (no password: no Argon2id).
scim_token() {
  admin_token
  [[ -n "$SCIM_TOKEN" ]] && return 0
  local client
  client=$(curl -s --max-time 30 -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
    -d '{"name":"bench idp","redirectUris":["https://idp.bench.test/cb"],"grantTypes":["client_credentials"],"tokenEndpointAuthMethod":"client_secret_basic"}' \
    "$LK_URL/api/admin/oauth-clients" | python3 -c 'import json,sys; print(json.load(sys.stdin)["client"]["id"])') || return 1
  SCIM_TOKEN=$(curl -s --max-time 30 -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' -d '{}' \
    "$LK_URL/api/admin/oauth-clients/$client/scim-tokens" | json_field secretToken)
}
# Seeded accounts have a username (bench{i}), and an account's SCIM userName is its username when it has one: the
# lookup finds the one user, through the unique username index (an email-shaped userName would find nobody here).
SCIM_FILTER="filter=userName%20eq%20%22bench1%22"
available_scim_filter() {
  scim_token
  curl -s --max-time 30 -H "Authorization: Bearer $SCIM_TOKEN" "$LK_URL/api/scim/v2/Users?$SCIM_FILTER" | grep -q '"totalResults":1,'
}
lk_scim_filter() { measure latchkey "$1" scim_filter static.lua "$LK_URL/api/scim/v2/Users?$SCIM_FILTER" BENCH_AUTH="Bearer $SCIM_TOKEN"; }
available_scim_page() { available_scim_filter; }
lk_scim_page() { measure latchkey "$1" scim_page static.lua "$LK_URL/api/scim/v2/Users?count=100" BENCH_AUTH="Bearer $SCIM_TOKEN"; }
available_scim_create() { available_scim_filter; }
lk_scim_create() {
  measure latchkey "$1" scim_create unique_post.lua "$LK_URL/api/scim/v2/Users" BENCH_NONCE="$RANDOM$RANDOM" BENCH_AUTH="Bearer $SCIM_TOKEN" \
    BENCH_CONTENT_TYPE=application/scim+json \
    BENCH_TEMPLATE="{\"schemas\":[\"urn:ietf:params:scim:schemas:core:2.0:User\"],\"userName\":\"scim-%s@bench.test\",\"name\":{\"givenName\":\"Bench\",\"familyName\":\"User\"}}"
}
# Nube licensing (the hot paths): one plan and one license for the administrator, made through the admin
# endpoints; then key validation (one indexed read) and the administrator's entitlement check for one feature.
license_key() {
  [[ -n "$LICENSE_KEY" ]] && return 0
  admin_token
  local plan="bench-$RANDOM$RANDOM" user_id
  curl -s --max-time 30 -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
    -d "{\"code\":\"$plan\",\"name\":\"Bench\",\"seats\":10,\"entitlements\":[{\"feature\":\"export\"},{\"feature\":\"api_calls\",\"limit\":100000,\"period\":\"month\"}]}" \
    "$LK_URL/v1/admin/plans" >/dev/null
  user_id=$(curl -s --max-time 30 -H "Authorization: Bearer $ADMIN_TOKEN" "$LK_URL/v1/users/me" | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["data"]["id"])') || return 1
  read -r LICENSE_KEY LICENSE_ID < <(curl -s --max-time 30 -H "Authorization: Bearer $ADMIN_TOKEN" -H 'Content-Type: application/json' \
    -d "{\"userId\":\"$user_id\",\"plan\":\"$plan\"}" "$LK_URL/v1/admin/licenses" \
    | /usr/bin/python3 -c 'import json,sys; d=json.load(sys.stdin)["data"]; print(d["key"], d["license"]["id"])') || return 1
  [[ -n "$LICENSE_KEY" ]]
}
available_license_validate() { license_key && [[ $(http_status -X POST -H 'Content-Type: application/json' -d "{\"key\":\"$LICENSE_KEY\"}" "$LK_URL/v1/licenses/validate") == 200 ]]; }
lk_license_validate() {
  measure latchkey "$1" license_validate static.lua "$LK_URL/v1/licenses/validate" BENCH_METHOD=POST \
    BENCH_BODY="{\"key\":\"$LICENSE_KEY\"}" BENCH_CONTENT_TYPE=application/json
}
available_entitlements() { license_key && [[ $(http_status -H "Authorization: Bearer $ADMIN_TOKEN" "$LK_URL/v1/licenses/entitlements?feature=api_calls") == 200 ]]; }
lk_entitlements() { measure latchkey "$1" entitlements static.lua "$LK_URL/v1/licenses/entitlements?feature=api_calls" BENCH_AUTH="Bearer $ADMIN_TOKEN"; }
# Metered usage as an application's backend reports it: one unit per request, each with its own idempotency
# key (one event row and one counter increment in a transaction; the counter row is hot, as in production).
available_license_usage() { available_entitlements; }
lk_license_usage() {
  measure latchkey "$1" license_usage unique_post.lua "$LK_URL/v1/licenses/usage" BENCH_NONCE="$RANDOM$RANDOM" BENCH_AUTH="Bearer $ADMIN_TOKEN" \
    BENCH_TEMPLATE="{\"licenseId\":\"$LICENSE_ID\",\"feature\":\"api_calls\",\"quantity\":1,\"idempotencyKey\":\"bench-%s\"}"
}
# Account self-service: the profile read (account and profile rows), and an avatar revalidated by its ETag
# (one indexed read of the ETag, answered 304: what browsers and proxies send once the picture is cached).
available_profile() { [[ $(http_status -H "Authorization: Bearer $ACCESS_TOKEN" "$LK_URL/api/user/profile") == 200 ]]; }
lk_profile() { measure latchkey "$1" profile static.lua "$LK_URL/api/user/profile" BENCH_AUTH="Bearer $ACCESS_TOKEN"; }
available_avatar_cached() {
  local id
  id=$(curl -s --max-time 10 -H "Authorization: Bearer $ACCESS_TOKEN" "$LK_URL/api/user/profile" \
    | /usr/bin/python3 -c 'import json,sys; print(json.load(sys.stdin)["profile"]["id"])') || return 1
  AVATAR_URL="$LK_URL/api/avatar/$id"
  AVATAR_ETAG=$(curl -s -o /dev/null -D - --max-time 10 "$AVATAR_URL" | tr -d '\r' | sed -n 's/^[Ee][Tt][Aa][Gg]: //p')
  [[ -n "$AVATAR_ETAG" && $(http_status -H "If-None-Match: $AVATAR_ETAG" "$AVATAR_URL") == 304 ]]
}
lk_avatar_cached() { measure latchkey "$1" avatar_cached static.lua "$AVATAR_URL" BENCH_IF_NONE_MATCH="$AVATAR_ETAG"; }

run_latchkey() {
  local db="$1" scenario
  log "Latchkey on $db"
  SEEDED_USERS="$USERS"
  start_latchkey "$db" latchkey_bench "$USERS"
  # Measured before the scenarios add sessions (sign-in, sign-up) and rotated tokens (refresh).
  [[ "$db" == postgres ]] && bytes_per_session latchkey_bench 10k
  for scenario in "${LATCHKEY_SCENARIOS[@]}"; do
    if declare -F "available_$scenario" >/dev/null && ! "available_$scenario"; then
      not_available latchkey "$db" "$scenario" "not available yet"
      continue
    fi
    "lk_$scenario" "$db"
  done
  ((TARGETS == 0)) || [[ "$db" != postgres ]] || hot_updates latchkey_bench 10k
  stop_server
}

# Scale: refresh and sign-in with 1 million users and sessions, at the highest concurrency only.
run_scale() {
  log "Latchkey on postgres with $SCALE_USERS users and sessions"
  SEEDED_USERS="$SCALE_USERS"
  start_latchkey postgres latchkey_scale "$SCALE_USERS"
  # Dynamic scoping: the scenario functions see only the highest concurrency, and the longer warm-up.
  local all_concurrencies=("${CONCURRENCIES[@]}")
  local CONCURRENCIES=("${CONCURRENCIES[-1]}") WARMUP=$SCALE_WARMUP HASH_WARMUP=$SCALE_WARMUP
  bytes_per_session latchkey_scale 1M
  lk_refresh postgres-1M
  ((TARGETS == 0)) || { lk_nhost_refresh postgres-1M; hot_updates latchkey_scale 1M; }
  lk_signin postgres-1M
  ((TARGETS == 0)) || { stop_server; return; }
  # The million-account scenarios run at every concurrency: the SCIM filtered get's target is set at 32 connections.
  CONCURRENCIES=("${all_concurrencies[@]}")
  available_admin_search && lk_admin_search postgres-1M
  available_admin_stats && lk_admin_stats postgres-1M
  available_scim_filter && lk_scim_filter postgres-1M
  available_scim_page && lk_scim_page postgres-1M
  available_license_validate && lk_license_validate postgres-1M
  available_entitlements && lk_entitlements postgres-1M
  available_license_usage && lk_license_usage postgres-1M
  stop_server
}

# hot_updates <database> <label>: the share of refresh_tokens updates (rotations) that were HOT, i.e. wrote no new
# index entries (fillfactor 90, docs/benchmarks.md); logged by --targets after the refresh runs.
hot_updates() {
  sleep 1   # backends report their table statistics at most once a second
  log "refresh_tokens updates, HOT ($2): $(as_postgres "$PG_BIN/psql" -At -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$1" -c \
    "SELECT n_tup_upd || ' updates, ' || n_tup_hot_upd || ' HOT' FROM pg_stat_user_tables WHERE relname = 'refresh_tokens'")"
}

bytes_per_session() {  # bytes_per_session <database> <label>: sessions + refresh tokens, tables and indexes
  local bytes
  bytes=$(as_postgres "$PG_BIN/psql" -At -h 127.0.0.1 -p "$PG_PORT" -U postgres -d "$1" -c \
    "SELECT round((pg_total_relation_size('sessions') + pg_total_relation_size('refresh_tokens'))::numeric
                  / (SELECT count(*) FROM sessions))")
  log "bytes per session ($2): $bytes"
  record latchkey "postgres-$2" bytes_per_session - "$bytes" - - 0 - ok
}

# ---------------------------------------------------------------------------
# ASP.NET Core Identity (MapIdentityApi)
# ---------------------------------------------------------------------------
run_identity() {
  local db="$1" conn port
  log "ASP.NET Core Identity on $db"
  if [[ "$db" == postgres ]]; then
    create_pg_database identity_bench
    conn="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=identity_bench"
  else
    conn="Data Source=$TMP_ROOT/identity_bench.db"
  fi
  dotnet "$BIN_IDENTITY" seed --provider "$db" --connection "$conn" --users "$USERS" --password "$PASSWORD"
  port=$(free_port)
  IDP_URL="http://127.0.0.1:$port"
  # Any answer will do (MapIdentityApi has no health endpoint): 401 means it is up.
  start_server "$TMP_ROOT/identity-$db.log" "$IDP_URL/manage/info" \
    dotnet "$BIN_IDENTITY" --provider "$db" --connection "$conn" --urls "$IDP_URL"
  local scenario
  for scenario in "${IDENTITY_SCENARIOS[@]}"; do "idp_$scenario" "$db"; done
  stop_server
}

idp_signup() {
  measure identity "$1" signup signup.lua "$IDP_URL/register" BENCH_NONCE="$RANDOM$RANDOM" \
    BENCH_TEMPLATE="{\"email\":\"signup-%s@bench.test\",\"password\":\"$PASSWORD\"}"
}

idp_signin() {
  measure identity "$1" signin login.lua "$IDP_URL/login" BENCH_USERS="$USERS" \
    BENCH_TEMPLATE="{\"email\":\"bench%d@bench.test\",\"password\":\"$PASSWORD\"}"
}

# Identity's refresh tokens are not single-use (a used one stays valid), so every run can start from
# the same tokens; they come from real sign-ins since they are Data Protection tickets.
idp_refresh() {
  local top="${CONCURRENCIES[-1]}" count i tokens="$TMP_ROOT/identity-refresh-$1.txt"
  count=$(( $(per_thread_tokens "$top") * THREADS ))
  for ((i = 0; i < count; i++)); do echo "$i"; done \
    | xargs -P 4 -I{} curl -s --max-time 30 -H 'Content-Type: application/json' \
        -d "{\"email\":\"bench{}@bench.test\",\"password\":\"$PASSWORD\"}" "$IDP_URL/login" \
    | /usr/bin/python3 -c 'import json,sys; [print(json.loads(l)["refreshToken"]) for l in sys.stdin.read().replace("}{", "}\n{").splitlines()]' \
    >"$tokens"
  measure identity "$1" refresh refresh.lua "$IDP_URL/refresh" BENCH_TOKENS="$tokens" BENCH_OFFSET=0 \
    BENCH_PER_THREAD="$(per_thread_tokens "$top")" BENCH_TEMPLATE='{"refreshToken":"%s"}'
}

# ---------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------
T0=$(date +%s)
for scenario in "${LATCHKEY_SCENARIOS[@]}"; do
  declare -F "lk_$scenario" >/dev/null || { echo "run.sh: unknown scenario: $scenario" >&2; exit 2; }
done
install_requirements
if ((SKIP_BUILD == 0)); then
  log "dotnet build Latchkey.slnx -c Release"
  dotnet build Latchkey.slnx -c Release -nodeReuse:false -v quiet -clp:ErrorsOnly </dev/null
fi
mkdir -p "$RESULTS_DIR"
printf 'target\tdb\tscenario\tconnections\trps\tp50_ms\tp99_ms\terrors\tpeak_rss_mb\tstatus\tcpu_ms\n' >"$RESULTS"

if [[ -z "$ONLY" ]]; then
  run_micro
  run_raw_jwt
  run_oidc_provider
elif ((TARGETS)); then
  run_micro argon2   # sign-up and sign-in are judged against the raw hash rate of the same run
fi
[[ " ${DBS[*]} " == *" postgres "* ]] && pg_start "$TMP_ROOT/pg" "shared_buffers = 1GB"
for db in "${DBS[@]}"; do
  run_latchkey "$db"
  [[ -n "$ONLY" ]] || run_identity "$db"
done
{ [[ -z "$ONLY" ]] || ((TARGETS)); } && ((SCALE_USERS > 0)) && run_scale

ELAPSED=$(( $(date +%s) - T0 ))
if ((TARGETS)); then
  /usr/bin/python3 "$BENCH_DIR/report.py" "$RESULTS" --elapsed "$ELAPSED"
elif [[ -n "$ONLY" ]]; then
  column -t -s $'\t' "$RESULTS"
elif ((SMOKE)); then
  /usr/bin/python3 "$BENCH_DIR/report.py" "$RESULTS" --elapsed "$ELAPSED" --check-errors
else
  /usr/bin/python3 "$BENCH_DIR/report.py" "$RESULTS" --elapsed "$ELAPSED" --update-docs "$REPO_ROOT/docs/benchmarks.md"
fi
