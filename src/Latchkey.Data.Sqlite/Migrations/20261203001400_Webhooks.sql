-- Issue 14: webhook subscriptions and their outbox (one row per event per subscription, written with the activity row).
CREATE TABLE "webhook_subscriptions" (
    "id" TEXT NOT NULL CONSTRAINT "pk_webhook_subscriptions" PRIMARY KEY,
    "url" TEXT NOT NULL,
    "description" TEXT NULL,
    "events" TEXT NOT NULL,
    "active" INTEGER NOT NULL,
    "protected_secret" TEXT NOT NULL,
    "protected_previous_secret" TEXT NULL,
    "previous_secret_expires_at" TEXT NULL,
    "consecutive_failures" INTEGER NOT NULL,
    "disabled_reason" TEXT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);
CREATE TABLE "webhook_deliveries" (
    "id" TEXT NOT NULL CONSTRAINT "pk_webhook_deliveries" PRIMARY KEY,
    "subscription_id" TEXT NOT NULL,
    "event_type" TEXT NOT NULL,
    "payload" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "attempts" INTEGER NOT NULL,
    "next_attempt_at" TEXT NOT NULL,
    "last_status_code" INTEGER NULL,
    "last_duration_ms" INTEGER NULL,
    "last_error" TEXT NULL,
    "last_attempt_at" TEXT NULL,
    "delivered_at" TEXT NULL,
    "created_at" TEXT NOT NULL
);
CREATE INDEX "ix_webhook_deliveries_status_next_attempt_at" ON "webhook_deliveries" ("status", "next_attempt_at");
CREATE INDEX "ix_webhook_deliveries_subscription_id_created_at" ON "webhook_deliveries" ("subscription_id", "created_at");
