-- Issue 13: the runtime settings document administrators change (one row), with the version every node polls.
CREATE TABLE "runtime_settings" (
    "id" INTEGER NOT NULL CONSTRAINT "pk_runtime_settings" PRIMARY KEY,
    "document" TEXT NOT NULL,
    "version" INTEGER NOT NULL,
    "updated_at" TEXT NOT NULL,
    "updated_by" TEXT NULL
);
