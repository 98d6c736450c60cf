-- Issue 16: the entitlement cache of every node follows licenses and plans through the change feed. A
-- statement-level trigger bumps the 'licenses' area when a plan changes, or a license is granted, removed or
-- has a column changed that entitlements depend on. Taking or releasing a seat (seats_used, on the activation
-- path) is not one of them, so activations do not empty the other nodes' caches.
INSERT INTO change_versions (area, version) VALUES ('licenses', 0);

CREATE TRIGGER license_plans_changed AFTER INSERT OR UPDATE OR DELETE ON license_plans
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('licenses');
CREATE TRIGGER licenses_added_or_removed AFTER INSERT OR DELETE ON licenses
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('licenses');
CREATE TRIGGER licenses_changed AFTER UPDATE OF plan_id, user_id, status, starts_at, trial_ends_at, ends_at, overrides ON licenses
    FOR EACH STATEMENT EXECUTE FUNCTION bump_change_version('licenses');

-- When license.expired was raised for the current term (LicenseExpiryWorker); not in the trigger's column list,
-- so marking it does not empty the nodes' entitlement caches.
ALTER TABLE licenses ADD expiry_notified_at timestamp with time zone;
