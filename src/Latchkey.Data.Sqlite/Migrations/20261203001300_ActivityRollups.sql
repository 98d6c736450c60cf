-- Issue 13: the analytics rollup (hour and day buckets of activity counts) and how far each granularity is done.
CREATE TABLE "activity_rollups" (
    "granularity" TEXT NOT NULL,
    "bucket_start" TEXT NOT NULL,
    "metric" TEXT NOT NULL,
    "value" INTEGER NOT NULL,
    CONSTRAINT "pk_activity_rollups" PRIMARY KEY ("granularity", "bucket_start", "metric")
);

CREATE TABLE "activity_rollup_marks" (
    "granularity" TEXT NOT NULL CONSTRAINT "pk_activity_rollup_marks" PRIMARY KEY,
    "rolled_up_to" TEXT NULL
);

-- The rows exist from the start, so every node moves a mark with one conditional UPDATE (never a racing INSERT).
INSERT INTO "activity_rollup_marks" ("granularity", "rolled_up_to") VALUES ('hour', NULL), ('day', NULL);

-- The account snapshots count second-factor users: a partial index keeps that count small at a million accounts.
CREATE INDEX "ix_users_two_factor_enabled" ON "users" ("id") WHERE "two_factor_enabled";
