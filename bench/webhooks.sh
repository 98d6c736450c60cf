#!/usr/bin/env bash
# Webhook throughput: what the outbox adds to a sign-in, and deliveries per second to a local receiver.
#   bash bench/webhooks.sh [--db sqlite|postgres] [--duration 10] [--connections 16] [--rows 20000] [--cheap-hash] [--skip-build]
# 1. sign-ins (wrk, bench/lua/login.lua, one account) with no webhook: the baseline;
# 2. the same with one subscription to login.success and the receiver up: sign-in rate with the outbox and
#    deliveries happening alongside, and the server's CPU per sign-in (until the last delivery landed) against 1.;
# 3. drain: --rows pending outbox rows written straight into the database (sign-ins cannot queue thousands fast
#    enough: each is an Argon2id hash), then the time from the first to the last delivery the receiver accepts gives
#    deliveries/s of the dispatcher alone, and the server's CPU time over the drain gives CPU ms per delivery (the
#    figure that compares across machines and loads).
# --cheap-hash runs the server with Argon2id at t=1, m=8 KiB (measurement only), so phases 1 and 2 show the
# sign-in's own cost and the outbox's share of it instead of the hash's.
# Prints one "WEBHOOKS ..." line per phase (the numbers docs/benchmarks.md records).
set -euo pipefail
cd "$(dirname "$0")/.."
DB=sqlite DURATION=10 CONNECTIONS=16 BUILD=1 ROWS=20000 HASH_ARGS=()
while (($#)); do
  case "$1" in
    --db) DB=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --connections) CONNECTIONS=$2; shift ;;
    --rows) ROWS=$2; shift ;;
    --cheap-hash) HASH_ARGS=(--Latchkey:Passwords:Hashing:Iterations=1 --Latchkey:Passwords:Hashing:MemoryKiB=8) ;;
    --skip-build) BUILD=0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
log() { printf '==> %s\n' "$*"; }
warn() { printf 'bench: %s\n' "$*" >&2; }
source scripts/lib/postgres.sh   # free_port, pg_start
((BUILD)) && dotnet build Latchkey.slnx -c Release -v q >/dev/null

TMP=$(mktemp -d); chmod 755 "$TMP"; PIDS=() # the postgres user must reach pg/ inside
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; [[ -n "${PG_DATA:-}" ]] && pg_stop 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
db_args=(--Latchkey:Database:Provider=sqlite --Latchkey:Database:SqlitePath="$TMP/latchkey.db")
if [[ $DB == postgres ]]; then
  pg_start "$TMP/pg"
  db_args=(--Latchkey:Database:Provider=postgres "--ConnectionStrings:Latchkey=Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres")
fi

rport=$(free_port)
node bench/peers/webhook-receiver/server.mjs "$rport" >"$TMP/receiver.log" 2>&1 & PIDS+=($!); receiver_pid=$!
port=$(free_port); base="http://127.0.0.1:$port"
admin=admin@bench.test password='bench-Webhooks-Admin-77-plum'
dotnet src/Latchkey.Server/bin/Release/net10.0/Latchkey.Server.dll --urls "$base" "${db_args[@]}" \
  --Latchkey:Email:OutboxPath="$TMP/outbox" --Latchkey:RateLimits:Enabled=false \
  --Latchkey:Admin:Email="$admin" --Latchkey:Admin:Password="$password" \
  --Latchkey:Webhooks:AllowPrivateNetworks=true --Latchkey:Webhooks:AllowedHttpHosts:0=127.0.0.1 \
  --Latchkey:Webhooks:Timeout=00:01:00 "${HASH_ARGS[@]}" \
  --Logging:LogLevel:Default=Warning </dev/null >"$TMP/server.log" 2>&1 & PIDS+=($!); server_pid=$!
for _ in $(seq 120); do curl -sf "$base/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
curl -sf "$base/health/ready" >/dev/null || { tail -20 "$TMP/server.log"; exit 1; }

jar="$TMP/cookies"
curl -sf -c "$jar" -H 'content-type: application/json' -d "{\"email\":\"$admin\",\"password\":\"$password\"}" "$base/api/auth/login" >/dev/null
curl -sf -H 'content-type: application/json' -d "{\"email\":\"bench0@example.com\",\"password\":\"$password\",\"firstName\":\"B\",\"lastName\":\"W\"}" "$base/api/auth/register" >/dev/null

