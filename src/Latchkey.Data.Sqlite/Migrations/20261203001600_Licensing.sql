-- Issue 16: the licensing core (plans, licenses, seats, metered usage with idempotency keys).
CREATE TABLE "license_plans" (
    "id" TEXT NOT NULL CONSTRAINT "pk_license_plans" PRIMARY KEY,
    "code" TEXT NOT NULL,
    "name" TEXT NOT NULL,
    "entitlements" TEXT NOT NULL,
    "seats" INTEGER NOT NULL,
    "duration_days" INTEGER NULL,
    "trial_days" INTEGER NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL
);

CREATE TABLE "licenses" (
    "id" TEXT NOT NULL CONSTRAINT "pk_licenses" PRIMARY KEY,
    "plan_id" TEXT NOT NULL,
    "user_id" TEXT NOT NULL,
    "status" TEXT NOT NULL,
    "starts_at" TEXT NOT NULL,
    "trial_ends_at" TEXT NULL,
    "ends_at" TEXT NULL,
    "seats" INTEGER NOT NULL,
    "seats_used" INTEGER NOT NULL,
    "overrides" TEXT NULL,
    "key_hash" BLOB NOT NULL,
    "key_prefix" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    "updated_at" TEXT NOT NULL,
    CONSTRAINT "fk_licenses_license_plans_plan_id" FOREIGN KEY ("plan_id") REFERENCES "license_plans" ("id") ON DELETE RESTRICT,
    CONSTRAINT "fk_licenses_users_user_id" FOREIGN KEY ("user_id") REFERENCES "users" ("id") ON DELETE CASCADE
);

CREATE TABLE "license_activations" (
    "id" TEXT NOT NULL CONSTRAINT "pk_license_activations" PRIMARY KEY,
    "license_id" TEXT NOT NULL,
    "fingerprint" TEXT NOT NULL,
    "created_at" TEXT NOT NULL,
    CONSTRAINT "fk_license_activations_licenses_license_id" FOREIGN KEY ("license_id") REFERENCES "licenses" ("id") ON DELETE CASCADE
);

CREATE TABLE "license_usage" (
    "license_id" TEXT NOT NULL,
    "feature" TEXT NOT NULL,
    "period_start" TEXT NOT NULL,
    "used" INTEGER NOT NULL,
    CONSTRAINT "pk_license_usage" PRIMARY KEY ("license_id", "feature", "period_start"),
    CONSTRAINT "fk_license_usage_licenses_license_id" FOREIGN KEY ("license_id") REFERENCES "licenses" ("id") ON DELETE CASCADE
);

CREATE TABLE "license_usage_events" (
    "id" TEXT NOT NULL CONSTRAINT "pk_license_usage_events" PRIMARY KEY,
    "license_id" TEXT NOT NULL,
    "idempotency_key" TEXT NOT NULL,
    "feature" TEXT NOT NULL,
    "quantity" INTEGER NOT NULL,
    "recorded_at" TEXT NOT NULL,
    CONSTRAINT "fk_license_usage_events_licenses_license_id" FOREIGN KEY ("license_id") REFERENCES "licenses" ("id") ON DELETE CASCADE
);

CREATE UNIQUE INDEX "ix_license_activations_license_id_fingerprint" ON "license_activations" ("license_id", "fingerprint");
CREATE UNIQUE INDEX "ix_license_plans_code" ON "license_plans" ("code");
CREATE UNIQUE INDEX "ix_license_usage_events_license_id_idempotency_key" ON "license_usage_events" ("license_id", "idempotency_key");
CREATE UNIQUE INDEX "ix_licenses_key_hash" ON "licenses" ("key_hash");
CREATE INDEX "ix_licenses_plan_id" ON "licenses" ("plan_id");
CREATE INDEX "ix_licenses_user_id" ON "licenses" ("user_id");
