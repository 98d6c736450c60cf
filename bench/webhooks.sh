#!/usr/bin/env bash
# Webhook throughput: what the outbox adds to a sign-in, and deliveries per second to a local receiver.
#   bash bench/webhooks.sh [--db sqlite|postgres] [--duration 10] [--connections 16] [--skip-build]
# 1. sign-ins (wrk, bench/lua/login.lua, one account) with no webhook: the baseline;
# 2. the same with one subscription to login.success and the receiver up: sign-in rate with the outbox and
#    deliveries happening alongside;
# 3. backlog drain: the receiver stalls (holds requests unanswered) while sign-ins queue events, then
#    answers; the time until every queued delivery is accepted gives deliveries/s of the dispatcher alone.
# Prints one "WEBHOOKS ..." line per phase (the numbers docs/benchmarks.md records).
set -euo pipefail
cd "$(dirname "$0")/.."
DB=sqlite DURATION=10 CONNECTIONS=16 BUILD=1
while (($#)); do
  case "$1" in
    --db) DB=$2; shift ;;
    --duration) DURATION=$2; shift ;;
    --connections) CONNECTIONS=$2; shift ;;
    --skip-build) BUILD=0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
log() { printf '==> %s\n' "$*"; }
warn() { printf 'bench: %s\n' "$*" >&2; }
source scripts/lib/postgres.sh   # free_port, pg_start
((BUILD)) && dotnet build Latchkey.slnx -c Release -v q >/dev/null

TMP=$(mktemp -d); PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; [[ -n "${PG_DATA:-}" ]] && pg_stop 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
db_args=(--Latchkey:Database:Provider=sqlite --Latchkey:Database:SqlitePath="$TMP/latchkey.db")
if [[ $DB == postgres ]]; then
  pg_start "$TMP/pg"
  db_args=(--Latchkey:Database:Provider=postgres "--ConnectionStrings:Latchkey=Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres")
fi

rport=$(free_port)
node bench/peers/webhook-receiver/server.mjs "$rport" >"$TMP/receiver.log" 2>&1 & PIDS+=($!)
port=$(free_port); base="http://127.0.0.1:$port"
admin=admin@bench.test password='bench-Webhooks-Admin-77-plum'
dotnet src/Latchkey.Server/bin/Release/net10.0/Latchkey.Server.dll --urls "$base" "${db_args[@]}" \
  --Latchkey:Email:OutboxPath="$TMP/outbox" --Latchkey:RateLimits:Enabled=false \
  --Latchkey:Admin:Email="$admin" --Latchkey:Admin:Password="$password" \
  --Latchkey:Webhooks:AllowPrivateNetworks=true --Latchkey:Webhooks:AllowedHttpHosts:0=127.0.0.1 \
  --Latchkey:Webhooks:Timeout=00:01:00 \
  --Logging:LogLevel:Default=Warning </dev/null >"$TMP/server.log" 2>&1 & PIDS+=($!)
for _ in $(seq 120); do curl -sf "$base/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
curl -sf "$base/health/ready" >/dev/null || { tail -20 "$TMP/server.log"; exit 1; }

jar="$TMP/cookies"
curl -sf -c "$jar" -H 'content-type: application/json' -d "{\"email\":\"$admin\",\"password\":\"$password\"}" "$base/api/auth/login" >/dev/null
curl -sf -H 'content-type: application/json' -d "{\"email\":\"bench0@example.com\",\"password\":\"$password\",\"firstName\":\"B\",\"lastName\":\"W\"}" "$base/api/auth/register" >/dev/null

signins() { # $1 = phase name; prints the RESULT line of wrk
  BENCH_LUA=bench/lua BENCH_USERS=1 BENCH_TEMPLATE="{\"username\":\"bench%d@example.com\",\"password\":\"$password\"}" \
    wrk -t2 -c"$CONNECTIONS" -d"${DURATION}s" -s bench/lua/login.lua "$base/api/v1/auth/login" | grep '^RESULT' | sed "s/^RESULT/$1/"
}
accepted() { curl -sf "http://127.0.0.1:$rport/count" | sed 's/.*"accepted":\([0-9]*\).*/\1/'; }
wait_for() { # $1 = count to reach; prints seconds taken
  local start=$(date +%s.%N)
  until (($(accepted) >= $1)); do sleep 0.05; done
  echo "$(date +%s.%N) - $start" | bc
}

log "baseline: sign-ins, no webhook"
echo "WEBHOOKS baseline $(signins signin)"
curl -sf -b "$jar" -H 'content-type: application/json' \
  -d "{\"url\":\"http://127.0.0.1:$rport/hook\",\"events\":[\"login.success\"]}" "$base/api/admin/webhooks" >/dev/null

log "sign-ins with one subscription, receiver up"
before=$(accepted)
line=$(signins signin)
sent=$(echo "$line" | sed 's/.*requests=\([0-9]*\).*/\1/')
drain=$(wait_for $((before + sent)))
echo "WEBHOOKS with_outbox $line drained_after_s=$drain delivered=$(( $(accepted) - before ))"

log "backlog: receiver stalled while sign-ins queue events, then answering"
curl -sf -X POST "http://127.0.0.1:$rport/mode?up=0" >/dev/null
before=$(accepted)
line=$(signins signin)
sent=$(echo "$line" | sed 's/.*requests=\([0-9]*\).*/\1/')
curl -sf -X POST "http://127.0.0.1:$rport/mode?up=1" >/dev/null
seconds=$(wait_for $((before + sent)))
echo "WEBHOOKS backlog events=$sent drain_s=$seconds deliveries_per_s=$(echo "$sent / $seconds" | bc)"
