-- Issue 20: one version row per node-cache area, bumped by triggers in the same transaction as the
-- change (see the PostgreSQL script). SQLite serves one node, but the same feed runs on it unchanged.
CREATE TABLE "change_versions" (
    "area" TEXT NOT NULL CONSTRAINT "pk_change_versions" PRIMARY KEY,
    "version" INTEGER NOT NULL
);

INSERT INTO "change_versions" ("area", "version") VALUES
    ('oauth_clients', 0), ('settings', 0), ('revoked_tokens', 0), ('signing_keys', 0), ('sessions', 0);

CREATE TRIGGER "oauth_clients_added" AFTER INSERT ON "oauth_clients"
BEGIN UPDATE "change_versions" SET "version" = "version" + 1 WHERE "area" = 'oauth_clients'; END;
CREATE TRIGGER "oauth_clients_updated" AFTER UPDATE ON "oauth_clients"
BEGIN UPDATE "change_versions" SET "version" = "version" + 1 WHERE "area" = 'oauth_clients'; END;
CREATE TRIGGER "oauth_clients_deleted" AFTER DELETE ON "oauth_clients"
BEGIN UPDATE "change_versions" SET "version" = "version" + 1 WHERE "area" = 'oauth_clients'; END;

CREATE TRIGGER "oauth_api_resources_added" AFTER INSERT ON "oauth_api_resources"
BEGIN UPDATE "change_versions" SET "version" = "version" + 1 WHERE "area" = 'oauth_clients'; END;
CREATE TRIGGER "oauth_api_resources_updated" AFTER UPDATE ON "oauth_api_resources"
BEGIN UPDATE "change_versions" SET "version" = "version" + 1 WHERE "area" = 'oauth_clients'; END;
CREATE TRIGGER "oauth_api_resources_deleted" AFTER DELETE ON "oauth_api_resources"
BEGIN UPDATE "change_versions" SET "version" = "version" + 1 WHERE "area" = 'oauth_clients'; END;

CREATE TRIGGER "runtime_settings_added" AFTER INSERT ON "runtime_settings"
BEGIN UPDATE "change_versions" SET "version" = "version" + 1 WHERE "area" = 'settings'; END;
CREATE TRIGGER "runtime_settings_updated" AFTER UPDATE ON "runtime_settings"
BEGIN UPDATE "change_versions" SET "version" = "version" + 1 WHERE "area" = 'settings'; END;

CREATE TRIGGER "revoked_access_tokens_added" AFTER INSERT ON "revoked_access_tokens"
BEGIN UPDATE "change_versions" SET "version" = "version" + 1 WHERE "area" = 'revoked_tokens'; END;

CREATE TRIGGER "signing_keys_added" AFTER INSERT ON "signing_keys"
BEGIN UPDATE "change_versions" SET "version" = "version" + 1 WHERE "area" = 'signing_keys'; END;
CREATE TRIGGER "signing_keys_updated" AFTER UPDATE ON "signing_keys"
BEGIN UPDATE "change_versions" SET "version" = "version" + 1 WHERE "area" = 'signing_keys'; END;
CREATE TRIGGER "signing_keys_deleted" AFTER DELETE ON "signing_keys"
BEGIN UPDATE "change_versions" SET "version" = "version" + 1 WHERE "area" = 'signing_keys'; END;

CREATE TRIGGER "sessions_revoked" AFTER UPDATE OF "revoked_at" ON "sessions"
WHEN OLD."revoked_at" IS NULL AND NEW."revoked_at" IS NOT NULL
BEGIN UPDATE "change_versions" SET "version" = "version" + 1 WHERE "area" = 'sessions'; END;
CREATE TRIGGER "users_disabled" AFTER UPDATE OF "disabled" ON "users"
WHEN OLD."disabled" IS NOT NEW."disabled"
BEGIN UPDATE "change_versions" SET "version" = "version" + 1 WHERE "area" = 'sessions'; END;
CREATE TRIGGER "users_deleted" AFTER DELETE ON "users"
BEGIN UPDATE "change_versions" SET "version" = "version" + 1 WHERE "area" = 'sessions'; END;

-- The shared counters' table (see the PostgreSQL script); one SQLite node keeps its counts in memory.
CREATE TABLE "rate_counters" (
    "key" TEXT NOT NULL,
    "window_start" TEXT NOT NULL,
    "window_end" TEXT NOT NULL,
    "count" INTEGER NOT NULL,
    CONSTRAINT "pk_rate_counters" PRIMARY KEY ("key", "window_start")
);

CREATE INDEX "ix_rate_counters_window_end" ON "rate_counters" ("window_end");
