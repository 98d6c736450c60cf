-- Email and phone flows: phone numbers on users, verification tickets, the message outbox.
ALTER TABLE "users" ADD COLUMN "phone_number" TEXT NULL;
ALTER TABLE "users" ADD COLUMN "phone_number_verified" INTEGER NOT NULL DEFAULT 0;
CREATE UNIQUE INDEX "ix_users_phone_number" ON "users" ("phone_number");

CREATE TABLE "verification_tickets" (
    "id" TEXT NOT NULL CONSTRAINT "pk_verification_tickets" PRIMARY KEY,
    "purpose" TEXT NOT NULL,
    "user_id" TEXT NULL,
    "target" TEXT NOT NULL,
    "secret_hash" BLOB NOT NULL,
    "payload" TEXT NULL,
    "attempts" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "expires_at" TEXT NOT NULL,
    "consumed_at" TEXT NULL,
    CONSTRAINT "fk_verification_tickets_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);
CREATE INDEX "ix_verification_tickets_purpose_target_created_at" ON "verification_tickets" ("purpose", "target", "created_at");
CREATE UNIQUE INDEX "ix_verification_tickets_secret_hash" ON "verification_tickets" ("secret_hash");
CREATE INDEX "ix_verification_tickets_user_id" ON "verification_tickets" ("user_id");

CREATE TABLE "outgoing_messages" (
    "id" TEXT NOT NULL CONSTRAINT "pk_outgoing_messages" PRIMARY KEY,
    "channel" TEXT NOT NULL,
    "recipient" TEXT NOT NULL,
    "template" TEXT NOT NULL,
    "protected_content" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "next_attempt_at" TEXT NOT NULL,
    "last_error" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "sent_at" TEXT NULL
);
CREATE INDEX "ix_outgoing_messages_status_next_attempt_at" ON "outgoing_messages" ("status", "next_attempt_at");
