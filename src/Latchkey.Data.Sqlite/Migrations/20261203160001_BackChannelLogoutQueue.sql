-- Issue 20: the durable back-channel logout queue (one row per client per ended browser session, written with the session's end).
CREATE TABLE "backchannel_logouts" (
    "id" TEXT NOT NULL CONSTRAINT "pk_backchannel_logouts" PRIMARY KEY,
    "client_row_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "session_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "next_attempt_at" TEXT NOT NULL,
    "last_error" TEXT NULL,
    "created_at" TEXT NOT NULL
);
CREATE INDEX "ix_backchannel_logouts_status_next_attempt_at" ON "backchannel_logouts" ("status", "next_attempt_at");
