#!/usr/bin/env bash
# Two nodes on one PostgreSQL against one (issue 20): refresh and sign-in throughput.
#   bash bench/nodes.sh [--duration 10] [--connections 32] [--users 2000] [--skip-build]
# 1. one node: wrk on refresh (seeded refresh tokens, bench/lua/refresh.lua) and on sign-in (seeded users,
#    bench/lua/login.lua) with --connections connections;
# 2. a second node on the same database: the same runs split over both nodes (two wrk processes at the same
#    time, half the connections each, disjoint blocks of refresh tokens); their requests per second are added.
# Prints one "NODES <scenario> <nodes> rps=... p50_ms=... p99_ms=... errors=..." line per run and the scaling
# (the numbers docs/benchmarks.md records). Both nodes share the machine with PostgreSQL and wrk: on a
# machine with few cores, the second node competes with the first for the same cores, which the figures show.
set -euo pipefail
cd "$(dirname "$0")/.."
DURATION=10 CONNECTIONS=32 USERS=2000 BUILD=1
# Each numeric option sets the upper-case variable of its name (--users 500: USERS=500).
while (($#)); do
  if [[ "$1" == --skip-build ]]; then BUILD=0; shift; continue; fi
  name="${1#--}"
  [[ "$name" =~ ^(duration|connections|users)$ && "${2:-}" =~ ^[0-9]+$ ]] || { echo "bench/nodes.sh: bad option $1 ${2:-}" >&2; exit 2; }
  printf -v "${name^^}" '%s' "$2"; shift 2
done
log() { printf '==> %s\n' "$*"; }
warn() { printf 'bench: %s\n' "$*" >&2; }
source scripts/lib/postgres.sh   # free_port, pg_start, pg_stop, as_postgres
((BUILD)) && dotnet build Latchkey.slnx -c Release -v q >/dev/null

TMP=$(mktemp -d); chmod 755 "$TMP"; PIDS=()
cleanup() { for p in "${PIDS[@]}"; do kill "$p" 2>/dev/null || true; done; [[ -n "${PG_DATA:-}" ]] && pg_stop 2>/dev/null; rm -rf "$TMP"; }
trap cleanup EXIT
trap "exit 143" TERM INT
BIN="$PWD/src/Latchkey.Server/bin/Release/net10.0"
SEED=bench/Latchkey.Bench.Seed/bin/Release/net10.0/Latchkey.Bench.Seed.dll
PASSWORD="tundra-Velvet-9-quasar"
pg_start "$TMP/pg"
db_args=(--Latchkey:Database:Provider=postgres "--ConnectionStrings:Latchkey=Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres")

dotnet "$BIN/Latchkey.Server.dll" migrate --contentRoot "$BIN" "${db_args[@]}" --Logging:LogLevel:Default=Warning >"$TMP/migrate.log" 2>&1 \
  || { cat "$TMP/migrate.log" >&2; exit 1; }
log "seeding $USERS users and sessions"
dotnet "$SEED" "${db_args[@]}" --users "$USERS" --password "$PASSWORD" --secrets-out "$TMP/secrets.txt" --secrets-count "$USERS" >/dev/null

# node <name>: a server on a free port, its URL in NODE_URL.
node() {
  local port; port=$(free_port); NODE_URL="http://127.0.0.1:$port"
  dotnet "$BIN/Latchkey.Server.dll" --contentRoot "$BIN" --urls "$NODE_URL" "${db_args[@]}" \
    --Latchkey:PublicUrl=http://latchkey.bench.test --Latchkey:RateLimits:Enabled=false \
    --Latchkey:Database:MigrateOnStart=false --Latchkey:Email:OutboxPath="$TMP/outbox" \
    --Logging:LogLevel:Default=Warning </dev/null >"$TMP/node-$1.log" 2>&1 & PIDS+=($!)
  for _ in $(seq 240); do curl -sf "$NODE_URL/health/ready" >/dev/null 2>&1 && return 0; sleep 0.5; done
  tail -20 "$TMP/node-$1.log" >&2; return 1
}

# wrk_run <scenario> <url> <connections> <token offset>: one wrk process (2 threads); prints its RESULT line.
wrk_run() {
  local scenario="$1" url="$2" conc="$3" offset="$4"
  if [[ $scenario == refresh ]]; then
    BENCH_LUA=bench/lua BENCH_CONNECTIONS="$conc" BENCH_TOKENS="$TMP/secrets.txt" BENCH_OFFSET="$offset" \
      BENCH_PER_THREAD="$(per_thread "$conc")" BENCH_TEMPLATE='{"refreshToken":"%s"}' \
      wrk -t2 -c"$conc" -d"${DURATION}s" --timeout 10s -s bench/lua/refresh.lua "$url/api/v1/auth/refresh"
  else
    BENCH_LUA=bench/lua BENCH_CONNECTIONS="$conc" BENCH_USERS="$USERS" \
      BENCH_TEMPLATE="{\"username\":\"bench%d\",\"password\":\"$PASSWORD\"}" \
      wrk -t2 -c"$conc" -d"${DURATION}s" --timeout 10s -s bench/lua/login.lua "$url/api/v1/auth/login"
  fi | grep '^RESULT'
}
per_thread() { echo $(( ($1 + 1) / 2 + 16 )); }   # refresh tokens per wrk thread (as bench/run.sh)

# run <scenario> <nodes> <url>...: the connections split evenly over the nodes, one wrk per node at the same
# time; prints the NODES line with the summed rate, the worst p99 and the summed errors.
OFFSET=0
run() {
  local scenario="$1" nodes="$2"; shift 2
  local conc=$((CONNECTIONS / nodes)) i=0 url wrks=()
  for url in "$@"; do
    wrk_run "$scenario" "$url" "$conc" "$OFFSET" >"$TMP/result-$i" & wrks+=($!)
    OFFSET=$((OFFSET + 2 * $(per_thread "$conc"))); i=$((i + 1))
  done
  wait "${wrks[@]}"   # not a bare wait: the nodes are children too
  cat "$TMP"/result-* | awk -v s="$scenario" -v n="$nodes" '
    { for (f = 2; f <= NF; f++) { split($f, kv, "="); v[kv[1]] = kv[2] }
      rps += v["rps"]; if (v["p99_ms"] > p99) p99 = v["p99_ms"]; p50 += v["p50_ms"]; err += v["non2xx"] + v["socket"] }
    END { printf "NODES %s %d rps=%.1f p50_ms=%.2f p99_ms=%.2f errors=%d\n", s, n, rps, p50 / NR, p99, err }' | tee -a "$TMP/nodes.txt"
  rm -f "$TMP"/result-*
}

(( 4 * CONNECTIONS <= USERS )) || warn "few seeded refresh tokens for $CONNECTIONS connections: raise --users"
log "one node"
node a; A="$NODE_URL"
run refresh 1 "$A"
run signin 1 "$A"
log "two nodes on the same PostgreSQL"
node b; B="$NODE_URL"
run refresh 2 "$A" "$B"
run signin 2 "$A" "$B"
awk '{ split($4, kv, "="); r[$2 " " $3] = kv[2] }
  END { for (s in r) if (s ~ / 2$/) { split(s, p, " "); printf "NODES scaling %s x%.2f\n", p[1], r[s] / r[p[1] " 1"] } }' "$TMP/nodes.txt"
