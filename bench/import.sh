#!/usr/bin/env bash
# User import at scale: `latchkey users import` of N accounts (default a million) into a fresh database,
# then the same file again (every account already present), then a sign-in with an imported password.
#   bash bench/import.sh [--users 1000000] [--db postgres|sqlite] [--batch-size 1000] [--skip-build]
#   (BENCH_CONFIGURATION=Debug to time a Debug build instead of Release)
# The file is our own JSON format, one object per line (NDJSON, what `users export` writes): email, verified
# flag, names, metadata, created_at and a bcrypt hash (the same cost-4 hash of the import fixtures' password
# for every account: import stores hashes, it does not verify them, so their cost does not change the run).
# Prints one "IMPORT ..." line per run (the numbers docs/benchmarks.md records): records/s from the command's
# own summary; wall time, CPU time (user + system) and peak RSS of the whole process from GNU time. On a shared
# machine the CPU per record is the comparable figure (PostgreSQL's own CPU is not in it).
set -euo pipefail
cd "$(dirname "$0")/.."
USERS=1000000 DB=postgres BATCH=1000 BUILD=1 CONFIG=${BENCH_CONFIGURATION:-Release}
while (($#)); do
  case "$1" in
    --users) USERS=$2; shift ;;
    --db) DB=$2; shift ;;
    --batch-size) BATCH=$2; shift ;;
    --skip-build) BUILD=0 ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
log() { printf '==> %s\n' "$*"; }
warn() { printf 'bench: %s\n' "$*" >&2; }
source scripts/lib/postgres.sh   # free_port, pg_start, pg_stop
((BUILD)) && dotnet build src/Latchkey.Server -c "$CONFIG" -v q >/dev/null
SERVER=src/Latchkey.Server/bin/$CONFIG/net10.0/Latchkey.Server.dll

TMP=$(mktemp -d); chmod 755 "$TMP"; SERVER_PID=   # PostgreSQL runs as its own user and must reach $TMP/pg
cleanup() { [[ -n $SERVER_PID ]] && kill "$SERVER_PID" 2>/dev/null; [[ -n "${PG_DATA:-}" ]] && pg_stop; rm -rf "$TMP"; }
trap cleanup EXIT
export Latchkey__Database__Provider=$DB Latchkey__Database__SqlitePath="$TMP/latchkey.db" Logging__LogLevel__Default=Warning
if [[ $DB == postgres ]]; then
  pg_start "$TMP/pg"
  export ConnectionStrings__Latchkey="Host=127.0.0.1;Port=$PG_PORT;Username=postgres;Database=postgres"
fi

# The fixtures' bcrypt hash of their PASSWORD (tests/Latchkey.Api.Tests/Operations/Fixtures/make-fixtures.py).
PASSWORD='Imported-cobalt-Meadow-47'
HASH=$(/usr/bin/python3 -c 'import json,sys; print(next(u["passwordHash"] for u in json.load(open(sys.argv[1])) if u.get("username") == "json_ada"))' \
  tests/Latchkey.Api.Tests/Operations/Fixtures/latchkey.json)
log "writing $USERS accounts to $TMP/users.ndjson"
/usr/bin/python3 - "$USERS" "$HASH" >"$TMP/users.ndjson" <<'PY'
import json, sys
n, hash_ = int(sys.argv[1]), sys.argv[2]
out = sys.stdout
for i in range(n):
    out.write(json.dumps({
        "email": f"import{i}@bench.example", "emailVerified": i % 3 != 0, "firstName": "Bench", "lastName": f"User{i}",
        "locale": "en", "metadata": {"plan": "pro" if i % 2 else "free", "n": i}, "passwordHash": hash_,
        "createdAt": "2024-01-02T03:04:05Z"}, separators=(",", ":")))
    out.write("\n")
PY
log "file: $(du -h "$TMP/users.ndjson" | cut -f1)"
dotnet "$SERVER" migrate </dev/null >"$TMP/migrate.log" 2>&1 || { cat "$TMP/migrate.log"; exit 1; }

run_import() { # $1 = label; prints the IMPORT line
  /usr/bin/time -v -o "$TMP/time.txt" dotnet "$SERVER" users import "$TMP/users.ndjson" --format json --batch-size "$BATCH" \
    --report "$TMP/report.csv" </dev/null >"$TMP/import.log" 2>&1 || true   # exit 4 = some records skipped (the second run)
  local summary wall rss
  summary=$(grep -E '^Imported ' "$TMP/import.log" | tail -1)
  [[ -n $summary ]] || { tail -20 "$TMP/import.log"; exit 1; }
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$TMP/time.txt")
  rss=$(awk -F': ' '/Maximum resident set size/ {printf "%d", $2/1024}' "$TMP/time.txt")
  cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {printf "%.1f", s}' "$TMP/time.txt")
  /usr/bin/python3 - "$1" "$summary" "$wall" "$rss" "$DB" "$BATCH" "$cpu" <<'PY'
import re, sys
label, summary, wall, rss, db, batch, cpu = sys.argv[1:]
m = re.match(r"Imported (\d+), already present (\d+), failed (\d+), of (\d+) record\(s\) in ([\d.]+) s\.", summary)
imported, existing, failed, read, secs = int(m[1]), int(m[2]), int(m[3]), int(m[4]), float(m[5])
print(f"IMPORT run={label} db={db} batch={batch} read={read} imported={imported} present={existing} failed={failed} "
      f"seconds={secs:.1f} records_per_s={read / secs:.0f} wall={wall} cpu_s={cpu} cpu_ms_per_record={float(cpu) * 1000 / max(1, read):.2f} "
      f"peak_rss_mb={rss}")
PY
}
run_import first
run_import again

# An imported password signs in (and is rehashed to Argon2id by that sign-in).
port=$(free_port); base="http://127.0.0.1:$port"
dotnet "$SERVER" --urls "$base" --Latchkey:Email:OutboxPath="$TMP/outbox" </dev/null >"$TMP/server.log" 2>&1 & SERVER_PID=$!
for _ in $(seq 120); do curl -sf "$base/health/ready" >/dev/null 2>&1 && break; sleep 0.5; done
code=$(curl -s -o /dev/null -w '%{http_code}' -H 'content-type: application/json' \
  -d "{\"email\":\"import$((USERS - 1))@bench.example\",\"password\":\"$PASSWORD\"}" "$base/api/auth/login")
echo "IMPORT sign-in of the last imported account: HTTP $code"
[[ $code == 200 ]]
