# shellcheck shell=bash
# scripts/lib/services.sh: the SMTP sink and the PostgreSQL cluster the tests talk to.
# Sourced by scripts/test.sh; uses its settings and bookkeeping (log, warn, add_counts, stage_problem,
# run_bounded, TMP_ROOT, RESULTS_DIR, CONFIGURATION).
start_postgres() { pg_start "$TMP_ROOT/pg"; }

start_smtp() {
  MAILDIR="$TMP_ROOT/maildir"
  mkdir -p "$MAILDIR"/{cur,new,tmp}     # Maildir layout the Mailbox handler writes
  local attempt port i
  for attempt in 1 2 3; do
    port=$(free_port)
    # -n: do not setuid to nobody (it would fail as a normal user, and as
    # root it could not write our Maildir).
    "$PY" -m aiosmtpd -n -l "127.0.0.1:$port" -c aiosmtpd.handlers.Mailbox "$MAILDIR" \
      </dev/null >"$TMP_ROOT/smtp.log" 2>&1 &
    SMTP_PID=$!
    for ((i = 0; i < 100; i++)); do      # up to ~10 s
      if port_open "$port"; then
        SMTP_PORT="$port"
        log "SMTP sink on 127.0.0.1:$SMTP_PORT (Maildir $MAILDIR)"
        return 0
      fi
      kill -0 "$SMTP_PID" 2>/dev/null || break   # it died (port taken?)
      sleep 0.1
    done
    warn "SMTP sink did not come up on port $port (attempt $attempt)"
    cat "$TMP_ROOT/smtp.log" >&2 || true
    kill "$SMTP_PID" 2>/dev/null || true; wait "$SMTP_PID" 2>/dev/null || true
    SMTP_PID=""
  done
  return 1
}
