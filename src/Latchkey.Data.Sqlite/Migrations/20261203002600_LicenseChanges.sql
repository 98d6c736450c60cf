-- Issue 16: the entitlement cache follows licenses and plans through the change feed (see the PostgreSQL
-- script); a seat taken or released (seats_used) does not bump the area.
INSERT INTO "change_versions" ("area", "version") VALUES ('licenses', 0);

CREATE TRIGGER "license_plans_added" AFTER INSERT ON "license_plans"
BEGIN UPDATE "change_versions" SET "version" = "version" + 1 WHERE "area" = 'licenses'; END;
CREATE TRIGGER "license_plans_updated" AFTER UPDATE ON "license_plans"
BEGIN UPDATE "change_versions" SET "version" = "version" + 1 WHERE "area" = 'licenses'; END;
CREATE TRIGGER "license_plans_deleted" AFTER DELETE ON "license_plans"
BEGIN UPDATE "change_versions" SET "version" = "version" + 1 WHERE "area" = 'licenses'; END;

CREATE TRIGGER "licenses_added" AFTER INSERT ON "licenses"
BEGIN UPDATE "change_versions" SET "version" = "version" + 1 WHERE "area" = 'licenses'; END;
CREATE TRIGGER "licenses_changed" AFTER UPDATE OF "plan_id", "user_id", "status", "starts_at", "trial_ends_at", "ends_at", "overrides" ON "licenses"
BEGIN UPDATE "change_versions" SET "version" = "version" + 1 WHERE "area" = 'licenses'; END;
CREATE TRIGGER "licenses_deleted" AFTER DELETE ON "licenses"
BEGIN UPDATE "change_versions" SET "version" = "version" + 1 WHERE "area" = 'licenses'; END;

-- When license.expired was raised for the current term (LicenseExpiryWorker); not in the trigger's column list.
ALTER TABLE "licenses" ADD COLUMN "expiry_notified_at" TEXT NULL;