signins() { # $1 = phase name; prints the RESULT line of wrk
  BENCH_LUA=bench/lua BENCH_USERS=1 BENCH_TEMPLATE="{\"username\":\"bench%d@example.com\",\"password\":\"$password\"}" \
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s bench/lua/login.lua "$base/api/v1/auth/login" | grep '^RESULT' | sed "s/^RESULT/$1/"
}
count() { curl -sf "http://127.0.0.1:$rport/count"; }
field() { sed "s/.*\"$1\":\([0-9.]*\).*/\1/"; } # a number from /count's JSON
accepted() { count | field accepted; }
wait_for() { until (($(accepted) >= $1)); do sleep 0.05; done; }
cpu_ms() { awk -v tick="$(getconf CLK_TCK)" '{ printf "%d", ($14 + $15) * 1000 / tick }' "/proc/$1/stat"; } # user + system
per() { echo "scale=3; $1 / $2" | bc; }
requests_of() { echo "$1" | sed 's/.*requests=\([0-9]*\).*/\1/'; }
sql() { # $1 = statement, on the server's database
  if [[ $DB == postgres ]]; then psql -qtA -h 127.0.0.1 -p "$PG_PORT" -U postgres -d postgres -c "$1"; else sqlite3 "$TMP/latchkey.db" "$1"; fi
}

log "baseline: sign-ins, no webhook"
cpu=$(cpu_ms $server_pid)
line=$(signins signin)
cpu=$(( $(cpu_ms $server_pid) - cpu ))
echo "WEBHOOKS baseline $line server_cpu_ms_per_signin=$(per $cpu "$(requests_of "$line")")"
curl -sf -b "$jar" -H 'content-type: application/json' \
  -d "{\"url\":\"http://127.0.0.1:$rport/hook\",\"events\":[\"login.success\"]}" "$base/api/admin/webhooks" >/dev/null

log "sign-ins with one subscription, receiver up"
before=$(accepted); cpu=$(cpu_ms $server_pid); start=$(date +%s.%N)
line=$(signins signin)
sent=$(requests_of "$line")
wait_for $((before + sent))
drain=$(echo "$(date +%s.%N) - $start - $DURATION" | bc)
cpu=$(( $(cpu_ms $server_pid) - cpu ))
echo "WEBHOOKS with_outbox $line drained_after_s=$drain delivered=$(( $(accepted) - before )) server_cpu_ms_per_signin_and_delivery=$(per $cpu "$sent")"

log "drain: $ROWS outbox rows written into the database, delivered to the receiver"
sub=$(sql "SELECT id FROM webhook_subscriptions LIMIT 1")
payload='{"type":"login.success","version":1,"timestamp":"2026-12-03T08:00:00.0000000Z","data":{"activityId":"00000000-0000-0000-0000-000000000000","userId":"00000000-0000-0000-0000-000000000001","success":true,"ipAddress":"127.0.0.1","userAgent":"wrk","details":{"method":"password","sessionId":"00000000-0000-0000-0000-000000000002"}}}'
before=$(accepted)
curl -sf -X POST "http://127.0.0.1:$rport/mode?up=1&reset=1" >/dev/null # first/last accept times from now on
cpu=$(cpu_ms $server_pid); rcpu=$(cpu_ms $receiver_pid)
if [[ $DB == postgres ]]; then
  sql "INSERT INTO webhook_deliveries (id, subscription_id, event_type, payload, status, attempts, next_attempt_at, created_at)
       SELECT gen_random_uuid(), '$sub', 'login.success', '$payload', 'pending', 0, '2000-01-01', now() FROM generate_series(1, $ROWS)"
else
  # The formats EF Core writes: upper-case GUID text, 'yyyy-MM-dd HH:mm:ss' times.
  sql "WITH RECURSIVE n(i, h) AS (SELECT 1, hex(randomblob(16)) UNION ALL SELECT i + 1, hex(randomblob(16)) FROM n WHERE i < $ROWS)
       INSERT INTO webhook_deliveries (id, subscription_id, event_type, payload, status, attempts, next_attempt_at, created_at)
       SELECT substr(h,1,8)||'-'||substr(h,9,4)||'-'||substr(h,13,4)||'-'||substr(h,17,4)||'-'||substr(h,21,12), '$sub', 'login.success',
              '$payload', 'pending', 0, '2000-01-01 00:00:00', datetime('now') FROM n"
fi
wait_for $((before + ROWS))
cpu=$(( $(cpu_ms $server_pid) - cpu )); rcpu=$(( $(cpu_ms $receiver_pid) - rcpu ))
window=$(count | field window_ms)
echo "WEBHOOKS drain rows=$ROWS first_to_last_s=$(per "$window" 1000) deliveries_per_s=$(echo "($ROWS - 1) * 1000 / $window" | bc)" \
  "server_cpu_ms_per_delivery=$(per $cpu "$ROWS") receiver_cpu_ms_per_delivery=$(per $rcpu "$ROWS")" \
  "pending_left=$(sql "SELECT count(*) FROM webhook_deliveries WHERE status = 'pending'")"
